import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allPermissions, holdsAnywhere, holdsIn } from './grants.js';
import { passwordProblems } from './password-policy.js';
import { ROLES, ROLE_KEYS, separationConflict } from './roles.js';
import { afterFailure, DEFAULT_SIGN_IN_SETTINGS as S, isLocked, sessionExpiry } from './sign-in-policy.js';

test('every role has a Chinese name and the administrators hold no business permission', () => {
  for (const key of ROLE_KEYS) assert.match(ROLES[key].name, /[\u4e00-\u9fff]/);
  assert.ok(!ROLES['security-admin'].permissions.some((p) => p.startsWith('report.') || p.startsWith('application.')));
  assert.ok(!ROLES['audit-admin'].permissions.some((p) => p !== 'security-log.read'));
  assert.ok(ROLES.leader.permissions.includes('application.extend') && ROLES.leader.permissions.includes('period.override'));
  assert.ok(!ROLES['case-handler'].permissions.includes('period.override'));
});

test('三员分立: an administrator role is held alone', () => {
  assert.equal(separationConflict([], 'security-admin'), null);
  assert.match(separationConflict(['security-admin'], 'publisher')!, /安全管理员不得同时担任业务角色/);
  assert.match(separationConflict(['publisher'], 'audit-admin')!, /审计管理员不得同时担任其他角色/);
  assert.match(separationConflict(['system-admin'], 'security-admin')!, /三员分立/);
  assert.equal(separationConflict(['drafter', 'leader'], 'publisher'), null);
  assert.equal(separationConflict(['publisher'], 'publisher'), null);
});

test('a grant holds in its agency, and in the subtree only when it says so', () => {
  const grants = [{ role: 'publisher' as const, agencyId: 2, subtree: false }, { role: 'supervisor' as const, agencyId: 1, subtree: true }];
  assert.ok(holdsIn(grants, 'report.publish', [2, 1]));
  assert.ok(!holdsIn(grants, 'report.publish', [3, 1]), 'not in a sibling');
  assert.ok(!holdsIn(grants, 'report.publish', [5, 2, 1]), 'not below the bureau without subtree');
  assert.ok(holdsIn(grants, 'application.read', [5, 2, 1]), 'the supervisor reads the whole district');
  assert.ok(!holdsIn(grants, 'application.personal', [5, 2, 1]));
  assert.ok(holdsAnywhere(grants, 'report.publish'));
  assert.ok(!holdsAnywhere(grants, 'user.manage'));
  assert.ok(allPermissions(grants).includes('statistics.read'));
});

test('the password policy: 10 characters from three classes, not the login', () => {
  assert.deepEqual(passwordProblems('Abcdefgh12'), []);
  assert.deepEqual(passwordProblems('Abc-1'), ['密码至少应有 10 个字符']);
  assert.deepEqual(passwordProblems('abcdefghijk'), ['密码应至少包含大写字母、小写字母、数字、符号中的三类']);
  assert.deepEqual(passwordProblems('Zhangsan-2024', 'zhangsan'), ['密码不得包含登录名']);
});

test('five failures lock the account, each lock-out longer, never forever', () => {
  let state = { failures: 0, lockouts: 0, lockedUntil: null as string | null };
  const now = '2026-01-01T00:00:00.000Z';
  for (let i = 0; i < 4; i++) state = afterFailure(state.failures, state.lockouts, now, S);
  assert.equal(state.lockedUntil, null);
  state = afterFailure(state.failures, state.lockouts, now, S);
  assert.equal(state.lockedUntil, '2026-01-01T00:05:00.000Z');
  assert.ok(isLocked(state.lockedUntil, '2026-01-01T00:04:59.000Z'));
  assert.ok(!isLocked(state.lockedUntil, '2026-01-01T00:05:00.000Z'));
  for (let round = 0; round < 10; round++) for (let i = 0; i < 5; i++) state = afterFailure(state.failures, state.lockouts, now, S);
  assert.equal(state.lockedUntil, '2026-01-01T01:00:00.000Z', 'capped at an hour');
});

test('sessions end after 30 idle minutes or 12 hours', () => {
  const s = { createdAt: '2026-01-01T00:00:00.000Z', lastSeenAt: '2026-01-01T08:00:00.000Z' };
  assert.equal(sessionExpiry(s, '2026-01-01T08:29:59.000Z', S), null);
  assert.equal(sessionExpiry(s, '2026-01-01T08:30:00.000Z', S), 'idle');
  assert.equal(sessionExpiry({ ...s, lastSeenAt: '2026-01-01T11:59:00.000Z' }, '2026-01-01T12:00:00.000Z', S), 'absolute');
});
