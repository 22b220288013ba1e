import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { cellKey } from '../format/cell-key.js';
import { getFormat, tableOf } from '../format/registry.js';
import { fromInterchange } from '../interchange/from-interchange.js';
import { enumerateRow, splitRow, splitRunTogether, sumEquation } from './run-together.js';
import { equationsForTable, solveTable, type TableRowInput } from './run-together-table.js';

/** 表三 row constraint: the first six cells (申请人) sum to the seventh (总计). */
const rowSum = (v: number[]) => v.slice(0, 6).reduce((a, b) => a + b, 0) === v[6];
const T3_ROW = sumEquation(6, [0, 1, 2, 3, 4, 5]);
const FORTY = '1234567890123456789012345678901234567890';

describe('splitRunTogether', () => {
  it('recovers the issue example 21710000218 as 217|1|0|0|0|0|218, the only split that sums', () => {
    assert.deepEqual(splitRunTogether('21710000218', 7, rowSum), [[217, 1, 0, 0, 0, 0, 218]]);
  });

  it('lists every split when no constraint is given: 31 of the C(10,6) = 210 cuts have no leading zero', () => {
    const all = splitRunTogether('21710000218', 7);
    assert.equal(all.length, 31);
    assert.ok(all.every((v) => v.length === 7 && v.join('') === '21710000218'));
    assert.equal(new Set(all.map((v) => v.join('|'))).size, 31);
  });

  it('reads 0000000 as seven zeros, and finds no split of eight zeros into seven cells', () => {
    assert.deepEqual(splitRunTogether('0000000', 7, rowSum), [[0, 0, 0, 0, 0, 0, 0]]);
    assert.deepEqual(splitRunTogether('00000000', 7), []);
  });

  it('never reads a cell with a leading zero', () => {
    assert.deepEqual(splitRunTogether('1005', 3), [[10, 0, 5]]);
    assert.deepEqual(splitRunTogether('0123', 2), [[0, 123]]);
    assert.deepEqual(splitRunTogether('05', 1), []);
  });

  it('reports every split that fits, in order, when more than one does', () => {
    assert.deepEqual(splitRunTogether('110000011', 7, rowSum), [[1, 10, 0, 0, 0, 0, 11], [11, 0, 0, 0, 0, 0, 11]]);
    assert.deepEqual(splitRunTogether('186213232', 7, rowSum), [[1, 8, 6, 2, 13, 2, 32], [18, 6, 2, 1, 3, 2, 32]]);
  });

  it('gives nothing for strings that cannot be split: too long, too short, not digits', () => {
    assert.deepEqual(splitRunTogether('99999999999', 7, rowSum), []);
    assert.deepEqual(splitRunTogether('9'.repeat(90), 7), []);
    assert.deepEqual(splitRunTogether('123', 7), []);
    assert.deepEqual(splitRunTogether('12a4', 2), []);
    assert.deepEqual(splitRunTogether('', 1), []);
    assert.deepEqual(splitRunTogether('12', 0), []);
  });

  it('stops at the limit', () => {
    const capped = splitRunTogether(FORTY, 7, undefined, 25);
    assert.equal(capped.length, 25);
  });
});

describe('enumerateRow', () => {
  it('prunes with the row equation and agrees with filtering by the same constraint', () => {
    for (const digits of ['21710000218', '186213232', '110000011', '3217000000217', '1000001']) {
      const pruned = enumerateRow([digits], 7, { equations: [T3_ROW] });
      assert.equal(pruned.complete, true);
      assert.deepEqual(pruned.candidates, splitRunTogether(digits, 7, rowSum), digits);
    }
  });

  it('respects the budget on a 40-digit string: capped, flagged incomplete', () => {
    const none = enumerateRow([FORTY], 7, { accept: () => false, budget: 5000 });
    assert.deepEqual(none.candidates, []);
    assert.equal(none.complete, false);
    assert.equal(none.nodes, 5000);
    const many = enumerateRow([FORTY], 7, { limit: 100 });
    assert.equal(many.candidates.length, 100);
    assert.equal(many.complete, false);
  });

  it('finishes a 40-digit row with its 总计 equation within the default budget', () => {
    const r = enumerateRow([FORTY], 7, { equations: [T3_ROW] });
    assert.equal(r.complete, true);
    assert.ok(r.candidates.every((v) => rowSum(v) && v.join('') === FORTY));
  });

  it('forces a cell fixed by an equation', () => {
    // Cell 2 must be 10: only the split 1|0|10 of "1010" remains.
    const r = enumerateRow(['1010'], 3, { equations: [{ terms: [{ index: 2, coef: 1 }], constant: -10 }] });
    assert.deepEqual(r.candidates, [[1, 0, 10]]);
  });
});

