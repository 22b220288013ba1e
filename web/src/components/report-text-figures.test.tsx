import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { ReportSummary } from '../api-types.js';
import { disclosureApi } from '../disclosure-api.js';
import type { TextFigure, TextFigures } from '../disclosure-types.js';
import { installMatchMedia } from '../test-fixtures.js';
import { ReportTextFigures } from './report-text-figures.js';

beforeAll(installMatchMedia);
afterEach(() => { cleanup(); vi.restoreAllMocks(); });

const figure = (key: string, label: string, status: TextFigure['status'], statusName: string, written: number | null, current: number | null): TextFigure => ({
  key, label, section: '一', anchor: '', unit: '件', decimals: 0, value: written ?? 0, written, current, status, statusName, source: '依申请公开办理数据（截至 2024-12-31）', link: null,
});

const report = { id: 3, version: 4, year: 2024 } as ReportSummary;

describe('ReportTextFigures (the report text drafted from the data)', () => {
  it('lists the figures of the drafted text, those that no longer match the data first', async () => {
    const view: TextFigures = {
      drafted: { at: '2025-01-10T02:00:00.000Z', by: '王公开', version: 4, asOf: '2024-12-31' }, asOf: '2024-12-31',
      figures: [
        figure('applications.received', '本年新收政府信息公开申请（件）', 'ok', '与数据一致', 32, 32),
        figure('applications.carried-out', '结转下年度继续办理（件）', 'data-changed', '数据已变化，正文仍为起草时的数字', 5, 6),
      ],
    };
    vi.spyOn(disclosureApi, 'textFigures').mockResolvedValue(view);
    render(<ReportTextFigures report={report} onDrafted={() => {}} onError={() => {}} />);
    expect(await screen.findByText('有 1 个数字与数据不一致或已找不到，请核对正文。')).toBeTruthy();
    const rows = screen.getAllByRole('row').slice(1);
    expect(within(rows[0]!).getByText('数据已变化，正文仍为起草时的数字')).toBeTruthy();
    expect(within(rows[0]!).getByText('5件')).toBeTruthy();
    expect(within(rows[0]!).getByText('6件')).toBeTruthy();
    expect(within(rows[1]!).getByText('与数据一致')).toBeTruthy();
  });

  it('says the text was never drafted, and blocks drafting while edits are unsaved', async () => {
    vi.spyOn(disclosureApi, 'textFigures').mockResolvedValue({ drafted: null, asOf: '2024-12-31', figures: [] });
    render(<ReportTextFigures report={report} disabledReason="请先保存修改" onDrafted={() => {}} onError={() => {}} />);
    expect(await screen.findByText(/正文尚未按数据起草/)).toBeTruthy();
    const button = screen.getByRole('button', { name: '按数据起草第一、六部分' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.title).toBe('请先保存修改');
  });
});
