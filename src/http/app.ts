/**
 * The HTTP application: the JSON API (documented by OpenAPI, Swagger UI at /docs), the interchange
 * JSON Schema, the public portal and, when built, the admin web UI at /admin/. The database and
 * clock are injected, so tests build the same app on SQLite or PostgreSQL.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { agencyRoutes } from '../agencies/agency.routes.js';
import { applicationPublicRoutes } from '../applications/application-public.routes.js';
import { applicationRoutes } from '../applications/application.routes.js';
import { sessionRoutes } from '../auth/session.routes.js';
import { userRoutes } from '../auth/user.routes.js';
import { auditRoutes } from '../audit/audit.routes.js';
import { auditBatchRoutes } from '../audit/audit-batch.routes.js';
import { defaultParseThreads, parseInWorker } from '../parse/parse-pool.js';
import { calendarRoutes } from '../calendar/calendar.routes.js';
import { checklistRoutes } from '../disclosure/checklist.routes.js';
import { proposalRoutes } from '../proposals/proposal.routes.js';
import { itemExportRoutes } from '../disclosure/item-export.routes.js';
import { NotFoundError } from '../core/errors.js';
import { catalogueRoutes } from '../disclosure/catalogue.routes.js';
import { disclosureSettingsRoutes } from '../disclosure/disclosure-settings.routes.js';
import { guideRoutes } from '../disclosure/guide.routes.js';
import { matterRoutes } from '../matters/matter.routes.js';
import { matterImportRoutes } from '../matters/matter-import.routes.js';
import { matterPortalRoutes } from '../portal/matter-portal.routes.js';
import { InterchangeReportSchema } from '../core/interchange/interchange-schema.js';
import { letterRoutes } from '../letters/letter.routes.js';
import { itemRoutes } from '../disclosure/item.routes.js';
import { itemWithdrawalRoutes } from '../disclosure/item-withdrawal.routes.js';
import { DISPLAY_COOKIE, displayOf, errorPage } from '../portal/portal-layout.js';
import { portalRoutes } from '../portal/portal.routes.js';
import { reportRoutes } from '../reports/report.routes.js';
import { searchRoutes } from '../search/search.routes.js';
import { statisticsRoutes } from '../statistics/statistics.routes.js';
import { itemImportRoutes } from '../disclosure/item-import.routes.js';
import { table2Routes } from '../statistics/table2.routes.js';
import { reportTextRoutes } from '../reports/report-text.routes.js';
import { installAccessControl } from './access/access-control.js';
import { securityOf, siteOf, type AppContext } from './context.js';
import { installErrorHandler } from './error-handler.js';
import { BODY_LIMIT, installJsonParser } from './json-body.js';
import { portalReadinessRoutes } from '../disclosure/portal-readiness.routes.js';
import { createPageCache } from '../portal/page-cache.js';
import { createRenderCache } from './render-cache.js';

/** Options of buildApp: the injected database and clock, and Fastify's logger setting. */
export interface BuildAppOptions extends AppContext {
  logger?: FastifyServerOptions['logger'];
  /** Folder of the built admin UI; defaults to web/dist of the project, served only if it exists. */
  adminDir?: string;
}

const API_DESCRIPTION = [
  '政府信息公开工作年度报告的结构化数据接口：机关、报告的导入、保存（版本）、校验（勾稽关系）、发布与下载。',
  '',
  '错误统一返回 `{ code, message, problems? }`，message 为中文说明并指明问题位置。',
  '除公开页面、申请表、公开读取报告外，所有接口须先登录（`POST /api/session`，会话保存在 HttpOnly Cookie 中）；',
  '写操作须在请求头 `x-csrf-token` 中带上登录时返回的防伪令牌。未登录返回 401，缺少权限返回 403 并说明所缺权限。',
  '操作人一律为登录用户。',
].join('\n');

/** Paths answered in JSON even when an error occurs; everything else is a page for readers. */
function isApiPath(url: string): boolean {
  return /^\/(api|schema|docs)(\/|$|\?)/.test(url);
}

/** Where the built admin UI is looked for: web/dist of the project. */
export function defaultAdminDir(): string {
  return fileURLToPath(new URL('../../web/dist/', import.meta.url));
}

