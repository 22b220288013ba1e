import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ValidationError } from '../errors.js';
import { newReport } from '../report/new-report.js';
import { decodeReportFile } from './decode.js';
import { fromInterchange } from './from-interchange.js';
import { toInterchange } from './to-interchange.js';
import type { InterchangeReport } from './interchange-types.js';

const seedJson = readFileSync(new URL('../../demo/huancui-approval-bureau-2019.json', import.meta.url), 'utf8');
const seed = (): InterchangeReport => JSON.parse(seedJson);
const find = (doc: InterchangeReport, table: string, row: string[], column: string[]) =>
  doc.cells.find((c) => c.table === table && c.row.join('/') === row.join('/') && c.column.join('/') === column.join('/'))!;

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ValidationError, `expected ValidationError, got ${e}`);
    return (e.details.problems ?? [{ message: e.message }]).map((p) => p.message);
  }
  assert.fail('expected a validation error');
}

describe('interchange JSON', () => {
  it('round-trips the seed losslessly (every figure and every blank)', () => {
    const doc = seed();
    const again = toInterchange(fromInterchange(doc));
    assert.deepEqual(again, doc);
    assert.equal(doc.cells.length, 198);
    assert.equal(doc.cells.filter((c) => c.value !== null).length, 19);
  });

  it('keeps the seed figures with blank distinct from 0', () => {
    const r = fromInterchange(seed());
    assert.equal(r.cells['二:licensing:decisions'], 17302);
    assert.equal(r.cells['二:normative:made'], 1);
    assert.equal(r.cells['二:normative:published'], 0);
    assert.equal(r.cells['二:rules:made'], null);
    assert.deepEqual(r.cells['二:procurement:amount'], { amount: 165.51, unit: '万元' });
    assert.equal(r.cells['三:received:total'], 0);
    assert.equal(r.cells['三:received:natural'], null);
    assert.equal(r.issuedOn, '2020-01-18');
  });

  it('exports a new 2021 report with 200 blank cells', () => {
    const doc = toInterchange(newReport('测试局', 2021));
    assert.equal(doc.format, '2021');
    assert.equal(doc.cells.length, 10 + 175 + 15);
    assert.ok(doc.cells.every((c) => c.value === null));
  });

  it('keeps local extra rows of table 二 and placeholders as written', () => {
    const doc = seed();
    doc.cells.push(
      { table: '二', row: ['第二十条第（一）项', '其他主动公开文件'], column: ['本年新制作数量'], value: 5, extra: true },
      { table: '二', row: ['第二十条第（一）项', '其他主动公开文件'], column: ['对外公开总数量'], value: '/', extra: true },
    );
    find(doc, '三', ['一、本年新收政府信息公开申请数量'], ['自然人']).value = '—';
    const r = fromInterchange(doc);
    assert.deepEqual(r.extraRows, [{ table: '二', block: 'art20-1', label: '其他主动公开文件', values: { made: 5, published: null, total: { written: '/' } } }]);
    assert.deepEqual(r.cells['三:received:natural'], { written: '—' });
    const out = toInterchange(r);
    const extra = out.cells.filter((c) => c.extra);
    assert.equal(extra.length, 3);
    assert.equal(out.cells.indexOf(extra[0]!), 6, 'extra rows follow their block');
    assert.deepEqual(toInterchange(fromInterchange(out)), out);
  });

  it('tolerates whitespace inside labels', () => {
    const doc = seed();
    find(doc, '二', ['第二十条第（五）项', '行政许可'], ['处理决定数量']).column = ['处理决定 数量'];
    assert.equal(fromInterchange(doc).cells['二:licensing:decisions'], 17302);
  });

  const bad: Array<[string, (d: InterchangeReport) => void, RegExp]> = [
    ['a negative count', (d) => { find(d, '二', ['第二十条第（五）项', '行政许可'], ['处理决定数量']).value = -1; }, /“第二十条第（五）项 › 行政许可”行“处理决定数量”列应为非负整数，不能为负数 -1/],
    ['a fractional count', (d) => { find(d, '三', ['一、本年新收政府信息公开申请数量'], ['总计']).value = 1.5; }, /不能为小数 1.5/],
    ['text in a number cell', (d) => { find(d, '三', ['一、本年新收政府信息公开申请数量'], ['总计']).value = '五件'; }, /实际为文字“五件”/],
    ['an unknown row label', (d) => { d.cells[30]!.row = ['三、本年度办理结果', '（九）其他']; }, /表三没有行“三、本年度办理结果 › （九）其他”/],
    ['an unknown column label', (d) => { d.cells[30]!.column = ['个体工商户']; }, /没有列“个体工商户”（可用列：自然人/],
    ['a duplicate cell', (d) => { d.cells.push({ ...d.cells[5]! }); }, /重复出现（cells\[5\] 与 cells\[198\]）/],
    ['a year without a format', (d) => { d.year = 2018; delete (d as Partial<InterchangeReport>).format; }, /2018 年度没有适用的/],
    ['a 2019-format report dated 2018', (d) => { d.year = 2018; }, /2018 年度没有适用的/],
    ['an unknown format', (d) => { (d as { format: string }).format = '2030'; }, /未知的年度报告格式“2030”/],
    ['an invalid date of issue', (d) => { d.issuedOn = '2020-02-30'; }, /issuedOn 应为有效日期/],
    ['an extra row outside table 二', (d) => { d.cells.push({ table: '三', row: ['五、其他'], column: ['总计'], value: 1, extra: true }); }, /只能加在表二/],
    ['a unit on a count', (d) => { d.cells[0]!.unit = '件'; }, /不是金额单元格/],
    ['a missing agency', (d) => { d.agency = { name: ' ' }; }, /agency.name/],
  ];
  for (const [what, mutate, message] of bad) {
    it(`rejects ${what} with a message naming the place`, () => {
      const doc = seed();
      mutate(doc);
      const problems = problemsOf(() => fromInterchange(doc));
      assert.ok(problems.some((p) => message.test(p)), `${problems.join('\n')} should match ${message}`);
    });
  }

  it('rejects a JSON that is not a report', () => {
    assert.throws(() => fromInterchange({ foo: 1 }), /不是年度报告交换格式/);
    assert.throws(() => fromInterchange([1, 2]), /不是年度报告交换格式/);
    assert.throws(() => fromInterchange({ kind: 'other', cells: [] }), /kind 为“other”/);
  });

  it('collects several problems at once', () => {
    const doc = seed();
    doc.cells[0]!.value = -1;
    doc.cells[1]!.value = 'x';
    const problems = problemsOf(() => fromInterchange(doc));
    assert.equal(problems.length, 2);
  });
});

