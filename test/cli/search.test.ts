/**
 * gongkai search rebuild: with no feature registering a source yet it refuses (exit 2, a Chinese message, the
 * index left as it is) rather than empty an index that publishing keeps; help is printed.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { gongkai, hasStackTrace, tempDir } from './run-gongkai.js';

describe('gongkai search', () => {
  const data = tempDir();
  after(() => data.cleanup());

  it('refuses to rebuild from no source, and prints its usage', async () => {
    const refused = await gongkai(['search', 'rebuild'], data.path);
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(refused.stderr, /尚无功能登记检索来源，未重建全文检索索引（索引保持不变）/);
    assert.ok(!hasStackTrace(refused.stderr), refused.stderr);
    const help = await gongkai(['search', '--help'], data.path);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /gongkai search rebuild/);
  });
});
