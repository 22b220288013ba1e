/**
 * Access control for the whole app, installed before any route: security headers (helmet with a CSP
 * the admin UI, the portal and /docs work under), the Host allow-list, the session cookie, CSRF
 * protection for every write, rate limits, and the policy of route-policy.ts enforced for every route.
 * A route without a declared policy stops the app at start-up.
 */
import { timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { findAgencyRow } from '../../agencies/agency.repository.js';
import { applicationAgencyId } from '../../applications/application.repository.js';
import type { Principal } from '../../auth/principal.js';
import { recordSecurityEvent } from '../../auth/security-log.service.js';
import { sessionService } from '../../auth/session.service.js';
import { holdsAnywhere } from '../../core/access/grants.js';
import type { Permission } from '../../core/access/permissions.js';
import type { Clock } from '../../core/clock.js';
import { AuthenticationError, ForbiddenError, RateLimitedError } from '../../core/errors.js';
import type { Database } from '../../db/schema.js';
import { reportAgencyId } from '../../reports/report.repository.js';
import { itemAgencyId } from '../../disclosure/item.repository.js';
import { missingPermission, requestAccess, type RequestAccess } from './access.js';
import type { RoutePolicy, Scope } from './policy-types.js';
import { policyOf } from './route-policy.js';
import type { SecuritySettings } from './security-settings.js';

/** The session cookie's name. */
export const SESSION_COOKIE = 'gongkai_session';
/** The header carrying the session's CSRF token on every write. */
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
  interface FastifyRequest {
    access: RequestAccess;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const MAX_ID = 2_147_483_647;

/** A positive id that fits the column, or undefined (validation answers the rest). */
function asId(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= MAX_ID ? n : undefined;
}

function hostnameOf(hostHeader: string): string {
  const host = hostHeader.trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(1, host.indexOf(']'));
  return host.replace(/:\d+$/, '');
}

/** Whether the request comes from another site (a cross-site form or script), by Sec-Fetch-Site, Origin or Referer. */
function crossSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return true;
  const source = request.headers.origin ?? request.headers.referer;
  if (!source) return false;
  if (source === 'null') return true;
  try {
    // request.host is the Host header, or X-Forwarded-Host behind a trusted proxy.
    return new URL(source).host.toLowerCase() !== String(request.host ?? '').toLowerCase();
  } catch {
    return true;
  }
}

/** Whether the header carries the session's CSRF token, compared in constant time. */
function sameToken(header: string | string[] | undefined, token: string): boolean {
  if (typeof header !== 'string') return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The agency a request touches, per the scope; undefined when the scope names none. */
async function scopeAgency(db: Kysely<Database>, request: FastifyRequest, scope: Scope): Promise<number | undefined | 'invalid'> {
  const bag = (part: unknown, field: string) => (part && typeof part === 'object' ? (part as Record<string, unknown>)[field] : undefined);
  switch (scope.from) {
    case 'anywhere':
    case 'handler':
      return undefined;
    case 'params':
    case 'query':
    case 'body': {
      const raw = bag(scope.from === 'params' ? request.params : scope.from === 'query' ? request.query : request.body, scope.field);
      if (raw === undefined || raw === null) return scope.optional ? undefined : 'invalid';
      return asId(raw) ?? 'invalid';
    }
    case 'report':
    case 'application':
    case 'item': {
      const id = asId(bag(request.params, scope.param));
      if (id === undefined) return 'invalid';
      const agency = scope.from === 'report' ? await reportAgencyId(db, id)
        : scope.from === 'item' ? await itemAgencyId(db, id) : await applicationAgencyId(db, id);
      return agency ?? 'invalid';
    }
  }
}

/** A route as registered (method and path), with its declared policy if any. */
export interface RegisteredRoute {
  method: string;
  url: string;
  policy: RoutePolicy | undefined;
}

const registered = new WeakMap<FastifyInstance, RegisteredRoute[]>();

/**
 * Every route registered on an app after its access control was installed (all of them: it is
 * installed first), as the policy check saw it — including routes hidden from the OpenAPI document.
 */
export function registeredRoutes(app: FastifyInstance): readonly RegisteredRoute[] {
  return registered.get(app) ?? [];
}

/** Installs helmet, cookies, rate limits, the Host check, sessions, CSRF and the route policy. */
export async function installAccessControl(
  app: FastifyInstance, options: { db: Kysely<Database>; clock: Clock; settings: SecuritySettings },
): Promise<void> {
  const { db, clock, settings } = options;
  const undeclared: string[] = [];
  const routes: RegisteredRoute[] = [];
  registered.set(app, routes);

  // Every route gets its policy at registration; a route without one is a start-up error.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      const policy = policyOf(method, route.url);
      routes.push({ method, url: route.url, policy });
      if (!policy) {
        if (method !== 'HEAD') undeclared.push(`${method} ${route.url}`);
        continue;
      }
      const limit = policy.access === 'public' && policy.rateLimit ? settings.rateLimits[policy.rateLimit] : undefined;
      route.config = { ...(route.config ?? {}), policy, ...(limit ? { rateLimit: { max: limit.max, timeWindow: limit.minutes * 60_000 } } : {}) } as typeof route.config;
    }
  });
  app.addHook('onReady', async () => {
    if (undeclared.length > 0) {
      throw new Error(`以下接口未在访问策略（src/http/access/route-policy.ts）中声明：${undeclared.join('，')}`);
    }
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd (CSS-in-JS) and Swagger UI insert style elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        // Served over plain HTTP on an intranet too: forcing https sub-requests would break the pages.
        upgradeInsecureRequests: null,
      },
    },
    // HSTS only means something over HTTPS; a proxy in front adds it there.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new RateLimitedError(`请求过于频繁，请 ${Math.max(1, Math.ceil(context.ttl / 1000))} 秒后再试`),
  });

  app.decorateRequest('access', null as unknown as RequestAccess);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const hostHeader = request.host;
    if (!settings.allowedHosts.includes('*') && (!hostHeader || !settings.allowedHosts.includes(hostnameOf(hostHeader)))) {
      throw new ForbiddenError(`不受信任的主机名“${hostHeader ?? ''}”：请通过配置的网址访问本系统`, 'HOST_NOT_ALLOWED');
    }
    const policy = request.routeOptions.config?.policy;
    const unsafe = UNSAFE.has(request.method);
    if (unsafe && crossSite(request)) {
      throw new ForbiddenError('拒绝来自其他网站的提交（跨站请求伪造防护）', 'CSRF_REJECTED');
    }
    if (!policy || policy.access === 'public') {
      request.access = requestAccess(db, null);
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    const resolved = token ? await sessionService(db, clock, settings.signIn).resolve(token) : 'none';
    if (resolved === 'none' || resolved === 'expired') {
      if (token) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      throw resolved === 'expired'
        ? new AuthenticationError('登录已超时，请重新登录', 'SESSION_EXPIRED')
        : new AuthenticationError('请先登录');
    }
    const principal: Principal = resolved;
    if (unsafe && !sameToken(request.headers[CSRF_HEADER], principal.csrfToken)) {
      throw new ForbiddenError('请求缺少有效的防伪令牌，请刷新页面后重试', 'CSRF_REJECTED');
    }
    if (principal.mustChangePassword && !(policy.access === 'signed-in' && policy.duringPasswordChange)) {
      throw new ForbiddenError('请先修改初始密码', 'PASSWORD_CHANGE_REQUIRED');
    }
    request.access = requestAccess(db, principal);
  });

  // After the body is parsed, before it is validated: the permission in the agency the request touches.
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const policy = request.routeOptions.config?.policy;
    if (!policy || policy.access !== 'permission') return;
    const principal = request.access.principal!;
    const needed: Permission[] = typeof policy.permission === 'function' ? policy.permission(request) : [policy.permission];
    const agency = await scopeAgency(db, request, policy.scope);
    for (const permission of needed) {
      const allowed = typeof agency === 'number'
        ? await request.access.can(permission, agency)
        : holdsAnywhere(principal.grants, permission);
      if (!allowed) {
        // An agency that does not exist: the handler answers 404 to whoever could act somewhere.
        const row = typeof agency === 'number' ? await findAgencyRow(db, agency) : undefined;
        if (typeof agency === 'number' && !row && holdsAnywhere(principal.grants, permission)) continue;
        await recordSecurityEvent(db, clock, {
          type: 'access-denied', success: false, actor: { id: principal.userId, name: principal.name }, login: principal.login,
          target: `${request.method} ${request.routeOptions.url}`, detail: { permission, agencyId: typeof agency === 'number' ? agency : null }, ip: request.ip,
        });
        throw missingPermission(permission, row?.name);
      }
    }
  });
}
