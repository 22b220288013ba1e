/**
 * The item import and export over HTTP: a multipart or raw upload read in the worker, the report, the actor from
 * the session, refusals that store nothing, and exports that re-import.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { readItemFile } from '../../src/disclosure/item-import-read.js';
import { forEachDialect } from '../db-helpers.js';
import { json, testApp, type TestApp } from '../http/http-helpers.js';
import { addCatalogue, counts, csvOf, HEADERS, row, xlsxOf } from './item-import-helpers.js';

const BOUNDARY = '----gongkai-item-boundary';
const MULTIPART = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };

function multipartBody(fileName: string, body: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    body,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

forEachDialect('item import and export over HTTP', (ctx) => {
  let t: TestApp;
  const code = '11371002MB2858591X';
  before(async () => {
    t = await testApp(ctx);
    await t.db.db.updateTable('agencies').set({ credit_code: code }).where('id', '=', t.bureauId).execute();
    await addCatalogue(t.db.db, t.bureauId);
  });
  after(async () => t.close());

  // POST /api/agencies… would go as the system administrator by default (test/auth-helpers.ts): send the tester's session.
  const importUrl = (query = '') => `/api/agencies/${t?.bureauId}/items/import${query}`;

  test('a multipart XLSX is imported with the signed-in person as the actor', async () => {
    const file = await xlsxOf([row(1), row(2, { 发布日期: '2019-04-01' })]);
    const res = await t.app.inject({ method: 'POST', url: importUrl(), headers: { ...t.tester.headers, ...MULTIPART }, payload: multipartBody('旧网站信息.xlsx', file) });
    assert.equal(res.statusCode, 200, res.body);
    const report = json(res);
    assert.equal(report.stored, true);
    assert.equal(report.imported, 2);
    assert.equal(report.fileName, '旧网站信息.xlsx');
    assert.deepEqual(report.indexNos, { first: `${code}/2019-00001`, last: `${code}/2019-00002` });
    const tester = await t.db.db.selectFrom('users').select(['id', 'name']).where('login', '=', 'tester').executeTakeFirstOrThrow();
    const event = await t.db.db.selectFrom('disclosure_events').selectAll().where('agency_id', '=', t.bureauId).executeTakeFirstOrThrow();
    assert.deepEqual([event.actor, Number(event.actor_id), event.type], [tester.name, Number(tester.id), 'items-imported']);
    const publications = await t.db.db.selectFrom('channel_publications').select(['actor', 'actor_id']).where('agency_id', '=', t.bureauId).execute();
    assert.ok(publications.every((p) => p.actor === tester.name && Number(p.actor_id) === Number(tester.id)));
  });

  test('a refused file stores nothing and lists every refusal; dryRun and skipRefused; a raw CSV body', async () => {
    const before = await counts(t.db.db, t.bureauId);
    const file = await xlsxOf([row(10, { 目录分类: '没有这个分类' }), row(11, { 成文日期: '2019-02-30' }), row(12)]);
    const refused = json(await t.app.inject({ method: 'POST', url: importUrl(), headers: { ...t.tester.headers, ...MULTIPART }, payload: multipartBody('bad.xlsx', file) }));
    assert.equal(refused.stored, false);
    assert.deepEqual(refused.refused.map((r: { row: number; column: string }) => [r.row, r.column]), [[2, '目录分类'], [3, '成文日期']]);
    assert.equal(refused.refused[1].message, '第 3 行“成文日期”：2019-02-30 不是有效日期（应写作 2019-03-05、2019/3/5 或 2019年3月5日）。');
    const dry = json(await t.app.inject({ method: 'POST', url: importUrl('?dryRun=true&skipRefused=true'), headers: { ...t.tester.headers, ...MULTIPART }, payload: multipartBody('bad.xlsx', file) }));
    assert.deepEqual([dry.stored, dry.imported, dry.dryRun], [false, 1, true]);
    assert.deepEqual(await counts(t.db.db, t.bureauId), before);
    const raw = await t.app.inject({ method: 'POST', url: importUrl('?skipRefused=true&fileName=old.csv'), headers: { ...t.tester.headers, 'content-type': 'text/csv' }, payload: csvOf([row(13), row(14, { 公开属性: '保密' })]) });
    assert.equal(raw.statusCode, 200, raw.body);
    assert.deepEqual([json(raw).imported, json(raw).refusedRows, json(raw).fileName], [1, 1, 'old.csv']);
    const none = await t.app.inject({ method: 'POST', url: importUrl(), headers: { ...t.tester.headers, 'content-type': 'application/octet-stream' }, payload: Buffer.alloc(0) });
    assert.equal(none.statusCode, 400);
    assert.match(json(none).message, /请求中没有文件/);
  });

  test('an agency without 统一社会信用代码 is told how to set it (400), an unknown agency is 404', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/agencies/${t.governmentId}/items/import`, headers: { ...t.tester.headers, ...MULTIPART }, payload: multipartBody('a.xlsx', await xlsxOf([row(1)])) });
    // The government has no catalogue either: the row is refused for its category before a number is needed.
    assert.equal(res.statusCode, 200, res.body);
    assert.match(json(res).refused[0].message, /本机关的主动公开目录还没有任何分类，“政策法规\/其他文件”无从对应/);
    await addCatalogue(t.db.db, t.governmentId);
    const again = await t.app.inject({ method: 'POST', url: `/api/agencies/${t.governmentId}/items/import`, headers: { ...t.tester.headers, ...MULTIPART }, payload: multipartBody('a.xlsx', await xlsxOf([row(1)])) });
    assert.equal(again.statusCode, 400, again.body);
    assert.match(json(again).message, /尚未设置统一社会信用代码/);
  });

  test('items.xlsx has the import headers and re-reads to the same rows; state=all adds 状态; catalogue.xlsx has paths and Art. 20 items', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/agencies/${t.bureauId}/items.xlsx` });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /spreadsheetml/);
    assert.match(String(res.headers['content-disposition']), /filename\*=UTF-8''/);
    const parsed = await readItemFile(res.rawPayload, 'items.xlsx');
    assert.deepEqual(parsed.fileProblems, []);
    assert.deepEqual(parsed.warnings, []);
    const stored = await t.db.db.selectFrom('items').select(['index_no', 'title', 'published_on']).where('agency_id', '=', t.bureauId).orderBy('id').execute();
    assert.deepEqual(parsed.rows.map((r) => [r.cells.indexNo, r.cells.title, r.cells.publishedOn, r.cells.category]),
      stored.map((s) => [s.index_no, s.title, s.published_on, '政策法规/其他文件']));

    const all = await t.app.inject({ method: 'GET', url: `/api/agencies/${t.bureauId}/items.xlsx?state=all` });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(all.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual((book.worksheets[0]!.getRow(1).values as string[]).slice(1), [...HEADERS, '状态']);
    assert.equal(book.worksheets[0]!.getRow(2).getCell(18).value, '已发布');

    const catalogue = await t.app.inject({ method: 'GET', url: `/api/agencies/${t.bureauId}/catalogue.xlsx` });
    assert.equal(catalogue.statusCode, 200);
    const cbook = new ExcelJS.Workbook();
    await cbook.xlsx.load(catalogue.rawPayload as unknown as ArrayBuffer);
    const rows = cbook.worksheets[0]!.getSheetValues().slice(2).map((r) => (r as string[]).slice(1));
    assert.deepEqual(rows.map((r) => [r[0], r[2], r[3], r[5]]), [
      ['政策法规', 1, '（一）行政法规、规章和规范性文件', '使用中'],
      ['政策法规/规范性文件', 2, '（一）行政法规、规章和规范性文件', '使用中'],
      ['政策法规/其他文件', 2, '', '使用中'],
      ['机构职能', 1, '（二）机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名', '使用中'],
      ['旧栏目', 1, '', '已停用'],
    ]);
    const missing = await t.app.inject({ method: 'GET', url: '/api/agencies/999999/catalogue.xlsx' });
    assert.ok([403, 404].includes(missing.statusCode), missing.body);
  });
});
