import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { renderDocx } from '../render/docx/render-docx.js';
import {
  REPORTS, assertRoundTrip, assertTablesMatchLayout, assertTextMatches, corpusFile, loadReport, paragraphs, sourceTables,
} from '../../test/corpus/corpus-helpers.js';
import { readDocx } from './read-docx.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const NAMESPACES = `xmlns:w="${W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" `
  + 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" '
  + 'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
  + 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" mc:Ignorable="wps"';
const RELS = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
  + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
  + '</Relationships>';

/** A minimal .docx package around a body (WordprocessingML), plus any other parts. */
async function docx(body: string, parts: Record<string, string> = {}, root = `<w:document ${NAMESPACES}><w:body>${body}</w:body></w:document>`): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('_rels/.rels', RELS);
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${root}`);
  for (const [path, xml] of Object.entries(parts)) zip.file(path, xml);
  return zip.generateAsync({ type: 'uint8array' });
}

const p = (text: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (content: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${content.startsWith('<') ? content : p(content)}</w:tc>`;
const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
const tbl = (...rows: string[]) => `<w:tbl><w:tblPr/><w:tblGrid/>${rows.join('')}</w:tbl>`;

/** The cells of a table as `text[rowSpan×colSpan@row,column]`, row by row. */
const grid = async (bytes: Uint8Array, t = 0) => sourceTables(await readDocx(bytes))[t]!.rows.map((row) =>
  row.map((c) => `${c.text}[${c.rowSpan}×${c.colSpan}@${c.where.row},${c.where.column}]`).join(' | '));

for (const [name, path] of REPORTS) {
  test(`${name}: a rendered .docx reads back as the layout, its text and its report exactly`, async () => {
    const report = loadReport(path);
    const doc = await readDocx(await renderDocx(report));
    assert.equal(doc.type, 'docx');
    assert.deepEqual(doc.notes, []);
    assertTablesMatchLayout(doc, report, name);
    assertTextMatches(doc, report, name);
    assertRoundTrip(doc, report, name);
  });
}

test('the seed re-saved by LibreOffice (another producer of merged cells) reads exactly', async () => {
  const report = loadReport('src/demo/huancui-approval-bureau-2019.json');
  const doc = await readDocx(corpusFile('docx/seed-libreoffice.docx'));
  assertTablesMatchLayout(doc, report, 'LibreOffice');
  assertTextMatches(doc, report, 'LibreOffice');
  assertRoundTrip(doc, report, 'LibreOffice');
});

test('merged cells: vMerge restart/continue (with and without a value), gridSpan, gridBefore, legacy hMerge', async () => {
  const bytes = await docx(tbl(
    tr(tc('三、本年度办理结果', '<w:vMerge w:val="restart"/>'), tc('申请人情况', '<w:gridSpan w:val="2"/>')),
    tr(tc('<w:p/>', '<w:vMerge/>'), tc('自然人'), tc('总计')),
    tr(tc('<w:p/>', '<w:vMerge w:val="continue"/>'), tc('0', '<w:gridSpan w:val="2"/>')),
    `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('5')}${tc('6')}</w:tr>`,
    tr(tc('<w:p/>', '<w:vMerge/>'), tc('8'), tc('9')), // nothing above reaches this row: a cell of its own
    tr(tc('（七）', '<w:hMerge w:val="restart"/>'), tc('总计', '<w:hMerge w:val="continue"/>'), tc('7')),
  ));
  assert.deepEqual(await grid(bytes), [
    '三、本年度办理结果[3×1@1,1] | 申请人情况[1×2@1,2]',
    '自然人[1×1@2,2] | 总计[1×1@2,3]',
    '0[1×2@3,2]',
    '5[1×1@4,2] | 6[1×1@4,3]',
    '[1×1@5,1] | 8[1×1@5,2] | 9[1×1@5,3]',
    '（七）[1×2@6,1] | 7[1×1@6,3]',
  ]);
});

