/**
 * Opens the database the configuration names: a SQLite file under the data directory (created on
 * first start) or PostgreSQL when DATABASE_URL is a postgres:// URL. Both speak the same Kysely
 * schema; everything dialect-specific stays in this file and the id helper of migrations.ts.
 */
import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig,
} from 'kysely';
import pg from 'pg';
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

/**
 * SQLite transactions begin IMMEDIATE: the write lock is taken at BEGIN, not at the first write. A
 * transaction that reads and then writes (a case number, a report's version) can then never fail
 * half-way with SQLITE_BUSY because another process (a CLI command beside the server) wrote in
 * between; it waits for the lock (busy_timeout) before reading anything. Within one process Kysely
 * already runs one transaction at a time on the single connection.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

/** Prepared statements kept per SQLite connection (the app's queries are a few hundred texts at most). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The connection as Kysely's driver sees it, with its prepared statements kept: the driver prepares
 * every query afresh, and preparing (parsing and planning the SQL) costs more than running a simple
 * query — on every request, e.g. the session lookup. A statement still being iterated is not handed
 * out again; SQLite re-prepares a kept statement itself after a schema change.
 */
function withStatementCache(sqlite: BetterSqlite3.Database): SqliteDialectConfig['database'] {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      const kept = statements.get(text);
      if (kept && !kept.busy) return kept;
      const statement = sqlite.prepare(text);
      if (!kept) {
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
        statements.set(text, statement);
      }
      return statement;
    },
  };
}

/** Opens a SQLite file (created with its directory if missing) in WAL mode with foreign keys on. */
export function openSqlite(file: string): Db {
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // A CLI command and the server may share the file; wait for a lock rather than fail at once.
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/** How a dropped connection is reported (default: one line on stderr). */
export type ConnectionErrorLog = (message: string, error: Error) => void;

const defaultConnectionErrorLog: ConnectionErrorLog = (message, error) => {
  console.warn(`${message}：${error.message}`);
};

/**
 * A connection the server drops (an idle connection killed by the server or a proxy, a restart,
 * pg_terminate_backend) emits 'error' on its client — on the pool too while idle. Unhandled, that event
 * would end the process. Here it is logged and nothing else: pg removes the broken client from the pool
 * and the next request gets a new connection. A query running on it fails with its own error (one 500).
 */
function survivesDroppedConnections(pool: pg.Pool, log: ConnectionErrorLog): void {
  const logged = new WeakSet<Error>();
  const report = (error: Error) => {
    if (logged.has(error)) return;
    logged.add(error);
    log('PostgreSQL 连接已断开，将重新连接 / PostgreSQL connection lost, reconnecting', error);
  };
  pool.on('error', report);
  // A client checked out of the pool has no pool listener: give every client its own.
  pool.on('connect', (client) => client.on('error', report));
}

/** Opens a PostgreSQL pool and verifies the connection (a wrong URL fails here, clearly). */
export async function openPostgres(url: string, options: { max?: number; onConnectionError?: ConnectionErrorLog } = {}): Promise<Db> {
  const pool = new pg.Pool({ connectionString: pgConnectionString(url), types: pgTypes, max: options.max ?? 10 });
  survivesDroppedConnections(pool, options.onConnectionError ?? defaultConnectionErrorLog);
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

/** Where the database is, as configured (src/config.ts `Config`): a PostgreSQL URL, else the SQLite file. */
export interface DatabaseLocation {
  databaseUrl: string | null;
  sqliteFile: string;
}

/** Opens the configured database. Call `migrate(db.db)` next to bring the schema up to date. */
export async function openDatabase(config: DatabaseLocation): Promise<Db> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openSqlite(config.sqliteFile);
}
