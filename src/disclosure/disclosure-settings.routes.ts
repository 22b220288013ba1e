/**
 * An agency's disclosure settings over the API: 统一社会信用代码 and 索引号 template.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf, inTransaction, type AppContext } from '../http/context.js';
import { errorResponses } from '../reports/report.schema.js';
import { disclosureSettingsService } from './disclosure-settings.service.js';
import { AgencyParams } from './review.schema.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const SettingsSchema = Type.Object({
  agencyId: Type.Integer(), agencyName: Type.String(),
  creditCode: Nullable(Type.String({ description: '统一社会信用代码（18 位）' })),
  indexTemplate: Nullable(Type.String({ description: '索引号模板（null：使用默认模板）' })),
  effectiveTemplate: Type.String({ description: '实际使用的索引号模板' }),
  defaultTemplate: Type.String(),
  example: Nullable(Type.String({ description: '按模板生成的本年度第一个索引号示例（模板含 {code} 而未填写统一社会信用代码时为 null）' })),
}, { description: '机关的政务公开设置' });

const SettingsBody = Type.Object({
  creditCode: Nullable(Type.String({ maxLength: 40, description: '统一社会信用代码（GB 32100-2015，校验第 18 位）；null 或空：未填写' })),
  indexTemplate: Nullable(Type.String({ maxLength: 100, description: '索引号模板，占位符 {code}（统一社会信用代码）、{year}（年份）、{seq:5}（序号，5 位）；null 或空：默认模板' })),
}, { additionalProperties: false });

/** Registers the settings routes. */
export const disclosureSettingsRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  app.get('/api/agencies/:agencyId/disclosure-settings', {
    schema: { tags: ['机关'], summary: '政务公开设置（统一社会信用代码、索引号模板）', params: AgencyParams, response: { 200: SettingsSchema, ...errorResponses(400, 404) } },
  }, async (request) => disclosureSettingsService(ctx.db.db, ctx.clock).get(request.params.agencyId));

  app.put('/api/agencies/:agencyId/disclosure-settings', {
    schema: {
      tags: ['机关'], summary: '修改政务公开设置', description: '统一社会信用代码校验位不正确、索引号模板不可用时以中文指出（400）。已赋予的索引号不受影响。',
      params: AgencyParams, body: SettingsBody, response: { 200: SettingsSchema, ...errorResponses(400, 404) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    return inTransaction(ctx, (trx) => disclosureSettingsService(trx, ctx.clock).set(request.params.agencyId, request.body, actor));
  });
};
