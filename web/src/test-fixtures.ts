/**
 * Test fixtures: the demo report (the seed, 威海市环翠区行政审批服务局 2019) in interchange JSON.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InterchangeReport, Permission, SessionInfo } from './api-types.js';

/** A fresh copy of the demo report's interchange document. */
export function demoDocument(): InterchangeReport {
  // A path, not a URL object: under jsdom the global URL is not the one node:fs accepts.
  const file = join(dirname(fileURLToPath(import.meta.url)), '../../src/demo/huancui-approval-bureau-2019.json');
  return JSON.parse(readFileSync(file, 'utf8')) as InterchangeReport;
}


/** A signed-in session as GET /api/session answers it (the demo publisher unless changed). */
export function sessionFixture(over: Partial<SessionInfo> = {}, permissions: Permission[] = [
  'agency.read', 'report.read', 'report.edit', 'report.publish', 'report.import',
  'application.read', 'application.register', 'application.handle', 'application.personal', 'statistics.read',
]): SessionInfo {
  return {
    user: { id: 5, login: 'gongkai', name: '周专员', agencyId: 2, agencyName: '威海市环翠区行政审批服务局' },
    grants: [{ role: 'publisher', roleName: '信息公开专职人员', agencyId: 2, agencyName: '威海市环翠区行政审批服务局', subtree: false }],
    permissions, mustChangePassword: false, csrfToken: 'csrf-publisher', idleMinutes: 30, ...over,
  };
}

/** A JSON answer for a mocked fetch. */
export function json(body: unknown, status = 200): Response {
  return new Response(body === null ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** jsdom lacks matchMedia (antd asks it for responsive breakpoints) and ResizeObserver (antd's Tree and Table use it). */
export function installMatchMedia(): void {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  window.matchMedia ??= ((query: string) => ({
    matches: false, media: query, onchange: null, addListener: () => {}, removeListener: () => {},
    addEventListener: () => {}, removeEventListener: () => {}, dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
}
