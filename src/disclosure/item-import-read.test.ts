import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { readItemFile } from './item-import-read.js';

test('XLSX cells: dates typed as dates, numbers, rich text and formulas are read as text; blank rows skipped', async () => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('信息');
  sheet.addRow(['标题', '目录分类', '发布机构', '成文日期', '发布日期', '文号']);
  sheet.addRow([{ richText: [{ text: '关于' }, { text: '通知', font: { bold: true } }] }, '政策法规', '某局', new Date(Date.UTC(2019, 2, 1)), { formula: '"2019-03-05"', result: '2019-03-05' }, 12]);
  sheet.getCell('D2').numFmt = 'yyyy"年"m"月"d"日"';
  sheet.addRow([]);
  sheet.addRow(['第二条', '政策法规', '某局', '2019年3月1日', '2019/3/5', '']);
  const parsed = await readItemFile(Buffer.from(await book.xlsx.writeBuffer()), 'a.xlsx');
  assert.deepEqual(parsed.fileProblems, []);
  assert.deepEqual(parsed.rows.map((r) => r.row), [2, 4]);
  assert.deepEqual(parsed.rows[0]!.cells, { title: '关于通知', category: '政策法规', issuer: '某局', writtenOn: '2019-03-01', publishedOn: '2019-03-05', docNo: '12' });
});

test('not a spreadsheet: an old .xls, a broken .xlsx, an empty file — each refused with the file named', async () => {
  assert.match((await readItemFile(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), '旧.xls')).fileProblems[0]!.message, /旧版 Excel（.xls）格式，请在 Excel 中另存为 .xlsx 或 CSV/);
  assert.match((await readItemFile(Buffer.from('PK\x03\x04broken'), 'x.xlsx')).fileProblems[0]!.message, /“x.xlsx”不是可读取的 Excel/);
  assert.match((await readItemFile(Buffer.alloc(0), 'e.csv')).fileProblems[0]!.message, /“e.csv”中没有内容/);
});
