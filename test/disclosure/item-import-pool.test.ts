import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createItemReadPool } from '../../src/disclosure/item-import-pool.js';
import { readItemFile } from '../../src/disclosure/item-import-read.js';
import { row, xlsxOf } from './item-import-helpers.js';

test('the worker loads under tsx and reads a file as the main thread does', async () => {
  const pool = createItemReadPool({ maxThreads: 1 });
  try {
    const file = await xlsxOf([row(1), row(2, { 正文: '<p>a<script>x</script></p>' })]);
    const inWorker = await pool.read(file, 'a.xlsx');
    assert.deepEqual(inWorker, await readItemFile(file, 'a.xlsx'));
    assert.equal(inWorker.rows.length, 2);
    assert.equal(inWorker.rows[1]!.cells.body, '<p>a</p>');
  } finally {
    await pool.close();
  }
});
