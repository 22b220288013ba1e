/**
 * Table 二 on SQLite and PostgreSQL: 规章/行政规范性文件 made, repealed and in force counted from the items
 * across year boundaries and as of earlier days, with the items behind each cell; the other Art. 20 counts
 * entered append-only with their source (refusals named in Chinese); publications counted by channel,
 * category and month with the publications behind each figure.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { json, sendJson, testApp, type TestApp } from '../http/http-helpers.js';
import { forEachDialect } from '../db-helpers.js';
import { insertCategory, insertItem, insertPublication } from '../disclosure-fixtures.js';
import { steppingClock } from '../../src/core/clock.js';

forEachDialect('table 二 and publication counts', (ctx) => {
  let t: TestApp;
  let a: number;
  const ids: Record<string, number> = {};

  before(async () => {
    t = await testApp(ctx, { clock: steppingClock('2025-01-10T02:00:00.000Z') });
    a = t.bureauId;
    const db = t.db.db;
    // 规章 made 2023, in force through 2024, repealed 2025.
    ids.oldRule = await insertItem(db, a, { normative_kind: 'rule', made_on: '2023-05-01', written_on: '2023-04-20', published_on: '2023-05-02', repealed_on: '2025-02-01', validity: 'repealed', doc_no: '环审规〔2023〕1号' });
    // 规范性文件 made 2024-03 (made_on null: written_on counts), still valid.
    ids.normA = await insertItem(db, a, { normative_kind: 'normative', written_on: '2024-03-10', published_on: '2024-03-12' });
    // Made 2024-11, repealed 2024-12-20 → made and repealed in 2024, not in force at year end.
    ids.normB = await insertItem(db, a, { normative_kind: 'normative', made_on: '2024-11-05', written_on: '2024-11-01', published_on: '2024-11-06', repealed_on: '2024-12-20', validity: 'repealed' });
    // Made 2024-12-31, published 2025-01-03: not public by the 2024 year end → does not count in 2024.
    ids.late = await insertItem(db, a, { normative_kind: 'normative', made_on: '2024-12-31', published_on: '2025-01-03' });
    // A draft (never published): never counts.
    ids.draft = await insertItem(db, a, { normative_kind: 'normative', made_on: '2024-06-01', published_version: null, published_on: null, index_no: null, state: 'draft' });
    // Imported (published before the platform), made 2022, still valid.
    ids.imported = await insertItem(db, a, { normative_kind: 'rule', made_on: '2022-01-01', published_version: null, published_on: null, index_no: null, origin: 'imported', state: 'draft' });
    // An ordinary item (no normative kind): never in （一）.
    ids.plain = await insertItem(db, a, { written_on: '2024-02-01', published_on: '2024-02-01' });
  });
  after(async () => t.close());

  const get = async (url: string) => t.app.inject({ method: 'GET', url });

  test('table 二 （一） counts made, repealed and in force as of the year end and earlier days, with drill-down', async () => {
    const res = await get(`/api/agencies/${a}/normative-counts?year=2024`);
    assert.equal(res.statusCode, 200, res.body);
    const body = json(res);
    const cells = Object.fromEntries(body.cells.map((c: any) => [c.key, c.value]));
    assert.deepEqual(cells, {
      '二:rules:issued': 0, '二:rules:repealed': 0, '二:rules:in-force': 2,
      '二:normative:issued': 2, '二:normative:repealed': 1, '二:normative:in-force': 1,
    });
    const inForce = body.cells.find((c: any) => c.key === '二:rules:in-force');
    assert.deepEqual(inForce.row, ['第二十条第（一）项', '规章']);
    const drill = json(await get(inForce.drillDown));
    assert.equal(drill.value, 2);
    assert.deepEqual(drill.items.map((i: any) => i.id), [ids.imported, ids.oldRule]);
    assert.equal(drill.items[1].docNo, '环审规〔2023〕1号');

    // As of 2024-06-30: normB not yet made, nothing repealed.
    const mid = Object.fromEntries(json(await get(`/api/agencies/${a}/normative-counts?year=2024&asOf=2024-06-30`)).cells.map((c: any) => [c.key, c.value]));
    assert.equal(mid['二:normative:issued'], 1);
    assert.equal(mid['二:normative:repealed'], 0);
    assert.equal(mid['二:normative:in-force'], 1);

    // 2025: the old rule repealed; the late item made in 2024 is in force and was made the year before.
    const y25 = Object.fromEntries(json(await get(`/api/agencies/${a}/normative-counts?year=2025`)).cells.map((c: any) => [c.key, c.value]));
    assert.equal(y25['二:rules:repealed'], 1);
    assert.equal(y25['二:rules:in-force'], 1);
    assert.equal(y25['二:normative:in-force'], 2);
    assert.equal(y25['二:normative:issued'], 0);

    // The 2019 format's shape: 本年新制作 / 本年新公开 / 对外公开总数量.
    const y20 = json(await get(`/api/agencies/${a}/normative-counts?year=2020`));
    assert.equal(y20.format, '2019');
    assert.deepEqual(y20.cells.map((c: any) => c.key), ['二:rules:made', '二:rules:published', '二:rules:total', '二:normative:made', '二:normative:published', '二:normative:total']);
    assert.equal(y20.cells.find((c: any) => c.key === '二:rules:total').value, 1);
  });

  test('drill-down refuses a cell that is not computed, naming it', async () => {
    const res = await get(`/api/agencies/${a}/normative-counts/items?year=2024&cell=${encodeURIComponent('二:licensing:decisions')}`);
    assert.equal(res.statusCode, 400);
    assert.match(json(res).message, /二:licensing:decisions/);
    assert.equal((await get(`/api/agencies/${a}/normative-counts?year=2024&asOf=2023-12-31`)).statusCode, 400);
    assert.equal((await get(`/api/agencies/999999/normative-counts?year=2024`)).statusCode, 404);
  });

  test('Art. 20 counts: entered append-only with their source; computed cells, unknown cells, negatives and no source refused', async () => {
    const url = `/api/agencies/${a}/art20-counts`;
    const post = (body: unknown) => sendJson(t.app, 'POST', url, body);
    const first = await post({ year: 2024, cell: '二:licensing:decisions', value: 120, source: '行政许可办件系统' });
    assert.equal(first.statusCode, 201, first.body);
    assert.deepEqual(json(first).row, ['第二十条第（五）项', '行政许可']);
    const second = await post({ year: 2024, cell: '二:licensing:decisions', value: 125, source: '行政许可办件系统（更正）' });
    assert.equal(second.statusCode, 201);
    const fee = await post({ year: 2024, cell: '二:fees:fee-amount', value: 12.35, source: '财务科' });
    assert.equal(fee.statusCode, 201, fee.body);
    assert.equal(json(fee).value, 12.35);

    const refusals: Array<[unknown, RegExp]> = [
      [{ year: 2024, cell: '二:rules:issued', value: 3, source: 'x' }, /规章.*本年制发件数.*不能手工录入/],
      [{ year: 2024, cell: '二:bogus:decisions', value: 3, source: 'x' }, /“二:bogus:decisions”不是 2024 年度/],
      [{ year: 2024, cell: '三:received:total', value: 3, source: 'x' }, /不是 2024 年度.*表二/],
      [{ year: 2024, cell: '二:licensing:decisions', value: -1, source: 'x' }, /行政许可.*不能为负数/],
      [{ year: 2024, cell: '二:licensing:decisions', value: 1.5, source: 'x' }, /应为整数/],
      [{ year: 2024, cell: '二:licensing:decisions', value: 1, source: '  ' }, /来源/],
      [{ year: 2024, cell: '二:licensing:decisions', value: 1 }, /source/],
    ];
    for (const [body, message] of refusals) {
      const res = await post(body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.match(json(res).message, message);
    }
    // 2019 format: 本年增/减 may be negative.
    assert.equal((await post({ year: 2020, cell: '二:licensing:change', value: -2, source: '审批系统' })).statusCode, 201);

    const list = json(await get(`${url}?year=2024`));
    assert.equal(list.history.length, 3);
    assert.deepEqual(list.current.map((e: any) => [e.cell, e.value]), [['二:licensing:decisions', 125], ['二:fees:fee-amount', 12.35]]);
    // As of a day before every entry: nothing counts yet.
    assert.deepEqual(json(await get(`${url}?year=2024&asOf=2024-12-31`)).current, []);
  });

  test('publications by channel, category and month, with withdrawn ones counted and the drill-down agreeing', async () => {
    const db = t.db.db;
    const cat = await insertCategory(db, a, '行政许可');
    const x = await insertItem(db, a, { category_id: cat, written_on: '2024-02-01', published_on: '2024-02-01' });
    const y = await insertItem(db, a, { written_on: '2024-03-01', published_on: '2024-03-01' });
    await insertPublication(db, a, x, 'portal', '2024-02-01');
    await insertPublication(db, a, x, 'wechat', '2024-02-02');
    await insertPublication(db, a, y, 'portal', '2024-03-05', { withdrawnAt: '2024-04-01T00:00:00.000Z' });
    await insertPublication(db, a, y, 'notice-board', '2025-01-02'); // another year

    const byChannel = json(await get(`/api/agencies/${a}/publication-counts?year=2024&by=channel`));
    assert.deepEqual(byChannel.total, { publications: 3, items: 2 });
    const portal = byChannel.groups.find((g: any) => g.key === 'portal');
    assert.equal(portal.label, '政府网站（政府信息公开平台）');
    assert.deepEqual([portal.publications, portal.items], [2, 2]);
    const drill = json(await get(portal.drillDown));
    assert.equal(drill.count, 2);
    assert.ok(drill.publications.some((p: any) => p.withdrawnAt !== null));

    const byCat = json(await get(`/api/agencies/${a}/publication-counts?year=2024&by=category`));
    assert.deepEqual(byCat.groups.map((g: any) => [g.label, g.publications, g.items]).sort(), [['未分类', 1, 1], ['行政许可', 2, 1]]);
    const none = byCat.groups.find((g: any) => g.key === null);
    assert.equal(json(await get(none.drillDown)).publications[0].itemId, y);

    const byMonth = json(await get(`/api/agencies/${a}/publication-counts?year=2024&by=month`));
    assert.deepEqual(byMonth.groups.map((g: any) => [g.key, g.label, g.publications]), [['2024-02', '2024年2月', 2], ['2024-03', '2024年3月', 1]]);
    assert.equal(json(await get(`/api/agencies/${a}/publication-counts/items?year=2024&month=2024-02&channel=wechat`)).count, 1);

    for (const bad of ['channel=fax', 'month=2023-02', 'category=abc']) {
      const res = await get(`/api/agencies/${a}/publication-counts/items?year=2024&${bad}`);
      assert.equal(res.statusCode, 400, bad);
      assert.match(json(res).message, /[\u4e00-\u9fff]/);
    }
  });
});
