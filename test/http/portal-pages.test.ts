/**
 * The public portal's pages on SQLite and PostgreSQL: the statutory columns (指南, 制度, 法定主动公开内容, 年报,
 * 依申请公开), category lists, item pages (metadata box, the PUBLISHED version's body — never a newer draft —,
 * attachments and their text, 废止 notes), withdrawn and draft items, search, the site map, sitemap.xml, feeds,
 * the footer and meta tags, the display mode, and escaping: a title with <script> comes out escaped everywhere.
 * Bad inputs give a clear page or a 400, never a 500 and never a draft's title.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { forEachDialect } from '../db-helpers.js';
import { makePdf, pdfText } from '../inspect/fixtures.js';
import { json } from './http-helpers.js';
import { itemTestApp, type ItemTestApp } from './item-helpers.js';
import { publishCatalogue, publishedItem, publishGuide, withdrawItem } from './portal-fixtures.js';

const EVIL = '<script>alert(1)</script>关于公布行政许可事项的通知';
const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;关于公布行政许可事项的通知';
const DRAFT_TITLE = '尚未发布的内部草稿标题';
const NEW_DRAFT_TITLE = '已发布信息的修改稿标题（未发布）';

function multipart(fileName: string, bytes: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----gongkai-portal-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    bytes, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

forEachDialect('portal pages', (ctx) => {
  let t: ItemTestApp;
  let cats: Map<string, number>;
  let evil: any;
  let repealed: any;
  let withdrawn: any;
  let draftId: number;
  let hash: string;
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  before(async () => {
    t = await itemTestApp(ctx);
    const db = t.db.db;
    cats = await publishCatalogue(db, t.bureauId, [
      { name: '政府信息公开制度' },
      { name: '行政许可', children: [{ name: '许可事项' }, { name: '许可结果' }] },
      { name: '空的类目' },
    ]);
    await publishGuide(db, t.bureauId, '威海市环翠区行政审批服务局', (g) => { g.office.phone = '0631-5200000'; g.classification = `本机关信息按目录编排。${EVIL}`; });
    evil = await publishedItem(t, {
      title: EVIL, categoryId: cats.get('许可事项'), docNo: '威环审批发〔2024〕1号', summary: '公布<b>许可</b>事项', bodyHtml: '<p>第一版正文：许可事项清单如下。</p>',
      theme: '综合政务\\政务公开', keywords: '行政许可 清单',
    }, async (id) => {
      const { payload, headers } = multipart('许可事项清单.pdf', Buffer.from(makePdf([{ content: pdfText(72, 700, 'Permit list 2024') }])));
      const res = await t.app.inject({ method: 'POST', url: `/api/items/${id}/attachments`, payload, headers: { ...t.people.drafter.headers, ...headers } });
      assert.equal(res.statusCode, 201, res.body);
      hash = json(res).attachments[0].hash;
    });
    // A new draft of the published item: the public must keep seeing version 1.
    const edited = await t.call(t.people.drafter, 'PUT', `/api/items/${evil.id}`, { baseVersion: evil.version, title: NEW_DRAFT_TITLE, bodyHtml: '<p>修改稿正文</p>', categoryId: cats.get('许可结果') });
    assert.equal(edited.statusCode, 200, edited.body);
    repealed = await publishedItem(t, { title: '关于废止旧办法的决定', categoryId: cats.get('许可结果'), validity: 'repealed', repealedOn: '2024-02-01', bodyHtml: '<p>旧办法废止。</p>' });
    withdrawn = await publishedItem(t, { title: '已撤回的通知标题', categoryId: cats.get('许可结果'), bodyHtml: '<p>撤回前的正文</p>' });
    await withdrawItem(t, withdrawn.id);
    await publishedItem(t, { title: '政府信息公开工作制度', categoryId: cats.get('政府信息公开制度'), bodyHtml: '<p>制度全文</p>' });
    const draft = await t.call(t.people.drafter, 'POST', `/api/agencies/${t.bureauId}/items`, { title: DRAFT_TITLE, writtenOn: '2024-03-01', bodyHtml: '<p>草稿</p>', categoryId: cats.get('许可事项') });
    assert.equal(draft.statusCode, 201, draft.body);
    draftId = json(draft).item.id;
  });
  after(async () => { await t?.close(); });

  /** Every public page must keep the frame, the footer and never show a draft title. */
  function framed(body: string): void {
    assert.match(body, /<html lang="zh-CN"/);
    assert.match(body, /<nav class="site-nav" aria-label="网站导航">/);
    assert.match(body, /主办单位：/);
    assert.match(body, /网站标识码：3710020000/);
    assert.ok(body.includes('href="https://beian.miit.gov.cn/"'), 'ICP link');
    assert.ok(body.includes('https://www.beian.gov.cn/portal/registerSystemInfo?recordcode=37100202000000'), 'police record link');
    assert.match(body, /我为政府网站找错/);
    assert.match(body, /<meta name="SiteIDCode" content="3710020000">/);
    assert.ok(!body.includes(DRAFT_TITLE) && !body.includes(NEW_DRAFT_TITLE), 'no draft title');
    assert.ok(!body.includes('<script>alert'), 'nothing unescaped');
  }

  test('the home page: 最新公开信息 (published titles, escaped) and every agency\'s column', async () => {
    const page = await get('/');
    assert.equal(page.statusCode, 200);
    framed(page.body);
    assert.ok(page.body.includes(`<a href="/items/${evil.id}">${ESCAPED}</a>`));
    assert.ok(!page.body.includes('已撤回的通知标题'));
    assert.ok(page.body.includes(`href="/agencies/${t.bureauId}"`));
  });

  test('an agency column: the five statutory entries; a government lists its departments', async () => {
    const page = await get(`/agencies/${t.bureauId}`);
    assert.equal(page.statusCode, 200);
    framed(page.body);
    for (const name of ['政府信息公开指南', '政府信息公开制度', '法定主动公开内容', '政府信息公开年报', '依申请公开']) assert.ok(page.body.includes(name), name);
    const gov = await get(`/agencies/${t.governmentId}`);
    assert.match(gov.body, /部门和乡镇（街道）信息公开/);
    assert.ok(gov.body.includes(`href="/agencies/${t.bureauId}"`));
  });

  test('the guide is the last published version, escaped; without one the page says so politely', async () => {
    const page = await get(`/agencies/${t.bureauId}/guide`);
    assert.equal(page.statusCode, 200);
    framed(page.body);
    assert.ok(page.body.includes('0631-5200000'));
    assert.ok(page.body.includes(ESCAPED));
    const none = await get(`/agencies/${t.governmentId}/guide`);
    assert.equal(none.statusCode, 200);
    assert.match(none.body, /尚未发布/);
    const apply = await get(`/agencies/${t.bureauId}/apply`);
    assert.match(apply.body, /href="\/apply\?agency=/);
    assert.match(apply.body, /href="\/status"/);
    assert.match(apply.body, /答复期限/);
  });

  test('法定主动公开内容: the published tree with counts; a category lists its and its children\'s public items, newest first', async () => {
    const page = await get(`/agencies/${t.bureauId}/catalogue`);
    framed(page.body);
    assert.ok(page.body.includes(`href="/categories/${cats.get('行政许可')}"`));
    const counts = [...page.body.matchAll(/<a href="\/categories\/\d+">([^<]*)<\/a><span class="count">(\d+) 条/g)].map((m) => `${m[1]}=${m[2]}`);
    assert.deepEqual(counts, ['政府信息公开制度=1', '行政许可=2', '许可事项=0', '许可结果=1', '空的类目=0'], 'a category counts its own and its children\'s public items');
    const none = await get(`/agencies/${t.governmentId}/catalogue`);
    assert.match(none.body, /尚未发布/);
    assert.ok(none.body.includes(`href="/agencies/${t.bureauId}/catalogue"`), 'a government lists its departments\' catalogues');
    const list = await get(`/categories/${cats.get('行政许可')}`);
    assert.equal(list.statusCode, 200);
    framed(list.body);
    assert.ok(list.body.includes(ESCAPED), 'the published title, escaped');
    assert.ok(list.body.includes(evil.indexNo), '索引号');
    assert.ok(list.body.includes('关于废止旧办法的决定'));
    assert.ok(!list.body.includes('已撤回的通知标题'), 'a withdrawn item is not listed');
    const moved = await get(`/categories/${cats.get('许可结果')}`);
    assert.ok(!moved.body.includes(ESCAPED), 'a draft that moves the item to another category does not move what the public sees');
    const empty = await get(`/categories/${cats.get('空的类目')}`);
    assert.match(empty.body, /本栏目暂无已公开的信息/);
    const rules = await get(`/agencies/${t.bureauId}/rules`);
    assert.match(rules.body, /政府信息公开工作制度/);
  });

  test('an item page: metadata box, the PUBLISHED body (not the new draft), attachment with its text; 废止 noted', async () => {
    const page = await get(`/items/${evil.id}`);
    assert.equal(page.statusCode, 200);
    framed(page.body);
    for (const label of ['索引号', '主题分类', '发布机构', '文号', '成文日期', '发布日期', '有效性', '公开属性', '主题词']) assert.ok(page.body.includes(`<dt>${label}</dt>`), label);
    assert.ok(page.body.includes(evil.indexNo));
    assert.ok(page.body.includes('威环审批发〔2024〕1号'));
    assert.ok(page.body.includes('第一版正文'));
    assert.ok(!page.body.includes('修改稿正文'));
    assert.ok(page.body.includes(`<meta name="ArticleTitle" content="${ESCAPED}">`));
    assert.ok(page.body.includes('公布&lt;b&gt;许可&lt;/b&gt;事项'), 'summary escaped');
    assert.ok(page.body.includes(`/items/${evil.id}/attachments/${hash}`));
    assert.match(page.body, /在线阅读/);
    assert.match(page.body, /Permit list 2024/);
    const file = await get(`/items/${evil.id}/attachments/${hash}`);
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.match(String(file.headers['content-disposition']), /^attachment; filename="item-\d+-attachment\.pdf"; filename\*=UTF-8''[^'()*\s]+$/);
    const old = await get(`/items/${repealed.id}`);
    assert.match(old.body, /本文件已废止（废止日期：2024年2月1日）/);
  });

  test('a withdrawn item says so (410, date, no body); a draft is a 404 naming nothing; attachments of non-public items are 404', async () => {
    const gone = await get(`/items/${withdrawn.id}`);
    assert.equal(gone.statusCode, 410);
    framed(gone.body);
    assert.match(gone.body, /已于 2024年3月20日 撤回/);
    assert.ok(!gone.body.includes('撤回前的正文') && !gone.body.includes('已撤回的通知标题'));
    const draft = await get(`/items/${draftId}`);
    assert.equal(draft.statusCode, 404);
    framed(draft.body);
    assert.ok(!draft.body.includes(DRAFT_TITLE));
    assert.equal((await get(`/items/${draftId}/attachments/${hash}`)).statusCode, 404);
    assert.equal((await get(`/items/${withdrawn.id}/attachments/${hash}`)).statusCode, 404);
    assert.equal((await get(`/items/${repealed.id}/attachments/${hash}`)).statusCode, 404, 'not listed by that item');
  });

  test('bad inputs: a clear page or 400, never a 500', async () => {
    for (const url of ['/categories/1?page=1000000000000', '/categories/1?page=-1', '/categories/1?page=abc', '/items/abc', '/items/-1',
      `/items/1/attachments/xyz`, '/search?page=0', '/search?page=1000000000000', '/search?year=abc', '/search?docType=%3Cscript%3E', '/agencies/1/rules?page=-1']) {
      const res = await get(url);
      assert.equal(res.statusCode, 400, url);
      framed(res.body);
      assert.match(res.body, /<h1>请求无法处理<\/h1>/);
    }
    for (const url of ['/agencies/999999', '/agencies/999999/guide', '/agencies/999999/feed.xml', '/categories/999999', '/categories/999999/feed.xml', '/items/999999', '/search?agency=999999&q=a', '/search?category=999999&q=a']) {
      const res = await get(url);
      assert.equal(res.statusCode, 404, url);
      framed(res.body);
    }
    // A category of a catalogue that is not published is a 404 too.
    const unpublished = Number((await t.db.db.insertInto('catalogue_nodes').values({
      agency_id: t.bureauId, parent_id: null, name: '未发布的类目', art20_item: null, position: 9, details: null, archived: 0,
      created_at: '2024-05-01T00:00:00.000Z', updated_at: '2024-05-01T00:00:00.000Z',
    }).returning('id').executeTakeFirstOrThrow()).id);
    const hidden = await get(`/categories/${unpublished}`);
    assert.equal(hidden.statusCode, 404);
    assert.ok(!hidden.body.includes('未发布的类目'));
    // A Host not on the allow-list: the existing check answers 403 with a page naming the host, escaped.
    const host = await get('/', { host: 'evil.example.com<script>' });
    assert.equal(host.statusCode, 403);
    framed(host.body);
    assert.match(host.body, /不受信任的主机名/);
  });

  test('search: results highlighted, filters, no results → catalogue suggestions; odd queries are plain text', async () => {
    const res = await get(`/search?q=${encodeURIComponent('许可事项')}&agency=${t.bureauId}&sort=date`);
    assert.equal(res.statusCode, 200);
    framed(res.body);
    assert.match(res.body, /<mark>许可事项<\/mark>/);
    assert.ok(res.body.includes(`href="/items/${evil.id}"`));
    assert.ok(!res.body.includes(`href="/items/${draftId}"`));
    assert.ok(res.body.includes(`<option value="${cats.get('许可结果')}">　许可结果</option>`), 'the agency\'s categories to filter by');
    const inCategory = await get(`/search?q=${encodeURIComponent('通知')}&agency=${t.bureauId}&category=${cats.get('许可结果')}`);
    assert.ok(!inCategory.body.includes(`href="/items/${evil.id}"`), 'filtered by category');
    const none = await get(`/search?q=${encodeURIComponent('不存在的词语')}`);
    assert.match(none.body, /未找到相关结果/);
    assert.ok(none.body.includes(`href="/categories/${cats.get('行政许可')}"`), 'suggests the catalogue (top level when no name matches)');
    const near = await get(`/search?q=${encodeURIComponent('许可结果通报')}&year=2020`);
    assert.match(near.body, /未找到相关结果/);
    const suggested = near.body.slice(near.body.indexOf('您可以浏览以下公开目录'));
    assert.ok(suggested.indexOf(`/categories/${cats.get('许可结果')}"`) < suggested.indexOf(`/categories/${cats.get('空的类目')}"`) || !suggested.includes(`/categories/${cats.get('空的类目')}"`),
      'the category whose name shares most characters first');
    for (const q of ['"', '*', 'NEAR', ':', "'", "' OR 1=1 --", '%_\\', '。，！？', 'x'.repeat(10_000), '<script>alert(1)</script>']) {
      const odd = await get(`/search?q=${encodeURIComponent(q)}`);
      assert.equal(odd.statusCode, 200, q);
      framed(odd.body);
    }
    const repealedOnly = await get(`/search?q=${encodeURIComponent('废止')}&validity=${encodeURIComponent('废止')}`);
    assert.ok(repealedOnly.body.includes(`href="/items/${repealed.id}"`));
    const draftWord = await get(`/search?q=${encodeURIComponent('修改稿正文')}`);
    assert.match(draftWord.body, /未找到相关结果/, 'a draft\'s words are not searched');
  });

  test('site map, sitemap.xml and Atom feeds list only public content', async () => {
    // An agency with two published catalogue versions: only the last one's categories are on the map.
    const before = await publishCatalogue(t.db.db, t.governmentId, [{ name: '旧版类目' }], 1);
    const after = await publishCatalogue(t.db.db, t.governmentId, [{ name: '新版类目' }], 2);
    const map = await get('/sitemap');
    framed(map.body);
    assert.ok(map.body.includes(`href="/categories/${cats.get('许可结果')}"`));
    assert.ok(map.body.includes(`href="/categories/${after.get('新版类目')}"`) && !map.body.includes(`href="/categories/${before.get('旧版类目')}"`), 'the last published catalogue');
    const xml = await get('/sitemap.xml');
    assert.ok(xml.body.includes(`/categories/${after.get('新版类目')}</loc>`) && !xml.body.includes(`/categories/${before.get('旧版类目')}</loc>`), 'the last published catalogue');
    assert.match(String(xml.headers['content-type']), /application\/xml/);
    assert.ok(xml.body.includes(`/items/${evil.id}</loc>`));
    assert.ok(!xml.body.includes(`/items/${draftId}<`) && !xml.body.includes(`/items/${withdrawn.id}<`));
    const feed = await get(`/agencies/${t.bureauId}/feed.xml`);
    assert.match(String(feed.headers['content-type']), /application\/atom\+xml/);
    assert.ok(feed.body.includes(`<title>${ESCAPED}</title>`));
    assert.ok(!feed.body.includes(DRAFT_TITLE) && !feed.body.includes('已撤回的通知标题'));
    const cat = await get(`/categories/${cats.get('许可结果')}/feed.xml`);
    assert.ok(cat.body.includes('关于废止旧办法的决定'));
  });

  test('the apply form: the agency preselected from its 依申请公开 page; typed values come back escaped after an error', async () => {
    const form = await get(`/apply?agency=${t.bureauId}`);
    framed(form.body);
    assert.ok(form.body.includes(`<option value="${t.bureauId}" selected>`));
    const res = await t.app.inject({
      method: 'POST', url: '/apply', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ agencyId: String(t.bureauId), name: '<script>alert(1)</script>', subject: '"><img src=x onerror=alert(1)>' }).toString(),
    });
    assert.equal(res.statusCode, 400);
    framed(res.body);
    assert.ok(res.body.includes('value="&lt;script&gt;alert(1)&lt;/script&gt;"'));
    assert.ok(res.body.includes('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</textarea>'));
  });

  test('display mode: a plain link sets a cookie and comes back; the page then has the large and contrast classes', async () => {
    const set = await get('/display?mode=large+contrast&back=%2Fsitemap');
    assert.equal(set.statusCode, 303);
    assert.equal(set.headers.location, '/sitemap');
    const cookie = String(set.headers['set-cookie']);
    assert.match(cookie, /gk_display=large%20contrast/);
    const page = await get('/sitemap', { cookie: 'gk_display=large%20contrast' });
    assert.match(page.body, /<html lang="zh-CN" class="large contrast">/);
    assert.match(page.body, /恢复标准版/);
    const open = await get('/display?mode=large&back=%2F%2Fevil.example.com');
    assert.equal(open.headers.location, '/', 'never an open redirect');
  });
});
