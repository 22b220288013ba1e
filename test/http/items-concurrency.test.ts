/**
 * Items under concurrency, on SQLite and PostgreSQL, over real HTTP (the app listening on a port, requests
 * started together; on PostgreSQL a pool runs the transactions side by side): 20 items published at once get
 * 20 distinct consecutive 索引号; two reviewers passing the same step at once — exactly one succeeds, the other is
 * refused (REVIEW_STALE or REVIEW_OUT_OF_ORDER) and leaves nothing behind.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestUser, signIn, type TestSession } from '../auth-helpers.js';
import { forEachDialect } from '../db-helpers.js';
import { makePdf, pdfText } from '../inspect/fixtures.js';
import { approve, createItemAs, CREDIT_CODE, itemTestApp, type ItemTestApp } from './item-helpers.js';

const N = 20;

forEachDialect('items under concurrency', (ctx) => {
  let t: ItemTestApp;
  let address: string;
  before(async () => {
    t = await itemTestApp(ctx);
    address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(async () => { await t?.close(); });

  const send = async (who: TestSession, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${address}${path}`, {
      method, headers: { ...who.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, json: JSON.parse(text) as any, text };
  };

  test(`${N} items published at once: ${N} distinct consecutive 索引号`, async () => {
    const ids: number[] = [];
    for (let i = 0; i < N; i++) {
      const item = await createItemAs(t, t.people.drafter, { title: `并发发布第${i + 1}条` });
      await approve(t, item.id);
      ids.push(item.id);
    }
    const results = await Promise.all(ids.map((id) => send(t.people.publisher, 'POST', `/api/items/${id}/publish`, { channels: ['portal'] })));
    assert.deepEqual(results.map((r) => r.status), ids.map(() => 200), results.map((r) => r.text).join('\n'));
    const numbers = results.map((r) => r.json.indexNo as string).sort();
    assert.deepEqual(numbers, Array.from({ length: N }, (_, i) => `${CREDIT_CODE}/2024-${String(i + 1).padStart(5, '0')}`));
    const pubs = await t.db.db.selectFrom('channel_publications').select(['subject_id']).where('subject_kind', '=', 'item').execute();
    assert.equal(pubs.length, N);
  });

  test('the same item published twice at once: one publication per channel, one 索引号', async () => {
    const item = await createItemAs(t, t.people.drafter, { title: '重复发布' });
    await approve(t, item.id);
    const results = await Promise.all([1, 2].map(() => send(t.people.publisher, 'POST', `/api/items/${item.id}/publish`, { channels: ['portal'] })));
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 409], results.map((r) => r.text).join('\n'));
    const refused = results.find((r) => r.status === 409)!;
    assert.ok(['ALREADY_PUBLISHED', 'REVIEW_STALE'].includes(refused.json.code), refused.text);
    const pubs = await t.db.db.selectFrom('channel_publications').selectAll().where('subject_kind', '=', 'item').where('subject_id', '=', item.id).execute();
    assert.equal(pubs.length, 1);
  });

  test('two reviewers pass the same step at once: exactly one succeeds, nothing half-written', async () => {
    const db = t.db.db;
    await createTestUser(db, 'c-head-2', ['office-head'], t.bureauId, { name: '科室负责人老陈' });
    const second = await signIn(t.app, 'c-head-2');
    for (let round = 0; round < 5; round++) {
      const item = await createItemAs(t, t.people.drafter, { title: `并发初审第${round + 1}条` });
      assert.equal((await send(t.people.drafter, 'POST', `/api/items/${item.id}/submit`, {})).status, 200);
      const results = await Promise.all([t.people.head, second].map((who) =>
        send(who, 'POST', `/api/items/${item.id}/review`, { step: 'first-review', decision: 'pass' })));
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 409], results.map((r) => r.text).join('\n'));
      const refused = results.find((r) => r.status === 409)!;
      assert.ok(['REVIEW_STALE', 'REVIEW_OUT_OF_ORDER'].includes(refused.json.code), refused.text);
      const steps = await db.selectFrom('review_steps').selectAll().where('subject_kind', '=', 'item').where('subject_id', '=', item.id).where('step', '=', 'first-review').execute();
      assert.equal(steps.length, 1);
      const events = await db.selectFrom('disclosure_events').selectAll().where('subject_kind', '=', 'item').where('subject_id', '=', item.id).where('type', '=', 'review-passed').execute();
      assert.equal(events.length, 1);
      const row = await db.selectFrom('items').select(['state']).where('id', '=', item.id).executeTakeFirstOrThrow();
      assert.equal(row.state, 'secrecy-review');
    }
  });

  test('two saves from the same version at once: one new version, the other STALE_VERSION', async () => {
    const item = await createItemAs(t, t.people.drafter, { title: '并发修改' });
    for (let round = 0; round < 3; round++) {
      const base = round + 1;
      const results = await Promise.all([t.people.drafter, t.people.head].map((who, i) =>
        send(who, 'PUT', `/api/items/${item.id}`, { baseVersion: base, summary: `第${round}轮第${i}人` })));
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 409], results.map((r) => r.text).join('\n'));
      assert.equal(results.find((r) => r.status === 409)!.json.code, 'STALE_VERSION');
    }
    const versions = await t.db.db.selectFrom('item_versions').select('version').where('item_id', '=', item.id).orderBy('version').execute();
    assert.deepEqual(versions.map((v) => v.version), [1, 2, 3, 4]);
  });

  test('the same new file attached to two items at once: both attached, the bytes stored once', async () => {
    const a = await createItemAs(t, t.people.drafter, { title: '并发附件甲' });
    const b = await createItemAs(t, t.people.drafter, { title: '并发附件乙' });
    const bytes = Buffer.from(makePdf([{ content: pdfText(72, 700, `Concurrent ${Date.now()}`) }]));
    const boundary = 'concurrent-boundary';
    const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n`), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const results = await Promise.all([a.id, b.id].map(async (id) => {
      const res = await fetch(`${address}/api/items/${id}/attachments`, {
        method: 'POST', body: payload, headers: { ...t.people.drafter.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
      return { status: res.status, json: await res.json() as any };
    }));
    assert.deepEqual(results.map((r) => r.status), [201, 201], JSON.stringify(results));
    const hash = results[0]!.json.attachments[0].hash;
    assert.equal(results[1]!.json.attachments[0].hash, hash);
    const blobs = await t.db.db.selectFrom('blobs').select('hash').where('hash', '=', hash).execute();
    assert.equal(blobs.length, 1);
  });
});