describe('splitRow (partly run together)', () => {
  it('reads ["217", "10000", "218"] as 217|1|0|0|0|0|218', () => {
    assert.deepEqual(splitRow(['217', '10000', '218'], 7, rowSum), [[217, 1, 0, 0, 0, 0, 218]]);
  });

  it('keeps token boundaries as cell boundaries and lets a token hold one or several cells', () => {
    const all = splitRow(['12', '3'], 3);
    assert.deepEqual(all, [[1, 2, 3]]);
    assert.deepEqual(splitRow(['123'], 2), [[1, 23], [12, 3]]);
    assert.deepEqual(splitRow(['1', '2', '3'], 2), []);
  });

  it('finds every reading when tokens hold several cells each', () => {
    // 18|6|2 and 1|3|2|32 (received row of full-2021) glued in two places.
    assert.deepEqual(splitRow(['1862', '13232'], 7, rowSum), [[1, 8, 6, 2, 13, 2, 32], [18, 6, 2, 1, 3, 2, 32]]);
    assert.deepEqual(splitRow(['186', '2', '1', '3', '2', '32'], 7, rowSum), [[18, 6, 2, 1, 3, 2, 32]]);
  });
});

const report = fromInterchange(JSON.parse(readFileSync(new URL('../../../test/fixtures/full-2021.json', import.meta.url), 'utf8')));
const format2021 = getFormat('2021');
const block3 = tableOf(format2021, '三').blocks[0]!;
const eqs3 = equationsForTable(format2021, '三');
const truth3 = (): Record<string, number[]> => Object.fromEntries(block3.rows.map((r) =>
  [r.key, block3.columns.map((c) => report.cells[cellKey('三', r.key, c.key)] as number)]));
/** Table 三 as read: the rows named in `glued` lost their separators, the others were read fine. */
const readTable = (values: Record<string, number[]>, glued: string[]): TableRowInput[] =>
  block3.rows.map((r) => (glued.includes(r.key)
    ? { key: r.key, tokens: [values[r.key]!.join('')] }
    : { key: r.key, tokens: null, values: values[r.key]! }));

describe('equationsForTable', () => {
  it('maps the 2021 table 三 rules to [row, column] pairs: 7 row totals + 2 × 7 column rules', () => {
    assert.equal(eqs3.filter((e) => e.id!.startsWith('t3-row-total:')).length, 25);
    assert.equal(eqs3.filter((e) => e.id!.startsWith('t3-balance:')).length, 7);
    assert.equal(eqs3.filter((e) => e.id!.startsWith('t3-results-total:')).length, 7);
    assert.equal(eqs3.length, 39);
    const balance = eqs3.find((e) => e.id === 't3-balance:total')!;
    assert.deepEqual(balance.left, [['received', 6], ['carried-in', 6]]);
    assert.deepEqual(balance.right, [['r7', 6], ['carried-out', 6]]);
    const results = eqs3.find((e) => e.id === 't3-results-total:natural')!;
    assert.equal(results.right.length, 21);
  });

  it('maps table 四 group totals, leaves cross-year rules of table 二 out, and works for 2019', () => {
    const four = equationsForTable(format2021, '四');
    assert.deepEqual(four.find((e) => e.id === 't4-group-total:after'), {
      id: 't4-group-total:after', left: [['all', 14]], right: [['all', 10], ['all', 11], ['all', 12], ['all', 13]],
    });
    assert.equal(four.length, 3);
    assert.deepEqual(equationsForTable(format2021, '二'), []);
    const t2019 = equationsForTable(getFormat('2019'), '三');
    assert.equal(t2019.find((e) => e.id === 't3-results-total:natural')!.right.length, 19);
  });
});

