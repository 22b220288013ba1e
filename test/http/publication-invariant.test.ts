/**
 * THE INVARIANT of 先审查、后公开 (issue 9 §3), on SQLite and PostgreSQL: nothing reaches a public channel without
 * every review step passed.
 *
 * 1. Many random sequences of API calls (create, edit — fresh or stale —, attachments, submit, review pass/return
 *    by random people including the drafter and people holding every role, resolve findings, publish), driven by a
 *    seeded PRNG. Then, on the database: every channel_publications row of a platform item has, for the version
 *    published (or the version it only redacts), passed 初审, 保密审查 and 签发 after its last submission, with no
 *    return in between, none by an author of the version, the channel cleared by that secrecy review's form.
 * 2. Every write route of route-policy.ts other than the item publish route, called with plausible bodies on an
 *    approved item by someone holding every role, inserts no channel_publications row of a platform item (the import
 *    route records the channels of items published before the platform: origin 'imported').
 * 3. Items of origin 'imported' (brought in through the import route) are the only published items without steps.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ROUTE_POLICY } from '../../src/http/access/route-policy.js';
import { BUSINESS_ROLES, createTestUser, defaultSessionsOf, signIn, type TestSession } from '../auth-helpers.js';
import { forEachDialect } from '../db-helpers.js';
import { makePdf, pdfText } from '../inspect/fixtures.js';
import { json } from './http-helpers.js';
import { publicationChainProblems } from './publication-chain-check.js';
import { addCatalogue, csvOf, row } from '../disclosure/item-import-helpers.js';
import { approve, createItemAs, FORM, itemTestApp, type ItemTestApp } from './item-helpers.js';
import { seededRandom } from '../../src/core/seeded-random.js';

const SEED = 20261204;
/** Sequences (one seed each) and calls per sequence. */
const SEQUENCES = 3;
const ACTIONS = 150;
const ID = '11010519491231002X';

const pdf = (text: string) => Buffer.from(makePdf([{ content: pdfText(72, 700, text) }]));

