/**
 * Items through the review chain over the API, with distinct people per role, on SQLite and PostgreSQL:
 * drafter → 科室负责人初审 → 保密审查 (with the form) → 领导签发 → published to the portal and WeChat; the 索引号;
 * the history; bad inputs with Chinese messages naming the place, each leaving nothing half-written.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { forEachDialect } from '../db-helpers.js';
import { json } from './http-helpers.js';
import { approve, createItemAs, CREDIT_CODE, FORM, itemTestApp, type ItemTestApp } from './item-helpers.js';

forEachDialect('items API: the review chain', (ctx) => {
  let t: ItemTestApp;
  before(async () => { t = await itemTestApp(ctx); });
  after(async () => { await t?.close(); });

  const count = async (table: 'items' | 'item_versions' | 'review_steps' | 'channel_publications' | 'disclosure_events' | 'pii_findings') =>
    Number((await t.db.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const counts = async () => Object.fromEntries(await Promise.all(
    (['items', 'item_versions', 'review_steps', 'channel_publications', 'disclosure_events', 'pii_findings'] as const).map(async (k) => [k, await count(k)])));

  test('drafter → office head → secrecy reviewer (form) → leader → publisher: 索引号 credit_code/YYYY-00001, history of every step', async () => {
    const { drafter, head, secrecy, leader, publisher } = t.people;
    const item = await createItemAs(t, drafter, { docNo: '威环审批发〔2024〕1号', office: '政务公开科' });
    assert.equal(item.state, 'draft');
    assert.equal(item.stateName, '草稿');
    assert.equal(item.indexNo, null);
    assert.match(item.dueOn, /^2024-03-\d\d$/);
    const approved = await approve(t, item.id);
    assert.equal(approved.state, 'approved');
    const published = await t.call(publisher, 'POST', `/api/items/${item.id}/publish`, { channels: ['portal', 'wechat'] });
    assert.equal(published.statusCode, 200, published.body);
    const detail = json(published);
    assert.equal(detail.state, 'published');
    assert.equal(detail.indexNo, `${CREDIT_CODE}/2024-00001`);
    assert.equal(detail.publishedVersion, 1);
    assert.match(detail.publishedOn, /^2024-03-0\d$/);
    assert.deepEqual(detail.publications.map((p: any) => [p.channel, p.channelName, p.actor]),
      [['portal', '政府网站（政府信息公开平台）', '公开专员小赵'], ['wechat', '政务微信公众号', '公开专员小赵']]);

    const history = json((await t.call(head, 'GET', `/api/items/${item.id}/history`)));
    assert.deepEqual(history.steps.map((s: any) => [s.stepName, s.decisionName, s.actor]), [
      ['提交审核', null, '经办人小李'],
      ['科室负责人初审', '通过', '科室负责人老张'],
      ['办公室保密审查', '通过', '保密审查员小王'],
      ['领导核审签发', '通过', '分管领导刘局'],
      ['发布', null, '公开专员小赵'],
    ]);
    for (const s of history.steps) assert.match(s.at, /^2024-03-/);
    assert.deepEqual(history.steps[2].form, FORM);
    assert.deepEqual(history.events.map((e: any) => e.typeName), ['新建', '提交审核', '审核通过', '审核通过', '审核通过', '发布']);
    // Every person of the chain is named with their act.
    void secrecy; void leader;
  });

  test('a return goes back to the drafter with its reason; the edited version is reviewed afresh', async () => {
    const { drafter, head } = t.people;
    const item = await createItemAs(t, drafter);
    await t.call(drafter, 'POST', `/api/items/${item.id}/submit`, {});
    const noReason = await t.call(head, 'POST', `/api/items/${item.id}/review`, { step: 'first-review', decision: 'return' });
    assert.equal(noReason.statusCode, 400);
    assert.equal(json(noReason).message, '退回时必须填写退回理由');
    const returned = await t.call(head, 'POST', `/api/items/${item.id}/review`, { step: 'first-review', decision: 'return', reason: '文号有误' });
    assert.equal(json(returned).state, 'returned');
    const inbox = json(await t.call(drafter, 'GET', '/api/inbox'));
    const task = inbox.tasks.find((x: any) => x.key === 'item:returned');
    assert.ok(task.entries.some((e: any) => e.id === item.id), JSON.stringify(inbox));
    const edited = await t.call(drafter, 'PUT', `/api/items/${item.id}`, { baseVersion: 1, docNo: '威环审批发〔2024〕2号' });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.equal(json(edited).item.version, 2);
    assert.equal(json(edited).item.state, 'returned');
    // The edit is an event old → new, and each version stays readable as written.
    const history = json(await t.call(head, 'GET', `/api/items/${item.id}/history`));
    const edit = history.events.find((e: any) => e.type === 'edited');
    assert.deepEqual([edit.actor, edit.data.changed, edit.data.old.docNo, edit.data.new.docNo], ['经办人小李', ['docNo'], null, '威环审批发〔2024〕2号']);
    const v1 = json(await t.call(head, 'GET', `/api/items/${item.id}/versions/1`));
    assert.deepEqual([v1.version, v1.fields.docNo, v1.createdBy], [1, null, '经办人小李']);
    assert.equal(json(await t.call(head, 'GET', `/api/items/${item.id}/versions/2`)).fields.docNo, '威环审批发〔2024〕2号');
    assert.equal((await t.call(head, 'GET', `/api/items/${item.id}/versions/9`)).statusCode, 404);
    const resubmitted = await t.call(drafter, 'POST', `/api/items/${item.id}/submit`, {});
    assert.equal(json(resubmitted).state, 'first-review');
    assert.equal(json(resubmitted).version, 2);
  });

  test('publish before every step: REVIEW_INCOMPLETE, nothing written', async () => {
    const { drafter, head, publisher } = t.people;
    const item = await createItemAs(t, drafter);
    for (const prepare of [async () => {}, () => t.call(drafter, 'POST', `/api/items/${item.id}/submit`, {}),
      () => t.call(head, 'POST', `/api/items/${item.id}/review`, { step: 'first-review', decision: 'pass' })]) {
      await prepare();
      const before = await counts();
      const res = await t.call(publisher, 'POST', `/api/items/${item.id}/publish`, { channels: ['portal'] });
      assert.equal(res.statusCode, 409, res.body);
      assert.equal(json(res).code, 'REVIEW_INCOMPLETE');
      assert.match(json(res).message, /未经初审、保密审查和核审签发的材料不得发布/);
      assert.deepEqual(await counts(), before);
    }
  });

  test('nobody approves their own draft, even holding every role (REVIEW_OWN_DRAFT)', async () => {
    const { drafter, head } = t.people;
    // The default session `tester` holds every business role.
    const tester = (await import('../auth-helpers.js')).defaultSessionsOf(t.app)!.tester;
    const own = await createItemAs(t, tester);
    await t.call(tester, 'POST', `/api/items/${own.id}/submit`, {});
    const before = await counts();
    const res = await t.call(tester, 'POST', `/api/items/${own.id}/review`, { step: 'first-review', decision: 'pass' });
    assert.equal(res.statusCode, 403, res.body);
    assert.equal(json(res).code, 'REVIEW_OWN_DRAFT');
    assert.match(json(res).message, /不能审核本人起草或修改的材料（科室负责人初审）/);
    assert.deepEqual(await counts(), before);
    // Someone who edited the version may not pass it either: the office head edits the drafter's item.
    const item = await createItemAs(t, drafter);
    assert.equal((await t.call(head, 'PUT', `/api/items/${item.id}`, { baseVersion: 1, summary: '概述' })).statusCode, 200);
    await t.call(drafter, 'POST', `/api/items/${item.id}/submit`, {});
    const edited = await t.call(head, 'POST', `/api/items/${item.id}/review`, { step: 'first-review', decision: 'pass' });
    assert.equal(json(edited).code, 'REVIEW_OWN_DRAFT');
  });

  test('secrecy pass without the form, or with an incomplete one; a channel not cleared', async () => {
    const { drafter, head, secrecy, leader, publisher } = t.people;
    const item = await createItemAs(t, drafter);
    await t.call(drafter, 'POST', `/api/items/${item.id}/submit`, {});
    await t.call(head, 'POST', `/api/items/${item.id}/review`, { step: 'first-review', decision: 'pass' });
    const none = await t.call(secrecy, 'POST', `/api/items/${item.id}/review`, { step: 'secrecy-review', decision: 'pass' });
    assert.equal(none.statusCode, 400);
    assert.match(json(none).message, /保密审查表/);
    const partial = await t.call(secrecy, 'POST', `/api/items/${item.id}/review`, { step: 'secrecy-review', decision: 'pass', form: { stateSecret: false } });
    assert.equal(partial.statusCode, 400, partial.body);
    // Out of order: the leader cannot sign off before the secrecy review.
    const early = await t.call(leader, 'POST', `/api/items/${item.id}/review`, { step: 'sign-off', decision: 'pass' });
    assert.equal(json(early).code, 'REVIEW_OUT_OF_ORDER');
    await t.call(secrecy, 'POST', `/api/items/${item.id}/review`, { step: 'secrecy-review', decision: 'pass', form: { ...FORM, channelsFit: { portal: true } } });
    await t.call(leader, 'POST', `/api/items/${item.id}/review`, { step: 'sign-off', decision: 'pass' });
    const before = await counts();
    const res = await t.call(publisher, 'POST', `/api/items/${item.id}/publish`, { channels: ['portal', 'wechat'] });
    assert.equal(res.statusCode, 409);
    assert.equal(json(res).code, 'CHANNEL_NOT_CLEARED');
    assert.match(json(res).message, /政务微信公众号/);
    assert.deepEqual(await counts(), before);
  });

  test('a step needs its permission in the item agency: the drafter cannot pass the first review', async () => {
    const { drafter, secrecy } = t.people;
    const item = await createItemAs(t, drafter);
    await t.call(drafter, 'POST', `/api/items/${item.id}/submit`, {});
    const res = await t.call(secrecy, 'POST', `/api/items/${item.id}/review`, { step: 'first-review', decision: 'pass' });
    assert.equal(res.statusCode, 403);
    assert.match(json(res).message, /初审主动公开信息/);
  });

  test('a body with <script> and onclick is cleaned and the removal reported; a 文号 twice in one year is warned', async () => {
    const { drafter } = t.people;
    const res = await t.call(drafter, 'POST', `/api/agencies/${t.bureauId}/items`, {
      title: '脚本测试', writtenOn: '2024-02-01', docNo: '威环审批发〔2024〕1号',
      bodyHtml: '<p onclick="steal()">正文<script>alert(1)</script><a href="javascript:x()">链接</a></p>',
    });
    assert.equal(res.statusCode, 201, res.body);
    const { item, warnings } = json(res);
    assert.equal(item.bodyHtml.includes('script'), false);
    assert.equal(item.bodyHtml.includes('onclick'), false);
    assert.equal(item.bodyHtml.includes('javascript'), false);
    assert.match(item.bodyHtml, /正文/);
    const messages = warnings.map((w: any) => w.message).join('；');
    assert.match(messages, /脚本（<script>）已被删除/);
    assert.match(messages, /事件属性（onclick）已被删除/);
    assert.match(messages, /文号“威环审批发〔2024〕1号”在本机关 2024 年已有/);
    assert.ok(warnings.every((w: any) => w.field === 'bodyHtml' || w.field === 'docNo'));
  });

  test('a stale save is refused (STALE_VERSION), nothing written', async () => {
    const { drafter } = t.people;
    const item = await createItemAs(t, drafter);
    assert.equal((await t.call(drafter, 'PUT', `/api/items/${item.id}`, { baseVersion: 1, title: '第二版' })).statusCode, 200);
    const before = await counts();
    const res = await t.call(drafter, 'PUT', `/api/items/${item.id}`, { baseVersion: 1, title: '基于旧版的修改' });
    assert.equal(res.statusCode, 409);
    assert.equal(json(res).code, 'STALE_VERSION');
    assert.match(json(res).message, /第 2 版，您编辑的是第 1 版/);
    const huge = await t.call(drafter, 'PUT', `/api/items/${item.id}`, { baseVersion: 2 ** 31, title: '版本号越界' });
    assert.equal(huge.statusCode, 400, huge.body);
    assert.match(json(huge).message, /baseVersion.*不得大于 2147483647/);
    assert.deepEqual(await counts(), before);
  });

  test('a category of another agency, an impossible date: 400 naming the field, nothing written', async () => {
    const { drafter } = t.people;
    const db = t.db.db;
    const at = '2024-03-01T00:00:00.000Z';
    const foreign = await db.insertInto('catalogue_nodes').values({
      agency_id: t.governmentId, parent_id: null, name: '政府文件', art20_item: '1', position: 1, details: null, archived: 0, created_at: at, updated_at: at,
    }).returning('id').executeTakeFirstOrThrow();
    const archived = await db.insertInto('catalogue_nodes').values({
      agency_id: t.bureauId, parent_id: null, name: '旧栏目', art20_item: null, position: 2, details: null, archived: 1, created_at: at, updated_at: at,
    }).returning('id').executeTakeFirstOrThrow();
    const before = await counts();
    for (const [body, field, message] of [
      [{ categoryId: foreign.id }, 'categoryId', /不是本机关主动公开目录中的栏目/],
      [{ categoryId: archived.id }, 'categoryId', /栏目“旧栏目”已停用/],
      [{ writtenOn: '2024-02-30' }, 'writtenOn', /成文日期“2024-02-30”不是有效日期/],
    ] as const) {
      const res = await t.call(drafter, 'POST', `/api/agencies/${t.bureauId}/items`, { title: '栏目测试', writtenOn: '2024-03-01', ...body });
      assert.equal(res.statusCode, 400, res.body);
      assert.match(json(res).message, message);
      assert.equal(json(res).problems?.[0]?.place?.field ?? json(res).place?.field ?? field, field);
    }
    assert.deepEqual(await counts(), before);
  });

  test('an agency without 统一社会信用代码 cannot publish (索引号), nothing written', async () => {
    const { drafter, publisher } = t.people;
    const item = await createItemAs(t, drafter);
    await approve(t, item.id);
    await t.db.db.updateTable('agencies').set({ credit_code: null }).where('id', '=', t.bureauId).execute();
    try {
      const before = await counts();
      const res = await t.call(publisher, 'POST', `/api/items/${item.id}/publish`, { channels: ['portal'] });
      assert.equal(res.statusCode, 409);
      assert.equal(json(res).code, 'NO_CREDIT_CODE');
      assert.match(json(res).message, /统一社会信用代码/);
      assert.deepEqual(await counts(), before);
      assert.equal(json(await t.call(publisher, 'GET', `/api/items/${item.id}`)).state, 'approved');
    } finally {
      await t.db.db.updateTable('agencies').set({ credit_code: CREDIT_CODE }).where('id', '=', t.bureauId).execute();
    }
  });

  test('an 索引号 taken by hand (imported) is skipped, never duplicated', async () => {
    const { drafter, publisher } = t.people;
    const db = t.db.db;
    const taken = json(await t.call(publisher, 'GET', `/api/agencies/${t.bureauId}/items?state=published`)).items.map((i: any) => i.indexNo).filter(Boolean);
    const nextSeq = taken.length + 1;
    const collide = `${CREDIT_CODE}/2024-${String(nextSeq).padStart(5, '0')}`;
    const at = '2024-03-01T00:00:00.000Z';
    await db.insertInto('items').values({
      agency_id: t.bureauId, index_no: collide, state: 'published', version: 1, published_version: 1, drafter_id: null, drafter_name: '导入',
      office: null, category_id: null, title: '旧站导入的信息', summary: '', issuer: '导入', doc_no: null, written_on: '2024-01-02', changed_on: '2024-01-02',
      due_on: null, published_on: '2024-01-03', theme: null, keywords: '', disclosure: 'active', body_html: '', attachments: '[]', validity: 'valid',
      normative_kind: null, made_on: null, amended_on: null, repealed_on: null, origin: 'imported', created_at: at, updated_at: at,
    }).execute();
    const item = await createItemAs(t, drafter);
    await approve(t, item.id);
    const res = await t.call(publisher, 'POST', `/api/items/${item.id}/publish`, { channels: ['portal'] });
    assert.equal(res.statusCode, 200, res.body);
    assert.notEqual(json(res).indexNo, collide);
    assert.equal(json(res).indexNo, `${CREDIT_CODE}/2024-${String(nextSeq + 1).padStart(5, '0')}`);
  });

  test('labels, list filters and the inbox counts per role', async () => {
    const { drafter, head, secrecy } = t.people;
    const labels = json(await t.call(drafter, 'GET', '/api/disclosure/labels'));
    assert.equal(labels.states['secrecy-review'], '待保密审查');
    assert.equal(labels.channels.wechat, '政务微信公众号');
    const item = await createItemAs(t, drafter, { title: '唯一的标题甲乙丙' });
    await t.call(drafter, 'POST', `/api/items/${item.id}/submit`, {});
    const list = json(await t.call(head, 'GET', `/api/agencies/${t.bureauId}/items?q=${encodeURIComponent('甲乙丙')}&state=first-review`));
    assert.equal(list.total, 1);
    assert.equal(list.items[0].id, item.id);
    const headInbox = json(await t.call(head, 'GET', '/api/inbox'));
    const first = headInbox.tasks.find((x: any) => x.key === 'item:first-review');
    assert.ok(first.count >= 1 && first.entries.some((e: any) => e.id === item.id));
    assert.equal(first.name, '政府信息·科室负责人初审');
    const secrecyInbox = json(await t.call(secrecy, 'GET', '/api/inbox'));
    assert.deepEqual(secrecyInbox.tasks.map((x: any) => x.key), ['item:secrecy-review', 'matter:secrecy-review']);
  });

  test('a published item edited is a new draft; the public keeps the published version until the new one passes the chain; the 索引号 never changes', async () => {
    const { drafter, publisher } = t.people;
    const item = await createItemAs(t, drafter, { title: '修订前' });
    await approve(t, item.id);
    const first = json(await t.call(publisher, 'POST', `/api/items/${item.id}/publish`, { channels: ['portal'] }));
    const edited = await t.call(drafter, 'PUT', `/api/items/${item.id}`, { baseVersion: 1, title: '修订后', changedOn: '2024-03-04' });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.deepEqual([json(edited).item.state, json(edited).item.version, json(edited).item.publishedVersion], ['draft', 2, 1]);
    // Not on a channel before its own chain.
    const early = await t.call(publisher, 'POST', `/api/items/${item.id}/publish`, { channels: ['wechat'] });
    assert.equal(json(early).code, 'REVIEW_INCOMPLETE');
    await approve(t, item.id);
    const second = json(await t.call(publisher, 'POST', `/api/items/${item.id}/publish`, { channels: ['portal'] }));
    assert.deepEqual([second.state, second.publishedVersion, second.indexNo, second.publishedOn], ['published', 2, first.indexNo, first.publishedOn]);
    assert.deepEqual(second.publications.map((p: any) => p.version), [1, 2]);
  });

  test('an item marked 依申请公开 or 不予公开 is not put on a public channel', async () => {
    const { drafter, publisher } = t.people;
    const item = await createItemAs(t, drafter, { title: '不予公开的信息', disclosure: 'none' });
    await approve(t, item.id);
    const res = await t.call(publisher, 'POST', `/api/items/${item.id}/publish`, { channels: ['portal'] });
    assert.equal(res.statusCode, 409);
    assert.equal(json(res).code, 'NOT_ACTIVE_DISCLOSURE');
    assert.match(json(res).message, /公开属性为“不予公开”，不能主动发布/);
  });

  test('主题分类 is one of the 22 gov.cn classes, stored as gov.cn prints it; anything else is refused naming the field', async () => {
    const { drafter } = t.people;
    const item = await createItemAs(t, drafter, { theme: '综合政务／政务公开' });
    assert.equal(item.theme, '综合政务\\政务公开');
    const before = await counts();
    const bad = await t.call(drafter, 'POST', `/api/agencies/${t.bureauId}/items`, { title: '主题分类有误', writtenOn: '2024-03-01', theme: '02-05' });
    assert.equal(bad.statusCode, 400);
    assert.equal(json(bad).place?.field ?? json(bad).details?.place?.field ?? 'theme', 'theme');
    assert.match(json(bad).message, /主题分类“02-05”不在 22 个主题分类中/);
    assert.deepEqual(await counts(), before);
  });

  test('the leader can take back a sign-off before publication (撤回签发, with a reason); the item goes back to its drafter', async () => {
    const { drafter, leader, publisher } = t.people;
    const item = await createItemAs(t, drafter, { title: '签发后撤回' });
    await approve(t, item.id);
    const noReason = await t.call(leader, 'POST', `/api/items/${item.id}/review`, { step: 'sign-off', decision: 'return' });
    assert.equal(noReason.statusCode, 400);
    const back = await t.call(leader, 'POST', `/api/items/${item.id}/review`, { step: 'sign-off', decision: 'return', reason: '数据需重新核对' });
    assert.equal(back.statusCode, 200, back.body);
    assert.equal(json(back).state, 'returned');
    const publish = await t.call(publisher, 'POST', `/api/items/${item.id}/publish`, { channels: ['portal'] });
    assert.equal(json(publish).code, 'REVIEW_INCOMPLETE');
  });
});
