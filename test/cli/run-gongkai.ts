/**
 * Runs the real command line (node bin/gongkai.js) in a child process with its own data
 * directory, as a user would: SQLite under a temporary GONGKAI_DATA_DIR, no DATABASE_URL,
 * Shanghai time.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(ROOT, 'bin/gongkai.js');
export const SEED = join(ROOT, 'src/demo/huancui-approval-bureau-2019.json');
export const DEMO_AGENCY = '威海市环翠区行政审批服务局';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A temporary directory and how to remove it. */
export interface TempDir {
  path: string;
  cleanup(): void;
}

/** A temporary directory removed by `cleanup`. */
export function tempDir(prefix = 'gongkai-cli-'): TempDir {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * A data directory (the database) and a work directory (files read and written) for the suite it
 * is called in, both removed after the suite. Call it in a `describe` body.
 */
export function suiteDirs(): { data: TempDir; work: TempDir } {
  const data = tempDir();
  const work = tempDir('gongkai-cli-work-');
  after(() => {
    data.cleanup();
    work.cleanup();
  });
  return { data, work };
}

/** Runs `gongkai …args` with the given data directory (`input` on standard input); never rejects on a non-zero exit. */
export function gongkai(args: string[], dataDir: string, options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): Promise<RunResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, GONGKAI_DATA_DIR: dataDir, TZ: 'Asia/Shanghai', ...options.env };
  delete env.DATABASE_URL;
  delete env.NODE_TEST_CONTEXT;
  delete env.NODE_OPTIONS;
  if (!options.env?.GONGKAI_DEBUG) delete env.GONGKAI_DEBUG;
  return new Promise((resolvePromise) => {
    const child = execFile(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolvePromise({ code, stdout: stdout.toString('utf8'), stderr: stderr.toString('utf8') });
      });
    child.stdin?.end(options.input ?? '');
  });
}

/** Asserts nothing looks like a stack trace ("    at …"). */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+/m.test(text);
}
