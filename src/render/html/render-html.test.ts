import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fromInterchange } from '../../core/interchange/from-interchange.js';
import { formatCells, getFormat } from '../../core/format/registry.js';
import { newReport } from '../../core/report/new-report.js';
import { displayValue, type ReportDocument } from '../../core/report/report-model.js';
import { escapeHtml } from '../../core/escape-html.js';
import { renderHtml, renderHtmlBody } from './render-html.js';

// jsdom ships no type declarations; the tests only need its parser and the DOM types.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string) => { window: { document: Document } } };

const load = (url: URL): ReportDocument => fromInterchange(JSON.parse(readFileSync(url, 'utf8')));
const seed = () => load(new URL('../../demo/huancui-approval-bureau-2019.json', import.meta.url));
const fixture = (name: string) => load(new URL(`../../../test/fixtures/${name}`, import.meta.url));

const reports: Array<[string, () => ReportDocument, number]> = [
  ['seed 2019', seed, 20],
  ['fixture 2020', () => fixture('full-2020.json'), 20],
  ['fixture 2021', () => fixture('full-2021.json'), 22],
  ['new 2021', () => newReport('某某县某某局', 2022), 22],
];

for (const [name, make, resultRows] of reports) {
  test(`${name}: page holds every label, every value and the merged cells`, () => {
    const report = make();
    const html = renderHtml(report);
    const doc = new JSDOM(html).window.document;
    assert.equal(doc.documentElement.lang, 'zh-CN');
    assert.equal(doc.title, report.title);
    assert.match(html, /@page\{size:A4/);
    assert.equal(doc.querySelector('h1.gk-title')!.textContent, report.title);

    // Every official label of the format appears in the document text.
    const text = doc.body.textContent!;
    const format = getFormat(report.format);
    const labels = new Set<string>();
    for (const cell of formatCells(format)) for (const label of [...cell.rowPath, ...cell.columnPath]) labels.add(label);
    for (const table of format.tables) {
      if (table.corner) labels.add(table.corner);
      if (table.columnCaption) labels.add(table.columnCaption);
      for (const block of table.blocks) if (block.rowHeader) labels.add(block.rowHeader);
    }
    for (const label of labels) assert.ok(text.includes(label), `缺少标签“${label}”`);
    for (const section of report.sections) assert.ok(text.includes(section.heading), section.heading);

    // Every cell is one <td data-cell> with exactly its displayed value.
    const tds = new Map([...doc.querySelectorAll('td[data-cell]')].map((td) => [td.getAttribute('data-cell')!, td]));
    const extraCells = report.extraRows.reduce((n, e) => n + Object.keys(e.values).length, 0);
    assert.equal(tds.size, formatCells(format).length + extraCells);
    for (const [key, value] of Object.entries(report.cells)) {
      const td = tds.get(key);
      assert.ok(td, key);
      assert.equal(td.textContent, displayValue(value), key);
      assert.equal(td.classList.contains('gk-blank'), value === null, `${key} blank class`);
    }

    // Merged cells and accessible structure.
    const results = [...doc.querySelectorAll('th')].find((th) => th.textContent === '三、本年度办理结果')!;
    assert.equal(results.getAttribute('rowspan'), String(resultRows));
    assert.equal(doc.querySelectorAll('table').length, 3);
    for (const table of doc.querySelectorAll('table')) {
      assert.match(table.querySelector('caption')!.textContent!, /^表[二三四] /);
      for (const th of table.querySelectorAll('th')) assert.match(th.getAttribute('scope') ?? '', /^(col|colgroup|row)$/);
    }
    assert.equal(doc.querySelector('[data-table="三"] thead')!.querySelectorAll('tr').length, 3);
    assert.equal(doc.querySelector('[data-table="四"] thead')!.querySelectorAll('tr').length, 3);

    // Each table follows the text of its own section.
    for (const id of ['二', '三', '四']) {
      assert.ok(doc.querySelector(`section[data-section="${id}"] table[data-table="${id}"]`), `表${id}位于第${id}部分`);
    }
    if (report.issuedOn) {
      const [y, m, d] = report.issuedOn.split('-').map(Number);
      assert.equal(doc.querySelector('.gk-date')!.textContent, `${y}年${m}月${d}日`);
    }
  });
}

test('the seed: figures as published, blank cells empty, signature and date', () => {
  const html = renderHtml(seed());
  const doc = new JSDOM(html).window.document;
  const cell = (key: string) => doc.querySelector(`td[data-cell="${key}"]`)!;
  assert.equal(cell('二:licensing:decisions').textContent, '17302');
  assert.equal(cell('二:other-services:decisions').textContent, '2251');
  assert.equal(cell('二:procurement:amount').textContent, '165.51万元');
  assert.equal(cell('二:procurement:amount').getAttribute('colspan'), '2');
  assert.equal(cell('二:rules:made').outerHTML, '<td class="gk-value gk-center gk-blank" data-cell="二:rules:made"></td>');
  assert.equal(cell('三:received:total').textContent, '0');
  assert.match(html, /rowspan="20"/);
  assert.equal(doc.querySelector('.gk-signature')!.textContent, '威海市环翠区行政审批服务局');
  assert.equal(doc.querySelector('.gk-date')!.textContent, '2020年1月18日');
  assert.equal(doc.querySelector('.gk-date time')!.getAttribute('datetime'), '2020-01-18');
  // Long addresses may wrap; the text itself is unchanged.
  assert.ok(doc.body.textContent!.includes('http://www.huancui.gov.cn'));
});

test('the 2021 fixture: the local extra row follows its block', () => {
  const doc = new JSDOM(renderHtml(fixture('full-2021.json'))).window.document;
  const row = [...doc.querySelectorAll('[data-table="二"] tr')].find((tr) => tr.firstElementChild!.textContent === '其他主动公开文件')!;
  assert.deepEqual([...row.querySelectorAll('td')].map((td) => td.textContent), ['36', '4', '118']);
  assert.equal(row.previousElementSibling!.firstElementChild!.textContent, '行政规范性文件');
});

test('a draft without date or signature has no closing block', () => {
  const report = newReport('某某局', 2021);
  report.signature = null;
  const html = renderHtml(report);
  assert.ok(!html.includes('class="gk-closing"'));
  const dated = { ...report, signature: '某某局', issuedOn: '2022-01-05' };
  assert.match(renderHtml(dated), /<time datetime="2022-01-05">2022年1月5日<\/time>/);
});

test('everything the report holds is escaped', () => {
  const evil = '<script>alert("x")</script> & \'q\'';
  const report = newReport('某某局', 2021);
  report.title = `标题${evil}`;
  report.preamble = [`前言${evil}`];
  report.sections[0]!.paragraphs = [`段落${evil}`];
  report.sections[0]!.parts = [{ heading: `（一）${evil}`, paragraphs: [`内容${evil}`] }];
  report.signature = `落款${evil}`;
  report.extraRows = [{ table: '二', block: 'art20-1', label: `自设行${evil}`, values: { issued: { written: '<b>' } } }];
  for (const html of [renderHtml(report), renderHtmlBody(report)]) {
    assert.ok(!html.includes('<script'), 'no raw script tag');
    assert.ok(!html.includes('<b>'));
    const doc = new JSDOM(html).window.document;
    assert.equal(doc.querySelectorAll('script').length, 0);
    const text = doc.body.textContent!;
    for (const what of ['前言', '段落', '（一）', '内容', '落款', '自设行']) assert.ok(text.includes(`${what}${evil}`), what);
    const extra = [...doc.querySelectorAll('td[data-cell]')].find((td) => td.getAttribute('data-cell') === `extra:art20-1:自设行${evil}:issued`);
    assert.equal(extra!.textContent, '<b>');
  }
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
});

test('the body fragment is one scoped <article> for portal pages', () => {
  const body = renderHtmlBody(seed());
  assert.match(body, /^<article class="gk-report" lang="zh-CN"><style>/);
  assert.match(body, /<\/article>$/);
  assert.ok(!/<html|<head|<body|<!DOCTYPE|@page/i.test(body));
  // Every style rule is scoped to .gk-report (at-rules wrap scoped rules).
  const css = /<style>([\s\S]*?)<\/style>/.exec(body)![1]!;
  const selectors = css.replace(/@media[^{]*\{/g, '').split('}').map((r) => r.split('{')[0]!.trim()).filter(Boolean);
  assert.ok(selectors.length > 10);
  for (const selector of selectors) {
    for (const part of selector.split(',')) assert.match(part.trim(), /^\.gk-report\b/, `未限定作用域：${part}`);
  }
  // The same report content as the page.
  const page = new JSDOM(renderHtml(seed())).window.document.querySelector('article')!.textContent;
  assert.equal(new JSDOM(body).window.document.querySelector('article')!.textContent!.replace(/^[^威]*/, ''), page!.replace(/^[^威]*/, ''));
});
