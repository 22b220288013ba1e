/**
 * Users and roles for the security admin, the role list for everyone signed in, and the security log
 * (with its xlsx export) for the audit admin. The actor is always the signed-in person.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { findAgencyRow } from '../agencies/agency.repository.js';
import { Type } from 'typebox';
import { PERMISSIONS } from '../core/access/permissions.js';
import { ROLES } from '../core/access/roles.js';
import { inTransaction, type AppContext } from '../http/context.js';
import { contentDisposition } from '../render/render-report.js';
import { errorResponses } from '../reports/report.schema.js';
import {
  GrantBody, GrantParams, NewUserBody, RoleInfoSchema, SecurityEventSchema, SecurityLogQuery, UserChangesBody, UserIdParams,
  UserSchema, UserWithPasswordSchema,
} from './auth.schema.js';
import { securityLogWorkbook } from './security-log-export.js';
import { listSecurityEvents, recordSecurityEvent } from './security-log.service.js';
import { userService } from './user.service.js';

const USERS = ['用户与角色'];
const LOG = ['安全审计'];

/** Registers /api/users, /api/roles and /api/security-log. */
export const userRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const read = () => userService(ctx.db.db, ctx.clock);

  app.get('/api/roles', {
    schema: { tags: USERS, summary: '角色及其权限', response: { 200: Type.Array(RoleInfoSchema) } },
  }, async () => Object.values(ROLES).map((r) => ({
    key: r.key, name: r.name, description: r.description, administrator: r.administrator,
    permissions: r.permissions.map((p) => ({ key: p, name: PERMISSIONS[p] })),
  })));

  // user.manage is checked in the agencies a request touches: the user's own agency, the agency a user
  // is moved to or created in, and the agency of a role granted — a security admin of one bureau does
  // not administer the district (the route policy only asks for the permission somewhere).
  async function requireOver(request: FastifyRequest, agencyIds: readonly number[], q: Kysely<Database>): Promise<void> {
    for (const agencyId of new Set(agencyIds)) {
      // An agency that does not exist is the service's 400 (naming it), not a 403.
      if (await findAgencyRow(q, agencyId)) await request.access.require('user.manage', agencyId, q);
    }
  }
  /** The target user, once the signed-in admin may administer its agency. */
  async function target(request: FastifyRequest, id: number, q: Kysely<Database>) {
    const user = await userService(q, ctx.clock).get(id);
    await requireOver(request, [user.agencyId], q);
    return user;
  }

  app.get('/api/users', {
    schema: { tags: USERS, summary: '用户列表（本人有权管理的机关的用户）', response: { 200: Type.Array(UserSchema) } },
  }, async (request) => {
    const visible = new Set(await request.access.agenciesWith('user.manage'));
    return (await read().list()).filter((u) => visible.has(u.agencyId));
  });

  app.post('/api/users', {
    schema: { tags: USERS, summary: '新建用户（初始密码须在首次登录时修改）', body: NewUserBody, response: { 201: UserWithPasswordSchema, ...errorResponses(400, 409) } },
  }, async (request, reply) => {
    const actor = request.access.actor();
    const created = await inTransaction(ctx, async (trx) => {
      await requireOver(request, [request.body.agencyId], trx);
      return userService(trx, ctx.clock).add(request.body, actor);
    });
    return reply.code(201).send(created);
  });

  app.get('/api/users/:id', {
    schema: { tags: USERS, summary: '用户详情', params: UserIdParams, response: { 200: UserSchema, ...errorResponses(404) } },
  }, async (request) => target(request, request.params.id, ctx.db.db));

  app.patch('/api/users/:id', {
    schema: { tags: USERS, summary: '修改用户信息', params: UserIdParams, body: UserChangesBody, response: { 200: UserSchema, ...errorResponses(400, 404) } },
  }, async (request) => {
    const actor = request.access.actor();
    return inTransaction(ctx, async (trx) => {
      await target(request, request.params.id, trx);
      if (request.body.agencyId !== undefined) await requireOver(request, [request.body.agencyId], trx);
      return userService(trx, ctx.clock).update(request.params.id, request.body, actor);
    });
  });

  for (const [path, active, summary] of [['disable', false, '停用用户（其会话立即结束）'], ['enable', true, '启用用户']] as const) {
    app.post(`/api/users/:id/${path}`, {
      schema: { tags: USERS, summary, params: UserIdParams, response: { 200: UserSchema, ...errorResponses(404) } },
    }, async (request) => {
      const actor = request.access.actor();
      return inTransaction(ctx, async (trx) => {
        await target(request, request.params.id, trx);
        return userService(trx, ctx.clock).setActive(request.params.id, active, actor);
      });
    });
  }

  app.post('/api/users/:id/reset-password', {
    schema: { tags: USERS, summary: '重置密码（生成初始密码，须在下次登录时修改；解除锁定）', params: UserIdParams, response: { 200: UserWithPasswordSchema, ...errorResponses(404) } },
  }, async (request) => {
    const actor = request.access.actor();
    return inTransaction(ctx, async (trx) => {
      await target(request, request.params.id, trx);
      return userService(trx, ctx.clock).resetPassword(request.params.id, actor);
    });
  });

  app.post('/api/users/:id/grants', {
    schema: { tags: USERS, summary: '授予角色（三员分立：管理员角色不得兼任其他角色；不得为自己授权）', params: UserIdParams, body: GrantBody, response: { 200: UserSchema, ...errorResponses(400, 404, 409) } },
  }, async (request) => {
    const actor = request.access.actor();
    return inTransaction(ctx, async (trx) => {
      await target(request, request.params.id, trx);
      await requireOver(request, [request.body.agencyId], trx);
      return userService(trx, ctx.clock).grant(request.params.id, request.body, actor);
    });
  });

  app.delete('/api/users/:id/grants/:grantId', {
    schema: { tags: USERS, summary: '撤销角色（保留授权记录）', params: GrantParams, response: { 200: UserSchema, ...errorResponses(404) } },
  }, async (request) => {
    const actor = request.access.actor();
    return inTransaction(ctx, async (trx) => {
      const user = await target(request, request.params.id, trx);
      const grant = user.grants.find((g) => g.id === request.params.grantId);
      if (grant) await requireOver(request, [grant.agencyId], trx);
      return userService(trx, ctx.clock).revoke(request.params.id, request.params.grantId, actor);
    });
  });

  app.get('/api/security-log', {
    schema: { tags: LOG, summary: '安全审计日志（新的在前，只能追加）', querystring: SecurityLogQuery, response: { 200: Type.Array(SecurityEventSchema) } },
  }, async (request) => listSecurityEvents(ctx.db.db, request.query));

  app.get('/api/security-log.xlsx', {
    schema: { tags: LOG, summary: '导出安全审计日志（Excel）', querystring: SecurityLogQuery },
  }, async (request, reply) => {
    const events = await listSecurityEvents(ctx.db.db, { ...request.query, limit: request.query.limit ?? 10_000 });
    const actor = request.access.actor();
    await recordSecurityEvent(ctx.db.db, ctx.clock, { type: 'security-log-exported', success: true, actor, login: request.access.principal!.login, detail: { rows: events.length, filter: request.query }, ip: request.ip });
    const bytes = await securityLogWorkbook(events);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', contentDisposition('attachment', '安全审计日志.xlsx', 'security-log.xlsx'))
      .send(bytes);
  });
};
