import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { inspectAttachment } from '../../src/inspect/inspect-attachment.js';
import { closeInspectPool, createInspectPool, inspectInWorker } from '../../src/inspect/inspect-pool.js';
import { idNumber, makeDocx, makePdf, pdfText, table } from './fixtures.js';

const run = promisify(execFile);
const script = new URL('./pool-script.ts', import.meta.url).pathname;
const root = new URL('../../', import.meta.url).pathname;

describe('inspection on worker threads', () => {
  after(() => closeInspectPool());

  it('gives the same result as inspecting on this thread', async () => {
    const docx = await makeDocx(table([['张三', idNumber()]]));
    const size = docx.byteLength;
    const fromWorker1 = await inspectInWorker(docx, '名单.docx');
    assert.equal(docx.byteLength, size, 'the caller keeps its bytes (a copy is moved to the worker)');
    assert.deepEqual(fromWorker1, await inspectAttachment(docx, '名单.docx'));
    const pdf = makePdf([{ content: pdfText(72, 700, 'Tel 13812345678') }]);
    const fromWorker = await inspectInWorker(pdf, 'a.pdf');
    assert.ok(fromWorker.ok && fromWorker.findings[0]?.kind === 'mobile');
    const exe = await inspectInWorker(new Uint8Array(Buffer.from('MZ\0\0')), '通知.pdf');
    assert.equal(exe.ok ? '' : exe.message, '附件“通知.pdf”的内容不是 PDF 文件（实为可执行程序），不能上传');
  });

  it('passes limits and can be closed, and a closed shared pool restarts on the next call', async () => {
    const pool = createInspectPool({ maxThreads: 1 });
    const result = await pool.inspect(new Uint8Array(2000), 'x.pdf', { maxBytes: 1000 });
    assert.equal(result.ok ? '' : result.code, 'too-large');
    await pool.close();
    await closeInspectPool();
    const again = await inspectInWorker(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 'a.jpg');
    assert.equal(again.ok && again.fileType, 'jpeg');
  });

  for (const [label, command, args] of [
    ['the tsx CLI', 'npx', ['tsx', script]],
    ['node --import tsx', process.execPath, ['--import', 'tsx', script]],
  ] as const) {
    it(`loads the .ts worker under ${label} and exits once closed`, async () => {
      const { stdout } = await run(command, [...args], { cwd: root, timeout: 60_000 });
      const result = JSON.parse(stdout.trim().split('\n').pop()!);
      assert.equal(result.ok, true);
      assert.deepEqual(result.findings.map((f: { kind: string }) => f.kind), ['name-near-number', 'resident-id']);
    });
  }
});

describe('a file that takes too long', () => {
  it('is refused with a Chinese message and the pool goes on', async () => {
    const pool = createInspectPool({ maxThreads: 1, timeoutMs: 1 });
    try {
      const pdf = makePdf(Array.from({ length: 30 }, () => ({ content: pdfText(72, 700, 'Tel 13812345678') })));
      const result = await pool.inspect(pdf, '大文件.pdf');
      assert.equal(result.ok ? '' : result.code, 'too-complex');
      assert.match(result.ok ? '' : result.message, /^附件“大文件.pdf”处理时间超过 1 秒/);
    } finally {
      await pool.close();
    }
  });
});
