/**
 * Saved bulk audits over HTTP (/api/audits…): upload report files (or audit stored files again) → 202 with the
 * batch at once, the reading goes on in the background (audit-batch-runner.ts); the batch with its files (filter,
 * sort; polled for progress), a file's detail, decisions on findings, stop and re-run, exports (XLSX, CSV, HTML)
 * and the comparisons across years and agencies. Permission 核查年度报告 (audit.run) in the batch's agency; lists
 * and comparisons cover the agencies where the caller holds it. ZIP archives in an upload are expanded by
 * audit-intake.ts: each file inside is a file of the batch, an archive that cannot be expanded a failed one.
 */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { grantsFor } from '../core/access/grants.js';
import { ForbiddenError, TooLargeError, ValidationError } from '../core/errors.js';
import { actorOf, inTransaction, type AppContext } from '../http/context.js';
import { MAX_PARSE_BYTES } from '../parse/parse-file.js';
import { contentDisposition } from '../render/render-report.js';
import { errorResponses, MAX_ID } from '../reports/report.schema.js';
import { batchCsv, batchHtml, batchXlsx } from './audit-batch-export.js';
import { createAuditRunner, type AuditRunner } from './audit-batch-runner.js';
import {
  AUDIT_BATCH_STATE_LABELS, AUDIT_CELL_STATE_LABELS, AUDIT_DECISION_LABELS, AUDIT_FILE_STATE_LABELS, AUDIT_FORMAT_LABELS,
  AUDIT_SEVERITY_FILTER_LABELS, AUDIT_SORT_LABELS, AuditBatchListSchema, AuditBatchPageSchema, AuditBatchParams, AuditBatchSchema,
  AuditCompareAgencyQuery, AuditCompareAgencySchema, AuditCompareYearQuery, AuditCompareYearSchema, AuditDecisionBody,
  AuditExportQuery, AuditFileDetailSchema, AuditFileParams, AuditFilesQuery, AuditFindingParams, AuditFindingSchema, AuditLabelsSchema,
  MAX_AUDIT_FILES, MAX_BATCH_FILES,
} from './audit-batch.schema.js';
import { auditBatchService, checkUpload, defaultAuditReader, tooLargeFile, type AuditReader, type UploadedFile } from './audit-batch.service.js';
import { isZipMagic, planIntake } from './audit-intake.js';
import { compareAgency, compareAgencyXlsx, compareYear, compareYearXlsx } from './audit-compare.js';

const TAGS = ['核查年度报告'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** All files of one upload together. */
const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

/** What the plugin may be given beside the app context (the server passes the worker pool's reader). */
export interface AuditBatchRouteOptions {
  reader?: AuditReader;
  concurrency?: number;
}

/** The runner of the last app built on a database (tests wait on it). */
const runners = new WeakMap<object, AuditRunner>();

/** The background runner of an app's audits (for tests: `await auditRunnerOf(ctx)?.idle()`). */
export function auditRunnerOf(ctx: Pick<AppContext, 'db'>): AuditRunner | undefined {
  return runners.get(ctx.db);
}

/**
 * Reads the multipart upload: every file part, the fields title and agencyId. A report file may have 50 MB, a ZIP
 * archive up to the upload's total (its files are held to 50 MB each by the intake).
 */
async function readParts(request: FastifyRequest): Promise<{ files: UploadedFile[]; title?: string; agencyId?: string }> {
  const files: UploadedFile[] = [];
  const fields: Record<string, string> = {};
  let total = 0;
  let name = '';
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        name = part.filename || `文件${files.length + 1}`;
        const bytes = await part.toBuffer();
        if (bytes.length > MAX_PARSE_BYTES && !isZipMagic(bytes)) throw new TooLargeError(tooLargeFile(name, bytes.length));
        total += bytes.length;
        if (total > MAX_UPLOAD_BYTES) throw new TooLargeError(`一次上传的文件合计不得超过 ${MAX_UPLOAD_BYTES / 1024 / 1024 / 1024} GB，请分批上传`);
        files.push({ name, bytes });
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new TooLargeError(tooLargeFile(name));
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') throw new ValidationError(`一次最多核查 ${MAX_AUDIT_FILES} 个文件，请分批上传`, { field: 'file' });
    throw e;
  }
  if (fields.title !== undefined && fields.title.length > 200) throw new ValidationError('标题不得超过 200 个字', { field: 'title' });
  return { files, title: fields.title, agencyId: fields.agencyId };
}

