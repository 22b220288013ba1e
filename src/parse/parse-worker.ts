/**
 * The worker side of parse-pool.ts: one task = one report file read (parseReportFile) on a worker thread, so a
 * 50 MB page is read without stalling the server's thread, and a file that exhausts the worker's heap ends only
 * this worker. Loaded by piscina as a module: the .ts file under tsx, the .js file once compiled. The readers are
 * imported here, statically: under tsx a worker cannot load a .ts module by a dynamic import (parse-file.ts's
 * load on first use), and a worker reads many files anyway.
 */
import type { ParseResult } from '../core/parse/parse-types.js';
import { parseReportFile, provideReaders } from './parse-file.js';
import { readDocx } from './read-docx.js';
import { readHtml } from './read-html.js';
import { readPdf } from './read-pdf.js';
import { readText } from './read-text.js';

provideReaders({ txt: readText, html: readHtml, docx: readDocx, pdf: readPdf });

/** A task as posted by the pool: the file's bytes (moved, not copied) and its name. */
export interface ParseTask {
  bytes: Uint8Array;
  fileName: string;
}

/** Reads one report file (the pool's task handler); never throws for a bad file (parseReportFile does not). */
export default function parseTask(task: ParseTask): Promise<ParseResult> {
  return parseReportFile(task.bytes, task.fileName);
}
