/**
 * Runs a test suite against every database Gongkai supports: a fresh SQLite file in a temporary
 * directory always, and a freshly created throwaway PostgreSQL database when a server is
 * reachable (GONGKAI_TEST_PG=postgres://… or the local socket as the current user). Unreachable
 * PostgreSQL is reported as a skipped suite, never silently ignored.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { after, before, describe } from 'node:test';
import pg from 'pg';
import { openPostgres, openSqlite, pgConnectionString, type Db, type DialectName } from '../src/db/database.js';
import { migrate } from '../src/db/migrations.js';

/** What a suite gets: the database of the suite (migrated) and a way to make more empty ones. */
export interface DialectContext {
  readonly dialect: DialectName;
  /** The suite's database, migrated (available inside tests and hooks, not at definition time). */
  readonly db: Db['db'];
  /** Opens another fresh database of the same dialect (migrated unless told otherwise), closed after the suite. */
  fresh(options?: { migrate?: boolean }): Promise<Db>;
}

const PG_ADMIN_URL = process.env.GONGKAI_TEST_PG || 'postgresql:///postgres';

/** Tries PostgreSQL once per test process: null when reachable, else the reason. */
async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: pgConnectionString(PG_ADMIN_URL), connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (e) {
    return (e as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const pgUnavailable = process.env.GONGKAI_TEST_PG === 'off' ? 'GONGKAI_TEST_PG=off' : await probePostgres();
if (pgUnavailable) {
  console.log(`# PostgreSQL 不可用，跳过 PostgreSQL 测试 / PostgreSQL unreachable (${PG_ADMIN_URL}): ${pgUnavailable}`);
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgConnectionString(PG_ADMIN_URL) });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Creates a throwaway PostgreSQL database; `close` also drops it. */
async function freshPostgres(): Promise<Db> {
  const name = `gk_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const opened = await openPostgres(url.toString(), { max: 4 });
  return {
    ...opened,
    async close() {
      await opened.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

/** Creates a SQLite database in a new temporary directory; `close` removes the directory. */
async function freshSqlite(): Promise<Db> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-test-'));
  const opened = openSqlite(join(dir, 'gongkai.sqlite'));
  return {
    ...opened,
    async close() {
      await opened.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Defines `describe("<name> [sqlite]")` and `describe("<name> [postgres]")`; `fn` declares the
 * tests using the context (its `db` is ready inside tests).
 */
export function forEachDialect(name: string, fn: (ctx: DialectContext) => void): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const skip = dialect === 'postgres' && pgUnavailable ? `PostgreSQL unreachable: ${pgUnavailable}` : false;
    describe(`${name} [${dialect}]`, { skip }, () => {
      const opened: Db[] = [];
      let main: Db | null = null;
      const fresh = async (options: { migrate?: boolean } = {}) => {
        const db = dialect === 'sqlite' ? await freshSqlite() : await freshPostgres();
        opened.push(db);
        if (options.migrate !== false) await migrate(db.db);
        return db;
      };
      before(async () => {
        main = await fresh();
      });
      after(async () => {
        for (const db of opened.reverse()) await db.close();
      });
      fn({
        dialect,
        get db() {
          if (!main) throw new Error('the suite database is opened in before(); use ctx.db inside tests');
          return main.db;
        },
        fresh,
      });
    });
  }
}
