/**
 * 政务服务事项 through the services on SQLite and PostgreSQL: the demo bureau's generated list (its shares, themes and
 * levels as the plan says, checkable by hand), a matter through the chain with every version kept, and the bad inputs
 * of issue 12 (no legal basis, a promised time limit longer than the statutory one), each leaving nothing stored.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Kysely } from 'kysely';
import { fixedClock } from '../../src/core/clock.js';
import { ValidationError } from '../../src/core/errors.js';
import type { Database } from '../../src/db/schema.js';
import { demoMatter } from '../../src/demo/demo-matters.js';
import { DEMO_BUREAU, ensureDemoData } from '../../src/demo/seed-demo.js';
import { hallService } from '../../src/matters/hall.service.js';
import { inbox } from '../../src/disclosure/inbox.js';
import { listMatterRows } from '../../src/matters/matter.repository.js';
import '../../src/matters/matter-inbox.js';
import { abolishedGuide, guideForQr, publishedGuide } from '../../src/matters/matter-public.js';
import { matterService } from '../../src/matters/matter.service.js';
import { forEachDialect } from '../db-helpers.js';

const clock = fixedClock('2026-03-02T02:00:00.000Z');

forEachDialect('service matters', (ctx) => {
  let db: Kysely<Database>;
  let bureauId: number;
  const actor = (login: string) => db.selectFrom('users').select(['id', 'name']).where('login', '=', login).executeTakeFirstOrThrow().then((u) => ({ id: Number(u.id), name: u.name }));

  before(async () => {
    db = (await ctx.fresh()).db;
    await ensureDemoData(db, clock, { matters: true });
    bureauId = Number((await db.selectFrom('agencies').select('id').where('name', '=', DEMO_BUREAU).executeTakeFirstOrThrow()).id);
  });

  test('the demo list as of 2019-12-31: the plan\'s counts and shares, themes and levels', async () => {
    const d = await hallService(db, clock).dashboard(bureauId, 2019);
    assert.deepEqual(d.matters.counts, { total: 120, online: 108, fullyOnline: 77, atMostOnce: 118, zeroVisit: 25, mailDelivery: 40 });
    assert.equal(d.matters.shares.atMostOnce.percent, 98.3);
    assert.equal(d.matters.shares.online.percent, 90);
    assert.equal(d.matters.shares.fullyOnlineOfOnline.percent, 71.3);
    assert.deepEqual(d.levels.map((l) => [l.level, l.count]), [['district', 120], ['town', 40], ['community', 28], ['village', 21]]);
    assert.equal(d.themes.reduce((s, t) => s + t.count, 0), 120);
    assert.equal(d.themes.filter((t) => t.key.startsWith('person:')).reduce((s, t) => s + t.count, 0), 60);
    // The seed's hall figures: 264 windows, 420,000 transactions, 496 certificates mailed.
    assert.deepEqual(d.totals, { windows: 264, transactions: 420_000, certificatesMailed: 496 });
    // Half-way through the year only the matters published by then count.
    const mid = await hallService(db, clock).dashboard(bureauId, 2019, '2019-05-31');
    assert.ok(mid.matters.counts.total > 0 && mid.matters.counts.total < 120, String(mid.matters.counts.total));
  });

  test('a matter through the chain, each version kept; a new version is not public until published', async () => {
    const [jingban, kezhang, baomi, lingdao, gongkai] = await Promise.all(['jingban', 'kezhang', 'baomi', 'lingdao', 'gongkai'].map(actor));
    const s = matterService(db, clock);
    const content = { ...demoMatter(1), code: 'TEST-0001', name: '测试事项' };
    const created = await db.transaction().execute((trx) => matterService(trx, clock).create(bureauId, content, jingban!));
    assert.equal(created.version, 1);
    const saved = await db.transaction().execute((trx) => matterService(trx, clock).save(created.id, { baseVersion: 1, content: { ...content, promisedDays: 3 } }, jingban!));
    assert.equal(saved.version, 2);
    await assert.rejects(db.transaction().execute((trx) => matterService(trx, clock).save(created.id, { baseVersion: 1, content }, jingban!)), /已由他人保存为第 2 版.*承诺办结时限/);
    await db.transaction().execute((trx) => matterService(trx, clock).submit(created.id, jingban!));
    await assert.rejects(db.transaction().execute(async (trx) => matterService(trx, clock).decide(created.id, { step: 'first-review', decision: "pass" }, jingban!)), /不能审核|起草/);
    await db.transaction().execute(async (trx) => matterService(trx, clock).decide(created.id, { step: 'first-review', decision: 'pass' }, kezhang!));
    await db.transaction().execute(async (trx) => matterService(trx, clock).decide(created.id, { step: 'secrecy-review', decision: 'pass', form: { channelsFit: { portal: true } } }, baomi!));
    await db.transaction().execute(async (trx) => matterService(trx, clock).decide(created.id, { step: 'sign-off', decision: 'pass' }, lingdao!));
    const published = await db.transaction().execute(async (trx) => matterService(trx, clock).publish(created.id, ['portal'], gongkai!));
    assert.equal(published.publishedVersion, 2);
    assert.equal(published.state, 'published');
    assert.deepEqual(published.versions.map((v) => v.version), [2, 1]);
    assert.deepEqual((await s.view(created.id, 1)).content.promisedDays, content.promisedDays);
  });

  test('事项取消: an abolishing version through the chain; then gone from lists, search and shares from that day, its page says why', async () => {
    const [jingban, kezhang, baomi, lingdao, gongkai] = await Promise.all(['jingban', 'kezhang', 'baomi', 'lingdao', 'gongkai'].map(actor));
    const on = (day: string) => fixedClock(`${day}T02:00:00.000Z`);
    const run = <T>(day: string, f: (s: ReturnType<typeof matterService>) => Promise<T>) => db.transaction().execute((trx) => f(matterService(trx, on(day))));
    const through = async (id: number, day: string) => {
      await run(day, (s) => s.submit(id, jingban!));
      await run(day, (s) => s.decide(id, { step: 'first-review', decision: 'pass' }, kezhang!));
      await run(day, (s) => s.decide(id, { step: 'secrecy-review', decision: 'pass', form: { channelsFit: { portal: true } } }, baomi!));
      await run(day, (s) => s.decide(id, { step: 'sign-off', decision: 'pass' }, lingdao!));
      return run(day, (s) => s.publish(id, ['portal'], gongkai!));
    };
    const content = { ...demoMatter(4), code: 'TEST-ABOLISH', name: '待取消的测试事项' };
    const created = await run('2026-03-02', (s) => s.create(bureauId, content, jingban!));
    // Never published: nothing to abolish.
    await assert.rejects(run('2026-03-02', (s) => s.abolish(created.id, { baseVersion: 1, reason: '测试' }, jingban!)), /尚未发布.*无需取消/);
    await through(created.id, '2026-03-02');
    const count = async (day: string) => (await hallService(db, clock).dashboard(bureauId, 2026, day)).matters.counts.total;
    const before = await count('2026-03-31');
    // No reason, a stale base: refused, nothing stored.
    await assert.rejects(run('2026-04-01', (s) => s.abolish(created.id, { baseVersion: 1, reason: '  ' }, jingban!)), (e: unknown) => e instanceof ValidationError && /请填写取消理由/.test(e.message));
    await assert.rejects(run('2026-04-01', (s) => s.abolish(created.id, { baseVersion: 0, reason: '依据区政府文件取消' }, jingban!)), /已由他人保存为第 1 版/);
    assert.equal((await matterService(db, clock).view(created.id)).versions.length, 1);

    const drafted = await run('2026-04-01', (s) => s.abolish(created.id, { baseVersion: 1, reason: '依据区政府文件取消' }, jingban!));
    assert.equal(drafted.version, 2);
    assert.equal(drafted.state, 'draft');
    assert.deepEqual(drafted.abolition, { reason: '依据区政府文件取消' });
    assert.equal(drafted.abolished, null);
    await assert.rejects(run('2026-04-01', (s) => s.abolish(created.id, { baseVersion: 2, reason: '再次' }, jingban!)), /取消已在办理/);
    // Until the abolition is published the guide stays public.
    assert.equal((await publishedGuide(db, created.id)).version, 1);
    const done = await through(created.id, '2026-04-01');
    assert.deepEqual(done.abolished, { on: '2026-04-01', reason: '依据区政府文件取消' });
    assert.deepEqual(done.versions.map((v) => [v.version, v.abolishing]), [[2, true], [1, false]]);

    await assert.rejects(publishedGuide(db, created.id), /已于 2026-04-01 取消/);
    assert.deepEqual(await abolishedGuide(db, created.id), {
      id: created.id, agencyName: DEMO_BUREAU, name: content.name, code: content.code, abolishedOn: '2026-04-01', reason: '依据区政府文件取消',
    });
    await assert.rejects(guideForQr(db, created.id), /已于 2026-04-01 取消，不再生成二维码/);
    const publicList = await listMatterRows(db, true, { agencyId: bureauId, q: 'TEST-ABOLISH' }, { offset: 0, limit: 10 });
    assert.equal(publicList.total, 0);
    const officeList = await matterService(db, clock).list({ agencyId: bureauId, q: 'TEST-ABOLISH' }, { offset: 0, limit: 10 });
    assert.equal(officeList.matters[0]?.abolishing, true);
    const indexed = await db.selectFrom('search_documents').select('id').where('doc_kind', '=', 'matter').where('doc_id', '=', String(created.id)).execute();
    assert.equal(indexed.length, 0);
    // The shares: counted until the day before, not from the day of the abolition.
    assert.equal(await count('2026-03-31'), before);
    assert.equal(await count('2026-04-01'), before - 1);
    // Abolished: no further abolition.
    await assert.rejects(run('2026-04-02', (s) => s.abolish(created.id, { baseVersion: 2, reason: '再次' }, jingban!)), /已于 2026-04-01 取消/);
  });

  test('待我处理: a matter waiting for 初审 is in the reviewer\'s inbox, not in its author\'s; returned, it is back with the author', async () => {
    const [jingban, kezhang] = await Promise.all(['jingban', 'kezhang'].map(actor));
    const content = { ...demoMatter(5), code: 'TEST-INBOX', name: '待办测试事项' };
    const created = await db.transaction().execute((trx) => matterService(trx, clock).create(bureauId, content, jingban!));
    await db.transaction().execute((trx) => matterService(trx, clock).submit(created.id, jingban!));
    const person = (user: { id: number }) => ({ userId: user.id, agenciesWith: async () => [bureauId] });
    const task = async (user: { id: number }, key: string) => (await inbox(db, person(user))).tasks.find((t) => t.key === key);
    const reviewer = await task(kezhang!, 'matter:first-review');
    assert.equal(reviewer?.name, '办事指南·科室负责人初审');
    assert.ok(reviewer!.entries.some((e) => e.id === created.id && e.title === '待办测试事项办事指南' && e.agencyId === bureauId));
    assert.ok(!(await task(jingban!, 'matter:first-review'))!.entries.some((e) => e.id === created.id));
    await db.transaction().execute((trx) => matterService(trx, clock).decide(created.id, { step: 'first-review', decision: 'return', reason: '请补充办理地点' }, kezhang!));
    assert.ok((await task(jingban!, 'matter:returned'))!.entries.some((e) => e.id === created.id));
    assert.ok(!(await task(kezhang!, 'matter:returned'))!.entries.some((e) => e.id === created.id));
  });

  test('bad input: no legal basis, promised longer than statutory, unknown office or theme — a Chinese message, nothing stored', async () => {
    const jingban = await actor('jingban');
    const before = Number((await db.selectFrom('matters').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const base = { ...demoMatter(2), code: 'TEST-BAD' };
    const attempt = (content: unknown) => db.transaction().execute((trx) => matterService(trx, clock).create(bureauId, content, jingban!));
    await assert.rejects(attempt({ ...base, legalBasis: [] }), (e: unknown) => e instanceof ValidationError && /事项缺少设定依据/.test(e.message));
    await assert.rejects(attempt({ ...base, statutoryDays: 10, promisedDays: 15 }), /承诺办结时限（15 个工作日）不能长于法定办结时限（10 个工作日）/);
    await assert.rejects(attempt({ ...base, office: '不存在的科' }), /实施主体“不存在的科”不在本机关登记的实施主体名单中/);
    await assert.rejects(attempt({ ...base, themes: ['legal:404'] }), /主题分类“legal:404”不存在或已停用/);
    await assert.rejects(attempt({ ...base, flags: { ...base.flags, online: false, fullyOnline: true } }), /全程网办的事项必须可网办/);
    const after = Number((await db.selectFrom('matters').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    assert.equal(after, before);
  });
});
