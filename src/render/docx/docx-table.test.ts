import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Document, Packer } from 'docx';
import JSZip from 'jszip';
import { small } from '../layout-fixtures.js';
import type { TableLayout } from '../table-layout-types.js';
import { cellWidths, docxTable, gridWidths, labelLines } from './docx-table.js';

async function documentXml(layout: TableLayout): Promise<string> {
  const doc = new Document({ sections: [{ children: [docxTable(layout, { fontSize: 21, minRowHeight: 400 })] }] });
  const zip = await JSZip.loadAsync(await Packer.toBuffer(doc));
  return zip.file('word/document.xml')!.async('string');
}

/** The rows of the table as lists of cells: { gridSpan, vMerge, text }. */
function parseRows(xml: string) {
  return [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map(([, tr]) =>
    [...tr!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, tc]) => ({
      gridSpan: Number(/<w:gridSpan w:val="(\d+)"/.exec(tc!)?.[1] ?? 1),
      vMerge: /<w:vMerge w:val="(\w+)"/.exec(tc!)?.[1] ?? (/<w:vMerge\/>/.test(tc!) ? 'continue' : null),
      text: [...tc!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
      runs: (tc!.match(/<w:r>/g) ?? []).length,
    })));
}

test('spanned cells become gridSpan and vMerge restart/continue at the covered grid positions', async () => {
  const rows = parseRows(await documentXml(small));
  assert.equal(rows.length, 4);
  // Every row covers the 4 grid columns.
  for (const row of rows) assert.equal(row.reduce((s, cell) => s + cell.gridSpan, 0), 4);
  assert.deepEqual(rows[0]!.map((x) => [x.text, x.gridSpan, x.vMerge]), [['角', 2, 'restart'], ['申请人', 2, null]]);
  assert.deepEqual(rows[1]!.map((x) => [x.text, x.gridSpan, x.vMerge]), [['', 2, 'continue'], ['甲', 1, null], ['乙', 1, null]]);
  assert.deepEqual(rows[2]!.map((x) => [x.text, x.vMerge]), [['组', 'restart'], ['子一', null], ['1', null], ['', null]]);
  assert.deepEqual(rows[3]!.map((x) => [x.text, x.vMerge]), [['', 'continue'], ['子二', null], ['0', null], ['3', null]]);
});

test('a blank cell has no text run, while 0 is printed', async () => {
  const rows = parseRows(await documentXml(small));
  assert.equal(rows[2]![3]!.runs, 0);
  assert.equal(rows[3]![2]!.text, '0');
  assert.equal(rows[3]![2]!.runs, 1);
});

test('rows do not split, header rows repeat, widths fill the text width', async () => {
  const xml = await documentXml(small);
  assert.equal((xml.match(/<w:cantSplit\/>/g) ?? []).length, 4);
  assert.equal((xml.match(/<w:tblHeader\/>/g) ?? []).length, 2);
  const grid = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
  assert.equal(grid.reduce((s, w) => s + w, 0), 8845);
  assert.match(xml, /<w:tblLayout w:type="fixed"\/>/);
  assert.match(xml, /<w:vAlign w:val="center"\/>/);
});

test('gridWidths splits exactly', () => {
  assert.deepEqual(gridWidths([1, 1, 1], 100), [34, 33, 33]);
});

test('cell widths follow the grid, skipping positions covered from the rows above', () => {
  assert.deepEqual(cellWidths(small, [100, 200, 300, 400]), [[300, 700], [300, 400], [100, 200, 300, 400], [200, 300, 400]]);
});

test('short labels break where the printed format breaks them', () => {
  assert.equal(labelLines('自然人', 3), null); // fits
  assert.deepEqual(labelLines('商业企业', 2), ['商业', '企业']);
  assert.deepEqual(labelLines('社会公益组织', 2), ['社会', '公益', '组织']);
  assert.deepEqual(labelLines('社会公益组织', 3), ['社会公', '益组织']);
  assert.deepEqual(labelLines('（三）不予公开', 4), ['（三）', '不予公开']);
  // A group label in a very narrow column is stacked one character a line, punctuation kept.
  assert.deepEqual(labelLines('三、本年度办理结果', 2, true), ['三、', '本', '年', '度', '办', '理', '结', '果']);
  // Long prose is left to Word.
  assert.equal(labelLines('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 3), null);
});
