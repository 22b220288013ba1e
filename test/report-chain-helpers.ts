/**
 * The annual report's review chain for tests that need an approved report (条例 Art. 50: a report is
 * published only after 初审, 保密审查 and 核审签发): distinct test users — none of whom wrote the report —
 * submit it (refused, as in the API, while a hard rule fails or the date of issue is missing) and pass every step, the secrecy review finding the portal fit. Works on a database or an app's
 * database, on both engines; each call runs in its own transaction like a request would.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.js';
import { operator, type Actor } from '../src/core/actor.js';
import { userService } from '../src/auth/user.service.js';
import { steppingClock } from '../src/core/clock.js';
import { reviewReport } from '../src/reports/report-review.js';
import { reportService } from '../src/reports/report.service.js';
import { createTestUser } from './auth-helpers.js';

/** The 保密审查表 of a report cleared for the portal. */
export const PORTAL_FORM = { channelsFit: { portal: true }, conclusion: '不涉密，同意在政府网站公开' };

const CHAIN = [
  { login: 'chain-submitter', role: 'drafter', name: '测试送审人' },
  { login: 'chain-first', role: 'office-head', name: '测试初审人' },
  { login: 'chain-secrecy', role: 'secrecy-reviewer', name: '测试保密审查员' },
  { login: 'chain-leader', role: 'leader', name: '测试签发领导' },
] as const;

/** The chain's people in the report's agency (created once per database), as actors. */
export async function chainActors(db: Kysely<Database>, agencyId: number): Promise<Record<(typeof CHAIN)[number]['login'], Actor>> {
  const out: Record<string, Actor> = {};
  for (const p of CHAIN) {
    const found = await db.selectFrom('users').select(['id', 'name']).where('login', '=', p.login).executeTakeFirst();
    const id = found ? Number(found.id) : await createTestUser(db, p.login, [p.role], agencyId, { name: p.name });
    if (found) {
      // The same people review reports of other agencies too: grant the role there as well (idempotent enough for tests).
      const held = await db.selectFrom('role_grants').select('id').where('user_id', '=', id).where('agency_id', '=', agencyId).executeTakeFirst();
      if (!held) await userService(db, steppingClock('2024-01-01T00:00:00.000Z')).grant(id, { role: p.role, agencyId, subtree: true }, operator('测试准备'));
    }
    out[p.login] = { id, name: found?.name ?? p.name };
  }
  return out as Record<(typeof CHAIN)[number]['login'], Actor>;
}

/** Submits a report and passes 初审, 保密审查 (portal fit) and 核审签发: afterwards it may be published. */
export async function approveReport(db: Kysely<Database>, reportId: number, now = new Date('2024-03-01T08:00:00.000Z')): Promise<void> {
  const row = await db.selectFrom('reports').select('agency_id').where('id', '=', reportId).executeTakeFirstOrThrow();
  const people = await chainActors(db, row.agency_id);
  const tx = <T>(work: (trx: Kysely<Database>) => Promise<T>) => (db.isTransaction ? work(db) : db.transaction().execute(work));
  await tx((trx) => reportService(trx, () => now.toISOString()).submit(reportId, people['chain-submitter']));
  await tx((trx) => reviewReport(trx, reportId, { step: 'first-review', decision: 'pass' }, people['chain-first'], now));
  await tx((trx) => reviewReport(trx, reportId, { step: 'secrecy-review', decision: 'pass', form: PORTAL_FORM }, people['chain-secrecy'], now));
  await tx((trx) => reviewReport(trx, reportId, { step: 'sign-off', decision: 'pass' }, people['chain-leader'], now));
}
