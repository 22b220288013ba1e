/**
 * Items of an agency in and out as spreadsheets: POST /api/agencies/:id/items/import (an old site's
 * published items, XLSX or CSV), GET /api/agencies/:id/items.xlsx and GET /api/agencies/:id/catalogue.xlsx.
 * The file is read in a worker thread (item-import-pool.ts); the rows are checked and stored in the request's one
 * transaction, so a refused file leaves nothing behind.
 */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { TooLargeError, ValidationError } from '../core/errors.js';
import { actorOf, inTransaction, type AppContext } from '../http/context.js';
import { contentDisposition } from '../render/render-report.js';
import { errorResponses } from '../reports/report.schema.js';
import { exportCatalogueXlsx, exportItemsXlsx } from './item-export-xlsx.js';
import { createItemReadPool } from './item-import-pool.js';
import { MAX_IMPORT_BYTES } from './item-import-read.js';
import { AgencyItemsParams, ItemExportQuery, ItemImportQuery, ItemImportReportSchema } from './item-import.schema.js';
import { importItems } from './item-import.service.js';

const TAGS = ['主动公开'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NO_FILE = '请求中没有文件：请以 multipart/form-data 上传 .xlsx 或 .csv 文件（文件字段），或以原始内容提交并用 ?fileName= 给出文件名。';
const TOO_LARGE = `文件超过 ${MAX_IMPORT_BYTES / 2 ** 20} MB，请分成几个文件导入。`;

/** The uploaded file: the one file of a multipart body, or the raw body. */
async function readUpload(request: FastifyRequest, queryName: string | undefined): Promise<{ bytes: Buffer; fileName: string }> {
  if (request.isMultipart()) {
    const part = await request.file();
    if (!part) throw new ValidationError(NO_FILE, { field: 'file' });
    try {
      return { bytes: await part.toBuffer(), fileName: part.filename || queryName || '上传的文件' };
    } catch (e) {
      if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new TooLargeError(TOO_LARGE);
      throw e;
    }
  }
  if (!Buffer.isBuffer(request.body) || request.body.length === 0) throw new ValidationError(NO_FILE, { field: 'file' });
  return { bytes: request.body, fileName: queryName || '上传的文件' };
}

/** Registers the import and export routes (call inside buildApp, after the access control). */
export const itemImportRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  await app.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10, parts: 20 } });
  app.addContentTypeParser(['application/octet-stream', 'text/csv', XLSX_TYPE], { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES },
    (_request, body, done) => done(null, body));
  const pool = createItemReadPool();
  app.addHook('onClose', async () => pool.close());

  app.post('/api/agencies/:id/items/import', {
    schema: {
      tags: TAGS, summary: '导入平台启用前已发布的政府信息（Excel 或 CSV）',
      description: '文件为 .xlsx 或 .csv（UTF-8，可带 BOM；或 GB18030/GBK），第一行为中文表头：索引号（可空，空则按本机关模板生成）、标题、内容概述、'
        + '目录分类（如“政策法规/规范性文件”）、发布机构、文号、成文日期、发布日期、主题分类、主题词、公开属性、有效性、文件类型（规章/行政规范性文件/空）、'
        + '制定日期、修订日期、废止日期、正文（文本或 HTML，保存前清除不安全内容）。先检查每一行，再在一个事务中全部保存为已发布（来源：平台启用前已发布），'
        + '并记为在政府网站上于原发布日期发布。默认有任何一行被拒绝即不导入；skipRefused=true 时导入无误的行；dryRun=true 时只检查。'
        + '返回导入报告（HTTP 200），被拒绝的原因逐行逐列列出。机关未设置统一社会信用代码而需生成索引号时为 400；文件超过 50 MB 为 413。',
      params: AgencyItemsParams, querystring: ItemImportQuery,
      response: { 200: ItemImportReportSchema, ...errorResponses(400, 404, 409, 413) },
    },
  }, async (request) => {
    const { bytes, fileName } = await readUpload(request, request.query.fileName);
    const parsed = await pool.read(bytes, fileName);
    const actor = actorOf(request);
    return inTransaction(ctx, (trx) => importItems(trx, ctx.clock, parsed, {
      agencyId: request.params.id, fileName, skipRefused: request.query.skipRefused, dryRun: request.query.dryRun,
    }, actor));
  });

  app.get('/api/agencies/:id/items.xlsx', {
    schema: {
      tags: TAGS, summary: '导出政府信息（Excel）',
      description: '表头与导入相同，导出的文件可以再导入。默认只含已发布的信息；state=all 含全部状态并另加“状态”列。只含信息本身的字段。',
      params: AgencyItemsParams, querystring: ItemExportQuery, response: errorResponses(404),
    },
  }, async (request, reply) => {
    const bytes = await exportItemsXlsx(ctx.db.db, request.params.id, {
      allStates: request.query.state === 'all', withoutIndexNo: request.query.withoutIndexNo,
    });
    return reply.type(XLSX_TYPE)
      .header('content-disposition', contentDisposition('attachment', '政府信息.xlsx', `items-${request.params.id}.xlsx`))
      .send(bytes);
  });

  app.get('/api/agencies/:id/catalogue.xlsx', {
    schema: {
      tags: TAGS, summary: '导出主动公开基本目录（Excel）',
      description: '目录树的每个分类一行：分类路径、名称、层级、对应的条例第二十条事项、排序、状态。',
      params: AgencyItemsParams, response: errorResponses(404),
    },
  }, async (request, reply) => {
    const bytes = await exportCatalogueXlsx(ctx.db.db, request.params.id);
    return reply.type(XLSX_TYPE)
      .header('content-disposition', contentDisposition('attachment', '主动公开基本目录.xlsx', `catalogue-${request.params.id}.xlsx`))
      .send(bytes);
  });
};
