/**
 * Letters API: the reply letter (告知书) of a decided case and the fee notice (收费通知书) of a case with a
 * fee notice, as Word or PDF, built from the case record (src/letters/case-letters.ts) and set on the page
 * by src/letters/render-letter.ts. Downloads carry the Chinese file name as report downloads do.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { recordSecurityEvent } from '../auth/security-log.service.js';
import { Type } from 'typebox';
import { applicationsOn } from '../applications/application.routes.js';
import type { LetterContent } from '../core/applications/letter-content.js';
import { settingsOf, type AppContext } from '../http/context.js';
import { contentDisposition } from '../render/render-report.js';
import { errorResponses, MAX_ID } from '../reports/report.schema.js';
import { feeNoticeOf, replyLetterOf } from './case-letters.js';
import { renderLetterDocx, renderLetterPdf } from './render-letter.js';

const TAGS = ['依申请公开'];

/** The file types a letter is rendered to. */
export const LETTER_FORMATS = ['docx', 'pdf'] as const;
export type LetterFormat = (typeof LETTER_FORMATS)[number];

const CONTENT_TYPES: Record<LetterFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export const LetterParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: MAX_ID, description: '申请编号' }),
  ext: Type.Union(LETTER_FORMATS.map((f) => Type.Literal(f)), { description: '文件类型：docx（Word）或 pdf' }),
});

const binary = { schema: Type.String({ format: 'binary' }) };
const FILE_RESPONSE = {
  description: '文件内容；Content-Disposition 为 attachment，带中文文件名（RFC 5987）',
  content: { [CONTENT_TYPES.docx]: binary, [CONTENT_TYPES.pdf]: binary },
};

/** The file name of a letter: 2025-0001 政府信息不予公开告知书.docx (characters no file system accepts replaced). */
export function letterFileName(caseNo: string, content: LetterContent, ext: LetterFormat): string {
  // eslint-disable-next-line no-control-regex
  const safe = `${caseNo} ${content.title}`.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '_').replace(/\s+/g, ' ').slice(0, 120);
  return `${safe}.${ext}`;
}

/** Renders a letter and sends it with its type and a Content-Disposition carrying the Chinese file name. */
export async function sendLetterFile(reply: FastifyReply, content: LetterContent, name: { caseNo: string; fallback: string }, ext: LetterFormat) {
  const body = ext === 'docx' ? await renderLetterDocx(content) : await renderLetterPdf(content);
  return reply
    .header('content-type', CONTENT_TYPES[ext])
    .header('content-disposition', contentDisposition('attachment', letterFileName(name.caseNo, content, ext), `${name.fallback}.${ext}`))
    .header('x-content-type-options', 'nosniff')
    .send(body);
}

/** Registers the letter downloads under /api/applications/:id/. */
export const letterRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  /**
   * The case and its history, read together (unknown case → 404). A letter carries the applicant's
   * name and address: the download is a view of personal data and is recorded as one.
   */
  const caseRecord = async (request: FastifyRequest<{ Params: { id: number } }>) => {
    const svc = await applicationsOn(ctx.db.db, ctx);
    const detail = await svc.get(request.params.id);
    await recordSecurityEvent(ctx.db.db, ctx.clock, {
      type: 'personal-data-viewed', success: true, actor: request.access.actor(), login: request.access.principal?.login,
      target: `application:${detail.id}`, detail: { caseNo: detail.caseNo, agencyId: detail.agencyId, via: `${request.method} ${request.routeOptions.url}` }, ip: request.ip,
    });
    return { detail, events: await svc.history(request.params.id) };
  };

  app.get('/api/applications/:id/letter.:ext', {
    schema: {
      tags: TAGS, summary: '下载答复告知书（Word 或 PDF）',
      description: '按处理决定类型生成，写明法律依据及救济途径（60日内申请行政复议、6个月内提起行政诉讼）。尚未作出处理决定的申请返回 409。',
      params: LetterParams, response: { 200: FILE_RESPONSE, ...errorResponses(400, 404, 409) },
    },
  }, async (request, reply) => {
    const { detail, events } = await caseRecord(request);
    const content = replyLetterOf(detail, events);
    return sendLetterFile(reply, content, { caseNo: detail.caseNo, fallback: `gongkai-letter-${detail.id}` }, request.params.ext);
  });

  app.get('/api/applications/:id/fee-notice.:ext', {
    schema: {
      tags: TAGS, summary: '下载信息处理费缴费通知书（Word 或 PDF）',
      description: '按发出收费通知时确定的计收方式和累进标准列明计算明细、合计金额及缴费截止日期。未发出收费通知的申请返回 409。',
      params: LetterParams, response: { 200: FILE_RESPONSE, ...errorResponses(400, 404, 409) },
    },
  }, async (request, reply) => {
    const { detail, events } = await caseRecord(request);
    const content = feeNoticeOf(detail, events, settingsOf(ctx));
    return sendLetterFile(reply, content, { caseNo: detail.caseNo, fallback: `gongkai-fee-notice-${detail.id}` }, request.params.ext);
  });
};
