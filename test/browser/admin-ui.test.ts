/**
 * The admin web UI in a real browser: the server (in-process, temporary SQLite data dir, demo
 * data) serves web/dist at /admin/; headless Chromium opens the report list and the demo report
 * (威海市环翠区行政审批服务局, 2019) and finds its figures in the table view, then 依申请公开: a case
 * received through the API in the list and on its page with its reply deadline; axe-core finds no
 * critical accessibility violation. Skipped, with a message, when /usr/bin/chromium is missing.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer } from '../../src/server.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-quic', '--no-first-run',
];
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');
const skip = existsSync(CHROMIUM) ? false : `未找到 ${CHROMIUM}，跳过管理界面浏览器测试`;
if (skip) console.log(`# ${skip}`);

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Builds the UI once if web/dist is missing (a fresh checkout). */
async function ensureBuilt(): Promise<void> {
  if (existsSync(join(ROOT, 'web/dist/index.html'))) return;
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'web/vite.config.ts'), logLevel: 'warn' });
}

interface AxeViolation { id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }

/** Runs axe-core in the page; returns its violations. */
async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

function critical(violations: AxeViolation[]): string[] {
  return violations.filter((v) => v.impact === 'critical').map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.slice(0, 3))}`);
}

describe('admin UI in a browser', { skip }, () => {
  let dataDir = '';
  let server: { url: string; stop: () => Promise<void> } | null = null;
  let browser: Browser | null = null;
  let base = '';

  before(async () => {
    await ensureBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'gk-admin-ui-'));
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

  test('serves the UI at /admin/ with assets under /admin/', async () => {
    const html = await (await fetch(`${base}/admin/`)).text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    assert.ok(assets.length >= 2, html);
    for (const asset of assets) {
      assert.match(asset, /^\/admin\/assets\//);
      assert.equal((await fetch(`${base}${asset}`)).status, 200, asset);
    }
  });

  test('lists the demo report and shows its table figures; no critical axe violation', async () => {
    const page = await browser!.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(`${base}/admin/`);
      const row = page.locator('tr', { hasText: '威海市环翠区行政审批服务局' });
      await row.first().waitFor();
      const rowText = await row.first().innerText();
      assert.match(rowText, /2019/);
      assert.match(rowText, /2019 试行格式/);
      assert.match(rowText, /已发布/);
      assert.deepEqual(critical(await axeViolations(page)), []);

      await page.getByRole('link', { name: '威海市环翠区行政审批服务局' }).first().click();
      await page.locator('.gk-grid').first().waitFor();
      const licensing = page.locator('td[data-address]', { hasText: '17302' });
      assert.equal(await licensing.count(), 1);
      assert.equal(await licensing.getAttribute('data-address'),
        JSON.stringify(['二', ['第二十条第（五）项', '行政许可'], ['处理决定数量']]));
      assert.equal(await page.locator('td[data-address]', { hasText: '165.51万元' }).count(), 1);
      // A blank cell is shown empty, never as 0.
      const blank = page.locator(`td[data-address='${JSON.stringify(['二', ['第二十条第（一）项', '规章'], ['本年新制作数量']])}']`);
      assert.equal((await blank.innerText()).trim(), '');
      assert.deepEqual(critical(await axeViolations(page)), []);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  test('a draft report is editable and has no critical axe violation', async () => {
    const created = await fetch(`${base}/api/reports`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ agencyId: await demoAgencyId(base), year: 2020 }),
    });
    assert.equal(created.status, 201);
    const { id } = await created.json() as { id: number };
    const page = await browser!.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await page.goto(`${base}/admin/#/reports/${id}`);
      const input = page.getByLabel('第二十条第（五）项 行政许可 处理决定数量');
      await input.waitFor();
      assert.equal(await input.inputValue(), '');
      assert.deepEqual(critical(await axeViolations(page)), []);
    } finally {
      await page.close();
    }
  });

  test('依申请公开: the list shows a case received through the API, its page the reply deadline; no critical axe violation', async () => {
    const received = await fetch(`${base}/api/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-gongkai-user': encodeURIComponent('办公室王科长') },
      body: JSON.stringify({
        agencyId: await demoAgencyId(base), channel: 'in-person', evidence: { handedInOn: '2025-09-26' }, applicantType: '自然人',
        applicant: { name: '张三丰', idNumber: '11010519491231002X', phone: '13812345678', address: '山东省威海市环翠区青岛北路1号' },
        subject: '2024年度行政许可事项清单', formWanted: '电子邮件', office: '政策法规科', handler: '李四',
      }),
    });
    assert.equal(received.status, 201, await received.clone().text());
    const { id, caseNo } = await received.json() as { id: number; caseNo: string };
    const page = await browser!.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(`${base}/admin/`);
      await page.getByRole('link', { name: '依申请公开' }).click();
      const row = page.locator('tr', { hasText: caseNo });
      await row.first().waitFor();
      const rowText = await row.first().innerText();
      assert.match(rowText, /2025年9月26日/);
      assert.match(rowText, /张\*\*/, '申请人应已脱敏');
      assert.doesNotMatch(rowText, /张三丰/);
      assert.match(rowText, /自然人/);
      assert.match(rowText, /办理中/);
      assert.match(rowText, /2025年10月30日/);
      assert.match(rowText, /政策法规科 \/ 李四/);
      // Received in 2025 and never answered: overdue, so the warnings panel names it in red.
      const warned = page.locator('li.gk-warn-overdue', { hasText: caseNo });
      await warned.waitFor();
      assert.equal(await warned.evaluate((el) => getComputedStyle(el).color), 'rgb(192, 40, 45)');
      assert.deepEqual(critical(await axeViolations(page)), []);

      await row.first().getByRole('link', { name: caseNo }).click();
      await page.waitForURL(`**/admin/#/applications/${id}`);
      const clock = page.locator('section', { has: page.getByRole('heading', { name: '答复期限' }) });
      await clock.waitFor();
      assert.match(await clock.innerText(), /2025年10月30日/);
      assert.match(await clock.innerText(), /计算过程/);
      await page.getByRole('heading', { name: '办理记录' }).waitFor();
      await page.getByLabel('事件类型').waitFor();
      assert.deepEqual(critical(await axeViolations(page)), []);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
});

async function demoAgencyId(base: string): Promise<number> {
  const agencies = await (await fetch(`${base}/api/agencies`)).json() as Array<{ id: number; name: string }>;
  const agency = agencies.find((a) => a.name === '威海市环翠区行政审批服务局');
  assert.ok(agency, '演示机关不存在');
  return agency.id;
}
