/**
 * Application API (依申请公开): list and receive cases, read one with its clock, record the events of the
 * procedure, read its history, link reconsiderations and lawsuits, and the deadline warnings. Every
 * mutating route runs its service call in one transaction opened here (a refused event stores nothing).
 */
import type { FastifyRequest } from 'fastify';
import { recordSecurityEvent } from '../auth/security-log.service.js';
import type { Clock } from '../core/clock.js';
import { maskedDetail, type ApplicationDetail } from './application-view.js';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import { calendarService } from '../calendar/calendar.service.js';
import { NotFoundError } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import type { Actor } from '../core/actor.js';
import type { LockOverride } from '../reports/period-lock.js';
import { actorOf, inTransaction, settingsOf, type AppContext } from '../http/context.js';
import { errorResponses } from '../reports/report.schema.js';
import {
  AgencyWarningsSchema, AllWarningsQuery, ApplicationDetailSchema, ApplicationEventSchema, AssignBody, ApplicationIdParams, ApplicationSummarySchema, EventBody,
  ListApplicationsQuery, ReceiveBody, RemedyBody, RemedyParams, RemedyResultBody, RemedySchema, WarningsQuery, WarningsSchema,
} from './application.schema.js';
import { applicationService, type EventInput, type ReceiveInput } from './application.service.js';
import { chinaDate } from './case-record.js';

const TAGS = ['依申请公开'];

/** The service on `q` with the working-day calendar as stored now, the installation's cipher and settings. */
export async function applicationsOn(q: Kysely<Database>, ctx: Pick<AppContext, 'clock' | 'pii' | 'settings'>) {
  const calendar = await calendarService(q, ctx.clock).load();
  return applicationService(q, ctx.clock, calendar, ctx.pii, settingsOf(ctx));
}

/**
 * A period-lock override as recorded: the approver is the signed-in leader (route-policy.ts requires
 * 'period.override' whenever an override is sent), the reason as given.
 */
function approvedBy(override: { reason?: string } | undefined, actor: Actor): LockOverride | undefined {
  return override ? { approver: actor.name, reason: override.reason ?? '' } : undefined;
}

/**
 * A case detail as the signed-in person may see it: the applicant in full only for the publisher and
 * the case handler of the case's agency (the role needs it), and that view is itself recorded in the
 * security log (who, which case, when); everyone else gets it masked.
 */
async function asSeenBy(request: FastifyRequest, detail: ApplicationDetail, trx: Kysely<Database>, clock: Clock): Promise<ApplicationDetail> {
  if (!(await request.access.can('application.personal', detail.agencyId, trx))) return maskedDetail(detail);
  const principal = request.access.principal!;
  await recordSecurityEvent(trx, clock, {
    type: 'personal-data-viewed', success: true, actor: request.access.actor(), login: principal.login,
    target: `application:${detail.id}`, detail: { caseNo: detail.caseNo, agencyId: detail.agencyId, via: `${request.method} ${request.routeOptions.url}` }, ip: request.ip,
  });
  return detail;
}

