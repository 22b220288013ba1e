/**
 * What every route plugin gets: the database and the clock, plus the two things the edge does for
 * each request: name the actor and open the transaction.
 */
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { DEFAULT_APPLICATION_SETTINGS, type ApplicationSettings } from '../applications/application.service.js';
import type { Clock } from '../core/clock.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { RenderCache } from './render-cache.js';

/** Dependencies of the HTTP app, injected by the server entry point or a test. */
export interface AppContext {
  db: Db;
  clock: Clock;
  /** Rendered files of report versions (created by buildApp when not given). */
  renderCache?: RenderCache;
  /** Settings of the installation (default DEFAULT_APPLICATION_SETTINGS). */
  settings?: ApplicationSettings;
}

/** The installation's application settings. */
export function settingsOf(ctx: Pick<AppContext, 'settings'>): ApplicationSettings {
  return ctx.settings ?? DEFAULT_APPLICATION_SETTINGS;
}

/** Header naming the person acting. */
export const ACTOR_HEADER = 'x-gongkai-user';

/**
 * The actor recorded in versions and events. There is no authentication yet: the header is
 * trusted as given (percent-encoded UTF-8 allowed, so Chinese names work) and 'anonymous' is used
 * without it. When login arrives, this is the one function that changes.
 */
export function actorOf(request: FastifyRequest): string {
  const raw = request.headers[ACTOR_HEADER];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (!value) return 'anonymous';
  let decoded = value;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    // Not percent-encoded: keep it as sent.
  }
  return decoded.slice(0, 100);
}

/**
 * Runs a unit of work in one transaction: either everything it writes is stored or nothing is
 * (a rejected import leaves no report, version or event behind).
 */
export function inTransaction<T>(ctx: AppContext, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return ctx.db.db.transaction().execute((trx) => work(trx));
}
