/**
 * 建议提案 and 更正 in a real browser, signed in as the demo drafter (李经办): the proposal screen lists the demo
 * bureau's 政协提案 (answered, its result published) and warns about an overdue one; an answer after the deadline
 * without a reason shows the server's Chinese message and is stored once the reason is given; a published report is
 * corrected with a reason and shows as 更正中. axe-core finds no serious or critical violation on these screens at
 * 1366 px and 360 px. Skipped, with a message, when /usr/bin/chromium is missing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  axeViolations, contextOptions, openAdmin, SERIOUS, signInDemo, skipWithoutChromium, startRig, violationsOf, type BrowserRig,
} from './browser-helpers.js';

const DRAFTER = { login: 'jingban', initial: 'Demo#2026-01', chosen: 'Li#Drafter-2026-tz' } as const;

describe('proposals and report correction in a browser', { skip: skipWithoutChromium }, () => {
  let rig: BrowserRig | null = null;
  let browser: Browser | null = null;
  let base = '';

  async function signedIn(width = 1366): Promise<{ context: BrowserContext; csrf: string; agencyId: number }> {
    const context = await browser!.newContext(contextOptions(width));
    const session = await signInDemo(context, base, DRAFTER);
    return { context, csrf: session.csrfToken, agencyId: session.user.agencyId };
  }
  const noSerious = async (page: Page) => assert.deepEqual(violationsOf(await axeViolations(page), SERIOUS), []);
  /** Types a date into an antd DatePicker found by its form label and confirms it. */
  const pickDate = async (page: Page, scope: ReturnType<Page['locator']>, label: string, date: string) => {
    const input = scope.getByLabel(label);
    await input.click();
    await input.fill(date);
    await input.press('Enter');
    await page.keyboard.press('Escape');
  };

  before(async () => {
    rig = await startRig('gk-proposals-ui-');
    ({ base, browser } = rig);
  });
  after(async () => { await rig?.stop(); });

  test('the proposal screen: the demo result, an overdue warning, a late answer refused without its reason', async () => {
    const { context, csrf, agencyId } = await signedIn();
    const created = await context.request.post(`${base}/api/agencies/${agencyId}/proposals`, {
      headers: { 'x-csrf-token': csrf },
      data: { kind: 'npc', sourceNo: '第 7 号', title: '关于增设政务服务自助终端的建议', proposer: '刘某代表（演示）', receivedOn: '2026-08-03', leadOffice: '政务服务科' },
    });
    assert.equal(created.status(), 201, await created.text());
    const { regNo } = await created.json() as { regNo: string };
    await context.close();

    // The narrow screen first: the answer given on the wide one ends the overdue warning.
    for (const width of [360, 1366]) {
      const { context: c } = await signedIn(width);
      const { page, errors } = await openAdmin(c, base, '#/proposals');
      try {
        await page.getByRole('heading', { name: '建议提案办理' }).waitFor();
        await page.getByText('JYTA-2025-0001').waitFor();
        await page.getByText(/已逾期 1 件/).waitFor();
        await noSerious(page);
        if (width === 1366) {
          await page.getByRole('link', { name: regNo }).click();
          const detail = page.locator('section', { has: page.getByRole('heading', { name: /登记答复/ }) });
          await detail.waitFor();
          await pickDate(page, detail, '答复日期', '2026-11-10');
          await detail.getByLabel('答复函内容').fill('刘某代表：您提出的建议收悉，现答复如下……（演示数据）');
          await detail.getByRole('button', { name: /登记答复/ }).click();
          await page.getByText(/逾期答复须写明逾期理由/).first().waitFor();
          await noSerious(page);
          await detail.getByLabel(/逾期理由/).fill('需会同区大数据中心调研点位，时间较长');
          await detail.getByRole('button', { name: /登记答复/ }).click();
          await page.getByText('逾期理由：需会同区大数据中心调研点位，时间较长', { exact: false }).waitFor();
          // The success message fades in and out (half transparent meanwhile): checked once it is gone.
          await page.locator('.ant-message-notice').waitFor({ state: 'detached' });
          await noSerious(page);
        }
        assert.deepEqual(errors, []);
      } finally {
        await c.close();
      }
    }
  });

  test('a published report is corrected with a reason and shows as 更正中', async () => {
    const { context, agencyId } = await signedIn();
    const reports = await (await context.request.get(`${base}/api/reports?agencyId=${agencyId}&year=2025`)).json() as Array<{ id: number; status: string }>;
    const report = reports[0]!;
    assert.equal(report.status, 'published');
    const { page, errors } = await openAdmin(context, base, `#/reports/${report.id}`);
    try {
      await page.getByRole('button', { name: /更\s*正/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(/更正说明/).fill('第六部分建议提案办理情况表述有误');
      await noSerious(page);
      await dialog.getByRole('button', { name: /开始更正/ }).click();
      await page.getByText('更正中', { exact: true }).waitFor();
      await page.getByText(/正在更正（更正说明：第六部分建议提案办理情况表述有误）/).waitFor();
      await noSerious(page);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