forEachDialect('the publication invariant (先审查、后公开)', (ctx) => {
  let t: ItemTestApp;
  let people: TestSession[];
  before(async () => {
    t = await itemTestApp(ctx);
    await createTestUser(t.db.db, 'inv-all', BUSINESS_ROLES, t.bureauId, { name: '身兼数职的老周' });
    const tester = defaultSessionsOf(t.app)!.tester;
    people = [...Object.values(t.people), tester, await signIn(t.app, 'inv-all')];
    // Items published before the platform, brought in through the import route (published, with their channels, no steps).
    await addCatalogue(t.db.db, t.bureauId);
    const imported = await t.app.inject({
      method: 'POST', url: `/api/agencies/${t.bureauId}/items/import?fileName=old.csv`, headers: { ...tester.headers, 'content-type': 'text/csv' },
      payload: csvOf([row(1, { 发布机构: '某区某局' }), row(2, { 发布机构: '某区某局' })]),
    });
    assert.ok(imported.statusCode < 300, imported.body);
  });
  after(async () => { await t?.close(); });

  /** Publications of items written on the platform (an import brings its own, of items published before it). */
  const pubCount = async () => Number((await t.db.db.selectFrom('channel_publications')
    .innerJoin('items', (j) => j.onRef('items.id', '=', 'channel_publications.subject_id'))
    .select((eb) => eb.fn.countAll().as('n'))
    .where('channel_publications.subject_kind', '=', 'item').where('items.origin', '=', 'platform').executeTakeFirstOrThrow()).n);

  test('random sequences of API calls never publish without the full chain', async () => {
    const tally: Record<string, number> = {};
    for (let sequence = 0; sequence < SEQUENCES; sequence++) {
      const r = seededRandom(SEED + sequence);
      // Each sequence works on items of its own.
      const ids: number[] = [];
      const channelsPool = ['portal', 'wechat', 'led', 'notice-board'];
      const { drafter, head, secrecy, leader, publisher } = t.people;
      const [tester, all] = people.slice(5) as [TestSession, TestSession];
      // Mostly someone holding the permission the action needs (so the chain moves), sometimes anyone at all.
      const likely: Record<string, TestSession[]> = {
        write: [drafter, head, tester, all], 'first-review': [head, tester, all], 'secrecy-review': [secrecy, tester, all],
        'sign-off': [leader, tester, all], resolve: [secrecy, tester, all], publish: [publisher, tester, all],
      };
      for (let i = 0; i < ACTIONS; i++) {
        // Now and then an item that went through the chain joins the pool (publishing it is left to the random calls).
        if (i % 80 === 40) ids.push((await approve(t, (await createItemAs(t, drafter, { title: `签发${i}` })).id)).id);
        const id = ids.length > 0 ? r.pick(ids) : 0;
        const current = id ? json(await t.call(tester, 'GET', `/api/items/${id}`)) : null;
        const action = ids.length < 3 ? 'create' : r.pick(['create', 'edit', 'upload', 'unattach', 'submit', 'submit', 'review', 'review', 'review', 'review', 'review', 'resolve', 'publish', 'publish']);
        const role = action === 'review' ? (['first-review', 'secrecy-review', 'sign-off'].includes(current.state) ? current.state : 'first-review')
          : action === 'resolve' || action === 'publish' ? action : 'write';
        const who = r.chance(0.75) ? r.pick(likely[role]!) : r.pick(people);
        let res;
        switch (action) {
          case 'create':
            res = await t.call(who, 'POST', `/api/agencies/${t.bureauId}/items`, {
              title: `随机信息${i}`, writtenOn: '2024-02-2' + r.int(9), bodyHtml: r.chance(0.3) ? `<p>身份证 ${ID}</p>` : '<p>正文</p>',
            });
            if (res.statusCode === 201) ids.push(json(res).item.id);
            break;
          case 'edit':
            res = await t.call(who, 'PUT', `/api/items/${id}`, { baseVersion: r.chance(0.8) ? current.version : Math.max(1, current.version - 1), summary: `改${i}` });
            break;
          case 'upload': {
            const boundary = 'inv-boundary';
            const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="f${i}.pdf"\r\n\r\n`),
              pdf(r.chance(0.5) ? `list ${ID}` : `plain ${i}`), Buffer.from(`\r\n--${boundary}--\r\n`)]);
            res = await t.app.inject({ method: 'POST', url: `/api/items/${id}/attachments`, payload, headers: { ...who.headers, 'content-type': `multipart/form-data; boundary=${boundary}` } });
            break;
          }
          case 'unattach':
            res = current.attachments.length > 0
              ? await t.call(who, 'DELETE', `/api/items/${id}/attachments/${current.attachments[0].hash}`)
              : await t.call(who, 'GET', `/api/items/${id}`);
            break;
          case 'submit':
            res = await t.call(who, 'POST', `/api/items/${id}/submit`, {});
            break;
          case 'review': {
            const step = r.chance(0.7) && ['first-review', 'secrecy-review', 'sign-off'].includes(current.state) ? current.state : r.pick(['first-review', 'secrecy-review', 'sign-off']);
            const fit = Object.fromEntries(channelsPool.filter(() => r.chance(0.6)).map((c) => [c, true]));
            res = await t.call(who, 'POST', `/api/items/${id}/review`, {
              step, decision: r.chance(0.8) ? 'pass' : 'return', ...(r.chance(0.8) ? { reason: '请修改' } : {}),
              ...(r.chance(0.85) ? { form: { ...FORM, channelsFit: Object.keys(fit).length ? fit : { portal: true } } } : {}),
            });
            break;
          }
          case 'resolve': {
            const open = current.findings.filter((f: any) => f.resolution === null);
            res = open.length > 0
              ? await t.call(who, 'POST', `/api/items/${id}/findings/${r.pick(open as any[]).id}/resolve`, r.chance(0.5) ? { resolution: 'removed' } : { resolution: 'confirmed', reason: '已核实' })
              : await t.call(who, 'GET', `/api/items/${id}/findings`);
            break;
          }
          case 'publish':
            res = await t.call(who, 'POST', `/api/items/${id}/publish`, { channels: channelsPool.filter(() => r.chance(0.5)).concat(['portal']) });
            break;
        }
        assert.ok(res!.statusCode < 500, `${action}: ${res!.statusCode} ${res!.body}`);
        const key = `${action} ${res!.statusCode}`;
        tally[key] = (tally[key] ?? 0) + 1;
      }
    }
    // The sequences are not vacuous: things were published, and refusals happened.
    assert.ok((tally['publish 200'] ?? 0) >= 1, JSON.stringify(tally));
    assert.ok((tally['review 403'] ?? 0) + (tally['review 409'] ?? 0) >= 5, JSON.stringify(tally));
    await assertInvariant();
  });

  test('no write route other than the publish route puts an item on a channel', async () => {
    const tester = defaultSessionsOf(t.app)!.tester;
    const item = await createItemAs(t, t.people.drafter, { title: '已签发待发布' });
    const approved = await approve(t, item.id);
    const before = await pubCount();
    const bodies = [
      {},
      {
        channels: ['portal', 'wechat'], step: 'sign-off', decision: 'pass', form: FORM, baseVersion: approved.version, title: '改', writtenOn: '2024-03-01',
        resolution: 'confirmed', reason: '理由', agencyId: t.bureauId, subjectKind: 'item', subjectId: item.id, publicationId: 1,
      },
    ];
    const calls: string[] = [];
    for (const key of Object.keys(ROUTE_POLICY)) {
      const [method, path] = key.split(' ') as [string, string];
      if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) continue;
      if (key === 'POST /api/items/:id/publish' || key === 'DELETE /api/session') continue;
      const url = path.replace(/:([A-Za-z]+)/g, (_m, name: string) =>
        name === 'id' && path.startsWith('/api/items/') ? String(item.id)
          : name === 'agencyId' || (name === 'id' && path.startsWith('/api/agencies/')) ? String(t.bureauId)
            : name === 'hash' ? approved.attachments[0]?.hash ?? '0'.repeat(64) : name === 'year' ? '2024' : '1');
      for (const body of bodies) {
        const res = await t.call(tester, method as 'POST', url, body);
        calls.push(`${key} → ${res.statusCode}`);
      }
      assert.equal(await pubCount(), before, `${key} put an item on a channel`);
    }
    assert.ok(calls.length > 20, calls.join('\n'));
    // And the publish route does, once the chain is complete.
    assert.equal((await t.call(t.people.publisher, 'POST', `/api/items/${item.id}/publish`, { channels: ['portal'] })).statusCode, 200);
    assert.equal(await pubCount(), before + 1);
    await assertInvariant();
  });

  test('the check itself catches a publication that skipped the chain', async () => {
    const item = await createItemAs(t, t.people.drafter, { title: '未经审核' });
    await t.db.db.insertInto('channel_publications').values({
      agency_id: t.bureauId, subject_kind: 'item', subject_id: item.id, subject_version: 1, channel: 'portal', published_on: '2024-03-04',
      published_at: '2024-03-04T02:00:00.000Z', actor: '绕过审核', actor_id: null, withdrawn_at: null, withdrawn_by: null, withdrawn_by_id: null, withdrawal_reason: null,
    }).execute();
    await assert.rejects(assertInvariant(), /never submitted/);
  });

  /** The invariant, on the database. */
  async function assertInvariant(): Promise<void> {
    const db = t.db.db;
    const items = new Map((await db.selectFrom('items').selectAll().execute()).map((i) => [i.id, i]));
    const { problems, checked } = await publicationChainProblems(db);
    assert.deepEqual(problems, []);
    assert.ok(checked >= 2, 'publications were checked');

    // Only imported items are published without steps.
    const withSteps = new Set((await db.selectFrom('review_steps').select('subject_id').where('subject_kind', '=', 'item').execute()).map((s) => s.subject_id));
    const publishedWithout = [...items.values()].filter((i) => i.published_version !== null && !withSteps.has(i.id));
    assert.deepEqual(publishedWithout.map((i) => i.origin).filter((o) => o !== 'imported'), []);
    assert.ok(publishedWithout.filter((i) => i.origin === 'imported').length >= 2, 'the imported items are there');
  }
});