/** Builds the app (not listening). Call `await app.ready()` or `app.inject()` in tests. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const ctx: AppContext = {
    db: options.db, clock: options.clock, pii: options.pii, renderCache: options.renderCache ?? createRenderCache(),
    pageCache: options.pageCache ?? createPageCache(options.db.db), settings: options.settings, security: options.security, site: options.site,
  };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    trustProxy: securityOf(ctx).trustProxy,
  }).withTypeProvider<TypeBoxTypeProvider>();

  installJsonParser(app);
  installErrorHandler(app, {
    htmlPage: (request, error) => (isApiPath(request.url) ? null : errorPage(error.statusCode, error.body.message, {
      site: siteOf(ctx), display: displayOf(request.cookies?.[DISPLAY_COOKIE]), path: request.url,
    })),
  });

  // Before any route: every route registered after this gets its declared access policy.
  await installAccessControl(app, { db: ctx.db.db, clock: ctx.clock, settings: securityOf(ctx) });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: '公开 Gongkai API', version: '0.1.0', description: API_DESCRIPTION },
      tags: [
        { name: '登录', description: '登录、退出、当前用户、修改密码' },
        { name: '用户与角色', description: '用户、角色授权（安全管理员）' },
        { name: '安全审计', description: '安全审计日志（审计管理员）' },
        { name: '机关', description: '发布年度报告的行政机关' },
        { name: '报告', description: '政府信息公开工作年度报告' },
        { name: '交换格式', description: '年度报告交换格式的 JSON Schema' },
        { name: '读取报告', description: '读取已发布的年度报告文件（Word、PDF、网页、文本），检查并可导入' },
        { name: '核查年度报告', description: '批量核查已发布的年度报告：核查批次的上传、后台读取进度、问题及核查结论、导出，跨年度和跨机关比较' },
        { name: '依申请公开', description: '政府信息公开申请的登记、办理期限、处理决定、行政复议和行政诉讼' },
        { name: '主动公开', description: '主动公开的政府信息、目录；导入平台启用前已发布的信息，导出信息和目录' },
        { name: '办事指南', description: '政务服务事项及其办事指南、二维码、服务大厅数据' },
      ],
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true },
    theme: { title: '公开 Gongkai API 文档' },
  });

  app.get('/schema/report-interchange.json', {
    schema: { tags: ['交换格式'], summary: '年度报告交换格式的 JSON Schema' },
  }, async (_request, reply) => reply.type('application/schema+json; charset=utf-8').send(JSON.stringify(InterchangeReportSchema, null, 2)));

  await app.register(sessionRoutes, ctx);
  await app.register(userRoutes, ctx);
  await app.register(agencyRoutes, ctx);
  await app.register(reportRoutes, ctx);
  await app.register(portalRoutes, ctx);
  await app.register(auditRoutes, ctx);
  // Saved audits read their files on the parse pool's workers (closed with the app by auditRoutes), as many at once
  // as the pool has threads.
  await app.register(auditBatchRoutes({ reader: (bytes, name) => parseInWorker(bytes, name), concurrency: defaultParseThreads() }), ctx);
  await app.register(applicationRoutes, ctx);
  await app.register(letterRoutes, ctx);
  await app.register(calendarRoutes, ctx);
  await app.register(applicationPublicRoutes, ctx);
  await app.register(statisticsRoutes, ctx);
  await app.register(itemRoutes, ctx);
  await app.register(itemWithdrawalRoutes, ctx);
  await app.register(checklistRoutes, ctx);
  await app.register(proposalRoutes, ctx);
  await app.register(itemExportRoutes, ctx);
  await app.register(itemImportRoutes, ctx);
  await app.register(catalogueRoutes, ctx);
  await app.register(guideRoutes, ctx);
  await app.register(matterRoutes, ctx);
  await app.register(matterImportRoutes, ctx);
  await app.register(matterPortalRoutes, ctx);
  await app.register(disclosureSettingsRoutes, ctx);
  await app.register(portalReadinessRoutes, ctx);
  await app.register(table2Routes, ctx);
  await app.register(reportTextRoutes, ctx);
  await app.register(searchRoutes, ctx);

  const adminDir = options.adminDir ?? defaultAdminDir();
  if (existsSync(adminDir)) {
    await app.register(fastifyStatic, { root: adminDir, prefix: '/admin/', decorateReply: false, index: ['index.html'] });
    app.get('/admin', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/admin/'));
  }

  app.setNotFoundHandler(async (request) => {
    const path = request.url.split('?')[0] ?? '';
    throw new NotFoundError(isApiPath(request.url) ? `未找到接口：${request.method} ${path}` : `未找到页面“${path}”`);
  });

  return app;
}
