import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { SecurityEventInfo } from './api-types.js';
import { securityLogXlsxUrl } from './api.js';
import { SecurityLogPage, chinaDayStart, logFilter } from './pages/security-log-page.js';
import { detailParts, targetText } from './security-detail.js';
import { installMatchMedia, json } from './test-fixtures.js';

const event = (over: Partial<SecurityEventInfo>): SecurityEventInfo => ({
  id: 1, at: '2026-12-04T02:00:00.000Z', type: 'sign-in', typeName: '登录', success: true, actorId: 5, actorName: '周专员',
  login: 'gongkai', target: null, detail: null, ip: '127.0.0.1', ...over,
});

beforeAll(installMatchMedia);
afterEach(() => { cleanup(); vi.unstubAllGlobals(); });

describe('security log', () => {
  it('filters by China days: from the first day’s start to the start of the day after the last', () => {
    expect(chinaDayStart('2026-12-04')).toBe('2026-12-03T16:00:00.000Z');
    expect(logFilter({ type: 'sign-in-failed', login: ' gongkai ', fromDay: '2026-12-01', toDay: '2026-12-04' }))
      .toEqual({ type: 'sign-in-failed', login: 'gongkai', from: '2026-11-30T16:00:00.000Z', to: '2026-12-04T16:00:00.000Z' });
    expect(securityLogXlsxUrl(logFilter({ login: 'x', type: undefined })))
      .toBe('/api/security-log.xlsx?login=x');
  });

  it('puts details into words, without English keys', () => {
    const agencies = new Map([[2, '威海市环翠区行政审批服务局']]);
    expect(detailParts(event({ detail: { reason: 'wrong-password' } }))).toEqual(['原因：密码错误']);
    expect(detailParts(event({ detail: { grantId: 3, role: 'publisher', roleName: '信息公开专职人员', agencyId: 2, agencyName: '威海市环翠区行政审批服务局', subtree: true } })))
      .toEqual(['授权编号：3', '角色：信息公开专职人员', '机关：威海市环翠区行政审批服务局', '含下级机关']);
    expect(detailParts(event({ detail: { permission: 'report.publish', agencyId: 2 } }), agencies))
      .toEqual(['所需权限：发布年度报告', '机关：威海市环翠区行政审批服务局']);
    expect(detailParts(event({ detail: { old: { name: '周专员', agencyId: 2, office: null }, new: { office: '办公室' } } }), agencies))
      .toEqual(['修改前：姓名：周专员，机关：威海市环翠区行政审批服务局，科室：空', '修改后：科室：办公室']);
    expect(targetText('user:12')).toBe('用户（编号 12）');
    expect(targetText('application:3')).toBe('政府信息公开申请（编号 3）');
    expect(detailParts(event({ detail: { caseNo: '2025-0001', agencyId: 2, via: 'GET /api/applications/:id' } }), agencies))
      .toEqual(['登记号：2025-0001', '机关：威海市环翠区行政审批服务局', '访问方式：GET /api/applications/:id']);
  });

  it('lists the events with type name, result, actor, login, object, details and address, and offers older ones', async () => {
    const page = Array.from({ length: 50 }, (_, i) => event({ id: 100 - i }));
    page[0] = event({ id: 100, type: 'sign-in-failed', typeName: '登录失败', success: false, actorName: null, detail: { reason: 'unknown-login' }, ip: '10.0.0.8' });
    const urls: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => {
      const url = String(input);
      urls.push(url);
      return url.startsWith('/api/security-log') ? json(page) : json([]);
    }));
    render(<SecurityLogPage />);
    const failed = (await screen.findByText('登录失败')).closest('tr')!;
    expect(within(failed).getByText('失败')).toBeTruthy();
    expect(within(failed).getByText('原因：登录名不存在')).toBeTruthy();
    expect(within(failed).getByText('10.0.0.8')).toBeTruthy();
    expect(within(failed).getByText('2026-12-04 10:00')).toBeTruthy();
    expect(urls).toContain('/api/security-log?limit=50');
    screen.getByRole('button', { name: '加载更早的记录' }).click();
    await vi.waitFor(() => expect(urls).toContain('/api/security-log?beforeId=51&limit=50'));
    expect(screen.getByRole('link', { name: '导出 Excel' }).getAttribute('href')).toBe('/api/security-log.xlsx');
  });
});
