/**
 * Bad input for sign-in and the session, on SQLite and PostgreSQL, with a clock the test moves: one
 * generic answer for a wrong password, an unknown login and a disabled user; lock-out after 5
 * failures with back-off, lifted when the time has passed; idle (30 min) and absolute (12 h) session
 * expiry; forged cookies; 403 without the permission; no self-administration; an extension or a
 * period-lock override only by a leader; disabling or changing roles ends sessions at once; the forced
 * change of an initial password and the password policy; 10,000 sign-in attempts from one address
 * rate-limited while the real user still gets in afterwards; and the append-only security log with its
 * xlsx export.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { userService } from '../../src/auth/user.service.js';
import { SIGN_IN_FAILED } from '../../src/auth/session.service.js';
import { calendarService } from '../../src/calendar/calendar.service.js';
import { operator } from '../../src/core/actor.js';
import type { Clock } from '../../src/core/clock.js';
import { DEFAULT_SECURITY_SETTINGS } from '../../src/http/access/security-settings.js';
import { createTestUser, signIn, TEST_PASSWORD, type TestSession } from '../auth-helpers.js';
import { forEachDialect } from '../db-helpers.js';
import { json, testApp, type TestApp } from './http-helpers.js';

const MINUTE = 60_000;

/** A clock the test moves forward (each reading 1 ms later, so records keep their order). */
function movableClock(startIso: string): Clock & { advance(ms: number): void } {
  let t = Date.parse(startIso);
  const clock = (() => new Date(t++).toISOString()) as Clock & { advance(ms: number): void };
  clock.advance = (ms: number) => { t += ms; };
  return clock;
}

const BIG = { max: 1_000_000, minutes: 1 };

