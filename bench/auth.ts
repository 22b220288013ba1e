/**
 * Bench section for sign-in (issue 8): what the session check costs, and what a sign-in costs.
 *
 * - Session check: a bench-only app built from the production plugins (access control, sign-in
 *   routes) with ONE handler — the agency API's GET /api/agencies/:id — registered twice: at that path
 *   (signed in: the session cookie is looked up on every request) and at the public path
 *   /agencies/:id (no session check). Same handler, same schema, same database, the same request
 *   headers (the cookie too, as a browser sends it everywhere): the difference is the session check. Measured as requests/s with keep-alive fetch loops (several connections) against
 *   app.listen on 127.0.0.1, and as the median of one request through app.inject. Target: the signed-in
 *   route reaches ≥ 90 % of the public one's requests/s.
 * - Sign-in: argon2id (the production parameters) hash and verify, median of N.
 *
 * Nothing is added to production code for this. SQLite in a temporary file.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AgencySchema } from '../src/agencies/agency.routes.js';
import { agencyService } from '../src/agencies/agency.service.js';
import { hashPassword, verifyPassword } from '../src/auth/password-hash.js';
import { sessionRoutes } from '../src/auth/session.routes.js';
import { userService } from '../src/auth/user.service.js';
import { operator } from '../src/core/actor.js';
import { systemClock } from '../src/core/clock.js';
import { openSqlite, type Db } from '../src/db/database.js';
import { migrate } from '../src/db/migrations.js';
import { DEMO_BUREAU, DEMO_GOVERNMENT, ensureDemoData } from '../src/demo/seed-demo.js';
import { installAccessControl } from '../src/http/access/access-control.js';
import { DEFAULT_SECURITY_SETTINGS } from '../src/http/access/security-settings.js';
import { installErrorHandler } from '../src/http/error-handler.js';
import { installJsonParser } from '../src/http/json-body.js';
import { errorResponses, MAX_ID } from '../src/reports/report.schema.js';
import { createSm4PiiCipher, PII_KEY_BYTES } from '../src/security/pii-cipher.js';
import { measure, median, type Figure } from './measure.js';

const PASSWORD = 'Bench-password-2026';
/** Concurrent keep-alive connections per load run, and how long each run lasts. */
const CONNECTIONS = 8;
const RUN_MS = 1500;
const ROUNDS = 5;
const INJECT_RUNS = 3000;
/** The target: signed-in requests/s at least this share of the public route's. */
export const SESSION_TARGET = 0.9;

/** Requests/s of the two routes and their ratio. */
export interface SessionThroughput {
  signedIn: number;
  publicRoute: number;
  ratio: number;
}

/** The bench-only app: production access control and sign-in, the agency handler twice. */
async function benchApp(db: Db): Promise<FastifyInstance> {
  const app = Fastify({ logger: false }).withTypeProvider<TypeBoxTypeProvider>();
  installJsonParser(app);
  installErrorHandler(app, { htmlPage: () => null });
  await installAccessControl(app, { db: db.db, clock: systemClock, settings: DEFAULT_SECURITY_SETTINGS });
  // Sign-in touches no applicant data; a throwaway key satisfies the context.
  await app.register(sessionRoutes, { db, clock: systemClock, pii: createSm4PiiCipher(randomBytes(PII_KEY_BYTES)) });
  const schema = {
    params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: MAX_ID }) }),
    response: { 200: AgencySchema, ...errorResponses(400, 404) },
  };
  // The same handler as src/agencies/agency.routes.ts, at a signed-in path and at a public one.
  for (const url of ['/api/agencies/:id', '/agencies/:id']) {
    app.get(url, { schema }, async (request) => agencyService(db.db).get(request.params.id));
  }
  await app.ready();
  return app;
}

/** Requests/s of GET `url` over `CONNECTIONS` keep-alive connections for `RUN_MS`. */
async function load(url: string, headers: Record<string, string>): Promise<number> {
  let done = 0;
  let failed = 0;
  const end = performance.now() + RUN_MS;
  const start = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
    while (performance.now() < end) {
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
      if (res.status === 200) done++;
      else failed++;
    }
  }));
  if (failed > 0) throw new Error(`bench: ${failed} requests to ${url} failed`);
  return done / ((performance.now() - start) / 1000);
}

