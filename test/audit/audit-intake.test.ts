/**
 * Batch intake (audit-intake.ts): an upload of files and ZIP archives becomes the list of files to read, each with
 * its bytes or one Chinese message, under the caps — 10,000 files, a zip bomb, nested and too deeply nested
 * archives, empty and corrupt archives, GBK names, hidden entries, names that climb out of the archive.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeEntryName, intakeEntries, isSystemEntry, neutralisePath, planIntake, type IntakeEntry } from '../../src/audit/audit-intake.js';
import { makeZip, PNG } from './zip-fixtures.js';

const text = (entry: IntakeEntry | undefined) => (entry?.bytes ? Buffer.from(entry.bytes).toString('utf8') : undefined);
const GBK = (hex: string) => Buffer.from(hex, 'hex');

describe('intake of an upload', () => {
  it('passes loose files through and expands an archive in its place, sorted by path inside it', () => {
    const zip = makeZip([{ name: '2021/乙.txt', data: '乙' }, { name: '2021/甲.txt', data: '甲', deflate: true }, { name: '2020/', data: '' }]);
    const entries = [...intakeEntries([{ name: 'a.txt', bytes: Buffer.from('a') }, { name: '某局.zip', bytes: zip }, { name: 'b.txt', bytes: Buffer.from('b') }])];
    assert.deepEqual(entries.map((e) => [e.name, text(e) ?? e.error]), [
      ['a.txt', 'a'], ['某局.zip/2021/乙.txt', '乙'], ['某局.zip/2021/甲.txt', '甲'], ['b.txt', 'b'],
    ]);
  });

  it('inflates nothing while planning: each file when it is loaded', () => {
    const plan = planIntake([{ name: 'x.zip', bytes: makeZip([{ name: 'a.txt', data: 'a'.repeat(5000), deflate: true }]) }]);
    assert.deepEqual(plan.map((p) => p.name), ['x.zip/a.txt']);
    assert.equal(plan[0]!.load().bytes?.length, 5000);
  });

  it('reads 2,000 files of a 10,000-file archive and says in one message how many were not read', () => {
    const parts = Array.from({ length: 10_000 }, (_, i) => ({ name: `报告/${String(i).padStart(5, '0')}.txt`, data: `第 ${i} 份` }));
    const plan = planIntake([{ name: '全市.zip', bytes: makeZip(parts) }, { name: '另一份.txt', bytes: Buffer.from('x') }]);
    assert.equal(plan.length, 2002);
    assert.equal(plan[0]!.name, '全市.zip/报告/00000.txt');
    assert.equal(plan[1999]!.name, '全市.zip/报告/01999.txt');
    assert.deepEqual(plan[2000]!.load(), { name: '全市.zip', error: '压缩包中另有 8000 个文件未读取：每次最多读取 2000 个文件，请将其余文件分批上传' });
    assert.deepEqual(plan[2001]!.load(), { name: '另一份.txt', error: '未读取：每次最多读取 2000 个文件，请分批上传' });
    assert.equal(text(plan[1999]!.load()), '第 1999 份');
  });

  it('refuses a zip bomb before inflating it, and the rest of the upload goes on', () => {
    const bomb = makeZip([{ name: 'zeros.txt', data: Buffer.alloc(30 * 1024 * 1024), deflate: true }, { name: 'ok.txt', data: 'ok' }]);
    const entries = [...intakeEntries([{ name: 'bomb.zip', bytes: bomb }, { name: 'b.txt', bytes: Buffer.from('b') }])];
    assert.equal(entries.length, 2);
    assert.equal(entries[0]!.name, 'bomb.zip');
    assert.match(entries[0]!.error ?? '', /^压缩包被拒绝，未解压：压缩包中部件“zeros.txt”压缩比异常（\d+ 倍，疑似“压缩炸弹”）$/);
    assert.equal(text(entries[1]), 'b');
  });

  it('stops a part that inflates past its declared size, and reads the others', () => {
    const lying = makeZip([{ name: 'a.txt', data: 'x'.repeat(100_000), deflate: true, declaredSize: 100 }, { name: 'b.txt', data: 'b' }]);
    const entries = [...intakeEntries([{ name: 'l.zip', bytes: lying }])];
    assert.match(entries[0]!.error ?? '', /^压缩包中部件“a.txt”解压后超过声明的大小或总解压上限（疑似“压缩炸弹”），该文件未读取$/);
    assert.equal(text(entries[1]), 'b');
  });

  it('refuses a part larger than a report file without inflating it, and stops at the upload total', () => {
    const zip = makeZip([{ name: 'a.txt', data: 'a'.repeat(3000) }, { name: 'b.txt', data: 'b'.repeat(900) }, { name: 'c.txt', data: 'c'.repeat(900) }]);
    const entries = [...intakeEntries([{ name: 'z.zip', bytes: zip }], { maxFileBytes: 2000, maxTotalBytes: 1000 })];
    assert.match(entries[0]!.error ?? '', /^文件过大（0\.0 MB），年度报告文件不得超过 50 MB$/);
    assert.equal(entries[1]!.bytes?.length, 900);
    assert.match(entries[2]!.error ?? '', /^本次上传解压后的总量超过上限 0 MB，该文件未解压；请分批上传$/);
  });

  it('expands archives inside an archive, two levels deep; a deeper one is one error', () => {
    const level3 = makeZip([{ name: 'deep.txt', data: 'deep' }]);
    const level2 = makeZip([{ name: 'c.txt', data: 'c' }, { name: '三层.zip', data: level3 }]);
    const level1 = makeZip([{ name: 'a.txt', data: 'a' }, { name: '区县/二层.zip', data: level2, deflate: true }]);
    const entries = [...intakeEntries([{ name: '市.zip', bytes: level1 }])];
    assert.deepEqual(entries.map((e) => [e.name, text(e) ?? e.error]), [
      ['市.zip/a.txt', 'a'],
      ['市.zip/区县/二层.zip/c.txt', 'c'],
      ['市.zip/区县/二层.zip/三层.zip', '压缩包嵌套超过 2 层，未展开；请解压后上传其中的文件'],
    ]);
  });

  it('says so for an empty archive, one with only system files, a corrupt one and a PNG named .zip', () => {
    const empty = makeZip([]);
    const system = makeZip([{ name: '__MACOSX/._a.txt', data: 'x' }, { name: '.DS_Store', data: 'x' }, { name: 'Thumbs.db', data: 'x' }, { name: '~$报告.docx', data: 'x' }]);
    const corrupt = Buffer.concat([makeZip([{ name: 'a.txt', data: 'a' }]).subarray(0, 40)]);
    const entries = [...intakeEntries([
      { name: 'empty.zip', bytes: empty }, { name: 'system.zip', bytes: system },
      { name: 'corrupt.zip', bytes: corrupt }, { name: 'image.zip', bytes: PNG },
    ])];
    assert.deepEqual(entries.map((e) => [e.name, e.error]), [
      ['empty.zip', '压缩包中没有文件'],
      ['system.zip', '压缩包中没有可读取的文件（只有文件夹或系统文件）'],
      ['corrupt.zip', '压缩包已损坏，无法打开：不是完整的压缩包（找不到中央目录，文件可能不完整）'],
      ['image.zip', '压缩包已损坏，无法打开：不是 ZIP 格式的压缩包（文件头不符）'],
    ]);
  });

  it('leaves a Word document (a ZIP too) and a PNG named .pdf to the reader', () => {
    const docx = makeZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'word/document.xml', data: '<w:document/>' }]);
    const entries = [...intakeEntries([{ name: '报告.docx', bytes: docx }, { name: '报告.pdf', bytes: PNG }])];
    assert.deepEqual(entries.map((e) => [e.name, e.bytes?.length]), [['报告.docx', docx.length], ['报告.pdf', PNG.length]]);
  });

  it('decodes GBK names of archives made on Chinese Windows, and neutralises names that climb out', () => {
    const zip = makeZip([
      { name: Buffer.concat([GBK('c4b3bed6'), Buffer.from('/2021/'), GBK('b1a8b8e6'), Buffer.from('.txt')]), data: 'gbk' },
      { name: Buffer.from('../../etc/passwd'), data: 'p' },
      { name: 'C:\\Windows\\..\\x.txt', data: 'w' },
      { name: '/abs/./y.txt', data: 'y' },
    ]);
    const entries = [...intakeEntries([{ name: 'u.zip', bytes: zip }])];
    assert.deepEqual(entries.map((e) => e.name).sort(), ['u.zip/Windows/x.txt', 'u.zip/abs/y.txt', 'u.zip/etc/passwd', 'u.zip/某局/2021/报告.txt']);
  });

  it('has the name helpers', () => {
    assert.equal(decodeEntryName(Buffer.from('某局.txt', 'utf8').toString('latin1')), '某局.txt', 'UTF-8 without the flag');
    assert.equal(decodeEntryName(GBK('c4b3bed6').toString('latin1')), '某局');
    assert.equal(decodeEntryName('report.txt'), 'report.txt');
    assert.equal(neutralisePath('..\\..\\a\u0000b/./c'), 'ab/c');
    assert.equal(neutralisePath('../..'), '未命名文件');
    assert.ok(isSystemEntry('a/__MACOSX/b.txt') && isSystemEntry('.git/x') && isSystemEntry('a/~$b.docx') && isSystemEntry('THUMBS.DB'));
    assert.ok(!isSystemEntry('a/b.txt'));
  });
});

