/**
 * Writes a command's output file: creates the parent directory, reports file-system errors as
 * messages the user can act on, and writes through a temporary file so a failed run never
 * leaves half a file under the requested name.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { CliError } from './cli-errors.js';
import { fileError } from './read-report-file.js';

/** Writes bytes to `path` (relative to `cwd`); returns the absolute path written. */
export async function writeOutputFile(path: string, cwd: string, body: Buffer | string): Promise<string> {
  const full = resolve(cwd, path);
  const temp = `${full}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(full), { recursive: true });
    await writeFile(temp, body);
    await rename(temp, full);
    return full;
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    const error = fileError(e, path);
    if (error instanceof CliError) throw error;
    throw new CliError(`无法写入文件 ${path}：${(e as Error).message}`);
  }
}
