/**
 * ZIP archives uploaded to a saved audit (POST /api/audits), on every database: each file inside becomes a file of
 * the batch named by its path in the archive (nested archives expanded, system entries skipped); what the intake
 * refuses — a zip bomb, a corrupt archive, the files past the cap of 2,000 — becomes ONE failed file with its Chinese
 * message, which a re-run leaves as it is and "audit again" carries over; an upload refused outright stores nothing.
 * The intake's own rules (names, depth, caps): audit-intake.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { forEachDialect } from '../db-helpers.js';
import { json, sendJson, testApp, type TestApp } from '../http/http-helpers.js';
import { multipart, MULTIPART, threeYears, waitForBatch } from './audit-batch-helpers.js';
import { makeZip } from './zip-fixtures.js';

forEachDialect('zip archives in saved audits', (ctx) => {
  let t: TestApp;
  before(async () => {
    t = await testApp(ctx);
  });
  after(async () => t.close());

  const count = async (table: 'audit_batches' | 'audit_files' | 'blobs') =>
    Number((await t.db.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const upload = (files: Array<{ name: string; body: Buffer }>) =>
    t.app.inject({ method: 'POST', url: '/api/audits', headers: MULTIPART, payload: multipart(files) });
  const rowsOf = async (id: number) => (await waitForBatch(t.app, id)).files as any[];

  test('a zip of reports with a nested zip and a system entry: one file per report, named by its path', async () => {
    const [y2019, y2020, y2021] = threeYears();
    const inner = makeZip([{ name: '附件/环翠区2020年报告.html', data: y2020!.body, deflate: true }]);
    const zip = makeZip([
      { name: '2019/环翠区2019年报告.txt', data: y2019!.body, deflate: true },
      { name: '2021/环翠区2021年报告.html', data: y2021!.body, deflate: true },
      { name: '2020/环翠区2020年报告.html', data: y2020!.body },
      { name: '__MACOSX/2021/._环翠区2021年报告.html', data: 'resource fork' },
      { name: '内层.zip', data: inner },
    ]);
    const response = await upload([{ name: '某区.zip', body: zip }]);
    assert.equal(response.statusCode, 202, response.body);
    const batch = json(response);
    assert.equal(batch.total, 4);
    const files = await rowsOf(batch.id);
    assert.deepEqual(files.map((f) => f.name).sort(), [
      '某区.zip/2019/环翠区2019年报告.txt', '某区.zip/2020/环翠区2020年报告.html', '某区.zip/2021/环翠区2021年报告.html',
      '某区.zip/内层.zip/附件/环翠区2020年报告.html',
    ].sort());
    assert.ok(files.every((f) => f.state === 'done' && f.agencyName), JSON.stringify(files.map((f) => [f.name, f.state, f.error])));
    assert.deepEqual(files.map((f) => f.year).sort(), [2019, 2020, 2020, 2021]);
    // The same report in two places is stored once.
    const nested = files.filter((f) => f.year === 2020);
    assert.equal(nested[0].sha256, nested[1].sha256);
    assert.equal(nested[0].size, y2020!.body.length);
  });

  let bombFileId: number;
  test('a zip bomb is one failed file with its message; the rest of the upload is read, a re-run keeps it failed', async () => {
    const bomb = makeZip([{ name: '大文件.txt', data: Buffer.alloc(64 * 2 ** 20, 0x20), deflate: true }]);
    const [y2019] = threeYears();
    const response = await upload([{ name: '炸弹.zip', body: bomb }, { name: '环翠区2019年报告.txt', body: y2019!.body }]);
    assert.equal(response.statusCode, 202, response.body);
    const id = json(response).id;
    const files = await rowsOf(id);
    assert.deepEqual(files.map((f) => [f.name, f.state]).sort(), [['炸弹.zip', 'failed'], ['环翠区2019年报告.txt', 'done']]);
    const failed = files.find((f) => f.state === 'failed');
    assert.match(failed.error, /^压缩包被拒绝，未解压：.*压缩比异常.*压缩炸弹/);
    assert.equal(failed.size, 0);
    bombFileId = failed.id;
    const page = await waitForBatch(t.app, id);
    assert.deepEqual([page.batch.state, page.batch.done, page.batch.failed], ['done', 2, 1]);
    // Shown like an unreadable file: in the filter, and in the export.
    assert.deepEqual(json(await t.app.inject({ method: 'GET', url: `/api/audits/${id}?severity=unreadable` })).files.map((f: any) => f.name), ['炸弹.zip']);
    const csv = (await t.app.inject({ method: 'GET', url: `/api/audits/${id}/export?format=csv` })).body;
    assert.match(csv, /炸弹\.zip.*压缩炸弹/);
    assert.equal(json(await t.app.inject({ method: 'GET', url: `/api/audits/${id}/files/${bombFileId}` })).error, failed.error);

    assert.equal((await t.app.inject({ method: 'POST', url: `/api/audits/${id}/rerun` })).statusCode, 202);
    const again = await rowsOf(id);
    assert.equal(again.find((f) => f.id === bombFileId).error, failed.error);
    assert.equal(again.find((f) => f.id !== bombFileId).state, 'done');

    // Audited again by id: still the refusal, not an "empty file".
    const copy = json(await sendJson(t.app, 'POST', '/api/audits', { fileIds: [bombFileId] }));
    const copied = await rowsOf(copy.id);
    assert.deepEqual(copied.map((f) => [f.name, f.state, f.error]), [['炸弹.zip', 'failed', failed.error]]);
  });

  test('a corrupt zip is one failed file', async () => {
    const zip = makeZip([{ name: '报告.txt', data: '政府信息公开工作年度报告' }]);
    const response = await upload([{ name: '损坏.zip', body: zip.subarray(0, zip.length - 30) }]);
    assert.equal(response.statusCode, 202, response.body);
    const files = await rowsOf(json(response).id);
    assert.equal(files.length, 1);
    assert.equal(files[0].name, '损坏.zip');
    assert.equal(files[0].state, 'failed');
    assert.match(files[0].error, /^压缩包已损坏，无法打开/);
  });

  test('a zip of 2,500 files: 2,000 files of the batch and one failed file naming how many were skipped', async () => {
    const zip = makeZip(Array.from({ length: 2500 }, (_, i) => ({ name: `材料/${String(i).padStart(4, '0')}.txt`, data: `第 ${i} 份` })));
    const response = await upload([{ name: '许多.zip', body: zip }]);
    assert.equal(response.statusCode, 202, response.body);
    const batch = json(response);
    assert.equal(batch.total, 2001);
    // Not read here: the rows are what the upload stored.
    await t.app.inject({ method: 'POST', url: `/api/audits/${batch.id}/stop` });
    const rows = await t.db.db.selectFrom('audit_files').select(['name', 'state', 'error', 'position'])
      .where('batch_id', '=', batch.id).orderBy('position').execute();
    assert.equal(rows.length, 2001);
    assert.equal(rows[0]!.name, '许多.zip/材料/0000.txt');
    assert.equal(rows[1999]!.name, '许多.zip/材料/1999.txt');
    assert.deepEqual([rows[2000]!.name, rows[2000]!.state], ['许多.zip', 'failed']);
    assert.match(rows[2000]!.error!, /另有 500 个文件未读取：每次最多读取 2000 个文件/);
    assert.equal(rows.filter((r) => r.state === 'failed').length, 1);
  });

  test('an upload refused outright stores nothing', async () => {
    const before = [await count('audit_batches'), await count('audit_files'), await count('blobs')];
    const empty = await t.app.inject({ method: 'POST', url: '/api/audits', headers: MULTIPART, payload: multipart([], { title: '空' }) });
    assert.equal(empty.statusCode, 400);
    assert.match(json(empty).message ?? empty.body, /没有上传文件/);
    const outside = await t.app.inject({ method: 'POST', url: '/api/audits', headers: MULTIPART, payload: multipart([{ name: 'a.zip', body: makeZip([{ name: 'a.txt', data: 'x' }]) }], { agencyId: '999999' }) });
    assert.ok([403, 404].includes(outside.statusCode), outside.body);
    assert.deepEqual([await count('audit_batches'), await count('audit_files'), await count('blobs')], before);
  });
});
