import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { buildTableGrid, cellAddress } from '../table-grid.js';
import { demoDocument } from '../test-fixtures.js';
import { TableGridView } from './table-grid-view.js';
import { CheckResultsView } from './check-results-view.js';
import type { CheckReport } from '../api-types.js';

afterEach(cleanup);

describe('TableGridView', () => {
  const grid = buildTableGrid('二', demoDocument().cells);
  const licensing = '第二十条第（五）项 行政许可 处理决定数量';
  const blankLabel = '第二十条第（一）项 规章 本年新制作数量';

  it('shows the figures in inputs, blank cells empty, amounts with their unit', () => {
    render(<TableGridView grid={grid} readOnly={false} highlighted={new Set()} onChange={() => {}} />);
    expect((screen.getByLabelText(licensing) as HTMLInputElement).value).toBe('17302');
    expect((screen.getByLabelText(blankLabel) as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('第二十条第（九）项 政府集中采购 采购总金额') as HTMLInputElement).value).toBe('165.51');
    expect(screen.getByLabelText('第二十条第（九）项 政府集中采购 采购总金额（单位）')).toBeTruthy();
    expect(screen.getAllByText('万元').length).toBeGreaterThan(0);
    expect(screen.getByText('第二十条第（一）项').tagName).toBe('TH');
  });

  it('hands up typed numbers and an emptied cell as blank (null), not 0', () => {
    const onChange = vi.fn();
    render(<TableGridView grid={grid} readOnly={false} highlighted={new Set()} onChange={onChange} />);
    const input = screen.getByLabelText(licensing) as HTMLInputElement;
    fireEvent.change(input, { target: { value: '' } });
    const index = grid.rows.flat().find((c) => c.kind === 'value' && c.text === '17302');
    expect(onChange).toHaveBeenLastCalledWith(index && 'index' in index ? index.index : -1, null);
    fireEvent.change(input, { target: { value: '0' } });
    expect(onChange).toHaveBeenLastCalledWith(expect.any(Number), 0);
  });

  it('is read-only for a published report and marks highlighted cells', () => {
    const address = cellAddress('二', ['第二十条第（五）项', '行政许可'], ['处理决定数量']);
    const { container } = render(<TableGridView grid={grid} readOnly highlighted={new Set([address])} onChange={() => {}} />);
    expect(container.querySelectorAll('input')).toHaveLength(0);
    expect(screen.getByText('17302')).toBeTruthy();
    expect(screen.getByText('165.51万元')).toBeTruthy();
    const marked = container.querySelectorAll('td.gk-highlight');
    expect(marked).toHaveLength(1);
    expect(marked[0]!.textContent).toBe('17302');
  });
});

describe('CheckResultsView', () => {
  it('lists errors before warnings and shows a clicked cell in the table', () => {
    const cell = { key: '三:received:total', table: '三' as const, row: ['一、本年新收政府信息公开申请数量'], column: ['总计'], value: null, of: 'current' as const, side: 'left' as const };
    const checks: CheckReport = {
      ok: false, hardFailures: 1, warnings: 1,
      results: [
        { id: 'w', ruleId: 'blank', severity: 'warning', status: 'fail', title: '应填数字的单元格为空白', expression: '', left: null, right: null, cells: [] },
        { id: 'e', ruleId: 't3-balance', severity: 'error', status: 'fail', title: '表三（总计）：第一项加第二项之和等于第三项加第四项之和',
          expression: '一（总计） + 二（总计） = （七）总计（总计） + 四（总计）：空白 + 0 ≠ 1 + 0', left: 0, right: 1, cells: [cell] },
      ],
    };
    const onShow = vi.fn();
    const { container } = render(<CheckResultsView checks={checks} onShowCells={onShow} />);
    const titles = [...container.querySelectorAll('.gk-result-title')].map((e) => e.textContent);
    expect(titles).toEqual(['表三（总计）：第一项加第二项之和等于第三项加第四项之和', '应填数字的单元格为空白']);
    fireEvent.click(screen.getByRole('button', { name: /一、本年新收政府信息公开申请数量 \/ 总计：空白/ }));
    expect(onShow).toHaveBeenCalledWith([cellAddress('三', cell.row, cell.column)]);
  });
});
