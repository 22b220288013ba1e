import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderHtml, renderHtmlBody } from '../render/html/render-html.js';
import {
  REPORTS, assertRoundTrip, assertTablesMatchLayout, assertTextMatches, corpusFile, loadReport, paragraphs, sourceTables,
} from '../../test/corpus/corpus-helpers.js';
import { readHtml } from './read-html.js';

/** The cells of a table as `text[rowSpan×colSpan@row,column]`, row by row. */
const grid = (html: string | Uint8Array, t = 0) => sourceTables(readHtml(html))[t]!.rows.map((row) =>
  row.map((c) => `${c.text}[${c.rowSpan}×${c.colSpan}@${c.where.row},${c.where.column}]`).join(' | '));

/** Rewrites the text of every value cell the renderer wrote (data-cell), as pages out there write it. */
const rewriteValues = (html: string, write: (text: string) => string) =>
  html.replace(/(<td class="gk-value[^"]*"[^>]*>)([^<]*)(<\/td>)/g, (_, open: string, text: string, close: string) => open + write(text) + close);

for (const [name, path] of REPORTS) {
  test(`${name}: a rendered page reads back as the layout, its text and its report exactly`, () => {
    const report = loadReport(path);
    const html = renderHtml(report);
    const doc = readHtml(html);
    assert.equal(doc.type, 'html');
    assert.deepEqual(doc.notes, []);
    assertTablesMatchLayout(doc, report, name);
    assertTextMatches(doc, report, name);
    assertRoundTrip(doc, report, name);
    // The same page as bytes reads the same.
    assert.deepEqual(readHtml(new TextEncoder().encode(html)), doc);
  });

  test(`${name}: inside a portal page (header, menus, breadcrumbs, sidebar, share bar, footer)`, () => {
    const report = loadReport(path);
    const page = corpusFile('html/portal-page.html').toString('utf8').replace('<!--REPORT-->', renderHtmlBody(report));
    const doc = readHtml(page);
    assertTablesMatchLayout(doc, report, name);
    assertTextMatches(doc, report, name);
    assertRoundTrip(doc, report, name);
    const text = paragraphs(doc).join('\n');
    for (const chrome of ['当前位置', '无障碍浏览', '首页', '分享到', '打印本页', '版权所有', '统计代码', '隐藏的统计信息', '发布日期', '相关阅读']) {
      assert.ok(!text.includes(chrome), `${name}: portal chrome “${chrome}” was read`);
    }
  });

  test(`${name}: inside nested layout tables of an old portal, only the report tables come out`, () => {
    const report = loadReport(path);
    const page = corpusFile('html/layout-table-page.html').toString('utf8').replace('<!--REPORT-->', renderHtmlBody(report));
    const doc = readHtml(Buffer.from(page, 'utf8'));
    assertTablesMatchLayout(doc, report, name);
    assertTextMatches(doc, report, name);
    assertRoundTrip(doc, report, name);
    assert.ok(!paragraphs(doc).some((p) => /您现在的位置|信息公开目录|打印|联系电话/.test(p)));
  });
}

test('pages as published: &nbsp; blanks, padded figures, full-width digits, Word markup — all read exactly', () => {
  const report = loadReport('test/fixtures/full-2021.json');
  const html = renderHtml(report);
  const variants: Array<[string, (text: string) => string]> = [
    ['&nbsp; blanks, padded figures', (t) => (t === '' ? '&nbsp;' : ` &nbsp;${t}\n `)],
    ['whitespace-only blanks', (t) => (t === '' ? ' \u3000 ' : t)],
    ['full-width digits', (t) => t.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))],
    ['Word “save as web page” markup', (t) => `<p class=MsoNormal align=center><span lang=EN-US style='font-size:10.5pt'>${t || '<o:p>&nbsp;</o:p>'}</span></p>`],
    ['figures split over spans', (t) => (t.length > 1 ? `<span>${t.slice(0, 1)}</span><font>${t.slice(1)}</font>` : t)],
  ];
  for (const [label, write] of variants) {
    const doc = readHtml(rewriteValues(html, write));
    assertRoundTrip(doc, report, label);
  }
  // Blank cells are empty text, never a 0, whatever whitespace the page put in them.
  const blanks = sourceTables(readHtml(rewriteValues(renderHtml(loadReport('src/demo/huancui-approval-bureau-2019.json')), variants[0]![1])));
  assert.equal(blanks[1]!.rows[3]!.map((c) => c.text).join('|'), '一、本年新收政府信息公开申请数量|||||||0');
});

test('a page without our classes and with visible captions still reads exactly', () => {
  const report = loadReport('test/fixtures/full-2020.json');
  const html = renderHtml(report).replace(/ class="[^"]*"/g, '').replace(/<\/?(?:thead|tbody|colgroup)>/g, '');
  const doc = readHtml(html);
  assertRoundTrip(doc, report, 'bare markup');
  assert.ok(paragraphs(doc).includes('表三收到和处理政府信息公开申请情况'));
});

