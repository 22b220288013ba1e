/**
 * POST /api/session signs in (sets the HttpOnly session cookie), GET returns the signed-in person with
 * roles and permissions, DELETE signs out; PUT /api/session/password changes the own password.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { agencyNames } from '../agencies/agency.repository.js';
import { allPermissions } from '../core/access/grants.js';
import { ROLES } from '../core/access/roles.js';
import { SESSION_COOKIE } from '../http/access/access-control.js';
import { inTransaction, securityOf, type AppContext } from '../http/context.js';
import { errorResponses } from '../reports/report.schema.js';
import { ChangePasswordBody, SessionSchema, SignInBody, type SessionInfo } from './auth.schema.js';
import type { Principal } from './principal.js';
import { sessionService, type RequestMeta } from './session.service.js';

const TAGS = ['登录'];

/** The request's address and browser, recorded with sign-ins. */
export function metaOf(request: FastifyRequest): RequestMeta {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
}

/** Registers the session routes. */
export const sessionRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const security = securityOf(ctx);
  const db = ctx.db.db;

  async function sessionInfo(principal: Principal): Promise<SessionInfo> {
    const names = await agencyNames(db, [principal.agencyId, ...principal.grants.map((g) => g.agencyId)]);
    return {
      user: { id: principal.userId, login: principal.login, name: principal.name, agencyId: principal.agencyId, agencyName: names.get(principal.agencyId) ?? '' },
      grants: principal.grants.map((g) => ({ ...g, roleName: ROLES[g.role].name, agencyName: names.get(g.agencyId) ?? '' })),
      permissions: allPermissions(principal.grants),
      mustChangePassword: principal.mustChangePassword,
      csrfToken: principal.csrfToken,
      idleMinutes: security.signIn.idleMinutes,
    };
  }

  app.post('/api/session', {
    schema: {
      tags: TAGS, summary: '登录', description: '登录名或密码错误时统一提示，不说明是哪一项错误；连续失败 5 次后账户暂时锁定，锁定时间逐次加倍。',
      body: SignInBody, response: { 200: SessionSchema, ...errorResponses(400) },
    },
  }, async (request, reply) => {
    const result = await inTransaction(ctx, (trx) => sessionService(trx, ctx.clock, security.signIn).signIn(request.body.login, request.body.password, metaOf(request)));
    if ('error' in result) throw result.error;
    reply.setCookie(SESSION_COOKIE, result.token, {
      path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https',
    });
    return sessionInfo(result.principal);
  });

  app.get('/api/session', {
    schema: { tags: TAGS, summary: '当前登录用户、角色与权限', response: { 200: SessionSchema } },
  }, async (request) => sessionInfo(request.access.principal!));

  app.delete('/api/session', {
    schema: { tags: TAGS, summary: '退出登录', response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await inTransaction(ctx, (trx) => sessionService(trx, ctx.clock, security.signIn).signOut(request.access.principal!, metaOf(request)));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  app.put('/api/session/password', {
    schema: {
      tags: TAGS, summary: '修改本人密码', description: '初始密码或重置后的密码须在首次登录时修改；修改后本人的其他会话结束。',
      body: ChangePasswordBody, response: { 200: SessionSchema, ...errorResponses(400) },
    },
  }, async (request) => {
    const principal = request.access.principal!;
    await inTransaction(ctx, (trx) => sessionService(trx, ctx.clock, security.signIn)
      .changePassword(principal, request.body.currentPassword, request.body.newPassword, metaOf(request)));
    return sessionInfo({ ...principal, mustChangePassword: false });
  });
};
