/**
 * Saved bulk audits over HTTP on every database: an upload answers 202 at once and is read in the background
 * (polled to done), the files filtered and sorted, a file's detail, decisions that survive a re-run and a new
 * batch of the same file, the exports (the workbook opened with exceljs), the comparisons (a carry-over mismatch
 * between two years), bad uploads refused in Chinese with nothing stored, and the scope: another agency's
 * supervisor gets 403, an unknown batch 404, a role without 核查年度报告 403. Stopping, resuming and parallel
 * readers: audit-batch-runner.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { agencyService } from '../../src/agencies/agency.service.js';
import { operator } from '../../src/core/actor.js';
import { createTestUser, signIn } from '../auth-helpers.js';
import { forEachDialect } from '../db-helpers.js';
import { json, sendJson, testApp, type TestApp } from '../http/http-helpers.js';
import { SEED_AGENCY } from './audit-fixtures.js';
import { auditRunnerOf } from '../../src/audit/audit-batch.routes.js';
import { auditBatchService } from '../../src/audit/audit-batch.service.js';
import { steppingClock } from '../../src/core/clock.js';
import { buildApp } from '../../src/http/app.js';
import { testPii } from '../pii-helpers.js';
import { multipart, MULTIPART, threeYears, waitForBatch } from './audit-batch-helpers.js';

forEachDialect('saved bulk audits over HTTP', (ctx) => {
  let t: TestApp;
  let batchId: number;
  let page: any;
  before(async () => {
    t = await testApp(ctx);
  });
  after(async () => t.close());

  const stored = async () => ({
    batches: Number((await t.db.db.selectFrom('audit_batches').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    blobs: Number((await t.db.db.selectFrom('blobs').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
  });

  test('an upload answers 202 at once and the files are read in the background', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/audits', headers: MULTIPART, payload: multipart(threeYears(), { title: '环翠区三年年报核查' }) });
    assert.equal(response.statusCode, 202, response.body);
    const batch = json(response);
    assert.equal(batch.title, '环翠区三年年报核查');
    assert.equal(batch.total, 4);
    assert.equal(batch.agencyId, t.governmentId);
    assert.equal(batch.createdBy.name, '办公室王科长');
    batchId = batch.id;
    page = await waitForBatch(t.app, batchId);
    assert.equal(page.batch.state, 'done');
    assert.equal(page.batch.stateLabel, '已完成');
    assert.deepEqual([page.batch.done, page.batch.failed, page.batch.counts.reports, page.batch.counts.unreadable], [4, 1, 3, 1]);
    assert.equal(page.batch.current, null);
    // Errors first: the 2021 report (its 上年结转 was changed, so its own sums fail); the unreadable file last.
    assert.equal(page.files[0].name, '环翠区2021年报告.html');
    assert.ok(page.files[0].errors > 0);
    assert.equal(page.files.at(-1).name, '损坏的文件.docx');
    assert.equal(page.files.at(-1).state, 'failed');
    assert.match(page.files.at(-1).error, /[\u4e00-\u9fff]/);
    const y2019 = page.files.find((f: any) => f.year === 2019);
    assert.equal(y2019.agencyName, SEED_AGENCY);
    assert.equal(y2019.format, '2019');
    assert.equal(y2019.formatLabel, '2019 格式（试行）');
    assert.equal(y2019.errors, 0);
    assert.equal(typeof y2019.readMs, 'number');
    assert.equal(y2019.sha256.length, 64);
  });

  test('the files filtered and sorted', async () => {
    const get = async (query: string) => json(await t.app.inject({ method: 'GET', url: `/api/audits/${batchId}?${query}` })).files.map((f: any) => f.name);
    assert.deepEqual(await get('severity=unreadable'), ['损坏的文件.docx']);
    assert.deepEqual(await get('year=2020'), ['环翠区2020年报告.html']);
    assert.deepEqual(await get('format=2021'), ['环翠区2021年报告.html']);
    assert.equal((await get(`agency=${encodeURIComponent('环翠区')}`)).length, 3);
    assert.deepEqual(await get('agency=%25'), []);
    assert.deepEqual(await get('sort=year&order=asc'), ['环翠区2019年报告.txt', '环翠区2020年报告.html', '环翠区2021年报告.html', '损坏的文件.docx']);
    assert.deepEqual(await get('sort=name&order=desc'), ['环翠区2021年报告.html', '环翠区2020年报告.html', '环翠区2019年报告.txt', '损坏的文件.docx'].sort().reverse());
    assert.deepEqual(await get('severity=error'), ['环翠区2021年报告.html']);
    assert.deepEqual(await get('state=failed'), ['损坏的文件.docx']);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/audits/${batchId}?severity=bad` })).statusCode, 400);
    const list = json(await t.app.inject({ method: 'GET', url: '/api/audits' }));
    assert.deepEqual(list.map((b: any) => b.id), [batchId]);
    assert.equal(list[0].counts.errors, page.batch.counts.errors);
  });

  test('a file\'s detail, and decisions that survive a re-run and a new batch of the same file', async () => {
    const file = page.files[0];
    const detail = json(await t.app.inject({ method: 'GET', url: `/api/audits/${batchId}/files/${file.id}` }));
    assert.equal(detail.name, file.name);
    assert.deepEqual([...new Set(detail.tables.map((x: any) => x.id))], ['二', '三', '四']);
    const error = detail.findings.find((f: any) => f.severity === 'error');
    assert.ok(error, 'an error finding');
    assert.equal(error.severityLabel, '错误');
    assert.match(error.message, /[\u4e00-\u9fff]/);
    assert.ok(error.cells.length > 0 && error.cells.every((c: any) => c.label.startsWith('表') || c.label.startsWith('上一年度')));
    const linked = detail.tables.flatMap((x: any) => x.rows.flatMap((r: any) => r.cells)).filter((c: any) => c.findingFingerprints.includes(error.fingerprint));
    assert.ok(linked.length > 0, 'the finding is linked from its cells');
    assert.ok(detail.blanks.every((b: any) => /空白$/.test(b.summary)));
    assert.equal(detail.undecided, detail.findings.length);

    const url = `/api/audits/${batchId}/files/${file.id}/findings/${error.fingerprint}`;
    const noNote = await sendJson(t.app, 'PUT', url, { kind: 'dismissed', note: ' ' });
    assert.equal(noNote.statusCode, 400);
    assert.match(json(noNote).message, /说明/);
    const dismissed = await sendJson(t.app, 'PUT', url, { kind: 'dismissed', note: '原文如此，已电话核实' });
    assert.equal(dismissed.statusCode, 200, dismissed.body);
    assert.equal(json(dismissed).decision.kind, 'dismissed');
    assert.equal(json(dismissed).decision.kindLabel, '不是问题');
    const confirmed = json(await sendJson(t.app, 'PUT', url, { kind: 'confirmed', note: '' }));
    assert.equal(confirmed.decision.kind, 'confirmed');
    assert.equal(confirmed.decision.by.name, '办公室王科长');
    const events = await t.db.db.selectFrom('audit_decisions').selectAll().orderBy('id').execute();
    assert.deepEqual(events.map((e) => [e.old_kind, e.kind]), [[null, 'dismissed'], ['dismissed', 'confirmed']]);
    assert.equal((await sendJson(t.app, 'PUT', `/api/audits/${batchId}/files/${file.id}/findings/${'0'.repeat(32)}`, { kind: 'confirmed', note: '' })).statusCode, 404);

    const rerun = await t.app.inject({ method: 'POST', url: `/api/audits/${batchId}/rerun` });
    assert.equal(rerun.statusCode, 202, rerun.body);
    assert.equal(json(rerun).id, batchId);
    assert.equal(json(rerun).state, 'reading');
    await waitForBatch(t.app, batchId);
    const again = json(await t.app.inject({ method: 'GET', url: `/api/audits/${batchId}/files/${file.id}` }));
    assert.equal(again.findings.find((f: any) => f.fingerprint === error.fingerprint).decision.kind, 'confirmed');
    assert.equal(again.undecided, detail.findings.length - 1);
    // Earlier reads are kept: two reads of each file.
    const reads = await t.db.db.selectFrom('audit_reads').select('run').where('file_id', '=', file.id).orderBy('run').execute();
    assert.deepEqual(reads.map((r) => r.run), [1, 2]);

    const copy = await sendJson(t.app, 'POST', '/api/audits', { fileIds: [file.id] });
    assert.equal(copy.statusCode, 202, copy.body);
    const copied = await waitForBatch(t.app, json(copy).id);
    assert.equal(copied.files[0].sha256, file.sha256);
    const copyDetail = json(await t.app.inject({ method: 'GET', url: `/api/audits/${json(copy).id}/files/${copied.files[0].id}` }));
    assert.equal(copyDetail.findings.find((f: any) => f.fingerprint === error.fingerprint).decision.kind, 'confirmed');
    // Uploaded again as a new file: the same bytes, the same decisions.
    const y2021 = threeYears().find((f) => f.name === file.name)!;
    const upload = await t.app.inject({ method: 'POST', url: '/api/audits', headers: MULTIPART, payload: multipart([{ name: '再次上传.html', body: y2021.body }]) });
    assert.equal(upload.statusCode, 202, upload.body);
    const uploaded = await waitForBatch(t.app, json(upload).id);
    assert.equal(uploaded.files[0].sha256, file.sha256);
    assert.equal(uploaded.files[0].undecided, detail.findings.length - 1);
    // The bytes are stored once.
    assert.equal(Number((await t.db.db.selectFrom('blobs').select((eb) => eb.fn.countAll().as('n')).where('hash', '=', file.sha256).executeTakeFirstOrThrow()).n), 1);
  });

  test('exports: XLSX (opened with exceljs), CSV and HTML, errors first', async () => {
    const xlsx = await t.app.inject({ method: 'GET', url: `/api/audits/${batchId}/export?format=xlsx` });
    assert.equal(xlsx.statusCode, 200);
    assert.match(String(xlsx.headers['content-disposition']), /attachment/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(workbook.worksheets.map((w) => w.name), ['结果', '问题', '说明']);
    const results = workbook.getWorksheet('结果')!;
    assert.equal(results.getRow(1).getCell(1).value, '文件');
    assert.equal(results.getRow(2).getCell(1).value, '环翠区2021年报告.html');
    assert.ok(workbook.getWorksheet('问题')!.rowCount > 1);
    const csv = await t.app.inject({ method: 'GET', url: `/api/audits/${batchId}/export?format=csv` });
    assert.equal(csv.statusCode, 200);
    assert.ok(csv.body.startsWith('\ufeff文件,状态,机关'));
    assert.match(csv.body, /确认问题/);
    const page = await t.app.inject({ method: 'GET', url: `/api/audits/${batchId}/export?format=html` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>环翠区三年年报核查<\/h1>/);
    assert.doesNotMatch(page.body, /<script/);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/audits/${batchId}/export?format=pdf` })).statusCode, 400);
  });

  test('comparisons: one agency across years (the carry-over mismatch found), one year across agencies', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/audits/compare/agency?name=${encodeURIComponent(SEED_AGENCY)}` });
    assert.equal(response.statusCode, 200, response.body);
    const data = json(response);
    assert.deepEqual(data.years, [2019, 2020, 2021]);
    assert.deepEqual(data.carryOver.map((c: any) => [c.year, c.previousYear, c.ok]), [[2020, 2019, true], [2021, 2020, false]]);
    const mismatch = data.carryOver[1];
    const total = mismatch.carried.findIndex((c: any) => c.key === '三:carried-in:total');
    assert.equal(mismatch.carried[total].value, mismatch.expected[total].value + 2);
    const received = data.rows.find((r: any) => r.key === '三:received:total');
    assert.equal(received.values.length, 3);
    assert.equal(received.changes[0], null);
    const xlsx = await t.app.inject({ method: 'GET', url: `/api/audits/compare/agency?name=${encodeURIComponent(SEED_AGENCY)}&format=xlsx` });
    assert.equal(xlsx.statusCode, 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(workbook.worksheets.map((w) => w.name), ['数据', '结转衔接']);

    const year = json(await t.app.inject({ method: 'GET', url: '/api/audits/compare/year?year=2021' }));
    assert.equal(year.rows.length, 1);
    assert.equal(year.rows[0].agencyName, SEED_AGENCY);
    assert.equal(typeof year.rows[0].values.received, 'number');
    assert.ok(year.columns.some((c: any) => c.label === '行政复议总数'));
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/audits/compare/year?year=2021&format=xlsx' })).statusCode, 200);
  });

  test('bad uploads are refused in Chinese and store nothing', async () => {
    const before = await stored();
    const none = await t.app.inject({ method: 'POST', url: '/api/audits', headers: MULTIPART, payload: multipart([], { title: '空' }) });
    assert.equal(none.statusCode, 400, none.body);
    assert.match(json(none).message, /没有上传文件/);
    const tooMany = await t.app.inject({
      method: 'POST', url: '/api/audits', headers: MULTIPART,
      payload: multipart(Array.from({ length: 501 }, (_, i) => ({ name: `r${i}.txt`, body: Buffer.from(`报告${i}`) }))),
    });
    assert.equal(tooMany.statusCode, 400, tooMany.body);
    assert.match(json(tooMany).message, /最多核查 500 个文件/);
    const big = await t.app.inject({
      method: 'POST', url: '/api/audits', headers: MULTIPART,
      payload: multipart([{ name: 'ok.txt', body: Buffer.from('报告') }, { name: '太大.pdf', body: Buffer.alloc(50 * 1024 * 1024 + 1, 32) }]),
    });
    assert.equal(big.statusCode, 413, big.body);
    assert.match(json(big).message, /太大\.pdf.*不得超过 50 MB/);
    const noIds = await sendJson(t.app, 'POST', '/api/audits', { fileIds: [] });
    assert.equal(noIds.statusCode, 400);
    assert.match(json(noIds).message, /[\u4e00-\u9fff]/);
    assert.equal((await sendJson(t.app, 'POST', '/api/audits', { fileIds: [987654] })).statusCode, 404);
    assert.deepEqual(await stored(), before);
  });

  test('scope: another agency\'s supervisor gets 403, an unknown batch 404, a role without 核查年度报告 403', async () => {
    const other = await agencyService(t.db.db).create({ name: '另一市政府', kind: 'government' }, operator('test'));
    await createTestUser(t.db.db, 'othersup', ['supervisor'], other.id);
    await createTestUser(t.db.db, 'drafter1', ['drafter'], t.governmentId);
    const sup = await signIn(t.app, 'othersup');
    const drafter = await signIn(t.app, 'drafter1');
    const as = (session: { headers: Record<string, string> }, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) =>
      t.app.inject({ method, url, headers: { ...session.headers, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { payload: JSON.stringify(body) } : {}) });
    assert.deepEqual(json(await as(sup, 'GET', '/api/audits')), []);
    assert.equal((await as(sup, 'GET', `/api/audits/${batchId}`)).statusCode, 403);
    assert.match(json(await as(sup, 'GET', `/api/audits/${batchId}`)).message, /核查年度报告/);
    assert.equal((await as(sup, 'GET', `/api/audits/${batchId}/files/${page.files[0].id}`)).statusCode, 403);
    assert.equal((await as(sup, 'GET', `/api/audits/${batchId}/export?format=csv`)).statusCode, 403);
    assert.equal((await as(sup, 'POST', `/api/audits/${batchId}/rerun`)).statusCode, 403);
    assert.equal((await as(sup, 'PUT', `/api/audits/${batchId}/files/${page.files[0].id}/findings/${'a'.repeat(32)}`, { kind: 'confirmed', note: '' })).statusCode, 403);
    assert.equal((await as(sup, 'GET', '/api/audits/424242')).statusCode, 404);
    // Audit again another agency's file: not found for this caller.
    assert.equal((await as(sup, 'POST', '/api/audits', { fileIds: [page.files[0].id] })).statusCode, 404);
    assert.deepEqual(json(await as(sup, 'GET', `/api/audits/compare/agency?name=${encodeURIComponent(SEED_AGENCY)}`)).years, []);
    assert.equal((await as(drafter, 'GET', '/api/audits')).statusCode, 403);
    assert.equal((await as(drafter, 'GET', `/api/audits/${batchId}`)).statusCode, 403);
  });

  test('the API is documented (OpenAPI) and the labels are Chinese', async () => {
    const spec = json(await t.app.inject({ method: 'GET', url: '/docs/json' }));
    for (const [path, method] of [['/api/audits', 'post'], ['/api/audits/{id}', 'get'], ['/api/audits/{id}/files/{fileId}', 'get'],
      ['/api/audits/{id}/files/{fileId}/findings/{fingerprint}', 'put'], ['/api/audits/compare/year', 'get']] as const) {
      assert.deepEqual(spec.paths[path]?.[method]?.tags, ['核查年度报告'], path);
    }
    const labels = json(await t.app.inject({ method: 'GET', url: '/api/audits/labels' }));
    assert.equal(labels.batchStates.reading, '正在读取');
    assert.equal(labels.severities.unreadable, '无法读取');
    assert.ok(Object.values(labels).every((map) => Object.values(map as Record<string, string>).every((v) => /[\u4e00-\u9fff]/.test(v))));
  });

  test('a server started on a database with a batch left reading goes on reading it', async () => {
    const left = await t.db.db.transaction().execute((trx) => auditBatchService(trx, steppingClock('2024-03-02T08:00:00.000Z'))
      .create({ agencyId: t.governmentId, files: threeYears().slice(0, 2).map((f) => ({ name: f.name, bytes: f.body })) }, operator('上次启动')));
    const restarted = await buildApp({ db: t.db, clock: steppingClock('2024-03-02T09:00:00.000Z'), pii: testPii });
    try {
      await restarted.ready();
      await auditRunnerOf({ db: t.db })!.idle();
      const page = await auditBatchService(t.db.db, steppingClock('2024-03-02T10:00:00.000Z')).page(left.id);
      assert.equal(page.batch.state, 'done');
      assert.equal(page.batch.counts.reports, 2);
    } finally {
      await restarted.close();
    }
  });

  test('a batch already read cannot be stopped (409); the runner tests cover stopping mid-read', async () => {
    const stop = await t.app.inject({ method: 'POST', url: `/api/audits/${batchId}/stop` });
    assert.equal(stop.statusCode, 409);
    assert.match(json(stop).message, /已完成，无需停止/);
  });
});
