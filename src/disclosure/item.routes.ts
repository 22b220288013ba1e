/**
 * Item API (政府信息): list and create in an agency, read, edit (a new version), attachments, submit, the review
 * steps, publish to channels, the scan's findings, the history, Art. 26 warnings and the inbox ("待我处理").
 * Every write runs in one transaction opened here; a refused request stores nothing. A review step needs the
 * step's permission in the item's agency, checked inside that transaction (route-policy.ts: scope `handler`).
 */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { calendarService } from '../calendar/calendar.service.js';
import { CHANNELS } from '../core/disclosure/channels.js';
import { ART20_ITEMS, DISCLOSURE_ATTRIBUTES, ITEM_ORIGINS, NORMATIVE_KINDS, VALIDITIES } from '../core/disclosure/item-labels.js';
import { CHAIN_ACTS, REVIEW_DECISIONS, REVIEW_STATES, REVIEW_STEPS } from '../core/disclosure/review-chain.js';
import { NotFoundError, TooLargeError, ValidationError } from '../core/errors.js';
import { actorOf, inTransaction, type AppContext } from '../http/context.js';
import { errorResponses } from '../reports/report.schema.js';
import { addAttachment, checkUpload, readAttachment, removeAttachment } from './item-attachments.js';
import { chinaDay, createItem, editItem, type ItemFields } from './item-drafting.js';
import { FINDING_RESOLUTIONS, resolveFinding } from './item-findings.js';
import { closeInspectPool } from '../inspect/inspect-pool.js';
import { MAX_ATTACHMENT_BYTES } from './item-inspection.js';
import { getItem, getItemVersion, itemFindings, itemHistory, listItems } from './item-queries.js';
import { publishItem, reviewItem, submitItem } from './item-review.js';
import {
  AgencyItemsParams, AttachmentParams, CreateItemBody, EditItemBody, FindingParams, FindingSchema, HistorySchema, InboxSchema,
  ItemDetailSchema, ItemIdParams, ItemListQuery, ItemVersionParams, ItemVersionSchema, ItemPageSchema, ItemSaveSchema, ItemWarningsQuery, ItemWarningsSchema, LabelsSchema,
  PublishBody, ResolveBody, ReviewBody, SubmitBody,
} from './item.schema.js';
import { itemAgencyId, findItemRow } from './item.repository.js';
import { inbox } from './inbox.js';
import { itemWarnings } from './item-warnings.js';

const TAGS = ['主动公开'];

const TOO_LARGE = `附件大小超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB 的上限`;

/** The one file of a multipart upload. */
async function readFile(request: FastifyRequest): Promise<{ bytes: Buffer; fileName: string }> {
  if (!request.isMultipart()) throw new ValidationError('请以 multipart/form-data 上传附件（文件字段 file）', { field: 'file' });
  const part = await request.file();
  if (!part) throw new ValidationError('请求中没有附件文件', { field: 'file' });
  try {
    return { bytes: await part.toBuffer(), fileName: part.filename || '附件' };
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new TooLargeError(TOO_LARGE);
    throw e;
  }
}