describe('solveTable', () => {
  it('recovers the issue example from its own row total', () => {
    const out = solveTable({ columns: 7, equations: eqs3, rows: [{ key: 'r1', tokens: ['21710000218'] }] });
    assert.deepEqual(out.rows.r1, {
      values: [217, 1, 0, 0, 0, 0, 218], candidates: [[217, 1, 0, 0, 0, 0, 218]], status: 'recovered',
      complete: true, by: ['t3-row-total:r1'],
    });
  });

  it('recovers every cell of a wholly run-together table 三 of full-2021', () => {
    const truth = truth3();
    const out = solveTable({ columns: 7, equations: eqs3, rows: readTable(truth, block3.rows.map((r) => r.key)) });
    assert.deepEqual(Object.keys(out.rows), block3.rows.map((r) => r.key));
    for (const row of block3.rows) {
      assert.equal(out.rows[row.key]!.status, 'recovered', row.key);
      assert.deepEqual(out.rows[row.key]!.values, truth[row.key], row.key);
    }
    // 一 (186213232) has two splits of its own; the column sums chose one.
    assert.ok(out.rows.received!.by.some((id) => id.startsWith('t3-balance:')));
    assert.deepEqual(out.conflicts, []);
    assert.equal(out.exhausted, false);
  });

  it('uses the rows read fine: one glued row is fixed by its column sums', () => {
    const truth = truth3();
    const out = solveTable({ columns: 7, equations: eqs3, rows: readTable(truth, ['received']) });
    assert.deepEqual(out.rows.received!.values, [18, 6, 2, 1, 3, 2, 32]);
    assert.equal(out.rows.received!.status, 'recovered');
  });

  it('reports rows the sums cannot tell apart as ambiguous, with the true reading among the candidates', () => {
    // Two result rows both print 110000011: one is 1|10|0|0|0|0|11, the other 11|0|0|0|0|0|11.
    // Column sums fix what they hold together, not which is which.
    const truth = truth3();
    const add = (key: string, v: number[]) => { truth[key] = truth[key]!.map((x, i) => x + v[i]!); };
    truth['r3-5'] = [1, 10, 0, 0, 0, 0, 11];
    truth['r3-7'] = [11, 0, 0, 0, 0, 0, 11];
    add('r7', [12, 10, 0, 0, 0, 0, 22]);
    add('received', [12, 10, 0, 0, 0, 0, 22]);
    const glued = ['received', 'r1', 'r3-5', 'r3-7', 'r4-1', 'r7', 'carried-out'];
    const out = solveTable({ columns: 7, equations: eqs3, rows: readTable(truth, glued) });
    for (const key of ['r3-5', 'r3-7']) {
      const row = out.rows[key]!;
      assert.equal(row.status, 'ambiguous', key);
      assert.equal(row.values, null);
      assert.deepEqual(row.candidates, [[1, 10, 0, 0, 0, 0, 11], [11, 0, 0, 0, 0, 0, 11]]);
      assert.equal(row.complete, true);
    }
    for (const key of ['received', 'r1', 'r4-1', 'r7', 'carried-out']) {
      assert.equal(out.rows[key]!.status, 'recovered', key);
      assert.deepEqual(out.rows[key]!.values, truth[key], key);
    }
  });

  it('reads a row of zeros as zeros', () => {
    const out = solveTable({ columns: 7, equations: eqs3, rows: [{ key: 'r3-1', tokens: ['0000000'] }] });
    assert.deepEqual(out.rows['r3-1']!.values, [0, 0, 0, 0, 0, 0, 0]);
  });

  it('marks a row with no valid split unreadable', () => {
    const out = solveTable({
      columns: 7, equations: eqs3,
      rows: [{ key: 'r1', tokens: ['99999999999'] }, { key: 'r2', tokens: ['9'.repeat(90)] }],
    });
    for (const key of ['r1', 'r2']) {
      assert.deepEqual(out.rows[key], {
        values: null, candidates: [], status: 'unreadable', complete: true, by: [`t3-row-total:${key}`],
      }, key);
    }
  });

  it('sets aside column equations the printed figures contradict, and still reads the row from its total', () => {
    const truth = truth3();
    truth.r7 = [18, 6, 3, 1, 3, 2, 33]; // misprinted （七）总计: 自然人 17 → 18, 总计 32 → 33
    const out = solveTable({ columns: 7, equations: eqs3, rows: readTable(truth, ['r1']) });
    assert.deepEqual(out.rows.r1!.values, [7, 3, 2, 1, 1, 1, 15]);
    assert.equal(out.rows.r1!.status, 'recovered');
    assert.ok(out.conflicts.includes('t3-results-total:natural'));
    assert.ok(out.conflicts.includes('t3-results-total:total'));
    assert.ok(!out.rows.r1!.by.includes('t3-results-total:natural'));
  });

  it('ignores equations through blank cells (a blank is not 0)', () => {
    const truth = truth3();
    const rows = readTable(truth, ['received']);
    const r7 = rows.find((r) => r.key === 'r7')!;
    r7.values = r7.values!.map(() => null);
    const out = solveTable({ columns: 7, equations: eqs3, rows });
    // Without （七）总计 the balance equations cannot decide between the two splits of 186213232.
    assert.equal(out.rows.received!.status, 'ambiguous');
    assert.deepEqual(out.rows.received!.candidates, [[1, 8, 6, 2, 13, 2, 32], [18, 6, 2, 1, 3, 2, 32]]);
  });

  it('recovers table 四 from its three group totals, or lists the readings they allow', () => {
    const eqs4 = equationsForTable(format2021, '四');
    const unique = [2, 1, 0, 3, 6, 2, 0, 0, 0, 2, 1, 0, 1, 2, 4];
    const one = solveTable({ columns: 15, equations: eqs4, rows: [{ key: 'all', tokens: [unique.join('')] }] });
    assert.deepEqual(one.rows.all!.values, unique);
    assert.deepEqual(one.rows.all!.by, ['t4-group-total:after', 't4-group-total:direct', 't4-group-total:reconsideration']);
    const actual = [12, 1, 0, 3, 16, 2, 0, 0, 0, 2, 10, 0, 1, 2, 13];
    const many = solveTable({ columns: 15, equations: eqs4, rows: [{ key: 'all', tokens: [actual.join('')] }] });
    assert.equal(many.rows.all!.status, 'ambiguous');
    assert.equal(many.rows.all!.candidates.length, 4);
    assert.ok(many.rows.all!.candidates.some((c) => c.join() === actual.join()));
  });

  it('gives up on a 40-digit row within the budget, saying the search was cut short', () => {
    const out = solveTable({ columns: 7, equations: [], rows: [{ key: 'r1', tokens: [FORTY] }] }, { rowBudget: 2000, reportLimit: 5 });
    assert.equal(out.rows.r1!.status, 'ambiguous');
    assert.equal(out.rows.r1!.complete, false);
    assert.equal(out.rows.r1!.candidates.length, 5);
    assert.equal(out.exhausted, true);
  });

  it('never recovers a wrong value and keeps the true reading among the candidates (random tables)', () => {
    let seed = 20211231;
    const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
    // Values such as 1, 10, 11, 100 make splits collide, the hard case for recovery.
    const pick = () => (rnd() < 0.5 ? 0 : [1, 10, 11, 100, 101, 110, 7, 23][Math.floor(rnd() * 8)]!);
    const row = () => { const p = Array.from({ length: 6 }, pick); return [...p, p.reduce((a, b) => a + b, 0)]; };
    const results = block3.rows.filter((r) => r.role === 'result').map((r) => r.key);
    let recovered = 0, ambiguous = 0;
    for (let n = 0; n < 25; n++) {
      const v: Record<string, number[]> = Object.fromEntries(results.map((k) => [k, row()]));
      v.r7 = Array.from({ length: 7 }, (_, c) => results.reduce((s, k) => s + v[k]![c]!, 0));
      v['carried-in'] = Array.from({ length: 7 }, () => 0);
      v['carried-out'] = row();
      v.received = v.r7.map((x, c) => x + v['carried-out']![c]!);
      const glued = block3.rows.map((r) => r.key).filter(() => rnd() < 0.7);
      const out = solveTable({ columns: 7, equations: eqs3, rows: readTable(v, glued) });
      assert.deepEqual(out.conflicts, []);
      for (const [key, r] of Object.entries(out.rows)) {
        if (r.status === 'recovered') { recovered++; assert.deepEqual(r.values, v[key], key); continue; }
        assert.equal(r.status, 'ambiguous', key);
        ambiguous++;
        if (r.complete) assert.ok(r.candidates.some((c) => c.join() === v[key]!.join()), key);
      }
    }
    assert.ok(recovered > 0 && ambiguous > 0);
  });
});
