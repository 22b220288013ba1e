import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { Agency, RoleInfo, UserInfo } from '../api-types.js';
import { forgetSession, setSession } from '../session.js';
import { installMatchMedia, json, sessionFixture } from '../test-fixtures.js';
import { UsersPage } from './users-page.js';

const agencies: Agency[] = [
  { id: 1, name: '环翠区人民政府', parentId: null, kind: 'government', createdAt: '2026-01-01T00:00:00.000Z' },
  { id: 2, name: '威海市环翠区行政审批服务局', parentId: 1, kind: 'department', createdAt: '2026-01-01T00:00:00.000Z' },
];

const roles: RoleInfo[] = [
  { key: 'publisher', name: '信息公开专职人员', description: '发布年度报告，登记和办理政府信息公开申请', administrator: false, permissions: [{ key: 'report.publish', name: '发布年度报告' }] },
  { key: 'audit-admin', name: '审计管理员', description: '查阅和导出安全审计日志', administrator: true, permissions: [{ key: 'security-log.read', name: '查阅安全审计日志' }] },
];

const user = (over: Partial<UserInfo>): UserInfo => ({
  id: 5, login: 'gongkai', name: '周专员', agencyId: 2, office: '政务公开科', phone: null, active: true, mustChangePassword: false,
  lockedUntil: null, createdAt: '2026-01-01T00:00:00.000Z', grants: [], ...over,
});

const gongkai = user({
  grants: [{ id: 51, role: 'publisher', roleName: '信息公开专职人员', agencyId: 2, agencyName: '威海市环翠区行政审批服务局', subtree: false, grantedAt: '2026-01-01T00:00:00.000Z', grantedBy: '陈安全' }],
});
const jiandu = user({
  id: 7, login: 'jiandu', name: '郑督查', agencyId: 1, office: null, active: false, lockedUntil: '2999-01-01T00:00:00.000Z',
  grants: [{ id: 71, role: 'supervisor', roleName: '上级监督', agencyId: 1, agencyName: '环翠区人民政府', subtree: true, grantedAt: '2026-01-01T00:00:00.000Z', grantedBy: '陈安全' }],
});

interface Call { method: string; url: string; headers: Record<string, string>; body: unknown }

function mockServer(extra: Record<string, (call: Call) => Response> = {}) {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const call: Call = {
      method: init.method ?? 'GET', url, headers: (init.headers ?? {}) as Record<string, string>,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    const key = `${call.method} ${url}`;
    if (extra[key]) return extra[key](call);
    if (key === 'GET /api/users') return json([gongkai, jiandu]);
    if (key === 'GET /api/roles') return json(roles);
    if (key === 'GET /api/agencies') return json(agencies);
    return json({ code: 'NOT_FOUND', message: '未找到' }, 404);
  }));
  return calls;
}

const renderPage = () => render(<AntApp><UsersPage /></AntApp>);
const rowOf = (login: string) => screen.getAllByRole('row').find((r) => r.closest('tbody') && within(r).queryByText(login))!;

beforeAll(installMatchMedia);
beforeEach(() => setSession(sessionFixture({ csrfToken: 'csrf-anquan' }, ['agency.read', 'user.manage'])));
afterEach(() => { cleanup(); vi.unstubAllGlobals(); forgetSession(); });

