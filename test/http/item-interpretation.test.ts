/**
 * 解读 (policy interpretation) links, on SQLite and PostgreSQL: an item may name another item of its own agency as
 * its 解读对象; a bad target is refused naming the field 解读对象 with nothing written; the public page of a document
 * lists its 政策解读 and a 解读 links back (“解读的文件”) only while both are public on the portal.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { forEachDialect } from '../db-helpers.js';
import { json } from './http-helpers.js';
import { approve, createItemAs, itemTestApp, type ItemTestApp } from './item-helpers.js';

forEachDialect('items: 解读 links', (ctx) => {
  let t: ItemTestApp;
  before(async () => { t = await itemTestApp(ctx); });
  after(async () => { await t?.close(); });

  const publish = async (id: number) => {
    await approve(t, id);
    const res = await t.call(t.people.publisher, 'POST', `/api/items/${id}/publish`, { channels: ['portal'] });
    assert.equal(res.statusCode, 200, res.body);
    return json(res);
  };
  const page = async (id: number) => (await t.app.inject({ method: 'GET', url: `/items/${id}` })).body;

  test('a bad 解读对象 is refused naming the field; nothing is written', async () => {
    const { drafter } = t.people;
    const doc = await createItemAs(t, drafter, { title: '解读校验用文件' });
    const other = await t.call(null, 'POST', `/api/agencies/${t.governmentId}/items`, { title: '区政府的文件', writtenOn: '2024-03-01' });
    assert.equal(other.statusCode, 201, other.body);
    const otherId = json(other).item.id;
    const countItems = async () => Number((await t.db.db.selectFrom('items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await countItems();
    const cases: Array<[number, RegExp]> = [[999999, /解读对象（编号 999999）不存在/], [otherId, /解读对象“区政府的文件”不是本机关的政府信息/]];
    for (const [target, message] of cases) {
      const res = await t.call(drafter, 'POST', `/api/agencies/${t.bureauId}/items`, { title: '坏解读', writtenOn: '2024-03-01', interprets: target });
      assert.equal(res.statusCode, 400, res.body);
      assert.match(json(res).message, message);
      assert.deepEqual(json(res).problems.map((p: any) => p.place.field), ['interprets']);
    }
    assert.equal(await countItems(), before);
    const self = await t.call(drafter, 'PUT', `/api/items/${doc.id}`, { baseVersion: doc.version, interprets: doc.id });
    assert.equal(self.statusCode, 400, self.body);
    assert.equal(json(self).message, '解读对象不能是本文自身');
    assert.deepEqual(json(self).problems.map((p: any) => p.place.field), ['interprets']);
    const after = json(await t.call(drafter, 'GET', `/api/items/${doc.id}`));
    assert.equal(after.version, doc.version);
    assert.equal(after.interprets, null);
  });

  test('政策解读 and 解读的文件 are shown only when both sides are public on the portal', async () => {
    const { drafter, publisher } = t.people;
    const doc = await createItemAs(t, drafter, { title: '关于印发《政务服务事项管理办法》的通知' });
    const jd = await createItemAs(t, drafter, { title: '《政务服务事项管理办法》政策解读', interprets: doc.id });
    assert.equal(jd.interprets, doc.id);
    assert.equal(jd.interpretsTitle, '关于印发《政务服务事项管理办法》的通知');
    const version = json(await t.call(drafter, 'GET', `/api/items/${jd.id}/versions/1`));
    assert.equal(version.fields.interprets, doc.id);

    // The 解读 public, the document not yet: no back link, and the document's page is a 404.
    const jdPublished = await publish(jd.id);
    assert.doesNotMatch(await page(jd.id), /解读的文件/);
    // Both public: the document lists its 解读, the 解读 links back.
    const docPublished = await publish(doc.id);
    const docPage = await page(doc.id);
    assert.match(docPage, /<h2 id="jiedu-heading">政策解读<\/h2>/);
    assert.match(docPage, new RegExp(`<a href="/items/${jd.id}">《政务服务事项管理办法》政策解读</a>`));
    assert.match(await page(jd.id), new RegExp(`解读的文件：<a href="/items/${doc.id}">关于印发《政务服务事项管理办法》的通知</a>`));

    // A draft that drops the link changes nothing the public sees until it is published (another publication
    // in the agency renews the cached pages first, so the page is built again).
    const edited = await t.call(drafter, 'PUT', `/api/items/${jd.id}`, { baseVersion: jdPublished.version, interprets: null });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.equal(json(edited).item.interprets, null);
    await publish((await createItemAs(t, drafter, { title: '无关的通知' })).id);
    assert.match(await page(doc.id), /<h2 id="jiedu-heading">政策解读<\/h2>/);
    assert.match(await page(jd.id), /解读的文件/);
    // The document withdrawn: the 解读 no longer links to it.
    const portal = docPublished.publications.find((p: any) => p.channel === 'portal');
    const withdrawn = await t.call(publisher, 'POST', `/api/items/${doc.id}/publications/${portal.id}/withdraw`, { reason: '文件已修订' });
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    assert.doesNotMatch(await page(jd.id), /解读的文件/);
  });

  test('a withdrawn 解读 is no longer listed under its document', async () => {
    const { drafter, publisher } = t.people;
    const doc = await createItemAs(t, drafter, { title: '关于公布证明事项清单的通知' });
    const jd = await createItemAs(t, drafter, { title: '证明事项清单图解', interprets: doc.id });
    await publish(doc.id);
    const jdPublished = await publish(jd.id);
    assert.match(await page(doc.id), /证明事项清单图解/);
    const portal = jdPublished.publications.find((p: any) => p.channel === 'portal');
    await t.call(publisher, 'POST', `/api/items/${jd.id}/publications/${portal.id}/withdraw`, { reason: '解读内容需更新' });
    const after = await page(doc.id);
    assert.doesNotMatch(after, /证明事项清单图解/);
    assert.doesNotMatch(after, /政策解读/);
  });
});
