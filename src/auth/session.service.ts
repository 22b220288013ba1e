/**
 * Sign-in, sessions and password changes. Sessions live in the database (every app instance sees
 * them; ending one takes effect at once everywhere); the cookie carries a random token whose SHA-256
 * is the session's key. Failed sign-ins count towards a lock-out with back-off (等保 2.0 8.1.4.1 b).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { actorOfPrincipal, type Principal } from './principal.js';
import type { RoleGrant } from '../core/access/grants.js';
import { passwordProblems } from '../core/access/password-policy.js';
import { isRole } from '../core/access/roles.js';
import { afterFailure, DEFAULT_SIGN_IN_SETTINGS, isLocked, sessionExpiry, type SignInSettings } from '../core/access/sign-in-policy.js';
import type { Clock } from '../core/clock.js';
import { AuthenticationError, ValidationError, type DomainError } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import { hashPassword, verifyNothing, verifyPassword } from './password-hash.js';
import { recordSecurityEvent } from './security-log.service.js';
import { endSessionRow, endUserSessionRows, findLiveSession, insertSessionRow, touchSessionRow } from './session.repository.js';
import { isPostgres } from '../db/locks.js';
import { activeGrantRows, findUserByLogin, findUserRow, lockUserRow, updateUserRow } from './user.repository.js';

/** The one message for every failed sign-in: it never says whether the login or the password was wrong. */
export const SIGN_IN_FAILED = '登录名或密码错误，或账户不可用';
const LOCKED = '登录失败次数过多，账户已暂时锁定，请稍后再试';

/** Where a request came from (recorded with sign-ins). */
export interface RequestMeta {
  ip?: string | null;
  userAgent?: string | null;
}

/** A successful sign-in: the cookie token (shown once) and the principal. */
export interface SignedIn {
  token: string;
  principal: Principal;
}

