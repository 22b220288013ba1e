import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fromInterchange } from '../interchange/from-interchange.js';
import type { ReportDocument } from '../report/report-model.js';
import { checkReport, type CheckReport, type CheckResult } from './check-report.js';

const load = (path: string): ReportDocument =>
  fromInterchange(JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')));
const seed = () => load('../../demo/huancui-approval-bureau-2019.json');
const full2021 = () => load('../../../test/fixtures/full-2021.json');
const full2020 = () => load('../../../test/fixtures/full-2020.json');

const byId = (report: CheckReport, id: string): CheckResult => {
  const found = report.results.find((r) => r.id === id);
  assert.ok(found, `no result ${id}`);
  return found;
};
const failing = (report: CheckReport, severity: 'error' | 'warning') =>
  report.results.filter((r) => r.severity === severity && r.status === 'fail').map((r) => r.id);

describe('checkReport on the seed (2019, mostly blank)', () => {
  const checks = checkReport(seed());

  it('has no hard failure', () => {
    assert.equal(checks.hardFailures, 0);
    assert.equal(checks.ok, true);
    assert.deepEqual(failing(checks, 'error'), []);
  });

  it('reports the blank cells per table with their counts: 三 161 − 3 filled, 四 12, 二 9', () => {
    const t3 = byId(checks, 'blank-cells:三');
    assert.equal(t3.status, 'fail');
    assert.equal(t3.severity, 'warning');
    assert.equal(t3.left, 158);
    assert.equal(t3.cells.length, 158);
    assert.match(t3.title, /158/);
    assert.ok(t3.cells.every((c) => c.value === null && c.table === '三'));
    assert.ok(!t3.cells.some((c) => c.key === '三:received:total'), 'a filled 0 is not blank');
    const t4 = byId(checks, 'blank-cells:四');
    assert.equal(t4.left, 12);
    assert.equal(t4.cells.length, 12);
    assert.deepEqual(t4.cells[0]!.column, ['行政复议', '结果维持']);
    const t2 = byId(checks, 'blank-cells:二');
    assert.equal(t2.left, 9);
    assert.deepEqual(t2.cells.map((c) => c.row.at(-1)), ['规章', '规章', '规章', '行政处罚', '行政处罚', '行政处罚', '行政强制', '行政强制', '行政强制']);
    assert.equal(checks.warnings, 3);
  });

  it('checks an equation with some blanks as written and names the blanks; all-blank equations are skipped', () => {
    const balance = byId(checks, 't3-balance:total');
    assert.equal(balance.status, 'pass');
    assert.equal(balance.expression, '一（总计） + 二（总计） = （七）总计（总计） + 四（总计）：0 + 0 = 空白 + 0');
    assert.match(balance.message!, /空白单元格 1 个.*（七）总计（总计）/);
    const natural = byId(checks, 't3-balance:natural');
    assert.equal(natural.status, 'skipped');
    assert.equal(natural.left, null);
    assert.match(natural.message!, /均未填写数字/);
    assert.equal(byId(checks, 't4-group-total:reconsideration').status, 'pass');
  });

  it('skips the cross-year rules without a previous report, saying so', () => {
    const carry = byId(checks, 'cross-year-carry-over:total');
    assert.equal(carry.status, 'skipped');
    assert.match(carry.message!, /没有该机关 2018 年度的年度报告/);
  });

  it('emits no result for rule 6 (structural) and a single passing value-kind result', () => {
    assert.equal(checks.results.filter((r) => r.ruleId === 'value-kind').length, 1);
    assert.equal(byId(checks, 'value-kind').status, 'pass');
    assert.equal(byId(checks, 'empty-section:五').status, 'pass');
    assert.equal(byId(checks, 'fees-without-figures').status, 'pass');
  });
});

describe('checkReport on the complete fixtures', () => {
  it('full-2021 (with full-2020 as previous) and full-2020 pass every hard rule and raise no warning', () => {
    for (const checks of [checkReport(full2021(), { previous: full2020() }), checkReport(full2020())]) {
      const hard = checks.results.filter((r) => r.severity === 'error');
      assert.ok(hard.length > 40);
      assert.deepEqual(hard.filter((r) => r.status !== 'pass').map((r) => r.id), []);
      assert.equal(checks.hardFailures, 0);
      assert.equal(checks.warnings, 0);
      assert.equal(checks.ok, true);
    }
  });

  it('counts the local extra row 其他主动公开文件 among the checked cells', () => {
    const doc = full2021();
    doc.extraRows[0]!.values['in-force'] = null;
    const blank = byId(checkReport(doc), 'blank-cells:二');
    assert.equal(blank.left, 1);
    assert.deepEqual(blank.cells[0]!.row, ['第二十条第（一）项', '其他主动公开文件']);
    assert.deepEqual(blank.cells[0]!.column, ['现行有效件数']);
  });
});

describe('a changed cell', () => {
  it('（七）总计 + 1 breaks the balance and the results total of its column, naming the cell and both sides', () => {
    const doc = full2021();
    doc.cells['三:r7:natural'] = 18; // was 17
    const checks = checkReport(doc);
    assert.equal(checks.ok, false);
    assert.deepEqual(failing(checks, 'error').sort(), ['t3-balance:natural', 't3-results-total:natural', 't3-row-total:r7']);
    const results = byId(checks, 't3-results-total:natural');
    assert.equal(results.left, 18);
    assert.equal(results.right, 17);
    assert.match(results.message!, /左边合计 18，右边合计 17，相差 1/);
    const cell = results.cells.find((c) => c.key === '三:r7:natural')!;
    assert.deepEqual(cell, {
      key: '三:r7:natural', table: '三', row: ['三、本年度办理结果', '（七）总计'], column: ['自然人'], value: 18, side: 'left', of: 'current',
    });
    assert.equal(results.cells.length, 22);
    const balance = byId(checks, 't3-balance:natural');
    assert.equal(balance.left, 20);
    assert.equal(balance.right, 21);
    assert.equal(balance.expression, '一（自然人） + 二（自然人） = （七）总计（自然人） + 四（自然人）：18 + 2 ≠ 18 + 3');
    assert.equal(balance.cells.find((c) => c.key === '三:r7:natural')!.side, 'right');
  });

  it('（三）1 + 1 breaks the results total and the row total, not the balance', () => {
    const doc = full2021();
    doc.cells['三:r3-1:natural'] = 1; // was 0
    const checks = checkReport(doc);
    assert.deepEqual(failing(checks, 'error').sort(), ['t3-results-total:natural', 't3-row-total:r3-1']);
    const results = byId(checks, 't3-results-total:natural');
    assert.equal(results.left, 17);
    assert.equal(results.right, 18);
    const cell = results.cells.find((c) => c.key === '三:r3-1:natural')!;
    assert.deepEqual(cell.row, ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密']);
    assert.equal(cell.value, 1);
    assert.equal(cell.side, 'right');
    assert.equal(byId(checks, 't3-row-total:r3-1').expression.split('：')[1], '0 ≠ 1 + 0 + 0 + 0 + 0 + 0');
  });

  it('a table 四 group total that does not add up fails', () => {
    const doc = full2021();
    doc.cells['四:all:direct.corrected'] = 2;
    const checks = checkReport(doc);
    assert.deepEqual(failing(checks, 'error'), ['t4-group-total:direct']);
    assert.equal(byId(checks, 't4-group-total:direct').right, 3);
  });
});

describe('value kinds (rule 5)', () => {
  it('accepts -3 in 本年增/减 (signed) but not in a count cell', () => {
    const doc = full2020();
    assert.equal(doc.cells['二:licensing:change'], -3);
    assert.equal(byId(checkReport(doc), 'value-kind').status, 'pass');
    doc.cells['二:licensing:decisions'] = -3;
    const checks = checkReport(doc);
    assert.equal(checks.ok, false);
    assert.equal(checks.results.some((r) => r.id === 'value-kind'), false);
    const bad = byId(checks, 'value-kind:二:licensing:decisions');
    assert.equal(bad.severity, 'error');
    assert.equal(bad.status, 'fail');
    assert.equal(bad.left, -3);
    assert.match(bad.message!, /表二“第二十条第（五）项 › 行政许可”行“处理决定数量”列应为非负整数，不能为负数 -3/);
    assert.deepEqual(bad.cells.map((c) => c.key), ['二:licensing:decisions']);
  });

  it('reports each offending cell: fractions in counts, negative amounts and decimals, units where none belong', () => {
    const doc = full2020();
    doc.cells['三:r1:natural'] = 1.5;
    doc.cells['二:procurement:amount'] = { amount: -1, unit: '万元' };
    doc.cells['四:all:after.other'] = { amount: 1, unit: '元' };
    doc.extraRows.push({ table: '二', block: 'art20-1', label: '其他文件', values: { made: 2.5, published: 0, total: 0 } });
    const ids = checkReport(doc).results.filter((r) => r.ruleId === 'value-kind').map((r) => r.id);
    assert.deepEqual(ids, [
      'value-kind:二:procurement:amount', 'value-kind:三:r1:natural', 'value-kind:四:all:after.other', 'value-kind:二:art20-1+其他文件:made',
    ]);
    const d2021 = full2021();
    d2021.cells['二:fees:fee-amount'] = -0.5;
    assert.match(byId(checkReport(d2021), 'value-kind:二:fees:fee-amount').message!, /非负数（可含小数），不能为负数 -0.5/);
  });
});

describe('cross-year rules (7–9)', () => {
  it('pass when last year’s 结转下年度 equals this year’s 上年结转, column by column', () => {
    const checks = checkReport(full2021(), { previous: full2020() });
    const carry = checks.results.filter((r) => r.ruleId === 'cross-year-carry-over');
    assert.equal(carry.length, 7);
    assert.ok(carry.every((r) => r.status === 'pass'));
    const natural = byId(checks, 'cross-year-carry-over:natural');
    assert.equal(natural.expression, '二（自然人） = 上年四（自然人）：2 = 2');
    assert.deepEqual(natural.cells.map((c) => [c.key, c.of, c.side, c.value]), [
      ['三:carried-in:natural', 'current', 'left', 2], ['三:carried-out:natural', 'previous', 'right', 2],
    ]);
  });

  it('fail as a warning (not a hard failure) when they differ', () => {
    const previous = full2020();
    previous.cells['三:carried-out:legal'] = 2;
    const checks = checkReport(full2021(), { previous });
    assert.equal(checks.ok, true);
    assert.deepEqual(failing(checks, 'warning'), ['cross-year-carry-over:legal']);
    const legal = byId(checks, 'cross-year-carry-over:legal');
    assert.equal(legal.left, 1);
    assert.equal(legal.right, 2);
  });

  it('check 2019 table 二 item counts against last year, blanks of last year named', () => {
    const checks = checkReport(full2020(), { previous: seed() });
    assert.equal(byId(checks, 'cross-year-item-count:licensing').expression,
      '行政许可（上一年项目数量） = 上年行政许可（上一年项目数量） + 上年行政许可（本年增/减）：226 = 0 + 226');
    const penalty = byId(checks, 'cross-year-item-count:penalty');
    assert.equal(penalty.status, 'pass');
    assert.match(penalty.message!, /上年行政处罚（上一年项目数量）、上年行政处罚（本年增\/减）/);
    const doc = full2020();
    doc.cells['二:licensing:prev-count'] = 230;
    assert.equal(byId(checkReport(doc, { previous: seed() }), 'cross-year-item-count:licensing').status, 'fail');
  });

  it('are skipped when the previous report’s format lacks the cell, or it is not the year before', () => {
    const checks = checkReport(full2021(), { previous: full2020() });
    const inForce = byId(checks, 'cross-year-in-force:normative');
    assert.equal(inForce.status, 'skipped');
    assert.match(inForce.message!, /国办公开办函〔2019〕60号.*没有“第二十条第（一）项 › 行政规范性文件 › 现行有效件数”单元格/);
    const wrongYear = checkReport(full2021(), { previous: seed() });
    assert.match(byId(wrongYear, 'cross-year-carry-over:total').message!, /所给上一年度报告为 2019 年度，不是 2020 年度/);
    assert.equal(byId(checkReport(full2021(), { previous: null }), 'cross-year-carry-over:total').status, 'skipped');
  });

  it('2021 in-force items follow last year’s in-force + issued − repealed when last year is in the 2021 format', () => {
    const previous = full2021();
    previous.year = 2021;
    const doc = full2021();
    doc.year = 2022;
    doc.cells['二:normative:in-force'] = 6; // 5 + 2 − 1
    const checks = checkReport(doc, { previous });
    const r = byId(checks, 'cross-year-in-force:normative');
    assert.equal(r.status, 'pass');
    assert.equal(r.expression,
      '行政规范性文件（现行有效件数） = 上年行政规范性文件（现行有效件数） + 行政规范性文件（本年制发件数） - 行政规范性文件（本年废止件数）：6 = 5 + 2 - 1');
  });
});

describe('soft checks on the text and placeholders (rule 11)', () => {
  it('reports placeholders separately from blanks, each with its cell', () => {
    const doc = seed();
    doc.cells['三:r1:natural'] = { written: '/' };
    doc.cells['四:all:reconsideration.upheld'] = { written: '—' };
    const checks = checkReport(doc);
    const t3 = byId(checks, 'placeholder-cells:三');
    assert.equal(t3.status, 'fail');
    assert.deepEqual(t3.cells.map((c) => [c.key, c.value]), [['三:r1:natural', { written: '/' }]]);
    assert.match(t3.message!, /（一）（自然人）“\/”/);
    assert.equal(byId(checks, 'blank-cells:三').left, 157);
    assert.equal(byId(checks, 'placeholder-cells:四').left, 1);
    assert.equal(byId(checks, 'placeholder-cells:二').status, 'pass');
  });

  it('warns about an empty section 五', () => {
    const doc = full2021();
    doc.sections.find((s) => s.key === '五')!.paragraphs = ['  '];
    const r = byId(checkReport(doc), 'empty-section:五');
    assert.equal(r.status, 'fail');
    assert.equal(r.severity, 'warning');
    assert.match(r.message!, /第五十条/);
  });

  it('warns when section 六 mentions fees without any figure, not when it states them or states none', () => {
    const withText = (text: string) => {
      const doc = full2021();
      doc.sections.find((s) => s.key === '六')!.parts = [{ heading: '（一）收费情况', paragraphs: [text] }];
      return byId(checkReport(doc), 'fees-without-figures');
    };
    const vague = withText('本局严格按照规定收取信息处理费，并向申请人出具票据。');
    assert.equal(vague.status, 'fail');
    assert.match(vague.message!, /收取信息处理费/);
    assert.equal(withText('本年度向2名申请人收取信息处理费共计300元。').status, 'pass');
    assert.equal(withText('本年度未收取信息处理费。').status, 'pass');
    assert.equal(withText('本年度收取信息处理费三笔。').status, 'pass');
  });
});
