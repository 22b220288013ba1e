/**
 * Withdrawing a published item from one channel (撤回) over the API, on SQLite and PostgreSQL: a reason is required
 * (nothing changes without one), only the publisher may withdraw, only this item's publication is found, the
 * withdrawal is recorded once (who, when, why) and the other channel and the 索引号 stay.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { forEachDialect } from '../db-helpers.js';
import { json } from './http-helpers.js';
import { approve, createItemAs, itemTestApp, type ItemTestApp } from './item-helpers.js';

forEachDialect('items API: withdrawal from a channel', (ctx) => {
  let t: ItemTestApp;
  before(async () => { t = await itemTestApp(ctx); });
  after(async () => { await t?.close(); });

  const published = async (title: string) => {
    const item = await createItemAs(t, t.people.drafter, { title });
    await approve(t, item.id);
    const res = await t.call(t.people.publisher, 'POST', `/api/items/${item.id}/publish`, { channels: ['portal', 'wechat'] });
    assert.equal(res.statusCode, 200, res.body);
    return json(res);
  };

  test('a reason is required; the publication is withdrawn once, with who and why; the other channel and the 索引号 stay', async () => {
    const { publisher } = t.people;
    const item = await published('撤回测试');
    const wechat = item.publications.find((p: any) => p.channel === 'wechat');
    const url = `/api/items/${item.id}/publications/${wechat.id}/withdraw`;

    const noReason = await t.call(publisher, 'POST', url, { reason: '  ' });
    assert.equal(noReason.statusCode, 400);
    assert.equal(json(noReason).message, '撤回时必须填写撤回理由');
    assert.deepEqual(json(noReason).problems.map((p: any) => p.place.field), ['reason']);
    const row = await t.db.db.selectFrom('channel_publications').select(['withdrawn_at']).where('id', '=', wechat.id).executeTakeFirstOrThrow();
    assert.equal(row.withdrawn_at, null);

    const done = await t.call(publisher, 'POST', url, { reason: '公众号栏目调整' });
    assert.equal(done.statusCode, 200, done.body);
    const detail = json(done);
    const after = detail.publications.find((p: any) => p.id === wechat.id);
    assert.deepEqual([after.withdrawnBy, after.withdrawalReason], ['公开专员小赵', '公众号栏目调整']);
    assert.ok(after.withdrawnAt);
    assert.equal(detail.publications.find((p: any) => p.channel === 'portal').withdrawnAt, null);
    assert.equal(detail.indexNo, item.indexNo);
    assert.equal(detail.state, 'published');

    const again = await t.call(publisher, 'POST', url, { reason: '再次撤回' });
    assert.equal(again.statusCode, 409);
    assert.equal(json(again).code, 'ALREADY_WITHDRAWN');
  });

  test('only the publisher may withdraw, and only a publication of this item', async () => {
    const { drafter, publisher } = t.people;
    const one = await published('甲信息');
    const two = await published('乙信息');
    const portalOfTwo = two.publications.find((p: any) => p.channel === 'portal');
    const byDrafter = await t.call(drafter, 'POST', `/api/items/${two.id}/publications/${portalOfTwo.id}/withdraw`, { reason: '试图撤回' });
    assert.equal(byDrafter.statusCode, 403);
    const wrongItem = await t.call(publisher, 'POST', `/api/items/${one.id}/publications/${portalOfTwo.id}/withdraw`, { reason: '张冠李戴' });
    assert.equal(wrongItem.statusCode, 404);
    assert.match(json(wrongItem).message, /没有编号为 \d+ 的发布记录/);
    const rows = await t.db.db.selectFrom('channel_publications').select('id').where('withdrawn_at', 'is not', null)
      .where('subject_id', 'in', [one.id, two.id]).execute();
    assert.deepEqual(rows, []);
  });
});
