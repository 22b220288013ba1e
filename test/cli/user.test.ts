/**
 * gongkai user …: the real command line on an installation that has agencies but no user yet (a
 * database from before sign-in existed): the first security administrator is created from the
 * command line and can then sign in to the web API; grants, revocation, disabling and password
 * reset take effect at once; mistakes get Chinese messages and exit 2; the server says how to create
 * the first administrator when there is no user.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { agencyService } from '../../src/agencies/agency.service.js';
import { operator } from '../../src/core/actor.js';
import { systemClock } from '../../src/core/clock.js';
import { openSqlite, type Db } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrations.js';
import { buildApp } from '../../src/http/app.js';
import { startServer } from '../../src/server.js';
import { testPii } from '../pii-helpers.js';
import { gongkai, hasStackTrace, suiteDirs } from './run-gongkai.js';

const GOVERNMENT = '某市人民政府';
const BUREAU = '某市司法局';
const ADMIN_PASSWORD = 'Erste-Anmeldung-2026';

/** A database with two agencies and no user, as an installation from before sign-in existed. */
async function installationWithoutUsers(dataDir: string): Promise<void> {
  const db = openSqlite(join(dataDir, 'gongkai.sqlite'));
  await migrate(db.db);
  const agencies = agencyService(db.db, systemClock);
  const government = await agencies.create({ name: GOVERNMENT, kind: 'government' }, operator('旧版本'));
  await agencies.create({ name: BUREAU, kind: 'department', parentId: government.id }, operator('旧版本'));
  await db.close();
}

/** Signs in through the API; returns the status, the session body and the cookie. */
async function signInApi(app: FastifyInstance, login: string, password: string) {
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { login, password } });
  const cookie = res.cookies.find((c) => c.name === 'gongkai_session');
  return { status: res.statusCode, body: JSON.parse(res.body), cookie: cookie ? `gongkai_session=${cookie.value}` : '' };
}

