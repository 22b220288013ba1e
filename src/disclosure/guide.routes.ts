/**
 * Guide API (政府信息公开指南): the current version (or the default draft), saves as new versions with
 * baseVersion, submission, review and publication through the chain, and the published guide. Under
 * /api/agencies/:agencyId/guide, so the access policy checks every permission in that agency.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf, inTransaction, type AppContext } from '../http/context.js';
import { errorResponses } from '../reports/report.schema.js';
import { GuideVersionSchema, GuideVersionSummarySchema, SaveGuideBody } from './guide.schema.js';
import { guideService } from './guide.service.js';
import { AgencyParams, AgencyVersionParams, PublishBody, ReviewDecisionBody, SubmitBody } from './review.schema.js';

const TAGS = ['政府信息公开指南'];

/** Registers the guide routes. */
export const guideRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const read = () => guideService(ctx.db.db, ctx.clock);

  app.get('/api/agencies/:agencyId/guide', {
    schema: {
      tags: TAGS, summary: '指南（最新版本；尚未保存过时为按机关名称生成的默认草稿，版本号 0）', params: AgencyParams,
      response: { 200: GuideVersionSchema, ...errorResponses(400, 404) },
    },
  }, async (request) => read().current(request.params.agencyId));

  app.put('/api/agencies/:agencyId/guide', {
    schema: {
      tags: TAGS, summary: '保存指南（生成新版本）',
      description: '以 baseVersion 写明修改所依据的版本号；其间已有他人保存的，不予保存，返回 409（STALE_VERSION）并列出被修改的内容。'
        + '最新版本正在审核时不能保存（409）。缺项或格式错误（电话、邮编、邮箱、网址）逐项以中文指出（400）。',
      params: AgencyParams, body: SaveGuideBody, response: { 201: GuideVersionSchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const saved = await inTransaction(ctx, (trx) => guideService(trx, ctx.clock).save(request.params.agencyId, request.body, actor));
    return reply.code(201).send(saved);
  });

  app.get('/api/agencies/:agencyId/guide/versions', {
    schema: { tags: TAGS, summary: '指南版本列表', params: AgencyParams, response: { 200: Type.Array(GuideVersionSummarySchema), ...errorResponses(400) } },
  }, async (request) => read().list(request.params.agencyId));

  app.get('/api/agencies/:agencyId/guide/versions/:version', {
    schema: { tags: TAGS, summary: '指南版本详情（内容和审核记录）', params: AgencyVersionParams, response: { 200: GuideVersionSchema, ...errorResponses(400, 404) } },
  }, async (request) => read().get(request.params.agencyId, request.params.version));

  app.post('/api/agencies/:agencyId/guide/versions/:version/submit', {
    schema: {
      tags: TAGS, summary: '提交指南审核（最新版本）', params: AgencyVersionParams, body: Type.Optional(SubmitBody),
      response: { 200: GuideVersionSchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    return inTransaction(ctx, (trx) => guideService(trx, ctx.clock).submit(request.params.agencyId, request.params.version, actor, request.body?.comment));
  });

  app.post('/api/agencies/:agencyId/guide/versions/:version/review', {
    schema: {
      tags: TAGS, summary: '审核指南版本（初审、保密审查、核审签发）',
      description: '须具有该环节的权限；起草或提交该版本的人不能审核；退回须写明理由；保密审查通过须填写保密审查表。',
      params: AgencyVersionParams, body: ReviewDecisionBody, response: { 200: GuideVersionSchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    return inTransaction(ctx, (trx) => guideService(trx, ctx.clock).decide(request.params.agencyId, request.params.version, request.body, actor));
  });

  app.post('/api/agencies/:agencyId/guide/versions/:version/publish', {
    schema: {
      tags: TAGS, summary: '发布指南版本', description: '仅限核审签发后的版本，且仅限保密审查认定适合的渠道。',
      params: AgencyVersionParams, body: PublishBody, response: { 200: GuideVersionSchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    return (await inTransaction(ctx, (trx) => guideService(trx, ctx.clock).publish(request.params.agencyId, request.params.version, request.body.channels, actor))).version;
  });

  app.get('/api/agencies/:agencyId/guide/published', {
    schema: { tags: TAGS, summary: '已发布的指南（最近发布的版本）', params: AgencyParams, response: { 200: GuideVersionSchema, ...errorResponses(400, 404) } },
  }, async (request) => read().published(request.params.agencyId));
};
