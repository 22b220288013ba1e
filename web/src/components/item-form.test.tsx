import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ItemFields } from '../disclosure-types.js';
import { installMatchMedia, json } from '../test-fixtures.js';
import { ItemForm, emptyFields } from './item-form.js';

beforeAll(installMatchMedia);
afterEach(() => { cleanup(); vi.unstubAllGlobals(); });

const summary = (id: number, title: string, docNo: string | null = null) => ({ id, title, docNo });

describe('ItemForm: 本文为以下文件的解读', () => {
  it('shows the stored 解读对象, searches the agency’s items by title (not itself) and sets the choice', async () => {
    const fetch = vi.fn(async (_input: RequestInfo | URL) => json({
      total: 2, page: 1, pageSize: 20, items: [summary(7, '本文自身'), summary(8, '关于印发《政务服务事项管理办法》的通知', '环审批规〔2024〕1号')],
    }));
    vi.stubGlobal('fetch', fetch);
    const onChange = vi.fn<(f: ItemFields) => void>();
    const value = { ...emptyFields('威海市环翠区行政审批服务局', '2026-12-01'), interprets: 5 };
    render(<ItemForm value={value} onChange={onChange} tree={[]} agencyId={2} itemId={7} interpretsTitle="原解读对象的标题"
      problems={[{ message: '解读对象“区政府的文件”不是本机关的政府信息', place: { field: 'interprets' } }]} />);
    expect(screen.getByText('本文为以下文件的解读')).toBeTruthy();
    expect(screen.getByTitle('原解读对象的标题')).toBeTruthy();
    expect(screen.getByText('解读对象“区政府的文件”不是本机关的政府信息')).toBeTruthy();

    const input = document.getElementById('gk-item-interprets') as HTMLInputElement;
    fireEvent.mouseDown(input);
    fireEvent.change(input, { target: { value: '政务服务' } });
    await waitFor(() => expect(fetch.mock.calls.some(([url]) => String(url).includes('/api/agencies/2/items?q=%E6%94%BF%E5%8A%A1%E6%9C%8D%E5%8A%A1&pageSize=20'))).toBe(true));
    const option = await screen.findByTitle('关于印发《政务服务事项管理办法》的通知（环审批规〔2024〕1号）');
    expect(screen.queryByTitle('本文自身')).toBeNull();
    fireEvent.click(option);
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ interprets: 8 }));
  });
});
