/**
 * What every route plugin gets: the database, the clock and the personal-data cipher, plus the two things the edge does for
 * each request: name the actor and open the transaction.
 */
import type { FastifyRequest } from 'fastify';
import { DISPLAY_COOKIE, displayOf, type PageContext } from '../portal/portal-layout.js';
import type { Kysely } from 'kysely';
import { DEFAULT_APPLICATION_SETTINGS, type ApplicationSettings } from '../applications/application.service.js';
import type { Actor } from '../core/actor.js';
import type { Clock } from '../core/clock.js';
import { DEFAULT_SECURITY_SETTINGS, type SecuritySettings } from './access/security-settings.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { DEFAULT_SITE_SETTINGS, type SiteSettings } from '../portal/site-settings.js';
import type { PiiCipher } from '../security/pii-cipher.js';
import type { PageCache } from '../portal/page-cache.js';
import type { RenderCache } from './render-cache.js';

/** Dependencies of the HTTP app, injected by the server entry point or a test. */
export interface AppContext {
  db: Db;
  clock: Clock;
  /**
   * Encrypts and decrypts applicants' personal data at rest (src/security/pii-cipher.ts): the installation's key
   * (loadPiiCipher) in the server, a fixed test key in tests.
   */
  pii: PiiCipher;
  /** Rendered files of report versions (created by buildApp when not given). */
  renderCache?: RenderCache;
  /** Rendered portal pages keyed by the publication generation (src/portal/page-cache.ts; created by buildApp when not given). */
  pageCache?: PageCache;
  /** Settings of the installation (default DEFAULT_APPLICATION_SETTINGS). */
  settings?: ApplicationSettings;
  /** Web-security settings: host allow-list, sign-in policy, rate limits (default DEFAULT_SECURITY_SETTINGS). */
  security?: SecuritySettings;
  /** The public site's identity and footer (default DEFAULT_SITE_SETTINGS, demo values). */
  site?: SiteSettings;
}

/** The installation's application settings. */
export function settingsOf(ctx: Pick<AppContext, 'settings'>): ApplicationSettings {
  return ctx.settings ?? DEFAULT_APPLICATION_SETTINGS;
}

/** The public site's settings (demo defaults when not given). */
export function siteOf(ctx: Pick<AppContext, 'site'>): SiteSettings {
  return ctx.site ?? DEFAULT_SITE_SETTINGS;
}

/** What a portal page needs of a request: the site, the reader's display mode (cookie) and the path. */
export function pageOf(ctx: Pick<AppContext, 'site'>, request: FastifyRequest): PageContext {
  return { site: siteOf(ctx), display: displayOf(request.cookies?.[DISPLAY_COOKIE]), path: request.url };
}

/** The installation's web-security settings (defaults when not given). */
export function securityOf(ctx: Pick<AppContext, 'security'>): SecuritySettings {
  return ctx.security ?? DEFAULT_SECURITY_SETTINGS;
}

/**
 * The actor recorded in versions and events: always the signed-in person (id and name), never a
 * header or a free-text field. Throws 401 when nobody is signed in.
 */
export function actorOf(request: FastifyRequest): Actor {
  return request.access.actor();
}

/**
 * Runs a unit of work in one transaction: either everything it writes is stored or nothing is
 * (a rejected import leaves no report, version or event behind).
 */
export function inTransaction<T>(ctx: AppContext, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return ctx.db.db.transaction().execute((trx) => work(trx));
}
