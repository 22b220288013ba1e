/**
 * Reading report files off the request thread (issue 11): a piscina pool of worker threads running
 * parse-worker.ts. `parseInWorker` gives the same ParseResult as parseReportFile, and like it never throws for a
 * bad file: a file that runs past the time limit has its worker ended and becomes an error result naming the
 * limit; one that exhausts its worker's heap (a 45 MB page once took 3 GB) ends only that worker and becomes an
 * error result too. The pool starts new workers as needed, so the rest of a batch goes on.
 *
 * A known limit of worker heaps (Node 20/24): when the limit is reached, Node gives the worker 16 MB of leeway and
 * ends it; a single allocation larger than that leeway made right at the limit (a string of a whole 50 MB file)
 * aborts the whole process instead ("Reached heap limit"). Measured: 50 MB of tab-separated text aborts the process
 * with a 64 MB heap at its first step, and ends only the worker with 128 MB and more; the default 768 MB leaves the
 * largest one-shot allocations of a 50 MB file (~100 MB) far below the limit. Do not set the heap below ~128 MB.
 *
 * Sizing: one thread per core by default (an audit of 1,000 files uses the whole machine; the server's own thread
 * still runs, since the operating system shares the cores), GONGKAI_PARSE_THREADS or the option overrides it.
 * Each worker's heap is capped (maxOldGenerationSizeMb, default 768 MB, plus a 128 MB young generation), so at most
 * threads × (cap + 128 MB) is used.
 *
 * The bytes are moved to the worker, not cloned, when the caller gives them up (`move: true` and the array owns
 * its whole buffer); otherwise a copy is moved. Under tsx the worker is the .ts file and gets tsx's loader as its
 * only execArgv (as inspect-pool.ts); compiled, it is the .js file next to this one. The HTTP app closes the shared
 * pool when it closes (audit.routes.ts), as item.routes.ts does for the inspection pool.
 */
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { ParseResult } from '../core/parse/parse-types.js';
import { fileErrorResult } from './parse-file.js';
import { parseResultSummary, resultProblems } from './parse-summary.js';
import type { ParseSummary, ParseTask } from './parse-worker.js';

export type { ParseSummary } from './parse-worker.js';

/** Pool settings (defaults in brackets). */
export interface ParsePoolOptions {
  /** Worker threads [GONGKAI_PARSE_THREADS, else one per core]. */
  maxThreads?: number;
  /** An idle worker ends after [10 min]. */
  idleTimeoutMs?: number;
  /** One file may take at most [120 s]; then its worker is ended and the file reported. */
  timeoutMs?: number;
  /** Heap (old generation) of one worker [768 MB]; a file that needs more is reported, the worker replaced. */
  maxHeapMb?: number;
}

/** Options of one read. */
export interface ParseInWorkerOptions {
  /** This file's time limit (default: the pool's). */
  timeoutMs?: number;
  /**
   * The caller gives up the bytes: when the array spans its whole ArrayBuffer, that buffer is moved to the worker
   * (and is empty here afterwards) instead of copied — a 50 MB upload is then never held twice.
   */
  move?: boolean;
}

