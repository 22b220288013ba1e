import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { CalendarYear, CalendarYears, SetYearResult } from '../schema-types.js';
import { setSession, type Permission, type Session } from '../session.js';
import { installDomStubs } from '../test-dom.js';
import { CalendarPage, enteredDays, shownYear } from './calendar-page.js';

const sessionWith = (permissions: Permission[]): Session => ({
  user: { id: 8, login: 'xitong', name: '系统管理员', agencyId: 1, agencyName: '威海市环翠区人民政府' },
  grants: [], permissions, mustChangePassword: false, csrfToken: 'token-3', idleMinutes: 30,
});

const years: CalendarYears = {
  coveredYears: { from: 2025, to: 2026 },
  years: [
    { year: 2025, source: 'chinese-days 1.5.7', updatedAt: '2026-12-01T00:00:00.000Z', offDays: 28, workDays: 5 },
    { year: 2026, source: 'chinese-days 1.5.7', updatedAt: '2026-12-01T00:00:00.000Z', offDays: 3, workDays: 1 },
  ],
};

const year2026: CalendarYear = {
  year: 2026, source: 'chinese-days 1.5.7', updatedAt: '2026-12-01T00:00:00.000Z',
  days: [
    { date: '2026-01-01', kind: 'off', name: '元旦' },
    { date: '2026-01-02', kind: 'off', name: '元旦' },
    { date: '2026-01-03', kind: 'off', name: '元旦' },
    { date: '2026-01-04', kind: 'work', name: '元旦调休上班' },
  ],
};

function mockFetch() {
  const puts: Array<{ url: string; body: unknown }> = [];
  vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url === '/api/calendar/years') return new Response(JSON.stringify(years), { status: 200 });
    if (url === '/api/calendar/2026') return new Response(JSON.stringify(year2026), { status: 200 });
    if (url === '/api/calendar/2027' && init?.method === 'PUT') {
      const body = JSON.parse(String(init.body)) as { source?: string; days: CalendarYear['days'] };
      puts.push({ url, body });
      const result: SetYearResult = {
        year: 2027, source: body.source ?? '', updatedAt: '2026-12-05T00:00:00.000Z', days: body.days,
        recomputed: { checked: 4, changed: 1, failures: [] },
      };
      return new Response(JSON.stringify(result), { status: 200 });
    }
    return new Response(JSON.stringify({ code: 'VALIDATION_FAILED', message: '日历未覆盖 2027 年' }), { status: 400 });
  }));
  return puts;
}

beforeAll(installDomStubs);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setSession(null);
});

describe('calendar helpers', () => {
  it('opens on the asked year, else the current covered year, else the last covered one', () => {
    expect(shownYear(2027, years, '2026-12-05')).toBe(2027);
    expect(shownYear(undefined, years, '2026-12-05')).toBe(2026);
    expect(shownYear(undefined, years, '2028-03-01')).toBe(2026);
    expect(shownYear(undefined, { coveredYears: null, years: [] })).toBeNull();
  });

  it('sends the entered days in date order, blank rows left out, names trimmed', () => {
    expect(enteredDays([{ date: '2027-02-06', kind: 'off', name: ' 春节 ' }, { kind: 'off' }, undefined, { date: '2027-01-01', kind: 'off', name: '元旦' }]))
      .toEqual([{ date: '2027-01-01', kind: 'off', name: '元旦' }, { date: '2027-02-06', kind: 'off', name: '春节' }]);
  });
});

describe('CalendarPage', () => {
  it('shows a year’s days off and make-up working days; only reading for those who may not manage it', { timeout: 60_000 }, async () => {
    setSession(sessionWith([]));
    mockFetch();
    render(<AntApp><CalendarPage year={2026} /></AntApp>);
    const table = await screen.findByRole('table', {}, { timeout: 15_000 });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(4);
    expect(rows[0]!.textContent).toContain('2026年1月1日');
    expect(rows[0]!.textContent).toContain('星期四');
    expect(rows[0]!.textContent).toContain('放假');
    expect(rows[3]!.textContent).toContain('调休上班');
    expect(screen.getByText('放假 3 日')).toBeTruthy();
    expect(screen.getByText('来源：chinese-days 1.5.7')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /更正 2026 年/ })).toBeNull();
    expect(screen.queryByText(/录入 2027 年节假日安排/)).toBeNull();
  });

  it('a year not yet entered: others are told to ask the system administrator', { timeout: 60_000 }, async () => {
    setSession(sessionWith([]));
    mockFetch();
    render(<AntApp><CalendarPage year={2027} /></AntApp>);
    expect(await screen.findByText('尚未录入 2027 年节假日安排。', {}, { timeout: 15_000 })).toBeTruthy();
    expect(screen.getByText('请系统管理员按国务院办公厅公布的通知录入。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /保存 2027 年节假日安排/ })).toBeNull();
  });

  it('the system administrator enters next year’s notice and sees how many open cases were recomputed', { timeout: 60_000 }, async () => {
    setSession(sessionWith(['calendar.manage']));
    const puts = mockFetch();
    render(<AntApp><CalendarPage year={2027} /></AntApp>);
    const date = await screen.findByLabelText('第 1 日 日期', {}, { timeout: 15_000 });
    fireEvent.change(date, { target: { value: '2027-01-01' } });
    fireEvent.change(document.querySelector('#calendar-year_days_0_name')!, { target: { value: '元旦' } });
    fireEvent.change(screen.getByLabelText('来源（通知文号）'), { target: { value: '国办发明电〔2026〕9号' } });
    fireEvent.click(screen.getByRole('button', { name: /保存 2027 年节假日安排/ }));
    expect(await screen.findByText('已保存 2027 年节假日安排：重新计算了 4 件未办结申请的答复期限，其中 1 件发生变化（每件已记录办理记录）。')).toBeTruthy();
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]!.body).toEqual({ source: '国办发明电〔2026〕9号', days: [{ date: '2027-01-01', kind: 'off', name: '元旦' }] });
  });
});
