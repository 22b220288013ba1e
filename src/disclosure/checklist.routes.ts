/**
 * Monthly checklist API (互联网信息发布每月检查清理清单) under /api/agencies/:id/checklists: produce, read, decide per
 * entry, sign off, download as Excel or Word. Writes run in one transaction opened here.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf, inTransaction, type AppContext } from '../http/context.js';
import { CHECKLIST_TITLE, monthTitle, renderChecklistDocx, renderChecklistXlsx } from '../render/disclosure/monthly-checklist.js';
import { errorResponses } from '../reports/report.schema.js';
import {
  AgencyParams, ChecklistFileParams, ChecklistParams, ChecklistSchema, ChecklistSummarySchema, DecideBody, EntryParams, ProduceBody,
} from './checklist.schema.js';
import {
  checklistSheet, decideEntry, getChecklist, listAgencyChecklists, produceChecklist, signOffChecklist,
} from './checklist.service.js';
import { FILE_TYPES, sendFile } from './send-file.js';

const TAGS = ['主动公开'];


const binary = { schema: Type.String({ format: 'binary' }) };
const FILE_RESPONSE = {
  description: '文件内容；Content-Disposition 为 attachment，带中文文件名（RFC 5987）',
  content: { [FILE_TYPES.xlsx]: binary, [FILE_TYPES.docx]: binary },
};

/** Registers the checklist routes. */
export const checklistRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const now = () => new Date(ctx.clock());

  app.get('/api/agencies/:id/checklists', {
    schema: { tags: TAGS, summary: '每月检查清理清单列表', params: AgencyParams, response: { 200: Type.Array(ChecklistSummarySchema), ...errorResponses(404) } },
  }, async (request) => listAgencyChecklists(ctx.db.db, request.params.id));

  app.post('/api/agencies/:id/checklists', {
    schema: {
      tags: TAGS, summary: '生成某月检查清理清单',
      description: '列出该机构当月在各渠道发布的每条信息（每个发布记录一条）。重复生成不会重复列入；已签字的清单原样返回。',
      params: AgencyParams, body: ProduceBody, response: { 200: ChecklistSchema, ...errorResponses(400, 404) },
    },
  }, async (request) => inTransaction(ctx, (trx) => produceChecklist(trx, request.params.id, request.body.month, actorOf(request), now())));

  app.get('/api/agencies/:id/checklists/:month', {
    schema: { tags: TAGS, summary: '查看某月检查清理清单', params: ChecklistParams, response: { 200: ChecklistSchema, ...errorResponses(400, 404) } },
  }, async (request) => getChecklist(ctx.db.db, request.params.id, request.params.month));

  app.put('/api/agencies/:id/checklists/:month/entries/:entryId', {
    schema: {
      tags: TAGS, summary: '作出检查结论（保留或撤回）',
      description: '撤回须填写理由，并将该信息从该渠道撤回（信息本身留存备查）；撤回后不可改为保留；签字后不可修改。',
      params: EntryParams, body: DecideBody, response: { 200: ChecklistSchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request) => inTransaction(ctx, (trx) =>
    decideEntry(trx, request.params.id, request.params.month, request.params.entryId, request.body, actorOf(request), now())));

  app.post('/api/agencies/:id/checklists/:month/sign-off', {
    schema: {
      tags: TAGS, summary: '审核签字', description: '全部条目作出检查结论后，由当前登录人签字；只能签字一次。',
      params: ChecklistParams, response: { 200: ChecklistSchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request) => inTransaction(ctx, (trx) => signOffChecklist(trx, request.params.id, request.params.month, actorOf(request), now())));

  app.get('/api/agencies/:id/checklists/:month.:ext', {
    schema: { tags: TAGS, summary: '下载某月检查清理清单（Excel 或 Word）', params: ChecklistFileParams, response: { 200: FILE_RESPONSE, ...errorResponses(400, 404) } },
  }, async (request, reply) => {
    const { id, month, ext } = request.params;
    const list = await getChecklist(ctx.db.db, id, month);
    const sheet = checklistSheet(list);
    const body = ext === 'xlsx' ? await renderChecklistXlsx(sheet) : await renderChecklistDocx(sheet);
    return sendFile(reply, body, ext, `${list.agencyName}${CHECKLIST_TITLE}（${monthTitle(list.month)}）`, `gongkai-checklist-${list.month}`);
  });
};
