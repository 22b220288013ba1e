/**
 * 办事指南 in a real browser over the demo server (its 120 published matters): the matter list with a filter, one
 * matter's editor with its published guide's downloads and QR code, the hall dashboard with the shares as of the end
 * of 2019, and the public guide page on a phone — axe-core finds no serious or critical violation on any of them;
 * a matter abolished (事项取消) from its screen, the abolition through the chain, and the guide's page that printed QR
 * codes still open saying when and why (no axe violation at all on that public page).
 * Skipped, with a message, when /usr/bin/chromium is missing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axeViolations, contextOptions, openAdmin, SERIOUS, signInDemo, skipWithoutChromium, startRig, violationsOf, type BrowserRig } from './browser-helpers.js';

const PUBLISHER = { login: 'gongkai', initial: 'Demo#2026-05', chosen: 'Zheng#Wu-2026-mt' };
/** The chain's other demo users (each signs in once with the password chosen here). */
const CHAIN = {
  jingban: { login: 'jingban', initial: 'Demo#2026-01', chosen: 'Jing#Ban-2026-mt' },
  kezhang: { login: 'kezhang', initial: 'Demo#2026-02', chosen: 'Ke#Zhang-2026-mt' },
  baomi: { login: 'baomi', initial: 'Demo#2026-03', chosen: 'Bao#Mi-2026-mtq' },
  lingdao: { login: 'lingdao', initial: 'Demo#2026-04', chosen: 'Ling#Dao-2026-mt' },
} as const;

describe('办事指南 in a browser', { skip: skipWithoutChromium }, () => {
  let rig: BrowserRig;
  before(async () => { rig = await startRig('gk-matters-'); });
  after(async () => rig?.stop());

  test('the list, a matter, the dashboard and the public guide page, axe-clean (no serious or critical)', async () => {
    const context = await rig.browser.newContext(contextOptions(1366));
    await signInDemo(context, rig.base, PUBLISHER);
    const { page, errors } = await openAdmin(context, rig.base, '#/matters');
    await page.getByRole('heading', { level: 1, name: '办事指南' }).waitFor();
    await page.getByText('共 120 项').waitFor();
    let violations = violationsOf(await axeViolations(page), SERIOUS);
    assert.deepEqual(violations, [], violations.join('\n'));

    await page.getByRole('link', { name: '食品经营许可（新办）' }).click();
    await page.getByRole('heading', { level: 2, name: '已发布的办事指南' }).waitFor();
    assert.equal(await page.getByRole('img', { name: /办事指南的二维码/ }).count(), 1);
    violations = violationsOf(await axeViolations(page), SERIOUS);
    assert.deepEqual(violations, [], violations.join('\n'));

    await page.goto(`${rig.base}/admin/#/service-halls`);
    await page.getByRole('spinbutton', { name: '年度' }).fill('2019');
    await page.getByText('98.3%').waitFor();
    await page.getByText(/窗口 264 个，全年办件 420,000 件，快递送达证照 496 件/).waitFor();
    violations = violationsOf(await axeViolations(page), SERIOUS);
    assert.deepEqual(violations, [], violations.join('\n'));
    assert.deepEqual(errors, []);
    await context.close();

    const phone = await rig.browser.newContext(contextOptions(360));
    const guide = await phone.newPage();
    await guide.goto(`${rig.base}/matters`);
    await guide.getByRole('link', { name: '食品经营许可（新办）' }).click();
    await guide.getByRole('heading', { level: 1, name: '食品经营许可（新办）' }).waitFor();
    violations = violationsOf(await axeViolations(guide), SERIOUS);
    assert.deepEqual(violations, [], violations.join('\n'));
    await phone.close();
  });
  test('事项取消: the drafter abolishes a matter on its screen; once signed off and published its public page says why', async () => {
    const context = await rig.browser.newContext(contextOptions(1366));
    const session = await signInDemo(context, rig.base, CHAIN.jingban);
    const agencyId = session.user.agencyId;
    const list = await (await context.request.get(`${rig.base}/api/agencies/${agencyId}/matters?q=${encodeURIComponent('食品经营许可（注销）')}`)).json() as { matters: Array<{ id: number }> };
    const id = list.matters[0]!.id;
    const { page, errors } = await openAdmin(context, rig.base, `#/matters/${agencyId}/${id}`);
    await page.getByRole('button', { name: '取消事项' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/取消理由/).fill('依据区政府关于取消一批政务服务事项的决定（演示）');
    let violations = violationsOf(await axeViolations(page), SERIOUS);
    assert.deepEqual(violations, [], violations.join('\n'));
    await dialog.getByRole('button', { name: /生成取消版本/ }).click();
    await page.getByText(/为取消版本（取消理由：依据区政府关于取消一批政务服务事项的决定（演示））/).waitFor();
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByText('已提交审核').first().waitFor();
    await page.locator('.ant-message-notice').waitFor({ state: 'detached' }).catch(() => undefined);
    violations = violationsOf(await axeViolations(page), SERIOUS);
    assert.deepEqual(violations, [], violations.join('\n'));
    assert.deepEqual(errors, []);
    await context.close();

    // The reviewers and the publisher, over the API.
    const as = async (user: { login: string; initial: string; chosen: string }, path: string, data: unknown) => {
      const c = await rig.browser.newContext(contextOptions(1366));
      const s = await signInDemo(c, rig.base, user);
      const res = await c.request.post(`${rig.base}/api/agencies/${agencyId}/matters/${id}/${path}`, { data, headers: { 'x-csrf-token': s.csrfToken } });
      assert.equal(res.status(), 200, await res.text());
      await c.close();
    };
    await as(CHAIN.kezhang, 'review', { step: 'first-review', decision: 'pass' });
    await as(CHAIN.baomi, 'review', {
      step: 'secrecy-review', decision: 'pass',
      form: { stateSecret: false, workSecret: false, personalInfo: false, tradeSecret: false, channelsFit: { portal: true }, conclusion: '不涉密，同意发布取消' },
    });
    await as(CHAIN.lingdao, 'review', { step: 'sign-off', decision: 'pass' });
    await as(PUBLISHER, 'publish', { channels: ['portal'] });

    const phone = await rig.browser.newContext(contextOptions(360));
    const guide = await phone.newPage();
    const res = await guide.goto(`${rig.base}/matters/${id}`);
    assert.equal(res?.status(), 410);
    await guide.getByText(/本事项已于 \d{4}-\d{2}-\d{2} 取消，不再办理/).waitFor();
    const all = await axeViolations(guide);
    assert.deepEqual(violationsOf(all, ['minor', 'moderate', 'serious', 'critical']), []);
    await phone.close();
  });
});
