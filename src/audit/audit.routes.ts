/**
 * Reading published reports over HTTP: POST /api/parse (upload a report file → the parsed report
 * in interchange JSON, its checks and the diagnostics), POST /api/parse/import (the same, then
 * stored as the agency's report in one transaction), and the /audit page (an upload form that
 * works without JavaScript, showing what was read). Files come as multipart/form-data or as the
 * raw body with ?fileName=; larger than 50 MB is a 413. Files are read on the parse pool's worker threads
 * (parse-pool.ts), never on the request thread: a 50 MB page does not stall other requests.
 */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { TooLargeError, ValidationError } from '../core/errors.js';
import { actorOf, inTransaction, pageOf, type AppContext } from '../http/context.js';
import { MAX_PARSE_BYTES } from '../parse/parse-file.js';
import { closeParsePool, parseInWorker } from '../parse/parse-pool.js';
import { documentForImport, importNote } from '../parse/parse-import.js';
import { parseResultJson } from '../parse/parse-summary.js';
import { reportService } from '../reports/report.service.js';
import { detailOf } from '../reports/report.routes.js';
import { errorResponses, MAX_ID } from '../reports/report.schema.js';
import { auditPage } from './audit-page.js';

const TAGS = ['读取报告'];

const TOO_LARGE = `上传的文件过大：年度报告文件不得超过 ${MAX_PARSE_BYTES / 1024 / 1024} MB`;
const NO_FILE = '请求中没有文件：请以 multipart/form-data 上传（文件字段），或以 application/octet-stream 提交文件内容并用 ?fileName= 给出文件名';

const FileQuery = Type.Object({
  fileName: Type.Optional(Type.String({ maxLength: 255, description: '文件名（原始请求体上传时用于判断类型和提示；multipart 上传时取表单中的文件名）' })),
});
const ImportParseQuery = Type.Object({
  agencyId: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID, description: '机关编号；省略时按报告中的机关名称查找' })),
  fileName: FileQuery.properties.fileName,
});

const PARSE_DESCRIPTION = '读取已发布的年度报告文件（Word .docx、带文字层的 PDF、网页 HTML、文本）。文件以 multipart/form-data 上传（一个文件字段），'
  + '或以原始内容提交（application/octet-stream 等）并用 ?fileName= 给出文件名；不得超过 50 MB（413）。返回 '
  + '`{ fileName, sourceType, error, format, detection, report（交换格式，未能读出时为 null）, checks, diagnostics: { cells, tables, narrative, notes } }`。'
  + '文件无法作为年度报告读取（非报告、已损坏、扫描件、空文件、非中文等）时仍返回 200，error 说明原因，report 为 null；不保存任何数据。';

/** Reads the uploaded file: the one file of a multipart body, or the raw body. */
async function readUpload(request: FastifyRequest, queryName: string | undefined): Promise<{ bytes: Buffer; fileName: string }> {
  if (request.isMultipart()) {
    const part = await request.file();
    if (!part) throw new ValidationError(NO_FILE);
    try {
      const bytes = await part.toBuffer();
      return { bytes, fileName: part.filename || queryName || '上传的文件' };
    } catch (e) {
      if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new TooLargeError(TOO_LARGE);
      throw e;
    }
  }
  if (!Buffer.isBuffer(request.body)) throw new ValidationError(NO_FILE);
  return { bytes: request.body, fileName: queryName || '上传的文件' };
}

/** Registers the parse API and the /audit page (call inside buildApp, after the error handler). */
export const auditRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  await app.register(multipart, { limits: { fileSize: MAX_PARSE_BYTES, files: 1, fields: 10, parts: 20 } });
  app.addHook('onClose', () => closeParsePool());

  // Raw uploads of any type (a PDF, a page, an image sent by mistake — the content decides): read the
  // stream ourselves, counting bytes, so a body over the limit is a 413 with our message. JSON keeps
  // the app's parser (and is then no file); multipart goes to @fastify/multipart.
  app.addContentTypeParser('*', (request, payload, done) => {
    const declared = Number(request.headers['content-length']);
    if (declared > MAX_PARSE_BYTES) {
      done(new TooLargeError(TOO_LARGE), undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    payload.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > MAX_PARSE_BYTES) {
        failed = true;
        done(new TooLargeError(TOO_LARGE), undefined);
        return;
      }
      chunks.push(chunk);
    });
    payload.on('end', () => { if (!failed) done(null, Buffer.concat(chunks)); });
    payload.on('error', (e) => { if (!failed) { failed = true; done(e, undefined); } });
  });

  app.post('/api/parse', {
    schema: {
      tags: TAGS, summary: '读取已发布的年度报告文件', description: PARSE_DESCRIPTION, querystring: FileQuery,
      // The answer is described, not serialized by a schema (which would drop the diagnostics' fields).
      response: { ...errorResponses(400, 413, 415) },
    },
  }, async (request) => {
    const { bytes, fileName } = await readUpload(request, request.query.fileName);
    return parseResultJson(await parseInWorker(bytes, fileName, { move: true }));
  });

  app.post('/api/parse/import', {
    schema: {
      tags: TAGS, summary: '读取已发布的年度报告文件并导入',
      description: '读取同 POST /api/parse，然后在一个事务中保存为该机关该年度的报告（已有未发布的报告则保存为新版本）。'
        + '文件无法读取，或有单元格无法识别、连在一起的数字有多种拆分时拒绝导入（400，列出各单元格），不保存任何数据；'
        + '机关不存在为 404，该年度报告已发布为 409。返回 `{ stored（报告详情）, parse（同 /api/parse） }`。',
      querystring: ImportParseQuery, response: { ...errorResponses(400, 404, 409, 413, 415) },
    },
  }, async (request, reply) => {
    const { bytes, fileName } = await readUpload(request, request.query.fileName);
    const result = await parseInWorker(bytes, fileName, { move: true });
    const document = documentForImport(result);
    const actor = actorOf(request);
    const stored = await inTransaction(ctx, (trx) =>
      reportService(trx, ctx.clock).importDocument(document, {
        agencyId: request.query.agencyId, authorize: (agencyId, q) => request.access.require('report.import', agencyId, q),
      }, actor, importNote(result)));
    return reply.code(201).send({ stored: detailOf(stored), parse: parseResultJson(result) });
  });

  app.get('/audit', { schema: { hide: true } }, async (request, reply) =>
    reply.type('text/html; charset=utf-8').send(auditPage(pageOf(ctx, request), null)));

  app.post('/audit', { schema: { hide: true } }, async (request, reply) => {
    const { bytes, fileName } = await readUpload(request, undefined);
    return reply.type('text/html; charset=utf-8').send(auditPage(pageOf(ctx, request), await parseInWorker(bytes, fileName, { move: true })));
  });
};
