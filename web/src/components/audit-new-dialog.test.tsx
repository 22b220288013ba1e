import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { batchFixture, fileRow } from '../audit-fixtures.js';
import { setSession } from '../session.js';
import { installDomStubs } from '../test-dom.js';
import { json, sessionFixture } from '../test-fixtures.js';
import { AuditNewDialog } from './audit-new-dialog.js';

beforeAll(installDomStubs);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setSession(null);
});

/** A file of a given size without allocating it. */
function fileOfSize(name: string, size: number): File {
  const file = new File(['x'], name, { type: 'application/zip' });
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

describe('AuditNewDialog', () => {
  it('lists chosen files with their sizes, refuses a report over 50 MB, and audits earlier files again as JSON', { timeout: 60_000 }, async () => {
    setSession(sessionFixture({}, ['audit.run']));
    const posts: unknown[] = [];
    vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      if (url === '/api/audits' && init?.method === 'POST') {
        posts.push(JSON.parse(String(init.body)));
        return json(batchFixture({ id: 4 }), 202);
      }
      if (url.startsWith('/api/audits/3')) return json({ batch: batchFixture(), files: [fileRow(), fileRow({ id: 12, name: '乙局2021年报.pdf', size: 2_500_000 })] });
      return json([]);
    }));
    const created = vi.fn();
    render(<AntApp><AuditNewDialog open batches={[batchFixture({ state: 'done' })]} onClose={() => {}} onCreated={created} /></AntApp>);
    const dialog = await screen.findByRole('dialog', {}, { timeout: 15_000 });
    const input = dialog.querySelector('input[type=file]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [fileOfSize('甲局2021年报.docx', 48_000), fileOfSize('全部年报.pdf', 60 * 1024 * 1024)] } });
    const chosen = await within(dialog).findByRole('list', { name: '已选择的文件' }, { timeout: 10_000 });
    expect(chosen.textContent).toContain('甲局2021年报.docx');
    expect(chosen.textContent).toContain('46.9 KB');
    expect(chosen.textContent).not.toContain('全部年报.pdf');
    expect(within(dialog).getByText('文件“全部年报.pdf”大小为 60.0 MB，超过 50 MB 的上限，未加入。')).toBeTruthy();

    // Earlier files of a batch, audited again.
    fireEvent.click(within(dialog).getByText('选择已上传的文件重新核查'));
    fireEvent.mouseDown(within(dialog).getByRole('combobox', { name: '核查批次' }));
    fireEvent.click(await screen.findByTitle('2021 年度各部门年报核查（40 个文件）', {}, { timeout: 10_000 }));
    fireEvent.click(await within(dialog).findByRole('button', { name: '全部选择' }, { timeout: 10_000 }));
    fireEvent.click(within(dialog).getByRole('button', { name: /开始核查/ }));
    await waitFor(() => expect(posts).toEqual([{ fileIds: [11, 12] }]), { timeout: 10_000 });
    await waitFor(() => expect(created).toHaveBeenCalledWith(expect.objectContaining({ id: 4 })));
  });
});
