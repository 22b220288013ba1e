/**
 * Builds the admin UI for the browser tests when web/dist is missing (a fresh checkout) or older
 * than a source file. Test files run in parallel processes: a lock folder makes one build while the
 * others wait, so no test reads web/dist while another empties it.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_STALE_MS = 5 * 60_000;

/** The newest modification time of the files under a folder. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function upToDate(root: string): boolean {
  const index = join(root, 'web/dist/index.html');
  return existsSync(index) && statSync(index).mtimeMs >= newest(join(root, 'web/src'));
}

/** Makes sure web/dist is built from the current sources (builds at most once at a time). */
export async function ensureUiBuilt(root: string): Promise<void> {
  if (upToDate(root)) return;
  const lock = join(root, 'web/.build-lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
      if (upToDate(root) && !existsSync(lock)) return;
    }
  }
  try {
    if (upToDate(root)) return;
    const { build } = await import('vite');
    await build({ configFile: join(root, 'web/vite.config.ts'), logLevel: 'warn' });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
