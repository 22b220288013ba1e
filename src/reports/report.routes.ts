/**
 * Report API: list, create, import, read, update (new version), check, publish, history and
 * downloads. Every mutating route runs its service call in one transaction (the edge opens it).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { fromInterchange } from '../core/interchange/from-interchange.js';
import { toInterchange } from '../core/interchange/to-interchange.js';
import { ValidationError } from '../core/errors.js';
import type { ReportDocument } from '../core/report/report-model.js';
import { actorOf, inTransaction, type AppContext } from '../http/context.js';
import { documentBodyCompiler } from '../http/json-body.js';
import { contentDisposition, renderReport, reportFileName, type OutputFormat } from '../render/render-report.js';
import { reportService, type ReportSummary, type StoredReport } from './report.service.js';
import { reportReview, reviewReport } from './report-review.js';
import { optionalBodyCompiler } from '../http/json-body.js';
import {
  CheckResponseSchema, CorrectReportBody, CreateReportBody, DownloadParams, ReportCorrectionSchema, errorResponses, IdParams, ImportQuery, InterchangeDocumentSchema,
  ListReportsQuery, MAX_ID, ReportDetailSchema, ReportReviewSchema, ReviewReportBody, SubmitReportBody, ReportEventSchema, ReportSummarySchema, ReportVersionInfoSchema, SaveReportBody, VersionParams,
} from './report.schema.js';

const TAGS = ['报告'];

const binary = { schema: Type.String({ format: 'binary' }) };
/** A download's 200 response for OpenAPI: one media type per file type (the body is sent as bytes, never serialized). */
const FILE_RESPONSE = {
  description: '文件内容；Content-Disposition 带中文文件名（RFC 5987），HTML 为 inline，其余为 attachment',
  content: {
    'text/html': binary,
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': binary,
    'application/pdf': binary,
    'application/json': { schema: InterchangeDocumentSchema },
  },
};

/** The summary fields of a stored report (the document left out). */
export function summaryOf(report: StoredReport | ReportSummary): ReportSummary {
  const {
    id, agencyId, agencyName, year, format, status, version, issuedOn, createdAt, updatedAt, publishedAt, reviewState, reviewStateName, reviewVersion,
    publishedVersion, correctedAt,
  } = report;
  return {
    id, agencyId, agencyName, year, format, status, version, issuedOn, createdAt, updatedAt, publishedAt, reviewState, reviewStateName, reviewVersion,
    publishedVersion, correctedAt,
  };
}

/** Summary plus the document in interchange form (every cell, blanks as null). */
export function detailOf(report: StoredReport) {
  return { ...summaryOf(report), document: toInterchange(report.document) };
}

/**
 * Reads a save's body: the interchange document and `baseVersion`, taken off it. The version is
 * required: a save that does not say which version it was edited from could overwrite another person's
 * save unseen. The document is judged first (every problem of the file with its place).
 */
function readSave(raw: unknown): { baseVersion: number; document: ReportDocument } {
  const isObject = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
  const { baseVersion, ...body } = isObject ? (raw as Record<string, unknown>) : { baseVersion: undefined };
  const document = fromInterchange(isObject ? body : raw, '年度报告文件');
  if (baseVersion === undefined) {
    throw new ValidationError('请求体缺少 baseVersion（修改所依据的版本号，即读取报告时的 version）', { field: 'baseVersion' });
  }
  if (typeof baseVersion !== 'number' || !Number.isSafeInteger(baseVersion) || baseVersion < 1 || baseVersion > MAX_ID) {
    throw new ValidationError(`baseVersion 应为正整数（修改所依据的版本号），实际为 ${JSON.stringify(baseVersion)}`, { field: 'baseVersion' });
  }
  return { baseVersion, document };
}

