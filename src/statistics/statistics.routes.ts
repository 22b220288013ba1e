/**
 * Statistics API: tables 三 and 四 of an agency's year computed from the application cases, the cases
 * behind any of their cells (drill-down, no personal data), and filling a draft report's tables 三/四
 * with the computed figures as a new version (one transaction, opened here).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { optionalBodyCompiler } from '../http/json-body.js';
import { actorOf, inTransaction, type AppContext } from '../http/context.js';
import { detailOf } from '../reports/report.routes.js';
import { errorResponses, IdParams, ReportDetailSchema } from '../reports/report.schema.js';
import { reportService } from '../reports/report.service.js';
import { loadCellCases, loadTablesView } from './statistics-view.js';
import {
  AgencyIdParams, ApplicationTablesSchema, CellCasesQuery, CellCasesSchema, FillFromCasesBody, TablesQuery,
} from './statistics.schema.js';

const TAGS = ['统计'];

/** Registers the /api/agencies/:id/application-tables routes and POST /api/reports/:id/fill-from-cases. */
export const statisticsRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  app.get('/api/agencies/:id/application-tables', {
    schema: {
      tags: TAGS, summary: '依申请公开办理数据生成的表三、表四',
      description: '由数据库按申请的收到日期、处理决定和行政复议、行政诉讼统计；只计截止日期（asOf，缺省为 12 月 31 日）及以前发生的事项，'
        + '因此报告发布后可按同一截止日期重新得出相同的数字。每个单元格附官方行列标签，按格式的阅读顺序排列。',
      params: AgencyIdParams, querystring: TablesQuery,
      response: { 200: ApplicationTablesSchema, ...errorResponses(400, 404) },
    },
  }, async (request) => loadTablesView(ctx.db.db, { agencyId: request.params.id, ...request.query }));

  app.get('/api/agencies/:id/application-tables/cases', {
    schema: {
      tags: TAGS, summary: '表三、表四某一单元格对应的申请（不含申请人信息）',
      description: '按统计该单元格的同一条件列出申请的登记号；条目数等于单元格数值（表四每项行政复议或行政诉讼一条）。',
      params: AgencyIdParams, querystring: CellCasesQuery,
      response: { 200: CellCasesSchema, ...errorResponses(400, 404) },
    },
  }, async (request) => {
    const { cell, ...query } = request.query;
    return loadCellCases(ctx.db.db, { agencyId: request.params.id, ...query, cellKey: cell });
  });

  app.post('/api/reports/:id/fill-from-cases', {
    validatorCompiler: optionalBodyCompiler,
    schema: {
      tags: TAGS, summary: '以依申请公开办理数据填写报告的表三、表四（生成新版本）',
      description: '以报告的年度和格式统计，替换表三、表四的全部单元格，其余内容不变；已发布的报告不可修改（409）。',
      params: IdParams, body: FillFromCasesBody,
      response: { 200: ReportDetailSchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    const asOf = request.body?.asOf;
    const { report } = await inTransaction(ctx, (trx) => reportService(trx, ctx.clock).fillFromCases(request.params.id, actor, asOf));
    return detailOf(report);
  });
};
