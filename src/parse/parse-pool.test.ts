/**
 * Reading on worker threads (issue 11): the same result as reading here for every file type; a file that runs past
 * the time limit or exhausts its worker's heap becomes that file's Chinese error, the pool goes on with the next
 * file and the process survives; a 50 MB text that is no report is read through in bounded time; an image named
 * .pdf is named for what it is; the bytes are moved only when given up.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { fromInterchange } from '../core/interchange/from-interchange.js';
import { renderDocx } from '../render/docx/render-docx.js';
import { renderHtml } from '../render/html/render-html.js';
import { renderPdf } from '../render/pdf/render-pdf.js';
import { parseReportFile } from './parse-file.js';
import { parseResultSummary, resultProblems } from './parse-summary.js';
import { closeParsePool, createParsePool, defaultParseThreads, parseInWorker, timeoutMessage } from './parse-pool.js';

const root = new URL('../../', import.meta.url);
const seedText = readFileSync(new URL('test/corpus/txt/seed-huancui-2019.txt', root));
const report = fromInterchange(JSON.parse(readFileSync(new URL('test/fixtures/full-2021.json', root), 'utf8')));

describe('reading on the parse pool', () => {
  after(() => closeParsePool());

  it('gives the same result as parseReportFile for text, HTML, DOCX and PDF', async () => {
    const files: Array<[string, Uint8Array]> = [
      ['seed.txt', seedText],
      ['full.html', Buffer.from(renderHtml(report))],
      ['full.docx', await renderDocx(report)],
      ['full.pdf', await renderPdf(report)],
    ];
    const results = await Promise.all(files.map(([name, bytes]) => parseInWorker(bytes, name)));
    for (const [i, [name, bytes]] of files.entries()) {
      assert.equal(results[i]!.error, null, `${name}: ${results[i]!.error}`);
      assert.deepEqual(results[i], await parseReportFile(bytes, name), name);
    }
  });

  it('sends back only the audit row and problems when summarizing', async () => {
    const pool = createParsePool({ maxThreads: 1 });
    try {
      const html = Buffer.from(renderHtml(report));
      const expected = await parseReportFile(html, 'full.html');
      assert.deepEqual(await pool.summarize(html, 'full.html'), { row: parseResultSummary(expected), problems: resultProblems(expected) });
      const slow = await pool.summarize(seedText, '慢.txt', { timeoutMs: 1 });
      assert.equal(slow.row.error, '读取超时（超过 1 秒），已停止；其余文件继续');
      assert.equal(slow.row.file, '慢.txt');
    } finally {
      await pool.close();
    }
  });

  it('names an image renamed .pdf for what it is', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const result = await parseInWorker(png, '报告.pdf');
    assert.equal(result.report, null);
    assert.match(result.error ?? '', /^不是可识别的报告文件（PNG 图片；扫描件请先进行文字识别/);
  });

  it('moves the bytes only when given up, and only a whole buffer', async () => {
    const kept = Buffer.from(seedText);
    await parseInWorker(kept, 'seed.txt');
    assert.equal(kept.length, seedText.length, 'copied: the caller keeps its bytes');
    const given = new Uint8Array(seedText);
    const result = await parseInWorker(given, 'seed.txt', { move: true });
    assert.equal(result.error, null);
    assert.equal(given.byteLength, 0, 'moved: the buffer now belongs to the worker');
    const slice = new Uint8Array(seedText).subarray(0, 1000);
    await parseInWorker(slice, 'seed.txt', { move: true });
    assert.equal(slice.byteLength, 1000, 'a view into a larger buffer is copied, never moved');
  });

  it('reads a 50 MB text that holds no report through to its error, within the time limit', async () => {
    const line = '这是一段没有年度报告内容的文字，用于核查大文件的读取。\n';
    const text = Buffer.from(line.repeat(Math.floor((50 * 1024 * 1024 - 1) / Buffer.byteLength(line))));
    const result = await parseInWorker(text, '大文件.txt', { move: true, timeoutMs: 170_000 });
    assert.equal(result.report, null);
    assert.match(result.error ?? '', /^未识别出政府信息公开工作年度报告/);
  });

  it('sizes the pool from GONGKAI_PARSE_THREADS, else the cores', () => {
    assert.equal(defaultParseThreads({ GONGKAI_PARSE_THREADS: '3' }), 3);
    assert.ok(defaultParseThreads({ GONGKAI_PARSE_THREADS: 'x' }) >= 1);
  });
});

describe('a file that takes too long or too much memory', () => {
  it('is stopped at the time limit with a Chinese message, and the next file is read', async () => {
    const pool = createParsePool({ maxThreads: 1, timeoutMs: 1 });
    try {
      const slow = await pool.parse(seedText, '慢.txt');
      assert.equal(slow.report, null);
      assert.equal(slow.error, '读取超时（超过 1 秒），已停止；其余文件继续');
      assert.equal(timeoutMessage(90_000), '读取超时（超过 90 秒），已停止；其余文件继续');
      const next = await pool.parse(seedText, 'seed.txt', { timeoutMs: 120_000 });
      assert.equal(next.error, null);
      assert.equal(next.report?.year, 2019);
    } finally {
      await pool.close();
    }
  });

  it('starts a file’s time limit when a worker takes it, not while it waits behind a slow one', async () => {
    const pool = createParsePool({ maxThreads: 1 });
    try {
      const slow = Buffer.from('这是一段没有年度报告内容的文字，用于核查大文件的读取。\n'.repeat(600_000));
      const [first, second] = await Promise.all([
        pool.parse(slow, '慢.txt', { timeoutMs: 3000, move: true }),
        pool.parse(Buffer.from('你好'), '快.txt', { timeoutMs: 2500 }),
      ]);
      assert.equal(first.error, '读取超时（超过 3 秒），已停止；其余文件继续');
      assert.match(second.error ?? '', /^未识别出政府信息公开工作年度报告/);
    } finally {
      await pool.close();
    }
  });

  it('ends only its worker when it exhausts the heap; the process and the pool go on', async () => {
    const pool = createParsePool({ maxThreads: 1, maxHeapMb: 64 });
    try {
      // Lines: the heap fills step by step (see parse-pool.ts on one-shot allocations past the limit).
      const big = Buffer.from('这是一段没有年度报告内容的文字。\n'.repeat(1_000_000));
      const result = await pool.parse(big, '巨大.txt', { move: true });
      assert.equal(result.report, null);
      assert.match(result.error ?? '', /^读取时内存超出限制（每个文件最多 64 MB），已停止；.*其余文件继续$/);
      const next = await pool.parse(seedText, 'seed.txt');
      assert.equal(next.error, null);
    } finally {
      await pool.close();
    }
  });
});
