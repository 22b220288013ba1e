/**
 * The rendered-page cache of the public portal (issue 10, Deliver 7). A published version never changes, so
 * a page's bytes are a function of what is published: the cache key is the page's own key plus the
 * **publication generation** (src/db/publication-generation.ts), a counter in the database bumped in
 * the same transaction as every publication and withdrawal. Several app instances share one database; each
 * reads the generation (one primary-key lookup, concurrent reads coalesced) and so stops serving a page as
 * soon as the publishing transaction commits — nothing to broadcast, nothing to purge.
 *
 * Each entry holds the bytes, their gzip and brotli forms (made once, chosen by Accept-Encoding, with
 * `Vary: Accept-Encoding`), an ETag (hash of the bytes) and a Last-Modified (the generation's time, or the
 * page's own). A request whose If-None-Match (or, without it, If-Modified-Since) matches gets 304. Memory is
 * bounded: least recently used entries are dropped once the bytes held pass `maxBytes`.
 *
 * Using it from a route — ONE call; `render` runs only on a miss, and may throw NotFoundError (nothing is
 * cached then, the error page is sent as usual):
 *
 * ```ts
 * app.get('/items/:id', { schema: { ...PAGE, params: PageIdParams } }, (request, reply) => {
 *   const page = pageOf(request); // the reader's display mode (cookie) changes the HTML: it goes in the key
 *   return ctx.pageCache!.send(request, reply, `item:${request.params.id}:${displayValue(page.display)}`, async () => {
 *     const found = await lookupPublicItem(db(), request.params.id);
 *     return found.withdrawn
 *       ? { body: withdrawnPage(page, found), status: 410, vary: 'Cookie' }
 *       : { body: itemPage(page, found), vary: 'Cookie' };
 *   });
 * });
 * ```
 *
 * `render` returns the HTML text (200, text/html), or `{ body, status?, type?, headers?, compress?, vary? }`: a 410
 * page of a withdrawn item is cached like any page (validators and 304 only for 200); a DOCX download passes
 * `compress: false` and keeps its content-disposition in `headers`; `vary` names request headers the bytes depend on
 * besides Accept-Encoding (Cookie, for the display mode). The key must name everything the page depends on
 * besides what is published — validated path parameters, the page number, filters, the display mode — built from
 * validated values (never the raw URL: random query strings would only push useful pages out).
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { publicationGenerationReader, type Generation } from '../db/publication-generation.js';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Below this size compressing saves too little to be worth a header. */
const MIN_COMPRESS_BYTES = 512;

/** What a render returns when it is not plain HTML. */
export interface RenderedBody {
  body: string | Buffer;
  /** Content type (default text/html; charset=utf-8). */
  type?: string;
  /** Extra headers stored with the entry (content-disposition…). */
  headers?: Readonly<Record<string, string>>;
  /** Keep gzip/brotli forms (default true; false for already compressed files: DOCX, PDF, images). */
  compress?: boolean;
  /** Last-Modified of this page (ISO); default the generation's time. */
  lastModified?: string;
  /** HTTP status (default 200); validators and 304 apply to 200 only. */
  status?: number;
  /** Request headers the bytes depend on besides Accept-Encoding (e.g. 'Cookie'). */
  vary?: string;
}

/** One cached response. */
interface Entry {
  status: number;
  vary: string | null;
  identity: Buffer;
  gzip: Buffer | null;
  br: Buffer | null;
  type: string;
  headers: Readonly<Record<string, string>>;
  etag: string;
  /** HTTP date, whole seconds. */
  lastModified: string;
  lastModifiedMs: number;
  bytes: number;
}

/** Options of the cache. */
export interface PageCacheOptions {
  /** Bytes held at most (bodies and their compressed forms); default 64 MiB. */
  maxBytes?: number;
  /**
   * How long an instance may reuse the generation it read, in ms (default 0: read it on every request;
   * a publication is then seen by every instance at once). A few hundred ms saves the read under heavy load
   * at the price of pages that old after a publication elsewhere.
   */
  generationTtlMs?: number;
}

/** Counters for tests and the bench. */
export interface PageCacheStats {
  hits: number;
  misses: number;
  notModified: number;
  entries: number;
  bytes: number;
}

/** The cache: `send` answers a request from it (rendering on a miss). */
export interface PageCache {
  send(request: FastifyRequest, reply: FastifyReply, key: string, render: () => Promise<string | RenderedBody>): Promise<FastifyReply>;
  stats(): PageCacheStats;
}

/** The encoding to send for an Accept-Encoding header: br, then gzip, else identity (q=0 refuses one). */
export function chooseEncoding(header: string | undefined): 'br' | 'gzip' | null {
  if (!header) return null;
  const accepted = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name!.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null;
}

