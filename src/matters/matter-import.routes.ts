/**
 * The matter list in and out as spreadsheets: POST /api/agencies/:agencyId/matters/import (XLSX, multipart or raw
 * body; read in a worker thread, checked and stored in the request's one transaction; the report lists every
 * refused row) and GET /api/agencies/:agencyId/matters.xlsx (re-importable).
 */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { TooLargeError, ValidationError } from '../core/errors.js';
import { MAX_IMPORT_BYTES } from '../disclosure/item-import-read.js';
import { AgencyParams } from '../disclosure/review.schema.js';
import { actorOf, inTransaction, type AppContext } from '../http/context.js';
import { contentDisposition } from '../render/render-report.js';
import { errorResponses } from '../reports/report.schema.js';
import { exportMattersXlsx } from './matter-export-xlsx.js';
import { createMatterReadPool } from './matter-import-pool.js';
import { importMatters } from './matter-import.service.js';
import { hallService } from './hall.service.js';
import { storeMatterFile } from './matter-files.js';
import { checkUpload } from '../disclosure/item-attachments.js';

const TAGS = ['办事指南'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NO_FILE = '请求中没有文件：请以 multipart/form-data 上传 .xlsx 文件，或以原始内容提交并用 ?fileName= 给出文件名。';

const Problem = Type.Object({ row: Type.Integer(), column: Type.String(), message: Type.String() });
export const MatterImportReportSchema = Type.Object({
  fileName: Type.String(), rows: Type.Integer(), created: Type.Integer(), updated: Type.Integer(), stored: Type.Boolean(), dryRun: Type.Boolean(),
  refusedRows: Type.Integer(), refused: Type.Array(Problem), warnings: Type.Array(Problem), message: Type.String(),
}, { description: '事项清单导入报告' });
const ImportQuery = Type.Object({
  fileName: Type.Optional(Type.String({ maxLength: 255 })),
  skipRefused: Type.Optional(Type.Boolean({ description: '只导入无误的行' })),
  dryRun: Type.Optional(Type.Boolean({ description: '只检查，不保存' })),
});

/** Registers the import and export routes. */
export const matterImportRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  await app.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10, parts: 20 } });
  app.addContentTypeParser(['application/octet-stream', XLSX_TYPE], { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_r, body, done) => done(null, body));
  const pool = createMatterReadPool();
  app.addHook('onClose', async () => pool.close());

  app.post('/api/agencies/:agencyId/matters/import', {
    schema: {
      tags: TAGS, summary: '导入事项清单（Excel）',
      description: '第一行为中文表头（与导出相同）：事项名称、事项编码、事项类型、实施主体、设定依据、主题分类（如“自然人-生育收养”）等。先检查每一行，'
        + '再在一个事务中保存：新的事项编码新增事项，已有的生成新版本，均为草稿，须经审核后发布。默认有任何一行被拒绝即不导入；skipRefused=true 时导入无误的行；'
        + 'dryRun=true 时只检查。被拒绝的原因逐行列出。',
      params: AgencyParams, querystring: ImportQuery, response: { 200: MatterImportReportSchema, ...errorResponses(400, 404, 409, 413) },
    },
  }, async (request) => {
    let bytes: Buffer;
    let fileName = request.query.fileName || '事项清单.xlsx';
    if (request.isMultipart()) {
      const part = await request.file();
      if (!part) throw new ValidationError(NO_FILE, { field: 'file' });
      try {
        bytes = await part.toBuffer();
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new TooLargeError(`文件超过 ${MAX_IMPORT_BYTES / 2 ** 20} MB，请分成几个文件导入。`);
        throw e;
      }
      fileName = part.filename || fileName;
    } else {
      if (!Buffer.isBuffer(request.body) || request.body.length === 0) throw new ValidationError(NO_FILE, { field: 'file' });
      bytes = request.body;
    }
    const parsed = await pool.read(bytes, fileName);
    const actor = actorOf(request);
    return inTransaction(ctx, (trx) => importMatters(trx, ctx.clock, parsed, {
      agencyId: request.params.agencyId, fileName, skipRefused: request.query.skipRefused, dryRun: request.query.dryRun,
    }, actor));
  });

  app.post('/api/agencies/:agencyId/matter-files', {
    schema: {
      tags: TAGS, summary: '上传申请材料的空白表格或示范样表',
      description: '文件类型按内容识别并经安全检查；样表中发现身份证号码等个人信息的不予保存（示范样表应使用虚构信息）。返回文件的 SHA-256，供事项的申请材料引用。',
      params: AgencyParams, response: { 201: Type.Object({ hash: Type.String(), fileName: Type.String(), fileType: Type.String() }), ...errorResponses(400, 404, 413) },
    },
  }, async (request, reply) => {
    if (!request.isMultipart()) throw new ValidationError(NO_FILE, { field: 'file' });
    const part = await request.file();
    if (!part) throw new ValidationError(NO_FILE, { field: 'file' });
    const upload = await checkUpload(part.filename || '表格', await part.toBuffer());
    const stored = await inTransaction(ctx, (trx) => storeMatterFile(trx, ctx.clock, request.params.agencyId, upload));
    return reply.code(201).send(stored);
  });

  app.post('/api/agencies/:agencyId/service-halls/months/import', {
    schema: {
      tags: TAGS, summary: '导入大厅月度数据（Excel）',
      description: '表头：大厅、月份、窗口数、进驻事项数、办件量、快递送达证照数。大厅须已登记；有任何一行有误即不导入，逐行列出原因；已填报的月份按导入的数据更正并记录修改前后的值。',
      params: AgencyParams,
      response: { 200: Type.Object({ stored: Type.Boolean(), entered: Type.Integer(), refused: Type.Array(Problem), message: Type.String() }), ...errorResponses(400, 404, 413) },
    },
  }, async (request) => {
    if (!Buffer.isBuffer(request.body) || request.body.length === 0) throw new ValidationError(NO_FILE, { field: 'file' });
    const parsed = await pool.readHalls(request.body, '大厅数据.xlsx');
    const actor = actorOf(request);
    return inTransaction(ctx, (trx) => hallService(trx, ctx.clock).importMonths(request.params.agencyId, parsed, actor));
  });

  app.get('/api/agencies/:agencyId/matters.xlsx', {
    schema: { tags: TAGS, summary: '导出事项清单（Excel，可再导入）', params: AgencyParams, response: errorResponses(404) },
  }, async (request, reply) => {
    const bytes = await exportMattersXlsx(ctx.db.db, request.params.agencyId);
    return reply.type(XLSX_TYPE).header('content-disposition', contentDisposition('attachment', '事项清单.xlsx', `matters-${request.params.agencyId}.xlsx`)).send(bytes);
  });
};
