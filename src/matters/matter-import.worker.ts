/**
 * The worker of matter-import-pool.ts: unzips and reads an uploaded matter list on a thread of its own, so the
 * server's thread keeps answering requests.
 */
import { readMatterFile, type ParsedMatterFile } from './matter-import-read.js';

/** The task: the file's bytes and name. */
export interface MatterReadTask { bytes: Uint8Array; fileName: string }

/** Piscina calls the default export with each task. */
export default function readTask(task: MatterReadTask): Promise<ParsedMatterFile> {
  return readMatterFile(task.bytes, task.fileName);
}
