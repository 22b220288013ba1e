/**
 * The 政府信息公开指南 and an agency's disclosure settings over the API, on SQLite and PostgreSQL: the demo bureau's
 * published guide and credit code, the default draft of another agency, saves with baseVersion (a stale one
 * refused naming what changed), field checks in Chinese, the chain with distinct people, and the 统一社会信用代码
 * and 索引号 template checks.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { agencyService } from '../../src/agencies/agency.service.js';
import { operator } from '../../src/core/actor.js';
import { steppingClock } from '../../src/core/clock.js';
import { defaultGuide } from '../../src/core/disclosure/guide.js';
import { DEMO_CREDIT_CODE } from '../../src/demo/demo-disclosure.js';
import { guideService } from '../../src/disclosure/guide.service.js';
import { createTestUser, signIn, type TestSession } from '../auth-helpers.js';
import { forEachDialect } from '../db-helpers.js';
import { json, sendJson, testApp, type TestApp } from './http-helpers.js';

const FORM = {
  stateSecret: false, workSecret: false, personalInfo: false, tradeSecret: false,
  channelsFit: { portal: true }, conclusion: '不涉密，同意公开',
};

forEachDialect('guide and disclosure settings API', (ctx) => {
  let t: TestApp;
  let otherId: number;
  const people: Record<string, TestSession> = {};

  before(async () => {
    t = await testApp(ctx, { demo: true });
    otherId = (await agencyService(t.db.db).create({ name: '某区民政局', kind: 'department', parentId: t.governmentId }, operator('测试准备'))).id;
    for (const [login, roles] of [['g-drafter', ['drafter', 'office-head']], ['g-head', ['office-head']], ['g-secrecy', ['secrecy-reviewer']], ['g-leader', ['leader']], ['g-publisher', ['publisher']]] as const) {
      await createTestUser(t.db.db, login, [...roles], otherId, { name: login });
      people[login] = await signIn(t.app, login);
    }
  });
  after(async () => t?.close());
  const as = (login: string) => people[login]!.headers;

  test('the demo bureau: credit code, the seed catalogue and a published guide from the seed', async () => {
    const settings = json(await t.app.inject({ method: 'GET', url: `/api/agencies/${t.bureauId}/disclosure-settings` }));
    assert.equal(settings.creditCode, DEMO_CREDIT_CODE);
    assert.equal(settings.example, `${DEMO_CREDIT_CODE}/2024-00001`);
    const tree = json(await t.app.inject({ method: 'GET', url: `/api/agencies/${t.bureauId}/catalogue` })).nodes;
    assert.deepEqual(tree.map((n: { name: string }) => n.name), ['机构职能', '工作资讯', '政策法规', '业务工作', '统计数据', '信息公开年报']);
    const guide = json(await t.app.inject({ method: 'GET', url: `/api/agencies/${t.bureauId}/guide/published` }));
    assert.equal(guide.state, 'published');
    assert.equal(guide.content.office.phone, '0631-5229038');
    assert.equal(guide.content.office.postcode, '264200');
    assert.match(guide.content.office.address, /文化中路59号/);
    assert.deepEqual(guide.steps.map((s: { step: string; actor: string }) => [s.step, s.actor]), [
      ['submit', '李经办'], ['first-review', '王科长'], ['secrecy-review', '赵保密'], ['sign-off', '孙局长'], ['publish', '周专员'],
    ]);
  });

  test('a guide: default draft, saves with baseVersion, a stale save refused naming the change, checks in Chinese', async () => {
    const url = `/api/agencies/${otherId}/guide`;
    let res = await t.app.inject({ method: 'GET', url, headers: as('g-drafter') });
    const draft = json(res);
    assert.deepEqual([draft.version, draft.id, draft.content.office.name], [0, null, '某区民政局办公室']);
    assert.equal((await t.app.inject({ method: 'GET', url: `${url}/published` })).statusCode, 404);

    // Missing and malformed fields, all named.
    res = await sendJson(t.app, 'PUT', url, { baseVersion: 0, content: { ...draft.content, office: { ...draft.content.office, phone: '12345', postcode: '2642' } } }, as('g-drafter'));
    assert.equal(res.statusCode, 400);
    const problems = json(res).problems.map((p: { place: { field: string } }) => p.place.field);
    assert.deepEqual(problems, ['office.address', 'office.officeHours', 'office.phone', 'office.postcode']);
    assert.match(json(res).message, /联系电话格式不正确：“12345”/);

    const content = { ...draft.content, office: { ...draft.content.office, address: '某路1号', officeHours: '工作日 9:00—17:00', phone: '0631-5200000', postcode: '264200' } };
    res = await sendJson(t.app, 'PUT', url, { baseVersion: 0, content }, as('g-drafter'));
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(json(res).version, 1);
    res = await sendJson(t.app, 'PUT', url, { baseVersion: 1, content: { ...content, office: { ...content.office, fax: '0631-5200001' } } }, as('g-drafter'));
    assert.equal(json(res).version, 2);
    // Someone edited version 1 meanwhile: refused, naming 传真.
    res = await sendJson(t.app, 'PUT', url, { baseVersion: 1, content }, as('g-publisher'));
    assert.equal(res.statusCode, 409);
    assert.equal(json(res).code, 'STALE_VERSION');
    assert.match(json(res).message, /已由他人保存为第 2 版.*传真/);
    assert.equal(json(await t.app.inject({ method: 'GET', url: `${url}/versions` })).length, 2);

    // Submit an older version: refused; the newest goes through the chain.
    assert.equal((await sendJson(t.app, 'POST', `${url}/versions/1/submit`, {}, as('g-drafter'))).statusCode, 409);
    res = await sendJson(t.app, 'POST', `${url}/versions/2/submit`, {}, as('g-drafter'));
    assert.equal(json(res).state, 'first-review', res.body);
    // No new version while it is with the reviewers.
    res = await sendJson(t.app, 'PUT', url, { baseVersion: 2, content }, as('g-drafter'));
    assert.equal(json(res).code, 'REVIEW_LOCKED');
    res = await sendJson(t.app, 'POST', `${url}/versions/2/review`, { step: 'first-review', decision: 'pass' }, as('g-drafter'));
    assert.equal(json(res).code, 'REVIEW_OWN_DRAFT');
    res = await sendJson(t.app, 'POST', `${url}/versions/2/review`, { step: 'first-review', decision: 'pass' }, as('g-head'));
    assert.equal(json(res).state, 'secrecy-review');
    res = await sendJson(t.app, 'POST', `${url}/versions/2/review`, { step: 'secrecy-review', decision: 'pass' }, as('g-secrecy'));
    assert.equal(res.statusCode, 400);
    assert.match(json(res).message, /保密审查表/);
    res = await sendJson(t.app, 'POST', `${url}/versions/2/review`, { step: 'secrecy-review', decision: 'pass', form: FORM }, as('g-secrecy'));
    res = await sendJson(t.app, 'POST', `${url}/versions/2/review`, { step: 'sign-off', decision: 'return', reason: '办公时间请写明午休' }, as('g-leader'));
    assert.equal(json(res).state, 'returned');
    // Returned: edited as version 3, resubmitted, approved and published.
    res = await sendJson(t.app, 'PUT', url, { baseVersion: 2, content: { ...content, office: { ...content.office, officeHours: '工作日 9:00—12:00，13:30—17:00' } } }, as('g-drafter'));
    assert.equal(json(res).version, 3, res.body);
    await sendJson(t.app, 'POST', `${url}/versions/3/submit`, {}, as('g-drafter'));
    await sendJson(t.app, 'POST', `${url}/versions/3/review`, { step: 'first-review', decision: 'pass' }, as('g-head'));
    await sendJson(t.app, 'POST', `${url}/versions/3/review`, { step: 'secrecy-review', decision: 'pass', form: FORM }, as('g-secrecy'));
    await sendJson(t.app, 'POST', `${url}/versions/3/review`, { step: 'sign-off', decision: 'pass' }, as('g-leader'));
    res = await sendJson(t.app, 'POST', `${url}/versions/3/publish`, { channels: ['portal'] }, as('g-publisher'));
    assert.equal(json(res).state, 'published', res.body);
    const published = json(await t.app.inject({ method: 'GET', url: `${url}/published` }));
    assert.equal(published.version, 3);
    assert.match(published.content.office.officeHours, /13:30/);
  });

  test('two saves from the same version at once: one is stored, the other refused as stale', async () => {
    const agency = await agencyService(t.db.db).create({ name: '某区司法局', kind: 'department', parentId: t.governmentId }, operator('测试准备'));
    const clock = steppingClock('2024-05-01T00:00:00.000Z');
    const content = { ...defaultGuide('某区司法局'), office: { ...defaultGuide('某区司法局').office, address: '某路2号', officeHours: '工作日', phone: '0631-5200002', postcode: '264200' } };
    const actor = { id: people['g-drafter']!.userId, name: 'g-drafter' };
    const results = await Promise.allSettled(Array.from({ length: 4 }, () =>
      t.db.db.transaction().execute((trx) => guideService(trx, clock).save(agency.id, { baseVersion: 0, content }, actor))));
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    for (const r of results) if (r.status === 'rejected') assert.equal((r.reason as { code: string }).code, 'STALE_VERSION');
    assert.deepEqual((await guideService(t.db.db, clock).list(agency.id)).map((v) => v.version), [1]);
  });

  test('settings: a wrong check character names 统一社会信用代码; a bad template is refused; a change is an event', async () => {
    const url = `/api/agencies/${otherId}/disclosure-settings`;
    let res = await sendJson(t.app, 'PUT', url, { creditCode: '11441700007280420X', indexTemplate: null }, as('g-drafter'));
    assert.equal(res.statusCode, 400);
    assert.match(json(res).message, /统一社会信用代码校验位不正确：第 18 位应为“Y”/);
    res = await sendJson(t.app, 'PUT', url, { creditCode: '11441700007280420Y', indexTemplate: '{code}-{seq:5}' }, as('g-drafter'));
    assert.equal(res.statusCode, 400);
    assert.match(json(res).message, /索引号模板有误.*年份/);
    res = await sendJson(t.app, 'PUT', url, { creditCode: '11441700007280420y', indexTemplate: '{code}-{year}-{seq:4}' }, as('g-drafter'));
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual([json(res).creditCode, json(res).example], ['11441700007280420Y', '11441700007280420Y-2024-0001']);
    // A secrecy reviewer reads but does not edit the settings.
    assert.equal((await sendJson(t.app, 'PUT', url, { creditCode: null, indexTemplate: null }, as('g-secrecy'))).statusCode, 403);
    const events = await t.db.db.selectFrom('disclosure_events').select('data').where('subject_kind', '=', 'agency').where('subject_id', '=', otherId).execute();
    assert.equal(events.length, 1);
    assert.deepEqual(JSON.parse(events[0]!.data!).new, { creditCode: '11441700007280420Y', indexTemplate: '{code}-{year}-{seq:4}' });
  });
});
