/**
 * The background reader of saved audits on every database: parallel runners (two instances on one database — on
 * PostgreSQL each with its own connection pool — several loops each) read every file exactly once and mark the
 * batch done once; a stop mid-read drops that read and leaves the files pending; a batch left reading by a stopped
 * server is resumed, its abandoned file read again once the lease has run out; a read is stored whole or not at all.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { sql } from 'kysely';
import { agencyService } from '../../src/agencies/agency.service.js';
import { createAuditRunner } from '../../src/audit/audit-batch-runner.js';
import { auditBatchService, type AuditReader } from '../../src/audit/audit-batch.service.js';
import { operator } from '../../src/core/actor.js';
import { steppingClock } from '../../src/core/clock.js';
import { openPostgres, type Db } from '../../src/db/database.js';
import type { ParseResult } from '../../src/core/parse/parse-types.js';
import { parseReportFile } from '../../src/parse/parse-file.js';
import { forEachDialect } from '../db-helpers.js';
import { SEED_TEXT } from './audit-fixtures.js';

const clock = steppingClock('2024-03-01T08:00:00.000Z');
const actor = operator('测试');
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

let seed: ParseResult;
before(async () => {
  seed = await parseReportFile(readFileSync(SEED_TEXT), 'seed.txt');
});

/** A reader returning the seed's result, counting reads per file name, after `delay` (or a gate). */
function countingReader(delay: () => Promise<void>): { reader: AuditReader; counts: Map<string, number> } {
  const counts = new Map<string, number>();
  return {
    counts,
    reader: async (_bytes, name) => {
      counts.set(name, (counts.get(name) ?? 0) + 1);
      await delay();
      return { ...seed, fileName: name };
    },
  };
}

