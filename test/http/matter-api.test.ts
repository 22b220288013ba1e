/**
 * 办事指南 over HTTP on SQLite and PostgreSQL: the demo bureau's published list on the portal (browsable by theme,
 * level, office and flag, searchable), a guide page with a QR code that decodes (jsQR) back to the guide's address,
 * the board SVG and the A4 PDF, full-text search, the dashboard; and the refusals: a QR code of a never-published
 * guide (409 for the office, 404 on the portal), a matter without a legal basis (400, nothing stored).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { operator } from '../../src/core/actor.js';
import { fixedClock } from '../../src/core/clock.js';
import { addDemoMatters, demoMatter } from '../../src/demo/demo-matters.js';
import { matterService } from '../../src/matters/matter.service.js';
import { forEachDialect } from '../db-helpers.js';
import { json, sendJson, testApp, type TestApp } from './http-helpers.js';

// jsqr is CommonJS with an ES-style default in its typings: Node's default import is the function itself.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

/** The text of the QR code in a PNG, or null. */
export function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)?.data ?? null;
}

forEachDialect('matter API and the public guides', (ctx) => {
  let t: TestApp;
  let firstId: number;

  before(async () => {
    t = await testApp(ctx, { demo: true });
    await t.db.db.transaction().execute((trx) => addDemoMatters(trx, t.bureauId, operator('测试准备')));
    firstId = Number((await t.db.db.selectFrom('matters').select('id').where('code', '=', demoMatter(1).code).executeTakeFirstOrThrow()).id);
  });
  after(async () => t?.close());

  test('the portal list: all 120 published guides, filtered by flag, level, theme, office and words', async () => {
    const count = async (query: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/matters${query}` });
      assert.equal(res.statusCode, 200, res.body);
      return Number(/共 (\d+) 项/.exec(res.body)![1]);
    };
    assert.equal(await count(''), 120);
    assert.equal(await count('?flag=fullyOnline'), 77);
    assert.equal(await count('?flag=online'), 108);
    assert.equal(await count('?flag=atMostOnce'), 118);
    assert.equal(await count('?level=village'), 21);
    assert.equal(await count('?level=community'), 28);
    assert.equal(await count('?level=town'), 40);
    assert.equal(await count(`?theme=${encodeURIComponent(demoMatter(1).themes[0]!)}`) >= 1, true);
    assert.equal(await count(`?office=${encodeURIComponent('市场准入审批科')}`), 24);
    assert.equal(await count(`?q=${encodeURIComponent('食品经营许可')}`), 6);
    assert.equal((await t.app.inject({ method: 'GET', url: '/matters?flag=nonsense' })).statusCode, 400);
  });

  test('a guide page with a QR code that opens it; the board SVG and the A4 PDF', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/matters/${firstId}` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /食品经营许可（新办）/);
    assert.match(page.body, /《中华人民共和国食品安全法》第三十五条/);
    assert.match(page.body, new RegExp(`<img src="/matters/${firstId}/qr.png"`));
    const png = await t.app.inject({ method: 'GET', url: `/matters/${firstId}/qr.png` });
    assert.equal(png.headers['content-type'], 'image/png');
    assert.equal(decodeQr(png.rawPayload), `https://www.example.gov.cn/matters/${firstId}`);
    // The office's download of the same code (larger modules) decodes alike.
    const office = await t.app.inject({ method: 'GET', url: `/api/agencies/${t.bureauId}/matters/${firstId}/qr.png`, headers: t.tester.headers });
    assert.equal(decodeQr(office.rawPayload), `https://www.example.gov.cn/matters/${firstId}`);
    const svg = await t.app.inject({ method: 'GET', url: `/matters/${firstId}/qr.svg` });
    assert.match(svg.body, /^<svg[^>]+viewBox/);
    assert.match(svg.body, /<title>食品经营许可（新办）<\/title>/);
    const pdf = await t.app.inject({ method: 'GET', url: `/matters/${firstId}/guide.pdf` });
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    assert.match(pdf.rawPayload.toString('latin1'), /\/Subtype \/Image/);
  });

  test('search finds a published guide', async () => {
    const res = json(await t.app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent('建筑工程施工许可')}` }));
    const hits = res.hits ?? res.results ?? [];
    assert.ok(hits.some((h: { kind: string; url: string }) => h.kind === 'matter' && /^\/matters\/\d+$/.test(h.url)), JSON.stringify(res).slice(0, 400));
  });

  test('the dashboard of 2019 gives the plan\'s shares and the seed\'s hall figures', async () => {
    const d = json(await t.app.inject({ method: 'GET', url: `/api/agencies/${t.bureauId}/service-dashboard?year=2019`, headers: t.tester.headers }));
    assert.deepEqual([d.matters.shares.atMostOnce.percent, d.matters.shares.online.percent, d.matters.shares.fullyOnlineOfOnline.percent], [98.3, 90, 71.3]);
    assert.deepEqual(d.totals, { windows: 264, transactions: 420000, certificatesMailed: 496 });
  });

  test('the hall\'s figures are offered to the 2019 report\'s text', async () => {
    const { narrativeFigures } = await import('../../src/reports/narrative-figures.js');
    const offers = await narrativeFigures(t.db.db, t.bureauId, 2019);
    const value = (label: RegExp) => offers.find((o) => label.test(o.label))?.value;
    assert.equal(value(/最多跑一次/), 98.3);
    assert.equal(value(/^可网办事项（项）/), 108);
    assert.equal(value(/综合受理窗口/), 264);
    assert.equal(value(/快递送达证照/), 496);
    // The drafted prose's figures (src/reports/hall-text-figures.ts) carry the same values under the drafter's keys.
    const { textFigures } = await import('../../src/reports/report-text.js');
    const { loadSeedReport } = await import('../../src/demo/seed-demo.js');
    const figures = await textFigures(t.db.db, { agencyId: t.bureauId, year: 2019 }, loadSeedReport(), '2019-12-31');
    assert.deepEqual(['hall.matters', 'hall.one-visit-share', 'hall.online', 'hall.online-share', 'hall.fully-online-share', 'hall.windows', 'hall.transactions', 'hall.mailed'].map((k) => figures.get(k)?.value),
      [120, 98.3, 108, 90, 71.3, 264, 420000, 496]);
  });

  test('bad input: no legal basis (400, nothing stored); a QR code of a guide never published (409; 404 on the portal)', async () => {
    const before = (await t.db.db.selectFrom('matters').select('id').execute()).length;
    const content = { ...demoMatter(3), code: 'HTTP-TEST-1', name: '未发布的测试事项' };
    let res = await sendJson(t.app, 'POST', `/api/agencies/${t.bureauId}/matters`, { content: { ...content, legalBasis: [] } }, t.tester.headers);
    assert.equal(res.statusCode, 400);
    assert.match(json(res).message, /事项缺少设定依据/);
    assert.equal((await t.db.db.selectFrom('matters').select('id').execute()).length, before);
    res = await sendJson(t.app, 'POST', `/api/agencies/${t.bureauId}/matters`, { content: { ...content, statutoryDays: 5, promisedDays: 8 } }, t.tester.headers);
    assert.equal(res.statusCode, 400);
    assert.match(json(res).message, /承诺办结时限（8 个工作日）不能长于法定办结时限（5 个工作日）/);
    res = await sendJson(t.app, 'POST', `/api/agencies/${t.bureauId}/matters`, { content }, t.tester.headers);
    assert.equal(res.statusCode, 201, res.body);
    const id = json(res).id;
    res = await t.app.inject({ method: 'GET', url: `/api/agencies/${t.bureauId}/matters/${id}/qr.png`, headers: t.tester.headers });
    assert.equal(res.statusCode, 409);
    assert.equal(json(res).code, 'NOT_PUBLISHED');
    assert.match(json(res).message, /办事指南尚未发布，不能生成二维码/);
    for (const path of ['', '/qr.png', '/qr.svg', '/guide.pdf']) {
      assert.equal((await t.app.inject({ method: 'GET', url: `/matters/${id}${path}` })).statusCode, 404, path);
    }
    // The site map lists the published guides (and the guide list, in the navigation too), never a draft.
    const xml = (await t.app.inject({ method: 'GET', url: '/sitemap.xml' })).body;
    assert.match(xml, /<loc>https:\/\/[^<]+\/matters<\/loc>/);
    assert.equal((xml.match(/\/matters\/\d+<\/loc>/g) ?? []).length, 120);
    assert.ok(!xml.includes(`/matters/${id}</loc>`));
    assert.match(xml, /\/agencies\/\d+\/proposals<\/loc>/);
    const map = (await t.app.inject({ method: 'GET', url: '/sitemap' })).body;
    assert.match(map, /<nav class="site-nav"[^]*<a href="\/matters">办事指南<\/a>/);
    assert.match(map, /<a href="\/agencies\/\d+\/proposals">建议提案办理结果<\/a>/);
    // Another agency's path does not reach the bureau's matter.
    res = await t.app.inject({ method: 'GET', url: `/api/agencies/${t.governmentId}/matters/${id}`, headers: t.tester.headers });
    assert.equal(res.statusCode, 404);
  });
  test('事项取消 over HTTP: the abolition drafted, signed off and published; its page (the old QR codes) says when and why, 410', async () => {
    const id = Number((await t.db.db.selectFrom('matters').select('id').where('code', '=', demoMatter(120).code).executeTakeFirstOrThrow()).id);
    const view = json(await t.app.inject({ method: 'GET', url: `/api/agencies/${t.bureauId}/matters/${id}`, headers: t.tester.headers }));
    let res = await sendJson(t.app, 'POST', `/api/agencies/${t.bureauId}/matters/${id}/abolish`, { baseVersion: view.version, reason: '' }, t.tester.headers);
    assert.equal(res.statusCode, 400);
    assert.match(json(res).message, /请填写取消理由/);
    res = await sendJson(t.app, 'POST', `/api/agencies/${t.bureauId}/matters/${id}/abolish`, { baseVersion: view.version, reason: '依据《关于取消一批行政许可事项的决定》取消（演示）' }, t.tester.headers);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(json(res).abolition, { reason: '依据《关于取消一批行政许可事项的决定》取消（演示）' });
    // Still public until the abolition is signed off and published.
    assert.equal((await t.app.inject({ method: 'GET', url: `/matters/${id}` })).statusCode, 200);
    const users = await t.db.db.selectFrom('users').select(['id', 'name', 'login']).execute();
    const who = (login: string) => { const u = users.find((x) => x.login === login)!; return { id: Number(u.id), name: u.name }; };
    const step = (f: (s: ReturnType<typeof matterService>) => Promise<unknown>) => t.db.db.transaction().execute((trx) => f(matterService(trx, fixedClock('2024-06-03T02:00:00.000Z'))));
    await step((s) => s.submit(id, who('jingban')));
    await step((s) => s.decide(id, { step: 'first-review', decision: 'pass' }, who('kezhang')));
    await step((s) => s.decide(id, { step: 'secrecy-review', decision: 'pass', form: { channelsFit: { portal: true } } }, who('baomi')));
    await step((s) => s.decide(id, { step: 'sign-off', decision: 'pass' }, who('lingdao')));
    await step((s) => s.publish(id, ['portal'], who('gongkai')));
    const page = await t.app.inject({ method: 'GET', url: `/matters/${id}` });
    assert.equal(page.statusCode, 410);
    assert.match(page.body, /本事项已于 \d{4}-\d{2}-\d{2} 取消，不再办理，原办事指南停止使用。取消理由：依据《关于取消一批行政许可事项的决定》取消（演示）。/);
    assert.equal((await t.app.inject({ method: 'GET', url: `/matters/${id}/qr.png` })).statusCode, 404);
    res = await t.app.inject({ method: 'GET', url: `/api/agencies/${t.bureauId}/matters/${id}/qr.png`, headers: t.tester.headers });
    assert.equal(res.statusCode, 409);
    assert.equal(json(res).code, 'MATTER_ABOLISHED');
    const list = await t.app.inject({ method: 'GET', url: '/matters' });
    assert.match(list.body, /共 119 项/);
    assert.ok(!(await t.app.inject({ method: 'GET', url: '/sitemap.xml' })).body.includes(`/matters/${id}</loc>`));
  });
});
