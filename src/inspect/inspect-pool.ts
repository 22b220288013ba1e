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
import { attachmentPlace } from './finding.js';
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
 * The workers' execArgv: tsx's loader travels in execArgv under `node --import tsx` or the tsx CLI; when tsx was
 * registered through its API instead (bin/gongkai.js), it is added, or a .ts worker cannot load. A debugger port
 * must not be opened again by every worker.
 */
function workerExecArgv(): string[] {
  // Only tsx's loader: the parent's own flags are not all allowed in a worker (Node 24's test runner passes many,
  // and Worker refuses them with ERR_WORKER_INVALID_EXEC_ARGV).
  return workerFile().endsWith('.ts') ? ['--import', import.meta.resolve('tsx')] : [];
}

/** Pool settings (defaults in brackets). */
export interface InspectPoolOptions {
  /** Worker threads [half the cores, at least one]. */
  maxThreads?: number;
  /** An idle worker ends after [60 s]. */
  idleTimeoutMs?: number;
  /** One inspection may take at most [60 s]; then its worker is ended and the file refused. */
  timeoutMs?: number;
  /** Heap of one worker [1024 MB]; a file that needs more is refused. */
  maxHeapMb?: number;
}

/**
 * Starts a pool. Default: up to half the cores (at least one) — parsing is CPU work and the
 * server's own thread needs a core; idle workers end after a minute.
 */
export function createInspectPool(options: InspectPoolOptions = {}): InspectPool {
  const maxThreads = options.maxThreads ?? Math.max(1, Math.floor(os.availableParallelism() / 2));
  const timeoutMs = options.timeoutMs ?? 60_000;
  let closed = false;
  const pool = new Piscina<InspectTask, AttachmentInspection>({
    filename: workerFile(),
    minThreads: 0,
    maxThreads,
    idleTimeout: options.idleTimeoutMs ?? 60_000,
    execArgv: workerExecArgv(),
    resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 1024 },
  });
  return {
    async inspect(bytes, fileName, limits) {
      // The worker gets its own copy, moved rather than cloned again (the caller keeps its bytes to store).
      const copy = new Uint8Array(bytes);
      const task: InspectTask = limits ? { bytes: copy, fileName, limits } : { bytes: copy, fileName };
      try {
        return await pool.run(task, { signal: AbortSignal.timeout(timeoutMs), transferList: [copy.buffer] });
      } catch (error) {
        // A file that makes the reader run too long or exhaust its memory ends its worker, not the server.
        if (closed) throw error;
        const where = attachmentPlace(fileName);
        const timedOut = (error as { name?: string }).name === 'AbortError' || (error as { name?: string }).name === 'TimeoutError';
        return {
          ok: false,
          code: 'too-complex',
          message: timedOut
            ? `${where}处理时间超过 ${Math.ceil(timeoutMs / 1000)} 秒，无法完成检查，不能上传；请精简文件或另存为 PDF 后再上传`
            : `${where}处理时超出资源限制，无法完成检查，不能上传`,
        };
      }
    },
    close: () => { closed = true; return pool.close(); },
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
