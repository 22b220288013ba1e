/**
 * The rest of what is public in the portal's search index, on SQLite and PostgreSQL: the 政府信息公开指南 found
 * after its publication (not before), an annual report found after its publication (not before), and
 * `rebuild` (every registered source) giving back exactly the rows publishing wrote — items, attachments,
 * guides and reports; the /search page naming each hit's kind (政府信息 / 附件 / 公开指南 / 年度报告).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { defaultGuide } from '../../src/core/disclosure/guide.js';
import { allPublicDocuments, registeredSearchKinds } from '../../src/search/search-sources.js';
import { rebuildIndex } from '../../src/search/search-index.js';
import { SEARCH_SOURCE_MODULES } from '../../src/search/search.cli.js';
import { forEachDialect } from '../db-helpers.js';
import { makeDocx, p } from '../inspect/fixtures.js';
import { approveReport } from '../report-chain-helpers.js';
import { json, seedDocument } from './http-helpers.js';
import { FORM, itemTestApp, type ItemTestApp } from './item-helpers.js';
import { publishedItem } from './portal-fixtures.js';

forEachDialect('guides, reports and rebuild in the search index', (ctx) => {
  let t: ItemTestApp;
  before(async () => { t = await itemTestApp(ctx); });
  after(async () => { await t?.close(); });

  const search = async (q: string) => json(await t.call(null, 'GET', `/api/search?q=${encodeURIComponent(q)}`));
  const ok = (res: { statusCode: number; body: string }, status = 200) => {
    assert.equal(res.statusCode, status, res.body);
    return json(res);
  };

  test('a guide: found after its publication, under the guide page', async () => {
    const { drafter, head, secrecy, leader, publisher } = t.people;
    const url = `/api/agencies/${t.bureauId}/guide`;
    const draft = ok(await t.call(drafter, 'GET', url));
    const content = {
      ...defaultGuide('测试机关'), ...draft.content,
      classification: '本机关主动公开的政府信息按照不动产登记专项目录编排。',
      office: { ...draft.content.office, address: '某路1号', officeHours: '工作日 9:00—17:00', phone: '0631-5200000', postcode: '264200' },
    };
    const saved = ok(await t.call(drafter, 'PUT', url, { baseVersion: draft.version, content }), 201);
    const v = saved.version;
    ok(await t.call(drafter, 'POST', `${url}/versions/${v}/submit`, {}));
    ok(await t.call(head, 'POST', `${url}/versions/${v}/review`, { step: 'first-review', decision: 'pass' }));
    ok(await t.call(secrecy, 'POST', `${url}/versions/${v}/review`, { step: 'secrecy-review', decision: 'pass', form: FORM }));
    ok(await t.call(leader, 'POST', `${url}/versions/${v}/review`, { step: 'sign-off', decision: 'pass' }));
    assert.equal((await search('不动产登记专项目录')).total, 0, 'approved, not yet published');
    ok(await t.call(publisher, 'POST', `${url}/versions/${v}/publish`, { channels: ['portal'] }));
    const found = await search('不动产登记专项目录');
    assert.equal(found.total, 1);
    assert.deepEqual([found.hits[0].kind, found.hits[0].url], ['guide', `/agencies/${t.bureauId}/guide`]);
    assert.match(found.hits[0].title, /政府信息公开指南$/);
  });

  test('an annual report: found after its publication, under its page', async () => {
    const id = ok(await t.call(null, 'POST', `/api/reports/import?agencyId=${t.bureauId}`, seedDocument()), 201).id;
    await approveReport(t.db.db, id);
    assert.equal((await search('政协提案')).total, 0, 'approved, not yet published');
    ok(await t.call(t.people.publisher, 'POST', `/api/reports/${id}/publish`));
    const found = await search('政协提案');
    assert.equal(found.total, 1);
    assert.deepEqual([found.hits[0].kind, found.hits[0].url, found.hits[0].title], ['report', `/reports/${id}`, seedDocument().title]);
  });

  test('rebuild gives back every kind exactly as publishing wrote it', async () => {
    const { payload, headers } = multipart('名单.docx', await makeDocx(p('公示期内接受社会监督的企业名单')));
    await publishedItem(t, { title: '关于公示企业名单的通知', bodyHtml: '<p>现予公示。</p>' }, async (id) => {
      ok(await t.app.inject({ method: 'POST', url: `/api/items/${id}/attachments`, payload, headers: { ...t.people.drafter.headers, ...headers } }), 201);
    });
    const rows = () => t.db.db.selectFrom('search_documents')
      .select(['doc_kind', 'doc_id', 'agency_id', 'published_on', 'title', 'url', 'body_text', 'title_tokens', 'body_tokens'])
      .orderBy('doc_kind').orderBy('doc_id').execute();
    const before = await rows();
    assert.deepEqual([...new Set(before.map((r) => r.doc_kind))], ['attachment', 'guide', 'item', 'report']);
    for (const load of SEARCH_SOURCE_MODULES) await load();
    assert.deepEqual(registeredSearchKinds().sort(), ['attachment', 'guide', 'item', 'matter', 'report']);
    const count = await t.db.db.transaction().execute((trx) => rebuildIndex(trx, allPublicDocuments(trx), new Date().toISOString()));
    assert.equal(count, before.length);
    assert.deepEqual(await rows(), before);
  });

  test('the /search page names each hit\'s kind in Chinese', async () => {
    const page = async (q: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/search?q=${encodeURIComponent(q)}` });
      assert.equal(res.statusCode, 200);
      return [...res.body.matchAll(/<span class="doc-kind">([^<]*)<\/span>/g)].map((m) => m[1]).sort();
    };
    assert.deepEqual(await page('企业名单'), ['政府信息', '附件']);
    assert.deepEqual(await page('不动产登记专项目录'), ['公开指南']);
    assert.deepEqual(await page('政协提案'), ['年度报告']);
  });
});

/** A multipart body with one file field. */
function multipart(fileName: string, bytes: Uint8Array): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----gongkai-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
