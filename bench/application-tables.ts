/**
 * Bench section for issue 4: tables 三+四 for one agency-year of 100,000 cases, counted by the database
 * (SQLite in a temporary file; PostgreSQL in a throwaway database when reachable), and recomputing the
 * stored deadlines of 100,000 open cases after a calendar change. Data is bulk-loaded with batched
 * multi-row inserts, every column given.
 */
import { operator } from '../src/core/actor.js';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { recomputeOpenDeadlines } from '../src/applications/application-recompute.js';
import { DEFAULT_APPLICATION_SETTINGS } from '../src/applications/application.service.js';
import type { NewApplicationEventRow, NewApplicationRow, NewRemedyRow } from '../src/applications/application.table.js';
import { calendarService } from '../src/calendar/calendar.service.js';
import { DECISIONS } from '../src/core/applications/outcomes.js';
import { openPostgres, openSqlite, pgConnectionString, type Db } from '../src/db/database.js';
import { migrate } from '../src/db/migrations.js';
import type { Database } from '../src/db/schema.js';
import { applicationTables } from '../src/statistics/statistics.service.js';
import { measure, median, type Figure } from './measure.js';

const CASES = 100_000;
/** Runs of the deadline recomputation (each rolled back). */
const RECOMPUTE_RUNS = 3;
const ROLLBACK = Symbol('rollback');
const YEAR = 2025;
const AT = '2026-01-15T08:00:00.000Z';
const TYPES = ['natural', 'natural', 'natural', 'commercial', 'research', 'welfare', 'legal', 'other'];

/** A small deterministic generator, so every run loads the same data. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const dayOf = (year: number, r: number) => { const d = 1 + Math.floor(r * 364); const m = new Date(Date.UTC(year, 0, d)); return `${year}-${pad2(m.getUTCMonth() + 1)}-${pad2(m.getUTCDate())}`; };

async function insertBatched<T extends keyof Database>(db: Kysely<Database>, table: T, rows: any[], batch: number): Promise<void> {
  for (let i = 0; i < rows.length; i += batch) await db.insertInto(table).values(rows.slice(i, i + batch) as any).execute();
}

export async function newAgency(db: Kysely<Database>, name: string): Promise<number> {
  const row = await db.insertInto('agencies').values({ name, parent_id: null, kind: 'department', created_at: AT, created_by: 'bench', archived: 0 })
    .returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

/** 100,000 cases of one agency for YEAR (5 % carried in from the year before, 10 % still open) and 2 % with a remedy. */
export async function loadYear(db: Kysely<Database>, agencyId: number): Promise<void> {
  const r = rng(42);
  const rows: NewApplicationRow[] = [];
  for (let i = 0; i < CASES; i++) {
    const received = r() < 0.05 ? dayOf(YEAR - 1, 0.9 + r() * 0.1) : dayOf(YEAR, r());
    const open = r() < 0.1;
    const d = DECISIONS[Math.floor(r() * DECISIONS.length)]!;
    const decided = open ? null : received >= `${YEAR}-12-01` ? `${YEAR}-12-31` : dayOf(Number(received.slice(0, 4)), (Number(received.slice(5, 7)) * 30 + 10) / 365);
    const closedState = d.closure === 'reply' ? 'decided' : d.closure;
    rows.push({
      agency_id: agencyId, case_no: `${YEAR}-${String(i + 1).padStart(6, '0')}`, query_code: `B${agencyId}-${i}`, channel: 'online',
      received_on: received, applicant_type: TYPES[Math.floor(r() * TYPES.length)]!, subject: '某项政府信息', form_wanted: '电子邮件',
      state: open ? 'received' : closedState, due_on: open ? `${YEAR + 1}-01-20` : null, decision: open ? null : d.key,
      result_row: open ? null : d.row, decided_on: decided, closed_on: decided, fee_method: null, fee_amount: null,
      received_by: '公开办', office: null, handler: null, created_at: AT, updated_at: AT,
    });
  }
  await insertBatched(db, 'applications', rows, 1000);
  const ids = await db.selectFrom('applications').select('id').where('agency_id', '=', agencyId).orderBy('id').execute();
  const remedies: NewRemedyRow[] = [];
  const results = ['upheld', 'corrected', 'other', 'pending'];
  for (let i = 0; i < ids.length; i += 50) {
    const kind = r() < 0.6 ? 'reconsideration' : 'lawsuit';
    const result = results[Math.floor(r() * 4)]!;
    remedies.push({
      application_id: Number(ids[i]!.id), kind, after_reconsideration: kind === 'lawsuit' && r() < 0.5 ? 1 : 0, filed_on: dayOf(YEAR, r()),
      result, decided_on: result === 'pending' ? null : dayOf(YEAR + (r() < 0.3 ? 1 : 0), r()), created_at: AT,
    });
  }
  await insertBatched(db, 'remedies', remedies, 1000);
}

