/**
 * Audits many published report files at once: expands folders and ZIP archives (audit-intake.ts), reads the files
 * on the parse pool's worker threads, a few at a time (twice the pool's threads, so memory stays flat over
 * thousands of files), and keeps per file one summary row and the list of its problems — never the whole parse,
 * which is large. Rows come in path order whatever order the workers finish in. A file that cannot be read is a
 * row with its error (a worker that runs out of time or memory included); the audit goes on.
 */
import type { Dirent } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ParseResult } from '../core/parse/parse-types.js';
import { fileErrorResult, MAX_PARSE_BYTES, tooLargeMessage } from '../parse/parse-file.js';
import { createParsePool, type ParsePool, type ParseSummary } from '../parse/parse-pool.js';
import { parseResultSummary, resultProblems, type AuditProblem, type AuditRow } from '../parse/parse-summary.js';
import { MAX_ARCHIVE_BYTES, planIntake, type IntakeEntry, type IntakeLimits } from './audit-intake.js';

/** The outcome of an audit: one row per file (in path order) and every problem found. */
export interface AuditResult {
  rows: AuditRow[];
  problems: AuditProblem[];
}

/** Called before each file is read (done = files finished) and once at the end (done = total, file = ''). */
export type AuditProgress = (done: number, total: number, file: string) => void;

/** A file to read, or a path that could not be listed (with its message). */
interface Target {
  path: string;
  error?: string;
}

/** Names skipped inside folders: hidden files and Office's lock files (~$报告.docx). */
const skipped = (name: string) => name.startsWith('.') || name.startsWith('~$');

const byPath = (a: Target, b: Target) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

function fsMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return '找不到文件或目录';
  if (code === 'EACCES' || code === 'EPERM') return '没有权限读取';
  return `无法读取（${(error as Error).message}）`;
}

