/**
 * 报告核查 in a real browser, signed in as the demo supervisor (郑督查): uploading two published reports and one
 * file that is no report as a new batch, the progress until every file is read, the results with the non-report's
 * Chinese reason, one report's page (cells coloured, blanks summarised), dismissing a finding with a note, and the
 * comparison of a year. axe-core finds no serious or critical violation on each screen at 1366 px; screenshots at
 * 1366 and 360 px go to /tmp (GONGKAI_SCREENSHOTS=0 leaves them out). Skipped, with a message, without Chromium.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import {
  axeViolations, contextOptions, openAdmin, ROOT, SERIOUS, signInDemo, skipWithoutChromium, startRig, violationsOf, type BrowserRig,
} from './browser-helpers.js';

const skip = skipWithoutChromium;
const SUPERVISOR = { login: 'jiandu', initial: 'Demo#2026-07', chosen: 'Jian#Du-Audit-2026' };
const SHOTS = process.env.GONGKAI_SCREENSHOTS !== '0';

/** The uploads: two published reports and a notice that is no report. */
const FILES = [
  { name: '环翠区行政审批服务局2019年报.txt', mimeType: 'text/plain', buffer: readFileSync(join(ROOT, 'test/corpus/txt/seed-huancui-2019.txt')) },
  { name: '某某市人社局2020年报.txt', mimeType: 'text/plain', buffer: readFileSync(join(ROOT, 'test/corpus/txt/variant-run-together-2020.txt')) },
  { name: '植树活动通知.txt', mimeType: 'text/plain', buffer: readFileSync(join(ROOT, 'test/corpus/txt/not-a-report.txt')) },
];

/** Serious or critical axe violations (axeViolations waits for antd's motion to end first). */
const serious = async (page: Page) => violationsOf(await axeViolations(page), SERIOUS);

/** A full-page screenshot into /tmp. */
async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `/tmp/gongkai-audit-${name}.png`, fullPage: true });
}

