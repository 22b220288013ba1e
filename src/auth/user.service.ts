/**
 * Users and their roles, administered by the security admin (or the local operator of a fresh
 * installation through the CLI). Every change is a security-log record (who, when, old → new); a user
 * is disabled, never deleted; a grant is revoked, never deleted. Disabling a user, resetting a password
 * or changing grants ends the user's sessions at once.
 */
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { agencyNames, findAgencyRow } from '../agencies/agency.repository.js';
import type { Actor } from '../core/actor.js';
import type { RoleGrant } from '../core/access/grants.js';
import { passwordProblems } from '../core/access/password-policy.js';
import { isRole, ROLES, separationConflict, type Role } from '../core/access/roles.js';
import type { Clock } from '../core/clock.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import type { RoleGrantRow, UserRow } from './auth.table.js';
import { hashPassword } from './password-hash.js';
import { recordSecurityEvent } from './security-log.service.js';
import { endUserSessionRows } from './session.repository.js';
import {
  activeGrantRows, countUserRows, findGrantRow, findUserByLogin, findUserRow, insertGrantRow, insertUserRow,
  listUserRows, revokeGrantRow, updateUserRow,
} from './user.repository.js';

/** A role grant as shown. */
export interface Grant extends RoleGrant {
  id: number;
  roleName: string;
  agencyName: string;
  grantedAt: string;
  grantedBy: string;
}

/** A user as shown to the security admin (no password hash). */
export interface User {
  id: number;
  login: string;
  name: string;
  agencyId: number;
  office: string | null;
  phone: string | null;
  active: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  createdAt: string;
  grants: Grant[];
}

/** A new user. Without `password` an initial one is generated and returned once. */
export interface NewUserInput {
  login: string;
  name: string;
  agencyId: number;
  office?: string | null;
  phone?: string | null;
  password?: string;
  /** False only for a scripted installation that sets a final password (default true). */
  mustChangePassword?: boolean;
}

/** Changes to a user's details. */
export interface UserChanges {
  name?: string;
  agencyId?: number;
  office?: string | null;
  phone?: string | null;
}

/** A grant to add. */
export interface GrantInput {
  role: string;
  agencyId: number;
  subtree?: boolean;
}

const LOGIN_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/;

/** A random initial password that meets the policy (shown once to whoever creates the user). */
export function generatePassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!@#%+=?'];
  const all = sets.join('');
  const chars = sets.map((s) => s[randomInt(s.length)]!);
  while (chars.length < 14) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

