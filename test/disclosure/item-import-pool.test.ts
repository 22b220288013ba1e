import assert from 'node:assert/strict';
import { test } from 'node:test';
import JSZip from 'jszip';
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

/** An XLSX whose one sheet unpacks to some 120 MB of rows from some 7 MB: a zip bomb of the modest kind. */
async function zipBomb(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await xlsxOf([row(1)]));
  const name = Object.keys(zip.files).find((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))!;
  const cells = Array.from({ length: 5 }, (_, c) => `<c r="${String.fromCharCode(65 + c)}R" t="inlineStr"><is><t>炸弹</t></is></c>`).join('');
  const rows = Array.from({ length: 400_000 }, (_, i) => `<row r="${i + 1}">${cells.replaceAll('R"', `${i + 1}"`)}</row>`).join('');
  zip.file(name, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

test('a zip bomb ends its worker with a "too large" error, not the server; the pool reads the next file', async () => {
  const pool = createItemReadPool({ maxThreads: 1, maxMemoryMb: 96 });
  try {
    const bomb = await zipBomb();
    assert.ok(bomb.length < 10 * 2 ** 20, `bomb of ${bomb.length} bytes`);
    await assert.rejects(pool.read(bomb, 'bomb.xlsx'), (e: Error & { code?: string }) => e.code === 'PAYLOAD_TOO_LARGE' && /解压后的内容过大/.test(e.message));
    assert.equal((await pool.read(await xlsxOf([row(1)]), 'a.xlsx')).rows.length, 1);
  } finally {
    await pool.close();
  }
});
