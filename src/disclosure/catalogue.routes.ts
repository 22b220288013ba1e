/**
 * Catalogue API (主动公开基本目录): the live tree and its changes, templates, versions through the review chain,
 * and the published catalogue. Under /api/agencies/:agencyId/catalogue, so the access policy checks every
 * permission in that agency (route-policy.ts); a node or version of another agency is not found there.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Actor } from '../core/actor.js';
import { CATALOGUE_TEMPLATES, walkTemplate } from '../core/disclosure/catalogue-templates.js';
import { actorOf, inTransaction, type AppContext } from '../http/context.js';
import { errorResponses } from '../reports/report.schema.js';
import { catalogueVersions } from './catalogue-versions.js';
import { catalogueService } from './catalogue.service.js';
import {
  AddNodeBody, ApplyTemplateBody, CatalogueNodeSchema, CatalogueTreeSchema, CatalogueVersionSchema, CatalogueVersionSummarySchema,
  MoveNodeBody, NodeParams, TemplateAppliedSchema, TemplateListSchema, TreeQuery, UpdateNodeBody,
} from './catalogue.schema.js';
import { AgencyParams, AgencyVersionParams, PublishBody, ReviewDecisionBody, SubmitBody } from './review.schema.js';

const TAGS = ['主动公开基本目录'];

/** Registers the catalogue routes. */
export const catalogueRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const tree = (agencyId: number, archived = false) => catalogueService(ctx.db.db, ctx.clock).tree(agencyId, archived);
  /** Runs one change of the tree in its own transaction, as the signed-in person. */
  const changeTree = <T>(request: FastifyRequest, change: (catalogue: ReturnType<typeof catalogueService>, actor: Actor) => Promise<T>) => {
    const actor = actorOf(request);
    return inTransaction(ctx, (trx) => change(catalogueService(trx, ctx.clock), actor));
  };
  /** Runs one step of a version through the review chain in its own transaction, as the signed-in person. */
  const changeVersion = <T>(request: FastifyRequest, change: (versions: ReturnType<typeof catalogueVersions>, actor: Actor) => Promise<T>) => {
    const actor = actorOf(request);
    return inTransaction(ctx, (trx) => change(catalogueVersions(trx, ctx.clock), actor));
  };

  app.get('/api/catalogue-templates', {
    schema: { tags: TAGS, summary: '可套用的目录模板', response: { 200: TemplateListSchema } },
  }, async () => Object.values(CATALOGUE_TEMPLATES).map((t) => ({
    key: t.key, name: t.name, description: t.description, rootCount: t.roots.length, nodeCount: [...walkTemplate(t.roots)].length,
  })));

  app.get('/api/agencies/:agencyId/catalogue', {
    schema: {
      tags: TAGS, summary: '目录（编辑中的当前目录树）', params: AgencyParams, querystring: TreeQuery,
      response: { 200: CatalogueTreeSchema, ...errorResponses(400, 404) },
    },
  }, async (request) => ({ agencyId: request.params.agencyId, nodes: await tree(request.params.agencyId, request.query.archived) }));

  app.post('/api/agencies/:agencyId/catalogue/nodes', {
    schema: {
      tags: TAGS, summary: '添加类目', params: AgencyParams, body: AddNodeBody,
      response: { 201: CatalogueNodeSchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request, reply) => {
    const node = await changeTree(request, (catalogue, actor) => catalogue.addNode(request.params.agencyId, request.body, actor));
    return reply.code(201).send(node);
  });

  app.patch('/api/agencies/:agencyId/catalogue/nodes/:nodeId', {
    schema: {
      tags: TAGS, summary: '修改类目（改名、对应或取消对应条例第二十条事项、修改要素）', params: NodeParams, body: UpdateNodeBody,
      response: { 200: CatalogueNodeSchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request) => {
    return changeTree(request, (catalogue, actor) => catalogue.updateNode(request.params.agencyId, request.params.nodeId, request.body, actor));
  });

  app.post('/api/agencies/:agencyId/catalogue/nodes/:nodeId/move', {
    schema: {
      tags: TAGS, summary: '移动类目或调整顺序', description: '不能移到自身或其下级类目之下；只能在本机关目录内移动。',
      params: NodeParams, body: MoveNodeBody, response: { 200: CatalogueNodeSchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request) => {
    return changeTree(request, (catalogue, actor) => catalogue.moveNode(request.params.agencyId, request.params.nodeId, request.body, actor));
  });

  app.post('/api/agencies/:agencyId/catalogue/nodes/:nodeId/archive', {
    schema: {
      tags: TAGS, summary: '归档类目（不删除）', description: '类目下还有未归档的下级类目或政府信息时不予归档，并列出它们。',
      params: NodeParams, response: { 200: CatalogueNodeSchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request) => {
    return changeTree(request, (catalogue, actor) => catalogue.archiveNode(request.params.agencyId, request.params.nodeId, actor));
  });

  app.post('/api/agencies/:agencyId/catalogue/apply-template', {
    schema: {
      tags: TAGS, summary: '套用目录模板', description: '目录为空时整体套用；已有目录时按名称合并（同名类目保留，补充模板中缺少的下级类目）。',
      params: AgencyParams, body: ApplyTemplateBody, response: { 200: TemplateAppliedSchema, ...errorResponses(400, 404) },
    },
  }, async (request) => {
    return changeTree(request, (catalogue, actor) => catalogue.applyTemplate(request.params.agencyId, request.body.template, actor));
  });

  app.get('/api/agencies/:agencyId/catalogue/versions', {
    schema: { tags: TAGS, summary: '目录版本列表', params: AgencyParams, response: { 200: Type.Array(CatalogueVersionSummarySchema), ...errorResponses(400) } },
  }, async (request) => catalogueVersions(ctx.db.db, ctx.clock).list(request.params.agencyId));

  app.post('/api/agencies/:agencyId/catalogue/versions', {
    schema: {
      tags: TAGS, summary: '提交目录审核', description: '将当前目录树保存为新版本并提交科室负责人初审。',
      params: AgencyParams, body: Type.Optional(SubmitBody), response: { 201: CatalogueVersionSchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request, reply) => {
    const version = await changeVersion(request, (versions, actor) => versions.submit(request.params.agencyId, actor, request.body?.comment));
    return reply.code(201).send(version);
  });

  app.get('/api/agencies/:agencyId/catalogue/versions/:version', {
    schema: { tags: TAGS, summary: '目录版本详情（快照和审核记录）', params: AgencyVersionParams, response: { 200: CatalogueVersionSchema, ...errorResponses(400, 404) } },
  }, async (request) => catalogueVersions(ctx.db.db, ctx.clock).get(request.params.agencyId, request.params.version));

  app.post('/api/agencies/:agencyId/catalogue/versions/:version/review', {
    schema: {
      tags: TAGS, summary: '审核目录版本（初审、保密审查、核审签发）',
      description: '须具有该环节的权限；起草或提交该版本的人不能审核；退回须写明理由；保密审查通过须填写保密审查表。',
      params: AgencyVersionParams, body: ReviewDecisionBody, response: { 200: CatalogueVersionSchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request) => {
    return changeVersion(request, (versions, actor) => versions.decide(request.params.agencyId, request.params.version, request.body, actor));
  });

  app.post('/api/agencies/:agencyId/catalogue/versions/:version/publish', {
    schema: {
      tags: TAGS, summary: '发布目录版本', description: '仅限核审签发后的版本，且仅限保密审查认定适合的渠道。',
      params: AgencyVersionParams, body: PublishBody, response: { 200: CatalogueVersionSchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request) => {
    return (await changeVersion(request, (versions, actor) => versions.publish(request.params.agencyId, request.params.version, request.body.channels, actor))).version;
  });

  app.get('/api/agencies/:agencyId/catalogue/published', {
    schema: { tags: TAGS, summary: '已发布的目录（最近发布的版本）', params: AgencyParams, response: { 200: CatalogueVersionSchema, ...errorResponses(400, 404) } },
  }, async (request) => catalogueVersions(ctx.db.db, ctx.clock).published(request.params.agencyId));
};
