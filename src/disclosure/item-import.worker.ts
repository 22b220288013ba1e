/**
 * The worker of item-import-pool.ts: reads an uploaded item file (unzipping an XLSX, decoding a CSV, sanitising
 * 10,000 bodies takes seconds) on a thread of its own, so the server's thread keeps answering requests.
 */
import { readItemFile, type ParsedItemFile } from './item-import-read.js';

/** The task: the file's bytes and name. */
export interface ReadTask {
  bytes: Uint8Array;
  fileName: string;
}

/** Piscina calls the default export with each task. */
export default function readTask(task: ReadTask): Promise<ParsedItemFile> {
  return readItemFile(task.bytes, task.fileName);
}
