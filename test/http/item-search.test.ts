/**
 * Items in the portal's search index: searchable while the published version is on the portal, in the same
 * transaction as publishing and withdrawal; a newer draft never searchable; imported items searchable.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { forEachDialect } from '../db-helpers.js';
import { json } from './http-helpers.js';
import { approve, createItemAs, itemTestApp, type ItemTestApp } from './item-helpers.js';

forEachDialect('items in the search index', (ctx) => {
  let t: ItemTestApp;
  before(async () => { t = await itemTestApp(ctx); });
  after(async () => { await t?.close(); });

  const search = async (q: string) => json(await t.call(null, 'GET', `/api/search?q=${encodeURIComponent(q)}`));

  test('published on the portal → found by a word and by its 文号; a new draft is not; withdrawn → gone', async () => {
    const { drafter, publisher } = t.people;
    const item = await createItemAs(t, drafter, {
      title: '关于印发环翠区工程建设项目审批制度改革实施方案的通知', docNo: '威环审批发〔2024〕7号',
      bodyHtml: '<p>为深化工程建设项目审批制度改革，优化营商环境，制定本方案。</p>',
    });
    assert.equal((await search('营商环境')).total, 0, 'a draft is not searchable');
    await approve(t, item.id);
    assert.equal((await search('营商环境')).total, 0, 'approved but not published is not searchable');
    await t.call(publisher, 'POST', `/api/items/${item.id}/publish`, { channels: ['wechat'] });
    assert.equal((await search('营商环境')).total, 0, 'on WeChat only: not on the portal');
    const published = json(await t.call(publisher, 'POST', `/api/items/${item.id}/publish`, { channels: ['portal'] }));
    const found = await search('营商环境');
    assert.equal(found.total, 1);
    assert.equal(found.hits[0].url, `/items/${item.id}`);
    assert.equal(found.hits[0].indexNo, published.indexNo);
    assert.equal((await search('威环审批发[2024]7号')).exact?.url, `/items/${item.id}`);

    // A new draft with other words: the public version stays searchable, the draft's words are not.
    const edited = await t.call(drafter, 'PUT', `/api/items/${item.id}`, { baseVersion: published.version, bodyHtml: '<p>修订稿新增乡村振兴内容。</p>', changedOn: '2024-03-05' });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.equal((await search('乡村振兴')).total, 0);
    assert.equal((await search('营商环境')).total, 1);

    const portal = published.publications.find((p: any) => p.channel === 'portal');
    const withdrawn = await t.call(publisher, 'POST', `/api/items/${item.id}/publications/${portal.id}/withdraw`, { reason: '内容已过时' });
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    assert.equal((await search('营商环境')).total, 0);
  });
});
