/**
 * Sign-in failure handling and session lifetimes (等保 2.0 8.1.4.1 b: limit failed attempts, end idle
 * sessions). Pure arithmetic on ISO timestamps; the settings come from configuration.
 */

/** The installation's sign-in settings. */
export interface SignInSettings {
  /** Failed attempts in a row before the account is locked (5). */
  maxFailures: number;
  /** First lock-out in minutes (5); each further lock-out doubles it, up to `maxLockMinutes`. */
  lockMinutes: number;
  /** The longest lock-out in minutes (60): a locked user always gets in again. */
  maxLockMinutes: number;
  /** Idle timeout in minutes (30). */
  idleMinutes: number;
  /** Absolute session lifetime in minutes (12 h). */
  absoluteMinutes: number;
}

/** Defaults named by the issue: 5 failures, 30 min idle, 12 h absolute. */
export const DEFAULT_SIGN_IN_SETTINGS: SignInSettings = {
  maxFailures: 5, lockMinutes: 5, maxLockMinutes: 60, idleMinutes: 30, absoluteMinutes: 12 * 60,
};

const MINUTE = 60_000;

/** `iso` plus `minutes`, as ISO text. */
export function addMinutes(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * MINUTE).toISOString();
}

/**
 * After a failed attempt: the new failure count and, when it reaches the limit, until when the
 * account is locked (back-off: lockMinutes × 2^(lock-outs so far), capped).
 */
export function afterFailure(
  failures: number, lockouts: number, now: string, settings: SignInSettings,
): { failures: number; lockouts: number; lockedUntil: string | null } {
  const next = failures + 1;
  if (next < settings.maxFailures) return { failures: next, lockouts, lockedUntil: null };
  const minutes = Math.min(settings.lockMinutes * 2 ** lockouts, settings.maxLockMinutes);
  return { failures: 0, lockouts: lockouts + 1, lockedUntil: addMinutes(now, minutes) };
}

/** Whether an account locked until `lockedUntil` is still locked at `now`. */
export function isLocked(lockedUntil: string | null, now: string): boolean {
  return lockedUntil !== null && lockedUntil > now;
}

/** Why a session is no longer valid at `now`, or null while it is. */
export function sessionExpiry(
  session: { createdAt: string; lastSeenAt: string }, now: string, settings: SignInSettings,
): 'idle' | 'absolute' | null {
  // Milliseconds, not ISO text: this runs on every signed-in request.
  const at = Date.parse(now);
  if (Date.parse(session.createdAt) + settings.absoluteMinutes * MINUTE <= at) return 'absolute';
  if (Date.parse(session.lastSeenAt) + settings.idleMinutes * MINUTE <= at) return 'idle';
  return null;
}
