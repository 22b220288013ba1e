/**
 * The annual report through the review chain over HTTP on SQLite and PostgreSQL (条例 Art. 50): publish
 * before the steps is refused (REVIEW_INCOMPLETE), steps out of order, a reviewer who wrote the report, a
 * return without a reason, a secrecy pass without its form and a step without its permission are refused;
 * the report cannot change under review; after a return an edit is a new version that must be resubmitted;
 * publishing records a portal publication.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestUser, signIn, type TestSession } from '../auth-helpers.js';
import { forEachDialect } from '../db-helpers.js';
import { PORTAL_FORM } from '../report-chain-helpers.js';
import { json, seedDocument, sendJson, testApp, type TestApp } from './http-helpers.js';

forEachDialect('report review chain', (ctx) => {
  let t: TestApp;
  let id: number;
  const people: Record<string, TestSession> = {};

  before(async () => {
    t = await testApp(ctx);
    const db = t.db.db;
    for (const [login, role] of [['rv-drafter', 'drafter'], ['rv-head', 'office-head'], ['rv-secrecy', 'secrecy-reviewer'], ['rv-leader', 'leader'], ['rv-publisher', 'publisher']] as const) {
      await createTestUser(db, login, [role], t.bureauId);
      people[login] = await signIn(t.app, login);
    }
    const imported = await sendJson(t.app, 'POST', `/api/reports/import?agencyId=${t.bureauId}`, seedDocument());
    assert.equal(imported.statusCode, 201, imported.body);
    id = json(imported).id;
    assert.equal(json(imported).reviewState, 'draft');
  });
  after(async () => t.close());

  const as = (who: string | null, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) =>
    sendJson(t.app, method, url, body, who ? people[who]!.headers : {});
  const review = (who: string | null, body: Record<string, unknown>) => as(who, 'POST', `/api/reports/${id}/review`, body);
  const state = async () => json(await as(null, 'GET', `/api/reports/${id}`)).reviewState;
  const expectError = (res: { statusCode: number; body: string }, status: number, code: string | RegExp) => {
    assert.equal(res.statusCode, status, res.body);
    if (typeof code === 'string') assert.equal(json(res).code, code, res.body);
    else assert.match(json(res).message, code);
    assert.match(json(res).message, /[\u4e00-\u9fff]/);
  };

  test('bad inputs along the chain are refused with Chinese messages; approval and publication go through', async () => {
    expectError(await as('rv-publisher', 'POST', `/api/reports/${id}/publish`), 409, 'REVIEW_INCOMPLETE');
    expectError(await review('rv-head', { step: 'first-review', decision: 'pass' }), 409, 'REVIEW_OUT_OF_ORDER');

    const submitted = await as('rv-drafter', 'POST', `/api/reports/${id}/submit`, { comment: '请审核' });
    assert.equal(submitted.statusCode, 200, submitted.body);
    assert.equal(json(submitted).reviewState, 'first-review');
    assert.equal(json(submitted).reviewVersion, 1);
    expectError(await as('rv-drafter', 'POST', `/api/reports/${id}/submit`), 409, 'REVIEW_NOT_DRAFT');

    // Under review the report does not change.
    expectError(await sendJson(t.app, 'PUT', `/api/reports/${id}`, { ...seedDocument(), baseVersion: 1 }), 409, 'REVIEW_LOCKED');
    expectError(await t.app.inject({ method: 'POST', url: `/api/reports/${id}/fill-from-cases` }), 409, 'REVIEW_LOCKED');

    // The default tester imported it (its author) and holds every role: it may not review it.
    expectError(await review(null, { step: 'first-review', decision: 'pass' }), 403, 'REVIEW_OWN_DRAFT');
    // Nor may the submitter, nor someone without the step's permission.
    expectError(await review('rv-secrecy', { step: 'first-review', decision: 'pass' }), 403, 'FORBIDDEN');
    expectError(await review('rv-head', { step: 'first-review', decision: 'return' }), 400, /退回时必须填写退回理由/);
    expectError(await review('rv-head', { step: 'first-review', decision: 'return', reason: '  ' }), 400, /退回理由/);
    expectError(await review('rv-head', { step: 'approve', decision: 'pass' }), 400, /step/);

    const returned = await review('rv-head', { step: 'first-review', decision: 'return', reason: '第五部分未写明存在的问题' });
    assert.equal(returned.statusCode, 200, returned.body);
    assert.equal(json(returned).reviewState, 'returned');

    // After a return an edit is a new version, which must be submitted again.
    const doc = seedDocument();
    const edited = await sendJson(t.app, 'PUT', `/api/reports/${id}`, { ...doc, baseVersion: 1 });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.equal(json(edited).version, 2);
    assert.equal(json(edited).reviewState, 'returned');
    expectError(await as('rv-publisher', 'POST', `/api/reports/${id}/publish`), 409, 'REVIEW_INCOMPLETE');

    assert.equal((await as('rv-drafter', 'POST', `/api/reports/${id}/submit`)).statusCode, 200);
    assert.equal(json(await as(null, 'GET', `/api/reports/${id}`)).reviewVersion, 2);
    assert.equal((await review('rv-head', { step: 'first-review', decision: 'pass', comment: '同意' })).statusCode, 200);
    expectError(await review('rv-leader', { step: 'sign-off', decision: 'pass' }), 409, 'REVIEW_OUT_OF_ORDER');
    expectError(await review('rv-secrecy', { step: 'secrecy-review', decision: 'pass' }), 400, /保密审查表/);
    assert.equal((await review('rv-secrecy', { step: 'secrecy-review', decision: 'pass', form: PORTAL_FORM })).statusCode, 200);
    expectError(await as('rv-publisher', 'POST', `/api/reports/${id}/publish`), 409, 'REVIEW_INCOMPLETE');
    assert.equal((await review('rv-leader', { step: 'sign-off', decision: 'pass' })).statusCode, 200);
    assert.equal(await state(), 'approved');
    // Signed off: no more edits.
    expectError(await sendJson(t.app, 'PUT', `/api/reports/${id}`, { ...doc, baseVersion: 2 }), 409, 'REVIEW_LOCKED');

    const published = await as('rv-publisher', 'POST', `/api/reports/${id}/publish`);
    assert.equal(published.statusCode, 200, published.body);
    assert.equal(json(published).status, 'published');
    assert.equal(json(published).reviewState, 'published');
    const rows = await t.db.db.selectFrom('channel_publications').selectAll().where('subject_kind', '=', 'report').where('subject_id', '=', id).execute();
    assert.deepEqual(rows.map((r) => [r.channel, r.subject_version, r.actor]), [['portal', 2, '测试rv-publisher']]);

    const chain = json(await as(null, 'GET', `/api/reports/${id}/review`));
    assert.equal(chain.state, 'published');
    assert.deepEqual(chain.steps.map((s: any) => [s.version, s.step, s.decision]), [
      [1, 'submit', null], [1, 'first-review', 'return'], [2, 'submit', null], [2, 'first-review', 'pass'],
      [2, 'secrecy-review', 'pass'], [2, 'sign-off', 'pass'], [2, 'publish', null],
    ]);
    expectError(await as('rv-publisher', 'POST', `/api/reports/${id}/publish`), 409, 'REPORT_PUBLISHED');
    expectError(await as('rv-drafter', 'POST', `/api/reports/${id}/submit`), 409, 'REPORT_PUBLISHED');
  });

  test('a secrecy review cannot pass a report without clearing the portal (it would be stuck signed off)', async () => {
    const doc = seedDocument();
    doc.year = 2020;
    doc.title = doc.title.replace('2019', '2020');
    const imported = await sendJson(t.app, 'POST', `/api/reports/import?agencyId=${t.bureauId}`, doc);
    assert.equal(imported.statusCode, 201, imported.body);
    const rid = json(imported).id;
    const r = (who: string, body: Record<string, unknown>) => as(who, 'POST', `/api/reports/${rid}/review`, body);
    assert.equal((await as('rv-drafter', 'POST', `/api/reports/${rid}/submit`)).statusCode, 200);
    assert.equal((await r('rv-head', { step: 'first-review', decision: 'pass' })).statusCode, 200);
    expectError(await r('rv-secrecy', { step: 'secrecy-review', decision: 'pass', form: { channelsFit: { portal: false } } }), 400, /适合在政府网站发布/);
    assert.equal(json(await as(null, 'GET', `/api/reports/${rid}`)).reviewState, 'secrecy-review');
    const back = await r('rv-secrecy', { step: 'secrecy-review', decision: 'return', reason: '附件含个人信息，须删除后再审' });
    assert.equal(back.statusCode, 200, back.body);
    assert.equal(json(back).reviewState, 'returned');
  });

  test('simultaneous submissions and passes: exactly one goes through, the others are refused', async () => {
    const doc = seedDocument();
    doc.year = 2021;
    doc.format = '2019';
    doc.title = doc.title.replace('2019', '2021');
    const imported = await sendJson(t.app, 'POST', `/api/reports/import?agencyId=${t.bureauId}`, doc);
    assert.equal(imported.statusCode, 201, imported.body);
    const rid = json(imported).id;
    const submits = await Promise.all(Array.from({ length: 4 }, () => as('rv-drafter', 'POST', `/api/reports/${rid}/submit`)));
    assert.deepEqual(submits.map((r) => r.statusCode).sort(), [200, 409, 409, 409], submits.map((r) => r.body).join('\n'));
    const passes = await Promise.all(Array.from({ length: 4 }, () => as('rv-head', 'POST', `/api/reports/${rid}/review`, { step: 'first-review', decision: 'pass' })));
    assert.deepEqual(passes.map((r) => r.statusCode).sort(), [200, 409, 409, 409], passes.map((r) => r.body).join('\n'));
    const chain = json(await as(null, 'GET', `/api/reports/${rid}/review`));
    assert.deepEqual(chain.steps.map((s: any) => s.step), ['submit', 'first-review']);
  });
});
