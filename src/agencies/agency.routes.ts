/**
 * Agency API: list, read and create the agencies that publish reports.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf, inTransaction, type AppContext } from '../http/context.js';
import { errorResponses, MAX_ID } from '../reports/report.schema.js';
import { agencyService } from './agency.service.js';

const TAGS = ['机关'];

const AgencyKindSchema = Type.Union([Type.Literal('government'), Type.Literal('department'), Type.Literal('unit')], {
  description: '类别：government 人民政府、department 政府部门、unit 其他单位',
});

export const AgencySchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  parentId: Type.Union([Type.Integer(), Type.Null()], { description: '上级机关编号' }),
  kind: AgencyKindSchema,
  createdAt: Type.String(),
});

export const CreateAgencyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, description: '机关全称，如 威海市环翠区行政审批服务局' }),
    parentId: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: MAX_ID }), Type.Null()])),
    kind: AgencyKindSchema,
  },
  { additionalProperties: false },
);

const AgencyIdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: MAX_ID, description: '机关编号' }) });

/** Registers the /api/agencies routes. */
export const agencyRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  app.get('/api/agencies', {
    schema: { tags: TAGS, summary: '机关列表', response: { 200: Type.Array(AgencySchema) } },
  }, async () => agencyService(ctx.db.db).list());

  app.get('/api/agencies/:id', {
    schema: { tags: TAGS, summary: '机关详情', params: AgencyIdParams, response: { 200: AgencySchema, ...errorResponses(400, 404) } },
  }, async (request) => agencyService(ctx.db.db).get(request.params.id));

  app.post('/api/agencies', {
    schema: { tags: TAGS, summary: '新增机关', body: CreateAgencyBody, response: { 201: AgencySchema, ...errorResponses(400, 404, 409) } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const agency = await inTransaction(ctx, (trx) => agencyService(trx, ctx.clock).create(request.body, actor));
    return reply.code(201).send(agency);
  });
};