forEachDialect('sign-in and sessions', (ctx) => {
  let t: TestApp;
  let app: FastifyInstance;
  const clock = movableClock('2024-03-10T02:00:00.000Z');
  let auditor: TestSession;
  let security: TestSession;

  before(async () => {
    t = await testApp(ctx, { clock, security: { ...DEFAULT_SECURITY_SETTINGS, rateLimits: { 'sign-in': BIG, 'public-form': BIG, 'public-parse': BIG } } });
    app = t.app;
    await calendarService(t.db.db, clock).seedIfEmpty(operator('测试准备'));
    await createTestUser(t.db.db, 'auditor', ['audit-admin'], t.governmentId);
    await createTestUser(t.db.db, 'secadmin', ['security-admin'], t.governmentId);
    auditor = await signIn(app, 'auditor');
    security = await signIn(app, 'secadmin');
  });
  after(async () => t?.close());

  const attempt = (login: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/session', payload: { login, password }, cookies: {} });
  const get = (url: string, session: TestSession) => app.inject({ method: 'GET', url, headers: session.headers });
  const post = (url: string, session: TestSession, payload?: unknown) =>
    app.inject({ method: 'POST', url, headers: session.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const userRow = (login: string) => t.db.db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirstOrThrow();
  /** Keeps the auditor's and the security admin's sessions alive across moves of the clock. */
  const refresh = async () => {
    auditor = await signIn(app, 'auditor');
    security = await signIn(app, 'secadmin');
  };

  test('a wrong password, an unknown login and a disabled user get the same status and generic message', async () => {
    await createTestUser(t.db.db, 'zhang', ['drafter'], t.bureauId);
    await createTestUser(t.db.db, 'gone', ['drafter'], t.bureauId);
    await userService(t.db.db, clock).setActive((await userRow('gone')).id, false, operator('测试准备'));
    const answers = [await attempt('zhang', 'Wrong-password-1'), await attempt('nobody', 'Wrong-password-1'), await attempt('gone', TEST_PASSWORD)];
    for (const res of answers) {
      assert.equal(res.statusCode, 401, res.body);
      assert.deepEqual(json(res), { code: 'SIGN_IN_FAILED', message: SIGN_IN_FAILED });
      assert.equal(res.cookies.length, 0);
    }
    assert.equal((await attempt('zhang', TEST_PASSWORD)).statusCode, 200);
    // Bad shapes are a 400 naming the field, never a 500.
    for (const payload of [{}, { login: 'zhang' }, { login: '', password: 'x' }, { login: 'zhang', password: 'x'.repeat(201) }]) {
      const res = await app.inject({ method: 'POST', url: '/api/session', payload, cookies: {} });
      assert.equal(res.statusCode, 400, res.body);
    }
  });

  test('5 failures lock the account (with a message); the lock ends after the back-off, which doubles', async () => {
    await createTestUser(t.db.db, 'wang', ['drafter'], t.bureauId);
    for (let i = 0; i < 5; i++) assert.equal(json(await attempt('wang', `Wrong-password-${i}`)).code, 'SIGN_IN_FAILED');
    const locked = await attempt('wang', TEST_PASSWORD);
    assert.equal(locked.statusCode, 401);
    assert.equal(json(locked).code, 'ACCOUNT_LOCKED');
    assert.equal(json(locked).message, '登录失败次数过多，账户已暂时锁定，请稍后再试');
    clock.advance(4 * MINUTE);
    assert.equal(json(await attempt('wang', TEST_PASSWORD)).code, 'ACCOUNT_LOCKED');
    clock.advance(1 * MINUTE + 1000);
    // The lock has ended; 5 more failures in a row lock it again, for twice as long (10 minutes).
    for (let i = 0; i < 5; i++) assert.equal(json(await attempt('wang', `Wrong-password-${i}`)).code, 'SIGN_IN_FAILED');
    clock.advance(9 * MINUTE);
    assert.equal(json(await attempt('wang', TEST_PASSWORD)).code, 'ACCOUNT_LOCKED');
    clock.advance(1 * MINUTE + 1000);
    assert.equal((await attempt('wang', TEST_PASSWORD)).statusCode, 200);
    const row = await userRow('wang');
    assert.deepEqual([row.failed_attempts, row.lockouts, row.locked_until === null], [0, 0, true], 'a success starts the count afresh');
  });

  test('failures in parallel all count: 10 wrong passwords at once lock the account', async () => {
    await createTestUser(t.db.db, 'parallel', ['drafter'], t.bureauId);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => attempt('parallel', `Wrong-password-${i}`)));
    assert.ok(answers.every((res) => res.statusCode === 401));
    const row = await userRow('parallel');
    assert.ok(row.lockouts >= 1 && row.locked_until !== null, JSON.stringify(row));
    assert.equal(json(await attempt('parallel', TEST_PASSWORD)).code, 'ACCOUNT_LOCKED');
  });

  test('a session ends after 30 idle minutes and after 12 hours however busy (401 SESSION_EXPIRED); a forged cookie is 401', async () => {
    await createTestUser(t.db.db, 'li', ['drafter'], t.bureauId);
    const idle = await signIn(app, 'li');
    clock.advance(29 * MINUTE);
    assert.equal((await get('/api/session', idle)).statusCode, 200);
    clock.advance(29 * MINUTE); // 29 minutes after the last request: still alive
    assert.equal((await get('/api/session', idle)).statusCode, 200);
    clock.advance(30 * MINUTE + 1000);
    const expired = await get('/api/session', idle);
    assert.equal(expired.statusCode, 401);
    assert.equal(json(expired).code, 'SESSION_EXPIRED');
    assert.equal(json(expired).message, '登录已超时，请重新登录');
    assert.equal((await get('/api/session', idle)).statusCode, 401, 'an expired session stays ended');

    const busy = await signIn(app, 'li');
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      clock.advance(20 * MINUTE);
      assert.equal((await get('/api/session', busy)).statusCode, 200, `after ${minutes + 20} minutes`);
    }
    clock.advance(20 * MINUTE);
    const tooOld = await get('/api/session', busy);
    assert.equal(tooOld.statusCode, 401);
    assert.equal(json(tooOld).code, 'SESSION_EXPIRED');

    for (const cookie of ['gongkai_session=forged-token', `gongkai_session=${'A'.repeat(43)}`, 'gongkai_session=', 'gongkai_session=%00%ff']) {
      const res = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
      assert.equal(res.statusCode, 401, cookie);
      assert.equal(json(res).code, 'UNAUTHENTICATED');
    }
    await refresh();
  });

  test('a role without the permission → 403 naming it in Chinese', async () => {
    const drafter = await signIn(app, 'li');
    const res = await get(`/api/applications?agencyId=${t.bureauId}`, drafter);
    assert.equal(res.statusCode, 403);
    assert.equal(json(res).code, 'FORBIDDEN');
    assert.match(json(res).message, /没有权限：需要“查看政府信息公开申请”权限（威海市环翠区行政审批服务局）/);
    assert.equal((await get('/api/users', drafter)).statusCode, 403);
  });

  test('a security admin cannot grant itself a role, nor a business role to an administrator; nothing changes', async () => {
    const me = await userRow('secadmin');
    const grantsBefore = await t.db.db.selectFrom('role_grants').selectAll().orderBy('id').execute();
    const self = await post(`/api/users/${me.id}/grants`, security, { role: 'publisher', agencyId: t.bureauId });
    assert.equal(self.statusCode, 403, self.body);
    assert.equal(json(self).code, 'SELF_ADMINISTRATION');
    assert.match(json(self).message, /不能为自己授予或撤销角色/);
    const selfAdmin = await post(`/api/users/${me.id}/grants`, security, { role: 'audit-admin', agencyId: t.bureauId });
    assert.equal(selfAdmin.statusCode, 403);
    const auditorId = (await userRow('auditor')).id;
    const mixed = await post(`/api/users/${auditorId}/grants`, security, { role: 'leader', agencyId: t.bureauId });
    assert.equal(mixed.statusCode, 409, mixed.body);
    assert.equal(json(mixed).code, 'SEPARATION_OF_DUTIES');
    assert.match(json(mixed).message, /审计管理员不得同时担任业务角色“领导”，三员分立/);
    const selfDisable = await post(`/api/users/${me.id}/disable`, security);
    assert.equal(selfDisable.statusCode, 403);
    assert.deepEqual(await t.db.db.selectFrom('role_grants').selectAll().orderBy('id').execute(), grantsBefore);
    assert.equal((await userRow('secadmin')).active, 1);
  });

  test('a security admin of one bureau administers that bureau\'s users only', async () => {
    await createTestUser(t.db.db, 'bureau-sec', ['security-admin'], t.bureauId, { subtree: false });
    const govClerk = await createTestUser(t.db.db, 'gov-clerk', ['drafter'], t.governmentId, { subtree: false });
    const bureauClerk = await createTestUser(t.db.db, 'bureau-clerk', ['drafter'], t.bureauId, { subtree: false });
    const admin = await signIn(app, 'bureau-sec');
    const grantsBefore = await t.db.db.selectFrom('role_grants').selectAll().orderBy('id').execute();
    const listed = json<Array<{ login: string }>>(await get('/api/users', admin)).map((u) => u.login);
    assert.ok(listed.includes('bureau-clerk') && !listed.includes('gov-clerk') && !listed.includes('auditor'), listed.join());
    const refused = [
      await get(`/api/users/${govClerk}`, admin),
      await post(`/api/users/${govClerk}/disable`, admin),
      await post(`/api/users/${govClerk}/reset-password`, admin),
      await post(`/api/users/${govClerk}/grants`, admin, { role: 'leader', agencyId: t.bureauId }),
      await post(`/api/users/${bureauClerk}/grants`, admin, { role: 'leader', agencyId: t.governmentId }),
      await post('/api/users', admin, { login: 'newgov', name: '新人', agencyId: t.governmentId }),
      await app.inject({ method: 'PATCH', url: `/api/users/${bureauClerk}`, headers: admin.headers, payload: { agencyId: t.governmentId } }),
    ];
    for (const res of refused) {
      assert.equal(res.statusCode, 403, res.body);
      assert.match(json(res).message, /需要“管理用户和角色”权限（环翠区人民政府）/);
    }
    assert.deepEqual(await t.db.db.selectFrom('role_grants').selectAll().orderBy('id').execute(), grantsBefore);
    assert.equal((await userRow('gov-clerk')).active, 1);
    assert.equal((await userRow('bureau-clerk')).agency_id, t.bureauId);
    assert.equal((await t.db.db.selectFrom('users').select('id').where('login', '=', 'newgov').execute()).length, 0);
    // In its own bureau it does its work; the admin over the district's subtree reaches the government too.
    assert.equal((await post(`/api/users/${bureauClerk}/grants`, admin, { role: 'leader', agencyId: t.bureauId })).statusCode, 200);
    assert.equal((await post('/api/users', admin, { login: 'newbureau', name: '新人', agencyId: t.bureauId })).statusCode, 201);
    assert.equal((await post('/api/users', admin, { login: 'nowhere', name: '新人', agencyId: 999_999 })).statusCode, 400);
    assert.equal((await post(`/api/users/${govClerk}/disable`, security)).statusCode, 200);
  });

  test('an extension or a period-lock override needs a leader: by anyone else 403', async () => {
    await createTestUser(t.db.db, 'clerk', ['publisher'], t.bureauId);
    await createTestUser(t.db.db, 'boss', ['leader'], t.bureauId);
    const clerk = await signIn(app, 'clerk');
    const boss = await signIn(app, 'boss');
    const received = await post('/api/applications', clerk, {
      agencyId: t.bureauId, channel: 'in-person', evidence: { handedInOn: '2024-03-04' }, applicantType: '自然人',
      applicant: { name: '赵六', idNumber: '11010519491231002X' }, subject: '某项信息', formWanted: '纸质',
    });
    assert.equal(received.statusCode, 201, received.body);
    const id = json(received).id;
    const events = async () => (await t.db.db.selectFrom('application_events').select('id').where('application_id', '=', id).execute()).length;
    const n = await events();
    const extension = { type: 'extended', date: '2024-03-08', days: 20, reason: '需调取档案' };
    const own = await post(`/api/applications/${id}/events`, clerk, extension);
    assert.equal(own.statusCode, 403, own.body);
    assert.match(json(own).message, /需要“批准延期答复”权限/);
    const override = await post(`/api/applications/${id}/remedies`, clerk, { kind: 'reconsideration', filedOn: '2024-03-08', override: { reason: '更正登记错误' } });
    assert.equal(override.statusCode, 403, override.body);
    assert.match(json(override).message, /需要“批准变更已发布年度的统计数据”权限/);
    assert.equal(await events(), n);
    const approved = await post(`/api/applications/${id}/events`, boss, extension);
    assert.equal(approved.statusCode, 200, approved.body);
    const last = await t.db.db.selectFrom('application_events').select(['actor', 'actor_id']).where('application_id', '=', id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(last.actor_id, boss.userId, 'the approver is the signed-in leader');
  });

  test('disabling a user or changing its roles ends its sessions at once', async () => {
    const id = await createTestUser(t.db.db, 'zhao', ['drafter', 'office-head'], t.bureauId);
    const one = await signIn(app, 'zhao');
    const two = await signIn(app, 'zhao');
    const grantId = (await t.db.db.selectFrom('role_grants').select('id').where('user_id', '=', id).where('role', '=', 'office-head').executeTakeFirstOrThrow()).id;
    const revoked = await app.inject({ method: 'DELETE', url: `/api/users/${id}/grants/${grantId}`, headers: security.headers });
    assert.equal(revoked.statusCode, 200, revoked.body);
    for (const s of [one, two]) assert.equal((await get('/api/session', s)).statusCode, 401);
    const three = await signIn(app, 'zhao');
    assert.deepEqual(json(await get('/api/session', three)).grants.map((g: { role: string }) => g.role), ['drafter']);
    assert.equal((await post(`/api/users/${id}/grants`, security, { role: 'leader', agencyId: t.bureauId })).statusCode, 200);
    assert.equal((await get('/api/session', three)).statusCode, 401);
    const four = await signIn(app, 'zhao');
    assert.equal((await post(`/api/users/${id}/disable`, security)).statusCode, 200);
    assert.equal((await get('/api/session', four)).statusCode, 401);
    assert.equal((await attempt('zhao', TEST_PASSWORD)).statusCode, 401);
    // A reset password ends sessions too and must be changed.
    assert.equal((await post(`/api/users/${id}/enable`, security)).statusCode, 200);
    const five = await signIn(app, 'zhao');
    const reset = await post(`/api/users/${id}/reset-password`, security);
    assert.equal(reset.statusCode, 200);
    assert.equal((await get('/api/session', five)).statusCode, 401);
    const initial = json(reset).initialPassword as string;
    assert.equal(json(await attempt('zhao', initial)).mustChangePassword, true);
  });

  test('an initial password must be changed first (403 PASSWORD_CHANGE_REQUIRED), under the password policy', async () => {
    const { user } = await userService(t.db.db, clock).add({ login: 'newbie', name: '新人', agencyId: t.bureauId, password: 'Initial-pass-123' }, operator('测试准备'));
    await userService(t.db.db, clock).grant(user.id, { role: 'publisher', agencyId: t.bureauId }, operator('测试准备'));
    const s = await signIn(app, 'newbie', 'Initial-pass-123');
    assert.equal(json(await get('/api/session', s)).mustChangePassword, true);
    for (const res of [await get(`/api/reports?agencyId=${t.bureauId}`, s), await get('/api/roles', s), await post('/api/reports', s, { agencyId: t.bureauId, year: 2023 })]) {
      assert.equal(res.statusCode, 403, res.body);
      assert.equal(json(res).code, 'PASSWORD_CHANGE_REQUIRED');
      assert.equal(json(res).message, '请先修改初始密码');
    }
    const change = (currentPassword: string, newPassword: string) =>
      app.inject({ method: 'PUT', url: '/api/session/password', headers: s.headers, payload: { currentPassword, newPassword } });
    const refused: Array<[string, string, RegExp]> = [
      ['Wrong-current-1', 'Brand-new-pass-1', /当前密码不正确/],
      ['Initial-pass-123', 'Short-1', /密码至少应有 10 个字符/],
      ['Initial-pass-123', 'alllowercaseletters', /密码应至少包含大写字母、小写字母、数字、符号中的三类/],
      ['Initial-pass-123', 'My-newbie-Pass-1', /密码不得包含登录名/],
      ['Initial-pass-123', 'Initial-pass-123', /新密码不得与当前密码相同/],
    ];
    for (const [current, next, message] of refused) {
      const res = await change(current, next);
      assert.equal(res.statusCode, 400, res.body);
      assert.match(json(res).message, message);
    }
    assert.equal((await get(`/api/reports?agencyId=${t.bureauId}`, s)).statusCode, 403);
    const done = await change('Initial-pass-123', 'Brand-new-pass-1');
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(json(done).mustChangePassword, false);
    assert.equal((await get(`/api/reports?agencyId=${t.bureauId}`, s)).statusCode, 200, 'the same session goes on');
    assert.equal((await attempt('newbie', 'Initial-pass-123')).statusCode, 401);
    assert.equal(json(await attempt('newbie', 'Brand-new-pass-1')).mustChangePassword, false);
  });

  test('the security log records sign-in, failures, lock-out, sign-out and role changes; it cannot be changed; the xlsx opens', async () => {
    const out = await signIn(app, 'li');
    assert.equal((await app.inject({ method: 'DELETE', url: '/api/session', headers: out.headers })).statusCode, 204);
    const res = await get('/api/security-log?limit=1000', auditor);
    assert.equal(res.statusCode, 200, res.body);
    const events = json<Array<{ type: string; typeName: string; login: string | null; success: boolean; actorName: string | null }>>(res);
    const has = (type: string, login: string) => events.some((e) => e.type === type && e.login === login);
    for (const [type, login] of [['sign-in', 'li'], ['sign-in-failed', 'nobody'], ['sign-in-failed', 'wang'], ['locked-out', 'wang'], ['sign-out', 'li'],
      ['session-expired', 'li'], ['role-revoked', 'zhao'], ['role-granted', 'zhao'], ['user-disabled', 'zhao'], ['password-reset', 'zhao'],
      ['password-changed', 'newbie'], ['access-denied', 'li']] as const) {
      assert.ok(has(type, login), `${type} of ${login}`);
    }
    assert.ok(events.every((e) => e.typeName && !/^[a-z-]+$/.test(e.typeName)), 'every type has a Chinese name');
    const failed = events.find((e) => e.type === 'sign-in-failed' && e.login === 'nobody')!;
    assert.equal(failed.success, false);
    assert.equal(failed.typeName, '登录失败');
    assert.ok(!res.body.includes('Wrong-password'), 'no password is logged');

    // Append-only, enforced by the database itself.
    const n = events.length;
    await assert.rejects(sql`update security_events set type = 'sign-in' where type = 'sign-in-failed'`.execute(t.db.db), /只能追加/);
    await assert.rejects(sql`delete from security_events`.execute(t.db.db), /只能追加/);
    assert.equal(json<unknown[]>(await get('/api/security-log?limit=1000', auditor)).length, n);
    assert.equal((await get('/api/security-log', security)).statusCode, 403, 'not for the security admin');

    const shown = json<unknown[]>(await get('/api/security-log?limit=1000', auditor)).length;
    const xlsx = await get('/api/security-log.xlsx', auditor);
    assert.equal(xlsx.statusCode, 200);
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('安全审计日志')!;
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1, 6), ['序号', '时间', '事件', '结果', '操作人']);
    assert.equal(sheet.rowCount - 1, shown);
    const typeNames = new Set<string>();
    sheet.eachRow((row, i) => { if (i > 1) typeNames.add(String(row.getCell(3).value)); });
    for (const name of ['登录', '登录失败', '账户锁定', '退出登录', '授予角色', '撤销角色']) assert.ok(typeNames.has(name), name);
    const exported = json<Array<{ type: string }>>(await get('/api/security-log?type=security-log-exported', auditor));
    assert.equal(exported.length, 1, 'the export itself is logged');
  });
});

