/**
 * Row types of the sign-in tables: users, their role grants, server-side sessions and the
 * append-only security audit log. Timestamps are ISO text, booleans 0/1.
 */
import type { Generated, Insertable, Selectable } from 'kysely';

export interface UserTable {
  id: Generated<number>;
  login: string;
  name: string;
  agency_id: number;
  office: string | null;
  /** Phone for notices (the staff member's, not an applicant's). */
  phone: string | null;
  /** 0 or 1: a disabled user cannot sign in; rows are never deleted. */
  active: number;
  /** argon2id PHC string. */
  password_hash: string;
  /** 0 or 1: an initial or reset password must be changed at the next sign-in. */
  must_change_password: number;
  password_changed_at: string;
  failed_attempts: number;
  lockouts: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface RoleGrantTable {
  id: Generated<number>;
  user_id: number;
  role: string;
  agency_id: number;
  /** 0 or 1: the role holds in the agency's subtree too. */
  subtree: number;
  granted_at: string;
  granted_by: string;
  /** Set when revoked (the row stays, as history). */
  revoked_at: string | null;
  revoked_by: string | null;
}

export interface SessionTable {
  /** SHA-256 of the cookie's token (the token itself is never stored). */
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  ended_at: string | null;
  end_reason: string | null;
  csrf_token: string;
  /** The user's active grants when the session began, JSON; a change of grants ends the session. */
  grants: string;
  ip: string | null;
  user_agent: string | null;
}

export interface SecurityEventTable {
  id: Generated<number>;
  at: string;
  type: string;
  /** 0 or 1. */
  success: number;
  /** Who acted (null when nobody is signed in, e.g. a failed sign-in). */
  actor_id: number | null;
  actor_name: string | null;
  /** The login name given or concerned. */
  login: string | null;
  /** The user or thing acted upon, as text (e.g. 'user:3', 'application:17'). */
  target: string | null;
  /** JSON with what else matters (old → new, reason); never a password, token or query code. */
  detail: string | null;
  ip: string | null;
}

export type UserRow = Selectable<UserTable>;
export type NewUserRow = Insertable<UserTable>;
export type RoleGrantRow = Selectable<RoleGrantTable>;
export type SessionRow = Selectable<SessionTable>;
export type SecurityEventRow = Selectable<SecurityEventTable>;
export type NewSecurityEventRow = Insertable<SecurityEventTable>;
