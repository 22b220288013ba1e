/**
 * gongkai demo disclosure-year on a fresh SQLite data directory (demo data made by the command line, without the
 * year): plays the scripted 2025 year once, then refuses a second time with exit code and a Chinese message.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gongkai, hasStackTrace, suiteDirs } from './run-gongkai.js';

describe('gongkai demo disclosure-year', () => {
  const { data } = suiteDirs();
  const run = (...args: string[]) => gongkai(args, data.path);

  it('plays the year on the demo bureau once; the 2025 report is then listed as published', async () => {
    const played = await run('demo', 'disclosure-year');
    assert.equal(played.code, 0, played.stderr);
    assert.match(played.stdout, /已为威海市环翠区行政审批服务局演练 2025 年度主动公开（演示数据）：政府信息 93 条，2025 年度报告已发布。/);
    const list = await run('report', 'list');
    assert.match(list.stdout, /2025/);
    const again = await run('demo', 'disclosure-year');
    assert.notEqual(again.code, 0);
    assert.match(again.stderr, /已有政府信息，不再演练演示年度/);
    assert.ok(!hasStackTrace(again.stderr));
    const help = await run('demo', '--help');
    assert.match(help.stdout, /gongkai demo disclosure-year/);
  });
});
