/**
 * 办事指南 in a real browser over the demo server (its 120 published matters): the matter list with a filter, one
 * matter's editor with its published guide's downloads and QR code, the hall dashboard with the shares as of the end
 * of 2019, and the public guide page on a phone — axe-core finds no serious or critical violation on any of them.
 * Skipped, with a message, when /usr/bin/chromium is missing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axeViolations, contextOptions, openAdmin, SERIOUS, signInDemo, skipWithoutChromium, startRig, violationsOf, type BrowserRig } from './browser-helpers.js';

const PUBLISHER = { login: 'gongkai', initial: 'Demo#2026-05', chosen: 'Zheng#Wu-2026-mt' };

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
});
