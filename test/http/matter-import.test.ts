/**
 * The matter list as XLSX over HTTP on SQLite and PostgreSQL: the demo list exported and imported again (every row a
 * new draft version, nothing public changes), a file with an unknown theme and an unknown office refused row by row
 * with nothing stored, and the good rows only when asked.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { operator } from '../../src/core/actor.js';
import { addDemoMatters } from '../../src/demo/demo-matters.js';
import { forEachDialect } from '../db-helpers.js';
import { json, testApp, type TestApp } from './http-helpers.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

forEachDialect('matter list import and export', (ctx) => {
  let t: TestApp;
  before(async () => {
    t = await testApp(ctx, { demo: true });
    await t.db.db.transaction().execute((trx) => addDemoMatters(trx, t.bureauId, operator('测试准备')));
  });
  after(async () => t?.close());
  const count = async (table: 'matters' | 'matter_versions') => (await t.db.db.selectFrom(table).select('id').execute()).length;
  const upload = (bytes: Buffer, query = '') => t.app.inject({
    method: 'POST', url: `/api/agencies/${t.bureauId}/matters/import?fileName=list.xlsx${query}`, headers: { ...t.tester.headers, 'content-type': XLSX }, payload: bytes,
  });

  test('an unknown theme and an unknown office: refused row by row, nothing stored; the good rows only when asked', async () => {
    const exported = await t.app.inject({ method: 'GET', url: `/api/agencies/${t.bureauId}/matters.xlsx`, headers: t.tester.headers });
    assert.equal(exported.statusCode, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as string[]);
    const col = (name: string) => header.indexOf(name);
    assert.equal(sheet.rowCount, 121);
    // Three rows kept: a new matter, one with an unknown theme, one with an unknown office.
    const rowValues = (r: number) => [...(sheet.getRow(r).values as unknown[])];
    const base = rowValues(2);
    const fresh = [...base]; fresh[col('事项编码')] = 'IMPORT-NEW-1'; fresh[col('事项名称')] = '导入的新事项';
    const badTheme = [...base]; badTheme[col('事项编码')] = 'IMPORT-NEW-2'; badTheme[col('主题分类')] = '自然人-外星事务';
    const badOffice = [...base]; badOffice[col('事项编码')] = 'IMPORT-NEW-3'; badOffice[col('实施主体')] = '不存在的审批科';
    const out = new ExcelJS.Workbook();
    const s2 = out.addWorksheet('事项清单');
    s2.addRow(header.slice(1));
    for (const r of [fresh, badTheme, badOffice]) s2.addRow(r.slice(1));
    const bytes = Buffer.from(await out.xlsx.writeBuffer());

    const [matters, versions] = [await count('matters'), await count('matter_versions')];
    let res = await upload(bytes);
    assert.equal(res.statusCode, 200, res.body);
    let report = json(res);
    assert.equal(report.stored, false);
    assert.equal(report.refusedRows, 2);
    assert.match(report.refused.map((p: { message: string }) => p.message).join('\n'), /第 3 行：主题分类“自然人-外星事务”不是已登记的主题分类/);
    assert.match(report.refused.map((p: { message: string }) => p.message).join('\n'), /第 4 行：实施主体“不存在的审批科”不在本机关登记的实施主体名单中/);
    assert.deepEqual([await count('matters'), await count('matter_versions')], [matters, versions]);

    res = await upload(bytes, '&skipRefused=true');
    report = json(res);
    assert.deepEqual([report.stored, report.created, report.updated], [true, 1, 0]);
    assert.deepEqual([await count('matters'), await count('matter_versions')], [matters + 1, versions + 1]);
  });

  test('the whole list exported and imported again: a new draft version of each, the public guides unchanged', async () => {
    const exported = await t.app.inject({ method: 'GET', url: `/api/agencies/${t.bureauId}/matters.xlsx`, headers: t.tester.headers });
    const versions = await count('matter_versions');
    const res = await upload(exported.rawPayload);
    const report = json(res);
    assert.equal(report.stored, true, res.body);
    assert.equal(report.updated, 121);
    assert.equal(await count('matter_versions'), versions + 121);
    const page = await t.app.inject({ method: 'GET', url: '/matters' });
    assert.match(page.body, /共 120 项/);
  });

  test('a blank form uploaded and named by a material; a form never uploaded is refused', async () => {
    // A form as an image (a scanned sample); an XLSX from exceljs names an author in its properties, which the inspection flags.
    const { qrPng } = await import('../../src/render/matters/matter-qr.js');
    const bytes = await qrPng('示范样表');
    const boundary = '----gongkai-matter-form';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="sample.png"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      bytes, Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await t.app.inject({ method: 'POST', url: `/api/agencies/${t.bureauId}/matter-files`, headers: { ...t.tester.headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    assert.equal(res.statusCode, 201, res.body);
    const ref = { hash: json(res).hash as string, fileName: '示范样表.png' };
    const { demoMatter } = await import('../../src/demo/demo-matters.js');
    const m = demoMatter(5);
    const material = { ...m.materials[0]!, sample: ref };
    let made = await t.app.inject({ method: 'POST', url: `/api/agencies/${t.bureauId}/matters`, headers: t.tester.headers, payload: { content: { ...m, code: 'FORM-1', materials: [material] } } });
    assert.equal(made.statusCode, 201, made.body);
    made = await t.app.inject({ method: 'POST', url: `/api/agencies/${t.bureauId}/matters`, headers: t.tester.headers, payload: { content: { ...m, code: 'FORM-2', materials: [{ ...material, sample: { hash: 'a'.repeat(64), fileName: '没传.xlsx' } }] } } });
    assert.equal(made.statusCode, 400);
    assert.match(json(made).message, /表格“没传.xlsx”尚未上传/);
  });

  test('hall figures from Excel: an unregistered hall or a bad month refuses the file; then the months are entered', async () => {
    const file = async (rows: string[][]) => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('大厅数据');
      sheet.addRow(['大厅', '月份', '窗口数', '进驻事项数', '办件量', '快递送达证照数']);
      for (const r of rows) sheet.addRow(r);
      return Buffer.from(await book.xlsx.writeBuffer());
    };
    const send = async (bytes: Buffer) => t.app.inject({ method: 'POST', url: `/api/agencies/${t.bureauId}/service-halls/months/import`, headers: { ...t.tester.headers, 'content-type': XLSX }, payload: bytes });
    let res = await send(await file([['环翠区政务服务大厅', '2020-01', '160', '120', '30000', '40'], ['不存在的大厅', '2020-01', '1', '', '', ''], ['环翠区政务服务大厅', '2020-13', '', '', '', '']]));
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(json(res).stored, false);
    assert.match(json(res).refused.map((r: { message: string }) => r.message).join('\n'), /第 3 行：大厅“不存在的大厅”未登记[\s\S]*第 4 行：月份“2020-13”格式不正确/);
    let d = json(await t.app.inject({ method: 'GET', url: `/api/agencies/${t.bureauId}/service-dashboard?year=2020`, headers: t.tester.headers }));
    assert.equal(d.totals.transactions, null);
    res = await send(await file([['环翠区政务服务大厅', '2020年1月', '160', '120', '30,000', '40'], ['羊亭镇便民服务中心', '2020-01', '13', '40', '1000', '']]));
    assert.equal(json(res).stored, true, res.body);
    d = json(await t.app.inject({ method: 'GET', url: `/api/agencies/${t.bureauId}/service-dashboard?year=2020`, headers: t.tester.headers }));
    assert.deepEqual(d.totals, { windows: 173, transactions: 31000, certificatesMailed: 40 });
  });

  test('a file that is not an XLSX is refused with a reason', async () => {
    const res = await upload(Buffer.from('名称,编码\n甲,乙\n'));
    assert.equal(res.statusCode, 400);
    assert.match(json(res).message, /不是 Excel（.xlsx）文件/);
  });
});
