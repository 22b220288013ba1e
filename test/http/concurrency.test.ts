/**
 * Correct under concurrency, on SQLite and PostgreSQL: requests sent at the same moment over real HTTP
 * (the app listening on a port, concurrent fetch calls; on PostgreSQL a pool of several connections
 * runs the transactions side by side). Case numbers are distinct, a report is published once, calendar
 * entries take turns, stale saves are refused with what changed, ids beyond the column are a 400 or
 * 404, and a connection dropped by the server does not take the process down.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { InterchangeReport } from '../../src/core/interchange/interchange-types.js';
import type { Db } from '../../src/db/database.js';
import { forEachDialect } from '../db-helpers.js';
import { caseTestApp, testApp, type TestApp } from './http-helpers.js';

const PERSON_ID = '11010519491231002X';
const N = 20;

/** The app listening on a free local port, and requests to it over HTTP. */
async function listening(app: FastifyInstance) {
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      if (typeof body === 'string') init.body = body;
      else {
        init.body = JSON.stringify(body);
        (init.headers as Record<string, string>)['content-type'] = 'application/json';
      }
    }
    const res = await fetch(`${address}${path}`, init);
    const text = await res.text();
    let parsed: any = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    return { status: res.status, text, json: parsed };
  };
  return { address, send };
}

/** Runs `n` copies of `request` at once (all started before any is awaited). */
const together = <T>(n: number, request: (i: number) => Promise<T>): Promise<T[]> => Promise.all(Array.from({ length: n }, (_, i) => request(i)));

const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((t, s) => ({ ...t, [s]: (t[s] ?? 0) + 1 }), {});

forEachDialect('concurrency: case numbers', (ctx) => {
  let app: FastifyInstance;
  let db: Db;
  let agencyId: number;
  let send: Awaited<ReturnType<typeof listening>>['send'];

  before(async () => {
    ({ app, db, agencyId } = await caseTestApp(ctx, { now: '2025-11-18T02:00:00.000Z', agencyName: '某区司法局' }));
    ({ send } = await listening(app));
  });
  after(async () => app.close());

  const application = (i: number) => ({
    agencyId, channel: 'in-person', evidence: { handedInOn: '2025-09-26' }, applicantType: '自然人',
    applicant: { name: `申请人${i}`, idNumber: PERSON_ID }, subject: `第${i}项信息`, formWanted: '电子邮件',
  });

  test(`${N} simultaneous applications (POST /api/applications) get ${N} distinct case numbers`, async () => {
    const results = await together(N, (i) => send('POST', '/api/applications', application(i)));
    assert.deepEqual(tally(results.map((r) => r.status)), { 201: N }, results.find((r) => r.status !== 201)?.text);
    const numbers = results.map((r) => r.json.caseNo as string);
    assert.equal(new Set(numbers).size, N);
    assert.deepEqual([...numbers].sort(), Array.from({ length: N }, (_, i) => `2025-${String(i + 1).padStart(4, '0')}`));
  });

  test(`${N} simultaneous online applications (POST /apply) all succeed, numbered on`, async () => {
    const form = (i: number) => new URLSearchParams({
      agencyId: String(agencyId), applicantType: '自然人', name: `网上申请人${i}`, idType: 'resident-id', idNumber: PERSON_ID,
      subject: `网上申请第${i}项`, formWanted: '电子邮件',
    }).toString();
    const results = await together(N, (i) => send('POST', '/apply', form(i), { 'content-type': 'application/x-www-form-urlencoded' }));
    assert.deepEqual(tally(results.map((r) => r.status)), { 201: N }, results.find((r) => r.status !== 201)?.text);
    const rows = await db.db.selectFrom('applications').select('case_no').where('agency_id', '=', agencyId).where('case_no', 'like', '2025-%').execute();
    assert.equal(rows.length, 2 * N);
    assert.equal(new Set(rows.map((r) => r.case_no)).size, 2 * N);
    assert.equal(Math.max(...rows.map((r) => Number(r.case_no.slice(5)))), 2 * N);
  });
});