/** Registers the /api/applications routes. */
export const applicationRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const read = () => applicationsOn(ctx.db.db, ctx);

  app.get('/api/applications', {
    schema: {
      tags: TAGS, summary: '申请列表（申请人信息已脱敏）', querystring: ListApplicationsQuery,
      response: { 200: Type.Array(ApplicationSummarySchema), ...errorResponses(400) },
    },
  }, async (request) => {
    // Without an agency (whose permission the policy checked), only the agencies the reader may see.
    const agencyIds = request.query.agencyId === undefined ? await request.access.agenciesWith('application.read') : undefined;
    return (await read()).list({ ...request.query, agencyIds });
  });

  app.post('/api/applications', {
    schema: {
      tags: TAGS, summary: '登记收到的申请',
      description: '按申请渠道确定收到申请之日（条例第三十一条），校验申请人类型、居民身份证号码或统一社会信用代码，计算并保存答复期限，生成登记号和查询码。',
      body: ReceiveBody, response: { 201: ApplicationDetailSchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const { override, ...input } = request.body;
    const created = await inTransaction(ctx, async (trx) =>
      asSeenBy(request, await (await applicationsOn(trx, ctx)).receive(input as ReceiveInput, actor, { override: approvedBy(override, actor) }), trx, ctx.clock));
    return reply.code(201).send(created);
  });

  app.get('/api/applications/warnings', {
    schema: {
      tags: TAGS, summary: '期限预警：已逾期及 3 个工作日内到期的申请，按承办科室汇总、按承办人分组', querystring: WarningsQuery,
      response: { 200: WarningsSchema, ...errorResponses(400) },
    },
  }, async (request) => (await read()).warnings(request.query.agencyId, request.query.today ?? chinaDate(ctx.clock())));

  app.get('/api/applications/warnings/by-agency', {
    schema: {
      tags: TAGS, summary: '各机关期限预警（一次查询，供总览或监督多个机关）', querystring: AllWarningsQuery,
      response: { 200: AgencyWarningsSchema, ...errorResponses(400) },
    },
  }, async (request) => {
    // Only the agencies the reader may see, chosen by the query (not read and then dropped).
    const visible = await request.access.agenciesWith('application.read');
    return (await read()).warningsOfAllAgencies(request.query.today ?? chinaDate(ctx.clock()), visible);
  });

  app.get('/api/applications/:id', {
    schema: {
      tags: TAGS, summary: '申请详情（含答复期限的计算过程）', params: ApplicationIdParams,
      response: { 200: ApplicationDetailSchema, ...errorResponses(400, 404) },
    },
  }, async (request) => inTransaction(ctx, async (trx) => asSeenBy(request, await (await applicationsOn(trx, ctx)).get(request.params.id), trx, ctx.clock)));

  app.get('/api/applications/:id/events', {
    schema: {
      tags: TAGS, summary: '办理记录（每次变更：操作人、时间、变更前后）', params: ApplicationIdParams,
      response: { 200: Type.Array(ApplicationEventSchema), ...errorResponses(400, 404) },
    },
  }, async (request) => (await read()).history(request.params.id));

  app.post('/api/applications/:id/events', {
    schema: {
      tags: TAGS, summary: '登记办理事件（补正、征求意见、延期、收费、处理决定、撤回）',
      description: '以全部事件重新计算答复期限后保存；不符合条例的事件（第二次延期、期限届满后延期、早于收到申请日期的答复、已办结案件的处理决定、免费范围内收费、日历未覆盖的日期等）返回 400，不作任何变更；将改变已发布年度报告表三、表四数据的事件须附 override（批准人、理由），否则返回 409（PERIOD_LOCKED）。',
      params: ApplicationIdParams, body: EventBody, response: { 200: ApplicationDetailSchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    const { override, ...body } = request.body;
    // An extension is approved by the signed-in leader (the policy requires the role): never a typed name.
    const event = body.type === 'extended' ? { ...body, approver: actor.name } : body;
    return inTransaction(ctx, async (trx) => asSeenBy(request,
      await (await applicationsOn(trx, ctx)).recordEvent(request.params.id, event as unknown as EventInput, actor, { override: approvedBy(override, actor) }), trx, ctx.clock));
  });

  app.post('/api/applications/:id/assign', {
    schema: {
      tags: TAGS, summary: '分配承办科室、承办人（用于按科室、按人员的期限预警）', params: ApplicationIdParams, body: AssignBody,
      response: { 200: ApplicationDetailSchema, ...errorResponses(400, 404) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    return inTransaction(ctx, async (trx) => asSeenBy(request, await (await applicationsOn(trx, ctx)).assign(request.params.id, request.body, actor), trx, ctx.clock));
  });

  app.post('/api/applications/:id/remedies', {
    schema: {
      tags: TAGS, summary: '登记行政复议或行政诉讼（表四）', params: ApplicationIdParams, body: RemedyBody,
      response: { 201: RemedySchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const { override, ...input } = request.body;
    const remedy = await inTransaction(ctx, async (trx) => (await applicationsOn(trx, ctx)).addRemedy(request.params.id, input, actor, { override: approvedBy(override, actor) }));
    return reply.code(201).send(remedy);
  });

  app.post('/api/applications/:id/remedies/:remedyId/result', {
    schema: {
      tags: TAGS, summary: '登记行政复议或行政诉讼的结果', params: RemedyParams, body: RemedyResultBody,
      response: { 200: RemedySchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    return inTransaction(ctx, async (trx) => {
      const svc = await applicationsOn(trx, ctx);
      const { remedies } = await svc.get(request.params.id);
      if (!remedies.some((r) => r.id === request.params.remedyId)) {
        throw new NotFoundError(`申请 ${request.params.id} 没有编号为 ${request.params.remedyId} 的行政复议或行政诉讼`);
      }
      const { override, ...input } = request.body;
      return svc.decideRemedy(request.params.remedyId, input, actor, { override: approvedBy(override, actor) });
    });
  });
};
