/**
 * What an item carries, over the API on SQLite and PostgreSQL: attachments (type from the bytes, refusals as Chinese
 * 400/413, stored once by hash, downloads checked against the item, removal as a new version); the scan's findings
 * at submission, resolved (removed by redaction, or confirmed with a reason) before the secrecy review passes; the
 * Art. 26 warnings by office and person.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { calendarService } from '../../src/calendar/calendar.service.js';
import { dueOn } from '../../src/disclosure/item-drafting.js';
import { MAX_ATTACHMENT_BYTES } from '../../src/disclosure/item-inspection.js';
import type { TestSession } from '../auth-helpers.js';
import { forEachDialect } from '../db-helpers.js';
import { makeDocx, makePdf, p, pdfText, setDeclaredSize } from '../inspect/fixtures.js';
import { json } from './http-helpers.js';
import { createItemAs, FORM, itemTestApp, type ItemTestApp } from './item-helpers.js';

const ID = '11010519491231002X';

/** A multipart body with one file field. */
function multipart(fileName: string, bytes: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----gongkai-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    bytes, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A one-page PDF showing `text`. */
const pdf = (text: string, catalogExtra?: string) => Buffer.from(makePdf([{ content: pdfText(72, 700, text) }], { catalogExtra }));

forEachDialect('items API: attachments, findings, Art. 26 warnings', (ctx) => {
  let t: ItemTestApp;
  before(async () => { t = await itemTestApp(ctx); });
  after(async () => { await t?.close(); });

  const upload = (who: TestSession, id: number, fileName: string, bytes: Buffer) => {
    const { payload, headers } = multipart(fileName, bytes);
    return t.app.inject({ method: 'POST', url: `/api/items/${id}/attachments`, payload, headers: { ...who.headers, ...headers } });
  };
  const blobCount = async () => Number((await t.db.db.selectFrom('blobs').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  test('attachments: stored once by hash, a new version each; refusals name the file; downloads only through their item', async () => {
    const { drafter, head } = t.people;
    const a = await createItemAs(t, drafter);
    const b = await createItemAs(t, drafter);
    const bytes = pdf('Notice 2024');
    const first = await upload(drafter, a.id, '通知.pdf', bytes);
    assert.equal(first.statusCode, 201, first.body);
    const detail = json(first);
    assert.equal(detail.version, 2);
    assert.deepEqual(detail.attachments.map((x: any) => [x.fileName, x.fileType, x.size]), [['通知.pdf', 'pdf', bytes.length]]);
    const blobs = await blobCount();
    assert.equal((await upload(drafter, b.id, '同一文件.pdf', bytes)).statusCode, 201);
    assert.equal(await blobCount(), blobs, 'the same bytes are stored once');
    const again = await upload(drafter, a.id, '再传一次.pdf', bytes);
    assert.equal(again.statusCode, 409);

    const hash = detail.attachments[0].hash;
    const down = await t.app.inject({ method: 'GET', url: `/api/items/${a.id}/attachments/${hash}`, headers: head.headers });
    assert.equal(down.statusCode, 200);
    assert.deepEqual(down.rawPayload, bytes);
    const other = await createItemAs(t, drafter);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/items/${other.id}/attachments/${hash}`, headers: head.headers })).statusCode, 404);

    const before = await blobCount();
    for (const [name, content, status, message] of [
      ['病毒.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]), 400, /附件“病毒\.pdf”的内容不是 PDF 文件（实为可执行程序）/],
      ['脚本.pdf', pdf('Hello', '/OpenAction << /S /JavaScript /JS (app.alert(1)) >>'), 400, /附件“脚本\.pdf”.*(脚本|JavaScript)/],
      ['空.pdf', Buffer.alloc(0), 400, /附件“空\.pdf”是空文件/],
      ['炸弹.docx', Buffer.from(setDeclaredSize(await makeDocx(p('正文')), 'word/document.xml', 3_000_000_000)), 413, /附件“炸弹\.docx”不能上传：压缩包解压后超过/],
      ['超大.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(MAX_ATTACHMENT_BYTES + 1)]), 413, /超过.*50 MB/],
    ] as const) {
      const res = await upload(drafter, a.id, name, content);
      assert.equal(res.statusCode, status, `${name}: ${res.body}`);
      assert.match(json(res).message, message);
    }
    assert.equal(await blobCount(), before);
    assert.equal(json(await t.call(drafter, 'GET', `/api/items/${a.id}`)).version, 2, 'a refused file writes no version');

    const removed = await t.call(drafter, 'DELETE', `/api/items/${a.id}/attachments/${hash}`);
    assert.equal(removed.statusCode, 200, removed.body);
    assert.equal(json(removed).version, 3);
    assert.deepEqual(json(removed).attachments, []);
    // The older version still names it: it stays downloadable through its item.
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/items/${a.id}/attachments/${hash}`, headers: head.headers })).statusCode, 200);
  });

  test('findings at submission must be resolved before the secrecy review passes: body redacted into a new version, attachment confirmed with a reason', async () => {
    const { drafter, head, secrecy, leader, publisher } = t.people;
    const item = await createItemAs(t, drafter, { bodyHtml: `<p>申请人张三，身份证号 ${ID}。</p><p>联系电话 13812345678</p>` });
    assert.equal((await upload(drafter, item.id, '名单.pdf', pdf(`name list ${ID}`))).statusCode, 201);
    assert.equal((await t.call(drafter, 'POST', `/api/items/${item.id}/submit`, {})).statusCode, 200);
    assert.equal((await t.call(head, 'POST', `/api/items/${item.id}/review`, { step: 'first-review', decision: 'pass' })).statusCode, 200);
    const findings = json(await t.call(secrecy, 'GET', `/api/items/${item.id}/findings`));
    const seen = findings.map((f: any) => [f.sourceName, f.kind, f.place.replace(/第 1 页.*$/, '')]);
    for (const expected of [['正文', 'resident-id', '正文第 1 段'], ['正文', 'mobile', '正文第 2 段'], ['附件“名单.pdf”', 'resident-id', '附件“名单.pdf”']]) {
      assert.ok(seen.some((f: string[]) => JSON.stringify(f) === JSON.stringify(expected)), `${JSON.stringify(expected)} in ${JSON.stringify(seen)}`);
    }
    assert.ok(findings.every((f: any) => /[\u4e00-\u9fa5]/.test(f.kindName)), JSON.stringify(findings));
    assert.ok(findings.every((f: any) => !f.excerpt.includes(ID) && f.resolution === null));

    const blocked = await t.call(secrecy, 'POST', `/api/items/${item.id}/review`, { step: 'secrecy-review', decision: 'pass', form: FORM });
    assert.equal(blocked.statusCode, 409);
    assert.equal(json(blocked).code, 'FINDINGS_OPEN');
    assert.match(json(blocked).message, new RegExp(`尚有 ${findings.length} 处未处理（.*正文第 1 段`));

    const bodyId = findings.find((f: any) => f.kind === 'resident-id' && f.source === 'body');
    const removed = await t.call(secrecy, 'POST', `/api/items/${item.id}/findings/${bodyId.id}/resolve`, { resolution: 'removed' });
    assert.equal(removed.statusCode, 200, removed.body);
    assert.equal(json(removed).resolutionName, '已删除');
    const redacted = json(await t.call(secrecy, 'GET', `/api/items/${item.id}`));
    assert.equal(redacted.version, 3);
    assert.equal(redacted.state, 'secrecy-review');
    assert.equal(redacted.bodyHtml.includes(ID), false);
    assert.equal(redacted.versions.at(-1).redactionOf, 2);
    assert.equal(redacted.findings.length, findings.length, 'the findings carry over to the redacted version');

    const attachment = redacted.findings.find((f: any) => f.source.startsWith('attachment:'));
    const still = await t.call(secrecy, 'POST', `/api/items/${item.id}/findings/${attachment.id}/resolve`, { resolution: 'removed' });
    assert.equal(still.statusCode, 409);
    assert.match(json(still).message, /须先删除或替换该附件/);
    const noReason = await t.call(secrecy, 'POST', `/api/items/${item.id}/findings/${attachment.id}/resolve`, { resolution: 'confirmed' });
    assert.equal(noReason.statusCode, 400);
    assert.match(json(noReason).message, /必须填写理由/);
    assert.equal((await t.call(secrecy, 'POST', `/api/items/${item.id}/findings/${attachment.id}/resolve`, { resolution: 'confirmed', reason: '公示名单依法应当公开' })).statusCode, 200);
    for (const other of redacted.findings.filter((f: any) => f.resolution === null && f.id !== attachment.id)) {
      assert.equal((await t.call(secrecy, 'POST', `/api/items/${item.id}/findings/${other.id}/resolve`, { resolution: 'confirmed', reason: '单位办公电话，可以公开' })).statusCode, 200);
    }

    // The reviewer who only removed a found number may still pass: the content is not theirs.
    const passed = await t.call(secrecy, 'POST', `/api/items/${item.id}/review`, { step: 'secrecy-review', decision: 'pass', form: FORM });
    assert.equal(passed.statusCode, 200, passed.body);
    assert.equal((await t.call(leader, 'POST', `/api/items/${item.id}/review`, { step: 'sign-off', decision: 'pass' })).statusCode, 200);
    const published = json(await t.call(publisher, 'POST', `/api/items/${item.id}/publish`, { channels: ['portal'] }));
    assert.equal(published.publishedVersion, 3);
    assert.equal(published.publications[0].version, 3);
  });

  test('Art. 26: items not yet published, overdue or due within 3 working days, by office and person', async () => {
    const { drafter, head } = t.people;
    const calendar = await calendarService(t.db.db).load();
    const today = '2024-03-04';
    // A day whose due date falls within the next 3 working days.
    let soon = '';
    for (let d = new Date('2024-02-01T00:00:00Z'); !soon; d.setUTCDate(d.getUTCDate() + 1)) {
      const day = d.toISOString().slice(0, 10);
      const due = dueOn(calendar, day)!;
      if (due >= today && due <= '2024-03-07') soon = day;
    }
    const overdue = await createItemAs(t, drafter, { title: '超期未发布', writtenOn: '2024-01-02', office: '审批一科' });
    const dueSoon = await createItemAs(t, drafter, { title: '即将到期', writtenOn: soon, office: '审批一科' });
    const later = await createItemAs(t, drafter, { title: '期限尚远', writtenOn: '2024-03-01', office: '审批一科' });
    const w = json(await t.call(head, 'GET', `/api/item-warnings?agencyId=${t.bureauId}`));
    assert.equal(w.today, today);
    const office = w.offices.find((o: any) => o.office === '审批一科');
    assert.deepEqual(office, { office: '审批一科', overdue: 1, dueSoon: 1 });
    const group = w.groups.find((g: any) => g.office === '审批一科' && g.person === '经办人小李');
    assert.deepEqual(group.overdue.map((i: any) => i.id), [overdue.id]);
    assert.ok(group.overdue[0].workingDaysLeft < 0);
    assert.deepEqual(group.dueSoon.map((i: any) => i.id), [dueSoon.id]);
    assert.ok(!JSON.stringify(w).includes(`"id":${later.id},`));
  });
});
