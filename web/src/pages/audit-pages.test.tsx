import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { auditLabels, batchFixture, detailFixture, fileRow } from '../audit-fixtures.js';
import { setSession } from '../session.js';
import { installDomStubs } from '../test-dom.js';
import { json, sessionFixture } from '../test-fixtures.js';
import { AuditBatchPage } from './audit-batch-page.js';
import { AuditFilePage } from './audit-file-page.js';

beforeAll(installDomStubs);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  setSession(null);
});

describe('AuditBatchPage', () => {
  it('shows the progress while reading, then the results with unreadable files and their reason; filters ask the server', { timeout: 60_000 }, async () => {
    setSession(sessionFixture({}, ['audit.run']));
    const urls: string[] = [];
    let reading = true;
    vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => {
      const url = String(input);
      urls.push(url);
      if (url === '/api/audits/labels') return json(auditLabels);
      if (url.startsWith('/api/audits/3')) {
        const batch = reading ? batchFixture() : batchFixture({ state: 'done', stateLabel: '已完成', done: 40, current: null });
        return json({ batch, files: [fileRow(), fileRow({ id: 12, name: '说明.txt', state: 'failed', stateLabel: '无法读取', error: '文件中没有找到年度报告的统计表', agencyName: null, year: null, format: null, formatLabel: null })] });
      }
      return json([]);
    }));
    render(<AntApp><AuditBatchPage id={3} /></AntApp>);
    await screen.findByText('正在读取 12/40：某局2021年报.docx', {}, { timeout: 15_000 });
    expect(screen.getByRole('button', { name: /停止读取/ })).toBeTruthy();
    // Asked again about once a second while reading.
    reading = false;
    await waitFor(() => expect(screen.queryByText(/正在读取 12\/40/)).toBeNull(), { timeout: 5000 });
    const table = screen.getAllByRole('table').at(-1)!;
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[1]!.textContent).toContain('无法读取：文件中没有找到年度报告的统计表');
    expect(within(rows[0]!).getByRole('link', { name: '某局2021年报.docx' }).getAttribute('href')).toBe('#/audits/3/files/11');
    // The severity filter's options are the server's words.
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '按问题类别筛选' }));
    fireEvent.click(await screen.findByTitle('无法读取', {}, { timeout: 10_000 }));
    await waitFor(() => expect(urls).toContain('/api/audits/3?severity=unreadable'), { timeout: 10_000 });
  });
});

describe('AuditFilePage', () => {
  it('lists findings errors first, highlights a finding’s cells, and dismisses only with a note', { timeout: 60_000 }, async () => {
    setSession(sessionFixture({}, ['audit.run']));
    const puts: unknown[] = [];
    vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      if (url === '/api/audits/labels') return json(auditLabels);
      if (url === '/api/audits/3/files/11') return json(detailFixture());
      if (url.startsWith('/api/audits/3/files/11/findings/') && init?.method === 'PUT') {
        const body = JSON.parse(String(init.body)) as { kind: 'dismissed'; note: string };
        puts.push(body);
        return json({ ...detailFixture().findings[1], decision: { kind: body.kind, kindLabel: '不是问题', note: body.note, by: { id: 7, name: '郑督查' }, at: '2026-12-05T03:00:00Z' } });
      }
      if (url.startsWith('/api/audits/3')) return json({ batch: batchFixture(), files: [] });
      return json([]);
    }));
    render(<AntApp><AuditFilePage batchId={3} fileId={11} /></AntApp>);
    await screen.findByText('表三“（四）无法提供”起 3 行共 21 个单元格空白', {}, { timeout: 15_000 });
    const findings = screen.getAllByRole('table')[0]!;
    const rows = within(findings).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['错误', '警告']);
    // The cells are coloured by state; the selected finding's cell is outlined.
    fireEvent.click(within(rows[0]!).getByRole('button', { name: /在表中标出/ }));
    expect(document.querySelector('[data-key="三:received:total"]')!.className).toContain('gk-audit-selected');
    expect(document.querySelector('[data-key="三:received:natural"]')!.className).toContain('gk-audit-recovered');
    expect(document.querySelector('[data-key="三:carried:natural"]')!.className).toContain('gk-audit-missing');
    // Dismissing without a note is refused in the dialog; with one it is stored and shown with who.
    fireEvent.click(within(rows[0]!).getByRole('button', { name: /^不是问题：/ }));
    const dialog = await screen.findByRole('dialog', {}, { timeout: 10_000 });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await within(dialog).findByText('认定“不是问题”时须填写说明。', {}, { timeout: 10_000 });
    expect(puts).toEqual([]);
    fireEvent.change(within(dialog).getByLabelText(/说明/), { target: { value: '原文表格合计如此，已电话核实' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(puts).toEqual([{ kind: 'dismissed', note: '原文表格合计如此，已电话核实' }]), { timeout: 10_000 });
    await waitFor(() => expect(document.querySelector('.gk-audit-note')?.textContent).toBe('原文表格合计如此，已电话核实'), { timeout: 10_000 });
    expect(screen.getByText(/郑督查/)).toBeTruthy();
  });
});
