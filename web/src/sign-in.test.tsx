import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { AppShell } from './app-shell.js';
import { api } from './api.js';
import { forgetSession } from './session.js';
import { installMatchMedia, json, sessionFixture } from './test-fixtures.js';

interface Call { method: string; url: string; headers: Record<string, string>; body: unknown; credentials?: RequestCredentials }

/** A fetch answering by "METHOD path" (path without the query); unknown addresses are 404. */
function mockServer(routes: Record<string, (call: Call) => Response>) {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const call: Call = {
      method: init.method ?? 'GET', url, headers: (init.headers ?? {}) as Record<string, string>,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined, credentials: init.credentials,
    };
    calls.push(call);
    const route = routes[`${call.method} ${url.split('?')[0]}`];
    return route ? route(call) : json({ code: 'NOT_FOUND', message: '未找到' }, 404);
  }));
  return calls;
}

const renderApp = () => render(<AntApp><AppShell /></AntApp>);

async function typeInto(label: string, value: string) {
  const input = await screen.findByLabelText(label, { selector: 'input' });
  fireEvent.change(input, { target: { value } });
}

beforeAll(installMatchMedia);
beforeEach(() => {
  window.location.hash = '';
  sessionStorage.clear();
  forgetSession();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('sign-in', () => {
  it('shows the sign-in page without a session, the server’s generic message on failure, then signs in', async () => {
    let attempts = 0;
    const calls = mockServer({
      'GET /api/session': () => json({ code: 'UNAUTHENTICATED', message: '请先登录' }, 401),
      'POST /api/session': () => (++attempts === 1
        ? json({ code: 'SIGN_IN_FAILED', message: '登录名或密码错误，或账户不可用' }, 401)
        : json(sessionFixture())),
      'GET /api/agencies': () => json([]),
      'GET /api/reports': () => json([]),
    });
    renderApp();
    expect(await screen.findByRole('heading', { name: '登录' })).toBeTruthy();
    // Opening the UI without a session is no reason for a warning.
    expect(screen.queryByText('请先登录')).toBeNull();
    await typeInto('登录名', 'gongkai');
    await typeInto('密码', 'wrong');
    fireEvent.submit(screen.getByLabelText('登录名').closest('form')!);
    expect(await screen.findByText('登录名或密码错误，或账户不可用')).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: '主导航' })).toBeNull();

    await typeInto('密码', 'Demo#2026-05');
    fireEvent.submit(screen.getByLabelText('登录名').closest('form')!);
    const nav = await screen.findByRole('navigation', { name: '主导航' });
    expect(nav.textContent).toContain('年度报告');
    expect(screen.getByText('周专员')).toBeTruthy();
    expect(screen.getByText('信息公开专职人员')).toBeTruthy();
    const signIn = calls.filter((c) => c.method === 'POST' && c.url === '/api/session');
    expect(signIn.at(-1)!.body).toEqual({ login: 'gongkai', password: 'Demo#2026-05' });
    // Every request goes with the session cookie; none carries the old x-gongkai-user header.
    expect(calls.every((c) => c.credentials === 'same-origin' && !('x-gongkai-user' in c.headers))).toBe(true);
  });

  it('shows the lock-out message as the server gives it', async () => {
    mockServer({
      'GET /api/session': () => json({ code: 'UNAUTHENTICATED', message: '请先登录' }, 401),
      'POST /api/session': () => json({ code: 'ACCOUNT_LOCKED', message: '登录失败次数过多，账户已暂时锁定，请稍后再试' }, 401),
    });
    renderApp();
    await typeInto('登录名', 'gongkai');
    await typeInto('密码', 'x');
    fireEvent.submit(screen.getByLabelText('登录名').closest('form')!);
    expect(await screen.findByText('登录失败次数过多，账户已暂时锁定，请稍后再试')).toBeTruthy();
  });

  it('sends a user with an initial password to the change-password page first, then into the system', async () => {
    let changed = false;
    const calls = mockServer({
      'GET /api/session': () => json(sessionFixture({ mustChangePassword: true, csrfToken: 'tok-1' })),
      'PUT /api/session/password': () => { changed = true; return json(sessionFixture({ csrfToken: 'tok-1' })); },
      'GET /api/agencies': () => json([]),
      'GET /api/reports': () => json([]),
    });
    renderApp();
    expect(await screen.findByRole('heading', { name: '修改密码' })).toBeTruthy();
    expect(screen.getByText(/至少 10 个字符，含大写字母、小写字母、数字、符号中的三类/)).toBeTruthy();
    // Nothing else is reachable: no menu.
    expect(screen.queryByRole('navigation', { name: '主导航' })).toBeNull();

    await typeInto('当前密码', 'Demo#2026-05');
    await typeInto('新密码', 'short');
    await typeInto('确认新密码', 'short');
    fireEvent.submit(screen.getByLabelText('当前密码').closest('form')!);
    expect(await screen.findByText(/密码至少应有 10 个字符/)).toBeTruthy();
    expect(changed).toBe(false);

    await typeInto('新密码', 'Zhou#Strong-2026');
    await typeInto('确认新密码', 'Zhou#Strong-2027');
    fireEvent.submit(screen.getByLabelText('当前密码').closest('form')!);
    expect(await screen.findByText('两次填写的新密码不一致')).toBeTruthy();

    await typeInto('确认新密码', 'Zhou#Strong-2026');
    fireEvent.submit(screen.getByLabelText('当前密码').closest('form')!);
    await screen.findByRole('navigation', { name: '主导航' });
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.body).toEqual({ currentPassword: 'Demo#2026-05', newPassword: 'Zhou#Strong-2026' });
    expect(put.headers['x-csrf-token']).toBe('tok-1');
  });

  it('on SESSION_EXPIRED shows 登录已超时 and returns to the same page with its state after signing in again', async () => {
    window.location.hash = '#/agencies';
    let expired = false;
    mockServer({
      'GET /api/session': () => json(sessionFixture({ csrfToken: 'old' })),
      'GET /api/agencies': () => (expired
        ? json({ code: 'SESSION_EXPIRED', message: '登录已超时，请重新登录' }, 401)
        : json([{ id: 2, name: '威海市环翠区行政审批服务局', parentId: null, kind: 'department', createdAt: '2026-01-01T00:00:00.000Z' }])),
      'POST /api/session': () => { expired = false; return json(sessionFixture({ csrfToken: 'new' })); },
    });
    renderApp();
    await screen.findByText(/威海市环翠区行政审批服务局（部门）/);
    expired = true;
    await act(async () => { await api.agencies().catch(() => undefined); });
    expect(await screen.findByText('登录已超时，请重新登录')).toBeTruthy();
    expect(sessionStorage.getItem('gongkai.returnTo')).toBe('#/agencies');
    // The screen is kept (hidden) under the sign-in page.
    expect(document.querySelector('.gk-workspace')?.hasAttribute('hidden')).toBe(true);
    // Its open dialogs (portals in <body>) are hidden with it.
    expect(document.body.classList.contains('gk-covered')).toBe(true);

    await typeInto('登录名', 'gongkai');
    await typeInto('密码', 'Zhou#Strong-2026');
    fireEvent.submit(screen.getByLabelText('登录名').closest('form')!);
    await waitFor(() => expect(document.querySelector('.gk-workspace')?.hasAttribute('hidden')).toBe(false));
    expect(screen.queryByRole('heading', { name: '登录' })).toBeNull();
    expect(screen.getByText(/威海市环翠区行政审批服务局（部门）/)).toBeTruthy();
    expect(window.location.hash).toBe('#/agencies');
    expect(document.body.classList.contains('gk-covered')).toBe(false);
    expect(sessionStorage.getItem('gongkai.returnTo')).toBeNull();
  });

  it('signs out with the CSRF token and shows the sign-in page', async () => {
    const calls = mockServer({
      'GET /api/session': () => json(sessionFixture({ csrfToken: 'tok-9' })),
      'DELETE /api/session': () => new Response(null, { status: 204 }),
      'GET /api/agencies': () => json([]),
      'GET /api/reports': () => json([]),
    });
    renderApp();
    fireEvent.click(await screen.findByRole('button', { name: '退出登录' }));
    expect(await screen.findByRole('heading', { name: '登录' })).toBeTruthy();
    expect(calls.find((c) => c.method === 'DELETE')!.headers['x-csrf-token']).toBe('tok-9');
    expect(document.querySelector('.gk-workspace')).toBeNull();
  });
});
