import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { ConflictError, NotFoundError, TooLargeError, ValidationError } from '../core/errors.js';
import { fixedClock } from '../core/clock.js';
import type { Db } from '../db/database.js';
import { testPii } from '../../test/pii-helpers.js';
import { buildApp } from './app.js';
import { toHttpError, translateSchemaErrors } from './error-handler.js';

const noLog = () => undefined;

test('domain errors keep their code and message, with the right status', () => {
  const place = { field: 'cells[3].value', index: 3 };
  assert.deepEqual(toHttpError(new ValidationError('表三有误', place), noLog), {
    statusCode: 400, body: { code: 'VALIDATION_FAILED', message: '表三有误', problems: [{ message: '表三有误', place }] },
  });
  assert.equal(toHttpError(new NotFoundError('未找到'), noLog).statusCode, 404);
  assert.equal(toHttpError(new ConflictError('已发布', 'REPORT_PUBLISHED'), noLog).body.code, 'REPORT_PUBLISHED');
  assert.equal(toHttpError(new ConflictError('已发布'), noLog).statusCode, 409);
  assert.equal(toHttpError(new TooLargeError('过大'), noLog).statusCode, 413);
});

test('schema errors become one Chinese sentence naming the field and what was expected', () => {
  assert.deepEqual(translateSchemaErrors([{ instancePath: '', keyword: 'required', params: { missingProperty: 'agencyId' } }], 'body'),
    { field: 'agencyId', message: '请求体缺少必填字段“agencyId”' });
  assert.equal(translateSchemaErrors([{ instancePath: '/year', keyword: 'type', params: { type: 'integer' } }], 'querystring').message,
    '查询参数“year”应为整数');
  assert.equal(translateSchemaErrors([{ instancePath: '/parent/0/name', keyword: 'minLength', params: { limit: 1 } }], 'body').message,
    '请求体字段“parent[0].name”不能为空');
  assert.equal(translateSchemaErrors([{ instancePath: '/id', keyword: 'minimum', params: { limit: 1, comparison: '>=' } }], 'params').message,
    '路径参数“id”不得小于 1');
  assert.equal(translateSchemaErrors([{ instancePath: '', keyword: 'additionalProperties', params: { additionalProperty: 'foo' } }], 'body').message,
    '请求体含有不允许的字段“foo”');
  assert.equal(translateSchemaErrors([
    { instancePath: '/status', keyword: 'const', params: { allowedValue: 'draft' } },
    { instancePath: '/status', keyword: 'const', params: { allowedValue: 'published' } },
    { instancePath: '/status', keyword: 'anyOf', params: {} },
  ], 'querystring').message, '查询参数“status”应为以下之一：draft、published');
});

test('Fastify client errors are translated; anything else is a logged 500 that leaks nothing', () => {
  const tooLarge = toHttpError(Object.assign(new Error('Request body is too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 }), noLog);
  assert.deepEqual(tooLarge, { statusCode: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: '请求体过大：不得超过 10 MB' } });
  const logged: unknown[] = [];
  const secret = new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2');
  assert.deepEqual(toHttpError(secret, (e) => logged.push(e)), { statusCode: 500, body: { code: 'INTERNAL', message: '服务器内部错误' } });
  assert.deepEqual(logged, [secret]);
});

test('an unexpected failure inside a route is a 500 in the response and a full entry in the log', async () => {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
  // A database whose every use fails, as a lost connection would.
  const broken = new Proxy({}, { get() { throw new Error('数据库连接已断开 secret-dsn'); } });
  const db = { db: broken, dialect: 'sqlite', close: async () => undefined } as unknown as Db;
  const app = await buildApp({ db, clock: fixedClock('2024-01-01T00:00:00.000Z'), pii: testPii, logger: { level: 'error', stream } });
  // A session cookie, so the request reaches the database (without one it is a 401 before any query).
  const api = await app.inject({ method: 'GET', url: '/api/reports', cookies: { gongkai_session: 'some-token' } });
  assert.equal(api.statusCode, 500);
  assert.deepEqual(JSON.parse(api.body), { code: 'INTERNAL', message: '服务器内部错误' });
  assert.ok(!api.body.includes('secret'));
  const page = await app.inject({ method: 'GET', url: '/' });
  assert.equal(page.statusCode, 500);
  assert.match(page.body, /<h1>服务器内部错误<\/h1>/);
  assert.ok(!page.body.includes('secret'));
  // The error page keeps the site's navigation and footer.
  assert.match(page.body, /<nav class="site-nav" aria-label="网站导航">/);
  assert.match(page.body, /网站标识码：/);
  assert.ok(lines.some((l) => l.includes('secret-dsn')), 'the cause is logged');
  await app.close();
});
