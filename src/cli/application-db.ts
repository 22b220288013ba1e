/**
 * The database handle and the application service as the `gongkai application` commands use them: the
 * same configuration as the server, opened per command and always closed.
 */
import type { Kysely } from 'kysely';
import { calendarService } from '../calendar/calendar.service.js';
import type { CliContext } from './cli-context.js';
import type { Database } from '../db/schema.js';
import { applicationService } from '../applications/application.service.js';

/** Runs `work` on a database handle of the CLI's configuration (prepared by the context first). */
export async function withDatabase<T>(ctx: CliContext, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  await ctx.services(); // migrations, demo data and the calendar seed, as for every command
  const [{ loadConfig }, { openDatabase }] = await Promise.all([import('../config.js'), import('../db/database.js')]);
  const opened = await openDatabase(loadConfig(ctx.env));
  try {
    return await work(opened.db);
  } finally {
    await opened.close();
  }
}

/**
 * The application service on a database handle or transaction, with the working-day calendar loaded from it and
 * the installation's personal-data cipher (the context's, loaded once with the database).
 */
export async function service(db: Kysely<Database>, ctx: CliContext) {
  const { loadConfig } = await import('../config.js');
  const settings = { feeStopsClock: loadConfig(ctx.env).feeStopsClock };
  const { pii } = await ctx.services();
  return applicationService(db, ctx.clock, await calendarService(db, ctx.clock).load(), pii, settings);
}
