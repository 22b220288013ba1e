/**
 * What the browser tests share: Debian's Chromium (the tests are skipped, with a message, without it),
 * a free port for the in-process server, the UI built from the current sources, and axe-core run in
 * the page through the DevTools protocol — which the app's Content-Security-Policy (script-src 'self')
 * does not block, unlike an inline script tag.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
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
  await motionSettled(page);
  axeSource ??= readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

/**
 * Waits (at most 5 s) until antd's motion has ended: no element carries a motion class and no finite CSS animation or
 * transition is running. Text fading in is half transparent meanwhile, which axe reports as too little contrast.
 */
export async function motionSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const moving = /^ant-[\w-]*-(appear|enter|leave)(-(prepare|start|active))?$/;
    for (const el of document.querySelectorAll('[class*="-appear"], [class*="-enter"], [class*="-leave"]')) {
      if ([...el.classList].some((c) => moving.test(c))) return false;
    }
    return document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity);
  }, undefined, { timeout: 5000, polling: 50 }).catch(() => undefined);
  // Two frames more, so the final styles are painted before axe reads them.
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

/** The violations of the given impacts (default critical), described for an assertion message. */
export function violationsOf(violations: AxeViolation[], impacts: readonly string[] = ['critical']): string[] {
  return violations.filter((v) => impacts.includes(v.impact ?? '')).map((v) => `${v.id}（${v.impact}）: ${v.help} ${JSON.stringify(v.nodes.slice(0, 3))}`);
}

/** Serious and critical. */
export const SERIOUS = ['serious', 'critical'] as const;

/** The app served in-process from a fresh data folder, and Chromium; `stop` ends both and removes the folder. */
export interface BrowserRig {
  /** http://127.0.0.1:PORT */
  base: string;
  browser: Browser;
  stop(): Promise<void>;
}

/** Builds the UI, starts the server on a free port over a new data folder (named from `prefix`) and launches Chromium. */
export async function startRig(prefix: string): Promise<BrowserRig> {
  await ensureBuilt();
  const { startServer } = await import('../../src/server.js');
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  let server: { stop: () => Promise<void> } | null = null;
  const removeData = () => rmSync(dataDir, { recursive: true, force: true });
  try {
    const port = await freePort();
    server = await startServer({ GONGKAI_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', TZ: 'Asia/Shanghai' });
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const running = server;
    return {
      base: `http://127.0.0.1:${port}`, browser,
      async stop() {
        await browser.close();
        await running.stop();
        removeData();
      },
    };
  } catch (error) {
    await server?.stop();
    removeData();
    throw error;
  }
}

/**
 * Options of a browser context for the admin UI at a width: zh-CN, and bypassCSP because the app's CSP
 * (script-src 'self') would refuse the axe-core script the tests inject.
 */
export function contextOptions(width = 1366): BrowserContextOptions {
  return { viewport: { width, height: 900 }, locale: 'zh-CN', bypassCSP: true };
}

/** A demo user (src/demo/demo-users.ts): the initial password and the one the test chooses at first sign-in. */
export interface DemoUser { login: string; initial: string; chosen: string }

/** The demo users whose password this process has changed, by server address and login. */
const changedHere = new Set<string>();

/**
 * Signs the context in as a demo user with the chosen password, or the first time with the initial one,
 * changing it to the chosen one. Returns the session (its CSRF token and the user's agency).
 */
export async function signInDemo(context: BrowserContext, base: string, { login, initial, chosen }: DemoUser): Promise<{ csrfToken: string; user: { agencyId: number } }> {
  // Sign-ins are rate-limited (10 a minute from one address): a user this process has not changed yet is tried with
  // the initial password first, so each sign-in is one request.
  const key = `${base}|${login}`;
  let res = changedHere.has(key) ? await context.request.post(`${base}/api/session`, { data: { login, password: chosen } }) : null;
  if (res === null || res.status() !== 200) {
    res = await context.request.post(`${base}/api/session`, { data: { login, password: initial } });
    if (res.status() !== 200 && !changedHere.has(key)) {
      // Changed before (another test process on the same server): the chosen password.
      res = await context.request.post(`${base}/api/session`, { data: { login, password: chosen } });
      assert.equal(res.status(), 200, await res.text());
      changedHere.add(key);
      return await res.json() as { csrfToken: string; user: { agencyId: number } };
    }
    assert.equal(res.status(), 200, await res.text());
    const first = await res.json() as { csrfToken: string };
    const changed = await context.request.put(`${base}/api/session/password`,
      { data: { currentPassword: initial, newPassword: chosen }, headers: { 'x-csrf-token': first.csrfToken } });
    assert.equal(changed.status(), 200, await changed.text());
    changedHere.add(key);
    res = changed;
  }
  return await res.json() as { csrfToken: string; user: { agencyId: number } };
}

/** Opens an admin UI screen (`hash`, e.g. '#/items') in a new page of the context; the page's errors are collected. */
export async function openAdmin(context: BrowserContext, base: string, hash: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/admin/${hash}`);
  return { page, errors };
}