/** Registers the item routes. */
export const itemRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  await app.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 5, parts: 6 } });
  // The inspection's worker threads end with the app (a later inspection starts them again).
  app.addHook('onClose', () => closeInspectPool());
  const db = ctx.db.db;
  const now = () => ctx.clock();

  app.get('/api/disclosure/labels', {
    schema: { tags: TAGS, summary: '主动公开的中文名称表（状态、审核环节、渠道、公开属性等）', response: { 200: LabelsSchema } },
  }, async () => ({
    states: { ...REVIEW_STATES }, steps: Object.fromEntries(Object.entries(REVIEW_STEPS).map(([k, v]) => [k, v.name])), acts: { ...CHAIN_ACTS },
    decisions: { ...REVIEW_DECISIONS }, channels: { ...CHANNELS }, disclosure: { ...DISCLOSURE_ATTRIBUTES }, validity: { ...VALIDITIES },
    normativeKinds: { ...NORMATIVE_KINDS }, origins: { ...ITEM_ORIGINS }, art20Items: { ...ART20_ITEMS }, findingResolutions: { ...FINDING_RESOLUTIONS },
  }));

  app.get('/api/agencies/:agencyId/items', {
    schema: { tags: TAGS, summary: '本机关的政府信息列表', params: AgencyItemsParams, querystring: ItemListQuery, response: { 200: ItemPageSchema, ...errorResponses(400) } },
  }, async (request) => listItems(db, { agencyId: request.params.agencyId, ...request.query }));

  app.post('/api/agencies/:agencyId/items', {
    schema: {
      tags: TAGS, summary: '起草政府信息（草稿，第 1 版）',
      description: '正文清理脚本和事件属性（在 warnings 中说明）；同一机关同一年度文号重复时在 warnings 中提示；栏目须为本机关未停用的目录节点；第二十六条期限按工作日历自变更日期起算 20 个工作日。',
      params: AgencyItemsParams, body: CreateItemBody, response: { 201: ItemSaveSchema, ...errorResponses(400, 404) },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const saved = await inTransaction(ctx, async (trx) => {
      const calendar = await calendarService(trx, ctx.clock).load();
      const { item, warnings } = await createItem(trx, request.params.agencyId, request.body as ItemFields, actor, calendar, now());
      return { item: await getItem(trx, item.id), warnings };
    });
    return reply.code(201).send(saved);
  });

  app.get('/api/items/:id', {
    schema: { tags: TAGS, summary: '政府信息详情（版本、审核记录、扫描发现、发布记录）', params: ItemIdParams, response: { 200: ItemDetailSchema, ...errorResponses(404) } },
  }, async (request) => getItem(db, request.params.id));

  app.put('/api/items/:id', {
    schema: {
      tags: TAGS, summary: '修改政府信息（保存为新版本）',
      description: '只能修改草稿、已退回或已发布的信息（已发布的信息修改后成为新草稿，公众仍看到已发布版本）；baseVersion 不是当前版本时拒绝（409 STALE_VERSION）。',
      params: ItemIdParams, body: EditItemBody, response: { 200: ItemSaveSchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    const { baseVersion, ...patch } = request.body;
    return inTransaction(ctx, async (trx) => {
      const calendar = await calendarService(trx, ctx.clock).load();
      const { item, warnings } = await editItem(trx, request.params.id, baseVersion, patch as Partial<ItemFields>, actor, calendar, now());
      return { item: await getItem(trx, item.id), warnings };
    });
  });

  app.post('/api/items/:id/attachments', {
    schema: {
      tags: TAGS, summary: '上传附件（保存为新版本）',
      description: `multipart/form-data，文件字段 file。按文件内容判断类型（PDF、DOCX、XLSX、WPS、OFD、图片），拒绝可执行文件、压缩炸弹、含脚本的 PDF（400），超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB 为 413；内容按 SHA-256 只保存一份。`,
      params: ItemIdParams, response: { 201: ItemDetailSchema, ...errorResponses(400, 404, 409, 413) },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    if (!(await findItemRow(db, request.params.id))) throw new NotFoundError(`未找到编号为 ${request.params.id} 的政府信息`);
    const { bytes, fileName } = await readFile(request);
    // Checked and scanned before the transaction (off the request thread once the inspect pool lands).
    const upload = await checkUpload(fileName, bytes);
    const item = await inTransaction(ctx, async (trx) => {
      await addAttachment(trx, request.params.id, upload, actor, now());
      return getItem(trx, request.params.id);
    });
    return reply.code(201).send(item);
  });

  app.delete('/api/items/:id/attachments/:hash', {
    schema: { tags: TAGS, summary: '删除附件（保存为不含该附件的新版本）', params: AttachmentParams, response: { 200: ItemDetailSchema, ...errorResponses(400, 404, 409) } },
  }, async (request) => {
    const actor = actorOf(request);
    return inTransaction(ctx, async (trx) => {
      await removeAttachment(trx, request.params.id, request.params.hash, actor, now());
      return getItem(trx, request.params.id);
    });
  });

  app.get('/api/items/:id/attachments/:hash', {
    schema: { tags: TAGS, summary: '下载附件', params: AttachmentParams, response: { ...errorResponses(404) } },
  }, async (request, reply) => {
    const file = await readAttachment(db, request.params.id, request.params.hash);
    return reply
      .header('content-type', 'application/octet-stream')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .send(Buffer.from(file.content));
  });

  app.post('/api/items/:id/submit', {
    schema: {
      tags: TAGS, summary: '提交审核（送科室负责人初审）', description: '提交时扫描正文和附件中的个人信息，每处发现须在保密审查通过前处理。',
      params: ItemIdParams, body: Type.Optional(SubmitBody), response: { 200: ItemDetailSchema, ...errorResponses(404, 409) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    return inTransaction(ctx, async (trx) => {
      await submitItem(trx, request.params.id, actor, ctx.clock, request.body?.comment ?? null);
      return getItem(trx, request.params.id);
    });
  });

  app.post('/api/items/:id/review', {
    schema: {
      tags: TAGS, summary: '审核：初审、保密审查、核审签发（通过或退回）',
      description: '须持有该环节的权限（本信息所属机关）；本人起草、修改或提交的版本不能审核（403 REVIEW_OWN_DRAFT）；退回须填理由；保密审查通过须填保密审查表，且扫描发现均已处理；不是当前环节为 409 REVIEW_OUT_OF_ORDER，已被他人处理为 409 REVIEW_STALE。',
      params: ItemIdParams, body: ReviewBody, response: { 200: ItemDetailSchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    return inTransaction(ctx, async (trx) => {
      const agencyId = await itemAgencyId(trx, request.params.id);
      if (agencyId === undefined) throw new NotFoundError(`未找到编号为 ${request.params.id} 的政府信息`);
      await request.access.require(REVIEW_STEPS[request.body.step].permission, agencyId, trx);
      await reviewItem(trx, request.params.id, request.body, actor, ctx.clock);
      return getItem(trx, request.params.id);
    });
  });

  app.post('/api/items/:id/publish', {
    schema: {
      tags: TAGS, summary: '发布到所选渠道',
      description: '只有经初审、保密审查和核审签发的信息可以发布（409 REVIEW_INCOMPLETE），只能发布到保密审查认定适合的渠道（409 CHANNEL_NOT_CLEARED）；首次发布时生成索引号。',
      params: ItemIdParams, body: PublishBody, response: { 200: ItemDetailSchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    return inTransaction(ctx, async (trx) => {
      await publishItem(trx, request.params.id, request.body.channels, actor, ctx.clock);
      return getItem(trx, request.params.id);
    });
  });

  app.get('/api/items/:id/findings', {
    schema: { tags: TAGS, summary: '当前版本的个人信息扫描发现', params: ItemIdParams, response: { 200: Type.Array(FindingSchema), ...errorResponses(404) } },
  }, async (request) => {
    const row = await findItemRow(db, request.params.id);
    if (!row) throw new NotFoundError(`未找到编号为 ${request.params.id} 的政府信息`);
    return itemFindings(db, row);
  });

  app.post('/api/items/:id/findings/:findingId/resolve', {
    schema: {
      tags: TAGS, summary: '处理扫描发现：删除或确认可以公开',
      description: '正文中的发现选择删除时，删除该内容并保存为新版本；附件中的发现须先删除或替换附件；确认可以公开须填理由。',
      params: FindingParams, body: ResolveBody, response: { 200: FindingSchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    return inTransaction(ctx, async (trx) => {
      const resolved = await resolveFinding(trx, request.params.id, request.params.findingId, request.body, actor, now());
      const row = (await findItemRow(trx, request.params.id))!;
      return (await itemFindings(trx, row, resolved.item_version)).find((f) => f.id === resolved.id)!;
    });
  });

  app.get('/api/items/:id/history', {
    schema: { tags: TAGS, summary: '审核和修改记录（谁、何时、新旧内容）', params: ItemIdParams, response: { 200: HistorySchema, ...errorResponses(404) } },
  }, async (request) => itemHistory(db, request.params.id));

  app.get('/api/items/:id/versions/:version', {
    schema: { tags: TAGS, summary: '某一版本的内容（字段和附件）', params: ItemVersionParams, response: { 200: ItemVersionSchema, ...errorResponses(404) } },
  }, async (request) => getItemVersion(db, request.params.id, request.params.version));

  app.get('/api/item-warnings', {
    schema: {
      tags: TAGS, summary: '第二十六条发布期限预警（3 个工作日内到期和已超期，按科室和人员）',
      querystring: ItemWarningsQuery, response: { 200: ItemWarningsSchema, ...errorResponses(400) },
    },
  }, async (request) => {
    const agencyIds = request.query.agencyId !== undefined ? [request.query.agencyId] : await request.access.agenciesWith('item.read');
    const calendar = await calendarService(db, ctx.clock).load();
    return itemWarnings(db, calendar, chinaDay(now()), agencyIds);
  });

  app.get('/api/inbox', {
    schema: { tags: TAGS, summary: '待我处理：按本人权限列出待办（数量和列表）', response: { 200: InboxSchema } },
  }, async (request) => {
    const principal = request.access.principal!;
    return inbox(db, { userId: principal.userId, agenciesWith: (p) => request.access.agenciesWith(p) });
  });
};