/** The session-check and sign-in figures; prints nothing. */
export async function authFigures(): Promise<{ figures: Figure[]; throughput: SessionThroughput }> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-auth-'));
  const db = openSqlite(join(dir, 'bench.sqlite'));
  try {
    await migrate(db.db);
    await ensureDemoData(db.db, systemClock);
    const agencies = await agencyService(db.db).list();
    const government = agencies.find((a) => a.name === DEMO_GOVERNMENT)!;
    const bureau = agencies.find((a) => a.name === DEMO_BUREAU)!;
    const users = userService(db.db, systemClock);
    const { user } = await users.add({ login: 'loadtest', name: '压测用户', agencyId: government.id, password: PASSWORD, mustChangePassword: false }, operator('bench'));
    await users.grant(user.id, { role: 'supervisor', agencyId: government.id, subtree: true }, operator('bench'));

    const app = await benchApp(db);
    const signedIn = await app.inject({ method: 'POST', url: '/api/session', payload: { login: 'loadtest', password: PASSWORD } });
    if (signedIn.statusCode !== 200) throw new Error(`bench: sign-in failed: ${signedIn.body}`);
    const cookie = `gongkai_session=${signedIn.cookies.find((c) => c.name === 'gongkai_session')!.value}`;
    const apiPath = `/api/agencies/${bureau.id}`;
    const publicPath = `/agencies/${bureau.id}`;
    // Both requests carry the session cookie, as a browser's do: the difference is the session check alone.
    for (const [path, headers] of [[apiPath, { cookie }], [publicPath, { cookie }]] as const) {
      const res = await app.inject({ method: 'GET', url: path, headers });
      if (res.statusCode !== 200) throw new Error(`bench: ${path} answered ${res.statusCode} ${res.body}`);
    }

    // One request through app.inject, the two routes interleaved (so the machine's other work and the
    // JIT's warming touch both alike), after a warm-up of both.
    const api = () => app.inject({ method: 'GET', url: apiPath, headers: { cookie } });
    const pub = () => app.inject({ method: 'GET', url: publicPath, headers: { cookie } });
    for (let i = 0; i < 1000; i++) { await api(); await pub(); }
    const times: [number[], number[]] = [[], []];
    for (let i = 0; i < INJECT_RUNS; i++) {
      for (const [k, run] of [[0, api], [1, pub]] as const) {
        const start = performance.now();
        await run();
        times[k].push(performance.now() - start);
      }
    }
    const figures: Figure[] = [
      { name: 'session: API GET signed in (inject)', medianMs: median(times[0]), runs: INJECT_RUNS },
      { name: 'session: same handler public (inject)', medianMs: median(times[1]), runs: INJECT_RUNS },
    ];

    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const base = `http://127.0.0.1:${port}`;
    await load(`${base}${apiPath}`, { cookie }); // warm-up of both paths and the connections
    await load(`${base}${publicPath}`, { cookie });
    // Alternating rounds; the median of each and of the per-round ratios.
    const rates: [number[], number[]] = [[], []];
    for (let i = 0; i < ROUNDS; i++) {
      rates[0].push(await load(`${base}${apiPath}`, { cookie }));
      rates[1].push(await load(`${base}${publicPath}`, { cookie }));
    }
    await app.close();
    const ratio = median(rates[0].map((r, i) => r / rates[1][i]!));

    const stored = await hashPassword(PASSWORD);
    figures.push(
      await measure('argon2id hash (sign-in setup)', () => hashPassword(PASSWORD), { runs: 20, warmup: 2 }),
      await measure('argon2id verify (one sign-in attempt)', () => verifyPassword(stored, PASSWORD), { runs: 20, warmup: 2, target: 500 }),
    );
    return { figures, throughput: { signedIn: median(rates[0]), publicRoute: median(rates[1]), ratio } };
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Lines for the report: requests/s and the ratio against the target. */
export function throughputLines(t: SessionThroughput, previous?: Partial<SessionThroughput>): string[] {
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - s.length));
  const prev = (key: keyof SessionThroughput, digits: number) => {
    const p = previous?.[key];
    return p === undefined ? '—' : `${p.toFixed(digits)} (${t[key] >= p ? '+' : ''}${(((t[key] - p) / p) * 100).toFixed(0)}%)`;
  };
  return [
    `${pad(`session check (${CONNECTIONS} connections, fetch)`, 40)}${pad('req/s', 12)}${pad('', 6)}${pad('target', 12)}${pad('status', 8)}previous`,
    `${pad('GET /api/agencies/:id signed in', 40)}${pad(t.signedIn.toFixed(0), 12)}${pad('', 6)}${pad('', 12)}${pad('', 8)}${prev('signedIn', 0)}`,
    `${pad('same handler, public route', 40)}${pad(t.publicRoute.toFixed(0), 12)}${pad('', 6)}${pad('', 12)}${pad('', 8)}${prev('publicRoute', 0)}`,
    `${pad('signed in / public', 40)}${pad(`${(t.ratio * 100).toFixed(1)} %`, 12)}${pad('', 6)}${pad(`≥ ${SESSION_TARGET * 100} %`, 12)}${pad(t.ratio >= SESSION_TARGET ? 'ok' : 'SLOW', 8)}${prev('ratio', 3)}`,
  ];
}

// `tsx bench/auth.ts`: this section alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { figures, throughput } = await authFigures();
  for (const f of figures) console.log(`${f.name}: median ${f.medianMs.toFixed(3)} ms (${f.runs} runs)`);
  console.log(throughputLines(throughput).join('\n'));
}
