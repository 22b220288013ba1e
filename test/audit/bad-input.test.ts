/**
 * Bad input in a bulk audit (issue 11): a folder holding ZIP archives — one of 10,000 files, a zip bomb, nested and
 * too deeply nested archives, an empty and a corrupt one — an image renamed .pdf and real reports, audited through
 * the parse pool. Every bad file is one row with a Chinese message, the reports are read, nothing crashes; and
 * `gongkai audit 某局.zip` reads an archive from the command line.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { auditFiles, type AuditResult } from '../../src/audit/audit-run.js';
import { gongkai, tempDir } from '../cli/run-gongkai.js';
import { renderedFiles, SEED_AGENCY, SEED_TEXT } from './audit-fixtures.js';
import { makeZip, PNG } from './zip-fixtures.js';

describe('an audit of bad input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bad-input-'));
  let audit: AuditResult;
  let totals: number[] = [];
  before(async () => {
    const files = await renderedFiles();
    const tooDeep = makeZip([{ name: 'x.txt', data: 'x' }]);
    const nested = makeZip([{ name: '2021/报告.docx', data: files['full-2021.docx']! }, { name: '三层.zip', data: tooDeep }]);
    writeFileSync(join(dir, '某局.zip'), makeZip([
      { name: '2019/报告.txt', data: readFileSync(SEED_TEXT), deflate: true },
      { name: '区县.zip', data: nested },
      { name: '__MACOSX/._报告.txt', data: 'x' },
    ]));
    writeFileSync(join(dir, '全市.zip'), makeZip(Array.from({ length: 10_000 }, (_, i) => ({ name: `${String(i).padStart(5, '0')}.txt`, data: '无内容' }))));
    writeFileSync(join(dir, 'bomb.zip'), makeZip([{ name: 'zeros.txt', data: Buffer.alloc(30 * 1024 * 1024), deflate: true }]));
    writeFileSync(join(dir, 'empty.zip'), makeZip([]));
    writeFileSync(join(dir, 'corrupt.zip'), Buffer.from('PK\x03\x04 这不是压缩包'));
    writeFileSync(join(dir, 'scan.pdf'), PNG);
    audit = await auditFiles([dir], (_done, total) => totals.push(total), { intake: { maxFiles: 20 } });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const row = (suffix: string) => audit.rows.find((r) => r.file === join(dir, suffix));

  it('gives one row per file read and one per refused archive, in path order', () => {
    assert.deepEqual(audit.rows.map((r) => r.file.slice(dir.length + 1)), [
      'bomb.zip', 'corrupt.zip', 'empty.zip', 'scan.pdf',
      // The cap (20 here, 2,000 by default) applies to each archive the CLI is given; the rest is one row after it.
      ...Array.from({ length: 20 }, (_, i) => `全市.zip/${String(i).padStart(5, '0')}.txt`), '全市.zip',
      '某局.zip/2019/报告.txt', '某局.zip/区县.zip/2021/报告.docx', '某局.zip/区县.zip/三层.zip',
    ]);
  });

  it('reads the reports inside the archives', () => {
    assert.equal(row('某局.zip/2019/报告.txt')?.agency, SEED_AGENCY);
    assert.equal(row('某局.zip/2019/报告.txt')?.year, 2019);
    assert.equal(row('某局.zip/区县.zip/2021/报告.docx')?.year, 2021);
    assert.equal(row('某局.zip/区县.zip/2021/报告.docx')?.error, null);
  });

  it('names each bad file with a Chinese message', () => {
    assert.match(row('bomb.zip')?.error ?? '', /^压缩包被拒绝，未解压：.*疑似“压缩炸弹”/);
    assert.match(row('corrupt.zip')?.error ?? '', /^压缩包已损坏，无法打开/);
    assert.equal(row('empty.zip')?.error, '压缩包中没有文件');
    assert.equal(row('某局.zip/区县.zip/三层.zip')?.error, '压缩包嵌套超过 2 层，未展开；请解压后上传其中的文件');
    assert.equal(row('全市.zip')?.error, '压缩包中另有 9980 个文件未读取：每次最多读取 20 个文件，请将其余文件分批上传');
    assert.match(row('全市.zip/00000.txt')?.error ?? '', /^未识别出政府信息公开工作年度报告/);
    assert.match(row('scan.pdf')?.error ?? '', /^不是可识别的报告文件（PNG 图片/);
  });

  it('counts the files of an archive in the progress total once it is opened', () => {
    assert.equal(totals[0], 6);
    assert.equal(totals.at(-1), audit.rows.length);
  });
});

describe('gongkai audit 某局.zip', () => {
  const data = tempDir();
  const work = tempDir('gongkai-audit-zip-');
  after(() => {
    data.cleanup();
    work.cleanup();
  });

  it('reads the reports inside an archive and names the rows by their path in it', async () => {
    writeFileSync(join(work.path, '某局.zip'), makeZip([{ name: '2019/报告.txt', data: readFileSync(SEED_TEXT), deflate: true }, { name: '说明.pdf', data: PNG }]));
    const r = await gongkai(['audit', '某局.zip'], data.path, { cwd: work.path });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /某局\.zip\/2019\/报告\.txt +威海市环翠区行政审批服务局 +2019/);
    assert.match(r.stdout, /某局\.zip\/说明\.pdf .*无法读取：不是可识别的报告文件（PNG 图片/);
    assert.match(r.stderr, /^1\/2 某局\.zip\/2019\/报告\.txt$/m);
    assert.match(r.stderr, /^2\/2 某局\.zip\/说明\.pdf$/m);
  });
});