describe('UsersPage', () => {
  it('lists the users with agency, office, state, lock and roles (with agency and 含下级)', async () => {
    mockServer();
    renderPage();
    await screen.findByText('gongkai');
    const first = within(rowOf('gongkai'));
    expect(first.getByText('周专员')).toBeTruthy();
    expect(first.getAllByText('威海市环翠区行政审批服务局').length).toBeGreaterThan(0);
    expect(first.getByText('政务公开科')).toBeTruthy();
    expect(first.getByText('启用')).toBeTruthy();
    expect(first.getByText('信息公开专职人员')).toBeTruthy();
    const second = within(rowOf('jiandu'));
    expect(second.getByText('停用')).toBeTruthy();
    expect(second.getByText('上级监督')).toBeTruthy();
    expect(second.getByText('环翠区人民政府（含下级）')).toBeTruthy();
    expect(second.getByText(/^2999-01-01/).className).toContain('gk-overdue');
    expect(second.getByRole('button', { name: '启用（郑督查）' })).toBeTruthy();
  });

  it('creates a user and shows the generated initial password once, with a copy button', async () => {
    const created = user({ id: 12, login: 'xinren', name: '新同事', grants: [], mustChangePassword: true });
    const calls = mockServer({ 'POST /api/users': () => json({ user: created, initialPassword: 'Init#Pass-8842' }, 201) });
    renderPage();
    await screen.findByText('gongkai');
    fireEvent.click(screen.getByRole('button', { name: '新建用户' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('登录名'), { target: { value: 'xinren' } });
    fireEvent.change(within(dialog).getByLabelText('姓名'), { target: { value: '新同事' } });
    fireEvent.change(within(dialog).getByLabelText('科室'), { target: { value: '办公室' } });
    // Choose the agency in the tree select.
    fireEvent.mouseDown(within(dialog).getByLabelText('所在机关'));
    fireEvent.click(await screen.findByTitle('威海市环翠区行政审批服务局'));
    fireEvent.click(within(dialog).getByRole('button', { name: /新\s*建/ }));
    expect(await screen.findByText('Init#Pass-8842')).toBeTruthy();
    expect(screen.getByText(/初始密码只显示这一次/)).toBeTruthy();
    expect(screen.getByText(/用户首次登录时须修改此密码/)).toBeTruthy();
    expect(screen.getByRole('button', { name: /复\s*制/ })).toBeTruthy();
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({ login: 'xinren', name: '新同事', agencyId: 2, office: '办公室', phone: null });
    expect(post.headers['x-csrf-token']).toBe('csrf-anquan');
    fireEvent.click(screen.getByRole('button', { name: '我已记下，关闭' }));
    expect(rowOf('xinren')).toBeTruthy();
  });

  it('shows the server’s Chinese message when a grant breaks 三员分立', async () => {
    const message = '审计管理员不得同时担任其他角色（已担任：信息公开专职人员），三员分立';
    const calls = mockServer({ 'POST /api/users/5/grants': () => json({ code: 'CONFLICT', message }, 409) });
    renderPage();
    await screen.findByText('gongkai');
    fireEvent.click(screen.getByRole('button', { name: '授予角色（周专员）' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.mouseDown(within(dialog).getByLabelText('角色', { exact: true }));
    fireEvent.click((await screen.findByText('查阅和导出安全审计日志')).closest('.ant-select-item-option')!);
    expect(await within(dialog).findByText(/管理员角色（三员分立）/)).toBeTruthy();
    fireEvent.click(within(dialog).getByLabelText('含下级机关'));
    fireEvent.click(within(dialog).getByRole('button', { name: /授\s*予/ }));
    expect(await within(dialog).findByText(message)).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ role: 'audit-admin', agencyId: 2, subtree: true });
  });

  it('revokes a role after confirmation', async () => {
    const calls = mockServer({ 'DELETE /api/users/5/grants/51': () => json({ ...gongkai, grants: [] }) });
    renderPage();
    await screen.findByText('gongkai');
    fireEvent.click(screen.getByRole('button', { name: '撤销（周专员的信息公开专职人员，威海市环翠区行政审批服务局）' }));
    const confirm = (await screen.findAllByText('撤销“周专员”的角色？'))[0]!.closest('.ant-modal') as HTMLElement;
    expect(confirm.textContent).toContain('信息公开专职人员（威海市环翠区行政审批服务局）');
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    fireEvent.click(within(confirm).getByRole('button', { name: /撤\s*销/ }));
    await waitFor(() => expect(within(rowOf('gongkai')).getByText('未授予角色')).toBeTruthy());
    expect(calls.find((c) => c.method === 'DELETE')!.headers['x-csrf-token']).toBe('csrf-anquan');
  });
});
