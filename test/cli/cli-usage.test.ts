/**
 * The command line's help, usage errors and agency commands.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { DEMO_AGENCY, gongkai, hasStackTrace, ROOT, tempDir } from './run-gongkai.js';

describe('gongkai usage and agencies', () => {
  const data = tempDir();
  after(() => data.cleanup());

  it('prints help with --help (exit 0) and usage for unknown commands and options (exit 2)', async () => {
    const help = await gongkai(['--help'], data.path);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^用法：gongkai <命令>/);
    assert.match(help.stdout, /report check FILE/);

    const reportHelp = await gongkai(['report', '--help'], data.path);
    assert.equal(reportHelp.code, 0);
    assert.match(reportHelp.stdout, /gongkai report export --agency/);

    const none = await gongkai([], data.path);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /用法：gongkai/);

    const unknown = await gongkai(['publish'], data.path);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^错误：未知命令“publish”/);
    assert.match(unknown.stderr, /用法：gongkai <命令>/);

    const sub = await gongkai(['report', 'frobnicate'], data.path);
    assert.equal(sub.code, 2);
    assert.match(sub.stderr, /未知命令“report frobnicate”/);

    const option = await gongkai(['report', 'list', '--colour'], data.path);
    assert.equal(option.code, 2);
    assert.match(option.stderr, /^错误：未知选项 --colour/);
    assert.match(option.stderr, /用法：gongkai report/);

    const year = await gongkai(['report', 'list', '--year', '19'], data.path);
    assert.equal(year.code, 2);
    assert.match(year.stderr, /年度应为四位数字/);
    for (const r of [unknown, sub, option, year]) assert.ok(!hasStackTrace(r.stderr), r.stderr);
  });

  it('lists agencies as an indented tree and adds one under a parent', async () => {
    const list = await gongkai(['agency', 'list'], data.path);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, new RegExp(`^  ${DEMO_AGENCY}（编号 \\d+，`, 'm'));

    const added = await gongkai(['agency', 'add', '环翠区政务服务中心', '--kind', 'unit', '--parent', DEMO_AGENCY], data.path);
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /^已添加机关：环翠区政务服务中心（编号 \d+，/);

    const tree = await gongkai(['agency', 'list'], data.path);
    const lines = tree.stdout.split('\n');
    const bureau = lines.findIndex((l) => l.includes(DEMO_AGENCY));
    assert.match(lines[bureau + 1]!, /^    环翠区政务服务中心（/);

    const dup = await gongkai(['agency', 'add', '环翠区政务服务中心', '--kind', 'unit', '--parent', DEMO_AGENCY], data.path);
    assert.equal(dup.code, 2);
    assert.match(dup.stderr, /已存在/);

    const kind = await gongkai(['agency', 'add', '某局', '--kind', 'bureau'], data.path);
    assert.equal(kind.code, 2);
    assert.match(kind.stderr, /机关类别“bureau”无效/);

    const parent = await gongkai(['agency', 'add', '某局', '--kind', 'department', '--parent', '不存在的政府'], data.path);
    assert.equal(parent.code, 2);
    assert.match(parent.stderr, /找不到机关“不存在的政府”/);
    assert.match(parent.stderr, /gongkai agency list/);
  });

  it('reports a data directory that cannot hold the database as an error (exit 2)', async () => {
    const file = join(data.path, 'not-a-dir');
    writeFileSync(file, 'x');
    const res = await gongkai(['report', 'list'], file);
    assert.equal(res.code, 2);
    assert.match(res.stderr, /^错误：无法打开 SQLite 数据库 .*not-a-dir/);
    assert.ok(!hasStackTrace(res.stderr), res.stderr);
  });

  it('prints an unexpected failure as one line (exit 3), with the stack only when GONGKAI_DEBUG=1', async () => {
    // A database whose "agencies" table is not ours: the migration fails, which is not the user's input error.
    const dir = join(data.path, 'foreign-db');
    mkdirSync(dir);
    const sqlite = new Database(join(dir, 'gongkai.sqlite'));
    sqlite.exec('create table agencies (x text)');
    sqlite.close();
    const res = await gongkai(['report', 'list'], dir);
    assert.equal(res.code, 3);
    assert.match(res.stderr, /^内部错误：数据库迁移失败/);
    assert.equal(res.stderr.trimEnd().split('\n').length, 1);
    assert.ok(!hasStackTrace(res.stderr), res.stderr);
    const debug = await gongkai(['report', 'list'], dir, { env: { GONGKAI_DEBUG: '1' } });
    assert.equal(debug.code, 3);
    assert.ok(hasStackTrace(debug.stderr), debug.stderr);
  });

  it('runs as `npx gongkai` from the checkout (npm links the project\'s own bin, no registry)', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, GONGKAI_DATA_DIR: data.path, TZ: 'Asia/Shanghai' };
    delete env.NODE_TEST_CONTEXT;
    delete env.NODE_OPTIONS;
    // --yes=false: never install from the registry; a local bin is used without asking.
    const res = spawnSync('npx', ['--yes=false', 'gongkai', '--help'], { cwd: join(ROOT, 'src'), env, encoding: 'utf8', timeout: 60_000 });
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stdout, /^用法：gongkai <命令>/);
  });
});

