/**
 * 更正 over HTTP and on the portal (SQLite and PostgreSQL): the correction route needs a reason; while it is
 * prepared the portal shows the published text; once the corrected version is published the report page says
 * when and why it was corrected and offers the earlier version for download; a version never published is a 404.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { forEachDialect } from '../db-helpers.js';
import { approveReport } from '../report-chain-helpers.js';
import { json, seedDocument, sendJson, testApp, type TestApp } from './http-helpers.js';

forEachDialect('report correction on the portal', (ctx) => {
  let t: TestApp;
  let id: number;

  before(async () => {
    t = await testApp(ctx);
    const imported = await sendJson(t.app, 'POST', `/api/reports/import?agencyId=${t.bureauId}`, seedDocument());
    assert.equal(imported.statusCode, 201, imported.body);
    id = json(imported).id;
    await approveReport(t.db.db, id);
    const published = await sendJson(t.app, 'POST', `/api/reports/${id}/publish`);
    assert.equal(published.statusCode, 200, published.body);
  });
  after(async () => t.close());

  test('a correction is started with a reason, published through the chain and shown on the portal with the earlier version', async () => {
    const noReason = await sendJson(t.app, 'POST', `/api/reports/${id}/correct`, { reason: '' });
    assert.equal(noReason.statusCode, 400, noReason.body);
    assert.match(json(noReason).message, /更正说明/);

    const started = await sendJson(t.app, 'POST', `/api/reports/${id}/correct`, { reason: '第六部分建议提案办理数字有误' });
    assert.equal(started.statusCode, 200, started.body);
    assert.equal(json(started).status, 'draft');
    assert.equal(json(started).publishedVersion, 1);
    const again = await sendJson(t.app, 'POST', `/api/reports/${id}/correct`, { reason: '第六部分建议提案办理数字有误' });
    assert.equal(again.statusCode, 409, again.body);
    assert.equal(json(again).code, 'CORRECTION_OPEN');

    const current = json(await sendJson(t.app, 'GET', `/api/reports/${id}`));
    const document = { ...current.document, title: `${current.document.title}（更正稿）` };
    const saved = await sendJson(t.app, 'PUT', `/api/reports/${id}`, { ...document, baseVersion: current.version });
    assert.equal(saved.statusCode, 200, saved.body);
    // Meanwhile the public sees the published text and no notice.
    const during = await t.app.inject({ url: `/reports/${id}` });
    assert.equal(during.statusCode, 200);
    assert.doesNotMatch(during.body, /更正稿|本报告已于/);
    assert.equal((await t.app.inject({ url: `/reports/${id}/versions/3/download.html` })).statusCode, 404);

    await approveReport(t.db.db, id);
    const published = await sendJson(t.app, 'POST', `/api/reports/${id}/publish`);
    assert.equal(published.statusCode, 200, published.body);
    assert.equal(json(published).publishedVersion, 3);

    const page = await t.app.inject({ url: `/reports/${id}` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /更正稿/);
    assert.match(page.body, /本报告已于 \d{4} 年 \d{1,2} 月 \d{1,2} 日更正（更正说明：第六部分建议提案办理数字有误）/);
    assert.match(page.body, new RegExp(`/reports/${id}/versions/1/download\\.pdf`));
    const earlier = await t.app.inject({ url: `/reports/${id}/versions/1/download.html` });
    assert.equal(earlier.statusCode, 200);
    assert.doesNotMatch(earlier.body, /更正稿/);
    assert.equal((await t.app.inject({ url: `/reports/${id}/versions/2/download.html` })).statusCode, 404, 'the correction’s first draft was never public');
    const list = await t.app.inject({ url: `/agencies/${t.bureauId}/reports` });
    assert.match(list.body, /已更正/);
    const corrections = json(await sendJson(t.app, 'GET', `/api/reports/${id}/corrections`));
    assert.equal(corrections.length, 1);
    assert.equal(corrections[0].publishedVersion, 3);
  });
});
