/**
 * gongkai demo items against a fresh SQLite data directory: a few generated items published through the chain, then
 * visible on the demo bureau's portal readiness; bad options exit 2 with a Chinese message and add nothing.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { gongkai, hasStackTrace, suiteDirs } from './run-gongkai.js';

describe('gongkai demo items', () => {
  const { data } = suiteDirs();
  const run = (...args: string[]) => gongkai(args, data.path);
  const count = () => {
    const db = new Database(join(data.path, 'gongkai.sqlite'), { readonly: true });
    try {
      return (db.prepare("select count(*) as n from items where summary like '演示数据：%'").get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  it('refuses bad options with exit 2, then adds the items through the chain', async () => {
    for (const bad of [['--count', '0'], ['--count', '2001'], ['--count', 'abc'], ['--year', '1999']]) {
      const res = await run('demo', 'items', ...bad);
      assert.equal(res.code, 2, res.stderr);
      assert.match(res.stderr, /之间的整数/);
      assert.ok(!hasStackTrace(res.stderr));
    }
    const help = await run('demo', 'items', '--help');
    assert.match(help.stdout, /gongkai demo items \[--count 300\]/);
    const made = await run('demo', 'items', '--count', '6');
    assert.equal(made.code, 0, made.stderr);
    assert.match(made.stdout, /已为威海市环翠区行政审批服务局生成并发布 6 条演示政府信息（2024 年，经完整审核流程）/);
    assert.equal(count(), 6);
  });
});
