/**
 * The 主动公开基本目录 over the API, on SQLite and PostgreSQL: the tree and its changes (cycles, archive refusals,
 * another agency's nodes), templates, versions through the review chain with distinct people, and concurrent
 * submits each getting their own version number.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { agencyService } from '../../src/agencies/agency.service.js';
import { operator } from '../../src/core/actor.js';
import { steppingClock } from '../../src/core/clock.js';
import { catalogueVersions } from '../../src/disclosure/catalogue-versions.js';
import { MAX_DETAILS_CHARS } from '../../src/disclosure/catalogue.service.js';
import { createTestUser, signIn, type TestSession } from '../auth-helpers.js';
import { forEachDialect } from '../db-helpers.js';
import { json, sendJson, testApp, type TestApp } from './http-helpers.js';

const FORM = {
  stateSecret: false, workSecret: false, personalInfo: false, tradeSecret: false,
  channelsFit: { portal: true, wechat: false }, conclusion: '不涉密，同意公开',
};

forEachDialect('catalogue API', (ctx) => {
  let t: TestApp;
  let base: string;
  const people: Record<string, TestSession> = {};

  before(async () => {
    t = await testApp(ctx);
    base = `/api/agencies/${t.bureauId}/catalogue`;
    const db = t.db.db;
    const add = async (login: string, roles: Parameters<typeof createTestUser>[2]) => {
      await createTestUser(db, login, roles, t.bureauId, { name: login });
      people[login] = await signIn(t.app, login);
    };
    await add('c-drafter', ['drafter', 'office-head']);
    await add('c-head', ['office-head']);
    await add('c-secrecy', ['secrecy-reviewer']);
    await add('c-leader', ['leader']);
    await add('c-publisher', ['publisher']);
  });
  after(async () => t?.close());

  const as = (login: string) => people[login]!.headers;
  const node = async (body: Record<string, unknown>) => {
    const res = await sendJson(t.app, 'POST', `${base}/nodes`, body);
    assert.equal(res.statusCode, 201, res.body);
    return json<{ id: number; position: number; name: string }>(res);
  };

  test('tree: add, rename, tie and untie, reorder, move; cycles and duplicates refused; every change an event', async () => {
    const a = await node({ parentId: null, name: '甲类' });
    const b = await node({ parentId: null, name: '乙类', art20Item: '1' });
    const a1 = await node({ parentId: a.id, name: '甲一' });
    const a11 = await node({ parentId: a1.id, name: '甲一一' });
    assert.equal((await sendJson(t.app, 'POST', `${base}/nodes`, { parentId: null, name: '甲类' })).statusCode, 409);
    assert.equal((await sendJson(t.app, 'POST', `${base}/nodes`, { parentId: null, name: '  ' })).statusCode, 400);
    const long = await sendJson(t.app, 'PATCH', `${base}/nodes/${b.id}`, { details: { content: '要'.repeat(MAX_DETAILS_CHARS) } });
    assert.equal(long.statusCode, 400, long.body);
    assert.match(json(long).message, new RegExp(`基层目录要素过长：合计不能超过 ${MAX_DETAILS_CHARS} 字`));
    assert.equal(json(long).problems[0].place.field, 'details');
    const twin = await sendJson(t.app, 'PATCH', `${base}/nodes/${b.id}`, { name: '甲类' });
    assert.equal(twin.statusCode, 409, twin.body);
    assert.deepEqual([json(twin).code, json(twin).message], ['DUPLICATE_NAME', '同一上级类目下已有名为“甲类”的类目']);

    let res = await sendJson(t.app, 'PATCH', `${base}/nodes/${a.id}`, { name: '甲类（改）', art20Item: '5' });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual([json(res).name, json(res).art20Item], ['甲类（改）', '5']);
    res = await sendJson(t.app, 'PATCH', `${base}/nodes/${a.id}`, { art20Item: null });
    assert.equal(json(res).art20Item, null);
    res = await sendJson(t.app, 'PATCH', `${base}/nodes/${a.id}`, { art20Item: '16' });
    assert.equal(res.statusCode, 400);

    // Cycle: 甲类 under its grandchild, or under itself.
    res = await sendJson(t.app, 'POST', `${base}/nodes/${a.id}/move`, { parentId: a11.id });
    assert.equal(res.statusCode, 400);
    assert.match(json(res).message, /不能把类目“甲类（改）”移到它的下级类目“甲一一”下面/);
    res = await sendJson(t.app, 'POST', `${base}/nodes/${a.id}/move`, { parentId: a.id });
    assert.match(json(res).message, /移到它自己下面/);

    // Reorder: 乙类 first among the roots.
    res = await sendJson(t.app, 'POST', `${base}/nodes/${b.id}/move`, { parentId: null, position: 0 });
    assert.equal(res.statusCode, 200, res.body);
    let tree = json(await t.app.inject({ method: 'GET', url: base })).nodes;
    assert.deepEqual(tree.map((n: { name: string }) => n.name), ['乙类', '甲类（改）']);
    // Move 甲一一 under 乙类.
    res = await sendJson(t.app, 'POST', `${base}/nodes/${a11.id}/move`, { parentId: b.id });
    assert.equal(res.statusCode, 200, res.body);
    tree = json(await t.app.inject({ method: 'GET', url: base })).nodes;
    assert.deepEqual(tree[0].children.map((n: { name: string }) => n.name), ['甲一一']);
    assert.equal(tree[0].art20Name, '（一）行政法规、规章和规范性文件');

    const events = await t.db.db.selectFrom('disclosure_events').select(['type', 'data']).where('subject_kind', '=', 'catalogue-node').orderBy('id').execute();
    assert.deepEqual(events.map((e) => e.type), ['node-added', 'node-added', 'node-added', 'node-added', 'node-changed', 'node-untied', 'node-reordered', 'node-moved']);
    assert.deepEqual(JSON.parse(events[4]!.data!), { old: { name: '甲类', art20_item: null }, new: { name: '甲类（改）', art20_item: '5' } });
  });

  test('archive: refused with children or items (named), then archived and kept; nodes of another agency are not found', async () => {
    const root = await node({ parentId: null, name: '待归档' });
    const child = await node({ parentId: root.id, name: '下级' });
    let res = await sendJson(t.app, 'POST', `${base}/nodes/${root.id}/archive`);
    assert.equal(res.statusCode, 409);
    assert.match(json(res).message, /类目“待归档”下还有 1 个下级类目（“下级”）/);
    await t.db.db.insertInto('items').values({
      agency_id: t.bureauId, index_no: null, state: 'draft', version: 1, published_version: null, drafter_id: null, drafter_name: '测试',
      office: null, category_id: child.id, title: '关于某事项的通知', summary: '', issuer: '测试', doc_no: null, written_on: '2024-03-01',
      changed_on: '2024-03-01', due_on: null, published_on: null, theme: null, keywords: '', disclosure: 'active', body_html: '',
      attachments: '[]', validity: 'valid', normative_kind: null, made_on: null, amended_on: null, repealed_on: null, origin: 'platform',
      created_at: '2024-03-01T00:00:00Z', updated_at: '2024-03-01T00:00:00Z',
    }).execute();
    res = await sendJson(t.app, 'POST', `${base}/nodes/${child.id}/archive`);
    assert.equal(res.statusCode, 409);
    assert.match(json(res).message, /下还有 1 条政府信息（“关于某事项的通知”）/);
    await t.db.db.updateTable('items').set({ category_id: null }).where('category_id', '=', child.id).execute();
    assert.equal((await sendJson(t.app, 'POST', `${base}/nodes/${child.id}/archive`)).statusCode, 200);
    assert.equal((await sendJson(t.app, 'POST', `${base}/nodes/${root.id}/archive`)).statusCode, 200);
    const visible = json(await t.app.inject({ method: 'GET', url: base })).nodes.map((n: { name: string }) => n.name);
    assert.ok(!visible.includes('待归档'));
    const all = json(await t.app.inject({ method: 'GET', url: `${base}?archived=true` })).nodes;
    assert.ok(all.some((n: { name: string; archived: boolean }) => n.name === '待归档' && n.archived));

    const other = await agencyService(t.db.db).create({ name: '另一机关', kind: 'department', parentId: t.governmentId }, operator('测试准备'));
    res = await sendJson(t.app, 'PATCH', `/api/agencies/${other.id}/catalogue/nodes/${child.id}`, { name: 'x' });
    assert.equal(res.statusCode, 404);
    res = await sendJson(t.app, 'POST', `/api/agencies/${other.id}/catalogue/nodes`, { parentId: root.id, name: '越界' });
    assert.equal(res.statusCode, 400);
    assert.match(json(res).message, /不在本机关的主动公开基本目录中/);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/agencies/999999/catalogue' })).statusCode, 404);
  });

  test('templates: into an empty catalogue whole, then merged by name', async () => {
    const other = await agencyService(t.db.db).create({ name: '某镇人民政府', kind: 'department', parentId: t.governmentId }, operator('测试准备'));
    const url = `/api/agencies/${other.id}/catalogue`;
    let res = await sendJson(t.app, 'POST', `${url}/apply-template`, { template: 'basic-26' });
    assert.equal(res.statusCode, 200, res.body);
    const first = json(res);
    assert.equal(first.kept, 0);
    const tree = json(await t.app.inject({ method: 'GET', url })).nodes;
    assert.equal(tree.length, 26);
    assert.equal(tree[0].children[0].details.timeLimit, '信息形成或者变更之日起20个工作日内');
    res = await sendJson(t.app, 'POST', `${url}/apply-template`, { template: 'basic-26' });
    assert.deepEqual(json(res), { template: 'basic-26', added: 0, kept: first.added });
    res = await sendJson(t.app, 'POST', `${url}/apply-template`, { template: 'seed' });
    assert.equal(json(res).kept, 0);
    assert.equal(json(await t.app.inject({ method: 'GET', url })).nodes.length, 32);
    res = await sendJson(t.app, 'POST', `${url}/apply-template`, { template: 'nope' });
    assert.equal(res.statusCode, 400);
  });

  test('a catalogue version goes through the chain with distinct people; the drafter cannot approve it', async () => {
    let res = await sendJson(t.app, 'POST', `${base}/versions`, { comment: '首次提交' }, as('c-drafter'));
    assert.equal(res.statusCode, 201, res.body);
    const v = json(res);
    assert.equal(v.state, 'first-review');
    assert.ok(v.nodeCount >= 4);
    const at = `${base}/versions/${v.version}`;
    // Publishing before review, and the drafter (also an office head) approving their own version: refused.
    res = await sendJson(t.app, 'POST', `${at}/publish`, { channels: ['portal'] }, as('c-publisher'));
    assert.equal(res.statusCode, 409);
    assert.equal(json(res).code, 'REVIEW_INCOMPLETE');
    res = await sendJson(t.app, 'POST', `${at}/review`, { step: 'first-review', decision: 'pass' }, as('c-drafter'));
    assert.equal(res.statusCode, 403);
    assert.equal(json(res).code, 'REVIEW_OWN_DRAFT');
    // Whoever edited the tree since the last version wrote it too (the default session added the categories).
    res = await sendJson(t.app, 'POST', `${at}/review`, { step: 'first-review', decision: 'pass' });
    assert.equal(json(res).code, 'REVIEW_OWN_DRAFT');
    // A secrecy reviewer cannot do the first review (the step's permission in the agency).
    res = await sendJson(t.app, 'POST', `${at}/review`, { step: 'first-review', decision: 'pass' }, as('c-secrecy'));
    assert.equal(res.statusCode, 403);
    res = await sendJson(t.app, 'POST', `${at}/review`, { step: 'first-review', decision: 'return' }, as('c-head'));
    assert.equal(res.statusCode, 400);
    assert.match(json(res).message, /退回时必须填写退回理由/);
    res = await sendJson(t.app, 'POST', `${at}/review`, { step: 'first-review', decision: 'pass', comment: '同意' }, as('c-head'));
    assert.equal(json(res).state, 'secrecy-review', res.body);
    res = await sendJson(t.app, 'POST', `${at}/review`, { step: 'secrecy-review', decision: 'pass', form: FORM }, as('c-secrecy'));
    assert.equal(json(res).state, 'sign-off', res.body);
    res = await sendJson(t.app, 'POST', `${at}/review`, { step: 'sign-off', decision: 'pass' }, as('c-leader'));
    assert.equal(json(res).state, 'approved', res.body);
    assert.equal((await t.app.inject({ method: 'GET', url: `${base}/published` })).statusCode, 404);
    res = await sendJson(t.app, 'POST', `${at}/publish`, { channels: ['wechat'] }, as('c-publisher'));
    assert.equal(json(res).code, 'CHANNEL_NOT_CLEARED');
    res = await sendJson(t.app, 'POST', `${at}/publish`, { channels: ['portal'] }, as('c-leader'));
    assert.equal(res.statusCode, 403);
    res = await sendJson(t.app, 'POST', `${at}/publish`, { channels: ['portal'] }, as('c-publisher'));
    assert.equal(res.statusCode, 200, res.body);
    const published = json(await t.app.inject({ method: 'GET', url: `${base}/published` }));
    assert.equal(published.version, v.version);
    assert.equal(published.state, 'published');
    assert.deepEqual(published.steps.map((s: { step: string; actor: string }) => [s.step, s.actor]), [
      ['submit', 'c-drafter'], ['first-review', 'c-head'], ['secrecy-review', 'c-secrecy'], ['sign-off', 'c-leader'], ['publish', 'c-publisher'],
    ]);
    assert.deepEqual(published.publications.map((p: { channel: string }) => p.channel), ['portal']);
    const list = json(await t.app.inject({ method: 'GET', url: `${base}/versions` }));
    assert.equal(list[0].version, v.version);
  });

  test('an older version is not published after a newer one: the public catalogue never goes back', async () => {
    const submit = async () => json((await sendJson(t.app, 'POST', `${base}/versions`, {}, as('c-publisher')))).version as number;
    const approve = async (version: number) => {
      const at = `${base}/versions/${version}/review`;
      for (const [step, who, extra] of [['first-review', 'c-head', {}], ['secrecy-review', 'c-secrecy', { form: FORM }], ['sign-off', 'c-leader', {}]] as const) {
        const res = await sendJson(t.app, 'POST', at, { step, decision: 'pass', ...extra }, as(who));
        assert.equal(res.statusCode, 200, res.body);
      }
    };
    const older = await submit();
    const newer = await submit();
    await approve(older);
    await approve(newer);
    // The publisher submitted both: it may publish them (publishing is not approving), but not the older after the newer.
    assert.equal((await sendJson(t.app, 'POST', `${base}/versions/${newer}/publish`, { channels: ['portal'] }, as('c-publisher'))).statusCode, 200);
    const res = await sendJson(t.app, 'POST', `${base}/versions/${older}/publish`, { channels: ['portal'] }, as('c-publisher'));
    assert.equal(res.statusCode, 409);
    assert.equal(json(res).code, 'SUPERSEDED');
    assert.equal(json(await t.app.inject({ method: 'GET', url: `${base}/published` })).version, newer);
  });

  test('concurrent submits each make one version, numbered without gaps or duplicates', async () => {
    const clock = steppingClock('2024-04-01T00:00:00.000Z');
    const before = (await catalogueVersions(t.db.db, clock).list(t.bureauId)).length;
    const actor = { id: people['c-drafter']!.userId, name: 'c-drafter' };
    const made = await Promise.all(Array.from({ length: 5 }, () =>
      t.db.db.transaction().execute((trx) => catalogueVersions(trx, clock).submit(t.bureauId, actor))));
    const numbers = made.map((v) => v.version).sort((a, b) => a - b);
    assert.deepEqual(numbers, Array.from({ length: 5 }, (_, k) => before + 1 + k));
    assert.equal((await catalogueVersions(t.db.db, clock).list(t.bureauId)).length, before + 5);
  });
});
