/**
 * Opens the database the configuration names: a SQLite file under the data directory (created on
 * first start) or PostgreSQL when DATABASE_URL is a postgres:// URL. Both speak the same Kysely
 * schema; everything dialect-specific stays in this file and the id helper of migrations.ts.
 */
import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.js';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

/** An open database: the Kysely instance, which dialect it speaks, and how to close it. */
export interface Db {
  db: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
}

const PG_INT8 = 20;
const PG_DATE = 1082;

/**
 * Type parsers for this pool only (not pg's global registry): count(*) and bigint arrive as
 * numbers (our counts stay far below 2^53), and a date column stays YYYY-MM-DD text instead of a
 * JS Date shifted by the server's time zone.
 */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === PG_INT8) return (value: string) => Number(value);
    if (oid === PG_DATE) return (value: string) => value;
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

/**
 * A URL without a host (postgresql:///dbname) means the local socket, as for psql; pg would try
 * TCP localhost instead, so the socket directory is passed explicitly.
 */
export function pgConnectionString(url: string): string {
  const parsed = new URL(url);
  if (parsed.hostname !== '' || parsed.searchParams.has('host')) return url;
  parsed.searchParams.set('host', process.env.PGHOST || '/var/run/postgresql');
  // Such a URL cannot carry a user name either; like psql, connect as the current OS user.
  if (!parsed.searchParams.has('user')) parsed.searchParams.set('user', process.env.PGUSER || userInfo().username);
  return parsed.toString();
}

/** Opens a SQLite file (created with its directory if missing) in WAL mode with foreign keys on. */
export function openSqlite(file: string): Db {
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // A CLI command and the server may share the file; wait for a lock rather than fail at once.
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/** Opens a PostgreSQL pool and verifies the connection (a wrong URL fails here, clearly). */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Db> {
  const pool = new pg.Pool({ connectionString: pgConnectionString(url), types: pgTypes, max: options.max ?? 10 });
  try {
    const client = await pool.connect();
    client.release();
  } catch (e) {
    await pool.end().catch(() => undefined);
    const where = new URL(url);
    where.password = where.password ? '***' : '';
    throw new Error(`无法连接 PostgreSQL 数据库（${where.toString()}）：${(e as Error).message}. Cannot connect to PostgreSQL.`, { cause: e });
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

/** Opens the configured database. Call `migrate(db.db)` next to bring the schema up to date. */
export async function openDatabase(config: Config): Promise<Db> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openSqlite(config.sqliteFile);
}