test('text in text boxes is read once (one branch of mc:AlternateContent), in paragraphs and in cells', async () => {
  const box = (text: string) => '<w:r><mc:AlternateContent>'
    + `<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>${p(text)}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>`
    + `<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${p(text)}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>`
    + '</mc:AlternateContent></w:r>';
  const vml = `<w:r><w:pict><v:shape><v:textbox><w:txbxContent>${p('（本列数据的勾稽关系为：')}${p('第一项加第二项之和，等于第三项加第四项之和）')}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>`;
  const bytes = await docx(`<w:p><w:r><w:t>一、总体情况</w:t></w:r>${box('文本框中的说明')}</w:p>${tbl(tr(`<w:tc><w:p>${vml}</w:p></w:tc>`, tc('总计')))}`);
  const doc = await readDocx(bytes);
  assert.deepEqual(paragraphs(doc), ['一、总体情况', '文本框中的说明']);
  assert.deepEqual(sourceTables(doc)[0]!.rows[0]!.map((c) => c.text), ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '总计']);
});

test('tracked changes as accepted, hidden text and field codes dropped, line breaks split paragraphs', async () => {
  const bytes = await docx([
    '<w:p><w:r><w:t>本年收到申请</w:t></w:r><w:del><w:r><w:delText>12</w:delText></w:r></w:del>'
      + '<w:ins><w:r><w:t>15</w:t></w:r></w:ins><w:r><w:rPr><w:vanish/></w:rPr><w:t>（隐藏批注）</w:t></w:r><w:r><w:t>件</w:t></w:r></w:p>',
    '<w:p><w:r><w:t>第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
      + '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页</w:t></w:r></w:p>',
    '<w:p><w:r><w:t>某某县某某局</w:t><w:br/><w:t>2022年1月20日</w:t></w:r></w:p>',
    '<w:p><w:r><w:tab/><w:t>一、</w:t><w:tab/><w:t>总体情况</w:t></w:r></w:p>',
    '<w:p><w:hyperlink><w:r><w:t>http://www.example.gov.cn</w:t></w:r></w:hyperlink></w:p>',
    '<w:p><w:r><w:t>&lt;条例&gt; &amp; &#x4E00;&#20108;</w:t></w:r></w:p>',
    '<w:del><w:p><w:r><w:delText>整段删除</w:delText></w:r></w:p></w:del>',
    '<w:p/>',
  ].join(''));
  assert.deepEqual(paragraphs(await readDocx(bytes)), [
    '本年收到申请15件', '第3页', '某某县某某局', '2022年1月20日', '一、总体情况', 'http://www.example.gov.cn', '<条例> & 一二',
  ]);
});

test('content controls (w:sdt) around paragraphs, rows, cells and runs', async () => {
  const sdt = (content: string) => `<w:sdt><w:sdtPr><w:alias w:val="填写"/></w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;
  const bytes = await docx(sdt(p('二、主动公开政府信息情况')) + tbl(
    tr(tc('信息内容'), tc('本年制发件数')),
    sdt(tr(tc('规章'), sdt(tc('3')))),
  ) + `<w:p><w:r><w:t>共</w:t></w:r>${sdt('<w:r><w:t>1336</w:t></w:r>')}<w:r><w:t>条</w:t></w:r></w:p>`);
  const doc = await readDocx(bytes);
  assert.deepEqual(paragraphs(doc), ['二、主动公开政府信息情况', '共1336条']);
  assert.deepEqual(await grid(bytes), ['信息内容[1×1@1,1] | 本年制发件数[1×1@1,2]', '规章[1×1@2,1] | 3[1×1@2,2]']);
});

test('automatic list numbers (direct and through a style) are read as printed', async () => {
  const numbering = `<w:numbering xmlns:w="${W}">`
    + '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>'
    + '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>'
    + '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
    + '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>'
    + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    + '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>'
    + '<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num></w:numbering>';
  const styles = `<w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`
    + '<w:style w:type="paragraph" w:styleId="GkHeading"><w:basedOn w:val="Heading1"/></w:style></w:styles>';
  const num = (id: number, level = 0) => `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${id}"/></w:numPr>`;
  const bytes = await docx([
    p('总体情况', '<w:pStyle w:val="Heading1"/>'),
    p('主动公开', num(1, 1)),
    p('依申请公开', num(1, 1)),
    p('主动公开政府信息情况', '<w:pStyle w:val="GkHeading"/>'),
    p('不编号的要点', num(3)),
    p('收到和处理政府信息公开申请情况', num(4)),
    tbl(tr(tc(p('属于国家秘密', num(2)))), tr(tc(p('其他法律行政法规禁止公开', num(2))))),
  ].join(''), { 'word/numbering.xml': numbering, 'word/styles.xml': styles });
  const doc = await readDocx(bytes);
  assert.deepEqual(paragraphs(doc), ['一、总体情况', '（一）主动公开', '（二）依申请公开', '二、主动公开政府信息情况', '不编号的要点', '五、收到和处理政府信息公开申请情况']);
  assert.deepEqual(sourceTables(doc)[0]!.rows.map((r) => r[0]!.text), ['1. 属于国家秘密', '2. 其他法律行政法规禁止公开']);
});

