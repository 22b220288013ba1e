/**
 * The demo installation's people: one user per role in the demo bureau (the supervisor over the
 * district government's subtree), each with an initial password that must be changed at first
 * sign-in. DEMO ONLY: the README lists these passwords; a production installation creates its first
 * administrator with `gongkai user add`.
 */
import type { Kysely } from 'kysely';
import { userService } from '../auth/user.service.js';
import type { Actor } from '../core/actor.js';
import type { Role } from '../core/access/roles.js';
import type { Clock } from '../core/clock.js';
import type { Database } from '../db/schema.js';

/** A demo user: login, name, office, role, and where the role holds. */
export interface DemoUser {
  login: string;
  name: string;
  office: string;
  role: Role;
  /** 'bureau' or 'government' (with its subtree). */
  scope: 'bureau' | 'government';
  password: string;
}

/** The demo users with their initial passwords (also in the README). */
export const DEMO_USERS: readonly DemoUser[] = [
  { login: 'jingban', name: '李经办', office: '政务公开科', role: 'drafter', scope: 'bureau', password: 'Demo#2026-01' },
  { login: 'kezhang', name: '王科长', office: '政务公开科', role: 'office-head', scope: 'bureau', password: 'Demo#2026-02' },
  { login: 'baomi', name: '赵保密', office: '办公室', role: 'secrecy-reviewer', scope: 'bureau', password: 'Demo#2026-03' },
  { login: 'lingdao', name: '孙局长', office: '局领导', role: 'leader', scope: 'bureau', password: 'Demo#2026-04' },
  { login: 'gongkai', name: '周专员', office: '政务公开科', role: 'publisher', scope: 'bureau', password: 'Demo#2026-05' },
  { login: 'chengban', name: '吴承办', office: '政务公开科', role: 'case-handler', scope: 'bureau', password: 'Demo#2026-06' },
  { login: 'jiandu', name: '郑督查', office: '区政务公开办', role: 'supervisor', scope: 'government', password: 'Demo#2026-07' },
  { login: 'xitong', name: '冯系统', office: '信息中心', role: 'system-admin', scope: 'government', password: 'Demo#2026-08' },
  { login: 'anquan', name: '陈安全', office: '信息中心', role: 'security-admin', scope: 'government', password: 'Demo#2026-09' },
  { login: 'shenji', name: '褚审计', office: '信息中心', role: 'audit-admin', scope: 'government', password: 'Demo#2026-10' },
];

/** Adds the demo users (inside the demo loader's transaction). */
export async function addDemoUsers(db: Kysely<Database>, clock: Clock, ids: { government: number; bureau: number }, actor: Actor): Promise<void> {
  const users = userService(db, clock);
  for (const u of DEMO_USERS) {
    const agencyId = u.scope === 'bureau' ? ids.bureau : ids.government;
    const { user } = await users.add({ login: u.login, name: u.name, agencyId, office: u.office, password: u.password }, actor);
    await users.grant(user.id, { role: u.role, agencyId, subtree: u.scope === 'government' }, actor);
  }
}
