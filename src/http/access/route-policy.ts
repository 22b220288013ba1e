/**
 * THE access policy: every route of the app, by method and path, with what it needs. A route that is
 * not in this table makes the app refuse to start (access-control.ts), and a test checks every route ×
 * every role against it. Only what is declared public is public.
 */
import type { FastifyRequest } from 'fastify';
import type { Permission } from '../../core/access/permissions.js';
import { REVIEW_STEPS, type ReviewStep } from '../../core/disclosure/review-chain.js';
import type { RoutePolicy } from './policy-types.js';

const PUBLIC: RoutePolicy = { access: 'public' };
const report = (permission: Permission): RoutePolicy => ({ access: 'permission', permission, scope: { from: 'report', param: 'id' } });
const application = (permission: Permission): RoutePolicy => ({ access: 'permission', permission, scope: { from: 'application', param: 'id' } });
const agencyParam = (permission: Permission): RoutePolicy => ({ access: 'permission', permission, scope: { from: 'params', field: 'id' } });
/** 核查年度报告: held somewhere ('anywhere'), or checked by the handler in the batch's agency ('handler'). */
const auditAny = (from: 'anywhere' | 'handler'): RoutePolicy => ({ access: 'permission', permission: 'audit.run', scope: { from } });
const item = (permission: Permission): RoutePolicy => ({ access: 'permission', permission, scope: { from: 'item', param: 'id' } });
/** Catalogue, guide and disclosure settings: the agency is the path's :agencyId. */
const inAgency = (permission: Permission | ((request: FastifyRequest) => Permission[])): RoutePolicy =>
  ({ access: 'permission', permission, scope: { from: 'params', field: 'agencyId' } });

/**
 * A review step (an item, a catalogue, guide or report version) needs that step's permission (初审, 保密审查, 核审签发)
 * in the agency — for an item checked by the handler inside its transaction; a body without a known step is refused
 * by validation (400), so it needs no more than reading.
 */
function reviewStepPermission(request: FastifyRequest): Permission[] {
  const step = (request.body as { step?: unknown } | undefined)?.step;
  return typeof step === 'string' && Object.hasOwn(REVIEW_STEPS, step) ? [REVIEW_STEPS[step as ReviewStep].permission] : ['item.read'];
}

/** A case event: an extension needs a leader's approval, a period-lock override a leader too (条例 Art. 33). */
function caseEventPermissions(request: FastifyRequest): Permission[] {
  const body = (request.body ?? {}) as { type?: unknown; override?: unknown };
  const needs: Permission[] = [body.type === 'extended' ? 'application.extend' : 'application.handle'];
  if (body.override) needs.push('period.override');
  return needs;
}

/** A change that may alter a published year's figures needs the leader's override permission when an override is given. */
function withOverride(base: Permission) {
  return (request: FastifyRequest): Permission[] => ((request.body as { override?: unknown } | undefined)?.override ? [base, 'period.override'] : [base]);
}

