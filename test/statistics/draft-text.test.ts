/**
 * Drafting a report's prose from the data on SQLite and PostgreSQL: sections 一 and 六 written with the figures
 * of the items, publications, entered counts and cases, saved as one new version that passes the narrative
 * checks; every figure found again in the text; a figure that changes in the data afterwards flagged; a stale
 * base refused; permissions.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { forEachDialect } from '../db-helpers.js';
import { insertItem, insertPublication } from '../disclosure-fixtures.js';
import { json, sendJson, testApp, type TestApp } from '../http/http-helpers.js';

forEachDialect('draft the report text from the data', (ctx) => {
  let t: TestApp;
  let id: number;

  before(async () => {
    t = await testApp(ctx);
    const db = t.db.db;
    const a = t.bureauId;
    await insertItem(db, a, { normative_kind: 'normative', made_on: '2024-03-10', published_on: '2024-03-12', doc_no: '环审批规〔2024〕1号' });
    const plain = [] as number[];
    for (let i = 0; i < 3; i++) plain.push(await insertItem(db, a, { written_on: `2024-0${i + 2}-01`, published_on: `2024-0${i + 2}-01` }));
    await insertPublication(db, a, plain[0]!, 'portal', '2024-02-01');
    await insertPublication(db, a, plain[1]!, 'portal', '2024-03-01');
    await insertPublication(db, a, plain[1]!, 'wechat', '2024-03-02');
    await insertPublication(db, a, plain[2]!, 'notice-board', '2024-04-01');
    const created = await sendJson(t.app, 'POST', '/api/reports', { agencyId: a, year: 2024 });
    assert.equal(created.statusCode, 201, created.body);
    id = json(created).id;
    const filled = await sendJson(t.app, 'POST', `/api/reports/${id}/fill-from-data`, { asOf: '2024-12-31', baseVersion: 1 });
    assert.equal(filled.statusCode, 200, filled.body);
  });
  after(async () => t.close());

  test('drafts sections 一 and 六 with the data’s figures as a new version; every figure found, each with its source', async () => {
    const res = await sendJson(t.app, 'POST', `/api/reports/${id}/draft-text`, { baseVersion: 2, asOf: '2024-12-31' });
    assert.equal(res.statusCode, 200, res.body);
    const body = json(res);
    assert.equal(body.report.version, 3);
    assert.equal(body.figures.drafted.version, 3);
    const doc = json(await t.app.inject({ method: 'GET', url: `/api/reports/${id}` })).document;
    const one = doc.sections.find((s: any) => s.key === '一');
    const text = one.parts.map((p: any) => p.paragraphs.join('')).join('');
    assert.match(text, /2024年，本机关主动公开政府信息4条，其中通过政府网站（政府信息公开平台）公开2条/);
    assert.match(text, /未收到政府信息公开申请/);
    assert.match(text, /制发行政规范性文件1件/);
    const six = doc.sections.find((s: any) => s.key === '六').parts.map((p: any) => p.paragraphs.join('')).join('');
    assert.match(six, /未收取信息处理费/);
    const statuses = body.figures.figures.map((f: any) => `${f.key}:${f.status}`);
    assert.ok(body.figures.figures.length >= 6, statuses.join(' '));
    assert.deepEqual(body.figures.figures.filter((f: any) => f.status !== 'ok').map((f: any) => f.key), []);
    const pub = body.figures.figures.find((f: any) => f.key === 'publications.total');
    assert.match(pub.source, /主动公开发布记录/);
    assert.equal(json(await t.app.inject({ method: 'GET', url: pub.link })).count, 4);
    const checked = json(await t.app.inject({ method: 'POST', url: `/api/reports/${id}/check` }));
    const narrative = checked.checks.results.filter((r: any) => r.id.startsWith('narrative:'));
    assert.ok(narrative.length >= 2);
    assert.deepEqual(narrative.filter((r: any) => r.status === 'fail'), []);
  });

  test('a publication added afterwards flags the figure in the text; a stale base is refused', async () => {
    const more = await insertItem(t.db.db, t.bureauId, { written_on: '2024-06-01', published_on: '2024-06-01' });
    await insertPublication(t.db.db, t.bureauId, more, 'portal', '2024-06-01');
    const view = json(await t.app.inject({ method: 'GET', url: `/api/reports/${id}/text-figures?asOf=2024-12-31` }));
    const pub = view.figures.find((f: any) => f.key === 'publications.total');
    assert.equal(pub.status, 'data-changed');
    assert.equal(pub.written, 4);
    assert.equal(pub.current, 5);
    assert.match(pub.statusName, /数据已变化/);
    const stale = await sendJson(t.app, 'POST', `/api/reports/${id}/draft-text`, { baseVersion: 2 });
    assert.equal(stale.statusCode, 409);
    assert.equal(json(stale).code, 'STALE_VERSION');
  });
});
