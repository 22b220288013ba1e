/**
 * 迎检自查 in a real browser, signed in as the demo publisher: the menu entry, the demo bureau's columns (its
 * catalogue with the demo's 2024 and 2025 items: stale or empty by now, so the page names the 19号 failures), the subtree switch;
 * axe-core finds no violation at all at 1366 px and 360 px. Skipped, with a message, when /usr/bin/chromium is missing.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { axeViolations, CHROMIUM, CHROMIUM_ARGS, ensureBuilt, freePort, skipWithoutChromium, violationsOf } from './browser-helpers.js';
import { startServer } from '../../src/server.js';

const ALL_IMPACTS = ['minor', 'moderate', 'serious', 'critical'] as const;
const PUBLISHER = { login: 'gongkai', initial: 'Demo#2026-05', chosen: 'Zheng#Wu-2026-rd' };

describe('portal readiness in a browser', { skip: skipWithoutChromium }, () => {
  let dataDir = '';
  let server: { url: string; stop: () => Promise<void> } | null = null;
  let browser: Browser | null = null;
  let base = '';

  async function signedIn(width: number): Promise<BrowserContext> {
    // bypassCSP: the app's CSP (script-src 'self') would refuse the axe-core script the test injects.
    const context = await browser!.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', bypassCSP: true });
    let res = await context.request.post(`${base}/api/session`, { data: { login: PUBLISHER.login, password: PUBLISHER.chosen } });
    if (res.status() !== 200) {
      res = await context.request.post(`${base}/api/session`, { data: { login: PUBLISHER.login, password: PUBLISHER.initial } });
      assert.equal(res.status(), 200, await res.text());
      const first = await res.json() as { csrfToken: string };
      const changed = await context.request.put(`${base}/api/session/password`,
        { data: { currentPassword: PUBLISHER.initial, newPassword: PUBLISHER.chosen }, headers: { 'x-csrf-token': first.csrfToken } });
      assert.equal(changed.status(), 200, await changed.text());
    }
    return context;
  }

  before(async () => {
    await ensureBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'gk-readiness-'));
    const port = await freePort();
    server = await startServer({ GONGKAI_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', TZ: 'Asia/Shanghai' });
    base = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  for (const width of [1366, 360]) {
    test(`the columns, the failures and the subtree switch, axe-clean at ${width} px`, async () => {
      const context = await signedIn(width);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${base}/admin/#/reports`);
      if (width > 800) {
        await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '迎检自查' }).click();
      } else {
        await page.goto(`${base}/admin/#/portal-readiness`);
      }
      await page.getByRole('heading', { level: 1, name: '迎检自查' }).waitFor();
      await page.getByRole('heading', { level: 2, name: '威海市环翠区行政审批服务局' }).waitFor();
      // The demo bureau's columns on the day the test runs (the demo's items date from 2024 and 2025, so columns
      // are stale or empty by now): the page names the 19号 failures and states every column.
      await page.getByText('按单项否决指标，目前会被判为不合格').waitFor();
      assert.ok(await page.getByText(/空白栏目 \d+ 个，即将超期 \d+ 个，已超期 \d+ 个，正常 \d+ 个/).count() > 0);
      assert.ok(await page.getByRole('cell', { name: /^(空白栏目|即将超期|已超期|正常)$/ }).count() >= 5);
      const violations = violationsOf(await axeViolations(page), ALL_IMPACTS);
      assert.deepEqual(violations, [], violations.join('\n'));

      await page.getByRole('checkbox', { name: '包括下级机关' }).check();
      await page.getByRole('spinbutton', { name: '到期前提示天数' }).fill('10');
      await page.getByText('统计日期').waitFor();
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