test('cell quirks: spans of every kind, &nbsp;, <br> and <p> inside labels, full-width digits, row groups', () => {
  const html = corpusFile('html/cell-quirks.html');
  const doc = readHtml(html);
  assert.deepEqual(grid(html), [
    '项目[2×1@1,1] | 行政复议[1×2@1,2]', // rowspan=" 2 "; 项　 目 joined
    '结果维持[1×1@2,2] | 结果纠正[1×1@2,3]', // <br> and <p> inside a header
    '本年新收[1×1@3,1] | [1×1@3,2] | １２[1×1@3,3]', // &nbsp; blank; full-width digits kept as written
    '上年结转[1×1@4,1] | [1×1@4,2] | 3[1×1@4,3]', // spans joined; whitespace-only blank; padding trimmed
    '合计[2×1@5,1] | 15[1×2@5,2]', // rowspan="0" ends with its tbody; colspan="999" reaches the right edge
    '7[1×1@6,2] | 8[1×1@6,3]', // colspan="abc" and rowspan="-1" are 1
    '2[1×1@7,1] | [1×1@7,2] | 10[1×1@7,3]', // Word markup; <o:p>&nbsp;</o:p> blank; display:none text dropped
    '1 2[1×1@8,1] | —[1×1@8,2] | ／[1×1@8,3]', // two figures stay apart; placeholders as written
    '注：本表数据截至2021年12月31日[1×3@9,1]', // <tfoot> written first is read last
  ]);
  assert.deepEqual(paragraphs(doc), [
    '某某县某某局', '2021年政府信息公开工作年度报告', '一、总体情况', '2021年，本局共收到政府信息公开申请15件。',
    '表四政府信息公开行政复议、行政诉讼情况',
    // A one-cell table holding a heading is layout: read as paragraphs, not as a table.
    '二、主动公开政府信息情况', '本年度主动公开政府信息1336条。', '某某县某某局', '2022年1月20日',
  ]);
  assert.equal(sourceTables(doc).length, 1);
  assert.deepEqual(doc.notes, ['第 1 个表格有 1 个单元格的合并范围超出表格，已按表格实际行列截断。']);
});

test('a GB2312-declared page holding GBK characters decodes as GB18030; without a declaration too', () => {
  const bytes = corpusFile('html/gbk-charset.html');
  assert.equal(bytes.includes(Buffer.from('某某', 'utf8')), false); // really not UTF-8
  const doc = readHtml(bytes);
  assert.deepEqual(doc.notes, []);
  assert.equal(paragraphs(doc)[0], '某某区民政局2020年政府信息公开工作年度报告');
  assert.equal(paragraphs(doc).at(-1), '镕、堃、喆等字用于检验 GBK 扩展字符。');
  assert.deepEqual(sourceTables(doc)[0]!.rows[3]!.map((c) => c.text), ['1', '0', '0', '0', '1', '0', '0', '0', '0', '0', '', '', '', '', '0']);

  const undeclared = readHtml(Buffer.from(bytes.toString('latin1').replace(/<meta[^>]*>/, ''), 'latin1'));
  assert.deepEqual(paragraphs(undeclared), paragraphs(doc));
  assert.match(undeclared.notes[0]!, /未声明字符集.*GB18030/);

  // A byte-order mark decides over any declaration.
  const utf16 = readHtml(Buffer.from('\ufeff<meta charset="gbk"><p>二、主动公开政府信息情况</p>', 'utf16le'));
  assert.deepEqual(paragraphs(utf16), ['二、主动公开政府信息情况']);
});

test('bad input never throws: empty, binary garbage, no body text, absurd spans, deep nesting', () => {
  assert.deepEqual(readHtml('').blocks, []);
  assert.deepEqual(readHtml(new Uint8Array(0)).blocks, []);
  const garbage = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
  assert.equal(readHtml(garbage).type, 'html');
  assert.deepEqual(readHtml('<html><head><title>无正文</title></head><body><script>x()</script></body></html>').blocks, []);

  const absurd = grid('<table><tr><td colspan="1000" rowspan="65534">x</td><td>y</td></tr><tr><td>z</td></tr></table>');
  assert.deepEqual(absurd, ['x[2×2@1,1] | y[1×1@1,3]', 'z[1×1@2,3]']);

  // Spacer tables of old layouts (an image, nothing to read) are not tables of the report.
  assert.deepEqual(readHtml('<table><tr><td><img src="dot.gif"></td><td>&nbsp;</td></tr></table><p>正文</p>').blocks,
    [{ kind: 'paragraph', text: '正文', where: {} }]);

  const deep = `${'<div>'.repeat(3000)}<p>深层文字</p>${'</div>'.repeat(3000)}`;
  assert.deepEqual(paragraphs(readHtml(deep)), ['深层文字']);
});

test('chrome that holds the report is kept: a report inside <header>-classed or nav-named wrappers', () => {
  const report = loadReport('test/fixtures/full-2021.json');
  const page = `<html><body><div class="header-wrap"><div id="nav-content">${renderHtmlBody(report)}</div></div><nav>首页 栏目</nav></body></html>`;
  const doc = readHtml(page);
  assertRoundTrip(doc, report, 'wrapped in chrome names');
  assert.ok(!paragraphs(doc).includes('首页栏目'));

  // A list of links the page does not name as chrome: link text marks nothing, so the content
  // element is still found even though only the links say 年度报告.
  const links = '<ul class="list"><li><a href="#">2020年政府信息公开工作年度报告</a></li><li><a href="#">2019年政府信息公开工作年度报告</a></li></ul>';
  const content = '<div class="con"><h1>某某局2021年政府信息公开工作年报</h1><p>一、总体情况</p>'
    + '<table><tr><td>结果维持</td><td>结果纠正</td><td>尚未审结</td></tr><tr><td>1</td><td>0</td><td>0</td></tr></table></div>';
  assert.deepEqual(paragraphs(readHtml(`<body><div class="wrap">${links}${content}</div></body>`)), ['某某局2021年政府信息公开工作年报', '一、总体情况']);
});