describe('decoding report files', () => {
  it('names the byte of invalid UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('{"kind": "'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    assert.throws(() => decodeReportFile(bytes), /不是有效的 UTF-8 文本（第 11 个字节处/);
  });
  it('names line and column of malformed JSON', () => {
    assert.throws(() => decodeReportFile(Buffer.from('{\n  "kind": "x",\n  oops\n}')), /第 3 行第 3 列/);
    assert.throws(() => decodeReportFile(Buffer.from('')), /内容为空/);
  });
  it('refuses a 20 MB file', () => {
    assert.throws(() => decodeReportFile(new Uint8Array(20 * 1024 * 1024)), /文件过大（20.0 MB）/);
  });
});

describe('UTF-8 validation', () => {
  it('points at the lead byte of a broken sequence and accepts valid text', async () => {
    const { firstInvalidUtf8 } = await import('./decode.js');
    assert.equal(firstInvalidUtf8(Uint8Array.from([0x7b, 0x22, 0xe9, 0x22, 0x7d])), 2);
    assert.equal(firstInvalidUtf8(Buffer.from('政府信息公开 ok')), -1);
    assert.equal(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80])), 0, 'a surrogate is invalid');
    assert.equal(firstInvalidUtf8(Uint8Array.from([0xc0, 0xaf])), 0, 'an overlong form is invalid');
    assert.equal(firstInvalidUtf8(Buffer.from('表三', 'utf8').subarray(0, 5)), 3, 'a truncated character');
  });
});
