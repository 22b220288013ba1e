/**
 * An agency's disclosure settings over the API: 统一社会信用代码 and 索引号 template.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, inTransaction, type AppContext } from '../http/context.js';
import { errorResponses } from '../reports/report.schema.js';
import { disclosureSettingsService } from './disclosure-settings.service.js';
import { SettingsBody, SettingsSchema } from './disclosure-settings.schema.js';
import { AgencyParams } from './review.schema.js';

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
