/**
 * Bench section for the public portal (issue 10, Deliver 7): requests/s of portal pages served by the production
 * app (buildApp, access control and all) on the demo data (with its scripted year) plus 200 generated demo items, beside a bare Fastify route
 * (`reply.send('ok')`) measured in the same run with the same client. Pages: the published report page, the agency
 * page, the item page and the category list (when the app has those routes: branch portalpages), the report's PDF
 * download; asked as a browser asks (Accept-Encoding: gzip, deflate, br), and the report page once without it. Each
 * with the page cache as configured (the generation read on every request), with a generation kept 500 ms, and without
 * a cache (every request rendered, as before issue 10). Goal: a cached page (compressed, as browsers get it) ≥ 1/3 of
 * the bare route.
 *
 * Load: CONNECTIONS keep-alive connections of Node's http client in this process, each sending its next request
 * when the previous answer is read (no pipelining), for RUN_MS, in ROUNDS alternating rounds; the median round.
 * The client shares the one core with the server, as in every figure here — the ratio is what compares.
 * SQLite in a temporary file; a throwaway PostgreSQL database too when reachable (GONGKAI_TEST_PG, as bench/application-tables.ts).
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import Fastify, { type FastifyInstance } from 'fastify';
import { calendarService } from '../src/calendar/calendar.service.js';
import { operator } from '../src/core/actor.js';
import { systemClock } from '../src/core/clock.js';
import type { Db } from '../src/db/database.js';
import { migrate } from '../src/db/migrations.js';
import { addDemoItems } from '../src/demo/demo-items-generator.js';
import { DEMO_BUREAU, ensureDemoData } from '../src/demo/seed-demo.js';
import { buildApp } from '../src/http/app.js';
import { createPageCache, type PageCacheOptions } from '../src/portal/page-cache.js';
import { createSm4PiiCipher, PII_KEY_BYTES } from '../src/security/pii-cipher.js';
import { databases } from './application-tables.js';
import { median } from './measure.js';

const CONNECTIONS = 16;
/** Demo items published before the run (src/demo/demo-items-generator.ts). */
const ITEMS = 200;
const RUN_MS = 1500;
const ROUNDS = 3;
/** The goal: a cached page's requests/s at least this share of the bare route's. */
export const PORTAL_TARGET = 1 / 3;

/** One measured line: a name, requests/s, and the bytes of one answer. */
export interface PortalFigure {
  name: string;
  rps: number;
  bytes: number;
}

/** Requests/s of GET `path` on `port` over CONNECTIONS keep-alive connections for RUN_MS. */
async function load(port: number, path: string, headers: Record<string, string> = {}): Promise<{ rps: number; bytes: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  let done = 0;
  let failed = 0;
  let bytes = 0;
  const one = () => new Promise<void>((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent, headers }, (res) => {
      let n = 0;
      res.on('data', (chunk: Buffer) => { n += chunk.length; });
      res.on('end', () => {
        if (res.statusCode === 200) done++;
        else failed++;
        bytes = n;
        resolve();
      });
    });
    req.on('error', reject);
  });
  const start = performance.now();
  const end = start + RUN_MS;
  await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
    while (performance.now() < end) await one();
  }));
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  if (failed > 0) throw new Error(`bench: ${failed} requests to ${path} failed`);
  return { rps: done / seconds, bytes };
}

async function listen(app: FastifyInstance): Promise<number> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as { port: number }).port;
}

