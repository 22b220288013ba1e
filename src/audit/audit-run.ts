/**
 * Audits many published report files at once: expands folders, reads each file in turn (one at a
 * time, so memory stays flat over thousands of files), and keeps per file one summary row and the
 * list of its problems — never the whole parse, which is large. A file that cannot be read is a
 * row with its error; the audit goes on.
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileErrorResult, MAX_PARSE_BYTES, parseReportFile, tooLargeMessage } from '../parse/parse-file.js';
import { parseResultSummary, resultProblems, type AuditProblem, type AuditRow } from '../parse/parse-summary.js';

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
  let names: string[];
  try {
    names = await readdir(real);
  } catch (e) {
    out.push({ path: dir, error: fsMessage(e) });
    return;
  }
  for (const name of names.sort()) {
    if (skipped(name)) continue;
    const path = join(dir, name);
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

/** Reads one file from disk (refusing a too-large one before reading it) and parses it. */
async function auditFile(target: Target, cwd: string) {
  const name = target.path;
  if (target.error) return fileErrorResult(name, target.error);
  try {
    const full = resolve(cwd, name);
    const info = await stat(full);
    if (info.size > MAX_PARSE_BYTES) return fileErrorResult(name, tooLargeMessage(info.size));
    const bytes = await readFile(full);
    return await parseReportFile(bytes, name);
  } catch (e) {
    return fileErrorResult(name, fsMessage(e));
  }
}

/**
 * Audits the report files at `paths` (files or folders, searched recursively; hidden files
 * skipped; relative paths against `options.cwd`, default the process's). Rows come in path order
 * so two runs over the same files give the same output.
 */
export async function auditFiles(paths: string[], onProgress?: AuditProgress, options: { cwd?: string } = {}): Promise<AuditResult> {
  const cwd = options.cwd ?? process.cwd();
  const targets = await expandPaths(paths, cwd);
  const rows: AuditRow[] = [];
  const problems: AuditProblem[] = [];
  for (const [i, target] of targets.entries()) {
    onProgress?.(i, targets.length, target.path);
    const result = await auditFile(target, cwd);
    rows.push(parseResultSummary(result));
    problems.push(...resultProblems(result));
  }
  onProgress?.(targets.length, targets.length, '');
  return { rows, problems };
}
