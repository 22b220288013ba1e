/**
 * Every route × every role, checked against THE access policy (src/http/access/route-policy.ts), on
 * SQLite and PostgreSQL. The routes come from the app itself: the OpenAPI document (GET /docs/json)
 * and every route the access control saw registered (so one hidden from OpenAPI still counts). The
 * people: one user per role in the demo bureau, a supervisor over the government's subtree, a user of
 * another agency with every business role, and nobody (anonymous).
 *
 *   anonymous        → 401 on every route that is not public, never 401 on a public one;
 *   without the permission (in the agency the request touches) → 403 naming the permission in Chinese;
 *   with it          → neither 401 nor 403 (the minimal bodies sent are usually refused with 400 after the check).
 *
 * Also: every route has a policy and every policy entry matches a route.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { InjectOptions } from 'fastify';
import { agencyService } from '../../src/agencies/agency.service.js';
import { calendarService } from '../../src/calendar/calendar.service.js';
import { operator } from '../../src/core/actor.js';
import { holdsAnywhere, holdsIn, type RoleGrant } from '../../src/core/access/grants.js';
import { permissionName, type Permission } from '../../src/core/access/permissions.js';
import { BUSINESS_ROLES, createTestUser, signIn, type TestSession } from '../auth-helpers.js';
import { ROLE_KEYS } from '../../src/core/access/roles.js';
import { registeredRoutes } from '../../src/http/access/access-control.js';
import type { RoutePolicy } from '../../src/http/access/policy-types.js';
import { policyOf, ROUTE_POLICY } from '../../src/http/access/route-policy.js';
import { DEFAULT_SECURITY_SETTINGS } from '../../src/http/access/security-settings.js';
import { forEachDialect } from '../db-helpers.js';
import { json, sendJson, testApp, type TestApp } from './http-helpers.js';

/** The routes' ids and bodies, filled in once the data exists. */
interface Fixture {
  governmentId: number;
  bureauId: number;
  reportId: number;
  caseId: number;
  /** An item (政府信息) of the bureau. */
  itemId: number;
  /** A user the security admin's requests act on (not one of the signed-in ones). */
  victimId: number;
  /** A category of the bureau's catalogue that has sub-categories (so archiving it is refused, not done). */
  nodeId: number;
}

/** One request of the matrix. */
interface Probe {
  method: string;
  url: string;
  payload?: Record<string, unknown>;
  /** What the policy reads: params, query and body as the route will see them. */
  params: Record<string, string>;
  query: Record<string, string>;
  body: Record<string, unknown> | undefined;
}

/** A person of the matrix: the grants the expectation is computed from, and the session. */
interface Person {
  label: string;
  grants: RoleGrant[];
  session: TestSession | null;
}

const BIG = { max: 1_000_000, minutes: 1 };

/** The OpenAPI path /api/reports/{id} as the route path /api/reports/:id. */
const fromOpenApi = (path: string) => path.replace(/\{([^}]+)\}/g, ':$1');

