import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cellDef, formatCells, formatForYear, getFormat, tableOf } from './registry.js';

const count = (formatId: string, table: string) => formatCells(getFormat(formatId)).filter((c) => c.table === table).length;

describe('national format definitions', () => {
  it('picks the format by report year (2019–2020 trial, 2021 on)', () => {
    assert.equal(formatForYear(2019).id, '2019');
    assert.equal(formatForYear(2020).id, '2019');
    assert.equal(formatForYear(2021).id, '2021');
    assert.equal(formatForYear(2035).id, '2021');
  });

  it('refuses a year without a format', () => {
    assert.throws(() => formatForYear(2018), /2018 年度没有适用的/);
    assert.throws(() => getFormat('2017'), /未知的年度报告格式“2017”/);
  });

  it('has the cell counts of the spec: 三 = 161 (2019) and 175 (2021) numeric cells, 四 = 15', () => {
    assert.equal(count('2019', '三'), 23 * 7);
    assert.equal(count('2021', '三'), 25 * 7);
    assert.equal(count('2019', '四'), 15);
    assert.equal(count('2021', '四'), 15);
    assert.equal(count('2019', '二'), 6 + 6 + 6 + 2 + 2);
    assert.equal(count('2021', '二'), 6 + 1 + 2 + 1);
  });

  it('addresses cells by official labels, table 二 rows starting with the block caption', () => {
    const f = getFormat('2019');
    assert.deepEqual(cellDef(f, '二:licensing:change')!.rowPath, ['第二十条第（五）项', '行政许可']);
    assert.deepEqual(cellDef(f, '二:licensing:change')!.columnPath, ['本年增/减']);
    assert.equal(cellDef(f, '二:licensing:change')!.kind, 'signed');
    assert.equal(cellDef(f, '二:procurement:amount')!.kind, 'amount');
    assert.deepEqual(cellDef(f, '三:r3-1:commercial')!.rowPath, ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密']);
    assert.deepEqual(cellDef(f, '三:r3-1:commercial')!.columnPath, ['法人或其他组织', '商业企业']);
    assert.deepEqual(cellDef(f, '四:all:after.pending')!.columnPath, ['行政诉讼', '复议后起诉', '尚未审结']);
    assert.equal(cellDef(getFormat('2021'), '二:fees:fee-amount')!.kind, 'decimal');
  });

  it('2019 has one （六） row, 2021 three', () => {
    const six = (id: string) => tableOf(getFormat(id), '三').blocks[0]!.rows.filter((r) => r.path[1]?.startsWith('（六）'));
    assert.deepEqual(six('2019').map((r) => r.path.at(-1)), ['（六）其他处理']);
    assert.deepEqual(six('2021').map((r) => r.path.at(-1)), [
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '3.其他',
    ]);
  });

  it('derives the hard rules per column: 7 balance, 7 results-total, 23/25 row totals, 3 table 四 groups', () => {
    for (const [id, rows] of [['2019', 23], ['2021', 25]] as const) {
      const rules = getFormat(id).rules.filter((r) => r.severity === 'error');
      const by = (ruleId: string) => rules.filter((r) => r.ruleId === ruleId).length;
      assert.equal(by('t3-balance'), 7);
      assert.equal(by('t3-results-total'), 7);
      assert.equal(by('t3-row-total'), rows);
      assert.equal(by('t4-group-total'), 3);
      const results = rules.find((r) => r.id === 't3-results-total:total')!;
      assert.equal(results.right.length, rows - 4);
      assert.equal(new Set(getFormat(id).rules.map((r) => r.id)).size, getFormat(id).rules.length, 'rule ids are unique');
    }
  });

  it('derives the cross-year rules: carry-over (both), item counts (2019), in-force (2021)', () => {
    const ids = (id: string) => new Set(getFormat(id).rules.map((r) => r.ruleId));
    assert.ok(ids('2019').has('cross-year-carry-over') && ids('2021').has('cross-year-carry-over'));
    assert.ok(ids('2019').has('cross-year-item-count') && !ids('2021').has('cross-year-item-count'));
    assert.ok(ids('2021').has('cross-year-in-force') && !ids('2019').has('cross-year-in-force'));
  });
});
