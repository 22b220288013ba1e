/**
 * Reading matter lists off the server's thread: a small piscina pool running matter-import.worker.ts (the same
 * pattern as the item import's pool, src/disclosure/item-import-pool.ts: only tsx's loader as execArgv, an idle
 * worker's death not fatal, a zip bomb ending its worker and not the server).
 */
import { Piscina } from 'piscina';
import { TooLargeError } from '../core/errors.js';
import type { ParsedHallFile } from './hall-import-read.js';
import type { ParsedMatterFile } from './matter-import-read.js';
import type { MatterReadTask } from './matter-import.worker.js';

/** A pool that reads matter files. */
export interface MatterReadPool {
  read(bytes: Uint8Array, fileName: string): Promise<ParsedMatterFile>;
  /** A hall's monthly figures file. */
  readHalls(bytes: Uint8Array, fileName: string): Promise<ParsedHallFile>;
  close(): Promise<void>;
}

/** Creates the pool (threads start on first use and stop when idle). */
export function createMatterReadPool(): MatterReadPool {
  const ts = new URL(import.meta.url).pathname.endsWith('.ts');
  let pool: Piscina<MatterReadTask, ParsedMatterFile | ParsedHallFile> | null = null;
  const get = () => {
    if (pool) return pool;
    pool = new Piscina<MatterReadTask, ParsedMatterFile | ParsedHallFile>({
      filename: new URL(`./matter-import.worker.${ts ? 'ts' : 'js'}`, import.meta.url).href,
      execArgv: ts ? ['--import', import.meta.resolve('tsx')] : [],
      minThreads: 0, maxThreads: 1, idleTimeout: 30_000,
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    pool.on('error', () => undefined);
    return pool;
  };
  const run = async (task: MatterReadTask) => {
    try {
      return await get().run(task);
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') throw new TooLargeError(`文件“${task.fileName}”解压后的内容过大，无法读取；请分成几个较小的文件导入。`);
      throw e;
    }
  };
  return {
    readHalls: async (bytes, fileName) => (await run({ bytes, fileName, kind: 'halls' })) as ParsedHallFile,
    async read(bytes, fileName) {
      try {
        return (await get().run({ bytes, fileName })) as ParsedMatterFile;
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') throw new TooLargeError(`文件“${fileName}”解压后的内容过大，无法读取；请分成几个较小的文件导入。`);
        throw e;
      }
    },
    async close() {
      const current = pool;
      pool = null;
      await current?.destroy();
    },
  };
}
