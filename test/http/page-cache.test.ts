/**
 * The portal's page cache (src/portal/page-cache.ts): validators and 304, compressed bytes chosen by
 * Accept-Encoding, and invalidation across app instances sharing one database (a withdrawal and a
 * publication made through one instance are seen at once by the other, which had the page cached).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { operator } from '../../src/core/actor.js';
import { readPublicationGeneration } from '../../src/db/publication-generation.js';
import { withdrawPublication } from '../../src/disclosure/publication-withdrawal.js';
import { buildApp } from '../../src/http/app.js';
import { chooseEncoding, createPageCache, etagMatches } from '../../src/portal/page-cache.js';
import { forEachDialect } from '../db-helpers.js';
import { testPii } from '../pii-helpers.js';
import { approveReport } from '../report-chain-helpers.js';
import { json, seedDocument, sendJson, testApp, type TestApp } from './http-helpers.js';

test('Accept-Encoding: br before gzip, q=0 refuses, nothing acceptable → identity', () => {
  assert.equal(chooseEncoding('gzip, deflate, br'), 'br');
  assert.equal(chooseEncoding('gzip'), 'gzip');
  assert.equal(chooseEncoding('br;q=0, gzip;q=0.5'), 'gzip');
  assert.equal(chooseEncoding('*'), 'br');
  assert.equal(chooseEncoding('identity'), null);
  assert.equal(chooseEncoding(undefined), null);
  assert.equal(etagMatches('W/"abc", "def"', '"abc"'), true);
  assert.equal(etagMatches('*', '"abc"'), true);
  assert.equal(etagMatches('"x"', '"abc"'), false);
});

forEachDialect('page cache', (ctx) => {
  let t: TestApp;
  /** A second instance on the same database, with its own cache. */
  let other: FastifyInstance;
  let reportId: number;
  before(async () => {
    t = await testApp(ctx, { demo: true });
    other = await buildApp({ db: t.db, clock: () => new Date().toISOString(), pii: testPii });
    reportId = json(await t.app.inject({ method: 'GET', url: '/api/reports?status=published' }))[0].id;
  });
  after(async () => {
    await other.close();
    await t.close();
  });

  test('a page carries ETag and Last-Modified and answers 304 to either validator', async () => {
    const url = `/reports/${reportId}`;
    const first = await other.inject({ method: 'GET', url });
    assert.equal(first.statusCode, 200);
    const etag = first.headers.etag as string;
    const modified = first.headers['last-modified'] as string;
    assert.match(etag, /^"[\w-]+"$/);
    assert.ok(Number.isFinite(Date.parse(modified)));
    assert.equal(first.headers['cache-control'], 'public, no-cache');
    const second = await other.inject({ method: 'GET', url });
    assert.equal(second.body, first.body);
    assert.equal(second.headers.etag, etag);

    const byTag = await other.inject({ method: 'GET', url, headers: { 'if-none-match': `W/${etag}` } });
    assert.equal(byTag.statusCode, 304);
    assert.equal(byTag.body, '');
    assert.equal(byTag.headers.etag, etag);
    const byDate = await other.inject({ method: 'GET', url, headers: { 'if-modified-since': modified } });
    assert.equal(byDate.statusCode, 304);
    // An older date, or another tag, gets the page (If-None-Match wins over If-Modified-Since).
    const older = new Date(Date.parse(modified) - 1000).toUTCString();
    assert.equal((await other.inject({ method: 'GET', url, headers: { 'if-modified-since': older } })).statusCode, 200);
    assert.equal((await other.inject({ method: 'GET', url, headers: { 'if-none-match': '"other"', 'if-modified-since': modified } })).statusCode, 200);
    assert.equal((await other.inject({ method: 'GET', url, headers: { 'if-modified-since': '不是日期' } })).statusCode, 200);
    const head = await other.inject({ method: 'HEAD', url });
    assert.equal(head.statusCode, 200);
    assert.equal(head.body, '');
    assert.equal(head.headers.etag, etag);
  });

  test('compressed bytes are served by Accept-Encoding with Vary: Accept-Encoding', async () => {
    const url = `/agencies/${t.bureauId}`;
    const plain = await other.inject({ method: 'GET', url });
    assert.equal(plain.statusCode, 200);
    assert.equal(plain.headers['content-encoding'], undefined);
    // The page also depends on the reader's display mode (a cookie).
    assert.equal(plain.headers.vary, 'Accept-Encoding, Cookie');
    const br = await other.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers.vary, 'Accept-Encoding, Cookie');
    assert.match(br.headers['content-type'] as string, /^text\/html; charset=utf-8/);
    assert.equal(brotliDecompressSync(br.rawPayload).toString(), plain.body);
    assert.ok(br.rawPayload.length < plain.rawPayload.length);
    // Another display mode (大字版, a cookie) is another cached page, not the standard one.
    const large = await other.inject({ method: 'GET', url, headers: { cookie: 'gk_display=large' } });
    assert.equal(large.statusCode, 200);
    assert.notEqual(large.headers.etag, plain.headers.etag);
    assert.notEqual(large.body, plain.body);
    assert.equal((await other.inject({ method: 'GET', url })).body, plain.body);
    const gz = await other.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gz.rawPayload).toString(), plain.body);
    assert.equal(gz.headers.etag, plain.headers.etag);
  });

  test('downloads come from the cache with their headers; Word is not compressed again', async () => {
    const url = `/reports/${reportId}/download.docx`;
    const a = await other.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
    assert.equal(a.statusCode, 200);
    assert.equal(a.headers['content-encoding'], undefined);
    assert.match(a.headers['content-disposition'] as string, /^attachment;/);
    assert.equal(a.headers['x-content-type-options'], 'nosniff');
    const b = await other.inject({ method: 'GET', url, headers: { 'if-none-match': a.headers.etag as string } });
    assert.equal(b.statusCode, 304);
    const c = await other.inject({ method: 'GET', url });
    assert.ok(c.rawPayload.equals(a.rawPayload));
  });

  test('a withdrawal through one instance is seen at once by another that had the pages cached', async () => {
    const before = await readPublicationGeneration(t.db.db);
    const pages = [`/reports/${reportId}`, `/reports/${reportId}/download.pdf`, `/agencies/${t.bureauId}`];
    const cached = await Promise.all(pages.map((url) => other.inject({ method: 'GET', url })));
    for (const page of cached) assert.equal(page.statusCode, 200);
    const etag = cached[0]!.headers.etag as string;

    // The withdrawal happens in the first instance's transaction (as the monthly checklist does it).
    const publication = await t.db.db.selectFrom('channel_publications').selectAll()
      .where('subject_kind', '=', 'report').where('subject_id', '=', reportId).executeTakeFirstOrThrow();
    await t.db.db.transaction().execute((trx) => withdrawPublication(trx, publication.id, '测试撤回', operator('测试'), new Date()));
    const afterWithdrawal = await readPublicationGeneration(t.db.db);
    assert.equal(afterWithdrawal.generation, before.generation + 1);

    const gone = await other.inject({ method: 'GET', url: pages[0]!, headers: { 'if-none-match': etag } });
    assert.equal(gone.statusCode, 404);
    assert.doesNotMatch(gone.body, /2019年政府信息公开工作年度报告<\/h1>/);
    assert.equal((await other.inject({ method: 'GET', url: pages[1]! })).statusCode, 404);
    // The error is not cached: the first instance answers the same.
    assert.equal((await t.app.inject({ method: 'GET', url: pages[0]! })).statusCode, 404);
  });

  test('a publication through one instance shows at once on the other instance\'s cached pages', async () => {
    // The agency's 年报 column lists its published reports.
    const agencyUrl = `/agencies/${t.bureauId}/reports`;
    const cached = await other.inject({ method: 'GET', url: agencyUrl });
    assert.equal(cached.statusCode, 200);
    assert.doesNotMatch(cached.body, /2020年政府信息公开工作年度报告/);
    const doc = seedDocument();
    doc.year = 2020;
    doc.title = '威海市环翠区行政审批服务局2020年政府信息公开工作年度报告';
    const imported = await sendJson(t.app, 'POST', `/api/reports/import?agencyId=${t.bureauId}`, doc);
    assert.equal(imported.statusCode, 201, imported.body);
    const id = json(imported).id as number;
    await approveReport(t.db.db, id);
    // A draft or an approved report moves nothing: the other instance still answers 304 to its validator.
    assert.equal((await other.inject({ method: 'GET', url: agencyUrl, headers: { 'if-none-match': cached.headers.etag as string } })).statusCode, 304);
    const published = await t.app.inject({ method: 'POST', url: `/api/reports/${id}/publish` });
    assert.equal(published.statusCode, 200, published.body);
    const fresh = await other.inject({ method: 'GET', url: agencyUrl, headers: { 'if-none-match': cached.headers.etag as string } });
    assert.equal(fresh.statusCode, 200);
    assert.match(fresh.body, /2020年政府信息公开工作年度报告/);
    assert.notEqual(fresh.headers.etag, cached.headers.etag);
    assert.equal((await other.inject({ method: 'GET', url: `/reports/${id}` })).statusCode, 200);
  });

  test('memory is bounded: least recently used pages go first; concurrent misses render once; errors are not kept', async () => {
    const app = Fastify();
    const cache = createPageCache(t.db.db, { maxBytes: 40_000 });
    let renders = 0;
    app.get('/p/:n', (request, reply) => {
      const { n } = request.params as { n: string };
      return cache.send(request, reply, `p:${n}`, async () => {
        renders++;
        if (n === 'bad') throw new Error('渲染失败');
        // Incompressible-ish text of about 6 KB, so the compressed forms count too.
        return `<p>${n}</p>` + Array.from({ length: 600 }, (_, i) => ((i * 7919 + Number(n)) % 9973).toString(36)).join(' ');
      });
    });
    await Promise.all(Array.from({ length: 5 }, () => app.inject({ method: 'GET', url: '/p/1' })));
    assert.equal(renders, 1);
    for (const n of [2, 3, 4, 5, 6, 7, 8]) await app.inject({ method: 'GET', url: `/p/${n}` });
    assert.ok(cache.stats().bytes <= 40_000, String(cache.stats().bytes));
    assert.ok(cache.stats().entries < 8);
    const before = renders;
    await app.inject({ method: 'GET', url: '/p/8' });
    assert.equal(renders, before, 'the most recent page is still cached');
    await app.inject({ method: 'GET', url: '/p/1' });
    assert.equal(renders, before + 1, 'the oldest page was dropped and is rendered again');
    assert.equal((await app.inject({ method: 'GET', url: '/p/bad' })).statusCode, 500);
    assert.equal((await app.inject({ method: 'GET', url: '/p/bad' })).statusCode, 500);
    assert.equal(renders, before + 3);
    await app.close();
  });

  test('a page with another status (410 withdrawn) is cached without validators; vary adds to Accept-Encoding', async () => {
    const app = Fastify();
    const cache = createPageCache(t.db.db);
    let renders = 0;
    app.get('/gone', (request, reply) => cache.send(request, reply, 'gone', async () => {
      renders++;
      return { body: `<p>该信息已于2024年3月4日撤回</p>${'。'.repeat(600)}`, status: 410, vary: 'Cookie' };
    }));
    const first = await app.inject({ method: 'GET', url: '/gone', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(first.statusCode, 410);
    assert.equal(first.headers.vary, 'Accept-Encoding, Cookie');
    assert.equal(first.headers.etag, undefined);
    assert.match(gunzipSync(first.rawPayload).toString(), /已于2024年3月4日撤回/);
    const second = await app.inject({ method: 'GET', url: '/gone', headers: { 'if-none-match': '*' } });
    assert.equal(second.statusCode, 410);
    assert.equal(renders, 1);
    await app.close();
  });

  test('a new agency (the tree on the home page) moves the generation too', async () => {
    const home = await other.inject({ method: 'GET', url: '/' });
    assert.doesNotMatch(home.body, /缓存测试局/);
    const created = await t.app.inject({
      method: 'POST', url: '/api/agencies', headers: { ...t.sysadmin.headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: '缓存测试局', kind: 'department', parentId: t.governmentId }),
    });
    assert.equal(created.statusCode, 201, created.body);
    const again = await other.inject({ method: 'GET', url: '/' });
    assert.match(again.body, /缓存测试局/);
  });
});
