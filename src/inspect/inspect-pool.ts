/**
 * Attachment inspection off the request thread: a piscina pool of worker threads running
 * inspect-worker.ts, so a 50 MB PDF is parsed without stalling other requests. The HTTP layer calls
 * `inspectInWorker` (same result as inspectAttachment); tests and server shutdown call
 * `closeInspectPool`.
 *
 * Under tsx (`node --import tsx` or the `tsx` CLI) the worker is the .ts file and the workers inherit
 * the process's execArgv, which carries tsx's loader; compiled, it is the .js file next to this one.
 */
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { AttachmentInspection, InspectionLimits } from './inspect-attachment.js';
import type { InspectTask } from './inspect-worker.js';

/** A pool of inspection workers. */
export interface InspectPool {
  /** Inspects one attachment on a worker thread. */
  inspect(bytes: Uint8Array, fileName: string, limits?: Partial<InspectionLimits>): Promise<AttachmentInspection>;
  /** Ends the workers (waits for running tasks); the pool cannot be used afterwards. */
  close(): Promise<void>;
}

/** The worker module beside this file, with this file's own extension (.ts under tsx, .js compiled). */
function workerFile(): string {
  const self = fileURLToPath(import.meta.url);
  return self.replace(/inspect-pool\.(ts|js|mts|mjs)$/, (_, ext: string) => `inspect-worker.${ext}`);
}

/**
 * Starts a pool. Default: up to half the cores (at least one) — parsing is CPU work and the
 * server's own thread needs a core; idle workers end after a minute.
 */
export function createInspectPool(options: { maxThreads?: number; idleTimeoutMs?: number } = {}): InspectPool {
  const maxThreads = options.maxThreads ?? Math.max(1, Math.floor(os.availableParallelism() / 2));
  const pool = new Piscina<InspectTask, AttachmentInspection>({
    filename: workerFile(),
    minThreads: 0,
    maxThreads,
    idleTimeout: options.idleTimeoutMs ?? 60_000,
    execArgv: process.execArgv,
  });
  return {
    inspect: (bytes, fileName, limits) => pool.run(limits ? { bytes, fileName, limits } : { bytes, fileName }),
    close: () => pool.close(),
  };
}

let shared: InspectPool | null = null;

/** Inspects an attachment on the process's shared pool (started on first use). */
export function inspectInWorker(bytes: Uint8Array, fileName: string, limits?: Partial<InspectionLimits>): Promise<AttachmentInspection> {
  shared ??= createInspectPool();
  return shared.inspect(bytes, fileName, limits);
}

/** Closes the shared pool, if started (server shutdown, end of tests). A later call starts a new one. */
export async function closeInspectPool(): Promise<void> {
  const pool = shared;
  shared = null;
  await pool?.close();
}
