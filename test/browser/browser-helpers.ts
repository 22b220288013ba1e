/**
 * What the browser tests share: Debian's Chromium (the tests are skipped, with a message, without it),
 * a free port for the in-process server, the UI built from the current sources, and axe-core run in
 * the page through the DevTools protocol — which the app's Content-Security-Policy (script-src 'self')
 * does not block, unlike an inline script tag.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { ensureUiBuilt } from './ensure-ui-built.js';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-quic', '--no-first-run',
];
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** False when Chromium is there; otherwise why the browser tests are skipped (printed once). */
export const skipWithoutChromium: false | string = existsSync(CHROMIUM) ? false : `未找到 ${CHROMIUM}，跳过管理界面浏览器测试`;
if (skipWithoutChromium) console.log(`# ${skipWithoutChromium}`);

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** web/dist built from the current sources. */
export function ensureBuilt(): Promise<void> {
  return ensureUiBuilt(ROOT);
}

/** One axe-core violation, with the first nodes' selectors. */
export interface AxeViolation { id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }

let axeSource: string | undefined;

/** Runs axe-core in the page; returns its violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

/** The violations of the given impacts (default critical), described for an assertion message. */
export function violationsOf(violations: AxeViolation[], impacts: readonly string[] = ['critical']): string[] {
  return violations.filter((v) => impacts.includes(v.impact ?? '')).map((v) => `${v.id}（${v.impact}）: ${v.help} ${JSON.stringify(v.nodes.slice(0, 3))}`);
}

/** Serious and critical. */
export const SERIOUS = ['serious', 'critical'] as const;