/** Whether an If-None-Match header matches an ETag (weak comparison, RFC 9110 §13.1.2). */
export function etagMatches(header: string, etag: string): boolean {
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}

/** Creates a page cache reading the generation from `db`. */
export function createPageCache(db: Kysely<Database>, options: PageCacheOptions = {}): PageCache {
  const maxBytes = options.maxBytes ?? 64 * 2 ** 20;
  const ttl = options.generationTtlMs ?? 0;
  const entries = new Map<string, Entry>();
  const pending = new Map<string, Promise<Entry>>();
  const counters = { hits: 0, misses: 0, notModified: 0 };
  const readGeneration = publicationGenerationReader(db);
  let held = 0;
  let reading: Promise<Generation> | null = null;
  let lastRead: { at: number; value: Generation } | null = null;

  /** The generation: concurrent requests share one read; with a TTL a recent read is reused. */
  function generation(): Promise<Generation> {
    if (ttl > 0 && lastRead && Date.now() - lastRead.at < ttl) return Promise.resolve(lastRead.value);
    if (reading) return reading;
    reading = readGeneration().then((value) => {
      lastRead = { at: Date.now(), value };
      return value;
    }).finally(() => { reading = null; });
    return reading;
  }

  function remember(key: string, entry: Entry): void {
    // An entry larger than a quarter of the cache would only push everything else out.
    if (entry.bytes > maxBytes / 4) return;
    entries.set(key, entry);
    held += entry.bytes;
    for (const [oldKey, old] of entries) {
      if (held <= maxBytes) break;
      entries.delete(oldKey);
      held -= old.bytes;
    }
  }

  async function make(render: () => Promise<string | RenderedBody>, gen: Generation): Promise<Entry> {
    const made = await render();
    const spec: RenderedBody = typeof made === 'string' ? { body: made } : made;
    const identity = typeof spec.body === 'string' ? Buffer.from(spec.body) : spec.body;
    const compress = spec.compress !== false && identity.length >= MIN_COMPRESS_BYTES;
    const [gz, br] = compress
      ? await Promise.all([
        gzipAsync(identity),
        brotliAsync(identity, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
      ])
      : [null, null];
    const modified = new Date(spec.lastModified ?? gen.updatedAt ?? Date.now());
    const lastModifiedMs = Math.floor(modified.getTime() / 1000) * 1000;
    return {
      status: spec.status ?? 200, vary: spec.vary ?? null,
      identity, gzip: gz, br, type: spec.type ?? 'text/html; charset=utf-8', headers: spec.headers ?? {},
      etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`,
      lastModified: new Date(lastModifiedMs).toUTCString(), lastModifiedMs,
      bytes: identity.length + (gz?.length ?? 0) + (br?.length ?? 0) + 256,
    };
  }

  function notModified(request: FastifyRequest, entry: Entry): boolean {
    const inm = request.headers['if-none-match'];
    if (inm !== undefined) return etagMatches(inm, entry.etag);
    const ims = request.headers['if-modified-since'];
    if (ims === undefined) return false;
    const since = Date.parse(ims);
    return Number.isFinite(since) && entry.lastModifiedMs <= since;
  }

  return {
    async send(request, reply, key, render) {
      const gen = await generation();
      const full = `${gen.generation}|${key}`;
      let entry = entries.get(full);
      if (entry) {
        counters.hits++;
        // Most recently used goes to the end of the Map's order.
        entries.delete(full);
        entries.set(full, entry);
      } else {
        counters.misses++;
        let making = pending.get(full);
        if (!making) {
          making = make(render, gen).finally(() => pending.delete(full));
          pending.set(full, making);
          making.then((made) => remember(full, made), () => {});
        }
        entry = await making;
      }
      const compressible = entry.gzip !== null;
      const vary = [compressible ? 'Accept-Encoding' : null, entry.vary].filter(Boolean).join(', ');
      if (vary) reply.header('vary', vary);
      if (entry.status === 200) {
        reply.header('etag', entry.etag).header('last-modified', entry.lastModified).header('cache-control', 'public, no-cache');
        if (notModified(request, entry)) {
          counters.notModified++;
          return reply.code(304).send();
        }
      } else {
        reply.code(entry.status).header('cache-control', 'no-cache');
      }
      for (const [name, value] of Object.entries(entry.headers)) reply.header(name, value);
      reply.header('content-type', entry.type);
      const encoding = compressible ? chooseEncoding(request.headers['accept-encoding']) : null;
      if (encoding === 'br') return reply.header('content-encoding', 'br').send(entry.br);
      if (encoding === 'gzip') return reply.header('content-encoding', 'gzip').send(entry.gzip);
      return reply.send(entry.identity);
    },
    stats: () => ({ ...counters, entries: entries.size, bytes: held }),
  };
}
