import { describe, expect, it } from 'vitest';
import type { CheckReport, CheckResult } from './api-types.js';
import { cellsBySide, checkCellAddress, groupCheckResults } from './check-groups.js';
import { describeChange } from './history.js';
import { cellAddress } from './table-grid.js';

function result(id: string, severity: CheckResult['severity'], status: CheckResult['status']): CheckResult {
  return { id, ruleId: id.split(':')[0]!, severity, status, title: id, expression: '', left: null, right: null, cells: [] };
}

describe('groupCheckResults', () => {
  it('lists failing hard rules first, then warnings; counts passes; keeps skips apart', () => {
    const report: CheckReport = {
      results: [
        result('w1', 'warning', 'fail'), result('e1', 'error', 'pass'), result('e2', 'error', 'fail'),
        result('w2', 'warning', 'skipped'), result('e3', 'error', 'fail'), result('w3', 'warning', 'fail'),
        result('e4', 'error', 'skipped'), result('w4', 'warning', 'pass'),
      ],
      hardFailures: 2, warnings: 2, ok: false,
    };
    const groups = groupCheckResults(report);
    expect(groups.errors.map((r) => r.id)).toEqual(['e2', 'e3']);
    expect(groups.warnings.map((r) => r.id)).toEqual(['w1', 'w3']);
    expect(groups.skipped.map((r) => r.id)).toEqual(['w2', 'e4']);
    expect(groups.passed).toBe(2);
  });

  it('addresses current cells like the grid and leaves previous-year cells unaddressed', () => {
    const row = ['二、上年结转政府信息公开申请数量'];
    const current = { key: '三:carried-in:total', table: '三' as const, row, column: ['总计'], value: 0, of: 'current' as const, side: 'left' as const };
    const previous = { ...current, key: '三:carried-out:total', row: ['四、结转下年度继续办理'], of: 'previous' as const, side: 'right' as const };
    expect(checkCellAddress(current)).toBe(cellAddress('三', row, ['总计']));
    expect(checkCellAddress(previous)).toBeNull();
    const sides = cellsBySide({ ...result('cross-year', 'warning', 'fail'), cells: [current, previous] });
    expect(sides.left).toEqual([current]);
    expect(sides.right).toEqual([previous]);
  });
});

describe('describeChange', () => {
  it('names status changes in Chinese', () => {
    expect(describeChange({ status: 'draft' }, { status: 'checked', version: 2 })).toEqual(['状态：草稿 → 已检查', '版本：第 2 版']);
  });

  it('shows a blank cell as 空白, distinct from 0', () => {
    expect(describeChange({ cells: { '三:received:total': null } }, { cells: { '三:received:total': 0 } }))
      .toEqual(['单元格 三:received:total：空白 → 0']);
  });
});
