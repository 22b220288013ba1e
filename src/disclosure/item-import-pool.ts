/**
 * Reading item files off the server's thread: a small piscina pool running item-import.worker.ts.
 *
 * Why a worker rather than exceljs's streaming reader in small async chunks: the cost is not only unzipping the
 * XLSX but sanitising every body with sanitize-html (about 35 µs each, a third of a second per 10,000 rows) and
 * decoding CSV, all synchronous code; a worker keeps all of it off the event loop without threading yields
 * through three libraries, and the same reader runs in-process for the CLI and the bench. Checking rows against
 * the database and storing them stays on the main thread inside the request's transaction.
 *
 * The worker is TypeScript: the server runs under tsx (`tsx src/server.ts`, tests `node --import tsx`), whose
 * loader reaches workers through process.execArgv; when it is not there (tsx registered through its API), it is
 * added explicitly so the worker loads all the same.
 */
import { Piscina } from 'piscina';
import { TooLargeError } from '../core/errors.js';
import type { ParsedItemFile } from './item-import-read.js';
import type { ReadTask } from './item-import.worker.js';

/** A pool that reads item files. */
export interface ItemReadPool {
  read(bytes: Uint8Array, fileName: string): Promise<ParsedItemFile>;
  close(): Promise<void>;
}

function workerExecArgv(): string[] {
  // Only tsx's loader: the parent's own flags are not all allowed in a worker (Node 24's test runner passes many,
  // and Worker refuses them with ERR_WORKER_INVALID_EXEC_ARGV).
  const worker = new URL(import.meta.url).pathname;
  return worker.endsWith('.ts') ? ['--import', import.meta.resolve('tsx')] : [];
}

/**
 * A task's failure reaches its caller; an 'error' event without a task (a worker dying while idle) would otherwise
 * be an uncaught exception that ends the server. The pool replaces the worker on next use.
 */
function watched<T extends Piscina<ReadTask, ParsedItemFile>>(pool: T): T {
  pool.on('error', () => undefined);
  return pool;
}

/** Creates the pool (threads start on first use and stop when idle). */
export function createItemReadPool(options: { maxThreads?: number; maxMemoryMb?: number } = {}): ItemReadPool {
  const extension = new URL(import.meta.url).pathname.endsWith('.ts') ? 'ts' : 'js';
  let pool: Piscina<ReadTask, ParsedItemFile> | null = null;
  const get = () => (pool ??= watched(new Piscina<ReadTask, ParsedItemFile>({
    filename: new URL(`./item-import.worker.${extension}`, import.meta.url).href,
    execArgv: workerExecArgv(),
    minThreads: 0,
    maxThreads: options.maxThreads ?? 2,
    idleTimeout: 30_000,
    // A spreadsheet that unpacks to gigabytes (a zip bomb) ends its worker, not the server.
    resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb ?? 1024 },
  })));
  return {
    read: async (bytes, fileName) => {
      try {
        return await get().run({ bytes, fileName });
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
          throw new TooLargeError(`文件“${fileName}”解压后的内容过大，无法读取；请分成几个较小的文件导入。`);
        }
        throw e;
      }
    },
    close: async () => {
      const current = pool;
      pool = null;
      await current?.destroy();
    },
  };
}
