/**
 * The public portal in a browser: every page type with axe-core (ZERO violations of any impact), with JavaScript
 * enabled and disabled, in the standard, large-text and high-contrast modes; keyboard use (the skip link reaches
 * the content); the display mode switched by a plain link and remembered; screenshots at 1366 and 360 px written
 * to $GONGKAI_SCREENSHOTS or <tmp>/gongkai-portal-shots (looked at by eye). Content is published through the chain (portal-fixtures.ts).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { openSqlite, type Db } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrations.js';
import { makePdf, pdfText } from '../inspect/fixtures.js';
import type { DialectContext } from '../db-helpers.js';
import { itemTestApp, type ItemTestApp } from '../http/item-helpers.js';
import { json, sendJson, seedDocument } from '../http/http-helpers.js';
import { publishCatalogue, publishedItem, publishGuide, withdrawItem } from '../http/portal-fixtures.js';
import { startServer } from '../../src/server.js';
import { axeViolations, CHROMIUM, CHROMIUM_ARGS, freePort, skipWithoutChromium, violationsOf } from './browser-helpers.js';

const ALL = ['minor', 'moderate', 'serious', 'critical'] as const;
/** Where the screenshots go (outside the repository): GONGKAI_SCREENSHOTS or the temp directory. */
const SHOTS = process.env.GONGKAI_SCREENSHOTS ?? join(tmpdir(), 'gongkai-portal-shots');

