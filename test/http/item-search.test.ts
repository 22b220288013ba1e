/**
 * Items in the portal's search index: searchable while the published version is on the portal, in the same
 * transaction as publishing and withdrawal; a newer draft never searchable; imported items searchable. Attachments'
 * text (extracted at upload, kept in blobs.text) searchable with their published item, gone on withdrawal.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { bodyText } from '../../src/disclosure/item-search.js';
import { forEachDialect } from '../db-helpers.js';
import { makeDocx, p } from '../inspect/fixtures.js';
import { json } from './http-helpers.js';
import { approve, createItemAs, itemTestApp, type ItemTestApp } from './item-helpers.js';

/** A multipart body with one file field. */
function multipart(fileName: string, bytes: Uint8Array): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----gongkai-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

test('bodyText: the text of a body, every entity decoded (&nbsp; as U+00A0), one line per block, table cells apart', () => {
  assert.equal(
    bodyText('<h2>一、总则</h2><p>甲&amp;乙&#x4E19;&nbsp;丁<br>第二行</p><table><tr><td>许可</td><td>处罚</td></tr></table><p><script>x()</script></p>'),
    '一、总则\n甲&乙丙\u00a0丁\n第二行\n许可  处罚',
  );
});

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

  test("an attachment's text: found after publication under the item's page, gone after withdrawal", async () => {
    const { drafter, publisher } = t.people;
    const item = await createItemAs(t, drafter, { title: '关于公布农村公路养护资金分配结果的通知', docNo: '威环交发〔2024〕3号', bodyHtml: '<p>现将分配结果公布如下。</p>' });
    const { payload, headers } = multipart('分配表.docx', await makeDocx(p('张家庄村道路硬化补助资金一览表')));
    const uploaded = await t.app.inject({ method: 'POST', url: `/api/items/${item.id}/attachments`, payload, headers: { ...drafter.headers, ...headers } });
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    const hash = json(uploaded).attachments[0].hash;
    const stored = await t.db.db.selectFrom('blobs').select('text').where('hash', '=', hash).executeTakeFirstOrThrow();
    assert.match(stored.text ?? '', /道路硬化补助资金/, 'the text is kept at upload');
    assert.equal((await search('道路硬化')).total, 0, 'a draft attachment is not searchable');

    await approve(t, item.id);
    const published = json(await t.call(publisher, 'POST', `/api/items/${item.id}/publish`, { channels: ['portal'] }));
    const found = await search('道路硬化');
    assert.equal(found.total, 1);
    assert.equal(found.hits[0].kind, 'attachment');
    assert.equal(found.hits[0].url, `/items/${item.id}`);
    assert.equal(found.hits[0].title, `关于公布农村公路养护资金分配结果的通知 附件：${json(uploaded).attachments[0].fileName}`);
    // The 文号 finds the item itself, not its attachment (which carries the item's filters, not its numbers).
    const byNumber = await search('威环交发[2024]3号');
    assert.deepEqual([byNumber.exact?.kind, byNumber.exact?.docId], ['item', String(item.id)]);
    const rows = await t.db.db.selectFrom('search_documents').select(['doc_kind', 'doc_id'])
      .where((eb) => eb.or([eb('doc_id', '=', String(item.id)), eb('doc_id', 'like', `${item.id}:%`)])).orderBy('doc_kind').execute();
    assert.deepEqual(rows.map((r) => [r.doc_kind, r.doc_id]), [['attachment', `${item.id}:${hash}`], ['item', String(item.id)]]);

    const portal = published.publications.find((x: any) => x.channel === 'portal');
    const withdrawn = await t.call(publisher, 'POST', `/api/items/${item.id}/publications/${portal.id}/withdraw`, { reason: '分配结果已更正' });
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    assert.equal((await search('道路硬化')).total, 0, 'withdrawn with its item');
  });

  test('an attachment removed in a newer published version leaves the index; the other stays', async () => {
    const { drafter, publisher } = t.people;
    const item = await createItemAs(t, drafter, { title: '关于调整公共租赁住房租金标准的通知', bodyHtml: '<p>租金标准调整如下。</p>' });
    const upload = async (name: string, text: string) => {
      const { payload, headers } = multipart(name, await makeDocx(p(text)));
      const res = await t.app.inject({ method: 'POST', url: `/api/items/${item.id}/attachments`, payload, headers: { ...drafter.headers, ...headers } });
      assert.equal(res.statusCode, 201, res.body);
      return json(res);
    };
    await upload('旧标准.docx', '旧租金标准每平方米八元');
    const withBoth = await upload('新标准.docx', '新租金标准每平方米十元');
    await approve(t, item.id);
    assert.equal((await t.call(publisher, 'POST', `/api/items/${item.id}/publish`, { channels: ['portal'] })).statusCode, 200);
    assert.equal((await search('旧租金标准')).total, 1);
    const old = withBoth.attachments.find((a: any) => a.fileName === '旧标准.docx').hash;
    const removed = await t.call(drafter, 'DELETE', `/api/items/${item.id}/attachments/${old}`);
    assert.equal(removed.statusCode, 200, removed.body);
    assert.equal((await search('旧租金标准')).total, 1, 'the published version still lists it');
    await approve(t, item.id);
    const republished = await t.call(publisher, 'POST', `/api/items/${item.id}/publish`, { channels: ['portal'] });
    assert.equal(republished.statusCode, 200, republished.body);
    assert.equal((await search('旧租金标准')).total, 0);
    assert.equal((await search('新租金标准')).total, 1);
  });
});
