/**
 * The public portal: server-rendered pages for readers (no JavaScript needed). Only PUBLISHED
 * reports are ever shown or offered for download here; a draft is a 404, as if it did not exist.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { agencyService } from '../agencies/agency.service.js';
import { NotFoundError } from '../core/errors.js';
import type { AppContext } from '../http/context.js';
import { sendReportFile } from '../reports/report.routes.js';
import { DownloadParams, MAX_ID } from '../reports/report.schema.js';
import { reportService, type StoredReport } from '../reports/report.service.js';
import { agencyPage, homePage, reportPage } from './portal-pages.js';

const PageIdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: MAX_ID }) });
const HTML = 'text/html; charset=utf-8';
const PAGE = { hide: true } as const;

/** Registers the portal pages. */
export const portalRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const reports = () => reportService(ctx.db.db, ctx.clock);
  const agencies = () => agencyService(ctx.db.db, ctx.clock);

  /** A report for the public: published, or NotFound (a draft must not be revealed). */
  async function publishedReport(id: number): Promise<StoredReport> {
    const missing = new NotFoundError(`未找到编号为 ${id} 的已发布年度报告`);
    let report: StoredReport;
    try {
      report = await reports().get(id);
    } catch (e) {
      if (e instanceof NotFoundError) throw missing;
      throw e;
    }
    if (report.status !== 'published') throw missing;
    return report;
  }

  app.get('/', { schema: PAGE }, async (_request, reply) => {
    const [tree, published] = await Promise.all([agencies().tree(), reports().list({ status: 'published' })]);
    const counts = new Map<number, number>();
    for (const r of published) counts.set(r.agencyId, (counts.get(r.agencyId) ?? 0) + 1);
    return reply.type(HTML).send(homePage(tree, counts));
  });

  app.get('/agencies/:id', { schema: { ...PAGE, params: PageIdParams } }, async (request, reply) => {
    const agency = await agencies().get(request.params.id);
    const parent = agency.parentId === null ? null : await agencies().get(agency.parentId);
    const list = await reports().list({ agencyId: agency.id, status: 'published' });
    const titles = new Map<number, string>();
    for (const r of list) titles.set(r.id, (await reports().get(r.id)).document.title);
    return reply.type(HTML).send(agencyPage(agency, parent, list, titles));
  });

  app.get('/reports/:id', { schema: { ...PAGE, params: PageIdParams } }, async (request, reply) => {
    const report = await publishedReport(request.params.id);
    return reply.type(HTML).send(reportPage(report, report.document));
  });

  app.get('/reports/:id/download.:ext', { schema: { ...PAGE, params: DownloadParams } }, async (request, reply) => {
    const report = await publishedReport(request.params.id);
    return sendReportFile(reply, ctx, report, request.params.ext);
  });
};