forEachDialect('sign-in rate limit', (ctx) => {
  let t: TestApp;
  const clock = movableClock('2024-03-10T02:00:00.000Z');
  const WINDOW_MS = 3000;

  before(async () => {
    // The default limits (10 sign-ins a minute from one address), with a window of 2 s of real time instead of a minute.
    const defaults = DEFAULT_SECURITY_SETTINGS.rateLimits;
    t = await testApp(ctx, { clock, security: { ...DEFAULT_SECURITY_SETTINGS, rateLimits: { ...defaults, 'sign-in': { ...defaults['sign-in'], minutes: WINDOW_MS / MINUTE } } } });
    await createTestUser(t.db.db, 'target', ['drafter'], t.bureauId);
  });
  after(async () => t?.close());

  test('10,000 sign-in attempts from one address are refused with 429 in Chinese; the real user gets in after the lock-out', async () => {
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS + 100));
    const statuses = new Map<number, number>();
    let message = '';
    const ATTEMPTS = 10_000;
    // One after the other, as a script would (a burst in parallel is refused even more: the limiter counts it all at once).
    for (let i = 0; i < ATTEMPTS; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/session', payload: { login: 'target', password: `Guess-${i}` }, cookies: {} });
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode === 429 && !message) message = json(res).message;
    }
    const limited = statuses.get(429) ?? 0;
    const tried = statuses.get(401) ?? 0;
    assert.equal(limited + tried, ATTEMPTS, JSON.stringify([...statuses]));
    assert.ok(limited > ATTEMPTS * 0.95, `rate-limited ${limited}`);
    assert.match(message, /^请求过于频繁，请 \d+ 秒后再试$/);
    const failures = await t.db.db.selectFrom('security_events').select('id').where('type', '=', 'sign-in-failed').execute();
    assert.equal(failures.length, tried, 'only the attempts let through were checked (and logged)');
    assert.equal((await t.db.db.selectFrom('users').select('lockouts').where('login', '=', 'target').executeTakeFirstOrThrow()).lockouts > 0, true);

    // The real user: the address's window passes (real time), the lock-out ends (the app's clock).
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS + 100));
    assert.equal(json(await t.app.inject({ method: 'POST', url: '/api/session', payload: { login: 'target', password: TEST_PASSWORD }, cookies: {} })).code, 'ACCOUNT_LOCKED');
    clock.advance(61 * MINUTE);
    const ok = await t.app.inject({ method: 'POST', url: '/api/session', payload: { login: 'target', password: TEST_PASSWORD }, cookies: {} });
    assert.equal(ok.statusCode, 200, ok.body);
  });
});
