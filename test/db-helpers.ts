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
  // Generous: on a loaded machine the module graph loading beside the probe can hold the event loop for seconds.
  const client = new pg.Client({ connectionString: pgConnectionString(PG_ADMIN_URL), connectionTimeoutMillis: 10_000 });
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

/** A client on the admin database; generous timeouts, as a loaded machine (parallel test files) is slow to answer. */
async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgConnectionString(PG_ADMIN_URL), connectionTimeoutMillis: 60_000 });
  // An error on this short-lived client after its query (the server going away) must not end the test process.
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves when `promise` settles or after `ms`, whichever comes first (never rejects). */
async function settleWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), ms); });
  try {
    return await Promise.race([promise.then(() => true, () => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Drops a throwaway database. `with (force)` (PostgreSQL 13+) terminates sessions still connected, but
 * waits only 5 seconds for them to exit: on a loaded machine that can be too short ("is being accessed
 * by other users"), so the drop is tried again for a while. A database that still cannot be dropped is
 * reported and left behind (gk_test_…): a leftover is not a failure of the tests that used it.
 */
async function dropDatabase(name: string): Promise<void> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 8; attempt++) {
    try {
      await adminQuery(`drop database if exists ${name} with (force)`);
      return;
    } catch (e) {
      lastError = e;
      await sleep(500 * (attempt + 1));
    }
  }
  console.log(`# 未能删除测试数据库 ${name} / could not drop test database ${name}: ${(lastError as Error).message}`);
}

/** Creates a throwaway PostgreSQL database; `close` closes its pool (waiting a while for it) and drops it. */
async function freshPostgres(): Promise<Db> {
  const name = `gk_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  // Connections the drop terminates are expected: not worth a line each.
  const opened = await openPostgres(url.toString(), { max: 4, onConnectionError: () => undefined });
  return {
    ...opened,
    async close() {
      // A pool whose client was never released would wait forever; the forced drop ends such sessions.
      await settleWithin(opened.close(), 30_000);
      await dropDatabase(name);
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
      fn({
        dialect,
        get db() {
          if (!main) throw new Error('the suite database is opened in before(); use ctx.db inside tests');
          return main.db;
        },
        fresh,
      });
      // Registered after the suite's own hooks, so it runs after them (apps closed before their databases).
      after(async () => {
        for (const db of opened.reverse()) await db.close();
      });
    });
  }
}

/**
 * A service whose every method call runs in a transaction of its own, as an edge runs it (services take the
 * transaction, they never open one): for tests that call a service directly.
 */
export function eachCallInTransaction<S extends object>(db: Db['db'], make: (trx: Db['db']) => S): S {
  return new Proxy({} as S, {
    get: (_target, name) => (...args: unknown[]) =>
      db.transaction().execute((trx) => (make(trx) as Record<PropertyKey, (...a: unknown[]) => Promise<unknown>>)[name]!(...args)),
  });
}