/** User administration on a database handle (a transaction for writes), acting as `actor`. */
export function userService(db: Kysely<Database>, clock: Clock) {
  async function agencyName(id: number): Promise<string> {
    const row = await findAgencyRow(db, id);
    if (!row) throw new ValidationError(`未找到机关：编号 ${id}`, { field: 'agencyId' });
    return row.name;
  }

  async function toUsers(rows: UserRow[]): Promise<User[]> {
    const grants = await activeGrantRows(db, rows.map((r) => r.id));
    const names = await agencyNames(db, grants.map((g) => g.agency_id));
    return rows.map((r) => ({
      id: r.id, login: r.login, name: r.name, agencyId: r.agency_id, office: r.office, phone: r.phone,
      active: r.active === 1, mustChangePassword: r.must_change_password === 1, lockedUntil: r.locked_until, createdAt: r.created_at,
      grants: grants.filter((g) => g.user_id === r.id).map((g) => toGrant(g, names.get(g.agency_id) ?? '')),
    }));
  }

  function toGrant(g: RoleGrantRow, agency: string): Grant {
    const role = g.role as Role;
    return {
      id: g.id, role, roleName: ROLES[role]?.name ?? g.role, agencyId: g.agency_id, agencyName: agency,
      subtree: g.subtree === 1, grantedAt: g.granted_at, grantedBy: g.granted_by,
    };
  }

  async function get(id: number): Promise<User> {
    const row = Number.isSafeInteger(id) ? await findUserRow(db, id) : undefined;
    if (!row) throw new NotFoundError(`未找到用户：编号 ${id}`);
    return (await toUsers([row]))[0]!;
  }

  function checkName(name: string): string {
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 50) throw new ValidationError('姓名不能为空，且不得超过 50 个字符', { field: 'name' });
    return trimmed;
  }

  async function endSessions(user: { id: number }, reason: string): Promise<void> {
    await endUserSessionRows(db, user.id, clock(), reason);
  }

  return {
    get,

    /** A user by login name (404 naming it when there is none). */
    async byLogin(login: string): Promise<User> {
      const row = await findUserByLogin(db, login.trim());
      if (!row) throw new NotFoundError(`未找到登录名为“${login}”的用户`);
      return (await toUsers([row]))[0]!;
    },

    /** Every user with their active grants. */
    async list(): Promise<User[]> {
      return toUsers(await listUserRows(db));
    },

    /** Whether the installation has any user (a production start without one says how to add the first). */
    async isEmpty(): Promise<boolean> {
      return (await countUserRows(db)) === 0;
    },

    /** Adds a user; returns it and the initial password when one was generated. */
    async add(input: NewUserInput, actor: Actor): Promise<{ user: User; initialPassword?: string }> {
      const login = input.login.trim();
      if (!LOGIN_PATTERN.test(login)) {
        throw new ValidationError('登录名应为 2 至 40 个字母、数字、点、下划线或连字符，并以字母或数字开头', { field: 'login' });
      }
      if (await findUserByLogin(db, login)) throw new ConflictError(`登录名“${login}”已被使用`, 'LOGIN_TAKEN');
      await agencyName(input.agencyId);
      const generated = input.password === undefined ? generatePassword() : undefined;
      const password = input.password ?? generated!;
      const problems = passwordProblems(password, login);
      if (problems.length > 0) throw new ValidationError(problems.join('；'), { field: 'password' });
      const now = clock();
      const row = await insertUserRow(db, {
        login, name: checkName(input.name), agency_id: input.agencyId, office: input.office?.trim() || null, phone: input.phone?.trim() || null,
        active: 1, password_hash: await hashPassword(password), must_change_password: input.mustChangePassword === false ? 0 : 1,
        password_changed_at: now, failed_attempts: 0, lockouts: 0, locked_until: null, created_at: now, updated_at: now,
      });
      await recordSecurityEvent(db, clock, {
        type: 'user-created', success: true, actor, login, target: `user:${row.id}`,
        detail: { name: row.name, agencyId: row.agency_id, office: row.office },
      });
      return { user: await get(row.id), ...(generated ? { initialPassword: generated } : {}) };
    },

    /** Changes a user's details (old → new recorded). */
    async update(id: number, changes: UserChanges, actor: Actor): Promise<User> {
      const before = await get(id);
      const set: Record<string, unknown> = {};
      if (changes.name !== undefined) set.name = checkName(changes.name);
      if (changes.agencyId !== undefined) {
        await agencyName(changes.agencyId);
        set.agency_id = changes.agencyId;
      }
      if (changes.office !== undefined) set.office = changes.office?.trim() || null;
      if (changes.phone !== undefined) set.phone = changes.phone?.trim() || null;
      if (Object.keys(set).length === 0) return before;
      await updateUserRow(db, id, { ...set, updated_at: clock() });
      // A session carries the user's agency and name: a move to another agency (or a new name) ends them.
      if (set.agency_id !== undefined && set.agency_id !== before.agencyId) await endSessions(before, 'agency-changed');
      else if (set.name !== undefined && set.name !== before.name) await endSessions(before, 'name-changed');
      await recordSecurityEvent(db, clock, {
        type: 'user-updated', success: true, actor, login: before.login, target: `user:${id}`,
        detail: { old: { name: before.name, agencyId: before.agencyId, office: before.office, phone: before.phone }, new: changes },
      });
      return get(id);
    },

    /** Disables or re-enables a user; disabling ends the user's sessions at once. */
    async setActive(id: number, active: boolean, actor: Actor): Promise<User> {
      const before = await get(id);
      if (actor.id === id && !active) throw new ForbiddenError('不能停用自己的账户', 'SELF_ADMINISTRATION');
      if (before.active === active) return before;
      await updateUserRow(db, id, { active: active ? 1 : 0, updated_at: clock(), ...(active ? { failed_attempts: 0, locked_until: null } : {}) });
      if (!active) await endSessions(before, 'disabled');
      await recordSecurityEvent(db, clock, { type: active ? 'user-enabled' : 'user-disabled', success: true, actor, login: before.login, target: `user:${id}` });
      return get(id);
    },

    /**
     * Sets a new initial password (generated unless given) that must be changed at the next sign-in,
     * lifts a lock-out and ends the user's sessions. Returns the password when generated.
     */
    async resetPassword(id: number, actor: Actor, password?: string): Promise<{ user: User; initialPassword?: string }> {
      const before = await get(id);
      const generated = password === undefined ? generatePassword() : undefined;
      const next = password ?? generated!;
      const problems = passwordProblems(next, before.login);
      if (problems.length > 0) throw new ValidationError(problems.join('；'), { field: 'password' });
      const now = clock();
      await updateUserRow(db, id, {
        password_hash: await hashPassword(next), must_change_password: 1, password_changed_at: now,
        failed_attempts: 0, lockouts: 0, locked_until: null, updated_at: now,
      });
      await endSessions(before, 'password-reset');
      await recordSecurityEvent(db, clock, { type: 'password-reset', success: true, actor, login: before.login, target: `user:${id}` });
      return { user: await get(id), ...(generated ? { initialPassword: generated } : {}) };
    },

    /**
     * Grants a role in an agency (and its subtree). Nobody changes their own roles, and the three
     * administrator roles stay apart from each other and from business roles (三员分立).
     */
    async grant(id: number, input: GrantInput, actor: Actor): Promise<User> {
      const user = await get(id);
      if (!isRole(input.role)) {
        throw new ValidationError(`未知角色“${input.role}”，应为：${Object.values(ROLES).map((r) => `${r.key}（${r.name}）`).join('、')}`, { field: 'role' });
      }
      if (actor.id === id) throw new ForbiddenError('不能为自己授予或撤销角色（三员分立：授权须由他人进行）', 'SELF_ADMINISTRATION');
      const agency = await agencyName(input.agencyId);
      const conflict = separationConflict(user.grants.map((g) => g.role), input.role);
      if (conflict) throw new ConflictError(conflict, 'SEPARATION_OF_DUTIES');
      const subtree = input.subtree === true;
      if (user.grants.some((g) => g.role === input.role && g.agencyId === input.agencyId && g.subtree === subtree)) return user;
      const grant = await insertGrantRow(db, {
        user_id: id, role: input.role, agency_id: input.agencyId, subtree: subtree ? 1 : 0, granted_at: clock(), granted_by: actor.name,
      });
      await endSessions(user, 'roles-changed');
      await recordSecurityEvent(db, clock, {
        type: 'role-granted', success: true, actor, login: user.login, target: `user:${id}`,
        detail: { grantId: grant.id, role: input.role, roleName: ROLES[input.role].name, agencyId: input.agencyId, agencyName: agency, subtree },
      });
      return get(id);
    },

    /** Revokes one grant (kept as history); ends the user's sessions. */
    async revoke(id: number, grantId: number, actor: Actor): Promise<User> {
      const user = await get(id);
      const grant = Number.isSafeInteger(grantId) ? await findGrantRow(db, grantId) : undefined;
      if (!grant || grant.user_id !== id) throw new NotFoundError(`未找到该用户的角色授权：编号 ${grantId}`);
      if (actor.id === id) throw new ForbiddenError('不能为自己授予或撤销角色（三员分立：授权须由他人进行）', 'SELF_ADMINISTRATION');
      if (!(await revokeGrantRow(db, grantId, clock(), actor.name))) return user;
      await endSessions(user, 'roles-changed');
      await recordSecurityEvent(db, clock, {
        type: 'role-revoked', success: true, actor, login: user.login, target: `user:${id}`,
        detail: { grantId, role: grant.role, roleName: ROLES[grant.role as Role]?.name ?? grant.role, agencyId: grant.agency_id, subtree: grant.subtree === 1 },
      });
      return get(id);
    },
  };
}

/** The user service's type. */
export type UserService = ReturnType<typeof userService>;
