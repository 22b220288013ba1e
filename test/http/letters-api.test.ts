/**
 * The letter downloads end to end on SQLite and PostgreSQL: the reply letter (告知书) of a decided case and
 * the fee notice of a case with a fee notice, as Word and PDF with the Chinese file name; 409 before the
 * decision (or without a fee notice), 404 for an unknown case, 400 for an unknown file type.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { forEachDialect } from '../db-helpers.js';
import { caseTestApp, json, sendJson } from './http-helpers.js';

const PERSON_ID = '11010519491231002X';
const USER = {};
const AGENCY = '某区司法局';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The text of word/document.xml's runs, joined (a paragraph's runs may split a phrase). */
async function docxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

/** The UTF-8 file name of a Content-Disposition header (RFC 5987 filename*). */
function fileNameOf(header: unknown): string {
  const m = /filename\*=UTF-8''([^;]+)/.exec(String(header));
  assert.ok(m, `RFC 5987 filename* in “${String(header)}”`);
  return decodeURIComponent(m[1]!);
}

forEachDialect('letters API', (ctx) => {
  let app: FastifyInstance;
  let agencyId: number;

  before(async () => {
    ({ app, agencyId } = await caseTestApp(ctx, { now: '2025-11-18T02:00:00.000Z', agencyName: AGENCY }));
  });
  after(async () => app.close());

  const receive = async () => {
    const res = await sendJson(app, 'POST', '/api/applications', {
      agencyId, channel: 'in-person', evidence: { handedInOn: '2025-09-26' }, applicantType: '自然人',
      applicant: { name: '张三丰', idNumber: PERSON_ID }, subject: '2024年度行政许可事项清单', formWanted: '电子邮件',
    }, USER);
    assert.equal(res.statusCode, 201, res.body);
    return json<{ id: number; caseNo: string }>(res);
  };
  const event = async (id: number, e: Record<string, unknown>) => {
    const res = await sendJson(app, 'POST', `/api/applications/${id}/events`, e, USER);
    assert.equal(res.statusCode, 200, res.body);
  };
  const download = (url: string) => app.inject({ method: 'GET', url });

  test('the reply letter of a decided case, as Word and PDF', async () => {
    const a = await receive();
    await event(a.id, { type: 'decided', date: '2025-10-20', decision: 'disclosed', particulars: '已于2025年10月20日通过电子邮件提供' });

    const docx = await download(`/api/applications/${a.id}/letter.docx`);
    assert.equal(docx.statusCode, 200, docx.body);
    assert.equal(docx.headers['content-type'], DOCX);
    assert.equal(docx.rawPayload.subarray(0, 2).toString('latin1'), 'PK');
    assert.match(String(docx.headers['content-disposition']), /^attachment; filename="[\x20-\x7e]+\.docx"; filename\*=UTF-8''/);
    assert.equal(fileNameOf(docx.headers['content-disposition']), `${a.caseNo} 政府信息公开申请答复告知书.docx`);
    const text = await docxText(docx.rawPayload);
    for (const s of ['政府信息公开申请答复告知书', '张三丰：', '2025年9月26日', a.caseNo, '2024年度行政许可事项清单',
      '本机关决定予以公开', '第三十六条第（二）项', '已于2025年10月20日通过电子邮件提供', '60日内', '6个月内', AGENCY, '2025年10月20日']) {
      assert.ok(text.includes(s), `应含“${s}”`);
    }

    const pdf = await download(`/api/applications/${a.id}/letter.pdf`);
    assert.equal(pdf.statusCode, 200, pdf.body);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.equal(fileNameOf(pdf.headers['content-disposition']), `${a.caseNo} 政府信息公开申请答复告知书.pdf`);
  });

  test('the fee notice, and the fee paid named in the reply', async () => {
    const a = await receive();
    await event(a.id, { type: 'fee-notice-sent', date: '2025-10-09', fee: { method: 'by-volume', pages: 250 } });

    const notice = await download(`/api/applications/${a.id}/fee-notice.docx`);
    assert.equal(notice.statusCode, 200, notice.body);
    assert.equal(notice.rawPayload.subarray(0, 2).toString('latin1'), 'PK');
    assert.equal(fileNameOf(notice.headers['content-disposition']), `${a.caseNo} 政府信息公开信息处理费缴费通知书.docx`);
    const text = await docxText(notice.rawPayload);
    // 250 pages → 4700元; 20 working days from the day after Thu 2025-10-09 (Sat 10-11 a make-up working day) → 2025-11-05.
    for (const s of ['政府信息公开信息处理费缴费通知书', '张三丰：', '共250页', '4700元', '合计：4700元', '20个工作日', '2025年11月5日', '2025年10月9日', AGENCY]) {
      assert.ok(text.includes(s), `应含“${s}”`);
    }
    const pdf = await download(`/api/applications/${a.id}/fee-notice.pdf`);
    assert.equal(pdf.statusCode, 200, pdf.body);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');

    // Not decided yet: no reply letter.
    const early = await download(`/api/applications/${a.id}/letter.pdf`);
    assert.equal(early.statusCode, 409, early.body);

    await event(a.id, { type: 'fee-paid', date: '2025-10-20' });
    await event(a.id, { type: 'decided', date: '2025-10-27', decision: 'disclosed', particulars: '通过电子邮件提供' });
    const reply = await download(`/api/applications/${a.id}/letter.docx`);
    assert.equal(reply.statusCode, 200, reply.body);
    assert.ok((await docxText(reply.rawPayload)).includes('收取信息处理费4700元'));
  });

  test('409 before the decision or without a fee notice, 404 for an unknown case, 400 for an unknown type', async () => {
    const a = await receive();
    for (const url of [`/api/applications/${a.id}/letter.docx`, `/api/applications/${a.id}/letter.pdf`]) {
      const res = await download(url);
      assert.equal(res.statusCode, 409, res.body);
      assert.equal(json(res).code, 'NOT_DECIDED');
      assert.match(json(res).message, /尚未作出处理决定/);
      assert.ok(json(res).message.includes(a.caseNo));
    }
    const noFee = await download(`/api/applications/${a.id}/fee-notice.pdf`);
    assert.equal(noFee.statusCode, 409, noFee.body);
    assert.match(json(noFee).message, /未发出收费通知/);

    for (const url of ['/api/applications/999999/letter.docx', '/api/applications/999999/fee-notice.pdf']) {
      const res = await download(url);
      assert.equal(res.statusCode, 404, res.body);
      assert.match(json(res).message, /未找到编号为 999999 的政府信息公开申请/);
    }
    const html = await download(`/api/applications/${a.id}/letter.html`);
    assert.equal(html.statusCode, 400, html.body);
    assert.match(json(html).message, /docx、pdf/);
  });

  test('a decision recorded without the particulars its letter must state → 409 naming what is missing', async () => {
    const a = await receive();
    await event(a.id, { type: 'decided', date: '2025-10-20', decision: 'disclosed' });
    const res = await download(`/api/applications/${a.id}/letter.docx`);
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(json(res).code, 'LETTER_UNAVAILABLE');
    assert.match(json(res).message, /获取方式、途径和时间/);
  });

  test('a withdrawn case gets its letter too', async () => {
    const a = await receive();
    await event(a.id, { type: 'withdrawn', date: '2025-10-10' });
    const res = await download(`/api/applications/${a.id}/letter.docx`);
    assert.equal(res.statusCode, 200, res.body);
    assert.ok((await docxText(res.rawPayload)).includes('终止处理告知书'));
  });
});
