/**
 * The worker of matter-import-pool.ts: unzips and reads an uploaded matter list (or a hall's monthly figures) on a thread of its own, so the
 * server's thread keeps answering requests.
 */
import { readHallFile, type ParsedHallFile } from './hall-import-read.js';
import { readMatterFile, type ParsedMatterFile } from './matter-import-read.js';

/** The task: the file's bytes and name, and which file it is (a matter list unless `halls`). */
export interface MatterReadTask { bytes: Uint8Array; fileName: string; kind?: 'halls' }

/** Piscina calls the default export with each task. */
export default function readTask(task: MatterReadTask): Promise<ParsedMatterFile | ParsedHallFile> {
  return task.kind === 'halls' ? readHallFile(task.bytes, task.fileName) : readMatterFile(task.bytes, task.fileName);
}
