/**
 * The monthly checklist (互联网信息发布每月检查清理清单) over HTTP on SQLite and PostgreSQL: produced once per agency
 * and month (also under parallel requests), decisions with withdrawal through withdrawPublication, sign-off once
 * when every entry is decided, downloads as Excel and Word; bad inputs refused in Chinese, nothing half-written.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { readDocx } from '../../src/parse/read-docx.js';
import { createTestUser, signIn, type TestSession } from '../auth-helpers.js';
import { forEachDialect } from '../db-helpers.js';
import { json, sendJson, testApp, type TestApp } from './http-helpers.js';
import { APPROVED_NOTICE, insertItem, insertPublication } from '../disclosure-fixtures.js';

forEachDialect('monthly checklist API', (ctx) => {
  let t: TestApp;
  let reviewer: TestSession;
  let reader: TestSession;
  const pubs: Record<string, number> = {};
  let itemA: number;

  before(async () => {
    t = await testApp(ctx);
    const db = t.db.db;
    itemA = await insertItem(db, t.bureauId, { ...APPROVED_NOTICE, state: 'published', index_no: 'X/2026-00001', title: '甲通知', published_version: 1, published_on: '2026-03-05' });
    const itemB = await insertItem(db, t.bureauId, { ...APPROVED_NOTICE, state: 'published', index_no: 'X/2026-00002', title: '乙公告', published_version: 1, published_on: '2026-03-31' });
    const itemC = await insertItem(db, t.bureauId, { ...APPROVED_NOTICE, state: 'published', index_no: 'X/2026-00003', title: '丙（上月）', published_version: 1, published_on: '2026-02-28' });
    pubs.aPortal = await insertPublication(db, t.bureauId, itemA, 'portal', '2026-03-05');
    pubs.aWechat = await insertPublication(db, t.bureauId, itemA, 'wechat', '2026-03-06');
    pubs.bBoard = await insertPublication(db, t.bureauId, itemB, 'notice-board', '2026-03-31');
    pubs.cPortal = await insertPublication(db, t.bureauId, itemC, 'portal', '2026-02-28');
    pubs.aprPortal = await insertPublication(db, t.bureauId, itemC, 'wechat', '2026-04-01');
    // A catalogue publication of the month is not an item: not on the list.
    await db.insertInto('channel_publications').values({
      agency_id: t.bureauId, subject_kind: 'catalogue', subject_id: 1, subject_version: 1, channel: 'portal', published_on: '2026-03-10',
      published_at: '2026-03-10T02:00:00.000Z', actor: 'x', actor_id: null, withdrawn_at: null, withdrawn_by: null, withdrawn_by_id: null, withdrawal_reason: null,
    }).execute();
    await createTestUser(db, 'c-reviewer', ['secrecy-reviewer'], t.bureauId, { name: '保密审查员赵敏' });
    await createTestUser(db, 'c-reader', ['supervisor'], t.bureauId, { name: '监督员' });
    reviewer = await signIn(t.app, 'c-reviewer');
    reader = await signIn(t.app, 'c-reader');
  });
  after(async () => t?.close());

  const base = () => `/api/agencies/${t.bureauId}/checklists`;
  const counts = async () => {
    const n = async (table: 'monthly_checklists' | 'checklist_entries' | 'disclosure_events') =>
      Number((await t.db.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return { lists: await n('monthly_checklists'), entries: await n('checklist_entries'), events: await n('disclosure_events') };
  };

  test('producing in parallel gives one list with one entry per item publication of the month', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => sendJson(t.app, 'POST', base(), { month: '2026-03' }, reviewer.headers)));
    for (const r of results) assert.equal(r.statusCode, 200, r.body);
    const list = json(results[0]!);
    assert.equal(list.state, 'open');
    assert.equal(list.agencyName, '威海市环翠区行政审批服务局');
    assert.deepEqual(list.entries.map((e: { publicationId: number }) => e.publicationId), [pubs.aPortal, pubs.aWechat, pubs.bBoard]);
    assert.deepEqual(list.entries.map((e: { title: string }) => e.title), ['甲通知', '甲通知', '乙公告']);
    assert.equal(list.entries[0].publisher, '信息公开专职人员孙丽');
    for (const r of results) assert.equal(json(r).id, list.id);
    assert.deepEqual(await counts().then((c) => [c.lists, c.entries]), [1, 3]);
    const again = await sendJson(t.app, 'POST', base(), { month: '2026-03' }, reviewer.headers);
    assert.deepEqual(json(again).entries.length, 3);
    assert.equal((await counts()).entries, 3);
  });

  test('producing again adds a publication recorded after the list was made, and only that', async () => {
    const first = json(await sendJson(t.app, 'POST', base(), { month: '2026-04' }, reviewer.headers));
    assert.deepEqual(first.entries.map((e: { publicationId: number }) => e.publicationId), [pubs.aprPortal]);
    const later = await insertPublication(t.db.db, t.bureauId, itemA, 'led', '2026-04-30');
    const second = json(await sendJson(t.app, 'POST', base(), { month: '2026-04' }, reviewer.headers));
    assert.equal(second.id, first.id);
    assert.deepEqual(second.entries.map((e: { publicationId: number }) => e.publicationId), [pubs.aprPortal, later]);
    const events = await t.db.db.selectFrom('disclosure_events').select(['type', 'data']).where('subject_kind', '=', 'checklist').where('subject_id', '=', first.id).orderBy('id').execute();
    assert.deepEqual(events.map((e) => [e.type, JSON.parse(e.data!).added]), [['checklist-produced', 1], ['checklist-extended', 1]]);
  });

  test('a month in the wrong format is refused in Chinese, naming the month', async () => {
    for (const month of ['2026-3', '2026/03', '202603', '2026-13', 'x']) {
      const res = await sendJson(t.app, 'POST', base(), { month }, reviewer.headers);
      assert.equal(res.statusCode, 400, `${month}: ${res.body}`);
      assert.match(json(res).message, /月份格式不正确/);
      assert.equal(json(res).problems[0].place.field, 'month');
    }
    const get = await t.app.inject({ method: 'GET', url: `${base()}/2026-3`, headers: reader.headers });
    assert.equal(get.statusCode, 400);
    assert.match(json(get).message, /月份格式不正确/);
    assert.equal((await t.app.inject({ method: 'GET', url: `${base()}/2025-01`, headers: reader.headers })).statusCode, 404);
  });

  test('withdraw without a reason is refused; sign-off with undecided entries is refused; nothing is written', async () => {
    const list = json((await t.app.inject({ method: 'GET', url: `${base()}/2026-03`, headers: reader.headers })));
    const before = await counts();
    const noReason = await sendJson(t.app, 'PUT', `${base()}/2026-03/entries/${list.entries[1].id}`, { decision: 'withdraw', reason: '  ' }, reviewer.headers);
    assert.equal(noReason.statusCode, 400, noReason.body);
    assert.match(json(noReason).message, /撤回理由/);
    assert.equal(json(noReason).problems[0].place.field, 'reason');
    const early = await sendJson(t.app, 'POST', `${base()}/2026-03/sign-off`, undefined, reviewer.headers);
    assert.equal(early.statusCode, 409, early.body);
    assert.match(json(early).message, /还有 3 条信息未作出检查结论/);
    assert.deepEqual(await counts(), before);
    const pub = await t.db.db.selectFrom('channel_publications').selectAll().where('id', '=', pubs.aWechat!).executeTakeFirstOrThrow();
    assert.equal(pub.withdrawn_at, null);
    // A reader without checklist.review may look but not decide.
    const forbidden = await sendJson(t.app, 'PUT', `${base()}/2026-03/entries/${list.entries[0].id}`, { decision: 'keep' }, reader.headers);
    assert.equal(forbidden.statusCode, 403);
  });

  test('keep and withdraw: the withdrawal takes the publication off its channel once, with an event; the item stays', async () => {
    const list = json((await t.app.inject({ method: 'GET', url: `${base()}/2026-03`, headers: reader.headers })));
    const [portal, wechat, board] = list.entries;
    const keep = await sendJson(t.app, 'PUT', `${base()}/2026-03/entries/${portal.id}`, { decision: 'keep' }, reviewer.headers);
    assert.equal(keep.statusCode, 200, keep.body);
    const withdraw = await sendJson(t.app, 'PUT', `${base()}/2026-03/entries/${wechat.id}`, { decision: 'withdraw', reason: '数据有误，更正后重新发布' }, reviewer.headers);
    assert.equal(withdraw.statusCode, 200, withdraw.body);
    const entry = json(withdraw).entries[1];
    assert.equal(entry.decision, 'withdraw');
    assert.equal(entry.decidedBy, '保密审查员赵敏');
    assert.ok(entry.withdrawnAt);
    const pub = await t.db.db.selectFrom('channel_publications').selectAll().where('id', '=', pubs.aWechat!).executeTakeFirstOrThrow();
    assert.equal(pub.withdrawn_by, '保密审查员赵敏');
    assert.equal(pub.withdrawal_reason, '数据有误，更正后重新发布');
    const event = await t.db.db.selectFrom('disclosure_events').selectAll().where('type', '=', 'withdrawn').executeTakeFirstOrThrow();
    assert.equal(event.subject_kind, 'item');
    assert.equal(event.subject_id, itemA);
    assert.deepEqual(JSON.parse(event.data!), { publicationId: pubs.aWechat, channel: 'wechat', version: 1, old: 'published', new: 'withdrawn', reason: '数据有误，更正后重新发布' });
    assert.ok(await t.db.db.selectFrom('items').select('id').where('id', '=', itemA).executeTakeFirst(), 'the item stays on record');
    // A withdrawal is final.
    const back = await sendJson(t.app, 'PUT', `${base()}/2026-03/entries/${wechat.id}`, { decision: 'keep' }, reviewer.headers);
    assert.equal(back.statusCode, 409);
    assert.match(json(back).message, /已撤回/);
    // Keep may still become withdraw before sign-off; then the board entry.
    const kept = await sendJson(t.app, 'PUT', `${base()}/2026-03/entries/${board.id}`, { decision: 'keep' }, reviewer.headers);
    assert.equal(kept.statusCode, 200);
    const unknown = await sendJson(t.app, 'PUT', `${base()}/2026-03/entries/999999`, { decision: 'keep' }, reviewer.headers);
    assert.equal(unknown.statusCode, 404);
    const badDecision = await sendJson(t.app, 'PUT', `${base()}/2026-03/entries/${board.id}`, { decision: 'delete' }, reviewer.headers);
    assert.equal(badDecision.statusCode, 400);
  });

  test('sign-off records the signed-in person once and freezes the entries', async () => {
    const signed = await sendJson(t.app, 'POST', `${base()}/2026-03/sign-off`, undefined, reviewer.headers);
    assert.equal(signed.statusCode, 200, signed.body);
    assert.equal(json(signed).state, 'signed');
    assert.equal(json(signed).signedBy, '保密审查员赵敏');
    const twice = await sendJson(t.app, 'POST', `${base()}/2026-03/sign-off`, undefined, reviewer.headers);
    assert.equal(twice.statusCode, 409);
    assert.match(json(twice).message, /已签字/);
    const entryId = json(signed).entries[0].id;
    const frozen = await sendJson(t.app, 'PUT', `${base()}/2026-03/entries/${entryId}`, { decision: 'withdraw', reason: '迟到的撤回' }, reviewer.headers);
    assert.equal(frozen.statusCode, 409);
    assert.match(json(frozen).message, /已签字/);
    // Producing a signed month returns it as it is.
    const again = await sendJson(t.app, 'POST', base(), { month: '2026-03' }, reviewer.headers);
    assert.equal(json(again).state, 'signed');
    const list = await t.app.inject({ method: 'GET', url: base(), headers: reader.headers });
    assert.deepEqual(json(list).map((l: { month: string; state: string }) => [l.month, l.state]), [['2026-04', 'open'], ['2026-03', 'signed']]);
  });

  test('downloads: Excel cells and Word text carry the rows and the signature', async () => {
    const xlsx = await t.app.inject({ method: 'GET', url: `${base()}/2026-03.xlsx`, headers: reader.headers });
    assert.equal(xlsx.statusCode, 200, xlsx.body);
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
    assert.match(decodeURIComponent(String(xlsx.headers['content-disposition'])), /互联网信息发布每月检查清理清单（2026年3月）\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)));
    assert.deepEqual(row(5).slice(0, 9), ['2', 'X/2026-00001', '甲通知', '政务微信公众号', '2026年3月6日', '信息公开专职人员孙丽', '撤回', '数据有误，更正后重新发布', '保密审查员赵敏']);
    assert.equal(row(4)[6], '保留');
    assert.match(row(8)[0]!, /审核签字：保密审查员赵敏/);
    const docx = await t.app.inject({ method: 'GET', url: `${base()}/2026-03.docx`, headers: reader.headers });
    assert.equal(docx.statusCode, 200);
    const text = (await readDocx(docx.rawPayload)).blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.table.rows.flat().map((c) => c.text).join('|'))).join('\n');
    assert.match(text, /乙公告\|公开栏/);
    assert.match(text, /审核签字：保密审查员赵敏/);
    assert.equal((await t.app.inject({ method: 'GET', url: `${base()}/2026-03.pdf`, headers: reader.headers })).statusCode, 400);
    assert.equal((await t.app.inject({ method: 'GET', url: `${base()}/2025-01.xlsx`, headers: reader.headers })).statusCode, 404);
  });
});
