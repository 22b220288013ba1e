/**
 * Channel exports of an item (WeChat, LED, notice board) and its 保密审查表 over HTTP on SQLite and PostgreSQL:
 * only after 领导核审签发 (409 in Chinese before), only with item.read in the item's agency, the form filled from
 * the version's review steps and scan findings. And withdrawPublication: once, even when two run at once.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { operator } from '../../src/core/actor.js';
import { agencyService } from '../../src/agencies/agency.service.js';
import { withdrawPublication } from '../../src/disclosure/publication-withdrawal.js';
import { readDocx } from '../../src/parse/read-docx.js';
import { readPdf } from '../../src/parse/read-pdf.js';
import type { SourceDocument } from '../../src/core/parse/source-types.js';
import { TINY_PNG } from '../../src/render/disclosure/disclosure-fixtures.js';
import { createTestUser, signIn, type TestSession } from '../auth-helpers.js';
import { forEachDialect } from '../db-helpers.js';
import { json, testApp, type TestApp } from './http-helpers.js';
import { APPROVED_NOTICE, insertItem, insertPublication, insertItemStep } from '../disclosure-fixtures.js';

const textOf = (doc: SourceDocument) =>
  doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.table.rows.flat().map((c) => c.text).join('|'))).join('\n').replace(/\s+/g, '');

forEachDialect('item exports API', (ctx) => {
  let t: TestApp;
  let approved: number;
  let draft: number;
  let outsider: TestSession;
  const hash = 'c'.repeat(64);

  before(async () => {
    t = await testApp(ctx);
    const db = t.db.db;
    await db.insertInto('blobs').values({ hash, size: TINY_PNG.length, file_type: 'png', content: TINY_PNG, created_at: '2026-03-01T00:00:00.000Z' }).execute();
    approved = await insertItem(db, t.bureauId, {
      ...APPROVED_NOTICE, state: 'approved', version: 2, title: '关于调整窗口服务时间的公告', summary: '自2026年4月1日起，政务服务大厅窗口服务时间调整为工作日9:00至17:00。',
      body_html: '<h2>一、调整内容</h2><p>工作日上午9:00至下午5:00，午间不间断服务。</p><table><tr><td>窗口</td><td>时间</td></tr><tr><td>综合受理</td><td>9:00-17:00</td></tr></table>',
      attachments: JSON.stringify([{ hash: 'd'.repeat(64), fileName: '服务指南.pdf', fileType: 'pdf', size: 2048 }, { hash, fileName: '大厅平面图.png', fileType: 'png', size: TINY_PNG.length }]),
    });
    draft = await insertItem(db, t.bureauId, { ...APPROVED_NOTICE, state: 'secrecy-review', title: '尚在审查的信息' });
    // Version 1 was returned (its steps are not this version's); version 2 went through the chain.
    await insertItemStep(db, approved, 1, { step: 'submit', actor: '经办人李明', at: '2026-03-01T01:00:00.000Z' });
    await insertItemStep(db, approved, 1, { step: 'first-review', decision: 'return', reason: '标题不规范', actor: '旧初审人', at: '2026-03-01T02:00:00.000Z' });
    await insertItemStep(db, approved, 2, { step: 'submit', actor: '经办人李明', at: '2026-03-03T01:00:00.000Z' });
    await insertItemStep(db, approved, 2, { step: 'first-review', decision: 'pass', comment: '同意报送保密审查', actor: '科室负责人张华', at: '2026-03-04T01:00:00.000Z' });
    await insertItemStep(db, approved, 2, {
      step: 'secrecy-review', decision: 'pass', actor: '保密审查员赵敏', at: '2026-03-05T01:00:00.000Z',
      form: { stateSecret: false, workSecret: false, personalInfo: true, tradeSecret: false, channelsFit: { portal: true, led: true, wechat: false }, conclusion: '个人信息已删除，同意公开' },
    });
    await insertItemStep(db, approved, 2, { step: 'sign-off', decision: 'pass', comment: '同意发布', actor: '领导王强', at: '2026-03-06T01:00:00.000Z' });
    await db.insertInto('pii_findings').values({
      item_id: approved, item_version: 2, source: 'body', kind: 'mobile', place: '正文第 2 段', excerpt: '138****5678',
      resolution: 'removed', resolution_reason: null, resolved_by: '保密审查员赵敏', resolved_by_id: null, resolved_at: '2026-03-05T00:30:00.000Z',
    }).execute();
    const other = await agencyService(db).create({ name: '某区市场监督管理局', kind: 'department', parentId: t.governmentId }, operator('测试准备'));
    await createTestUser(db, 'x-other', ['supervisor'], other.id, { name: '他局监督员' });
    outsider = await signIn(t.app, 'x-other');
  });
  after(async () => t?.close());

  test('WeChat: title, digest, inline-styled body and the first image as cover', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/items/${approved}/exports/wechat` });
    assert.equal(res.statusCode, 200, res.body);
    const w = json(res);
    assert.equal(w.title, '关于调整窗口服务时间的公告');
    assert.equal(w.digest, '自2026年4月1日起，政务服务大厅窗口服务时间调整为工作日9:00至17:00。');
    assert.ok(!/<style|class=/.test(w.bodyHtml));
    assert.match(w.bodyHtml, /一、调整内容/);
    assert.deepEqual(w.coverImage, { fileName: '大厅平面图.png', contentType: 'image/png', base64: Buffer.from(TINY_PNG).toString('base64') });
  });

  test('LED: screens within the size asked for; a bad size is refused', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/items/${approved}/exports/led?charsPerLine=8&lines=2` });
    assert.equal(res.statusCode, 200, res.body);
    const { screens } = json<{ screens: string[] }>(res);
    assert.ok(screens.length > 2);
    for (const s of screens) {
      const lines = s.split('\n');
      assert.ok(lines.length <= 2 && lines.every((l) => [...l].length <= 8), s);
    }
    assert.equal(screens[0], '关于调整窗口服务\n时间的公告');
    const bad = await t.app.inject({ method: 'GET', url: `/api/items/${approved}/exports/led?charsPerLine=0&lines=2` });
    assert.equal(bad.statusCode, 400);
    assert.match(json(bad).message, /charsPerLine/);
  });

  test('notice board: an A4 PDF with the title, metadata, body and attachments', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/items/${approved}/exports/notice-board.pdf` });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    const text = textOf(await readPdf(res.rawPayload));
    for (const s of ['关于调整窗口服务时间的公告', '发布机构', '威环审批发〔2026〕3号', '成文日期', '一、调整内容', '综合受理', '附件', '服务指南.pdf']) assert.ok(text.includes(s), s);
  });

  test('an item that has not passed 核审签发 is refused with 409 in Chinese; an unknown one 404', async () => {
    for (const url of [`/api/items/${draft}/exports/wechat`, `/api/items/${draft}/exports/led?charsPerLine=8&lines=2`, `/api/items/${draft}/exports/notice-board.pdf`]) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 409, url);
      assert.match(json(res).message, /尚未通过领导核审签发/);
    }
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/items/999999/exports/wechat' })).statusCode, 404);
  });

  test('someone with item.read only in another agency is refused', async () => {
    for (const url of [`/api/items/${approved}/exports/wechat`, `/api/items/${approved}/secrecy-review.pdf`]) {
      const res = await t.app.inject({ method: 'GET', url, headers: outsider.headers });
      assert.equal(res.statusCode, 403, url);
    }
  });

  test('保密审查表: the current version\'s steps, answers and findings, as Word and PDF', async () => {
    const expected = ['互联网信息发布保密审查表', '关于调整窗口服务时间的公告', '政务服务科', '经办人李明', '2026年3月3日', '政府网站（政府信息公开平台）、LED显示屏、政务微信公众号',
      '同意报送保密审查', '科室负责人张华', '2026年3月4日', 'LED显示屏：是', '政务微信公众号：否', '1.正文第2段手机号码（138****5678）：已删除', '个人信息已删除，同意公开',
      '保密审查员赵敏', '2026年3月5日', '同意发布', '领导王强', '2026年3月6日'];
    for (const ext of ['docx', 'pdf'] as const) {
      const res = await t.app.inject({ method: 'GET', url: `/api/items/${approved}/secrecy-review.${ext}` });
      assert.equal(res.statusCode, 200, res.body);
      const text = textOf(ext === 'docx' ? await readDocx(res.rawPayload) : await readPdf(res.rawPayload));
      for (const s of expected) assert.ok(text.includes(s), `${ext}: ${s}`);
      assert.ok(!text.includes('旧初审人') && !text.includes('标题不规范'), 'steps of the returned version are not on the form');
    }
    // A version under review prints with the steps not yet taken left blank.
    const pending = await t.app.inject({ method: 'GET', url: `/api/items/${draft}/secrecy-review.docx` });
    assert.equal(pending.statusCode, 200);
    assert.ok(textOf(await readDocx(pending.rawPayload)).includes('尚在审查的信息'));
  });

  test('withdrawPublication: a reason is required; two at once withdraw once, with one event', async () => {
    const db = t.db.db;
    const pub = await insertPublication(db, t.bureauId, approved, 'portal', '2026-03-07', { version: 2 });
    const actor = { id: null, name: '信息公开专职人员孙丽' } as never;
    await assert.rejects(db.transaction().execute((trx) => withdrawPublication(trx, pub, ' ', actor, new Date())), /撤回理由/);
    await assert.rejects(db.transaction().execute((trx) => withdrawPublication(trx, 999999, '理由', actor, new Date())), /不存在/);
    const results = await Promise.allSettled([1, 2].map((n) => db.transaction().execute((trx) => withdrawPublication(trx, pub, `理由${n}`, actor, new Date()))));
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.match(rejected.reason.message, /不能重复撤回/);
    const events = await db.selectFrom('disclosure_events').selectAll().where('type', '=', 'withdrawn').where('subject_id', '=', approved).execute();
    assert.equal(events.length, 1);
  });
});
