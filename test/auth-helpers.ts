/**
 * Sign-in for the HTTP tests: users made directly through the user service, signed in through
 * POST /api/session like a browser, and an app whose requests carry a session by default (the tests
 * of other features act as a signed-in person with every business role; calendar and agency
 * administration as the system admin). A request that sets its own cookie (or `cookies: {}` for an
 * anonymous one) is left as it is.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Kysely } from 'kysely';
import { userService } from '../src/auth/user.service.js';
import { operator } from '../src/core/actor.js';
import { ROLE_KEYS, ROLES, type Role } from '../src/core/access/roles.js';
import { steppingClock } from '../src/core/clock.js';
import type { Database } from '../src/db/schema.js';

/** The password of every test user (meets the policy). */
export const TEST_PASSWORD = 'Test-password-2024';

/** What a signed-in test request sends. */
export interface TestSession {
  login: string;
  userId: number;
  /** Cookie and CSRF headers to spread into a request's headers. */
  headers: Record<string, string>;
  cookie: string;
  csrf: string;
}

/** Every business role (not the three administrators). */
export const BUSINESS_ROLES: Role[] = ROLE_KEYS.filter((r) => !ROLES[r].administrator);

/** Creates a user holding `roles` in `agencyId` (with its subtree unless told otherwise); no password change required. */
export async function createTestUser(
  db: Kysely<Database>, login: string, roles: readonly Role[], agencyId: number, options: { subtree?: boolean; name?: string } = {},
): Promise<number> {
  const users = userService(db, steppingClock('2024-01-01T00:00:00.000Z'));
  const setup = operator('测试准备');
  const { user } = await users.add({ login, name: options.name ?? `测试${login}`, agencyId, password: TEST_PASSWORD, mustChangePassword: false }, setup);
  for (const role of roles) await users.grant(user.id, { role, agencyId, subtree: options.subtree ?? true }, setup);
  return user.id;
}

/** Signs in through the API and returns the session's headers. */
export async function signIn(app: FastifyInstance, login: string, password = TEST_PASSWORD): Promise<TestSession> {
  const response = await app.inject({ method: 'POST', url: '/api/session', payload: { login, password }, cookies: {} });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${login} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'gongkai_session')!;
  const body = JSON.parse(response.body) as { csrfToken: string; user: { id: number } };
  const cookieHeader = `gongkai_session=${cookie.value}`;
  return { login, userId: body.user.id, cookie: cookieHeader, csrf: body.csrfToken, headers: { cookie: cookieHeader, 'x-csrf-token': body.csrfToken } };
}

const defaults = new WeakMap<FastifyInstance, { tester: TestSession; sysadmin: TestSession }>();

/** The default sessions of an app set up by signInByDefault/signInAs (for requests over real HTTP). */
export function defaultSessionsOf(app: FastifyInstance): { tester: TestSession; sysadmin: TestSession } | undefined {
  return defaults.get(app);
}

/** The default session's headers for a request (the system admin's for calendar and agency administration). */
export function defaultHeadersFor(app: FastifyInstance, method: string, url: string): Record<string, string> {
  const sessions = defaults.get(app);
  if (!sessions) return {};
  return (needsSystemAdmin(method.toUpperCase(), url) ? sessions.sysadmin : sessions.tester).headers;
}

/** Requests that go with the system admin's session by default (the rest with the business user's). */
function needsSystemAdmin(method: string, url: string): boolean {
  return (method === 'PUT' && url.startsWith('/api/calendar/')) || (method === 'POST' && /^\/api\/agencies\/?(\?|$)/.test(url));
}

/**
 * Makes `app.inject` send a session unless the request brings its own cookie: the business user
 * `tester` (every business role over `rootAgencyId`'s subtree) or, for calendar and agency
 * administration, `sysadmin`. Returns both sessions.
 */
export async function signInByDefault(app: FastifyInstance, db: Kysely<Database>, rootAgencyIds: readonly number[]): Promise<{ tester: TestSession; sysadmin: TestSession }> {
  const [first, ...rest] = rootAgencyIds;
  const testerId = await createTestUser(db, 'tester', BUSINESS_ROLES, first!, { name: '办公室王科长' });
  await createTestUser(db, 'sysadmin', ['system-admin'], first!, { name: '系统管理员' });
  const users = userService(db, steppingClock('2024-01-01T00:00:00.000Z'));
  for (const agencyId of rest) for (const role of BUSINESS_ROLES) await users.grant(testerId, { role, agencyId, subtree: true }, operator('测试准备'));
  return signInAs(app);
}

/** Signs the existing `tester` and `sysadmin` in on `app` and makes their sessions its requests' default. */
export async function signInAs(app: FastifyInstance, testerLogin = 'tester'): Promise<{ tester: TestSession; sysadmin: TestSession }> {
  const tester = await signIn(app, testerLogin);
  const sysadmin = await signIn(app, 'sysadmin');
  defaults.set(app, { tester, sysadmin });
  const original = app.inject.bind(app) as (options: InjectOptions) => ReturnType<FastifyInstance['inject']>;
  (app as { inject: unknown }).inject = (options?: InjectOptions | string) => {
    if (options === undefined) return (app.inject as unknown as () => unknown).call(app);
    const opts: InjectOptions = typeof options === 'string' ? { url: options } : options;
    const headers = (opts.headers ?? {}) as Record<string, string>;
    if (opts.cookies !== undefined || headers.cookie !== undefined) return original(opts);
    const session = needsSystemAdmin(String(opts.method ?? 'GET').toUpperCase(), String(opts.url ?? '')) ? sysadmin : tester;
    return original({ ...opts, headers: { ...session.headers, ...headers } });
  };
  return { tester, sysadmin };
}
