/**
 * gongkai search rebuild: rebuilds the index from every registered source (items, attachments, guides, reports) in one
 * transaction and says how many documents; help is printed.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { gongkai, hasStackTrace, tempDir } from './run-gongkai.js';

describe('gongkai search', () => {
  const data = tempDir();
  after(() => data.cleanup());

  it('rebuilds from the registered sources, and prints its usage', async () => {
    const rebuilt = await gongkai(['search', 'rebuild'], data.path);
    assert.equal(rebuilt.code, 0, rebuilt.stderr);
    assert.match(rebuilt.stdout, /已重建全文检索索引：\d+ 份文件（政府信息、附件、公开指南、年度报告、办事指南）/);
    assert.ok(!hasStackTrace(rebuilt.stderr), rebuilt.stderr);
    const help = await gongkai(['search', '--help'], data.path);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /gongkai search rebuild/);
  });
});
