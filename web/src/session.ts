/**
 * The signed-in person as the server knows them (GET /api/session): who, which permissions, and the
 * CSRF token every write must carry. Screens show only what the person may do: `useCan(permission)`;
 * the server stays the authority (it answers 403), the UI only hides what it would refuse.
 *
 * A small store (no provider needed): api.ts fills it on sign-in, GET /api/session and password
 * change, and reports a 401 here. After a 401 the last session is kept while the sign-in page covers
 * the screens (hidden, with their unsaved state); the route is kept in sessionStorage to return to.
 */
import { useSyncExternalStore } from 'react';
import type { Static } from 'typebox';
import type { SessionSchema } from '../../src/auth/auth.schema.js';
import type { Permission } from '../../src/core/access/permissions.js';
import { holdsIn } from '../../src/core/access/grants.js';

/** GET /api/session (the server's TypeBox schema). */
export type Session = Static<typeof SessionSchema>;
export type { Permission };

/** 'loading' until GET /api/session has answered. */
export type SessionStatus = 'loading' | 'signed-in' | 'signed-out';

export interface SessionState {
  status: SessionStatus;
  /**
   * The signed-in person. After a 401 the last session is kept (status 'signed-out') so the hidden
   * screens keep their state; it is dropped on sign-out.
   */
  session: Session | null;
  /** Why the sign-in page is shown (登录已超时…), if there is a reason to say. */
  notice: string | null;
}

/** The message shown on the sign-in page after an idle or expired session. */
export const SESSION_EXPIRED_MESSAGE = '登录已超时，请重新登录';

const RETURN_KEY = 'gongkai.returnTo';

let state: SessionState = { status: 'loading', session: null, notice: null };
const listeners = new Set<() => void>();

function update(next: SessionState): void {
  state = next;
  for (const l of listeners) l();
}

/** Replaces the known session (after sign-in, GET /api/session, password change; null: signed out, with an optional notice). */
export function setSession(session: Session | null, notice: string | null = null): void {
  update(session ? { status: 'signed-in', session, notice: null } : { status: 'signed-out', session: null, notice });
}

/** Back to "not yet known" (the shell asks the server again); for tests. */
export function forgetSession(): void {
  update({ status: 'loading', session: null, notice: null });
}

/**
 * A request was answered 401 (not signed in, or SESSION_EXPIRED) or 403 PASSWORD_CHANGE_REQUIRED:
 * the sign-in (or change-password) page takes over, remembering where the person was.
 */
export function sessionEnded(code: string, message: string): void {
  if (code === 'PASSWORD_CHANGE_REQUIRED') {
    if (state.session) update({ ...state, session: { ...state.session, mustChangePassword: true } });
    return;
  }
  if (state.status === 'signed-in') rememberRoute(window.location.hash);
  update({
    status: 'signed-out', session: state.session,
    notice: code === 'SESSION_EXPIRED' ? SESSION_EXPIRED_MESSAGE : message,
  });
}

/** The signed-in session, or null. */
export function getSession(): Session | null {
  return state.status === 'signed-in' ? state.session : null;
}

/** The whole state (status, last session, notice). */
export function getSessionState(): SessionState {
  return state;
}

/** The CSRF token writes must send in x-csrf-token, when signed in. */
export function csrfToken(): string | null {
  return getSession()?.csrfToken ?? null;
}

/**
 * Whether a person holds a permission (in some agency; the server checks the agency). Judged on the
 * last session even while the sign-in page covers the screens, so they keep their state; nothing
 * before the initial password is changed.
 */
export function can(permission: Permission, session: Session | null = state.session): boolean {
  return session !== null && !session.mustChangePassword && session.permissions.includes(permission);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The session state, re-rendering when it changes. */
export function useSessionState(): SessionState {
  return useSyncExternalStore(subscribe, () => state);
}

/** The (last known) session, re-rendering when it changes. */
export function useSession(): Session | null {
  return useSessionState().session;
}

/** Whether the signed-in person holds a permission, re-rendering when the session changes. */
export function useCan(permission: Permission): boolean {
  return can(permission, useSession());
}

function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/** Remembers the route to come back to after signing in again. */
export function rememberRoute(hash: string): void {
  try {
    storage()?.setItem(RETURN_KEY, hash);
  } catch {
    // Storage unavailable: the route is simply not kept.
  }
}

/** The remembered route (once): removed as it is read. */
export function takeRememberedRoute(): string | null {
  try {
    const s = storage();
    const hash = s?.getItem(RETURN_KEY) ?? null;
    s?.removeItem(RETURN_KEY);
    return hash;
  } catch {
    return null;
  }
}

/** The ids of an agency and its ancestors, itself first (the chain `holdsIn` decides on). */
function chainOf(agencyId: number, parents: ReadonlyMap<number, number | null>): number[] {
  const chain: number[] = [];
  for (let id: number | null | undefined = agencyId; id !== null && id !== undefined && !chain.includes(id); id = parents.get(id)) chain.push(id);
  return chain;
}

/**
 * The agencies in which the signed-in person holds a permission (a grant in the agency, or in an
 * ancestor with its subtree), by the core's own rule — for choosing where to register, say.
 */
export function agenciesWhere<A extends { id: number; parentId: number | null }>(
  permission: Permission, agencies: readonly A[], session: Session | null = state.session,
): A[] {
  if (!session) return [];
  const parents = new Map(agencies.map((a) => [a.id, a.parentId]));
  return agencies.filter((a) => holdsIn(session.grants, permission, chainOf(a.id, parents)));
}