/** Lists the files under a folder, recursively, skipping hidden ones; each folder once (links may loop). */
async function walk(dir: string, cwd: string, out: Target[], seen: Set<string>): Promise<void> {
  let real: string;
  try {
    real = await realpath(resolve(cwd, dir));
  } catch (e) {
    out.push({ path: dir, error: fsMessage(e) });
    return;
  }
  if (seen.has(real)) return;
  seen.add(real);
  let entries: Dirent[];
  try {
    entries = await readdir(real, { withFileTypes: true });
  } catch (e) {
    out.push({ path: dir, error: fsMessage(e) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (skipped(entry.name)) continue;
    const path = join(dir, entry.name);
    // The listing says what a plain file or folder is; only a link (or an unknown type) is looked up.
    if (entry.isFile()) { out.push({ path }); continue; }
    if (entry.isDirectory()) { await walk(path, cwd, out, seen); continue; }
    try {
      const info = await stat(resolve(cwd, path));
      if (info.isDirectory()) await walk(path, cwd, out, seen);
      else if (info.isFile()) out.push({ path });
    } catch (e) {
      out.push({ path, error: fsMessage(e) });
    }
  }
}

/**
 * Expands the given paths (files and folders, relative to `cwd`) into a sorted list of files
 * without duplicates, named as given (a folder's files as folder/name).
 */
export async function expandPaths(paths: readonly string[], cwd = process.cwd()): Promise<Array<{ path: string; error?: string }>> {
  const out: Target[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    try {
      const info = await stat(resolve(cwd, path));
      if (info.isDirectory()) await walk(path, cwd, out, seen);
      else out.push({ path });
    } catch (e) {
      out.push({ path, error: fsMessage(e) });
    }
  }
  const unique = new Map<string, Target>();
  for (const t of out) if (!unique.has(resolve(cwd, t.path))) unique.set(resolve(cwd, t.path), t);
  return [...unique.values()].sort(byPath);
}

/** A file's row and problems, made here (for a file that never reaches a worker). */
const summaryOf = (result: ParseResult): ParseSummary => ({ row: parseResultSummary(result), problems: resultProblems(result) });

/** Options of an audit. */
export interface AuditOptions {
  /** Relative paths against this folder [the process's]. */
  cwd?: string;
  /** The pool to read on [a pool of its own, closed at the end]. */
  pool?: ParsePool;
  /** Time limit per file (default: the pool's). */
  timeoutMs?: number;
  /** Caps of archive intake (audit-intake.ts). */
  intake?: Partial<IntakeLimits>;
}

/** A file about to be read: its bytes, or why it cannot be read. */
type Input = IntakeEntry;

/**
 * The files to read, one at a time: a file from disk (a too-large one refused before reading), or the files of a
 * ZIP archive (its entries inflated one by one as they are reached). `grow` is told how many files an archive
 * adds, so progress can count them.
 */
async function* inputs(targets: Target[], cwd: string, intake: Partial<IntakeLimits> | undefined, grow: (n: number) => void): AsyncGenerator<Input> {
  for (const target of targets) {
    const name = target.path;
    if (target.error) {
      yield { name, error: target.error };
      continue;
    }
    let bytes: Uint8Array;
    try {
      // One open: its size is checked on the handle, then the same handle is read (no second look-up by path).
      const handle = await open(resolve(cwd, name), 'r');
      try {
        const { size } = await handle.stat();
        const archive = /\.zip$/i.test(name);
        const max = archive ? MAX_ARCHIVE_BYTES : MAX_PARSE_BYTES;
        if (size > max) {
          yield { name, error: archive ? `压缩包过大（${(size / 1024 ** 3).toFixed(1)} GB），超过 ${MAX_ARCHIVE_BYTES / 1024 ** 3} GB，请分成几个压缩包` : tooLargeMessage(size) };
          continue;
        }
        bytes = await handle.readFile();
      } finally {
        await handle.close();
      }
    } catch (e) {
      yield { name, error: fsMessage(e) };
      continue;
    }
    // A ZIP (by content) is expanded; any other file is one entry of itself.
    const planned = planIntake([{ name, bytes }], intake);
    grow(planned.length - 1);
    for (const entry of planned) yield entry.load();
  }
}

/**
 * Audits the report files at `paths` (files, folders searched recursively, ZIP archives; hidden files skipped;
 * relative paths against `options.cwd`). Rows come in path order (an archive's files in its place, sorted by their
 * path inside it) so two runs over the same files give the same output. Progress is called before each file is
 * sent to be read; its total grows when an archive is opened.
 */
export async function auditFiles(paths: string[], onProgress?: AuditProgress, options: AuditOptions = {}): Promise<AuditResult> {
  const cwd = options.cwd ?? process.cwd();
  const targets = await expandPaths(paths, cwd);
  const pool = options.pool ?? createParsePool();
  const rows: AuditRow[] = [];
  const problems: AuditProblem[] = [];
  let total = targets.length;
  let sent = 0;
  let failure: unknown;
  // At most twice the pool's threads are read or queued at once; results are kept in the order the files were
  // sent. A slot frees when any file finishes, not only the oldest: waiting for the oldest (a long PDF) would leave
  // the other workers idle behind it.
  const done: Array<ParseSummary | undefined> = [];
  let flushed = 0;
  let inFlight = 0;
  let freed: (() => void) | null = null;
  const flush = () => {
    while (flushed < done.length && done[flushed] !== undefined) {
      const { row, problems: found } = done[flushed]!;
      done[flushed++] = undefined;
      rows.push(row);
      problems.push(...found);
    }
  };
  const settle = (index: number) => (summary: ParseSummary) => {
    done[index] = summary;
    inFlight--;
    flush();
    freed?.();
  };
  try {
    for await (const input of inputs(targets, cwd, options.intake, (n) => { total += n; })) {
      onProgress?.(sent, total, input.name);
      const index = sent++;
      done.push(undefined);
      inFlight++;
      // pool.summarize never rejects for a bad file; a closed pool's rejection ends the audit below.
      const reading = input.error !== undefined
        ? Promise.resolve(summaryOf(fileErrorResult(input.name, input.error)))
        : pool.summarize(input.bytes, input.name, { timeoutMs: options.timeoutMs, move: true });
      reading.then(settle(index), (error: unknown) => { failure ??= error; inFlight--; freed?.(); });
      while (inFlight >= pool.threads * 2 && failure === undefined) await new Promise<void>((resolve) => { freed = resolve; });
      if (failure !== undefined) throw failure;
    }
    while (inFlight > 0 && failure === undefined) await new Promise<void>((resolve) => { freed = resolve; });
    if (failure !== undefined) throw failure;
  } finally {
    if (!options.pool) await pool.close();
  }
  onProgress?.(total, total, '');
  return { rows, problems };
}
