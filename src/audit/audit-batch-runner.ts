/**
 * Reads the pending files of batches in the background, off the request: a loop per batch in this instance claims
 * the next pending file with a conditional update (so two loops, in one instance or in two instances on the same
 * database, never read the same file), reads it through the injected reader, and stores its summary, compact
 * result and findings in ONE transaction — only while the claim still holds (a stop or a re-run in between drops
 * the read). When no file is left the batch is marked done once. At start-up `resume()` picks up batches left
 * 'reading'; a file claimed by an instance that stopped mid-read is read again once its lease runs out (a live
 * reader renews its claim while it reads, and a loop with nothing left to claim waits for the other readers).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../core/clock.js';
import type { Database } from '../db/schema.js';
import { fileErrorResult } from '../parse/parse-file.js';
import {
  claimNextFile, fileBytes, finishBatchIfComplete, finishFile, insertBatchEvent, insertFindings, insertRead, lockBatch,
  readingBatchIds, releaseStaleClaims, renewClaim, someoneReading, type AuditFileRowDb,
} from './audit-batch.repository.js';
import { defaultAuditReader, type AuditReader } from './audit-batch.service.js';
import { auditReadOf } from './audit-findings.js';

/** Options of a runner. */
export interface AuditRunnerOptions {
  /** Reads one file (default: parse in this thread; the server passes the worker pool). */
  reader?: AuditReader;
  /** Files of one batch read at the same time by this instance [1; the server passes the parse pool's threads]. */
  concurrency?: number;
  /**
   * After how long without renewal a claim is taken to be abandoned (its instance stopped) and the file read again;
   * a live reader renews its claim every quarter of this.
   */
  leaseMs?: number;
  /** How often a loop with nothing left to claim looks again while other readers still hold files. */
  pollMs?: number;
  /** Where an unexpected failure of the loop is reported (it never stops the server). */
  onError?: (error: unknown) => void;
}

/** The background reader of one app instance. */
export interface AuditRunner {
  /** Starts reading a batch in this instance unless it already is. */
  kick(batchId: number): void;
  /** Starts every batch left 'reading' (server start). */
  resume(): Promise<void>;
  /** Resolves when every loop of this instance has ended (tests). */
  idle(): Promise<void>;
  /** Takes no new file; resolves when the files being read are stored. */
  close(): Promise<void>;
}

/** The default lease: a restarted instance reads its abandoned files again after this long. */
export const DEFAULT_LEASE_MS = 2 * 60 * 1000;

/** Dropped because the claim no longer holds: nothing of the read is stored. */
class ClaimLost extends Error {}

/** Creates the runner of an instance over the database. */
export function createAuditRunner(db: Kysely<Database>, clock: Clock, options: AuditRunnerOptions = {}): AuditRunner {
  const reader = options.reader ?? defaultAuditReader;
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const pollMs = options.pollMs ?? 1000;
  const leaseStart = () => new Date(Date.parse(clock()) - leaseMs).toISOString();
  const onError = options.onError ?? (() => undefined);
  const loops = new Map<number, Promise<void>>();
  let closed = false;

  /** Reads one claimed file and stores the outcome (or nothing, when the claim was lost meanwhile). */
  async function readOne(batchId: number, file: AuditFileRowDb, claim: string): Promise<void> {
    const started = performance.now();
    const renew = setInterval(() => { renewClaim(db, file.id, claim, clock()).catch(onError); }, Math.max(1000, leaseMs / 4));
    let result;
    try {
      const bytes = await fileBytes(db, file.sha256);
      result = bytes ? await reader(bytes, file.name) : fileErrorResult(file.name, '文件内容不存在');
    } catch (error) {
      // A reader failing (a worker crash, a time-out) fails this file only.
      result = fileErrorResult(file.name, `读取失败：${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    } finally {
      clearInterval(renew);
    }
    const readMs = Math.round(performance.now() - started);
    const read = auditReadOf(result);
    try {
      await db.transaction().execute(async (trx) => {
        const batch = await lockBatch(trx, batchId);
        if (!batch || batch.state !== 'reading') throw new ClaimLost();
        const at = clock();
        const s = read.summary;
        const readId = await insertRead(trx, {
          file_id: file.id, run: batch.run, sha256: file.sha256, state: s.state, error: s.error, agency_name: s.agencyName,
          year: s.year, format: s.format, result: JSON.stringify(read.result), figures: JSON.stringify(read.figures), read_ms: readMs, read_at: at,
        });
        const recorded = await finishFile(trx, file.id, claim, {
          state: s.state, read_id: readId, error: s.error, agency_name: s.agencyName, year: s.year, format: s.format,
          title: s.title, source_url: s.sourceUrl, published_at: s.publishedAt,
          errors: s.errors, warnings: s.warnings, missing: s.missing, recovered: s.recovered, read_ms: readMs,
        });
        if (!recorded) throw new ClaimLost();
        await insertFindings(trx, read.findings.map((f, i) => ({
          read_id: readId, file_id: file.id, position: i + 1, fingerprint: f.fingerprint, severity: f.severity,
          rule_title: f.ruleTitle, message: f.message, expression: f.expression, cells: JSON.stringify(f.cells),
        })));
      });
    } catch (error) {
      if (!(error instanceof ClaimLost)) throw error;
    }
  }

  /**
   * One worker of a batch: claim, read, store, until nothing is pending or the instance closes. While other readers
   * still hold files it looks again now and then: a file whose reader stopped renewing its claim comes back.
   */
  async function work(batchId: number): Promise<void> {
    while (!closed) {
      const claim = randomUUID();
      const file = await claimNextFile(db, batchId, claim, clock());
      if (file) {
        await readOne(batchId, file, claim);
        continue;
      }
      if (!(await someoneReading(db, batchId))) return;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
      await releaseStaleClaims(db, batchId, leaseStart());
    }
  }

  async function loop(batchId: number): Promise<void> {
    await releaseStaleClaims(db, batchId, leaseStart());
    await Promise.all(Array.from({ length: concurrency }, () => work(batchId)));
    if (closed) return;
    await db.transaction().execute(async (trx) => {
      const batch = await lockBatch(trx, batchId);
      if (!batch) return;
      const at = clock();
      if (await finishBatchIfComplete(trx, batchId, at)) {
        await insertBatchEvent(trx, { batch_id: batchId, type: 'done', old_state: 'reading', new_state: 'done', run: batch.run, actor: '系统', actor_id: null, at });
      }
    });
  }

  /** Batches kicked while their loop was ending (a re-run just then): started again after it. */
  const again = new Set<number>();

  function kick(batchId: number): void {
    if (closed) return;
    if (loops.has(batchId)) {
      again.add(batchId);
      return;
    }
    const running = loop(batchId)
      .catch(onError)
      .finally(() => {
        loops.delete(batchId);
        if (again.delete(batchId)) kick(batchId);
      });
    loops.set(batchId, running);
  }

  return {
    kick,
    async resume() {
      for (const id of await readingBatchIds(db)) kick(id);
    },
    async idle() {
      while (loops.size) await Promise.all([...loops.values()]);
    },
    async close() {
      closed = true;
      await Promise.all([...loops.values()]);
    },
  };
}
