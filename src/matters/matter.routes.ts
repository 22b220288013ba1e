/**
 * Matter API (政务服务事项、办事指南): the list with filters, create, save as a new version (baseVersion), the review
 * chain, the QR code and the A4 guide of a published version, the agency's 实施主体, the theme lists, the halls with
 * their monthly figures and the dashboard. Under /api/agencies/:agencyId, so the access policy checks every
 * permission in that agency; a matter of another agency is a 404.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf, inTransaction, siteOf, type AppContext } from '../http/context.js';
import { absolute } from '../portal/portal-feeds.js';
import { contentDisposition } from '../render/render-report.js';
import { renderMatterGuidePdf } from '../render/matters/matter-guide-pdf.js';
import { qrBoardSvg, qrPng } from '../render/matters/matter-qr.js';
import { errorResponses } from '../reports/report.schema.js';
import { AgencyParams, PublishBody, ReviewDecisionBody, SubmitBody } from '../disclosure/review.schema.js';
import { hallService } from './hall.service.js';
import { guideForQr } from './matter-public.js';
import {
  AbolishMatterBody, CreateMatterBody, DashboardQuery, DashboardSchema, HallBody, HallMonthBody, HallMonthParams, HallMonthSchema, HallSchema, MatterListQuery,
  MatterListSchema, MatterParams, MatterVersionQuery, MatterViewSchema, OfficeBody, OfficeSchema, SaveMatterBody, ThemeBody, ThemeSchema,
} from './matter.schema.js';
import { FLAG_COLUMNS, matterService } from './matter.service.js';
// Matters waiting for a step of the chain appear in 待我处理 (registers the inbox source).
import './matter-inbox.js';

const TAGS = ['办事指南'];

/** Registers the matter routes. */
export const matterRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const read = () => matterService(ctx.db.db, ctx.clock);
  const base = '/api/agencies/:agencyId/matters';
  const one = `${base}/:id`;

  app.get(base, {
    schema: { tags: TAGS, summary: '事项清单（当前版本，可按主题、层级、实施主体、类型、办理方式、状态筛选）', params: AgencyParams, querystring: MatterListQuery, response: { 200: MatterListSchema, ...errorResponses(400) } },
  }, async (request) => {
    const { offset = 0, limit = 50, flag, ...filter } = request.query;
    return read().list({ ...filter, flag: flag ? FLAG_COLUMNS[flag] : undefined, agencyId: request.params.agencyId }, { offset, limit });
  });

  app.post(base, {
    schema: {
      tags: TAGS, summary: '新建事项（第 1 版，草稿）', description: '缺少设定依据、承诺时限长于法定时限、未登记的实施主体或主题分类等逐项以中文指出（400）；事项编码重复 409。',
      params: AgencyParams, body: CreateMatterBody, response: { 201: MatterViewSchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const made = await inTransaction(ctx, (trx) => matterService(trx, ctx.clock).create(request.params.agencyId, request.body.content, actor));
    return reply.code(201).send(made);
  });

  app.get(one, {
    schema: { tags: TAGS, summary: '事项详情（内容、版本和审核记录）', params: MatterParams, querystring: MatterVersionQuery, response: { 200: MatterViewSchema, ...errorResponses(400, 404) } },
  }, async (request) => {
    await read().assertInAgency(request.params.agencyId, request.params.id);
    return read().view(request.params.id, request.query.version);
  });

  app.put(one, {
    schema: {
      tags: TAGS, summary: '保存事项（生成新版本）', description: '以 baseVersion 写明修改所依据的版本号；其间已有他人保存的返回 409（STALE_VERSION）；审核期间不能保存（409）。',
      params: MatterParams, body: SaveMatterBody, response: { 200: MatterViewSchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    return inTransaction(ctx, async (trx) => {
      const s = matterService(trx, ctx.clock);
      await s.assertInAgency(request.params.agencyId, request.params.id);
      return s.save(request.params.id, request.body, actor);
    });
  });

  app.post(`${one}/abolish`, {
    schema: {
      tags: TAGS, summary: '取消事项（生成取消版本，经审核发布后生效）',
      description: '以已发布的内容和取消理由生成新版本，提交审核、签发并发布后，门户网站不再列出该事项，其办事指南页面说明取消日期和理由，统计口径自取消之日起不再计入。未发布的事项、已取消的事项、审核期间和依据版本过期的均返回 409；未填理由 400。',
      params: MatterParams, body: AbolishMatterBody, response: { 200: MatterViewSchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    return inTransaction(ctx, async (trx) => {
      const s = matterService(trx, ctx.clock);
      await s.assertInAgency(request.params.agencyId, request.params.id);
      return s.abolish(request.params.id, request.body, actor);
    });
  });

  app.post(`${one}/submit`, {
    schema: { tags: TAGS, summary: '提交事项审核', params: MatterParams, body: Type.Optional(SubmitBody), response: { 200: MatterViewSchema, ...errorResponses(400, 404, 409) } },
  }, async (request) => {
    const actor = actorOf(request);
    return inTransaction(ctx, async (trx) => {
      const s = matterService(trx, ctx.clock);
      await s.assertInAgency(request.params.agencyId, request.params.id);
      return s.submit(request.params.id, actor, request.body?.comment);
    });
  });

  app.post(`${one}/review`, {
    schema: {
      tags: TAGS, summary: '审核事项（初审、保密审查、核审签发）', description: '起草或提交该版本的人不能审核；退回须写明理由；保密审查通过须填写保密审查表。',
      params: MatterParams, body: ReviewDecisionBody, response: { 200: MatterViewSchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    return inTransaction(ctx, async (trx) => {
      const s = matterService(trx, ctx.clock);
      await s.assertInAgency(request.params.agencyId, request.params.id);
      return s.decide(request.params.id, request.body, actor);
    });
  });

  app.post(`${one}/publish`, {
    schema: { tags: TAGS, summary: '发布办事指南', description: '仅限核审签发后的版本，且仅限保密审查认定适合的渠道。', params: MatterParams, body: PublishBody, response: { 200: MatterViewSchema, ...errorResponses(400, 404, 409) } },
  }, async (request) => {
    const actor = actorOf(request);
    return inTransaction(ctx, async (trx) => {
      const s = matterService(trx, ctx.clock);
      await s.assertInAgency(request.params.agencyId, request.params.id);
      return s.publish(request.params.id, request.body.channels, actor);
    });
  });

  /** The published guide for the QR code and print; a never-published matter is refused (409 NOT_PUBLISHED). */
  const published = async (agencyId: number, id: number) => {
    await read().assertInAgency(agencyId, id);
    return guideForQr(ctx.db.db, id);
  };

  app.get(`${one}/qr.png`, {
    schema: { tags: TAGS, summary: '办事指南二维码（PNG）', description: '二维码打开门户网站上已发布的办事指南；尚未发布的返回 409。', params: MatterParams, response: errorResponses(400, 404, 409) },
  }, async (request, reply) => {
    const g = await published(request.params.agencyId, request.params.id);
    return reply.type('image/png').header('content-disposition', contentDisposition('attachment', `${g.matter.name}二维码.png`, `matter-${g.id}-qr.png`))
      .send(await qrPng(absolute(siteOf(ctx), g.path), 12));
  });

  app.get(`${one}/qr.svg`, {
    schema: { tags: TAGS, summary: '办事指南二维码（SVG，大厅展板用）', params: MatterParams, response: errorResponses(400, 404, 409) },
  }, async (request, reply) => {
    const g = await published(request.params.agencyId, request.params.id);
    return reply.type('image/svg+xml; charset=utf-8').header('content-disposition', contentDisposition('attachment', `${g.matter.name}二维码.svg`, `matter-${g.id}-qr.svg`))
      .send(await qrBoardSvg(absolute(siteOf(ctx), g.path), g.matter.name));
  });

  app.get(`${one}/guide.pdf`, {
    schema: { tags: TAGS, summary: '打印版办事指南（A4 PDF，含二维码）', params: MatterParams, response: errorResponses(400, 404, 409) },
  }, async (request, reply) => {
    const g = await published(request.params.agencyId, request.params.id);
    const pdf = await renderMatterGuidePdf({ matter: g.matter, agencyName: g.agencyName, url: absolute(siteOf(ctx), g.path), version: g.version, publishedOn: g.publishedOn, themeName: g.themeName });
    return reply.type('application/pdf').header('content-disposition', contentDisposition('attachment', `${g.matter.name}办事指南.pdf`, `matter-${g.id}-guide.pdf`)).send(pdf);
  });

  app.get('/api/agencies/:agencyId/matter-offices', {
    schema: { tags: TAGS, summary: '实施主体名单', params: AgencyParams, response: { 200: Type.Array(OfficeSchema), ...errorResponses(400) } },
  }, async (request) => read().offices(request.params.agencyId));

  app.post('/api/agencies/:agencyId/matter-offices', {
    schema: { tags: TAGS, summary: '登记实施主体', params: AgencyParams, body: OfficeBody, response: { 201: OfficeSchema, ...errorResponses(400, 404, 409) } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    return reply.code(201).send(await inTransaction(ctx, (trx) => matterService(trx, ctx.clock).addOffice(request.params.agencyId, request.body.name, actor)));
  });

  app.get('/api/agencies/:agencyId/matter-themes', {
    schema: { tags: TAGS, summary: '主题分类（自然人、法人；含已停用）', params: AgencyParams, response: { 200: Type.Array(ThemeSchema), ...errorResponses(400) } },
  }, async () => read().themes(true));

  app.put('/api/agencies/:agencyId/matter-themes', {
    schema: { tags: TAGS, summary: '新增、改名或停用主题分类', description: '主题分类供全平台使用，修改记录在本机关名下。', params: AgencyParams, body: ThemeBody, response: { 200: ThemeSchema, ...errorResponses(400, 404) } },
  }, async (request) => {
    const actor = actorOf(request);
    return inTransaction(ctx, (trx) => matterService(trx, ctx.clock).saveTheme(request.params.agencyId, request.body, actor));
  });

  app.get('/api/agencies/:agencyId/service-halls', {
    schema: { tags: TAGS, summary: '服务大厅和便民服务站点', params: AgencyParams, response: { 200: Type.Array(HallSchema), ...errorResponses(400) } },
  }, async (request) => hallService(ctx.db.db, ctx.clock).halls(request.params.agencyId));

  app.post('/api/agencies/:agencyId/service-halls', {
    schema: { tags: TAGS, summary: '登记服务大厅或站点', params: AgencyParams, body: HallBody, response: { 201: HallSchema, ...errorResponses(400, 404, 409) } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    return reply.code(201).send(await inTransaction(ctx, (trx) => hallService(trx, ctx.clock).addHall(request.params.agencyId, request.body, actor)));
  });

  app.put('/api/agencies/:agencyId/service-halls/:hallId/months/:month', {
    schema: { tags: TAGS, summary: '填报大厅月度数据（窗口数、进驻事项数、办件量、快递送达证照数）', description: '更正已填报的数据时记录修改前后的值。', params: HallMonthParams, body: HallMonthBody, response: { 200: HallMonthSchema, ...errorResponses(400, 404) } },
  }, async (request) => {
    const actor = actorOf(request);
    const { agencyId, hallId, month } = request.params;
    return inTransaction(ctx, (trx) => hallService(trx, ctx.clock).enterMonth(agencyId, hallId, month, request.body, actor));
  });

  app.get('/api/agencies/:agencyId/service-dashboard', {
    schema: { tags: TAGS, summary: '政务服务数据看板（大厅数据、事项占比、主题和层级）', params: AgencyParams, querystring: DashboardQuery, response: { 200: DashboardSchema, ...errorResponses(400) } },
  }, async (request) => hallService(ctx.db.db, ctx.clock).dashboard(request.params.agencyId, request.query.year, request.query.asOf));
};
