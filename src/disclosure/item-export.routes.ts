/**
 * Channel exports of an item (WeChat, LED screens, notice board / reading point) and its 保密审查表 as Word or
 * PDF. Each needs `item.read` in the item's agency (policy scope `handler`: the agency is the item's, read
 * here); exports are refused (409) until the current version passed 领导核审签发.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../http/context.js';
import { ledText } from '../render/disclosure/led-text.js';
import { renderNoticeBoardPdf } from '../render/disclosure/notice-board-pdf.js';
import { SECRECY_FORM_TITLE, renderSecrecyReviewDocx, renderSecrecyReviewPdf } from '../render/disclosure/secrecy-review-form.js';
import { wechatExport } from '../render/disclosure/wechat-export.js';
import { errorResponses } from '../reports/report.schema.js';
import type { ItemRow } from './disclosure.table.js';
import { ItemFileParams, ItemParams, LedQuery, LedTextSchema, WechatExportSchema } from './item-export.schema.js';
import { exportItemOf, itemRow, secrecySheetOf } from './item-export.service.js';
import { FILE_TYPES, sendFile } from './send-file.js';

const TAGS = ['主动公开'];
const binary = { schema: Type.String({ format: 'binary' }) };

/** Registers the export and form routes under /api/items/:id/. */
export const itemExportRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const db = () => ctx.db.db;

  /** The item, once the reader holds `item.read` in its agency (unknown item → 404). */
  const readable = async (request: FastifyRequest, id: number): Promise<ItemRow> => {
    const row = await itemRow(db(), id);
    await request.access.require('item.read', row.agency_id);
    return row;
  };

  app.get('/api/items/:id/exports/wechat', {
    schema: {
      tags: TAGS, summary: '导出微信公众号图文', description: '标题、摘要、正文（行内样式）及封面图。未通过领导核审签发的信息返回 409。',
      params: ItemParams, response: { 200: WechatExportSchema, ...errorResponses(404, 409) },
    },
  }, async (request) => {
    const item = await exportItemOf(db(), await readable(request, request.params.id), { withImageBytes: true });
    const { coverImage, ...rest } = wechatExport(item);
    return {
      ...rest,
      ...(coverImage ? { coverImage: { fileName: coverImage.fileName, contentType: coverImage.contentType, base64: Buffer.from(coverImage.bytes).toString('base64') } } : {}),
    };
  });

  app.get('/api/items/:id/exports/led', {
    schema: {
      tags: TAGS, summary: '导出 LED 显示屏文字', description: '按屏幕尺寸（每行字数 × 每屏行数）分屏的纯文字。未通过领导核审签发的信息返回 409。',
      params: ItemParams, querystring: LedQuery, response: { 200: LedTextSchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request) => {
    const item = await exportItemOf(db(), await readable(request, request.params.id));
    const size = { charsPerLine: request.query.charsPerLine, lines: request.query.lines };
    return { ...size, ...ledText(item, size) };
  });

  app.get('/api/items/:id/exports/notice-board.pdf', {
    schema: {
      tags: TAGS, summary: '导出公开栏、查阅点打印版（A4 PDF）', description: '未通过领导核审签发的信息返回 409。',
      params: ItemParams, response: { 200: { description: 'PDF 文件', content: { [FILE_TYPES.pdf]: binary } }, ...errorResponses(404, 409) },
    },
  }, async (request, reply) => {
    const row = await readable(request, request.params.id);
    const pdf = await renderNoticeBoardPdf(await exportItemOf(db(), row));
    return sendFile(reply, pdf, 'pdf', `${row.title}（公开栏）`, `gongkai-item-${row.id}`);
  });

  app.get('/api/items/:id/secrecy-review.:ext', {
    schema: {
      tags: TAGS, summary: '下载互联网信息发布保密审查表（Word 或 PDF）',
      description: '按当前版本的审核记录和个人信息扫描结果填写；尚未进行的环节留空。',
      params: ItemFileParams,
      response: { 200: { description: '文件内容', content: { [FILE_TYPES.docx]: binary, [FILE_TYPES.pdf]: binary } }, ...errorResponses(400, 404) },
    },
  }, async (request, reply) => {
    const row = await readable(request, request.params.id);
    const sheet = await secrecySheetOf(db(), row);
    const body = request.params.ext === 'docx' ? await renderSecrecyReviewDocx(sheet) : await renderSecrecyReviewPdf(sheet);
    return sendFile(reply, body, request.params.ext, `${SECRECY_FORM_TITLE}（${row.title}）`, `gongkai-secrecy-review-${row.id}`);
  });
};
