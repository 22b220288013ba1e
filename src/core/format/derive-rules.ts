/**
 * Consistency rules derived from a format's tables (spec: 勾稽关系). The roles of rows and
 * columns say what sums to what, so a new format gets its rules from its own definition.
 */
import { cellKey } from './cell-key.js';
import type { BlockDef, ColumnDef, EquationRule, TableDef, Term } from './format-types.js';

const cur = (cell: string): Term => ({ cell });
const prev = (cell: string, sign: 1 | -1 = 1): Term => ({ cell, of: 'previous', sign });

function rowsWith(block: BlockDef, role: string) {
  return block.rows.filter((r) => r.role === role);
}

/** Rule 2 and 4: every total column = Σ the part columns of its group, for each row. */
function totalColumnRules(table: TableDef, block: BlockDef): EquationRule[] {
  const rules: EquationRule[] = [];
  for (const total of block.columns.filter((c) => c.role === 'total')) {
    const parts = block.columns.filter((c) => c.role === 'part' && c.group === total.group);
    for (const row of block.rows) {
      const isT3 = table.id === '三';
      rules.push({
        ruleId: isT3 ? 't3-row-total' : 't4-group-total',
        id: isT3 ? `t3-row-total:${row.key}` : `t4-group-total:${total.group}`,
        severity: 'error',
        title: isT3
          ? `表三“${row.short}”行的总计等于各类申请人之和`
          : `表四“${total.path.slice(0, -1).join('—')}”的总计等于结果维持、结果纠正、其他结果、尚未审结之和`,
        left: [cur(cellKey(table.id, row.key, total.key))],
        right: parts.map((p) => cur(cellKey(table.id, row.key, p.key))),
      });
    }
  }
  return rules;
}

/** Rules 1 and 3 on table 三, per applicant column and for 总计. */
function applicationRules(table: TableDef, block: BlockDef): EquationRule[] {
  const [received] = rowsWith(block, 'received');
  const [carriedIn] = rowsWith(block, 'carried-in');
  const [resultsTotal] = rowsWith(block, 'results-total');
  const [carriedOut] = rowsWith(block, 'carried-out');
  const results = rowsWith(block, 'result');
  if (!received || !carriedIn || !resultsTotal || !carriedOut) return [];
  const key = (row: string, col: ColumnDef) => cellKey(table.id, row, col.key);
  return block.columns.flatMap((col): EquationRule[] => [
    {
      ruleId: 't3-balance', id: `t3-balance:${col.key}`, severity: 'error',
      title: `表三（${col.short}）：第一项加第二项之和等于第三项加第四项之和`,
      left: [cur(key(received.key, col)), cur(key(carriedIn.key, col))],
      right: [cur(key(resultsTotal.key, col)), cur(key(carriedOut.key, col))],
    },
    {
      ruleId: 't3-results-total', id: `t3-results-total:${col.key}`, severity: 'error',
      title: `表三（${col.short}）：办理结果总计等于各项办理结果之和`,
      left: [cur(key(resultsTotal.key, col))],
      right: results.map((r) => cur(key(r.key, col))),
    },
  ]);
}

/** Rule 7: this year's 二、上年结转 = last year's 四、结转下年度, column by column (soft). */
function carryOverRules(table: TableDef, block: BlockDef): EquationRule[] {
  const [carriedIn] = rowsWith(block, 'carried-in');
  const [carriedOut] = rowsWith(block, 'carried-out');
  if (!carriedIn || !carriedOut) return [];
  return block.columns.map((col) => ({
    ruleId: 'cross-year-carry-over', id: `cross-year-carry-over:${col.key}`, severity: 'warning',
    title: `表三（${col.short}）：本年“上年结转”等于上一年度报告“结转下年度继续办理”`,
    left: [cur(cellKey(table.id, carriedIn.key, col.key))],
    right: [prev(cellKey(table.id, carriedOut.key, col.key))],
  }));
}

/** Rules 8 and 9 on table 二: item counts carried from one year to the next (soft). */
function itemCountRules(table: TableDef, block: BlockDef): EquationRule[] {
  const byRole = (role: ColumnDef['role']) => block.columns.find((c) => c.role === role);
  const prevCount = byRole('prev-count');
  const change = byRole('change');
  const inForce = byRole('in-force');
  const issued = byRole('issued');
  const repealed = byRole('repealed');
  const rules: EquationRule[] = [];
  for (const row of block.rows) {
    const k = (c: ColumnDef) => cellKey(table.id, row.key, c.key);
    if (prevCount && change) {
      rules.push({
        ruleId: 'cross-year-item-count', id: `cross-year-item-count:${row.key}`, severity: 'warning',
        title: `表二“${row.path.at(-1)}”：本年“上一年项目数量”等于上一年度报告的“上一年项目数量”加“本年增/减”`,
        left: [cur(k(prevCount))],
        right: [prev(k(prevCount)), prev(k(change))],
      });
    }
    if (inForce && issued && repealed) {
      rules.push({
        ruleId: 'cross-year-in-force', id: `cross-year-in-force:${row.key}`, severity: 'warning',
        title: `表二“${row.path.at(-1)}”：现行有效件数约等于上一年度现行有效件数加本年制发件数减本年废止件数`,
        left: [cur(k(inForce))],
        right: [prev(k(inForce)), cur(k(issued)), { cell: k(repealed), sign: -1 }],
      });
    }
  }
  return rules;
}

/** All equation rules of a format, derived from its tables. */
export function deriveRules(tables: TableDef[]): EquationRule[] {
  return tables.flatMap((table) =>
    table.blocks.flatMap((block) => [
      ...applicationRules(table, block),
      ...totalColumnRules(table, block),
      ...carryOverRules(table, block),
      ...itemCountRules(table, block),
    ]),
  );
}
