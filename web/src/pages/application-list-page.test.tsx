import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { Agency, ApplicationSummary, CaseWarnings } from '../api-types.js';
import { ApplicationListPage } from './application-list-page.js';
import { installDomStubs } from '../test-dom.js';

const agencies: Agency[] = [
  { id: 2, name: '威海市环翠区行政审批服务局', parentId: 1, kind: 'department', createdAt: '2026-12-01T00:00:00.000Z' },
];

const summary = (over: Partial<ApplicationSummary>): ApplicationSummary => ({
  id: 1, agencyId: 2, agencyName: '威海市环翠区行政审批服务局', caseNo: '2025-0001', channel: 'in-person', receivedOn: '2025-09-26',
  applicantType: 'natural', applicantTypeName: '自然人',
  applicant: { name: '张**', idNumber: '11**************2X', phone: '138****5678', address: '山东省威海市环翠区****' },
  subject: '2024年度行政许可事项清单', formWanted: '电子邮件', state: 'received', stateName: '办理中', dueOn: '2025-10-30',
  decision: null, resultRow: null, decidedOn: null, closedOn: null, feeMethod: null, feeAmount: null, receivedBy: '办公室王科长',
  office: '政策法规科', handler: '李四', createdAt: '2026-12-04T00:00:00.000Z', updatedAt: '2026-12-04T00:00:00.000Z', ...over,
});

const cases = [
  summary({}),
  summary({ id: 2, caseNo: '2026-0001', receivedOn: '2026-11-20', dueOn: null, state: 'consulting', stateName: '征求意见中',
    applicantType: 'commercial', applicantTypeName: '商业企业', applicant: { name: '威**公司', idNumber: '91**************0X', phone: '', address: '' },
    office: null, handler: null }),
];

const warnings: CaseWarnings = {
  today: '2026-12-04', dueSoonUntil: '2026-12-09', pending: null,
  offices: [{ office: '政策法规科', overdue: 1, dueSoon: 1 }],
  groups: [{
    office: '政策法规科', handler: '李四', assigned: true,
    overdue: [{ id: 1, caseNo: '2025-0001', state: 'received', receivedOn: '2025-09-26', dueOn: '2025-10-30', workingDaysLeft: -273 }],
    dueSoon: [{ id: 3, caseNo: '2026-0002', state: 'received', receivedOn: '2026-11-06', dueOn: '2026-12-08', workingDaysLeft: 2 }],
  }],
};

const pendingWarnings: CaseWarnings = {
  ...warnings,
  pending: {
    year: 2027, title: '答复期限待定：尚未录入 2027 年节假日安排', count: 1,
    cases: [{ id: 4, caseNo: '2026-0003', state: 'received', receivedOn: '2026-12-18', office: '未指定承办科室', handler: '办公室王科长', assigned: false }],
  },
};

function mockFetch(w: CaseWarnings = warnings) {
  const calls: string[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    calls.push(url);
    const body = url.startsWith('/api/agencies') ? agencies
      : url.startsWith('/api/applications/warnings/by-agency') ? [{ agencyId: 2, agencyName: '威海市环翠区行政审批服务局', warnings: w }]
      : url.startsWith('/api/applications/warnings') ? w
      : url.startsWith('/api/applications') ? cases
      : null;
    return new Response(JSON.stringify(body ?? { code: 'NOT_FOUND', message: '未找到' }), { status: body ? 200 : 404 });
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}

// jsdom has no matchMedia (antd's table asks it for the breakpoints) nor ResizeObserver (a scrolling table).
beforeAll(installDomStubs);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ApplicationListPage', () => {
  it('lists the cases with masked applicant, type, state, deadline and handler', async () => {
    const calls = mockFetch();
    render(<ApplicationListPage />);
    const link = await screen.findByRole('link', { name: '2026-0001' });
    expect(link.getAttribute('href')).toBe('#/applications/2');
    const rows = screen.getAllByRole('row').filter((r) => r.closest('tbody'));
    expect(rows).toHaveLength(2);
    const first = within(rows[0]!);
    expect(first.getByText('2025年9月26日')).toBeTruthy();
    expect(first.getByText('张**')).toBeTruthy();
    expect(first.getByText('自然人')).toBeTruthy();
    expect(first.getByText('办理中')).toBeTruthy();
    expect(first.getByText('2025年10月30日（已逾期）').className).toContain('gk-overdue');
    expect(first.getByText('政策法规科 / 李四')).toBeTruthy();
    const second = within(rows[1]!);
    expect(second.getByText('威**公司')).toBeTruthy();
    expect(second.getByText('征求意见中')).toBeTruthy();
    expect(second.getByText('暂停计算')).toBeTruthy();
    expect(second.getByText('未分配')).toBeTruthy();
    // “仅未办结” is on by default; without a chosen agency every agency's warnings come in one request.
    expect(calls).toContain('/api/applications?open=true');
    expect(calls).toContain('/api/applications/warnings/by-agency');
    expect(calls.filter((u) => u.startsWith('/api/applications/warnings?'))).toEqual([]);
    expect((screen.getByRole('switch', { name: '仅未办结' }) as HTMLButtonElement).getAttribute('aria-checked')).toBe('true');
  });

  it('shows per office the overdue and due-soon counts and the overdue cases in red', async () => {
    mockFetch();
    const { container } = render(<ApplicationListPage />);
    await screen.findByText('已逾期 1 件');
    expect(screen.getByText('期限预警')).toBeTruthy();
    expect(screen.getByText('政策法规科')).toBeTruthy();
    expect(screen.getByText('已逾期 1 件').className).toContain('gk-warn-count-overdue');
    expect(screen.getByText('即将到期 1 件')).toBeTruthy();
    expect(screen.getByText('共 1 件申请已超过答复期限，请尽快办理。')).toBeTruthy();
    const overdue = container.querySelectorAll('li.gk-warn-overdue');
    expect(overdue).toHaveLength(1);
    expect(overdue[0]!.textContent).toContain('2025-0001');
    expect(overdue[0]!.textContent).toContain('已逾期 273 个工作日');
    const soon = container.querySelectorAll('li.gk-warn-soon');
    expect(soon).toHaveLength(1);
    expect(soon[0]!.textContent).toContain('还剩 2 个工作日');
  });

  it('keeps cases whose deadline waits for next year’s holidays in a counted group, and asks for the notice', async () => {
    mockFetch(pendingWarnings);
    const { container } = render(<ApplicationListPage />);
    expect(await screen.findByText('答复期限待定：尚未录入 2027 年节假日安排')).toBeTruthy();
    expect(screen.getByText('待定 1 件')).toBeTruthy();
    const line = container.querySelector('li.gk-warn-pending-case')!;
    expect(line.textContent).toContain('2026-0003');
    expect(line.textContent).toContain('2026年12月18日');
    expect(line.querySelector('a')!.getAttribute('href')).toBe('#/applications/4');
    // Without calendar.manage: ask the system administrator; the link opens that year in the calendar.
    expect(screen.getByText('1 件申请的答复期限因尚未录入 2027 年节假日安排而暂时无法计算。')).toBeTruthy();
    expect(screen.getByText(/请联系系统管理员/)).toBeTruthy();
    expect(screen.getByRole('link', { name: '查看工作日日历' }).getAttribute('href')).toBe('#/calendar/2027');
  });
});