/** Registers the /api/reports routes. */
export const reportRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const read = () => reportService(ctx.db.db, ctx.clock);

  app.get('/api/reports', {
    schema: {
      tags: TAGS, summary: '报告列表', querystring: ListReportsQuery,
      response: { 200: Type.Array(ReportSummarySchema), ...errorResponses(400) },
    },
  }, async (request) => {
    // Without an agency (whose permission the policy checked), only the agencies the reader may see.
    const agencyIds = request.query.agencyId === undefined ? await request.access.agenciesWith('report.read') : undefined;
    return (await read().list({ ...request.query, agencyIds })).map(summaryOf);
  });

  app.post('/api/reports', {
    schema: {
      tags: TAGS, summary: '新建空白报告（全部单元格为空白）', body: CreateReportBody,
      response: { 201: ReportDetailSchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const created = await inTransaction(ctx, (trx) => reportService(trx, ctx.clock).create(request.body, actor));
    return reply.code(201).send(detailOf(created));
  });

  app.post('/api/reports/import', {
    validatorCompiler: documentBodyCompiler,
    schema: {
      tags: TAGS,
      summary: '导入报告（交换格式 JSON）',
      description: '请求体为交换格式 JSON（见 /schema/report-interchange.json）。逐一校验全部单元格，有任何问题则整体拒绝并列出全部问题及位置；'
        + '同一机关同一年度已有未发布的报告时保存为新版本，已发布的报告不可覆盖（409）。',
      querystring: ImportQuery, body: InterchangeDocumentSchema,
      response: { 201: ReportDetailSchema, ...errorResponses(400, 404, 409, 413) },
    },
  }, async (request, reply) => {
    const document = fromInterchange(request.body, '年度报告文件');
    const actor = actorOf(request);
    const stored = await inTransaction(ctx, (trx) =>
      reportService(trx, ctx.clock).importDocument(document, {
        agencyId: request.query.agencyId, authorize: (agencyId, q) => request.access.require('report.import', agencyId, q),
      }, actor));
    return reply.code(201).send(detailOf(stored));
  });

  app.get('/api/reports/:id', {
    schema: { tags: TAGS, summary: '报告详情（含完整内容）', params: IdParams, response: { 200: ReportDetailSchema, ...errorResponses(400, 404) } },
  }, async (request) => detailOf(await read().get(request.params.id)));

  app.put('/api/reports/:id', {
    validatorCompiler: documentBodyCompiler,
    schema: {
      tags: TAGS, summary: '保存报告（生成新版本）',
      description: '请求体为交换格式 JSON，并以 baseVersion 写明修改所依据的版本号（读取报告时的 version）。'
        + '该报告其间已被他人保存为更新的版本时，不予保存，返回 409（STALE_VERSION），并列出自所依据版本以来被修改的单元格和字段；'
        + '已发布的报告不可修改（409）。',
      params: IdParams, body: SaveReportBody,
      response: { 200: ReportDetailSchema, ...errorResponses(400, 404, 409, 413) },
    },
  }, async (request) => {
    const { baseVersion, document } = readSave(request.body);
    const actor = actorOf(request);
    return detailOf(await inTransaction(ctx, (trx) =>
      reportService(trx, ctx.clock).update(request.params.id, document, actor, null, { baseVersion })));
  });

  app.post('/api/reports/:id/correct', {
    schema: {
      tags: TAGS, summary: '更正已发布的报告',
      description: '已发布的报告发现错误时，写明更正说明后开始更正：以已发布版本为基础生成新的草稿版本，修改后须重新校验、'
        + '经初审、保密审查、核审签发后发布，成为门户网站上的现行版本，原版本仍可下载。更正期间门户网站继续显示原发布版本。'
        + '同一报告同时只能有一项更正（409 CORRECTION_OPEN）；未发布的报告直接修改即可（409 REPORT_NOT_PUBLISHED）。',
      params: IdParams, body: CorrectReportBody,
      response: { 200: ReportSummarySchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    return summaryOf(await inTransaction(ctx, (trx) => reportService(trx, ctx.clock).startCorrection(request.params.id, request.body.reason, actor)));
  });

  app.get('/api/reports/:id/corrections', {
    schema: {
      tags: TAGS, summary: '报告的更正记录', params: IdParams,
      response: { 200: Type.Array(ReportCorrectionSchema), ...errorResponses(400, 404) },
    },
  }, async (request) => read().corrections(request.params.id));

  app.post('/api/reports/:id/check', {
    schema: {
      tags: TAGS, summary: '校验报告（勾稽关系）', description: '无强制性校验失败时，草稿状态变为“已校验”。',
      params: IdParams, response: { 200: CheckResponseSchema, ...errorResponses(400, 404) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    const { report, checks } = await inTransaction(ctx, (trx) => reportService(trx, ctx.clock).check(request.params.id, actor));
    return { report: summaryOf(report), checks };
  });

  app.post('/api/reports/:id/submit', {
    validatorCompiler: optionalBodyCompiler,
    schema: {
      tags: TAGS, summary: '提交审核（送科室负责人初审）',
      description: '年度报告与其他政府信息一样，须经科室负责人初审、办公室保密审查、领导核审签发后方可发布（条例第五十条）。'
        + '只有草稿或已退回的报告可以提交（409 REVIEW_NOT_DRAFT）；存在强制性校验失败（409 REPORT_HAS_ERRORS）或未填写成文日期（409 REPORT_NOT_DATED）时不能提交；'
        + '送审的是当前版本，审核期间及签发后不能修改（409 REVIEW_LOCKED）。',
      params: IdParams, body: SubmitReportBody,
      response: { 200: ReportSummarySchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    return summaryOf(await inTransaction(ctx, (trx) => reportService(trx, ctx.clock).submit(request.params.id, actor, request.body?.comment)));
  });

  app.post('/api/reports/:id/review', {
    schema: {
      tags: TAGS, summary: '审核报告（初审、保密审查、核审签发：通过或退回）',
      description: '须依次进行（409 REVIEW_OUT_OF_ORDER）；起草、修改或提交该报告的人不能审核（403 REVIEW_OWN_DRAFT）；'
        + '退回须写明理由（400），退回后修改保存为新版本并须重新提交；保密审查通过须附保密审查表（form，年度报告在政府网站发布，channelsFit.portal 须为 true）。',
      params: IdParams, body: ReviewReportBody,
      response: { 200: ReportSummarySchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    return summaryOf(await inTransaction(ctx, async (trx) => {
      await reviewReport(trx, request.params.id, request.body, actor, new Date(ctx.clock()));
      return reportService(trx, ctx.clock).get(request.params.id);
    }));
  });

  app.get('/api/reports/:id/review', {
    schema: { tags: TAGS, summary: '审核记录', params: IdParams, response: { 200: ReportReviewSchema, ...errorResponses(400, 404) } },
  }, async (request) => reportReview(ctx.db.db, request.params.id));

  app.post('/api/reports/:id/publish', {
    schema: {
      tags: TAGS, summary: '发布报告（在政府网站发布）',
      description: '须经初审、保密审查和核审签发（否则 409 REVIEW_INCOMPLETE），且无强制性校验失败（409 REPORT_HAS_ERRORS）；'
        + '发布记录为政府网站渠道的一次发布；发布后报告不可再修改。',
      params: IdParams, response: { 200: ReportSummarySchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    return summaryOf(await inTransaction(ctx, (trx) => reportService(trx, ctx.clock).publish(request.params.id, actor)));
  });

  app.get('/api/reports/:id/versions', {
    schema: { tags: TAGS, summary: '版本历史', params: IdParams, response: { 200: Type.Array(ReportVersionInfoSchema), ...errorResponses(400, 404) } },
  }, async (request) => read().versions(request.params.id));

  app.get('/api/reports/:id/versions/:version', {
    schema: { tags: TAGS, summary: '某一版本的内容', params: VersionParams, response: { 200: ReportDetailSchema, ...errorResponses(400, 404) } },
  }, async (request) => detailOf(await read().getVersion(request.params.id, request.params.version)));

  app.get('/api/reports/:id/events', {
    schema: { tags: TAGS, summary: '操作记录', params: IdParams, response: { 200: Type.Array(ReportEventSchema), ...errorResponses(400, 404) } },
  }, async (request) => read().events(request.params.id));

  app.get('/api/reports/:id/download.:ext', {
    schema: {
      tags: TAGS, summary: '下载报告文件（HTML、Word、PDF 或交换格式 JSON）', params: DownloadParams,
      response: { 200: FILE_RESPONSE, ...errorResponses(400, 404) },
    },
  }, async (request, reply) => {
    const report = await read().get(request.params.id);
    return sendReportFile(reply, ctx, report, request.params.ext);
  });
};

/** The rendered file of a report version with its headers (from the render cache when there is one). */
export async function reportFileResponse(ctx: AppContext, report: StoredReport, ext: OutputFormat): Promise<{ body: Buffer; type: string; headers: Record<string, string> }> {
  const document = report.document;
  const file = ctx.renderCache
    ? await ctx.renderCache.get({ id: report.id, version: report.version }, document, ext)
    : await renderReport(document, ext);
  const name = reportFileName(document, file.extension);
  const fallback = `gongkai-report-${document.year}.${file.extension}`;
  return {
    body: file.body,
    type: file.contentType,
    headers: {
      'content-disposition': contentDisposition(ext === 'html' ? 'inline' : 'attachment', name, fallback),
      'x-content-type-options': 'nosniff',
    },
  };
}

/** Sends a rendered report with its type and a Content-Disposition carrying the Chinese file name. */
export async function sendReportFile(reply: FastifyReply, ctx: AppContext, report: StoredReport, ext: OutputFormat) {
  const file = await reportFileResponse(ctx, report, ext);
  for (const [name, value] of Object.entries(file.headers)) reply.header(name, value);
  return reply.header('content-type', file.type).send(file.body);
}
