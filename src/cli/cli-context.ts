/**
 * What a command gets: its arguments, output streams, and the database opened on first use
 * (same configuration as the server: loadConfig → personal-data key → openDatabase → migrate → encryption of
 * plaintext applicant rows → demo data on an empty database). Commands that need no database (render, check with --previous) never open one, and
 * the database modules are loaded only when needed.
 */
import type { agencyService } from '../agencies/agency.service.js';
import type { HolidayYearEntered } from '../applications/holiday-year.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import { userInfo } from 'node:os';
import { operator, type Actor } from '../core/actor.js';
import { systemClock, type Clock } from '../core/clock.js';
import { DomainError } from '../core/errors.js';
import type { Db } from '../db/database.js';
import type { reportService } from '../reports/report.service.js';
import type { PiiCipher } from '../security/pii-cipher.js';
import type { UserService } from '../auth/user.service.js';
import { CliError } from './cli-errors.js';

/** The database handle the services take: a Kysely instance or a transaction. */
export type DbHandle = Db['db'];

/** The actor recorded in the audit trail for changes made from the command line. */
export const CLI_ACTOR: Actor = operator(`本机操作员（命令行，${safeUserName()}）`);

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return '未知';
  }
}

/** The services a command uses. */
export interface Services {
  agencies: ReturnType<typeof agencyService>;
  reports: ReturnType<typeof reportService>;
  calendar: CalendarService;
  /** The installation's personal-data cipher (the same key as the server's). */
  pii: PiiCipher;
  /** Users and their role grants (the first administrator of an installation is added here). */
  users: UserService;
  /**
   * Enters a year's holidays and recomputes the stored deadlines of open application cases with the
   * calendar as it now is (条例 Art. 33), each changed case getting an event (src/applications/holiday-year.ts).
   */
  enterHolidayYear(year: number, days: unknown, actor: Actor, source?: string): Promise<HolidayYearEntered>;
  /**
   * Empties the public search index and fills it from every registered source (src/search/search-sources.ts);
   * run it in `transaction`. Returns how many documents were indexed.
   */
  rebuildSearchIndex(onProgress: (indexed: number) => void): Promise<number>;
}

/** Per-invocation context passed to every command. */
export interface CliContext {
  env: NodeJS.ProcessEnv;
  cwd: string;
  clock: Clock;
  out(text: string): void;
  err(text: string): void;
  /** Everything on standard input as UTF-8 (a password given with --password-stdin). */
  readStdin(): Promise<string>;
  /** Services bound to the database outside a transaction (reads). Opens the database once. */
  services(): Promise<Services>;
  /** Runs work inside one transaction with the services bound to it. */
  transaction<T>(work: (services: Services) => Promise<T>): Promise<T>;
  /** Closes the database if it was opened. */
  close(): Promise<void>;
}

interface Opened {
  db: Db;
  bind(handle: DbHandle): Services;
}

async function open(env: NodeJS.ProcessEnv, clock: Clock): Promise<Opened> {
  const [
    { loadConfig }, { openDatabase }, { migrate }, { ensureDemoData }, { agencyService }, { reportService }, { calendarService }, { ensureCalendar },
    { loadPiiCipher }, { preparePiiStorage }, { userService },
  ] = await Promise.all([
    import('../config.js'), import('../db/database.js'), import('../db/migrations.js'), import('../demo/seed-demo.js'),
    import('../agencies/agency.service.js'), import('../reports/report.service.js'), import('../calendar/calendar.service.js'),
    import('../calendar/calendar-seed.js'), import('../security/pii-key.js'), import('../applications/applicant-encryption.js'),
    import('../auth/user.service.js'),
  ]);
  const config = loadConfig(env);
  let db: Db;
  try {
    db = await openDatabase(config);
  } catch (e) {
    if (e instanceof DomainError) throw e;
    // Not a bug: a wrong URL, a server that is down, a directory that cannot be written.
    const where = config.databaseUrl ? 'PostgreSQL 数据库' : `SQLite 数据库 ${config.sqliteFile}`;
    throw new CliError(`无法打开 ${where}：${(e as Error).message}`);
  }
  let pii: PiiCipher;
  try {
    // After the database: a data directory that cannot hold it is reported as such first.
    pii = loadPiiCipher(config).cipher;
    await migrate(db.db);
    await preparePiiStorage(db.db, pii);
    await ensureDemoData(db.db, clock);
    await ensureCalendar(db.db, clock);
  } catch (e) {
    await db.close().catch(() => undefined);
    throw e;
  }
  return {
    db,
    bind: (handle) => ({
      agencies: agencyService(handle, clock),
      reports: reportService(handle, clock),
      calendar: calendarService(handle, clock),
      pii,
      users: userService(handle, clock),
      enterHolidayYear: async (year, days, actor, source) => {
        const { enterHolidayYear } = await import('../applications/holiday-year.js');
        return enterHolidayYear(handle, clock, { feeStopsClock: config.feeStopsClock }, year, days, actor, source);
      },
      rebuildSearchIndex: async (onProgress) => {
        const [{ rebuildIndex }, { allPublicDocuments }] = await Promise.all([import('../search/search-index.js'), import('../search/search-sources.js')]);
        return rebuildIndex(handle, allPublicDocuments(handle), clock(), onProgress);
      },
    }),
  };
}

/** Creates the context; the database is opened lazily. */
export function createContext(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): CliContext {
  const clock = systemClock;
  let opened: Promise<Opened> | null = null;
  const database = () => (opened ??= open(env, clock));
  return {
    env,
    cwd,
    clock,
    out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
      return Buffer.concat(chunks).toString('utf8');
    },
    services: async () => {
      const { db, bind } = await database();
      return bind(db.db);
    },
    transaction: async (work) => {
      const { db, bind } = await database();
      return db.db.transaction().execute((trx) => work(bind(trx)));
    },
    close: async () => {
      if (!opened) return;
      const current = await opened.catch(() => null);
      opened = null;
      await current?.db.close();
    },
  };
}