/** Method + route path → policy. HEAD routes follow their GET. */
export const ROUTE_POLICY: Readonly<Record<string, RoutePolicy>> = {
  // Public portal, forms and documentation.
  'GET /': PUBLIC,
  'GET /agencies/:id': PUBLIC,
  'GET /agencies/:id/guide': PUBLIC,
  // 办事指南: published versions only (src/portal/matter-portal.routes.ts).
  'GET /matters': PUBLIC,
  'GET /matters/:id': PUBLIC,
  'GET /matters/:id/qr.png': PUBLIC,
  'GET /matters/:id/qr.svg': PUBLIC,
  'GET /matters/:id/guide.pdf': PUBLIC,
  'GET /matters/:id/files/:hash': PUBLIC,
  'GET /agencies/:id/rules': PUBLIC,
  'GET /agencies/:id/catalogue': PUBLIC,
  'GET /agencies/:id/reports': PUBLIC,
  'GET /agencies/:id/proposals': PUBLIC,
  'GET /agencies/:id/apply': PUBLIC,
  'GET /agencies/:id/feed.xml': PUBLIC,
  'GET /categories/:id': PUBLIC,
  'GET /categories/:id/feed.xml': PUBLIC,
  'GET /items/:id': PUBLIC,
  'GET /items/:id/attachments/:hash': PUBLIC,
  'GET /search': PUBLIC,
  'GET /sitemap': PUBLIC,
  'GET /sitemap.xml': PUBLIC,
  'GET /display': PUBLIC,
  'GET /reports/:id': PUBLIC,
  'GET /reports/:id/download.:ext': PUBLIC,
  'GET /reports/:id/versions/:version/download.:ext': PUBLIC,
  'GET /apply': PUBLIC,
  'POST /apply': { access: 'public', rateLimit: 'public-form' },
  'GET /status': { access: 'public', rateLimit: 'public-form' },
  'GET /audit': PUBLIC,
  'POST /audit': { access: 'public', rateLimit: 'public-parse' },
  'POST /api/parse': { access: 'public', rateLimit: 'public-parse' },
  'GET /schema/report-interchange.json': PUBLIC,
  // Full-text search: only published documents are ever in the index (src/search/search-index.ts).
  'GET /api/search': PUBLIC,
  'GET /docs': PUBLIC,
  'GET /docs/static/*': PUBLIC,
  'GET /docs/json': PUBLIC,
  'GET /docs/yaml': PUBLIC,
  'GET /docs/static/index.html': PUBLIC,
  'GET /docs/static/swagger-initializer.js': PUBLIC,
  'GET /admin': PUBLIC,
  'GET /admin/*': PUBLIC,

  // Sign-in and the signed-in person's own session.
  'POST /api/session': { access: 'public', rateLimit: 'sign-in' },
  'GET /api/session': { access: 'signed-in', duringPasswordChange: true },
  'DELETE /api/session': { access: 'signed-in', duringPasswordChange: true },
  'PUT /api/session/password': { access: 'signed-in', duringPasswordChange: true },

  // Users, roles and the security log (三员: security admin, audit admin).
  'GET /api/users': { access: 'permission', permission: 'user.manage', scope: { from: 'anywhere' } },
  'POST /api/users': { access: 'permission', permission: 'user.manage', scope: { from: 'anywhere' } },
  'GET /api/users/:id': { access: 'permission', permission: 'user.manage', scope: { from: 'anywhere' } },
  'PATCH /api/users/:id': { access: 'permission', permission: 'user.manage', scope: { from: 'anywhere' } },
  'POST /api/users/:id/disable': { access: 'permission', permission: 'user.manage', scope: { from: 'anywhere' } },
  'POST /api/users/:id/enable': { access: 'permission', permission: 'user.manage', scope: { from: 'anywhere' } },
  'POST /api/users/:id/reset-password': { access: 'permission', permission: 'user.manage', scope: { from: 'anywhere' } },
  'POST /api/users/:id/grants': { access: 'permission', permission: 'user.manage', scope: { from: 'anywhere' } },
  'DELETE /api/users/:id/grants/:grantId': { access: 'permission', permission: 'user.manage', scope: { from: 'anywhere' } },
  'GET /api/roles': { access: 'signed-in' },
  'GET /api/security-log': { access: 'permission', permission: 'security-log.read', scope: { from: 'anywhere' } },
  'GET /api/security-log.xlsx': { access: 'permission', permission: 'security-log.read', scope: { from: 'anywhere' } },

  // Agencies.
  'GET /api/agencies': { access: 'signed-in' },
  'GET /api/agencies/:id': { access: 'signed-in' },
  'POST /api/agencies': { access: 'permission', permission: 'agency.manage', scope: { from: 'body', field: 'parentId', optional: true } },

  // 主动公开基本目录, 政府信息公开指南 and an agency's disclosure settings (src/disclosure).
  'GET /api/catalogue-templates': { access: 'signed-in' },
  // 建议提案: the office reads and handles them; publishing the result drafts an item (政府信息) too.
  'GET /api/agencies/:agencyId/proposals': inAgency('proposal.read'),
  'POST /api/agencies/:agencyId/proposals': inAgency('proposal.handle'),
  'GET /api/agencies/:agencyId/proposals/:id': inAgency('proposal.read'),
  'PUT /api/agencies/:agencyId/proposals/:id': inAgency('proposal.handle'),
  'POST /api/agencies/:agencyId/proposals/:id/answer': inAgency('proposal.handle'),
  'POST /api/agencies/:agencyId/proposals/:id/feedback': inAgency('proposal.handle'),
  'POST /api/agencies/:agencyId/proposals/:id/result': inAgency(() => ['proposal.handle', 'item.draft']),
  'GET /api/agencies/:agencyId/proposals/:id/events': inAgency('proposal.read'),
  'GET /api/agencies/:agencyId/proposals/:id/reply.docx': inAgency('proposal.read'),
  'GET /api/agencies/:agencyId/proposal-warnings': inAgency('proposal.read'),
  'GET /api/agencies/:agencyId/proposal-counts/:year': inAgency('proposal.read'),
  'GET /api/agencies/:agencyId/catalogue': inAgency('item.read'),
  'POST /api/agencies/:agencyId/catalogue/nodes': inAgency('catalogue.edit'),
  'PATCH /api/agencies/:agencyId/catalogue/nodes/:nodeId': inAgency('catalogue.edit'),
  'POST /api/agencies/:agencyId/catalogue/nodes/:nodeId/move': inAgency('catalogue.edit'),
  'POST /api/agencies/:agencyId/catalogue/nodes/:nodeId/archive': inAgency('catalogue.edit'),
  'POST /api/agencies/:agencyId/catalogue/apply-template': inAgency('catalogue.edit'),
  'GET /api/agencies/:agencyId/catalogue/versions': inAgency('item.read'),
  'POST /api/agencies/:agencyId/catalogue/versions': inAgency('catalogue.edit'),
  'GET /api/agencies/:agencyId/catalogue/versions/:version': inAgency('item.read'),
  'POST /api/agencies/:agencyId/catalogue/versions/:version/review': inAgency(reviewStepPermission),
  'POST /api/agencies/:agencyId/catalogue/versions/:version/publish': inAgency('item.publish'),
  'GET /api/agencies/:agencyId/catalogue/published': inAgency('item.read'),
  'GET /api/agencies/:agencyId/guide': inAgency('item.read'),
  'PUT /api/agencies/:agencyId/guide': inAgency('catalogue.edit'),
  'GET /api/agencies/:agencyId/guide/versions': inAgency('item.read'),
  'GET /api/agencies/:agencyId/guide/versions/:version': inAgency('item.read'),
  'POST /api/agencies/:agencyId/guide/versions/:version/submit': inAgency('catalogue.edit'),
  'POST /api/agencies/:agencyId/guide/versions/:version/review': inAgency(reviewStepPermission),
  'POST /api/agencies/:agencyId/guide/versions/:version/publish': inAgency('item.publish'),
  'GET /api/agencies/:agencyId/guide/published': inAgency('item.read'),
  // 政务服务事项 and the hall's figures: drafting as items, review steps as items, settings and figures as the catalogue.
  'GET /api/agencies/:agencyId/matters': inAgency('item.read'),
  'POST /api/agencies/:agencyId/matters': inAgency('item.draft'),
  'GET /api/agencies/:agencyId/matters/:id': inAgency('item.read'),
  'PUT /api/agencies/:agencyId/matters/:id': inAgency('item.draft'),
  'POST /api/agencies/:agencyId/matters/:id/abolish': inAgency('item.draft'),
  'POST /api/agencies/:agencyId/matters/:id/submit': inAgency('item.draft'),
  'POST /api/agencies/:agencyId/matters/:id/review': inAgency(reviewStepPermission),
  'POST /api/agencies/:agencyId/matters/:id/publish': inAgency('item.publish'),
  'GET /api/agencies/:agencyId/matters/:id/qr.png': inAgency('item.read'),
  'GET /api/agencies/:agencyId/matters/:id/qr.svg': inAgency('item.read'),
  'GET /api/agencies/:agencyId/matters/:id/guide.pdf': inAgency('item.read'),
  'POST /api/agencies/:agencyId/matters/import': inAgency('item.import'),
  'GET /api/agencies/:agencyId/matters.xlsx': inAgency('item.read'),
  'POST /api/agencies/:agencyId/matter-files': inAgency('item.draft'),
  'GET /api/agencies/:agencyId/matter-offices': inAgency('item.read'),
  'POST /api/agencies/:agencyId/matter-offices': inAgency('catalogue.edit'),
  'GET /api/agencies/:agencyId/matter-themes': inAgency('item.read'),
  'PUT /api/agencies/:agencyId/matter-themes': inAgency('catalogue.edit'),
  'GET /api/agencies/:agencyId/service-halls': inAgency('item.read'),
  'POST /api/agencies/:agencyId/service-halls': inAgency('catalogue.edit'),
  'PUT /api/agencies/:agencyId/service-halls/:hallId/months/:month': inAgency('catalogue.edit'),
  'POST /api/agencies/:agencyId/service-halls/months/import': inAgency('catalogue.edit'),
  'GET /api/agencies/:agencyId/service-dashboard': inAgency('item.read'),
  'GET /api/agencies/:agencyId/disclosure-settings': inAgency('item.read'),
  'GET /api/agencies/:agencyId/portal-readiness': inAgency('item.read'),
  'PUT /api/agencies/:agencyId/disclosure-settings': inAgency('catalogue.edit'),

  // Annual reports.
  'GET /api/reports': { access: 'permission', permission: 'report.read', scope: { from: 'query', field: 'agencyId', optional: true } },
  'POST /api/reports': { access: 'permission', permission: 'report.edit', scope: { from: 'body', field: 'agencyId' } },
  'POST /api/reports/import': { access: 'permission', permission: 'report.import', scope: { from: 'handler' } },
  'GET /api/reports/:id': report('report.read'),
  'PUT /api/reports/:id': report('report.edit'),
  'POST /api/reports/:id/check': report('report.edit'),
  'POST /api/reports/:id/correct': report('report.edit'),
  'GET /api/reports/:id/corrections': report('report.read'),
  'POST /api/reports/:id/publish': report('report.publish'),
  'POST /api/reports/:id/submit': report('report.edit'),
  'POST /api/reports/:id/review': { access: 'permission', permission: reviewStepPermission, scope: { from: 'report', param: 'id' } },
  'GET /api/reports/:id/review': report('report.read'),
  'GET /api/reports/:id/versions': report('report.read'),
  'GET /api/reports/:id/versions/:version': report('report.read'),
  'GET /api/reports/:id/events': report('report.read'),
  'GET /api/reports/:id/download.:ext': report('report.read'),
  'POST /api/reports/:id/fill-from-cases': report('report.edit'),
  'POST /api/reports/:id/fill-from-data': report('report.edit'),
  'GET /api/reports/:id/narrative-figures': report('report.read'),
  'POST /api/reports/:id/draft-text': report('report.edit'),
  'GET /api/reports/:id/text-figures': report('report.read'),
  'POST /api/parse/import': { access: 'permission', permission: 'report.import', scope: { from: 'handler' } },
  // Saved bulk audits: lists and comparisons cover the agencies where the caller may audit; a batch's routes check its
  // agency in the handler (404 unknown, 403 another agency's); an upload names its agency (or the grant's).
  'POST /api/audits': auditAny('handler'),
  'GET /api/audits': auditAny('anywhere'),
  'GET /api/audits/labels': auditAny('anywhere'),
  'GET /api/audits/compare/agency': auditAny('anywhere'),
  'GET /api/audits/compare/year': auditAny('anywhere'),
  'GET /api/audits/:id': auditAny('handler'),
  'GET /api/audits/:id/files/:fileId': auditAny('handler'),
  'PUT /api/audits/:id/files/:fileId/findings/:fingerprint': auditAny('handler'),
  'POST /api/audits/:id/rerun': auditAny('handler'),
  'POST /api/audits/:id/stop': auditAny('handler'),
  'GET /api/audits/:id/export': auditAny('handler'),

  // Applications (依申请公开).
  'GET /api/applications': { access: 'permission', permission: 'application.read', scope: { from: 'query', field: 'agencyId', optional: true } },
  'POST /api/applications': { access: 'permission', permission: withOverride('application.register'), scope: { from: 'body', field: 'agencyId' } },
  'GET /api/applications/warnings': { access: 'permission', permission: 'application.read', scope: { from: 'query', field: 'agencyId' } },
  'GET /api/applications/warnings/by-agency': { access: 'permission', permission: 'application.read', scope: { from: 'anywhere' } },
  'GET /api/applications/:id': application('application.read'),
  'GET /api/applications/:id/events': application('application.read'),
  'POST /api/applications/:id/events': { access: 'permission', permission: caseEventPermissions, scope: { from: 'application', param: 'id' } },
  'POST /api/applications/:id/assign': application('application.handle'),
  'POST /api/applications/:id/remedies': { access: 'permission', permission: withOverride('application.handle'), scope: { from: 'application', param: 'id' } },
  'POST /api/applications/:id/remedies/:remedyId/result': { access: 'permission', permission: withOverride('application.handle'), scope: { from: 'application', param: 'id' } },
  'GET /api/applications/:id/letter.:ext': application('application.personal'),
  'GET /api/applications/:id/fee-notice.:ext': application('application.personal'),

  // Tables 三/四 from the cases.
  'GET /api/agencies/:id/application-tables': agencyParam('statistics.read'),
  'GET /api/agencies/:id/application-tables/cases': agencyParam('statistics.read'),

  // Proactive disclosure: items (政府信息) and the review chain. A review step needs that step's permission in the
  // item's agency, which the handler checks inside its transaction (the step is in the body).
  'GET /api/disclosure/labels': { access: 'signed-in' },
  'GET /api/inbox': { access: 'signed-in' },
  'GET /api/item-warnings': { access: 'permission', permission: 'item.read', scope: { from: 'query', field: 'agencyId', optional: true } },
  'GET /api/agencies/:agencyId/items': { access: 'permission', permission: 'item.read', scope: { from: 'params', field: 'agencyId' } },
  'POST /api/agencies/:agencyId/items': { access: 'permission', permission: 'item.draft', scope: { from: 'params', field: 'agencyId' } },
  'GET /api/items/:id': item('item.read'),
  'PUT /api/items/:id': item('item.draft'),
  'POST /api/items/:id/attachments': item('item.draft'),
  'DELETE /api/items/:id/attachments/:hash': item('item.draft'),
  'GET /api/items/:id/attachments/:hash': item('item.read'),
  'POST /api/items/:id/submit': item('item.draft'),
  'POST /api/items/:id/review': { access: 'permission', permission: reviewStepPermission, scope: { from: 'handler' } },
  'POST /api/items/:id/publish': item('item.publish'),
  'POST /api/items/:id/publications/:publicationId/withdraw': item('item.publish'),
  'GET /api/items/:id/findings': item('item.read'),
  'POST /api/items/:id/findings/:findingId/resolve': item('item.secrecy-review'),
  'GET /api/items/:id/history': item('item.read'),
  'GET /api/items/:id/versions/:version': item('item.read'),

  // Proactive disclosure: the monthly checklist (互联网信息发布每月检查清理清单) of an agency.
  'GET /api/agencies/:id/checklists': agencyParam('item.read'),
  'POST /api/agencies/:id/checklists': agencyParam('checklist.review'),
  'GET /api/agencies/:id/checklists/:month': agencyParam('item.read'),
  'GET /api/agencies/:id/checklists/:month.:ext': agencyParam('item.read'),
  'PUT /api/agencies/:id/checklists/:month/entries/:entryId': agencyParam('checklist.review'),
  'POST /api/agencies/:id/checklists/:month/sign-off': agencyParam('checklist.review'),
  // Channel exports and the 保密审查表 of an item: item.read in the item's agency, checked by the handler once the item is read.
  'GET /api/items/:id/exports/wechat': { access: 'permission', permission: 'item.read', scope: { from: 'handler' } },
  'GET /api/items/:id/exports/led': { access: 'permission', permission: 'item.read', scope: { from: 'handler' } },
  'GET /api/items/:id/exports/notice-board.pdf': { access: 'permission', permission: 'item.read', scope: { from: 'handler' } },
  'GET /api/items/:id/secrecy-review.:ext': { access: 'permission', permission: 'item.read', scope: { from: 'handler' } },
  // Items of an agency in and out as spreadsheets (an old site's published items; item and catalogue exports).
  'POST /api/agencies/:id/items/import': agencyParam('item.import'),
  'GET /api/agencies/:id/items.xlsx': agencyParam('item.read'),
  'GET /api/agencies/:id/catalogue.xlsx': agencyParam('item.read'),
  // Table 二 and the counts of proactive publications.
  'GET /api/agencies/:agencyId/normative-counts': inAgency('item.read'),
  'GET /api/agencies/:agencyId/normative-counts/items': inAgency('item.read'),
  'GET /api/agencies/:agencyId/art20-counts': inAgency('report.read'),
  'POST /api/agencies/:agencyId/art20-counts': inAgency('report.edit'),
  'GET /api/agencies/:agencyId/publication-counts': inAgency('item.read'),
  'GET /api/agencies/:agencyId/publication-counts/items': inAgency('item.read'),

  // The working-day calendar: everyone signed in reads it, the system admin enters a year's notice.
  'GET /api/calendar/years': { access: 'signed-in' },
  'GET /api/calendar/deadline': { access: 'signed-in' },
  'GET /api/calendar/:year': { access: 'signed-in' },
  'PUT /api/calendar/:year': { access: 'permission', permission: 'calendar.manage', scope: { from: 'anywhere' } },
};

/** The policy of a route, or undefined when none is declared. */
export function policyOf(method: string, url: string): RoutePolicy | undefined {
  return ROUTE_POLICY[`${method === 'HEAD' ? 'GET' : method} ${url}`];
}