test('a table holding tables is layout: the inner data table comes out, the outer cells as paragraphs', async () => {
  const inner = tbl(tr(tc('行政复议'), tc('总计')), tr(tc('结果维持'), tc('0')));
  const bytes = await docx(tbl(tr(tc('栏目说明'), `<w:tc>${p('四、行政复议、行政诉讼情况')}${inner}<w:p/></w:tc>`)) + p('完'));
  const doc = await readDocx(bytes);
  assert.deepEqual(doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : `表${b.table.where.table}`)),
    ['栏目说明', '四、行政复议、行政诉讼情况', '表1', '完']);
  // An empty table (a drawn frame) is no table of the report, and takes no table number.
  const framed = await readDocx(await docx(tbl(tr(tc('<w:p/>'))) + inner));
  assert.deepEqual(framed.blocks.map((b) => (b.kind === 'table' ? b.table.where.table : b.text)), [1]);
  assert.deepEqual(await grid(bytes), ['行政复议[1×1@1,1] | 总计[1×1@1,2]', '结果维持[1×1@2,1] | 0[1×1@2,2]']);
});

test('absurd spans are clamped; namespace prefixes other than w: are understood', async () => {
  const absurd = await docx(tbl(tr(tc('第二十条第（一）项', '<w:gridSpan w:val="999"/>')), tr(tc('信息内容'), tc('本年制发件数'), tc('现行有效件数'))));
  assert.deepEqual((await grid(absurd))[0], '第二十条第（一）项[1×3@1,1]');
  assert.match((await readDocx(absurd)).notes[0]!, /合并范围超出表格/);

  const prefixed = `<ns0:document xmlns:ns0="${W}"><ns0:body><ns0:p><ns0:r><ns0:t>一、总体情况</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>`;
  assert.deepEqual(paragraphs(await readDocx(await docx('', {}, prefixed))), ['一、总体情况']);
});

test('a corrupt or foreign file is rejected with a clear Chinese message', async () => {
  const corrupt = /^DOCX 文件已损坏或不是 Word 文档：/;
  const good = await renderDocx(loadReport('test/fixtures/full-2021.json'));
  const zipOf = async (files: Record<string, string>) => {
    const zip = new JSZip();
    for (const [path, text] of Object.entries(files)) zip.file(path, text);
    return zip.generateAsync({ type: 'uint8array' });
  };
  const cases: Array<[string, Uint8Array, RegExp]> = [
    ['empty', new Uint8Array(0), /ZIP/],
    ['plain text', new TextEncoder().encode('这不是 Word 文档'), /ZIP/],
    ['binary garbage', new Uint8Array(2048).map((_, i) => (i * 31 + 7) % 256), /ZIP/],
    ['legacy .doc', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /旧版 Word/],
    ['truncated', good.subarray(0, Math.floor(good.length * 0.6)), /ZIP|解压/],
    ['zip without a document', await zipOf({ 'readme.txt': '说明' }), /word\/document\.xml/],
    ['a spreadsheet', await zipOf({ '_rels/.rels': RELS.replace('word/document.xml', 'xl/workbook.xml'), 'xl/workbook.xml': '<workbook/>' }), /不是 Word 正文/],
    ['broken XML', await docx('<w:p><w:r><w:t>未闭合</w:r></w:p>'), /不是有效的 XML/],
    ['no body', await docx('', {}, `<w:document xmlns:w="${W}"/>`), /w:body/],
  ];
  for (const [label, bytes, reason] of cases) {
    await assert.rejects(readDocx(bytes), (error: Error) => {
      assert.match(error.message, corrupt, label);
      assert.match(error.message, reason, label);
      return true;
    });
  }
});
