/**
 * 建议提案 over HTTP (SQLite and PostgreSQL): the drafter registers and answers a 政协提案, records the member's
 * feedback and prepares the result, which goes through the item chain (初审 → 保密审查 → 签发) and is published on
 * the portal by the publisher; the portal's list of proposal results shows it; the counts for section 六 include
 * it. A late answer without a reason is a 400 in Chinese with nothing stored; a supervisor may read, not handle.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { forEachDialect } from '../db-helpers.js';
import { json } from './http-helpers.js';
import { approve, itemTestApp, type ItemTestApp } from './item-helpers.js';
import { createTestUser, signIn } from '../auth-helpers.js';

forEachDialect('proposals API', (ctx) => {
  let t: ItemTestApp;
  before(async () => { t = await itemTestApp(ctx, { now: '2024-08-01T02:00:00.000Z' }); });
  after(async () => { await t?.close(); });

  test('a 政协提案 from registration to its published result on the portal', async () => {
    const { drafter, publisher } = t.people;
    const base = `/api/agencies/${t.bureauId}/proposals`;
    const created = await t.call(drafter, 'POST', base, {
      kind: 'cppcc', sourceNo: '第 45 号', title: '关于推进“一窗受理”改革的提案', proposer: '王某某委员', receivedOn: '2024-03-20', assignedOn: '2024-03-22',
      leadOffice: '政务服务科', coOffices: ['审批一科'],
    });
    assert.equal(created.statusCode, 201, created.body);
    const p = json(created);
    assert.deepEqual([p.regNo, p.dueBase, p.dueOn, p.stateName], ['JYTA-2024-0001', '2024-06-22', '2024-06-24', '办理中']);

    const before = json(await t.call(drafter, 'GET', `${base}/${p.id}/events`)).length;
    const late = await t.call(drafter, 'POST', `${base}/${p.id}/answer`, { answeredOn: '2024-06-25', replyText: '答复如下……' });
    assert.equal(late.statusCode, 400, late.body);
    assert.match(json(late).message, /逾期答复须写明逾期理由/);
    assert.equal(json(await t.call(drafter, 'GET', `${base}/${p.id}`)).state, 'handling');
    assert.equal(json(await t.call(drafter, 'GET', `${base}/${p.id}/events`)).length, before);

    const answered = await t.call(drafter, 'POST', `${base}/${p.id}/answer`, { answeredOn: '2024-06-20', replyText: '王某某委员：\n您提出的提案收悉，现答复如下……' });
    assert.equal(answered.statusCode, 200, answered.body);
    assert.equal((await t.call(drafter, 'POST', `${base}/${p.id}/feedback`, { feedback: 'satisfied', feedbackOn: '2024-07-02' })).statusCode, 200);
    const letter = await t.app.inject({ url: `${base}/${p.id}/reply.docx`, headers: drafter.headers });
    assert.equal(letter.statusCode, 200, letter.body);
    assert.match(String(letter.headers['content-type']), /wordprocessingml/);
    assert.equal(letter.rawPayload.subarray(0, 2).toString(), 'PK');
    const prepared = await t.call(drafter, 'POST', `${base}/${p.id}/result`, {});
    assert.equal(prepared.statusCode, 200, prepared.body);
    const itemId = json(prepared).resultItemId;

    // Not public until the item is published.
    assert.doesNotMatch((await t.app.inject({ url: `/agencies/${t.bureauId}/proposals` })).body, /一窗受理/);
    await approve(t, itemId);
    const published = await t.call(publisher, 'POST', `/api/items/${itemId}/publish`, { channels: ['portal'] });
    assert.equal(published.statusCode, 200, published.body);

    const done = json(await t.call(drafter, 'GET', `${base}/${p.id}`));
    assert.match(done.resultPublishedOn, /^2024-08-/);
    const page = await t.app.inject({ url: `/agencies/${t.bureauId}/proposals` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /关于推进“一窗受理”改革的提案/);
    assert.match(page.body, new RegExp(`href="/items/${itemId}"`));
    assert.doesNotMatch(page.body, /逾期|反馈/);

    const counts = json(await t.call(drafter, 'GET', `/api/agencies/${t.bureauId}/proposal-counts/2024`));
    assert.deepEqual(counts.cppcc, { received: 1, answered: 1, answeredOnTime: 1, resultsPublished: 1 });
    assert.match(counts.text, /政协提案 1 件.*均按期答复；办理结果已在门户网站公开 1 件。/);
    assert.equal((await t.call(drafter, 'GET', `/api/agencies/${t.bureauId}/proposal-warnings`)).statusCode, 200);

    // The report's prose (section 六) states the proposals from the same data.
    const report = await t.call(drafter, 'POST', '/api/reports', { agencyId: t.bureauId, year: 2024 });
    assert.equal(report.statusCode, 201, report.body);
    const drafted = await t.call(drafter, 'POST', `/api/reports/${json(report).id}/draft-text`, { baseVersion: 1, asOf: '2024-12-31' });
    assert.equal(drafted.statusCode, 200, drafted.body);
    const doc = json(await t.call(drafter, 'GET', `/api/reports/${json(report).id}`)).document;
    const six = doc.sections.find((s: any) => s.key === '六').parts.map((x: any) => x.paragraphs.join('')).join('');
    assert.match(six, /承办人大代表建议0件、政协提案1件，已在门户网站公开办理结果1件/);
  });

  test('a supervisor reads but may not register; an unknown proposal is a 404', async () => {
    await createTestUser(t.db.db, 'p-supervisor', ['supervisor'], t.bureauId);
    const supervisor = await signIn(t.app, 'p-supervisor');
    const base = `/api/agencies/${t.bureauId}/proposals`;
    assert.equal((await t.call(supervisor, 'GET', base)).statusCode, 200);
    const refused = await t.call(supervisor, 'POST', base, { kind: 'npc', sourceNo: '1', title: '某建议', proposer: '某代表', receivedOn: '2024-03-01', leadOffice: '办公室' });
    assert.equal(refused.statusCode, 403);
    assert.equal((await t.call(supervisor, 'GET', `${base}/999999`)).statusCode, 404);
  });
});