forEachDialect('saved audits: the background reader', (ctx) => {
  let agencyId: number;
  before(async () => {
    agencyId = (await agencyService(ctx.db, clock).create({ name: '核查测试政府', kind: 'government' }, actor)).id;
  });

  const newBatch = (n: number) => ctx.db.transaction().execute((trx) => auditBatchService(trx, clock).create({
    agencyId, files: Array.from({ length: n }, (_, i) => ({ name: `f${i}.txt`, bytes: Buffer.from(`报告 ${i} ${Math.random()}`) })),
  }, actor));

  test('two instances with several loops each read every file exactly once and finish the batch once', async () => {
    const batch = await newBatch(10);
    const { reader, counts } = countingReader(() => sleep(5 + Math.random() * 20));
    // On PostgreSQL the second instance has a connection pool of its own to the same database, as a second server would.
    let second: Db | null = null;
    if (ctx.dialect === 'postgres') {
      const { name } = await sql<{ name: string }>`select current_database() as name`.execute(ctx.db).then((r) => r.rows[0]!);
      const url = new URL(process.env.GONGKAI_TEST_PG || 'postgresql:///postgres');
      url.pathname = `/${name}`;
      second = await openPostgres(url.toString(), { max: 4 });
    }
    try {
      // The test clock steps a second per reading of it: a long lease, so no live claim looks abandoned.
      const a = createAuditRunner(ctx.db, clock, { reader, concurrency: 3, leaseMs: 3_600_000, pollMs: 20 });
      const b = createAuditRunner(second?.db ?? ctx.db, clock, { reader, concurrency: 3, leaseMs: 3_600_000, pollMs: 20 });
      a.kick(batch.id);
      b.kick(batch.id);
      a.kick(batch.id);
      await Promise.all([a.idle(), b.idle()]);
    } finally {
      await second?.close();
    }
    assert.equal(counts.size, 10);
    assert.ok([...counts.values()].every((n) => n === 1), JSON.stringify([...counts]));
    const reads = await ctx.db.selectFrom('audit_reads').innerJoin('audit_files', 'audit_files.id', 'audit_reads.file_id')
      .select('audit_reads.id').where('audit_files.batch_id', '=', batch.id).execute();
    assert.equal(reads.length, 10);
    const events = await ctx.db.selectFrom('audit_batch_events').select('type').where('batch_id', '=', batch.id).orderBy('id').execute();
    assert.deepEqual(events.map((e) => e.type), ['created', 'done']);
    const page = await auditBatchService(ctx.db, clock).page(batch.id);
    assert.equal(page.batch.state, 'done');
    assert.equal(page.batch.done, 10);
    assert.ok(page.files.every((f) => f.state === 'done' && f.agencyName === '威海市环翠区行政审批服务局'));
  });

  test('a stop mid-read drops that read: the files stay pending, nothing half-stored', async () => {
    const batch = await newBatch(3);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const { reader, counts } = countingReader(() => gate);
    const runner = createAuditRunner(ctx.db, clock, { reader, leaseMs: 3_600_000 });
    runner.kick(batch.id);
    while (counts.size === 0) await sleep(5);
    const reading = await auditBatchService(ctx.db, clock).page(batch.id);
    assert.equal(reading.batch.current, 'f0.txt');
    const stopped = await ctx.db.transaction().execute((trx) => auditBatchService(trx, clock).stop(batch.id, actor));
    assert.equal(stopped.state, 'stopped');
    release();
    await runner.idle();
    const page = await auditBatchService(ctx.db, clock).page(batch.id);
    assert.equal(page.batch.state, 'stopped');
    assert.deepEqual(page.files.map((f) => f.state), ['pending', 'pending', 'pending']);
    assert.equal(counts.size, 1, 'no file claimed after the stop');
    const reads = await ctx.db.selectFrom('audit_reads').innerJoin('audit_files', 'audit_files.id', 'audit_reads.file_id')
      .select('audit_reads.id').where('audit_files.batch_id', '=', batch.id).execute();
    assert.equal(reads.length, 0);
    const findings = await ctx.db.selectFrom('audit_findings').innerJoin('audit_files', 'audit_files.id', 'audit_findings.file_id')
      .select('audit_findings.id').where('audit_files.batch_id', '=', batch.id).execute();
    assert.equal(findings.length, 0);

    // A re-run reads them all.
    await ctx.db.transaction().execute((trx) => auditBatchService(trx, clock).rerun(batch.id, actor));
    const again = createAuditRunner(ctx.db, clock, { reader: countingReader(async () => undefined).reader });
    again.kick(batch.id);
    await again.idle();
    assert.equal((await auditBatchService(ctx.db, clock).page(batch.id)).batch.state, 'done');
  });

  test('a re-run while a file is being read drops that read; every file is then read in the new run', async () => {
    const batch = await newBatch(2);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const { reader, counts } = countingReader(() => gate);
    const runner = createAuditRunner(ctx.db, clock, { reader, leaseMs: 3_600_000, pollMs: 20 });
    runner.kick(batch.id);
    while (counts.size === 0) await sleep(5);
    const rerun = await ctx.db.transaction().execute((trx) => auditBatchService(trx, clock).rerun(batch.id, actor));
    assert.equal(rerun.state, 'reading');
    runner.kick(batch.id);
    release();
    await runner.idle();
    const runs = await ctx.db.selectFrom('audit_reads').innerJoin('audit_files', 'audit_files.id', 'audit_reads.file_id')
      .select(['audit_files.name', 'audit_reads.run']).where('audit_files.batch_id', '=', batch.id).orderBy('audit_files.name').execute();
    assert.deepEqual(runs, [{ name: 'f0.txt', run: 2 }, { name: 'f1.txt', run: 2 }]);
    assert.equal((await auditBatchService(ctx.db, clock).page(batch.id)).batch.state, 'done');
  });

  test('at start, batches left reading resume; a file abandoned mid-read is read again after its lease', async () => {
    const batch = await newBatch(3);
    // An instance claimed the first file long ago and stopped.
    const first = await ctx.db.selectFrom('audit_files').select('id').where('batch_id', '=', batch.id).orderBy('position').executeTakeFirstOrThrow();
    await ctx.db.updateTable('audit_files').set({ state: 'reading', claim: 'dead-instance', claimed_at: '2024-01-01T00:00:00.000Z' }).where('id', '=', first.id).execute();
    const { reader, counts } = countingReader(async () => undefined);
    const runner = createAuditRunner(ctx.db, clock, { reader });
    await runner.resume();
    await runner.idle();
    assert.deepEqual([...counts.keys()].sort(), ['f0.txt', 'f1.txt', 'f2.txt']);
    assert.equal((await auditBatchService(ctx.db, clock).page(batch.id)).batch.state, 'done');
    // The dead instance's late result is refused: its claim is gone.
    const row = await ctx.db.selectFrom('audit_files').select(['claim', 'state']).where('id', '=', first.id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { claim: null, state: 'done' });
  });

  test('a reader that throws fails that file only, with a Chinese reason', async () => {
    const batch = await newBatch(2);
    const runner = createAuditRunner(ctx.db, clock, {
      reader: async (bytes, name) => {
        if (name === 'f0.txt') throw new Error('worker crashed');
        return { ...seed, fileName: name };
      },
    });
    runner.kick(batch.id);
    await runner.idle();
    const page = await auditBatchService(ctx.db, clock).page(batch.id, { sort: 'name' });
    assert.deepEqual(page.files.map((f) => f.state), ['failed', 'done']);
    assert.match(page.files[0]!.error!, /^读取失败/);
    assert.equal(page.batch.counts.unreadable, 1);
  });
});