/** The hash under which a session token is stored. */
export function sessionKey(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Activity is written at most this often (ms): the idle timeout is counted in minutes. */
const TOUCH_EVERY_MS = 60_000;

/** The session use cases on a database handle (a transaction for writes). */
export function sessionService(db: Kysely<Database>, clock: Clock, settings: SignInSettings = DEFAULT_SIGN_IN_SETTINGS) {
  async function grantsOf(userId: number): Promise<RoleGrant[]> {
    return (await activeGrantRows(db, [userId]))
      .filter((g) => isRole(g.role))
      .map((g) => ({ role: g.role as RoleGrant['role'], agencyId: g.agency_id, subtree: g.subtree === 1 }));
  }

  return {
    /**
     * Checks a login and password. Returns the new session, or the error to answer with; the
     * failure (and any lock-out) is recorded either way, so the caller commits before answering.
     */
    async signIn(login: string, password: string, meta: RequestMeta): Promise<SignedIn | { error: DomainError }> {
      const now = clock();
      const user = await findUserByLogin(db, login);
      const fail = async (reason: string, error: DomainError = new AuthenticationError(SIGN_IN_FAILED, 'SIGN_IN_FAILED')) => {
        await recordSecurityEvent(db, clock, { type: 'sign-in-failed', success: false, login: login.slice(0, 100), actor: user ? { id: user.id, name: user.name } : null, detail: { reason }, ip: meta.ip });
        return { error };
      };
      if (!user) {
        await verifyNothing(password);
        return fail('unknown-login');
      }
      if (isLocked(user.locked_until, now)) {
        await verifyNothing(password);
        return fail('locked', new AuthenticationError(LOCKED, 'ACCOUNT_LOCKED'));
      }
      const matches = await verifyPassword(user.password_hash, password);
      // The counters as they are now, the row locked until commit: attempts made in parallel (while
      // this one was hashing) must all count, or guessing in parallel would never lock the account.
      const current = (await lockUserRow(db, user.id, isPostgres(db))) ?? user;
      if (isLocked(current.locked_until, now)) return fail('locked', new AuthenticationError(LOCKED, 'ACCOUNT_LOCKED'));
      if (!matches) {
        const next = afterFailure(current.failed_attempts, current.lockouts, now, settings);
        await updateUserRow(db, user.id, { failed_attempts: next.failures, lockouts: next.lockouts, locked_until: next.lockedUntil ?? current.locked_until });
        const result = await fail('wrong-password');
        if (next.lockedUntil) {
          await recordSecurityEvent(db, clock, { type: 'locked-out', success: true, login: user.login, actor: { id: user.id, name: user.name }, target: `user:${user.id}`, detail: { until: next.lockedUntil, lockouts: next.lockouts }, ip: meta.ip });
        }
        return result;
      }
      if (user.active !== 1) return fail('disabled');
      if (current.failed_attempts !== 0 || current.lockouts !== 0) await updateUserRow(db, user.id, { failed_attempts: 0, lockouts: 0, locked_until: null });
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const grants = await grantsOf(user.id);
      const id = sessionKey(token);
      await insertSessionRow(db, {
        id, user_id: user.id, created_at: now, last_seen_at: now, csrf_token: csrfToken, grants: JSON.stringify(grants),
        ip: meta.ip ?? null, user_agent: meta.userAgent?.slice(0, 300) ?? null,
      });
      const principal: Principal = {
        userId: user.id, login: user.login, name: user.name, agencyId: user.agency_id, grants,
        mustChangePassword: user.must_change_password === 1, sessionId: id, csrfToken,
      };
      await recordSecurityEvent(db, clock, { type: 'sign-in', success: true, actor: actorOfPrincipal(principal), login: user.login, ip: meta.ip });
      return { token, principal };
    },

    /**
     * The principal of a cookie token, or why there is none: 'none' (no such live session) or
     * 'expired' (idle or past its lifetime; the session is ended here).
     */
    async resolve(token: string): Promise<Principal | 'none' | 'expired'> {
      const id = sessionKey(token);
      const row = await findLiveSession(db, id);
      if (!row) return 'none';
      const now = clock();
      const expiry = row.active === 1 ? sessionExpiry({ createdAt: row.created_at, lastSeenAt: row.last_seen_at }, now, settings) : 'disabled';
      if (expiry) {
        if (await endSessionRow(db, id, now, expiry)) {
          await recordSecurityEvent(db, clock, { type: 'session-expired', success: true, actor: { id: row.user_id, name: row.name }, login: row.login, detail: { reason: expiry } });
        }
        return 'expired';
      }
      if (Date.parse(now) - Date.parse(row.last_seen_at) >= TOUCH_EVERY_MS) await touchSessionRow(db, id, now);
      return {
        userId: row.user_id, login: row.login, name: row.name, agencyId: row.agency_id,
        grants: JSON.parse(row.grants) as RoleGrant[], mustChangePassword: row.must_change_password === 1,
        sessionId: id, csrfToken: row.csrf_token,
      };
    },

    /** Ends the principal's session (sign-out). */
    async signOut(principal: Principal, meta: RequestMeta): Promise<void> {
      if (await endSessionRow(db, principal.sessionId, clock(), 'sign-out')) {
        await recordSecurityEvent(db, clock, { type: 'sign-out', success: true, actor: actorOfPrincipal(principal), login: principal.login, ip: meta.ip });
      }
    },

    /**
     * Changes the principal's own password (the current one is required). Other sessions of the
     * user end; this one stays.
     */
    async changePassword(principal: Principal, current: string, next: string, meta: RequestMeta): Promise<void> {
      const user = await findUserRow(db, principal.userId);
      if (!user || !(await verifyPassword(user.password_hash, current))) {
        throw new ValidationError('当前密码不正确', { field: 'currentPassword' });
      }
      const problems = passwordProblems(next, user.login);
      if (problems.length > 0) throw new ValidationError(problems.join('；'), { field: 'newPassword' });
      if (await verifyPassword(user.password_hash, next)) throw new ValidationError('新密码不得与当前密码相同', { field: 'newPassword' });
      const now = clock();
      await updateUserRow(db, user.id, { password_hash: await hashPassword(next), must_change_password: 0, password_changed_at: now, updated_at: now });
      await endUserSessionRows(db, user.id, now, 'password-changed', principal.sessionId);
      await recordSecurityEvent(db, clock, { type: 'password-changed', success: true, actor: actorOfPrincipal(principal), login: user.login, target: `user:${user.id}`, ip: meta.ip });
    },
  };
}

/** The session service's type. */
export type SessionService = ReturnType<typeof sessionService>;
