/**
 * The signed-in session in the UI: who is signed in (GET /api/session), what they may do (`can`),
 * sign-in, sign-out and the password change. The server stays the authority (it answers 403); the
 * UI only hides what it would refuse.
 *
 * When a request answers 401 the session ends here: the sign-in page is shown, the route is kept in
 * sessionStorage, and the screens stay mounted underneath (hidden), so unsaved edits survive when the
 * same person signs in again.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Permission, SessionInfo } from './api-types.js';
import { api, ApiError, onSessionEnded, setCsrfToken } from './api.js';

const RETURN_KEY = 'gongkai.returnTo';

/** The message shown on the sign-in page after an idle or expired session. */
export const SESSION_EXPIRED_MESSAGE = '登录已超时，请重新登录';

export interface SessionState {
  /** 'loading' until GET /api/session has answered. */
  status: 'loading' | 'signed-in' | 'signed-out';
  /**
   * The signed-in person. After a 401 the last session is kept (status 'signed-out') so the hidden
   * screens keep their state; it is dropped on an explicit sign-out.
   */
  session: SessionInfo | null;
  /** Why the sign-in page is shown (登录已超时…), if there is a reason to say. */
  notice: string | null;
  /** Whether the signed-in person holds a permission (in any agency). */
  can: (permission: Permission) => boolean;
  signIn: (login: string, password: string) => Promise<SessionInfo>;
  signOut: () => Promise<void>;
  changePassword: (currentPassword: string, newPassword: string) => Promise<SessionInfo>;
}

const SessionContext = createContext<SessionState | null>(null);

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

/** Whether a session grants a permission. */
export function sessionCan(session: SessionInfo | null, permission: Permission): boolean {
  return session !== null && !session.mustChangePassword && session.permissions.includes(permission);
}

/** Provides the session to the UI; `initial` skips the first GET (tests). */
export function SessionProvider({ children, initial }: { children: ReactNode; initial?: SessionInfo | null }) {
  const [status, setStatus] = useState<SessionState['status']>(initial === undefined ? 'loading' : initial ? 'signed-in' : 'signed-out');
  const [session, setSession] = useState<SessionInfo | null>(initial ?? null);
  const [notice, setNotice] = useState<string | null>(null);

  const accept = useCallback((s: SessionInfo) => {
    setCsrfToken(s.csrfToken);
    setSession(s);
    setStatus('signed-in');
    setNotice(null);
  }, []);

  useEffect(() => {
    if (initial) setCsrfToken(initial.csrfToken);
  }, [initial]);

  useEffect(() => {
    onSessionEnded((error) => {
      if (error.code === 'PASSWORD_CHANGE_REQUIRED') {
        setSession((s) => (s ? { ...s, mustChangePassword: true } : s));
        return;
      }
      setCsrfToken(null);
      rememberRoute(window.location.hash);
      setStatus('signed-out');
      setNotice(error.code === 'SESSION_EXPIRED' ? SESSION_EXPIRED_MESSAGE : error.code === 'UNAUTHENTICATED' ? '请先登录' : error.message);
    });
    return () => onSessionEnded(null);
  }, []);

  useEffect(() => {
    if (initial !== undefined) return;
    let live = true;
    api.session().then((s) => { if (live) accept(s); }).catch((e: unknown) => {
      if (!live) return;
      setStatus('signed-out');
      // Opening the UI without a session is not worth a notice; an expired one is.
      setNotice(e instanceof ApiError && e.code === 'SESSION_EXPIRED' ? SESSION_EXPIRED_MESSAGE
        : e instanceof ApiError && e.status === 401 ? null : e instanceof Error ? e.message : null);
    });
    return () => { live = false; };
  }, [initial, accept]);

  const signIn = useCallback(async (login: string, password: string) => {
    const s = await api.signIn(login, password);
    accept(s);
    // Back to where the person was; with an initial password to change, after the change.
    if (!s.mustChangePassword) {
      const back = takeRememberedRoute();
      if (back !== null && back !== window.location.hash) window.location.hash = back;
    }
    return s;
  }, [accept]);

  const signOut = useCallback(async () => {
    try {
      await api.signOut();
    } catch {
      // Already ended (expired) or unreachable: the UI signs out all the same.
    }
    setCsrfToken(null);
    takeRememberedRoute();
    setSession(null);
    setStatus('signed-out');
    setNotice('您已退出登录');
    window.location.hash = '#/';
  }, []);

  const changePassword = useCallback(async (currentPassword: string, newPassword: string) => {
    const s = await api.changePassword(currentPassword, newPassword);
    accept(s);
    return s;
  }, [accept]);

  const value = useMemo<SessionState>(() => ({
    status, session, notice, signIn, signOut, changePassword,
    // Judged on the last session even while the sign-in page covers the screens, so they keep their state.
    can: (permission: Permission) => sessionCan(session, permission),
  }), [status, session, notice, signIn, signOut, changePassword]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session state (inside SessionProvider). */
export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/**
 * `can(permission)`: whether the signed-in person may do something, to show menus and buttons only
 * for what the server would allow. Outside a SessionProvider (a screen tested alone) everything is shown.
 */
export function useCan(): (permission: Permission) => boolean {
  const state = useContext(SessionContext);
  return state ? state.can : () => true;
}
