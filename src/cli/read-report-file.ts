/**
 * Reads an interchange JSON file from disk into a report, with the same limits and messages as
 * an upload: size, UTF-8, JSON syntax, then the strict interchange validation.
 */
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { TooLargeError } from '../core/errors.js';
import { decodeReportFile, MAX_REPORT_BYTES } from '../core/interchange/decode.js';
import { fromInterchange } from '../core/interchange/from-interchange.js';
import type { ReportDocument } from '../core/report/report-model.js';
import { CliError } from './cli-errors.js';

/** Turns a file-system error into a message the user can act on. */
export function fileError(error: unknown, path: string): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new CliError(`找不到文件 ${path}`);
  if (code === 'EISDIR') return new CliError(`${path} 是目录，不是文件`);
  if (code === 'EACCES' || code === 'EPERM') return new CliError(`没有权限读写文件 ${path}`);
  return error as Error;
}

/** Reads a file's bytes, refusing (before reading it all) one larger than a report may be. */
export async function readLimited(path: string, cwd: string): Promise<Buffer> {
  const full = resolve(cwd, path);
  let handle;
  try {
    handle = await open(full, 'r');
    const { size } = await handle.stat();
    if (size > MAX_REPORT_BYTES) {
      throw new TooLargeError(`文件“${path}”过大（${(size / 1024 / 1024).toFixed(1)} MB），年度报告文件不得超过 ${MAX_REPORT_BYTES / 1024 / 1024} MB`);
    }
    return await handle.readFile();
  } catch (e) {
    throw fileError(e, path);
  } finally {
    await handle?.close();
  }
}

/** Reads and validates an interchange report file. */
export async function readReportFile(path: string, cwd: string): Promise<ReportDocument> {
  const bytes = await readLimited(path, cwd);
  const what = `文件“${path}”`;
  return fromInterchange(decodeReportFile(bytes, what), what);
}