/** 100,000 open cases (received in the autumn of YEAR) with their 'received' event, stored deadlines stale. */
async function loadOpen(db: Kysely<Database>, agencyId: number): Promise<void> {
  const r = rng(7);
  const rows: NewApplicationRow[] = [];
  for (let i = 0; i < CASES; i++) {
    rows.push({
      agency_id: agencyId, case_no: `O${YEAR}-${String(i + 1).padStart(6, '0')}`, query_code: `O${agencyId}-${i}`, channel: 'online',
      received_on: dayOf(YEAR, 0.7 + r() * 0.3), applicant_type: 'natural', subject: '某项政府信息', form_wanted: '电子邮件',
      state: 'received', due_on: '2000-01-01', decision: null, result_row: null, decided_on: null, closed_on: null,
      fee_method: null, fee_amount: null, received_by: '公开办', office: null, handler: null, created_at: AT, updated_at: AT,
    });
  }
  await insertBatched(db, 'applications', rows, 1000);
  const ids = await db.selectFrom('applications').select(['id', 'received_on']).where('agency_id', '=', agencyId).orderBy('id').execute();
  const events: NewApplicationEventRow[] = ids.map((c) => ({
    application_id: Number(c.id), at: AT, actor: 'bench', type: 'received', on_date: c.received_on,
    data: JSON.stringify({ type: 'received', date: c.received_on, channel: 'online' }), old: null, new: null,
  }));
  await insertBatched(db, 'application_events', events, 1000);
}

const PG_ADMIN_URL = process.env.GONGKAI_TEST_PG || 'postgresql:///postgres';

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgConnectionString(PG_ADMIN_URL), connectionTimeoutMillis: 1500 });
  await client.connect();
  try { await client.query(text); } finally { await client.end(); }
}

/** Opens the bench databases: a temporary SQLite file, and a throwaway PostgreSQL database when reachable. */
export async function databases(): Promise<Array<{ label: string; db: Db; size: () => Promise<string>; drop: () => Promise<void> }>> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
  const file = join(dir, 'bench.sqlite');
  const sqlite = openSqlite(file);
  const list = [{
    label: 'SQLite', db: sqlite,
    size: async () => `${(statSync(file).size / 2 ** 20).toFixed(1)} MiB`,
    drop: async () => { await sqlite.close(); rmSync(dir, { recursive: true, force: true }); },
  }];
  const name = `gk_bench_${randomBytes(6).toString('hex')}`;
  try {
    if (process.env.GONGKAI_TEST_PG === 'off') throw new Error('GONGKAI_TEST_PG=off');
    await admin(`create database ${name}`);
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    const opened = await openPostgres(url.toString(), { max: 4 });
    list.push({
      label: 'PostgreSQL', db: opened,
      size: async () => {
        const { rows } = await (opened.db as any).executeQuery({ sql: 'select pg_database_size(current_database()) as n', parameters: [], query: { kind: 'RawNode' } });
        return `${(Number(rows[0].n) / 2 ** 20).toFixed(1)} MiB`;
      },
      drop: async () => { await opened.close(); await admin(`drop database if exists ${name} with (force)`); },
    });
  } catch (e) {
    console.log(`注意：PostgreSQL 不可用，跳过（${(e as Error).message}）`);
  }
  return list;
}

/** Loads the data into each database and measures; returns the figures (named per database). */
export async function applicationFigures(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const { label, db, size, drop } of await databases()) {
    try {
      await migrate(db.db);
      const started = performance.now();
      const agencyId = await newAgency(db.db, '基准测试局');
      await loadYear(db.db, agencyId);
      const openAgency = await newAgency(db.db, '基准测试局（未结案件）');
      await loadOpen(db.db, openAgency);
      await calendarService(db.db, () => AT).seedIfEmpty(operator('bench'));
      if (db.dialect === 'postgres') await (db.db as any).executeQuery({ sql: 'analyze', parameters: [], query: { kind: 'RawNode' } });
      const tables = await applicationTables(db.db, { agencyId, year: YEAR });
      console.log(`数据（${label}）：${CASES.toLocaleString('en')} 件 ${YEAR} 年度申请（结转 ${tables.cells['三:carried-in:total']}，办结 ${tables.cells['三:r7:total']}，结转下年 ${tables.cells['三:carried-out:total']}，复议诉讼 ${tables.cells['四:all:reconsideration.total']! + tables.cells['四:all:direct.total']! + tables.cells['四:all:after.total']!}）+ ${CASES.toLocaleString('en')} 件未结案件及其事件，载入 ${((performance.now() - started) / 1000).toFixed(1)} s，库 ${await size()}`);
      figures.push(await measure(`tables 三+四, 100k cases (${label})`, () => applicationTables(db.db, { agencyId, year: YEAR }), { runs: 20, warmup: 3, target: 300 }));
      // It writes (every stored deadline is stale, so each case gets an update and an event — the worst
      // case): each run is timed inside its transaction, then rolled back, so every run starts alike.
      const calendar = await calendarService(db.db, () => AT).load();
      let changed = 0;
      const times: number[] = [];
      for (let run = 0; run < RECOMPUTE_RUNS; run++) {
        await db.db.transaction().execute(async (trx) => {
          const start = performance.now();
          changed = (await recomputeOpenDeadlines(trx, () => AT, calendar, DEFAULT_APPLICATION_SETTINGS, operator('bench'), { agencyId: openAgency })).changed;
          times.push(performance.now() - start);
          throw ROLLBACK;
        }).catch((e: unknown) => { if (e !== ROLLBACK) throw e; });
      }
      const figure: Figure = { name: `recompute 100k deadlines (${label})`, medianMs: median(times), runs: RECOMPUTE_RUNS, target: 5000 };
      if (changed !== CASES) console.log(`注意：重新计算只改变了 ${changed} 件（应为 ${CASES}）`);
      figures.push(figure);
    } finally {
      await drop();
    }
  }
  return figures;
}
