/**
 * The audit's HTML in a real browser: the audit page written by `gongkai audit --out x.html` and
 * the /audit page showing a parsed report have no accessibility violation axe-core finds, and
 * the upload form is operable with the keyboard alone. Skipped, with a message, when
 * /usr/bin/chromium is missing.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { auditHtml } from '../../src/audit/audit-html.js';
import { auditPage } from '../../src/audit/audit-page.js';
import { DEFAULT_PAGE_CONTEXT } from '../../src/portal/portal-layout.js';
import { auditFiles } from '../../src/audit/audit-run.js';
import { parseReportFile } from '../../src/parse/parse-file.js';
import { full2021, textWithReceived, writeMixedFolder } from './audit-fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];
const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));
const skip = existsSync(CHROMIUM) ? false : `未找到 ${CHROMIUM}，跳过核查页面的浏览器测试`;
if (skip) console.log(`# ${skip}`);

/** axe-core's violations of the page, as readable lines. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (d: Document) => Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: unknown[] }> }> } }).axe;
    return (await axe.run(document)).violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length})`);
  });
}

describe('audit pages in a browser', { skip }, () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-audit-a11y-'));
  before(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  after(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the audit HTML page: no axe violations', async () => {
    await writeMixedFolder(dir);
    const page = await browser.newPage();
    await page.setContent(auditHtml(await auditFiles([dir]), { generatedAt: '2024-03-01 16:00（北京时间）' }));
    assert.deepEqual(await violations(page), []);
    assert.equal(await page.locator('h1').textContent(), '政府信息公开工作年度报告批量核查结果');
    await page.close();
  });

  test('the /audit page with a parsed report: no axe violations; the form is reached by the keyboard', async () => {
    const result = await parseReportFile(Buffer.from(textWithReceived(full2021(), '见附件')), '变动.txt');
    const page = await browser.newPage();
    await page.setContent(auditPage(DEFAULT_PAGE_CONTEXT, result));
    assert.deepEqual(await violations(page), []);
    // Tab from the top: skip link, site name, display links, site navigation, breadcrumb, then the file field and the button.
    const focused: string[] = [];
    for (let i = 0; i < 16; i++) {
      await page.keyboard.press('Tab');
      focused.push(await page.evaluate(() => `${document.activeElement?.tagName}:${document.activeElement?.getAttribute('type') ?? ''}`));
    }
    assert.ok(focused.includes('INPUT:file'), focused.join(' '));
    assert.ok(focused.includes('BUTTON:submit'), focused.join(' '));
    await page.close();
  });
});