/** The portal figures on one database (demo data loaded). */
async function figuresOn(db: Db, label: string): Promise<PortalFigure[]> {
  // The demo with its scripted year: the published catalogue (category lists), guide and 92 items.
  await calendarService(db.db, systemClock).seedIfEmpty(operator('bench'));
  await ensureDemoData(db.db, systemClock, { disclosureYear: true });
  const bureau = await db.db.selectFrom('agencies').select('id').where('name', '=', DEMO_BUREAU).executeTakeFirstOrThrow();
  // Published items for the item page and the category list (the generator's demo items, through the chain).
  await db.db.transaction().execute((trx) => addDemoItems(trx, bureau.id, ITEMS));
  const report = await db.db.selectFrom('reports').select('id').where('status', '=', 'published').executeTakeFirstOrThrow();
  const item = await db.db.selectFrom('items').select(['id', 'category_id']).where('state', '=', 'published').orderBy('id').executeTakeFirstOrThrow();
  const PAGES: [string, string][] = [
    ['report page', `/reports/${report.id}`],
    ['agency page', `/agencies/${bureau.id}`],
    ['report PDF', `/reports/${report.id}/download.pdf`],
  ];
  // The item page and the category list, once the portal serves them (branch portalpages).
  const probe = await buildApp({ db, clock: systemClock, pii: createSm4PiiCipher(randomBytes(PII_KEY_BYTES)) });
  if (probe.hasRoute({ method: 'GET', url: '/items/:id' })) PAGES.splice(1, 0, ['item page', `/items/${item.id}`]);
  if (probe.hasRoute({ method: 'GET', url: '/categories/:id' })) PAGES.splice(2, 0, ['category list', `/categories/${item.category_id}`]);
  await probe.close();
  const variants: [string, PageCacheOptions][] = [
    ['cached', {}],
    ['cached, generation kept 500 ms', { generationTtlMs: 500 }],
    // Nothing fits: every request renders, as before the cache (report files still come from the render cache).
    ['not cached', { maxBytes: 0 }],
  ];
  // As a browser asks (every browser sends it): the compressed bytes are what readers get.
  const BROWSER = { 'accept-encoding': 'gzip, deflate, br' };
  const bare = Fastify({ logger: false });
  bare.get('/bare', async (_request, reply) => reply.type('text/plain').send('ok'));
  const barePort = await listen(bare);
  const apps = await Promise.all(variants.map(async ([, options]) => {
    const app = await buildApp({ db, clock: systemClock, pii: createSm4PiiCipher(randomBytes(PII_KEY_BYTES)), pageCache: createPageCache(db.db, options) });
    return listen(app).then((port) => ({ app, port }));
  }));
  try {
    // Warm-up: every path once everywhere (fills the caches, warms the JIT and the connections).
    await load(barePort, '/bare');
    for (const { port } of apps) for (const [, path] of PAGES) await load(port, path, BROWSER);
    const rates = new Map<string, { rps: number[]; bytes: number }>();
    const add = (name: string, r: { rps: number; bytes: number }) => {
      const entry = rates.get(name) ?? { rps: [], bytes: r.bytes };
      entry.rps.push(r.rps);
      rates.set(name, entry);
    };
    for (let round = 0; round < ROUNDS; round++) {
      add(`${label}: bare Fastify route`, await load(barePort, '/bare'));
      for (const [i, [variant]] of variants.entries()) {
        for (const [page, path] of PAGES) {
          // The slow not-cached PDF would take the whole run to answer a few requests: measured once.
          if (variant === 'not cached' && page.includes('PDF') && round > 0) continue;
          add(`${label}: ${page} (${variant})`, await load(apps[i]!.port, path, BROWSER));
        }
      }
      add(`${label}: report page (cached, uncompressed)`, await load(apps[0]!.port, PAGES[0]![1]));
    }
    return [...rates].map(([name, r]) => ({ name, rps: median(r.rps), bytes: r.bytes }));
  } finally {
    await bare.close();
    for (const { app } of apps) await app.close();
  }
}

/** The portal figures: SQLite, and PostgreSQL when reachable (the same throwaway databases as bench/application-tables.ts). */
export async function portalFigures(): Promise<PortalFigure[]> {
  const figures: PortalFigure[] = [];
  for (const { label, db, drop } of await databases()) {
    try {
      await migrate(db.db);
      figures.push(...await figuresOn(db, label));
    } finally {
      await drop();
    }
  }
  return figures;
}

/** Lines for the report: req/s, bytes per answer, share of the bare route, and the previous run's req/s. */
export function portalLines(figures: readonly PortalFigure[], previous: Record<string, number> = {}): string[] {
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - s.length));
  const lines = [`${pad(`portal pages (${CONNECTIONS} connections, node:http)`, 60)}${pad('req/s', 10)}${pad('bytes', 10)}${pad('of bare', 10)}${pad('target', 10)}${pad('status', 8)}previous`];
  for (const f of figures) {
    // Each database's pages against the bare route measured in the same run.
    const bare = figures.find((b) => b.name === `${f.name.split(':')[0]}: bare Fastify route`)?.rps ?? NaN;
    const share = f.rps / bare;
    const cached = f.name.includes('(cached') && !f.name.includes('PDF') && !f.name.includes('uncompressed');
    const p = previous[`portal: ${f.name}`];
    const prev = p === undefined ? '—' : `${p.toFixed(0)} (${f.rps >= p ? '+' : ''}${(((f.rps - p) / p) * 100).toFixed(0)}%)`;
    lines.push(`${pad(f.name, 60)}${pad(f.rps.toFixed(0), 10)}${pad(String(f.bytes), 10)}${pad(`${(share * 100).toFixed(1)} %`, 10)}`
      + `${pad(cached ? `≥ ${(PORTAL_TARGET * 100).toFixed(0)} %` : '', 10)}${pad(cached ? (share >= PORTAL_TARGET ? 'ok' : 'SLOW') : '', 8)}${prev}`);
  }
  return lines;
}

// `tsx bench/portal.ts`: this section alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(portalLines(await portalFigures()).join('\n'));
}