/** The agency an upload belongs to: the one given, else the first grant of 核查年度报告. */
function agencyOf(request: FastifyRequest, given: unknown): number {
  if (given !== undefined && given !== null && given !== '') {
    const id = Number(given);
    if (!Number.isInteger(id) || id < 1 || id > MAX_ID) throw new ValidationError('机关编号（agencyId）应为正整数', { field: 'agencyId' });
    return id;
  }
  const grant = grantsFor(request.access.principal?.grants ?? [], 'audit.run')[0];
  if (!grant) throw new ForbiddenError('没有权限：需要“核查年度报告”权限');
  return grant.agencyId;
}

/** Checks the JSON body of “audit again”. */
function againBody(body: unknown): { title?: string; agencyId?: unknown; fileIds: number[] } {
  const b = (body ?? {}) as { title?: unknown; agencyId?: unknown; fileIds?: unknown };
  if (!Array.isArray(b.fileIds) || b.fileIds.length === 0) {
    throw new ValidationError('请以 multipart/form-data 上传年度报告文件（字段 file），或以 JSON 给出已上传的核查文件编号 fileIds', { field: 'fileIds' });
  }
  if (b.fileIds.length > MAX_AUDIT_FILES) throw new ValidationError(`一次最多核查 ${MAX_AUDIT_FILES} 个文件，请分批核查`, { field: 'fileIds' });
  if (!b.fileIds.every((id) => Number.isInteger(id) && id >= 1 && id <= MAX_ID)) throw new ValidationError('核查文件编号（fileIds）应为正整数', { field: 'fileIds' });
  if (b.title !== undefined && (typeof b.title !== 'string' || b.title.length > 200)) throw new ValidationError('标题应为不超过 200 个字的文字', { field: 'title' });
  return { title: b.title as string | undefined, agencyId: b.agencyId, fileIds: b.fileIds as number[] };
}

const LABELS = {
  batchStates: AUDIT_BATCH_STATE_LABELS, fileStates: AUDIT_FILE_STATE_LABELS, severities: AUDIT_SEVERITY_FILTER_LABELS,
  decisions: AUDIT_DECISION_LABELS, cellStates: AUDIT_CELL_STATE_LABELS, formats: AUDIT_FORMAT_LABELS, sorts: AUDIT_SORT_LABELS,
};

