/**
 * Helpers for the HTTP tests: an app on a fresh database of the suite's dialect, the seed report
 * as interchange JSON, and JSON requests through app.inject.
 */
import { operator } from '../../src/core/actor.js';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { agencyService } from '../../src/agencies/agency.service.js';
import { calendarService } from '../../src/calendar/calendar.service.js';
import { steppingClock, type Clock } from '../../src/core/clock.js';
import type { InterchangeReport } from '../../src/core/interchange/interchange-types.js';
import type { Db } from '../../src/db/database.js';
import { DEMO_BUREAU, DEMO_GOVERNMENT, ensureDemoData } from '../../src/demo/seed-demo.js';
import type { ApplicationSettings } from '../../src/applications/application.service.js';
import { buildApp } from '../../src/http/app.js';
import type { DialectContext } from '../db-helpers.js';
import { signInByDefault, type TestSession } from '../auth-helpers.js';
import type { SecuritySettings } from '../../src/http/access/security-settings.js';
import { testPii } from '../pii-helpers.js';

const SEED_PATH = new URL('../../src/demo/huancui-approval-bureau-2019.json', import.meta.url);

/** The seed report's interchange JSON as bytes (exactly the file). */
export const seedBytes = (): Buffer => readFileSync(SEED_PATH);
/** A fresh copy of the seed report's interchange document, to modify in a test. */
export const seedDocument = (): InterchangeReport => JSON.parse(readFileSync(SEED_PATH, 'utf8')) as InterchangeReport;

/** An app on its own fresh database. */
export interface TestApp {
  app: FastifyInstance;
  db: Db;
  /** Agency ids: the government and the bureau (the seed report's agency). */
  governmentId: number;
  bureauId: number;
  /** The default sessions: `tester` (every business role) and `sysadmin` (system admin). */
  tester: TestSession;
  sysadmin: TestSession;
  close(): Promise<void>;
}

/**
 * Builds the app on a fresh migrated database. `demo: true` loads the demo data (the seed report
 * published); otherwise only the two agencies exist, with no report.
 */
export async function testApp(ctx: DialectContext, options: { demo?: boolean; settings?: ApplicationSettings; security?: SecuritySettings; adminDir?: string; clock?: Clock } = {}): Promise<TestApp> {
  const db = await ctx.fresh();
  const clock = options.clock ?? steppingClock('2024-03-01T08:00:00.000Z');
  if (options.demo) {
    await ensureDemoData(db.db, clock);
  } else {
    const agencies = agencyService(db.db, clock);
    const government = await agencies.create({ name: DEMO_GOVERNMENT, kind: 'government' }, operator('test'));
    await agencies.create({ name: DEMO_BUREAU, kind: 'department', parentId: government.id }, operator('test'));
  }
  const all = await agencyService(db.db).list();
  const app = await buildApp({ db, clock, pii: testPii, settings: options.settings, security: options.security, adminDir: options.adminDir });
  const sessions = await signInByDefault(app, db.db, all.filter((a) => a.parentId === null).map((a) => a.id));
  return {
    app, db, ...sessions,
    governmentId: all.find((a) => a.name === DEMO_GOVERNMENT)!.id,
    bureauId: all.find((a) => a.name === DEMO_BUREAU)!.id,
    close: () => app.close(),
  };
}

/** A request with a JSON body (object → serialized; Buffer/string → sent as is). */
export function sendJson(app: FastifyInstance, method: InjectOptions['method'], url: string, body?: unknown, headers: Record<string, string> = {}) {
  const payload = body === undefined ? undefined : Buffer.isBuffer(body) || typeof body === 'string' ? body : JSON.stringify(body);
  return app.inject({
    method, url,
    headers: { ...(payload !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(payload !== undefined ? { payload } : {}),
  });
}

/** Parsed JSON body of a response. */
export const json = <T = any>(response: { body: string }): T => JSON.parse(response.body) as T;

/** How many reports and versions exist (to prove a rejected request stored nothing). */
export async function storedCounts(db: Db): Promise<{ reports: number; versions: number; events: number }> {
  const count = async (table: 'reports' | 'report_versions' | 'report_events') =>
    Number((await db.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { reports: await count('reports'), versions: await count('report_versions'), events: await count('report_events') };
}

/** An app on a fresh database with one agency and the working-day calendar seeded (the application tests). */
export interface CaseTestApp {
  app: FastifyInstance;
  db: Db;
  agencyId: number;
}

/**
 * Builds the app on a fresh migrated database holding one department `agencyName` and the seeded
 * working-day calendar, its clock stepping from `now`.
 */
export async function caseTestApp(
  ctx: DialectContext, options: { now: string; agencyName: string; settings?: ApplicationSettings },
): Promise<CaseTestApp> {
  const db = await ctx.fresh();
  const clock = steppingClock(options.now);
  const agencyId = (await agencyService(db.db, clock).create({ name: options.agencyName, kind: 'department' }, operator('test'))).id;
  await calendarService(db.db, clock).seedIfEmpty(operator('system'));
  const app = await buildApp({ db, clock, pii: testPii, settings: options.settings });
  await signInByDefault(app, db.db, [agencyId]);
  return { app, db, agencyId };
}