describe('portal pages in a browser', { skip: skipWithoutChromium }, () => {
  let dir = '';
  let db: Db;
  let t: ItemTestApp;
  let browser: Browser;
  let base = '';
  const pages: Record<string, string> = {};

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gk-portal-'));
    let n = 0;
    const ctx: DialectContext = {
      dialect: 'sqlite',
      get db() { return db.db; },
      async fresh() {
        db = openSqlite(join(dir, `portal-${n++}.sqlite`));
        await migrate(db.db);
        return db;
      },
    };
    t = await itemTestApp(ctx);
    const cats = await publishCatalogue(t.db.db, t.bureauId, [
      { name: '政府信息公开制度' },
      { name: '机构职能' },
      { name: '行政许可', children: [{ name: '许可事项' }, { name: '许可结果' }] },
      { name: '规范性文件' },
    ]);
    await publishGuide(t.db.db, t.bureauId, '威海市环翠区行政审批服务局', (g) => { g.office.phone = '0631-5200000'; });
    const titles = ['关于公布2024年行政许可事项清单的通知', '关于优化企业开办流程的通知', '关于开展“一网通办”服务提升行动的通知', '行政许可结果公示（2024年第3期）'];
    let first: any;
    for (const [i, title] of titles.entries()) {
      const item = await publishedItem(t, {
        title, categoryId: cats.get(i < 3 ? '许可事项' : '许可结果'), docNo: `威环审批发〔2024〕${i + 1}号`, theme: '综合政务\\政务公开', keywords: '行政许可',
        summary: '公布本局行政许可事项及办理要求。', bodyHtml: '<p>各有关单位：</p><p>根据《中华人民共和国行政许可法》，现将本局2024年行政许可事项清单予以公布，请遵照执行。</p><p>特此通知。</p>',
      }, i === 0 ? async (id) => {
        const boundary = '----gk-b';
        const payload = Buffer.concat([
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="许可事项清单.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
          Buffer.from(makePdf([{ content: pdfText(72, 700, 'Permit list 2024: 1. Business licence 2. Food licence') }])), Buffer.from(`\r\n--${boundary}--\r\n`),
        ]);
        const res = await t.app.inject({ method: 'POST', url: `/api/items/${id}/attachments`, payload, headers: { ...t.people.drafter.headers, 'content-type': `multipart/form-data; boundary=${boundary}` } });
        assert.equal(res.statusCode, 201, res.body);
      } : undefined);
      first ??= item;
    }
    const repealed = await publishedItem(t, { title: '关于废止《行政审批服务管理暂行办法》的决定', categoryId: cats.get('规范性文件'), validity: 'repealed', repealedOn: '2024-02-01', normativeKind: 'normative', bodyHtml: '<p>决定废止。</p>' });
    const gone = await publishedItem(t, { title: '已撤回的通知', categoryId: cats.get('许可结果'), bodyHtml: '<p>撤回</p>' });
    await withdrawItem(t, gone.id);
    const report = await sendJson(t.app, 'POST', '/api/reports/import', seedDocument());
    assert.equal(report.statusCode, 201, report.body);
    const reportId = json(report).id;
    await t.db.db.updateTable('reports').set({ status: 'published' }).where('id', '=', reportId).execute();
    const port = await freePort();
    await t.app.listen({ port, host: '127.0.0.1' });
    base = `http://127.0.0.1:${port}`;
    Object.assign(pages, {
      home: '/', agency: `/agencies/${t.bureauId}`, government: `/agencies/${t.governmentId}`, guide: `/agencies/${t.bureauId}/guide`,
      rules: `/agencies/${t.bureauId}/rules`, catalogue: `/agencies/${t.bureauId}/catalogue`, reports: `/agencies/${t.bureauId}/reports`,
      apply: `/agencies/${t.bureauId}/apply`, category: `/categories/${cats.get('行政许可')}`, item: `/items/${first.id}`, repealed: `/items/${repealed.id}`,
      withdrawn: `/items/${gone.id}`, search: `/search?q=${encodeURIComponent('行政许可')}`, 'search-empty': `/search?q=${encodeURIComponent('不存在的词语')}`,
      sitemap: '/sitemap', 'not-found': '/items/999999', 'bad-request': '/categories/1?page=-1', report: `/reports/${reportId}`, 'apply-form': '/apply', status: '/status',
    });
    mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await t?.close();
    await db?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function check(context: BrowserContext, label: string, shots: boolean): Promise<string[]> {
    const failures: string[] = [];
    for (const [name, path] of Object.entries(pages)) {
      const page = await context.newPage();
      await page.goto(`${base}${path}`);
      const found = violationsOf(await axeViolations(page), ALL);
      if (found.length) failures.push(`${label} ${name} ${path}: ${found.join('; ')}`);
      if (shots) await page.screenshot({ path: join(SHOTS, `${name}-${label}.png`), fullPage: true });
      await page.close();
    }
    return failures;
  }

  test('every page type: zero axe violations at 1366 px and 360 px (screenshots written)', async () => {
    const failures: string[] = [];
    for (const width of [1366, 360]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', bypassCSP: true });
      failures.push(...await check(context, String(width), true));
      await context.close();
    }
    assert.deepEqual(failures, []);
  });

  test('without JavaScript, in large-text and high-contrast mode: zero violations; the mode is set by a link and remembered', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}${pages.item}`);
    await page.getByRole('link', { name: '大字版' }).click();
    await page.getByRole('link', { name: '高对比度' }).click();
    assert.equal(new URL(page.url()).pathname, pages.item, 'back on the same page');
    assert.equal(await page.locator('html').getAttribute('class'), 'large contrast');
    const size = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    assert.equal(size, '21px', 'larger text without the browser zoom');
    await page.goto(`${base}/sitemap`);
    assert.equal(await page.locator('html').getAttribute('class'), 'large contrast', 'remembered');
    await page.close();
    // axe needs script in the page: a context with JavaScript for the check, the same cookie.
    const cookies = await context.cookies();
    await context.close();
    const checked = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', bypassCSP: true });
    await checked.addCookies(cookies);
    const failures = await check(checked, 'large-contrast', false);
    const shot = await checked.newPage();
    await shot.goto(`${base}${pages.item}`);
    await shot.screenshot({ path: join(SHOTS, 'item-large-contrast.png'), fullPage: true });
    await shot.setViewportSize({ width: 360, height: 800 });
    await shot.goto(`${base}${pages.category}`);
    await shot.screenshot({ path: join(SHOTS, 'category-large-contrast-360.png'), fullPage: true });
    const overflow = await shot.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(overflow <= 360, `large text at 360 px: no sideways scrolling (${overflow})`);
    await checked.close();
    assert.deepEqual(failures, []);
  });

  test('keyboard: the skip link is the first stop and moves focus to the content; search works by Enter without JavaScript', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'zh-CN', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), '跳到正文');
    await page.keyboard.press('Enter');
    assert.equal(new URL(page.url()).hash, '#main');
    await page.getByRole('searchbox', { name: '搜索政府信息' }).fill('行政许可');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    assert.ok(await page.locator('ol.results li').count() > 0);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= 360, `no sideways scrolling at 360 px (${scrollWidth})`);
    await context.close();
  });
});

describe('the demo site in a browser (the scripted 2025 year: 93 items through the chain)', { skip: skipWithoutChromium }, () => {
  let dir = '';
  let server: { url: string; stop: () => Promise<void> } | null = null;
  let browser: Browser;
  let base = '';

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gk-portal-demo-'));
    const port = await freePort();
    server = await startServer({ GONGKAI_DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', TZ: 'Asia/Shanghai' });
    base = `http://127.0.0.1:${port}`;
    mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the demo bureau\'s column, catalogue, a category, an item and a search: zero axe violations (screenshots written)', async () => {
    const xml = await (await fetch(`${base}/sitemap.xml`)).text();
    const paths = [...xml.matchAll(/<loc>https?:\/\/[^/]+(\/[^<]*)<\/loc>/g)].map((m) => m[1]!);
    // The bureau's catalogue (the government, created first, has none of its own: it lists its departments').
    const agency = paths.filter((p) => /^\/agencies\/\d+\/catalogue$/.test(p)).at(-1)!;
    const category = paths.find((p) => p.startsWith('/categories/'));
    const item = paths.find((p) => p.startsWith('/items/'));
    assert.ok(category && item, 'the demo publishes a catalogue and items');
    const pages: Record<string, string> = {
      'demo-home': '/', 'demo-catalogue': agency, 'demo-government-catalogue': paths.find((p) => /^\/agencies\/\d+\/catalogue$/.test(p))!, 'demo-category': category!, 'demo-item': item!, 'demo-search': `/search?q=${encodeURIComponent('行政许可')}`,
    };
    const failures: string[] = [];
    for (const width of [1366, 360]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', bypassCSP: true });
      for (const [name, path] of Object.entries(pages)) {
        const page = await context.newPage();
        const res = await page.goto(`${base}${path}`);
        assert.equal(res?.status(), 200, path);
        const found = violationsOf(await axeViolations(page), ALL);
        if (found.length) failures.push(`${width} ${name} ${path}: ${found.join('; ')}`);
        await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
        await page.close();
      }
      await context.close();
    }
    assert.deepEqual(failures, []);
  });
});
