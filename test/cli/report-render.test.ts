/**
 * gongkai report render: each output format is written where asked, with the right file
 * signature, and the command says where and how large.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gongkai, hasStackTrace, SEED, suiteDirs } from './run-gongkai.js';

describe('gongkai report render', () => {
  const { data, work } = suiteDirs();

  const render = async (to: string, name: string) => {
    const out = join(work.path, name);
    const res = await gongkai(['report', 'render', SEED, '--to', to, '-o', out], data.path);
    assert.equal(res.code, 0, res.stderr);
    assert.ok(existsSync(out), `${out} written`);
    const size = statSync(out).size;
    assert.match(res.stdout, new RegExp(`^已写入 .*${name}（[^，]+，[\\d.]+ (KB|MB|字节)）$`, 'm'));
    return { bytes: readFileSync(out), size, stdout: res.stdout };
  };

  it('writes a PDF (%PDF-)', async () => {
    const { bytes, stdout } = await render('pdf', 'report.pdf');
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(bytes.subarray(-1024).toString('latin1'), /%%EOF/);
    assert.match(stdout, /（PDF，/);
  });

  it('writes a Word document (a zip holding word/document.xml)', async () => {
    const { bytes } = await render('docx', 'report.docx');
    assert.deepEqual([...bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04]);
    assert.ok(bytes.includes(Buffer.from('word/document.xml')));
  });

  it('writes a print-ready HTML page with the report', async () => {
    const { bytes } = await render('html', 'report.html');
    const text = bytes.toString('utf8');
    assert.match(text.slice(0, 100), /^<!doctype html>/i);
    assert.ok(text.includes('威海市环翠区行政审批服务局2019年政府信息公开工作年度报告'));
    assert.ok(text.includes('17302'));
  });

  it('writes the interchange JSON, identical in cells to the input', async () => {
    const { bytes } = await render('json', 'out/report.json');
    const doc = JSON.parse(bytes.toString('utf8'));
    const seed = JSON.parse(readFileSync(SEED, 'utf8'));
    assert.equal(doc.kind, 'gongkai.annual-report');
    assert.deepEqual(doc.cells, seed.cells);
  });

  it('defaults the output to the input name with the format extension', async () => {
    const input = join(work.path, 'seed-copy.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(input, readFileSync(SEED));
    const res = await gongkai(['report', 'render', input, '--to', 'html'], data.path);
    assert.equal(res.code, 0, res.stderr);
    assert.ok(existsSync(join(work.path, 'seed-copy.html')));
  });

  it('refuses an unknown format or a missing --to with usage, exit 2', async () => {
    const bad = await gongkai(['report', 'render', SEED, '--to', 'odt', '-o', join(work.path, 'x.odt')], data.path);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /不支持的输出格式“odt”（可选：html、docx、pdf、json）/);
    assert.match(bad.stderr, /用法：gongkai report/);
    assert.ok(!hasStackTrace(bad.stderr));
    const missing = await gongkai(['report', 'render', SEED], data.path);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /缺少选项 --to/);
  });
});
