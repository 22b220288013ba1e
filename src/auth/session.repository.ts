/**
 * SQL for server-side sessions (the only place that queries `sessions`). A session is found by the
 * hash of its cookie token; ending one sets `ended_at` (rows stay, for the audit trail).
 */
import type { CompiledQuery, Kysely } from 'kysely';
import { isPostgres } from '../db/locks.js';
import type { Database } from '../db/schema.js';
import type { SessionRow } from './auth.table.js';

type Q = Kysely<Database>;

function liveSessionQuery(db: Q, id: string) {
  return db.selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id', 'sessions.user_id', 'sessions.created_at', 'sessions.last_seen_at', 'sessions.csrf_token', 'sessions.grants',
      'users.login', 'users.name', 'users.agency_id', 'users.must_change_password', 'users.active',
    ])
    .where('sessions.id', '=', id).where('sessions.ended_at', 'is', null);
}

type LiveSessionRow = NonNullable<Awaited<ReturnType<ReturnType<typeof liveSessionQuery>['executeTakeFirst']>>>;

/** The lookup compiled once per engine (it runs on every signed-in request; compiling costs as much as running it). */
const compiledLookup = new Map<boolean, CompiledQuery<LiveSessionRow>>();

/** A live (not ended) session with its user's login, name, agency and state — one query per request. */
export async function findLiveSession(db: Q, id: string): Promise<LiveSessionRow | undefined> {
  const postgres = isPostgres(db);
  let compiled = compiledLookup.get(postgres);
  if (!compiled) {
    compiled = liveSessionQuery(db, '').compile();
    if (compiled.parameters.length !== 1) throw new Error('findLiveSession: the lookup should take exactly one parameter');
    compiledLookup.set(postgres, compiled);
  }
  const { rows } = await db.executeQuery<LiveSessionRow>({ ...compiled, parameters: [id] });
  return rows[0];
}

/** Inserts a session. */
export async function insertSessionRow(db: Q, row: Omit<SessionRow, 'ended_at' | 'end_reason'>): Promise<void> {
  await db.insertInto('sessions').values({ ...row, ended_at: null, end_reason: null }).execute();
}

/** Records activity (idle timeout counts from here). */
export async function touchSessionRow(db: Q, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).where('ended_at', 'is', null).execute();
}

/** Ends one session; returns whether it was live. */
export async function endSessionRow(db: Q, id: string, at: string, reason: string): Promise<boolean> {
  const result = await db.updateTable('sessions').set({ ended_at: at, end_reason: reason })
    .where('id', '=', id).where('ended_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Ends every live session of a user (disabled, roles changed, password reset); returns how many. */
export async function endUserSessionRows(db: Q, userId: number, at: string, reason: string, exceptId?: string): Promise<number> {
  let query = db.updateTable('sessions').set({ ended_at: at, end_reason: reason })
    .where('user_id', '=', userId).where('ended_at', 'is', null);
  if (exceptId) query = query.where('id', '<>', exceptId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
