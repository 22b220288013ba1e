import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { Permission, SessionInfo } from './api-types.js';
import { AppShell } from './app-shell.js';
import { landingRoute, visibleNav } from './nav.js';
import { ReportListPage } from './pages/report-list-page.js';
import { forgetSession, setSession } from './session.js';
import { installMatchMedia, json, sessionFixture } from './test-fixtures.js';

const AUDIT: Permission[] = ['security-log.read'];
const SECURITY: Permission[] = ['agency.read', 'user.manage'];
const DRAFTER: Permission[] = ['agency.read', 'report.read', 'report.edit'];

const auditAdmin = sessionFixture({
  user: { id: 10, login: 'shenji', name: '褚审计', agencyId: 1, agencyName: '环翠区人民政府' },
  grants: [{ role: 'audit-admin', roleName: '审计管理员', agencyId: 1, agencyName: '环翠区人民政府', subtree: true }],
}, AUDIT);

function stubFetch() {
  vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    if (url.startsWith('/api/security-log')) return json([]);
    if (url.startsWith('/api/users')) return json([]);
    if (url.startsWith('/api/roles')) return json([]);
    return json([]);
  }));
}

function menu(): string[] {
  const nav = screen.getByRole('navigation', { name: '主导航' });
  return within(nav).getAllByRole('link').map((a) => a.textContent ?? '');
}

const renderAs = (session: SessionInfo) => {
  setSession(session);
  return render(<AntApp><AppShell /></AntApp>);
};

beforeAll(installMatchMedia);
beforeEach(() => { window.location.hash = ''; stubFetch(); });
afterEach(() => { cleanup(); vi.unstubAllGlobals(); forgetSession(); });

describe('menu by permission', () => {
  it('shows the publisher the business sections, not the administrators’ pages', async () => {
    renderAs(sessionFixture());
    await screen.findByRole('heading', { name: '年度报告' });
    expect(menu()).toEqual(['年度报告', '依申请公开', '办理情况统计', '机关', '工作日日历']);
    // The header names the person, the agency and the role (from the session).
    const header = screen.getByLabelText('当前用户');
    expect(header.textContent).toContain('周专员');
    expect(header.textContent).toContain('威海市环翠区行政审批服务局');
    expect(header.textContent).toContain('信息公开专职人员');
    expect(within(header).getByRole('link', { name: '修改密码' })).toBeTruthy();
    expect(within(header).getByRole('button', { name: '退出登录' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '新建报告' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '导入交换文件' })).toBeTruthy();
  });

  it('shows the audit admin only the security log, and starts there', async () => {
    renderAs(auditAdmin);
    await waitFor(() => expect(window.location.hash).toBe('#/security-log'));
    expect(await screen.findByRole('heading', { name: '安全审计日志' })).toBeTruthy();
    // The calendar is read by everyone signed in; the log stays the start page.
    expect(menu()).toEqual(['工作日日历', '安全审计日志']);
    expect(screen.getByText('审计管理员')).toBeTruthy();
  });

  it('refuses a page the person may not open, with a way back', async () => {
    window.location.hash = '#/users';
    renderAs(auditAdmin);
    expect(await screen.findByText('无权访问')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: '用户与角色' })).toBeNull();
  });

  it('computes the menu and the start page from the permissions', () => {
    const can = (held: Permission[]) => (p: Permission) => held.includes(p);
    expect(visibleNav(can(SECURITY)).map((i) => i.label)).toEqual(['机关', '工作日日历', '用户与角色']);
    expect(landingRoute(can(SECURITY))).toEqual({ name: 'users' });
    expect(landingRoute(can(AUDIT))).toEqual({ name: 'security-log' });
    expect(landingRoute(can(['agency.read', 'calendar.manage']))).toEqual({ name: 'agencies' });
    expect(landingRoute(can([]))).toBeNull();
  });

  it('hides 新建报告 and 导入 from someone who may only read or edit', async () => {
    setSession(sessionFixture({}, ['agency.read', 'report.read']));
    const { unmount } = render(<AntApp><ReportListPage /></AntApp>);
    await screen.findByRole('heading', { name: '年度报告' });
    expect(screen.queryByRole('button', { name: '新建报告' })).toBeNull();
    expect(screen.queryByRole('button', { name: '导入交换文件' })).toBeNull();
    unmount();
    setSession(sessionFixture({}, DRAFTER));
    render(<AntApp><ReportListPage /></AntApp>);
    await screen.findByRole('heading', { name: '年度报告' });
    expect(screen.getByRole('button', { name: '新建报告' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '导入交换文件' })).toBeNull();
  });
});