describe('gongkai user', () => {
  const { data } = suiteDirs();
  const run = (args: string[], input?: string) => gongkai(['user', ...args], data.path, { input });
  let db: Db;
  let app: FastifyInstance;

  before(async () => {
    await installationWithoutUsers(data.path);
  });
  after(async () => {
    await app?.close();
    await db?.close();
  });

  /** The app on the installation's database (opened after the CLI has written to it). */
  async function openApp(): Promise<FastifyInstance> {
    if (!app) {
      db = openSqlite(join(data.path, 'gongkai.sqlite'));
      app = await buildApp({ db, clock: systemClock, pii: testPii });
    }
    return app;
  }

  it('prints how to create the first administrator when the server starts without any user', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const server = await startServer({ GONGKAI_DATA_DIR: data.path, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
    try {
      assert.equal(server.noUsers, true);
    } finally {
      await server.stop();
    }
    const { FIRST_ADMIN_HINT } = await import('../../src/server.js');
    assert.match(FIRST_ADMIN_HINT, /gongkai user add .*--role security-admin/);
  });

  it('lists no user on a fresh installation and creates the first security admin with a generated initial password', async () => {
    const empty = await run(['list']);
    assert.equal(empty.code, 0, empty.stderr);
    assert.match(empty.stdout, /尚无用户/);

    const added = await run(['add', '--login', 'admin', '--name', '张安全', '--agency', GOVERNMENT, '--role', 'security-admin', '--subtree']);
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /已添加用户 admin（张安全，某市人民政府），角色：安全管理员（某市人民政府及下级机关）/);
    const initial = /初始密码[^：]*：(\S+)/.exec(added.stdout)?.[1];
    assert.ok(initial, added.stdout);

    const api = await openApp();
    const session = await signInApi(api, 'admin', initial);
    assert.equal(session.status, 200, JSON.stringify(session.body));
    assert.equal(session.body.mustChangePassword, true);
    assert.deepEqual(session.body.permissions, ['agency.read', 'user.manage']);
    const blocked = await api.inject({ method: 'GET', url: '/api/users', headers: { cookie: session.cookie } });
    assert.equal(blocked.statusCode, 403);
    assert.equal(JSON.parse(blocked.body).code, 'PASSWORD_CHANGE_REQUIRED');

    // The log names the local operator as the actor.
    const log = await db.db.selectFrom('security_events').selectAll().where('type', '=', 'user-created').execute();
    assert.equal(log.length, 1);
    assert.match(log[0]!.actor_name ?? '', /^本机操作员（命令行/);
    assert.equal(log[0]!.actor_id, null);
  });

  it('takes a password from standard input, final with --no-change-required', async () => {
    const added = await run(['add', '--login', 'li.si', '--name', '李四', '--agency', BUREAU, '--role', '经办人', '--role', 'publisher',
      '--office', '办公室', '--phone', '0631-1234567', '--password-stdin', '--no-change-required'], `${ADMIN_PASSWORD}\n`);
    assert.equal(added.code, 0, added.stderr);
    assert.doesNotMatch(added.stdout, /初始密码|Erste/);
    const session = await signInApi(await openApp(), 'li.si', ADMIN_PASSWORD);
    assert.equal(session.status, 200);
    assert.equal(session.body.mustChangePassword, false);
    assert.deepEqual(session.body.grants.map((g: { roleName: string }) => g.roleName), ['经办人', '信息公开专职人员']);

    const listed = await run(['list']);
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /登录名\s+姓名\s+所在机关/);
    assert.match(listed.stdout, /li\.si\s+李四\s+某市司法局\s+办公室\s+启用\s+否\s+经办人（某市司法局）、信息公开专职人员（某市司法局）/);
    assert.match(listed.stdout, /admin\s+张安全\s+某市人民政府\s+启用\s+是\s+安全管理员（某市人民政府及下级机关）/);
    assert.match(listed.stdout, /共 2 个用户/);
  });

  it('grants and revokes roles, keeps the three administrators apart, and ends the sessions of the user concerned', async () => {
    const api = await openApp();
    const before = await signInApi(api, 'li.si', ADMIN_PASSWORD);
    const granted = await run(['grant', 'li.si', '--role', 'leader', '--agency', BUREAU]);
    assert.equal(granted.code, 0, granted.stderr);
    assert.match(granted.stdout, /领导（某市司法局）/);
    assert.equal((await api.inject({ method: 'GET', url: '/api/session', headers: { cookie: before.cookie } })).statusCode, 401);

    const conflict = await run(['grant', 'admin', '--role', 'drafter', '--agency', BUREAU]);
    assert.equal(conflict.code, 2);
    assert.match(conflict.stderr, /安全管理员不得同时担任业务角色“经办人”，三员分立/);
    assert.equal(hasStackTrace(conflict.stderr), false);

    const revoked = await run(['revoke', 'li.si', '--role', '领导', '--agency', BUREAU]);
    assert.equal(revoked.code, 0, revoked.stderr);
    assert.doesNotMatch(revoked.stdout, /领导/);
    const again = await run(['revoke', 'li.si', '--role', 'leader', '--agency', BUREAU]);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /没有“领导”角色/);
    const types = (await db.db.selectFrom('security_events').select('type').where('login', '=', 'li.si').execute()).map((e) => e.type);
    assert.ok(types.includes('role-granted') && types.includes('role-revoked'), types.join());
  });

  it('disables (sessions end at once, sign-in refused), enables, and resets a password to be changed', async () => {
    const api = await openApp();
    const session = await signInApi(api, 'li.si', ADMIN_PASSWORD);
    const disabled = await run(['disable', 'li.si']);
    assert.equal(disabled.code, 0, disabled.stderr);
    assert.match(disabled.stdout, /已停用用户 li\.si/);
    assert.equal((await api.inject({ method: 'GET', url: '/api/session', headers: { cookie: session.cookie } })).statusCode, 401);
    assert.equal((await signInApi(api, 'li.si', ADMIN_PASSWORD)).status, 401);
    assert.match((await run(['list'])).stdout, /li\.si\s+李四\s+某市司法局\s+办公室\s+已停用/);

    assert.equal((await run(['enable', 'li.si'])).code, 0);
    assert.equal((await signInApi(api, 'li.si', ADMIN_PASSWORD)).status, 200);

    const reset = await run(['reset-password', 'li.si', '--password-stdin'], 'Zweites-Passwort-77\n');
    assert.equal(reset.code, 0, reset.stderr);
    assert.equal((await signInApi(api, 'li.si', ADMIN_PASSWORD)).status, 401);
    const afterReset = await signInApi(api, 'li.si', 'Zweites-Passwort-77');
    assert.equal(afterReset.status, 200);
    assert.equal(afterReset.body.mustChangePassword, true);

    const generated = await run(['reset-password', 'li.si']);
    assert.equal(generated.code, 0, generated.stderr);
    assert.match(generated.stdout, /新的初始密码（仅显示这一次）：\S{14}/);
  });

  it('answers mistakes in Chinese with exit 2 and changes nothing', async () => {
    const count = async () => (await db.db.selectFrom('users').select('id').execute()).length;
    const users = await count();
    const cases: Array<[string[], RegExp, string?]> = [
      [['add', '--name', '王五', '--agency', BUREAU, '--role', 'drafter'], /缺少选项 --login（登录名）/],
      [['add', '--login', 'wang', '--name', '王五', '--agency', BUREAU], /缺少选项 --role（角色）/],
      [['add', '--login', 'wang', '--name', '王五', '--agency', BUREAU, '--role', 'boss'], /未知角色“boss”，应为：drafter（经办人）/],
      [['add', '--login', 'wang', '--name', '王五', '--agency', '不存在的局', '--role', 'drafter'], /找不到机关“不存在的局”/],
      [['add', '--login', 'admin', '--name', '王五', '--agency', BUREAU, '--role', 'drafter'], /登录名“admin”已被使用/],
      [['add', '--login', 'wang', '--name', '王五', '--agency', BUREAU, '--role', 'drafter', '--password-stdin'], /密码至少应有 10 个字符/, 'short\n'],
      [['add', '--login', 'wang', '--name', '王五', '--agency', BUREAU, '--role', 'drafter', '--no-change-required'], /只能与 --password-stdin 一起使用/],
      [['add', '--login', 'wang', '--name', '王五', '--agency', BUREAU, '--role', 'drafter', '--password-stdin'], /标准输入中没有密码/, ''],
      [['add', '--login', 'wang', '--bogus'], /未知选项 --bogus/],
      [['disable', 'nobody'], /未找到登录名为“nobody”的用户/],
      [['disable'], /缺少参数 LOGIN（登录名）/],
      [['grant', 'li.si', '--agency', BUREAU], /缺少选项 --role（角色）/],
      [['frobnicate'], /未知命令“user frobnicate”/],
    ];
    for (const [args, message, input] of cases) {
      const res = await run(args, input);
      assert.equal(res.code, 2, `${args.join(' ')}: ${res.stdout}${res.stderr}`);
      assert.match(res.stderr, message, args.join(' '));
      assert.equal(hasStackTrace(res.stderr), false);
    }
    assert.equal(await count(), users);
    const help = await run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /gongkai user add --login 登录名/);
  });
});
