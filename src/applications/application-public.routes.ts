/**
 * The public side of disclosure applications: GET/POST /apply (the online form; the receipt shows the
 * query code) and GET /status?code= (the case's state and deadline, nothing personal). Server-rendered
 * pages that work without JavaScript; the form is posted as application/x-www-form-urlencoded.
 */
import { operator, type Actor } from '../core/actor.js';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { agencyService } from '../agencies/agency.service.js';
import type { IdentityKind } from '../core/applications/identity.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import { inTransaction, pageOf, type AppContext } from '../http/context.js';
import { MAX_ID } from '../reports/report.schema.js';
import { applicationsOn } from './application.routes.js';
import { chinaDate } from './case-record.js';
import { appliedPage, applyFormPage, statusPage, type ApplyFormValues } from './application-pages.js';

const HTML = 'text/html; charset=utf-8';
/** The actor recorded for applications made online by the applicant. */
export const ONLINE_ACTOR: Actor = operator('互联网申请');

const text = (max: number) => Type.Optional(Type.String({ maxLength: max }));
const ApplyForm = Type.Object({
  agencyId: text(20), applicantType: text(20), name: text(200), idType: text(20), idNumber: text(50),
  phone: text(50), address: text(200), email: text(200), subject: text(2000), formWanted: text(200),
});
/** /apply?agency=<id>: the agency preselected (a link from its 依申请公开 page). */
const ApplyQuery = Type.Object({ agency: Type.Optional(Type.String({ maxLength: 20, description: '预选的受理机关编号' })) });
const StatusQuery = Type.Object({ code: Type.Optional(Type.String({ maxLength: 40, description: '查询码' })) });
const PAGE = { hide: true };

/** Registers /apply and /status. */
export const applicationPublicRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  // Scoped to this plugin: the HTML form posts url-encoded fields (no JavaScript needed).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  const agencies = async () => (await agencyService(ctx.db.db).list()).map((a) => ({ id: a.id, name: a.name }));

  app.get('/apply', { schema: { ...PAGE, querystring: ApplyQuery } }, async (request, reply) =>
    reply.type(HTML).send(applyFormPage(pageOf(ctx, request), await agencies(), { agencyId: request.query.agency })));

  app.post('/apply', { schema: { ...PAGE, body: ApplyForm } }, async (request, reply) => {
    const values = request.body as ApplyFormValues;
    const agencyId = Number(values.agencyId);
    try {
      if (!Number.isInteger(agencyId) || agencyId < 1 || agencyId > MAX_ID) throw new ValidationError('请选择受理机关', { field: 'agencyId' });
      const created = await inTransaction(ctx, async (trx) => (await applicationsOn(trx, ctx)).receive({
        agencyId,
        // 条例 Art. 31(3): submitted online, received on the day both sides confirm: the system confirms at once.
        channel: 'online',
        evidence: { confirmedOn: chinaDate(ctx.clock()) },
        applicantType: values.applicantType ?? '',
        applicant: {
          name: values.name ?? '', idType: (values.idType || undefined) as IdentityKind | undefined, idNumber: values.idNumber ?? '',
          phone: values.phone, address: values.address, email: values.email,
        },
        subject: values.subject ?? '', formWanted: values.formWanted ?? '',
      }, ONLINE_ACTOR));
      return reply.code(201).type(HTML).send(appliedPage(pageOf(ctx, request), created));
    } catch (e) {
      if (!(e instanceof ValidationError) && !(e instanceof NotFoundError)) throw e;
      return reply.code(e instanceof NotFoundError ? 404 : 400).type(HTML).send(applyFormPage(pageOf(ctx, request), await agencies(), values, e.message));
    }
  });

  app.get('/status', { schema: { ...PAGE, querystring: StatusQuery } }, async (request, reply) => {
    const code = request.query.code?.trim() ?? '';
    if (!code) return reply.type(HTML).send(statusPage(pageOf(ctx, request), '', null));
    try {
      const status = await (await applicationsOn(ctx.db.db, ctx)).publicStatus(code);
      return reply.type(HTML).send(statusPage(pageOf(ctx, request), code, status));
    } catch (e) {
      if (!(e instanceof NotFoundError)) throw e;
      return reply.code(404).type(HTML).send(statusPage(pageOf(ctx, request), code, null, e.message));
    }
  });
};