/** Registers the saved-audit API (call inside buildApp, after the access control). */
export function auditBatchRoutes(options: AuditBatchRouteOptions = {}): FastifyPluginAsyncTypebox<AppContext> {
  return async (app, ctx) => {
    await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: MAX_AUDIT_FILES, fields: 10, parts: MAX_AUDIT_FILES + 10 } });
    const runner = createAuditRunner(ctx.db.db, ctx.clock, {
      reader: options.reader ?? defaultAuditReader, concurrency: options.concurrency,
      onError: (e) => app.log.error({ err: e }, '核查文件读取失败 (audit runner)'),
    });
    runners.set(ctx.db, runner);
    // Batches left reading by a stopped server go on (their abandoned files once the lease runs out).
    // A failure here (the database not reachable yet) is logged, never a refused start: the next upload or
    // re-run resumes reading, and abandoned files are claimed again once their lease runs out.
    app.addHook('onReady', async () => {
      try {
        await runner.resume();
      } catch (e) {
        app.log.error({ err: e }, '恢复未完成的核查批次失败 (audit resume)');
      }
    });
    app.addHook('onClose', async () => { await runner.close(); });

    const reads = () => auditBatchService(ctx.db.db, ctx.clock);

    /** The batch, when the caller may audit in its agency (404 unknown, 403 another agency's). */
    async function scoped(request: FastifyRequest, id: number) {
      const batch = await reads().batchRow(id);
      await request.access.require('audit.run', batch.agency_id);
      return batch;
    }

    app.post('/api/audits', {
      schema: {
        tags: TAGS, summary: '上传年度报告文件并核查',
        description: `multipart/form-data：一个或多个文件字段 file（年度报告每个不超过 ${MAX_PARSE_BYTES / 1024 / 1024} MB，或 ZIP 压缩包，合计不超过 ${MAX_AUDIT_FILES} 个、1 GB），`
          + `压缩包逐个展开（含其中的压缩包，至多两层），其中每个文件以“压缩包名/路径”为名，一次最多读取 ${MAX_BATCH_FILES} 个文件；`
          + '无法展开的压缩包（损坏、嵌套过深、疑似“压缩炸弹”）和超出上限未读取的文件各列为一个读取失败的文件并说明原因，其余文件照常核查。'
          + '可选字段 title、agencyId；或 JSON `{ title?, agencyId?, fileIds }` 再次核查已上传的文件。文件按 SHA-256 只保存一份。'
          + '立即返回 202 和核查批次，文件在后台逐个读取；轮询 GET /api/audits/:id 查看进度。没有文件、文件过多为 400，文件过大为 413，均不保存任何数据。',
        response: { 202: AuditBatchSchema, ...errorResponses(400, 404, 413) },
      },
    }, async (request, reply) => {
      const actor = actorOf(request);
      let batch;
      if (request.isMultipart()) {
        const upload = await readParts(request);
        // Zips are listed, not inflated (nested ones apart): each entry is inflated as it is stored, in the transaction.
        const files = planIntake(upload.files, { maxFiles: MAX_BATCH_FILES });
        checkUpload(files);
        const agencyId = agencyOf(request, upload.agencyId);
        await request.access.require('audit.run', agencyId);
        batch = await inTransaction(ctx, (trx) => auditBatchService(trx, ctx.clock).create({ agencyId, title: upload.title, files }, actor));
      } else {
        const body = againBody(request.body);
        const agencyId = agencyOf(request, body.agencyId);
        await request.access.require('audit.run', agencyId);
        batch = await inTransaction(ctx, (trx) => auditBatchService(trx, ctx.clock).again(
          { agencyId, title: body.title, fileIds: body.fileIds }, actor, (a) => request.access.can('audit.run', a, trx)));
      }
      runner.kick(batch.id);
      return reply.code(202).send(batch);
    });

    app.get('/api/audits', {
      schema: { tags: TAGS, summary: '核查批次列表', description: '用户有核查权限的机关的核查批次，新建的在前。', response: { 200: AuditBatchListSchema } },
    }, async (request) => reads().list(await request.access.agenciesWith('audit.run')));

    app.get('/api/audits/labels', {
      schema: { tags: TAGS, summary: '核查中使用的中文名称', description: '状态、问题类别、核查结论、单元格读取情况、格式、排序方式的中文名称。', response: { 200: AuditLabelsSchema } },
    }, async () => LABELS);

    app.get('/api/audits/compare/agency', {
      schema: {
        tags: TAGS, summary: '同一机关各年度比较',
        description: '用户有核查权限的机关的核查批次中，该机关每个年度最近一次读取的报告：各单元格的数值及与上年相比的增减，以及表三“上年结转”与上年度“结转下年度继续办理”是否一致。format=xlsx 下载 Excel。',
        querystring: AuditCompareAgencyQuery, response: { 200: AuditCompareAgencySchema },
      },
    }, async (request, reply) => {
      const data = await compareAgency(ctx.db.db, await request.access.agenciesWith('audit.run'), request.query.name);
      if (request.query.format !== 'xlsx') return data;
      return reply.type(XLSX_TYPE).header('content-disposition', contentDisposition('attachment', `${data.agencyName}各年度比较.xlsx`, 'audit-agency-compare.xlsx'))
        .send(await compareAgencyXlsx(data) as never);
    });

    app.get('/api/audits/compare/year', {
      schema: {
        tags: TAGS, summary: '同一年度各机关比较',
        description: '用户有核查权限的机关的核查批次中，该年度每个机关最近一次读取的报告的主要数字（本年新收、上年结转、各办理结果、结转下年度、行政复议和行政诉讼、规章和规范性文件制发）。format=xlsx 下载 Excel。',
        querystring: AuditCompareYearQuery, response: { 200: AuditCompareYearSchema },
      },
    }, async (request, reply) => {
      const data = await compareYear(ctx.db.db, await request.access.agenciesWith('audit.run'), request.query.year);
      if (request.query.format !== 'xlsx') return data;
      return reply.type(XLSX_TYPE).header('content-disposition', contentDisposition('attachment', `${data.year}年度各机关比较.xlsx`, `audit-year-${data.year}.xlsx`))
        .send(await compareYearXlsx(data) as never);
    });

    app.get('/api/audits/:id', {
      schema: {
        tags: TAGS, summary: '核查批次及其文件',
        description: '批次（状态、进度、汇总）和文件列表；可按状态、问题类别、机关名称、年度、格式筛选，按问题数（默认）、文件名、机关、年度排序。读取中时每秒轮询一次即可。',
        params: AuditBatchParams, querystring: AuditFilesQuery, response: { 200: AuditBatchPageSchema, ...errorResponses(404) },
      },
    }, async (request) => {
      await scoped(request, request.params.id);
      return reads().page(request.params.id, request.query);
    });

    app.get('/api/audits/:id/files/:fileId', {
      schema: {
        tags: TAGS, summary: '核查文件详情',
        description: '表二、三、四的各单元格及读取情况（已读取、已恢复、缺失、空白）、空白单元格汇总、问题及核查结论、读取说明、正文数字与表格的对照。',
        params: AuditFileParams, response: { 200: AuditFileDetailSchema, ...errorResponses(404) },
      },
    }, async (request) => {
      await scoped(request, request.params.id);
      return reads().detail(request.params.id, request.params.fileId);
    });

    app.put('/api/audits/:id/files/:fileId/findings/:fingerprint', {
      schema: {
        tags: TAGS, summary: '核查结论',
        description: '确认问题（confirmed）或标记为不是问题（dismissed，须填写说明，不超过 500 字）。每次变更记录操作人、时间和变更前后的结论；同一文件（按 SHA-256）重新读取或再次上传后结论仍然有效。',
        params: AuditFindingParams, body: AuditDecisionBody, response: { 200: AuditFindingSchema, ...errorResponses(400, 404) },
      },
    }, async (request) => {
      await scoped(request, request.params.id);
      const actor = actorOf(request);
      return inTransaction(ctx, (trx) => auditBatchService(trx, ctx.clock)
        .decide(request.params.id, request.params.fileId, request.params.fingerprint, request.body, actor));
    });

    app.post('/api/audits/:id/rerun', {
      schema: {
        tags: TAGS, summary: '重新核查', description: '重新读取批次中的全部文件（202，批次编号不变，重新显示进度）；以前的读取结果保留，核查结论仍然有效。',
        params: AuditBatchParams, response: { 202: AuditBatchSchema, ...errorResponses(404, 409) },
      },
    }, async (request, reply) => {
      await scoped(request, request.params.id);
      const actor = actorOf(request);
      const batch = await inTransaction(ctx, (trx) => auditBatchService(trx, ctx.clock).rerun(request.params.id, actor));
      runner.kick(batch.id);
      return reply.code(202).send(batch);
    });

    app.post('/api/audits/:id/stop', {
      schema: {
        tags: TAGS, summary: '停止核查', description: '停止读取；尚未读取的文件保持“等待读取”，可重新核查。批次不在读取中为 409。',
        params: AuditBatchParams, response: { 200: AuditBatchSchema, ...errorResponses(404, 409) },
      },
    }, async (request) => {
      await scoped(request, request.params.id);
      const actor = actorOf(request);
      return inTransaction(ctx, (trx) => auditBatchService(trx, ctx.clock).stop(request.params.id, actor));
    });

    app.get('/api/audits/:id/export', {
      schema: {
        tags: TAGS, summary: '导出核查结果',
        description: 'format=xlsx（结果、问题、说明三个工作表）、csv（结果，空一行后为问题）或 html（可打印的网页）。结果按错误多少排序；问题含所涉单元格、数值和核查结论。',
        params: AuditBatchParams, querystring: AuditExportQuery, response: errorResponses(404),
      },
    }, async (request, reply) => {
      const batch = await scoped(request, request.params.id);
      const data = await reads().exportData(batch.id);
      const at = ctx.clock();
      const name = `核查结果-${batch.title}`.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 100);
      const fallback = `audit-${batch.id}`;
      switch (request.query.format) {
        case 'xlsx':
          return reply.type(XLSX_TYPE).header('content-disposition', contentDisposition('attachment', `${name}.xlsx`, `${fallback}.xlsx`)).send(await batchXlsx(data, at));
        case 'csv':
          return reply.type('text/csv; charset=utf-8').header('content-disposition', contentDisposition('attachment', `${name}.csv`, `${fallback}.csv`)).send(batchCsv(data));
        default:
          return reply.type('text/html; charset=utf-8').header('content-disposition', contentDisposition('attachment', `${name}.html`, `${fallback}.html`)).send(batchHtml(data, at));
      }
    });
  };
}