/** A pool of report-reading workers. */
export interface ParsePool {
  /** Reads one file on a worker thread; never throws for a bad file (see the file header). */
  parse(bytes: Uint8Array, fileName: string, options?: ParseInWorkerOptions): Promise<ParseResult>;
  /**
   * Reads one file on a worker thread and returns only its audit row and problems (parse-summary.ts), made in the
   * worker: a full ParseResult is ~160 KB to copy back (3 ms of this thread per report), its summary ~200 bytes,
   * so a bulk audit's results never make this thread the bottleneck.
   */
  summarize(bytes: Uint8Array, fileName: string, options?: ParseInWorkerOptions): Promise<ParseSummary>;
  /** Worker threads at most (how many files are worth reading at once). */
  readonly threads: number;
  /** Ends the workers (running reads finish first); the pool cannot be used afterwards. */
  close(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_HEAP_MB = 768;
/**
 * Young generation of each worker (V8's default here is 32 MB): reading allocates short-lived objects fast (pdf.js's
 * operator lists), and a larger nursery means fewer scavenges and less promoted to the old generation, whose
 * marking runs on V8's helper threads and so takes CPU from the other worker. Measured on 1,000 mixed files with
 * one warm worker: 14.1 s → 11.3 s, and the helper threads' CPU 5.5 s → 2.0 s.
 */
const YOUNG_GENERATION_MB = 128;

/** The message for a file stopped at the time limit (also shown for it in an audit's row). */
export function timeoutMessage(timeoutMs: number): string {
  return `读取超时（超过 ${Math.max(1, Math.ceil(timeoutMs / 1000))} 秒），已停止；其余文件继续`;
}

/** The message for a file whose reading ran out of the worker's memory. */
export function outOfMemoryMessage(heapMb: number): string {
  return `读取时内存超出限制（每个文件最多 ${heapMb} MB），已停止；文件可能过大或结构异常，请精简后再读取；其余文件继续`;
}

/** The worker module beside this file, with this file's own extension (.ts under tsx, .js compiled). */
function workerFile(): string {
  const self = fileURLToPath(import.meta.url);
  return self.replace(/parse-pool\.(ts|js|mts|mjs)$/, (_, ext: string) => `parse-worker.${ext}`);
}

/** Only tsx's loader: the parent's own flags are not all allowed in a worker (see inspect-pool.ts). */
function workerExecArgv(): string[] {
  return workerFile().endsWith('.ts')
    ? ['--import', import.meta.resolve('tsx')]
    : [];
}

/** Threads from GONGKAI_PARSE_THREADS when it is a positive whole number, else one per core. */
export function defaultParseThreads(env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = Number(env.GONGKAI_PARSE_THREADS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return Math.max(1, os.availableParallelism());
}

/** The bytes to post and the transfer list: the caller's own buffer when given up, else a copy. */
function transferable(bytes: Uint8Array, move: boolean): Uint8Array {
  const owns = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  // A small Buffer may be a slice of Node's shared 8 KB pool: only a whole buffer is ever moved.
  return move && owns ? bytes : new Uint8Array(bytes);
}

/** Starts a pool (threads start on first use and end when idle). */
export function createParsePool(options: ParsePoolOptions = {}): ParsePool {
  const threads = options.maxThreads ?? defaultParseThreads();
  const poolTimeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const heapMb = options.maxHeapMb ?? DEFAULT_HEAP_MB;
  let closed = false;
  const pool = new Piscina<ParseTask, ParseResult | ParseSummary>({
    filename: workerFile(),
    minThreads: 0,
    maxThreads: threads,
    // Workers stay for 10 minutes between reads: V8 needs about a thousand files per worker to compile the readers
    // fully (the first audit on fresh workers is ~1.2× faster with two than one, a warm pool ~1.7×), and a
    // supervisor's uploads of one session come minutes apart. An idle worker holds ~150 MB meanwhile.
    idleTimeout: options.idleTimeoutMs ?? 10 * 60_000,
    execArgv: workerExecArgv(),
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  // A worker dying outside a task (out of memory while idle) would be an uncaught 'error' that ends the process;
  // a task's own failure reaches its caller below.
  pool.on('error', () => undefined);
  // Files wait here, not in piscina's queue, so a file's time limit starts when a worker takes it: a file queued
  // behind a slow one is not stopped for time it spent waiting.
  let running = 0;
  const waiting: Array<() => void> = [];
  const slot = async () => {
    if (running < threads) { running++; return; }
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  /** Runs one task; a worker that ends (time, memory, crash) becomes the file's error result. */
  async function run<R>(task: ParseTask, options: ParseInWorkerOptions, failed: (result: ParseResult) => R): Promise<R> {
    if (closed) throw new Error('parse pool closed');
    const timeoutMs = options.timeoutMs ?? poolTimeout;
    const data = transferable(task.bytes, options.move ?? false);
    await slot();
    try {
      return await pool.run({ ...task, bytes: data }, {
        signal: AbortSignal.timeout(timeoutMs), transferList: [data.buffer as ArrayBuffer],
      }) as R;
    } catch (error) {
      if (closed) throw error;
      const { name, code } = error as { name?: string; code?: string };
      if (name === 'AbortError' || name === 'TimeoutError') return failed(fileErrorResult(task.fileName, timeoutMessage(timeoutMs)));
      if (code === 'ERR_WORKER_OUT_OF_MEMORY') return failed(fileErrorResult(task.fileName, outOfMemoryMessage(heapMb)));
      // Anything else that ends a worker (a crash in a native module): the file is reported, the batch goes on.
      const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
      return failed(fileErrorResult(task.fileName, `读取时工作线程异常结束（${message.slice(0, 200)}），该文件未能读取；其余文件继续`));
    } finally {
      release();
    }
  }
  return {
    threads,
    parse: (bytes, fileName, options = {}) => run({ bytes, fileName }, options, (result) => result),
    summarize: (bytes, fileName, options = {}) =>
      run({ bytes, fileName, summary: true }, options, (result) => ({ row: parseResultSummary(result), problems: resultProblems(result) })),
    close: async () => {
      closed = true;
      await pool.close();
    },
  };
}

let shared: ParsePool | null = null;

/** The process's shared pool (started on first use). */
export function sharedParsePool(): ParsePool {
  return (shared ??= createParsePool());
}

/** Reads a report file on the shared pool: the same result as parseReportFile, off this thread. */
export function parseInWorker(bytes: Uint8Array, fileName: string, options?: ParseInWorkerOptions): Promise<ParseResult> {
  return sharedParsePool().parse(bytes, fileName, options);
}

/** Closes the shared pool, if started (server shutdown, end of tests). A later call starts a new one. */
export async function closeParsePool(): Promise<void> {
  const pool = shared;
  shared = null;
  await pool?.close();
}