describe('报告核查 in a browser', { skip }, () => {
  let rig: BrowserRig | null = null;

  before(async () => {
    rig = await startRig('gk-audit-ui-');
  });
  after(async () => {
    await rig?.stop();
  });

  async function signedIn(width: number): Promise<BrowserContext> {
    const context = await rig!.browser.newContext(contextOptions(width));
    await signInDemo(context, rig!.base, SUPERVISOR);
    return context;
  }

  test('uploads a batch, follows its progress, opens a report and dismisses a finding with a note', async () => {
    const context = await signedIn(1366);
    const { page, errors } = await openAdmin(context, rig!.base, '#/audits');
    try {
      await page.getByRole('heading', { name: '报告核查' }).waitFor();
      assert.ok(await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '报告核查' }).isVisible());
      assert.deepEqual(await serious(page), []);

      // 新建核查: three files chosen at once, each shown with its size.
      await page.getByRole('button', { name: '新建核查' }).click();
      const dialog = page.getByRole('dialog', { name: '新建核查' });
      await dialog.getByLabel('核查名称（可选）').fill('浏览器测试核查');
      await dialog.locator('input[type=file]').setInputFiles(FILES);
      const chosen = dialog.getByRole('list', { name: '已选择的文件' });
      await chosen.getByText('植树活动通知.txt').waitFor();
      assert.match(await chosen.innerText(), /KB/);
      assert.deepEqual(await serious(page), []);
      await shot(page, 'new-1366');
      await dialog.getByRole('button', { name: /开始核查/ }).click();

      // The batch page: progress while reading, then the results.
      await page.waitForURL(/#\/audits\/\d+$/);
      await page.locator('.gk-report-head .ant-tag', { hasText: '已完成' }).waitFor({ timeout: 120_000 });
      const results = page.locator('.ant-table').last();
      await results.getByRole('link', { name: FILES[0]!.name }).waitFor();
      const failed = results.locator('tr', { hasText: FILES[2]!.name });
      assert.match(await failed.innerText(), /无法读取：\S+/);
      assert.deepEqual(await serious(page), []);
      await shot(page, 'batch-1366');
      const batchHash = new URL(page.url()).hash;

      // One report: findings, tables, the blanks summarised.
      await results.getByRole('link', { name: FILES[0]!.name }).click();
      await page.waitForURL(/#\/audits\/\d+\/files\/\d+$/);
      await page.getByRole('heading', { name: '发现的问题' }).waitFor();
      await page.getByRole('heading', { name: '空白单元格' }).waitFor();
      assert.match(await page.locator('.gk-audit-blanks').innerText(), /起 \d+ 行共 \d+ 个单元格空白/);
      assert.ok(await page.locator('.gk-audit-blank').count() > 0, '空白单元格有底色');
      assert.deepEqual(await serious(page), []);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      assert.ok(height < 4000, `报告页面高度 ${height}px`);
      await shot(page, 'report-1366');

      // Dismiss the first finding: the note is required.
      const firstRow = page.locator('.ant-table').first().locator('tbody tr.ant-table-row').first();
      await firstRow.getByRole('button', { name: /^不是问题：/ }).click();
      const decide = page.getByRole('dialog');
      await decide.getByRole('button', { name: /保\s*存/ }).click();
      await decide.getByText('认定“不是问题”时须填写说明。').waitFor();
      assert.deepEqual(await serious(page), []);
      await decide.getByLabel(/说明/).fill('已与该局核实，原文即为空白，另行通知整改');
      await decide.getByRole('button', { name: /保\s*存/ }).click();
      await page.locator('.gk-audit-note', { hasText: '已与该局核实，原文即为空白，另行通知整改' }).waitFor();
      assert.match(await firstRow.innerText(), /不是问题[\s\S]*郑督查/);
      assert.deepEqual(await serious(page), []);

      // The decision is stored: after a reload it is still there.
      await page.reload();
      await page.locator('.gk-audit-note', { hasText: '已与该局核实，原文即为空白，另行通知整改' }).waitFor();

      // 重新核查: every file read again; the decision survives (it is keyed by the file's bytes and the finding).
      const fileHash = new URL(page.url()).hash;
      await page.goto(`${rig!.base}/admin/${batchHash}`);
      await page.getByRole('button', { name: /重新核查/ }).click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: /重新核查/ }).click();
      await page.locator('.gk-report-head .ant-tag', { hasText: '已完成' }).waitFor({ timeout: 120_000 });
      await page.goto(`${rig!.base}/admin/${fileHash}`);
      await page.locator('.gk-audit-note', { hasText: '已与该局核实，原文即为空白，另行通知整改' }).waitFor();

      // The list of batches.
      await page.goto(`${rig!.base}/admin/#/audits`);
      await page.getByRole('link', { name: '浏览器测试核查' }).waitFor();
      assert.deepEqual(await serious(page), []);
      await shot(page, 'list-1366');

      // The comparison of a year.
      await page.goto(`${rig!.base}/admin/#/audits/compare/year/2019`);
      await page.getByRole('heading', { name: '2019 年度各机关主要数据' }).waitFor();
      assert.deepEqual(await serious(page), []);
      await shot(page, 'compare-1366');
      await page.getByRole('link', { name: '威海市环翠区行政审批服务局' }).click();
      await page.getByRole('heading', { name: /^威海市环翠区行政审批服务局：2019 年度$/ }).waitFor();
      assert.deepEqual(await serious(page), []);
      assert.deepEqual(errors, []);

      // The same screens at 360 px (screenshots to look at).
      const narrow = await signedIn(360);
      const { page: small } = await openAdmin(narrow, rig!.base, batchHash);
      await small.locator('.gk-report-head .ant-tag', { hasText: '已完成' }).waitFor();
      await shot(small, 'batch-360');
      await small.goto(page.url().replace(/#.*$/, '') + batchHash);
      await small.locator('.ant-table').last().getByRole('link', { name: FILES[0]!.name }).click();
      await small.getByRole('heading', { name: '发现的问题' }).waitFor();
      await shot(small, 'report-360');
      await narrow.close();
    } finally {
      await context.close();
    }
  });
});
