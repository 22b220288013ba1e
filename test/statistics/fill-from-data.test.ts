/**
 * Filling a report from the data on SQLite and PostgreSQL: table 二 （一） from the items, the other table 二
 * cells from the entered Art. 20 counts, tables 三/四 from the cases, as one new version that passes every hard
 * rule for a complete scripted dataset; refused under review, on a stale version and before the year; the
 * publication figures offered for the prose with their drill-down.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { getFormat } from '../../src/core/format/registry.js';
import { enteredCells } from '../../src/statistics/table2.service.js';
import { forEachDialect } from '../db-helpers.js';
import { insertItem, insertPublication } from '../disclosure-fixtures.js';
import { json, seedDocument, sendJson, testApp, type TestApp } from '../http/http-helpers.js';

forEachDialect('fill a report from the data', (ctx) => {
  let t: TestApp;
  let id: number;

  before(async () => {
    t = await testApp(ctx);
    const db = t.db.db;
    const a = t.bureauId;
    await insertItem(db, a, { normative_kind: 'rule', made_on: '2023-05-01', published_on: '2023-05-02' });
    await insertItem(db, a, { normative_kind: 'normative', made_on: '2024-03-10', published_on: '2024-03-12', doc_no: '环审批规〔2024〕1号' });
    await insertItem(db, a, { normative_kind: 'normative', made_on: '2024-04-01', published_on: '2024-04-02', repealed_on: '2024-10-01', validity: 'repealed' });
    const plain = [] as number[];
    for (let i = 0; i < 3; i++) plain.push(await insertItem(db, a, { written_on: `2024-0${i + 2}-01`, published_on: `2024-0${i + 2}-01` }));
    await insertPublication(db, a, plain[0]!, 'portal', '2024-02-01');
    await insertPublication(db, a, plain[1]!, 'portal', '2024-03-01');
    await insertPublication(db, a, plain[1]!, 'wechat', '2024-03-02');
    await insertPublication(db, a, plain[2]!, 'notice-board', '2024-04-01');
    await insertPublication(db, a, plain[2]!, 'led', '2024-04-01');
    await insertPublication(db, a, plain[0]!, 'led', '2024-05-01');
    // Every entered cell of the 2021 format, with its source.
    let n = 10;
    for (const cell of enteredCells(getFormat('2021'))) {
      const res = await sendJson(t.app, 'POST', `/api/agencies/${a}/art20-counts`, {
        year: 2024, cell: cell.key, value: cell.kind === 'decimal' ? 3.25 : n++, source: '业务系统年度统计',
      });
      assert.equal(res.statusCode, 201, res.body);
    }
    const created = await sendJson(t.app, 'POST', '/api/reports', { agencyId: a, year: 2024 });
    assert.equal(created.statusCode, 201, created.body);
    id = json(created).id;
  });
  after(async () => t.close());

  test('fills tables 二, 三 and 四 as one new version that passes every hard rule, saying where each figure came from', async () => {
    const res = await sendJson(t.app, 'POST', `/api/reports/${id}/fill-from-data`, { asOf: '2025-01-15', baseVersion: 1 });
    assert.equal(res.statusCode, 200, res.body);
    const body = json(res);
    assert.equal(body.report.version, 2);
    assert.equal(body.asOf, '2025-01-15');
    const from = (key: string) => body.filled.find((f: any) => f.cell === key);
    assert.deepEqual([from('二:normative:issued').value, from('二:normative:repealed').value, from('二:normative:in-force').value], [2, 1, 1]);
    assert.equal(from('二:rules:in-force').from, 'items');
    assert.equal(from('二:fees:fee-amount').value, 3.25);
    assert.equal(from('二:fees:fee-amount').from, 'entered');
    assert.match(from('二:fees:fee-amount').source, /业务系统年度统计/);
    assert.equal(from('三:received:total').from, 'cases');

    const checked = json(await t.app.inject({ method: 'POST', url: `/api/reports/${id}/check` }));
    assert.equal(checked.checks.hardFailures, 0, JSON.stringify(checked.checks.results.filter((r: any) => r.status === 'fail' && r.severity === 'error')));
    const versions = json(await t.app.inject({ method: 'GET', url: `/api/reports/${id}/versions` }));
    assert.match(versions.at(-1).note, /截至 2025-01-15/);
  });

  test('refuses a stale version, a day before the year, and a report under review', async () => {
    const stale = await sendJson(t.app, 'POST', `/api/reports/${id}/fill-from-data`, { baseVersion: 1 });
    assert.equal(stale.statusCode, 409);
    assert.equal(json(stale).code, 'STALE_VERSION');
    const early = await sendJson(t.app, 'POST', `/api/reports/${id}/fill-from-data`, { asOf: '2023-12-31' });
    assert.equal(early.statusCode, 400);
    assert.match(json(early).message, /截止日期“2023-12-31”无效/);
    const other = json(await sendJson(t.app, 'POST', `/api/reports/import?agencyId=${t.bureauId}`, seedDocument()));
    // The seed (2019) passes every hard rule and is dated: it may go to review; then it is locked.
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/reports/${other.id}/submit` })).statusCode, 200);
    const locked = await t.app.inject({ method: 'POST', url: `/api/reports/${other.id}/fill-from-data` });
    assert.equal(locked.statusCode, 409);
    assert.equal(json(locked).code, 'REVIEW_LOCKED');
  });

  test('offers the year’s publication figures for the prose, each with the publications behind it', async () => {
    const figures = json(await t.app.inject({ method: 'GET', url: `/api/reports/${id}/narrative-figures` }));
    const byLabel = Object.fromEntries(figures.map((f: any) => [f.label, f]));
    assert.equal(byLabel['2024年主动公开政府信息（各渠道发布合计，条）'].value, 6);
    assert.equal(byLabel['2024年主动公开政府信息（不重复计算，条）'].value, 3);
    assert.equal(byLabel['其中通过政府网站（政府信息公开平台）公开（条）'].value, 2);
    const together = byLabel['其中通过公开栏和LED显示屏公开（合计，条）'];
    assert.equal(together.value, 3);
    const drill = json(await t.app.inject({ method: 'GET', url: together.drillDown }));
    assert.equal(drill.count, 3);
    assert.deepEqual([...new Set(drill.publications.map((p: any) => p.channel))].sort(), ['led', 'notice-board']);
  });
});
