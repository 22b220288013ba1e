/**
 * The worker side of parse-pool.ts: one task = one report file read (parseReportFile) on a worker thread, so a
 * 50 MB page is read without stalling the server's thread, and a file that exhausts the worker's heap ends only
 * this worker. Loaded by piscina as a module: the .ts file under tsx, the .js file once compiled. The readers are
 * imported here, statically: under tsx a worker cannot load a .ts module by a dynamic import (parse-file.ts's
 * load on first use), and a worker reads many files anyway.
 */
import type { ParseResult } from '../core/parse/parse-types.js';
import { parseReportFile, provideReaders } from './parse-file.js';
import { parseResultSummary, resultProblems, type AuditProblem, type AuditRow } from './parse-summary.js';
import { readDocx } from './read-docx.js';
import { readHtml } from './read-html.js';
import { readPdf } from './read-pdf.js';
import { readText } from './read-text.js';

provideReaders({ txt: readText, html: readHtml, docx: readDocx, pdf: readPdf });

/** A task as posted by the pool: the file's bytes (moved, not copied), its name, and whether only its summary is wanted. */
export interface ParseTask {
  bytes: Uint8Array;
  fileName: string;
  summary?: boolean;
}

/** What an audit keeps of a file: its row and its problems. */
export interface ParseSummary {
  row: AuditRow;
  problems: AuditProblem[];
}

/**
 * Reads one report file (the pool's task handler): the whole result, or with `summary` only the audit's row and
 * problems (small to send back). Never throws for a bad file (parseReportFile does not).
 */
export default async function parseTask(task: ParseTask): Promise<ParseResult | ParseSummary> {
  const result = await parseReportFile(task.bytes, task.fileName);
  return task.summary ? { row: parseResultSummary(result), problems: resultProblems(result) } : result;
}