/** A value for a path parameter of a route. */
function paramValue(url: string, name: string, f: Fixture): string {
  if (name === '*') return url.startsWith('/admin') ? 'index.html' : 'swagger-ui.css';
  if (name === 'version') return '1';
  if (name === 'year') return '2024';
  if (name === 'grantId' || name === 'hallId' || name === 'remedyId' || name === 'findingId' || name === 'publicationId' || name === 'entryId') return '999999';
  if (name === 'agencyId') return String(f.bureauId);
  if (name === 'hash') return '0'.repeat(64);
  if (name === 'month') return '2026-03';
  if (name === 'ext') return url.includes('/applications/') ? 'docx' : url.includes('/checklists/') ? 'xlsx' : url.includes('/items/') ? 'pdf' : 'html';
  if (name === 'agencyId') return String(f.bureauId);
  if (name === 'nodeId') return String(f.nodeId);
  // Saved audits check the batch's agency in the handler: an unknown batch is 404 to anyone holding 核查年度报告
  // somewhere; the agency check itself is tested in test/audit/audit-batch-api.test.ts.
  if (url.startsWith('/api/audits/') && (name === 'id' || name === 'fileId')) return '999999';
  if (name === 'fingerprint') return 'a'.repeat(32);
  if (name === 'id') {
    if (/^\/(api\/)?reports\//.test(url)) return String(f.reportId);
    if (/^\/(api\/)?agencies\//.test(url)) return String(f.bureauId);
    if (url.startsWith('/api/applications/')) return String(f.caseId);
    if (url.startsWith('/api/users/')) return String(f.victimId);
    // Item routes scoped 'item' read the agency from the item; the export routes check item.read in the item's agency
    // in the handler (scope 'handler'): an unknown item is 404 to anyone holding the permission somewhere; the agency
    // check itself is tested in item-exports-api.test.ts.
    if (url.startsWith('/api/items/')) return /\/exports\/|\/secrecy-review\./.test(url) ? '999999' : String(f.itemId);
    // Public portal pages: a category of the bureau's catalogue (a 404 until a catalogue version is published) and an item.
    if (url.startsWith('/categories/')) return String(f.nodeId);
    if (url.startsWith('/items/')) return String(f.itemId);
    // A public guide (办事指南) that does not exist: a 404 to everyone.
    if (url.startsWith('/matters/')) return '999999';
  }
  throw new Error(`access matrix: no value for :${name} of ${url} — add one to paramValue()`);
}

/** Query strings that name the bureau (or are needed for the route to get that far). */
function queryOf(method: string, url: string, f: Fixture): Record<string, string> {
  switch (`${method} ${url}`) {
    case 'GET /api/reports':
    case 'GET /api/applications':
    case 'GET /api/applications/warnings':
    case 'GET /api/item-warnings':
      return { agencyId: String(f.bureauId) };
    case 'GET /api/calendar/deadline':
      return { from: '2024-03-01', workingDays: '20' };
    case 'GET /api/agencies/:id/application-tables':
    case 'GET /api/agencies/:agencyId/normative-counts':
    case 'GET /api/agencies/:agencyId/art20-counts':
      return { year: '2024' };
    case 'GET /api/agencies/:agencyId/publication-counts':
      return { year: '2024', by: 'channel' };
    case 'GET /api/agencies/:agencyId/portal-readiness':
      return { subtree: 'true', warnDays: '10' };
    case 'GET /status':
      return { code: 'X' };
    case 'GET /api/search':
      return { q: '政府信息公开', agencyId: String(f.bureauId) };
    default:
      return {};
  }
}

/** Minimal bodies: enough for the policy to find the agency, usually too little for the handler (400). */
function bodiesOf(method: string, url: string, f: Fixture): Array<Record<string, unknown> | undefined> {
  if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) return [undefined];
  switch (`${method} ${url}`) {
    case 'POST /api/agencies':
      return [{ parentId: f.bureauId }];
    case 'POST /api/reports':
    case 'POST /api/applications':
      return [{ agencyId: f.bureauId }, { agencyId: f.bureauId, override: { reason: '测试理由' } }];
    case 'POST /api/applications/:id/events':
      // Handling, an extension (a leader's approval) and a period-lock override (a leader's too).
      return [{}, { type: 'extended' }, { override: { reason: '测试理由' } }];
    case 'POST /api/applications/:id/remedies':
      return [{}, { override: { reason: '测试理由' } }];
    case 'DELETE /api/session':
    case 'POST /api/users/:id/disable':
    case 'POST /api/users/:id/enable':
    case 'POST /api/users/:id/reset-password':
    case 'POST /api/reports/:id/check':
    case 'POST /api/reports/:id/publish':
    case 'DELETE /api/users/:id/grants/:grantId':
      return [undefined];
    default:
      return [{}];
  }
}

function probesOf(method: string, url: string, f: Fixture): Probe[] {
  const params: Record<string, string> = {};
  const path = url.replace(/:([A-Za-z]+)|\*/g, (token, name: string | undefined) => {
    const key = name ?? '*';
    params[key] = paramValue(url, key, f);
    return params[key]!;
  });
  const query = queryOf(method, url, f);
  const search = new URLSearchParams(query).toString();
  return bodiesOf(method, url, f).map((body) => ({
    method, url: `${path}${search ? `?${search}` : ''}`, params, query, body, ...(body ? { payload: body } : {}),
  }));
}

/** The agency a probe touches under the policy's scope (undefined: none in particular). */
function scopeAgency(policy: Extract<RoutePolicy, { access: 'permission' }>, probe: Probe, f: Fixture): number | undefined {
  const scope = policy.scope;
  switch (scope.from) {
    case 'anywhere':
    case 'handler':
      return undefined;
    case 'report':
    case 'application':
    case 'item':
      return f.bureauId;
    case 'params':
    case 'query':
    case 'body': {
      const bag = scope.from === 'params' ? probe.params : scope.from === 'query' ? probe.query : probe.body ?? {};
      const raw = (bag as Record<string, unknown>)[scope.field];
      return raw === undefined ? undefined : Number(raw);
    }
  }
}

/** What the policy says for a person and a probe: 'allow', or the permissions of which one is missing. */
function expected(policy: RoutePolicy, probe: Probe, person: Person, f: Fixture): { allow: true } | { allow: false; missing: Permission[] } {
  if (policy.access === 'public' || policy.access === 'signed-in') return { allow: true };
  const fake = { body: probe.body, params: probe.params, query: probe.query } as never;
  const needed = typeof policy.permission === 'function' ? policy.permission(fake) : [policy.permission];
  const agency = scopeAgency(policy, probe, f);
  // The bureau's chain: itself, then the government.
  const chain = agency === f.bureauId ? [f.bureauId, f.governmentId] : agency === undefined ? undefined : [agency];
  const missing = needed.filter((p) => !(chain ? holdsIn(person.grants, p, chain) : holdsAnywhere(person.grants, p)));
  return missing.length === 0 ? { allow: true } : { allow: false, missing };
}

forEachDialect('access matrix: every route × every role', (ctx) => {
  let t: TestApp;
  let f: Fixture;
  const people: Person[] = [];
  let adminDir: string;

  before(async () => {
    adminDir = mkdtempSync(join(tmpdir(), 'gongkai-admin-'));
    writeFileSync(join(adminDir, 'index.html'), '<!doctype html><title>admin</title>');
    t = await testApp(ctx, {
      demo: true, adminDir,
      security: { ...DEFAULT_SECURITY_SETTINGS, rateLimits: { 'sign-in': BIG, 'public-form': BIG, 'public-parse': BIG } },
    });
    const db = t.db.db;
    await calendarService(db).seedIfEmpty(operator('测试准备'));
    const other = await agencyService(db).create({ name: '某区市场监督管理局', kind: 'department', parentId: t.governmentId }, operator('测试准备'));
    const report = await db.selectFrom('reports').select('id').where('agency_id', '=', t.bureauId).where('status', '=', 'published').executeTakeFirstOrThrow();
    const received = await sendJson(t.app, 'POST', '/api/applications', {
      agencyId: t.bureauId, channel: 'in-person', evidence: { handedInOn: '2024-02-26' }, applicantType: '自然人',
      applicant: { name: '张三丰', idNumber: '11010519491231002X', phone: '13812345678' }, subject: '2023年度行政许可事项清单', formWanted: '电子邮件',
    });
    assert.equal(received.statusCode, 201, received.body);
    const victimId = await createTestUser(db, 'victim', [], t.bureauId);
    const item = await sendJson(t.app, 'POST', `/api/agencies/${t.bureauId}/items`, { title: '矩阵测试信息', writtenOn: '2024-02-26' }, t.tester.headers);
    assert.equal(item.statusCode, 201, item.body);
    const node = await db.selectFrom('catalogue_nodes').select('id').where('agency_id', '=', t.bureauId).where('parent_id', 'is', null).orderBy('id').executeTakeFirstOrThrow();
    f = { governmentId: t.governmentId, bureauId: t.bureauId, reportId: Number(report.id), caseId: json(received).id, itemId: json(item).item.id, victimId, nodeId: node.id };

    const add = async (label: string, roles: RoleGrant[], login: string) => {
      await createTestUser(db, login, roles.map((g) => g.role), roles[0]!.agencyId, { subtree: roles[0]!.subtree });
      people.push({ label, grants: roles, session: await signIn(t.app, login) });
    };
    for (const role of ROLE_KEYS) await add(`${role} in the bureau`, [{ role, agencyId: t.bureauId, subtree: false }], `m-${role}`);
    await add('supervisor over the government and its subtree', [{ role: 'supervisor', agencyId: t.governmentId, subtree: true }], 'm-gov-supervisor');
    await add('every business role in another agency', BUSINESS_ROLES.map((role) => ({ role, agencyId: other.id, subtree: true })), 'm-other');
    people.push({ label: 'anonymous', grants: [], session: null });
  });
  after(async () => {
    await t?.close();
    rmSync(adminDir, { recursive: true, force: true });
  });

  /** Every route of the app: OpenAPI plus what the access control saw registered. */
  async function appRoutes(): Promise<Set<string>> {
    const routes = new Set<string>();
    const doc = json<{ paths: Record<string, Record<string, unknown>> }>(await t.app.inject({ method: 'GET', url: '/docs/json', cookies: {} }));
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of Object.keys(item)) routes.add(`${method.toUpperCase()} ${fromOpenApi(path)}`);
    }
    const seen = registeredRoutes(t.app);
    assert.ok(seen.length > 50, 'the access control saw the routes being registered');
    for (const r of seen) if (r.method !== 'HEAD' && r.method !== 'OPTIONS') routes.add(`${r.method} ${r.url}`);
    return routes;
  }

  test('every route has a policy and every policy entry is a real route', async () => {
    const routes = await appRoutes();
    const undeclared = [...routes].filter((key) => { const [m, u] = key.split(' '); return !policyOf(m!, u!); });
    assert.deepEqual(undeclared, [], 'routes without a policy');
    const phantom = Object.keys(ROUTE_POLICY).filter((key) => {
      const [method, url] = key.split(' ') as [string, string];
      return !routes.has(key) || !t.app.hasRoute({ method: method as 'GET', url });
    });
    assert.deepEqual(phantom, [], 'policy entries without a route');
    // Routes hidden from OpenAPI count too (the portal, the public form, the admin UI).
    for (const hidden of ['GET /apply', 'POST /audit', 'GET /admin/*', 'GET /reports/:id/download.:ext']) assert.ok(routes.has(hidden), hidden);
  });

  test('anonymous → 401 off the public routes; without the permission → 403 naming it; with it → neither', async () => {
    const routes = [...await appRoutes()].sort((a, b) => {
      // Signing out ends the session: last.
      const last = (k: string) => (k === 'DELETE /api/session' ? 1 : 0);
      return last(a) - last(b) || a.localeCompare(b);
    });
    const failures: string[] = [];
    let requests = 0;
    let denied = 0;
    for (const key of routes) {
      const [method, url] = key.split(' ') as [string, string];
      const policy = policyOf(method, url)!;
      for (const probe of probesOf(method, url, f)) {
        for (const person of people) {
          const options: InjectOptions = {
            method: probe.method as InjectOptions['method'], url: probe.url,
            ...(person.session ? { headers: person.session.headers } : { cookies: {} }),
            ...(probe.payload ? { payload: probe.payload } : {}),
          };
          const res = await t.app.inject(options);
          requests++;
          const where = `${key} ${probe.body ? JSON.stringify(probe.body) : ''} as ${person.label}: ${res.statusCode} ${res.body.slice(0, 160)}`;
          if (!person.session) {
            const isPublic = policy.access === 'public';
            if (isPublic && (res.statusCode === 401 || res.statusCode === 403)) failures.push(`public route refused: ${where}`);
            if (!isPublic && res.statusCode !== 401) failures.push(`expected 401: ${where}`);
            if (!isPublic && res.statusCode === 401 && json(res).code !== 'UNAUTHENTICATED') failures.push(`expected UNAUTHENTICATED: ${where}`);
            continue;
          }
          const want = expected(policy, probe, person, f);
          if (want.allow) {
            if (res.statusCode === 401 || res.statusCode === 403) failures.push(`expected neither 401 nor 403: ${where}`);
          } else {
            denied++;
            if (res.statusCode !== 403) {
              failures.push(`expected 403 (missing ${want.missing.join(', ')}): ${where}`);
            } else {
              const body = json<{ code: string; message: string }>(res);
              if (body.code !== 'FORBIDDEN' || !want.missing.some((p) => body.message.includes(`“${permissionName(p)}”`))) {
                failures.push(`403 should name ${want.missing.map(permissionName).join('/')}: ${where}`);
              }
            }
          }
        }
      }
    }
    assert.deepEqual(failures, []);
    // The matrix is not vacuous, and stays small enough to be quick.
    assert.ok(denied > 100, `denied ${denied}`);
    assert.ok(requests < 4000, `requests ${requests}`);
  });

  test('lists without an agency show only the agencies the person may see', async () => {
    // Signed in afresh: the matrix ends with everyone signing out.
    const other = await signIn(t.app, 'm-other');
    const supervisor = await signIn(t.app, 'm-gov-supervisor');
    const drafter = await signIn(t.app, 'm-drafter');
    const list = async (url: string, session: TestSession) => {
      const res = await t.app.inject({ method: 'GET', url, headers: session.headers });
      assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
      return json<Array<{ agencyId: number; id: number }>>(res);
    };
    assert.deepEqual(await list('/api/reports', other), []);
    assert.deepEqual(await list('/api/applications', other), []);
    assert.ok(!(await list('/api/applications/warnings/by-agency', other)).some((w) => w.agencyId === f.bureauId));
    assert.ok((await list('/api/reports', supervisor)).some((r) => r.id === f.reportId));
    assert.ok((await list('/api/applications', supervisor)).some((a) => a.id === f.caseId));
    assert.ok((await list('/api/reports', drafter)).some((r) => r.id === f.reportId));
    // The drafter reads reports but not cases: a list of cases is refused, not emptied.
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/applications', headers: drafter.headers })).statusCode, 403);
  });
});
