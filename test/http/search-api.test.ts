/**
 * GET /api/search end to end on SQLite and PostgreSQL: public (no session), results highlighted and escaped,
 * and every bad input of issue 10 answered with results or a 400 naming the parameter in Chinese — never a 500.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { indexDocument } from '../../src/search/search-index.js';
import { forEachDialect } from '../db-helpers.js';
import { json, testApp, type TestApp } from './http-helpers.js';

forEachDialect('search API', (ctx) => {
  let t: TestApp;
  let app: FastifyInstance;
  const get = (query: string) => app.inject({ method: 'GET', url: `/api/search?${query}` });
  const q = (text: string) => `q=${encodeURIComponent(text)}`;

  before(async () => {
    t = await testApp(ctx);
    app = t.app;
    await t.db.db.transaction().execute(async (trx) => {
      await indexDocument(trx, {
        kind: 'item', docId: '1', agencyId: t.bureauId, title: '关于印发《政务服务事项清单》的通知', docNo: '威环审批发〔2021〕12号',
        publishedOn: '2021-04-01', year: 2021, url: '/items/1', bodyText: '现将政务服务事项清单印发给你们，请认真贯彻执行。',
      }, '2024-03-01T08:00:00.000Z');
      await indexDocument(trx, {
        kind: 'report', docId: '2', agencyId: t.governmentId, title: '<script>alert(1)</script>2021年政府信息公开工作年度报告',
        publishedOn: '2022-01-15', year: 2021, url: '/reports/2', bodyText: '政务服务持续优化。',
      }, '2024-03-01T08:00:00.000Z');
    });
  });
  after(async () => t.close());

  it('is public and finds, filters, highlights and escapes', async () => {
    const r = await get(`${q('政务服务')}&agencyId=${t.bureauId}`);
    assert.equal(r.statusCode, 200, r.body);
    const body = json(r);
    assert.equal(body.total, 1);
    assert.equal(body.hits[0].url, '/items/1');
    assert.match(body.hits[0].title, /<mark>政务服务<\/mark>/);
    const both = json(await get(`${q('政务服务')}&agencyId=${t.bureauId}&agencyId=${t.governmentId}&sort=date`));
    assert.deepEqual(both.hits.map((h: { docId: string }) => h.docId), ['2', '1']);
    assert.match(both.hits[0].title, /^&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.equal(json(await get(`${q('威环审批发[2021]12号')}`)).exact.docId, '1');
    assert.equal(json(await get(`${q('政务')}&kind=report`)).total, 1);
  });

  it('answers bad queries with results or nothing, never an error', async () => {
    const long = await get(q('政务服务'.repeat(2500)));
    assert.equal(long.statusCode, 200);
    assert.match(json(long).notes[0], /检索词过长/);
    for (const text of ['', '，。！？、；：', '"', '*', 'NEAR', ':', "'", '()', 'AND OR NOT', "' OR 1=1; --", '政务" OR "1"="1', '<script>']) {
      const r = await get(q(text));
      assert.equal(r.statusCode, 200, `${text}: ${r.body}`);
    }
    assert.equal(json(await get('')).total, 0);
  });

  it('refuses bad paging, filters and unknown agencies with a Chinese 400 naming the parameter', async () => {
    const cases: Array<[string, RegExp]> = [
      ['page=1000000000000', /page.*不得大于 1000/],
      ['page=-1', /page.*不得小于 1/],
      ['page=abc', /page.*整数/],
      ['pageSize=1000', /pageSize.*不得大于 50/],
      ['agencyId=abc', /agencyId/],
      ['agencyId=987654', /没有编号为 987654 的机关/],
      ['categoryId=-3', /categoryId/],
      ['agencyId=99999999999', /agencyId.*不得大于 2147483647/],
      ['categoryId=99999999999', /categoryId.*不得大于 2147483647/],
      ['sort=random', /sort/],
      ['kind=draft', /kind/],
      ['year=99999', /year/],
    ];
    for (const [query, message] of cases) {
      const r = await get(`${q('政务')}&${query}`);
      assert.equal(r.statusCode, 400, `${query}: ${r.body}`);
      assert.match(json(r).message, message, query);
      assert.match(json(r).message, /[\u4e00-\u9fff]/);
    }
  });
});
