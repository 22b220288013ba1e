/**
 * SQL for users and their role grants (the only place that queries `users` and `role_grants`).
 * Takes a Kysely instance or a transaction.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { NewUserRow, RoleGrantRow, UserRow, UserTable } from './auth.table.js';

type Q = Kysely<Database>;

/** A user by login name. */
export function findUserByLogin(db: Q, login: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirst();
}

/** A user by id. */
export function findUserRow(db: Q, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A user by id, locked for update on PostgreSQL (sign-in failures and grants serialise per user). */
export function lockUserRow(db: Q, id: number, postgres: boolean): Promise<UserRow | undefined> {
  const query = db.selectFrom('users').selectAll().where('id', '=', id);
  return (postgres ? query.forUpdate() : query).executeTakeFirst();
}

/** Every user, by login. */
export function listUserRows(db: Q): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('login').execute();
}

/** Inserts a user. */
export function insertUserRow(db: Q, row: NewUserRow): Promise<UserRow> {
  return db.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates some columns of a user. */
export async function updateUserRow(db: Q, id: number, changes: Partial<Omit<UserTable, 'id'>>): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

/** Counts users (a fresh installation has none). */
export async function countUserRows(db: Q): Promise<number> {
  const { n } = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

/** The active (not revoked) grants of some users, by id. */
export function activeGrantRows(db: Q, userIds: readonly number[]): Promise<RoleGrantRow[]> {
  if (userIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('role_grants').selectAll()
    .where('user_id', 'in', [...userIds]).where('revoked_at', 'is', null).orderBy('id').execute();
}

/** One grant by id. */
export function findGrantRow(db: Q, id: number): Promise<RoleGrantRow | undefined> {
  return db.selectFrom('role_grants').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts a grant. */
export function insertGrantRow(db: Q, row: Omit<RoleGrantRow, 'id' | 'revoked_at' | 'revoked_by'>): Promise<RoleGrantRow> {
  return db.insertInto('role_grants').values({ ...row, revoked_at: null, revoked_by: null }).returningAll().executeTakeFirstOrThrow();
}

/** Marks a grant revoked (the row stays as history); returns whether it was active. */
export async function revokeGrantRow(db: Q, id: number, at: string, by: string): Promise<boolean> {
  const result = await db.updateTable('role_grants').set({ revoked_at: at, revoked_by: by })
    .where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
