/**
 * GET /api/agencies/:agencyId/portal-readiness — which portal columns are empty, about to go stale or stale, and
 * what would fail an inspection (国办秘函〔2019〕19号). item.read in the agency (route-policy.ts); with `subtree`
 * the agencies below it where the person may read items too (a supervisor's subtree grant).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { agencySubtreeIds, findAgencyRow } from '../agencies/agency.repository.js';
import { NotFoundError } from '../core/errors.js';
import type { AppContext } from '../http/context.js';
import { errorResponses } from '../reports/report.schema.js';
import { chinaDay } from './item-drafting.js';
import { portalReadiness } from './portal-readiness.js';
import { PortalReadinessSchema, ReadinessQuery } from './portal-readiness.schema.js';
import { AgencyParams } from './review.schema.js';

/** Registers the readiness route. */
export const portalReadinessRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const db = ctx.db.db;
  app.get('/api/agencies/:agencyId/portal-readiness', {
    schema: {
      tags: ['政府网站检查'], summary: '迎检自查：空白栏目、即将超期和已超期栏目、首页更新（按机关和科室）',
      params: AgencyParams, querystring: ReadinessQuery, response: { 200: PortalReadinessSchema, ...errorResponses(400, 404) },
    },
  }, async (request) => {
    const { agencyId } = request.params;
    if (!(await findAgencyRow(db, agencyId))) throw new NotFoundError(`机关 ${agencyId} 不存在`);
    let ids = [agencyId];
    if (request.query.subtree) {
      const readable = new Set(await request.access.agenciesWith('item.read'));
      ids = (await agencySubtreeIds(db, [agencyId])).filter((id) => id === agencyId || readable.has(id));
    }
    return portalReadiness(db, ids, chinaDay(ctx.clock()), request.query.warnDays);
  });
};
