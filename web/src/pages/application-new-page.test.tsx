import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { Agency } from '../api-types.js';
import { setSession, type Session } from '../session.js';
import { installDomStubs } from '../test-dom.js';
import { ApplicationNewPage, formFieldOf, receiveBody } from './application-new-page.js';

const agencies: Agency[] = [
  { id: 2, name: '威海市环翠区行政审批服务局', parentId: 1, kind: 'department', createdAt: '2026-12-01T00:00:00.000Z' },
];

const session: Session = {
  user: { id: 5, login: 'gongkai', name: '周专员', agencyId: 2, agencyName: '威海市环翠区行政审批服务局' },
  grants: [{ role: 'publisher', roleName: '信息公开专职人员', agencyId: 2, agencyName: '威海市环翠区行政审批服务局', subtree: false }],
  permissions: ['application.read', 'application.register', 'application.handle'], mustChangePassword: false, csrfToken: 'token-1', idleMinutes: 30,
};

beforeAll(installDomStubs);

beforeEach(() => setSession(session));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setSession(null);
  window.location.hash = '';
});

describe('receiveBody', () => {
  it('puts the evidence date under the field the channel needs (条例第三十一条) and leaves blanks out', () => {
    const base = {
      agencyId: 2, evidenceDate: '2026-12-03', applicantType: '自然人',
      applicant: { name: ' 张三丰 ', idNumber: '11010519491231002X', phone: '  ', email: 'zhang@example.cn' },
      subject: '2025年度行政许可事项清单', formWanted: '电子邮件', office: '',
    };
    expect(receiveBody({ ...base, channel: 'in-person' })).toEqual({
      agencyId: 2, channel: 'in-person', evidence: { handedInOn: '2026-12-03' }, applicantType: '自然人',
      applicant: { name: '张三丰', idNumber: '11010519491231002X', email: 'zhang@example.cn' },
      subject: '2025年度行政许可事项清单', formWanted: '电子邮件',
    });
    expect(receiveBody({ ...base, channel: 'registered-post' }).evidence).toEqual({ signedForOn: '2026-12-03' });
    expect(receiveBody({ ...base, channel: 'ordinary-letter' }).evidence).toEqual({ confirmedOn: '2026-12-03' });
    expect(receiveBody({ ...base, channel: 'fax' }).evidence).toEqual({ confirmedOn: '2026-12-03' });
    // After a PERIOD_LOCKED refusal a leader sends the reason only; the server records who approved.
    expect(receiveBody({ ...base, channel: 'email', overrideReason: ' 补录历史申请 ' }, true).override).toEqual({ reason: '补录历史申请' });
  });

  it('finds the form field a server problem names', () => {
    expect(formFieldOf('applicant.idNumber')).toEqual(['applicant', 'idNumber']);
    expect(formFieldOf('handedInOn')).toEqual(['evidenceDate']);
    expect(formFieldOf('evidence.confirmedOn')).toEqual(['evidenceDate']);
    expect(formFieldOf('date')).toEqual(['evidenceDate']);
    expect(formFieldOf('applicantType')).toEqual(['applicantType']);
    expect(formFieldOf('something.else')).toBeNull();
    expect(formFieldOf(undefined)).toBeNull();
  });
});

function mockFetch(answer: (body: any) => { status: number; body: unknown }) {
  const sent: Array<{ url: string; init?: RequestInit }> = [];
  vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    sent.push({ url, init });
    if (url.startsWith('/api/agencies')) return new Response(JSON.stringify(agencies), { status: 200 });
    if (url === '/api/applications' && init?.method === 'POST') {
      const { status, body } = answer(JSON.parse(String(init.body)));
      return new Response(JSON.stringify(body), { status });
    }
    return new Response(JSON.stringify({ code: 'NOT_FOUND', message: '未找到' }), { status: 404 });
  }));
  return sent;
}

function fill(label: string | RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('ApplicationNewPage', () => {
  it('shows the server’s message at the field it names, then opens the created case', { timeout: 60_000 }, async () => {
    let attempt = 0;
    const sent = mockFetch(() => (++attempt === 1
      ? { status: 400, body: { code: 'VALIDATION_FAILED', message: '居民身份证号码校验码错误：第18位应为“X”，实际为“1”',
        problems: [{ message: '居民身份证号码校验码错误：第18位应为“X”，实际为“1”', place: { field: 'applicant.idNumber' } }] } }
      : { status: 201, body: { id: 42, caseNo: '2026-0042' } }));
    render(<AntApp><ApplicationNewPage /></AntApp>);
    // The channel's evidence date is labelled as the core names it, with its rule.
    expect(await screen.findByLabelText('当面提交日期')).toBeTruthy();
    expect(screen.getByText(/条例第三十一条第（一）项/)).toBeTruthy();
    // Applicant types are table 三's columns.
    for (const t of ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']) expect(screen.getByRole('radio', { name: t })).toBeTruthy();
    await screen.findByText('威海市环翠区行政审批服务局');
    fill('姓名', '张三丰');
    fill('证件号码', '110105194912310021');
    fill(/所需信息内容描述/, '2025年度行政许可事项清单');
    fill('获取信息的方式、途径', '电子邮件');
    fireEvent.click(screen.getByRole('button', { name: /登\s*记/ }));
    const message = await screen.findByText('居民身份证号码校验码错误：第18位应为“X”，实际为“1”');
    // At the field, not in a separate alert.
    expect(message.closest('.ant-form-item')?.querySelector('#register_applicant_idNumber')).toBeTruthy();
    const first = sent.find((s) => s.init?.method === 'POST')!;
    expect((first.init!.headers as Record<string, string>)['x-csrf-token']).toBe('token-1');
    expect(JSON.parse(String(first.init!.body))).toMatchObject({ agencyId: 2, channel: 'in-person', applicantType: '自然人', evidence: { handedInOn: expect.any(String) } });

    fill('证件号码', '11010519491231002X');
    fireEvent.click(screen.getByRole('button', { name: /登\s*记/ }));
    await waitFor(() => expect(window.location.hash).toBe('#/applications/42'));
  });
});
