import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { ApplicationDetail } from '../api-types.js';
import { setSession, type Permission, type Session } from '../session.js';
import { installDomStubs } from '../test-dom.js';
import { CaseRemedyForm, remedyBody, remedyResultBody } from './case-remedy-form.js';

const sessionWith = (permissions: Permission[]): Session => ({
  user: { id: 7, login: 'lingdao', name: '李局长', agencyId: 2, agencyName: '威海市环翠区行政审批服务局' },
  grants: [], permissions, mustChangePassword: false, csrfToken: 'token-2', idleMinutes: 30,
});

const detail = {
  id: 9, caseNo: '2025-0009', state: 'decided', remedies: [],
} as unknown as ApplicationDetail;

beforeAll(installDomStubs);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setSession(null);
});

describe('remedy bodies', () => {
  it('sends “复议后起诉” only for a lawsuit and the decision date only with a result', () => {
    expect(remedyBody({ kind: 'reconsideration', afterReconsideration: true, filedOn: '2026-03-02', result: 'pending', decidedOn: '2026-04-01' }))
      .toEqual({ kind: 'reconsideration', filedOn: '2026-03-02', result: 'pending' });
    expect(remedyBody({ kind: 'lawsuit', afterReconsideration: true, filedOn: '2026-03-02', result: 'upheld', decidedOn: '2026-06-01' }))
      .toEqual({ kind: 'lawsuit', afterReconsideration: true, filedOn: '2026-03-02', result: 'upheld', decidedOn: '2026-06-01' });
    expect(remedyBody({ kind: 'lawsuit', filedOn: '2026-03-02' })).toEqual({ kind: 'lawsuit', afterReconsideration: false, filedOn: '2026-03-02' });
    expect(remedyResultBody({ result: 'pending', decidedOn: '2026-06-01' })).toEqual({ result: 'pending', decidedOn: null });
    // The override is the reason only: the server records the signed-in leader as approver.
    expect(remedyResultBody({ result: 'corrected', decidedOn: '2026-06-01', overrideReason: ' 复议机关决定纠正 ' }, true))
      .toEqual({ result: 'corrected', decidedOn: '2026-06-01', override: { reason: '复议机关决定纠正' } });
  });
});

/** The server refuses the first request with PERIOD_LOCKED and accepts the next. */
function lockedOnce() {
  const bodies: unknown[] = [];
  vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url === '/api/applications/9/remedies' && init?.method === 'POST') {
      bodies.push(JSON.parse(String(init.body)));
      if (bodies.length === 1) {
        return new Response(JSON.stringify({
          code: 'PERIOD_LOCKED', message: '该变更将改变已发布的 2025 年度报告表四的数据',
          problems: [{ message: '四：行政复议 / 尚未审结 1 → 2' }],
        }), { status: 409 });
      }
      return new Response(JSON.stringify({ id: 3, applicationId: 9, kind: 'reconsideration', afterReconsideration: false, filedOn: '2025-12-01', result: 'pending', decidedOn: null, createdAt: '' }), { status: 201 });
    }
    return new Response(JSON.stringify({ code: 'NOT_FOUND', message: '未找到' }), { status: 404 });
  }));
  return bodies;
}

describe('CaseRemedyForm', () => {
  it('after PERIOD_LOCKED asks a leader for the reason and sends it as the override', { timeout: 60_000 }, async () => {
    setSession(sessionWith(['application.handle', 'period.override']));
    const bodies = lockedOnce();
    const onAdded = vi.fn();
    render(<AntApp><CaseRemedyForm detail={detail} onAdded={onAdded} /></AntApp>);
    fireEvent.change(screen.getByLabelText('收到日期（提起日期）'), { target: { value: '2025-12-01' } });
    fireEvent.click(screen.getByRole('button', { name: /登\s*记/ }));
    expect(await screen.findByText('统计期间已锁定：填写变更理由后重新提交，批准人记为您本人')).toBeTruthy();
    expect(screen.getByText('四：行政复议 / 尚未审结 1 → 2')).toBeTruthy();
    // No approver field: the approver is whoever is signed in.
    expect(screen.queryByLabelText('批准人')).toBeNull();
    fireEvent.change(screen.getByLabelText('变更理由（至少 4 个字）'), { target: { value: '补录去年收到的复议申请' } });
    fireEvent.click(screen.getByRole('button', { name: /登\s*记/ }));
    await waitFor(() => expect(onAdded).toHaveBeenCalled());
    expect(bodies).toEqual([
      { kind: 'reconsideration', filedOn: '2025-12-01', result: 'pending' },
      { kind: 'reconsideration', filedOn: '2025-12-01', result: 'pending', override: { reason: '补录去年收到的复议申请' } },
    ]);
  });

  it('tells a person without period.override that a leader must approve, and offers no override', { timeout: 60_000 }, async () => {
    setSession(sessionWith(['application.handle']));
    const bodies = lockedOnce();
    render(<AntApp><CaseRemedyForm detail={detail} onAdded={() => {}} /></AntApp>);
    fireEvent.click(screen.getByRole('button', { name: /登\s*记/ }));
    expect(await screen.findByText('统计期间已锁定：须由领导批准')).toBeTruthy();
    expect(screen.getByText(/须由具有“领导”角色的人员登录后批准并办理/)).toBeTruthy();
    expect(screen.queryByLabelText('变更理由（至少 4 个字）')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /登\s*记/ }));
    await waitFor(() => expect(bodies).toHaveLength(2));
    expect(bodies[1]).not.toHaveProperty('override');
  });

  it('asks whether a lawsuit follows a reconsideration only for a lawsuit', { timeout: 60_000 }, async () => {
    setSession(sessionWith(['application.handle']));
    render(<AntApp><CaseRemedyForm detail={detail} onAdded={() => {}} /></AntApp>);
    expect(screen.queryByText('是否复议后起诉')).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: '行政诉讼' }));
    expect(await screen.findByText('是否复议后起诉')).toBeTruthy();
    expect(screen.getByText('本申请尚未登记行政复议；复议后起诉须先登记该行政复议。')).toBeTruthy();
  });
});
