/**
 * The public portal and the downloads, on the demo data (the seed report published) plus a draft
 * that must never appear publicly; and the API documentation endpoints.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { forEachDialect } from '../db-helpers.js';
import { json, seedDocument, sendJson, testApp, type TestApp } from './http-helpers.js';

const FILE_NAME = '威海市环翠区行政审批服务局2019年政府信息公开工作年度报告';

forEachDialect('portal and downloads', (ctx) => {
  let t: TestApp;
  let publishedId: number;
  let draftId: number;
  before(async () => {
    t = await testApp(ctx, { demo: true });
    publishedId = json(await t.app.inject({ method: 'GET', url: '/api/reports?status=published' }))[0].id;
    // A draft of the same bureau for 2020: it must stay out of every public page.
    const draft = seedDocument();
    draft.year = 2020;
    draft.title = '威海市环翠区行政审批服务局2020年政府信息公开工作年度报告（草稿）';
    const imported = await sendJson(t.app, 'POST', '/api/reports/import', draft);
    assert.equal(imported.statusCode, 201, imported.body);
    draftId = json(imported).id;
  });
  after(async () => t.close());

  test('the home page lists the agencies as a tree with links', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/' });
    assert.equal(page.statusCode, 200);
    assert.match(page.headers['content-type'] as string, /^text\/html; charset=utf-8/);
    const html = page.body;
    assert.match(html, /<html lang="zh-CN">/);
    assert.match(html, /<header class="site-header">[\s\S]*<span class="column-name">政府信息公开<\/span>/);
    assert.match(html, /<main id="main"/);
    assert.match(html, /<footer/);
    assert.match(html, /<h1>政府信息公开<\/h1>/);
    // The bureau is nested inside the government's list item.
    assert.match(html, new RegExp(`<a href="/agencies/${t.governmentId}">环翠区人民政府</a>[^]*?<ul><li><a href="/agencies/${t.bureauId}">威海市环翠区行政审批服务局</a>`));
  });

  test('an agency\'s 政府信息公开年报 lists only its PUBLISHED reports, with view and download links', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/agencies/${t.bureauId}/reports` });
    assert.equal(page.statusCode, 200);
    const html = page.body;
    assert.match(html, /<h1>政府信息公开年报<\/h1>/);
    assert.match(html, /<td class="nowrap">2019年<\/td>/);
    assert.match(html, new RegExp(`<a href="/reports/${publishedId}">${FILE_NAME}</a>`));
    assert.match(html, /2020年1月18日/);
    for (const ext of ['html', 'docx', 'pdf', 'json']) assert.ok(html.includes(`/reports/${publishedId}/download.${ext}`), ext);
    assert.doesNotMatch(html, /2020年政府信息公开工作年度报告（草稿）/);
    assert.ok(!html.includes(`/reports/${draftId}`), 'the draft is not linked');
    const government = await t.app.inject({ method: 'GET', url: `/agencies/${t.governmentId}/reports` });
    assert.match(government.body, /本机关暂无已发布的政府信息公开工作年度报告/);
  });

  test('a published report page renders the report in the portal frame', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/reports/${publishedId}` });
    assert.equal(page.statusCode, 200);
    const html = page.body;
    assert.match(html, /<article class="gk-report"/);
    assert.ok(html.includes('165.51万元'), 'the purchase amount with its unit');
    assert.ok(html.includes('17302'));
    assert.ok(html.includes(FILE_NAME));
    assert.match(html, /<nav class="downloads" aria-label="下载本报告">/);
    assert.equal((html.match(/<h1[ >]/g) ?? []).length, 1, 'one h1: the report title');
  });

  test('a draft is a 404 page on the portal, for viewing and for downloading', async () => {
    for (const url of [`/reports/${draftId}`, `/reports/${draftId}/download.pdf`, '/reports/9999', '/agencies/9999', '/no/such/page']) {
      const page = await t.app.inject({ method: 'GET', url });
      assert.equal(page.statusCode, 404, url);
      assert.match(page.headers['content-type'] as string, /^text\/html/);
      assert.match(page.body, /<h1>未找到页面<\/h1>/);
      assert.match(page.body, /<html lang="zh-CN">/);
      assert.ok(!page.body.includes('（草稿）'));
    }
  });

  test('downloads have the right type, a Chinese file name and real content', async () => {
    const expected = {
      html: { type: /^text\/html; charset=utf-8$/, disposition: 'inline' },
      docx: { type: /^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document$/, disposition: 'attachment' },
      pdf: { type: /^application\/pdf$/, disposition: 'attachment' },
      json: { type: /^application\/json; charset=utf-8$/, disposition: 'attachment' },
    } as const;
    for (const [ext, want] of Object.entries(expected)) {
      for (const url of [`/api/reports/${publishedId}/download.${ext}`, `/reports/${publishedId}/download.${ext}`]) {
        const response = await t.app.inject({ method: 'GET', url });
        assert.equal(response.statusCode, 200, `${url}: ${response.body.slice(0, 200)}`);
        assert.match(response.headers['content-type'] as string, want.type, url);
        const disposition = response.headers['content-disposition'] as string;
        assert.ok(disposition.startsWith(`${want.disposition}; `), disposition);
        assert.ok(disposition.includes(`filename*=UTF-8''${encodeURIComponent(`${FILE_NAME}.${ext}`)}`), disposition);
        const body = response.rawPayload;
        assert.ok(body.length > 1000, `${url} has content (${body.length} bytes)`);
        if (ext === 'pdf') assert.equal(body.subarray(0, 5).toString('latin1'), '%PDF-');
        if (ext === 'docx') assert.equal(body.subarray(0, 2).toString('latin1'), 'PK');
        if (ext === 'html') assert.ok(response.body.includes('165.51万元'));
        if (ext === 'json') {
          const doc = JSON.parse(response.body);
          assert.equal(doc.kind, 'gongkai.annual-report');
          assert.deepEqual(doc, seedDocument(), 'the JSON download is the interchange document, unchanged');
        }
      }
    }
    // The API serves drafts too (for editors); an unknown type is a 400 naming the allowed ones.
    const draft = await t.app.inject({ method: 'GET', url: `/api/reports/${draftId}/download.json` });
    assert.equal(draft.statusCode, 200);
    const bad = await t.app.inject({ method: 'GET', url: `/api/reports/${publishedId}/download.exe` });
    assert.equal(bad.statusCode, 400);
    assert.equal(json(bad).message, '路径参数“ext”应为以下之一：html、docx、pdf、json');
  });

  test('/docs, /docs/json (OpenAPI) and the interchange JSON Schema respond', async () => {
    const docs = await t.app.inject({ method: 'GET', url: '/docs' });
    assert.equal(docs.statusCode, 200);
    assert.match(docs.body, /<title>公开 Gongkai API 文档<\/title>/);
    const css = await t.app.inject({ method: 'GET', url: '/docs/static/swagger-ui.css' });
    assert.equal(css.statusCode, 200);
    const openapi = await t.app.inject({ method: 'GET', url: '/docs/json' });
    assert.equal(openapi.statusCode, 200);
    const spec = json(openapi);
    assert.equal(spec.info.title, '公开 Gongkai API');
    for (const path of ['/api/agencies', '/api/reports', '/api/reports/import', '/api/reports/{id}', '/api/reports/{id}/check',
      '/api/reports/{id}/publish', '/api/reports/{id}/versions', '/api/reports/{id}/versions/{version}', '/api/reports/{id}/events']) {
      assert.ok(spec.paths[path], `OpenAPI documents ${path}`);
    }
    assert.ok(spec.paths['/api/reports/import'].post.requestBody, 'the import body is documented');
    assert.ok(!spec.paths['/'], 'portal pages are not API');
    const schema = await t.app.inject({ method: 'GET', url: '/schema/report-interchange.json' });
    assert.equal(schema.statusCode, 200);
    assert.equal(json(schema).$id, 'https://gongkai.local/schema/report-interchange.json');
    assert.equal(json(schema).title, '政府信息公开工作年度报告交换格式');
  });
});
