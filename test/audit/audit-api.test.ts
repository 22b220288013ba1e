/**
 * Reading reports over HTTP: POST /api/parse with a multipart upload or a raw body, the 413 for a
 * file over 50 MB, POST /api/parse/import storing the parsed report (and storing nothing when the
 * file is bad), and the /audit page with its no-JavaScript upload form — on every database.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { forEachDialect } from '../db-helpers.js';
import { json, storedCounts, testApp, type TestApp } from '../http/http-helpers.js';
import { full2021, garbage, renderedFiles, SEED_AGENCY, SEED_TEXT, textWithReceived } from './audit-fixtures.js';

const BOUNDARY = '----gongkai-test-boundary';

/** A multipart/form-data body with one file field. */
function multipartBody(fileName: string, body: Buffer, type = 'application/octet-stream'): Buffer {
  return Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`),
    body,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

const MULTIPART = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };

forEachDialect('reading reports over HTTP', (ctx) => {
  let t: TestApp;
  before(async () => {
    t = await testApp(ctx);
  });
  after(async () => t.close());

  test('POST /api/parse with a multipart upload: the report, its checks and the diagnostics', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/parse', headers: MULTIPART, payload: multipartBody('环翠区2019年报告.txt', readFileSync(SEED_TEXT)) });
    assert.equal(response.statusCode, 200, response.body);
    const body = json(response);
    assert.equal(body.fileName, '环翠区2019年报告.txt');
    assert.equal(body.sourceType, 'txt');
    assert.equal(body.error, null);
    assert.equal(body.format, '2019');
    assert.equal(body.report.agency.name, SEED_AGENCY);
    assert.equal(body.report.year, 2019);
    assert.equal(body.report.cells.length, 198);
    assert.equal(body.checks.hardFailures, 0);
    assert.deepEqual(body.diagnostics.tables.map((x: { table: string; confidence: number }) => [x.table, x.confidence]), [['二', 1], ['三', 1], ['四', 1]]);
    assert.equal(body.diagnostics.cells.filter((c: { status: string }) => c.status === 'blank').length, 179);
  });

  test('POST /api/parse with the raw file and ?fileName=: each rendered type', async () => {
    const files = await renderedFiles();
    for (const name of ['full-2021.html', 'full-2021.docx', 'full-2021.pdf']) {
      const response = await t.app.inject({
        method: 'POST', url: `/api/parse?fileName=${encodeURIComponent(name)}`,
        headers: { 'content-type': 'application/octet-stream' }, payload: files[name]!,
      });
      assert.equal(response.statusCode, 200, response.body);
      const body = json(response);
      assert.equal(body.error, null, `${name}: ${body.error}`);
      assert.equal(body.format, '2021', name);
      assert.equal(body.sourceType, name.split('.')[1], name);
    }
  });

  test('POST /api/parse with a bad file: 200 with the error, no report; no file at all: 400', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/parse', headers: MULTIPART, payload: multipartBody('x.bin', garbage(3000)) });
    assert.equal(bad.statusCode, 200);
    assert.equal(json(bad).report, null);
    assert.equal(json(bad).error, '不是可识别的报告文件（二进制内容）');
    const none = await t.app.inject({ method: 'POST', url: '/api/parse', headers: { 'content-type': 'application/json' }, payload: '{}' });
    assert.equal(none.statusCode, 400);
    assert.equal(json(none).code, 'VALIDATION_FAILED');
    assert.match(json(none).message, /请求中没有文件/);
  });

  test('a file over 50 MB is a 413 with a clear message, multipart or raw', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024 + 10, 0x41);
    for (const request of [
      { headers: MULTIPART, payload: multipartBody('big.txt', big) },
      { headers: { 'content-type': 'application/pdf' }, payload: big },
    ]) {
      const response = await t.app.inject({ method: 'POST', url: '/api/parse', ...request });
      assert.equal(response.statusCode, 413);
      assert.deepEqual(json(response), { code: 'PAYLOAD_TOO_LARGE', message: '上传的文件过大：年度报告文件不得超过 50 MB' });
    }
  });

  test('POST /api/parse/import stores the parsed report as the agency’s report', async () => {
    const before = await storedCounts(t.db);
    const text = Buffer.from(textWithReceived(full2021(), '18'));
    const response = await t.app.inject({
      method: 'POST', url: `/api/parse/import?agencyId=${t.bureauId}`, headers: { ...MULTIPART },
      payload: multipartBody('2021.txt', text),
    });
    assert.equal(response.statusCode, 201, response.body);
    const body = json(response);
    assert.equal(body.stored.agencyId, t.bureauId);
    assert.equal(body.stored.year, 2021);
    assert.equal(body.stored.status, 'draft');
    assert.equal(body.parse.format, '2021');
    const after = await storedCounts(t.db);
    assert.equal(after.reports, before.reports + 1);
    const stored = json(await t.app.inject({ method: 'GET', url: `/api/reports/${body.stored.id}` }));
    const expected = full2021();
    const received = stored.document.cells.find((c: { row: string[]; column: string[] }) =>
      c.row[0] === '一、本年新收政府信息公开申请数量' && c.column.at(-1) === '总计');
    assert.equal(received.value, expected.cells['三:received:total']);
  });

  test('POST /api/parse/import refuses a bad file, an unreadable figure and an unknown agency; nothing is stored', async () => {
    const before = await storedCounts(t.db);
    const cases: Array<{ url: string; body: Buffer; status: number; message: RegExp }> = [
      { url: '/api/parse/import', body: garbage(2000), status: 400, message: /文件无法作为年度报告读取，未导入：不是可识别的报告文件/ },
      { url: '/api/parse/import', body: Buffer.from(textWithReceived(full2021(), '见附件')), status: 400, message: /有 1 个单元格未能确定数值，未导入/ },
      { url: '/api/parse/import?agencyId=9999', body: readFileSync(SEED_TEXT), status: 404, message: /机关/ },
    ];
    for (const c of cases) {
      const response = await t.app.inject({ method: 'POST', url: c.url, headers: MULTIPART, payload: multipartBody('r.txt', c.body) });
      assert.equal(response.statusCode, c.status, response.body);
      assert.match(json(response).message, c.message);
    }
    assert.deepEqual(await storedCounts(t.db), before);
  });

  test('GET /audit shows an upload form that works without JavaScript; POST /audit shows what was read', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/audit' });
    assert.equal(page.statusCode, 200);
    assert.match(page.headers['content-type'] as string, /^text\/html/);
    assert.match(page.body, /<form class="upload" method="post" action="\/audit" enctype="multipart\/form-data">/);
    assert.match(page.body, /<label for="report-file">/);
    assert.doesNotMatch(page.body, /<script/);

    const changed = Buffer.from(textWithReceived(full2021(), '见附件'));
    const result = await t.app.inject({ method: 'POST', url: '/audit', headers: MULTIPART, payload: multipartBody('变动.txt', changed) });
    assert.equal(result.statusCode, 200);
    assert.match(result.body, /<dt>文件<\/dt><dd>变动\.txt<\/dd>/);
    assert.match(result.body, /<dt>报告格式<\/dt><dd>2021 格式（国办公开办函〔2021〕30号）/);
    assert.match(result.body, /<th scope="row">表三<\/th><td>已找到<\/td>/);
    assert.match(result.body, /未通过的检查/);
    assert.match(result.body, /单元格内容无法识别为数字/);
    assert.match(result.body, /原文“见附件”/);

    const bad = await t.app.inject({ method: 'POST', url: '/audit', headers: MULTIPART, payload: multipartBody('x.bin', garbage(100)) });
    assert.equal(bad.statusCode, 200);
    assert.match(bad.body, /<div class="alert" role="alert"><strong>无法作为年度报告读取：<\/strong>不是可识别的报告文件（二进制内容）<\/div>/);
  });
});
