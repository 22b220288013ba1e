import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { PortalReadiness } from '../schema-types.js';
import { setSession } from '../session.js';
import { sessionFixture } from '../test-fixtures.js';
import { installDomStubs } from '../test-dom.js';
import { PortalReadinessPage } from './portal-readiness-page.js';

const report: PortalReadiness = {
  today: '2026-03-20', warnDays: null,
  agencies: [{
    agencyId: 2, agencyName: '威海市环翠区行政审批服务局', homeLastUpdated: '2026-03-01', homeDaysAgo: 19,
    counts: { empty: 1, dueSoon: 1, stale: 1, ok: 0 },
    failures: ['首页已 19 天未更新（超过两周即单项否决）'],
    columns: [
      { nodeId: 1, path: '工作资讯 / 工作动态', cycleDays: 14, cycleBasis: '动态、要闻类栏目两周内应有更新（国办秘函〔2019〕19号）', lastPublishedOn: '2026-03-01', items: 3, state: 'stale', stateName: '已超期', dueOn: '2026-03-15', daysLeft: -5, offices: ['综合科'] },
      { nodeId: 2, path: '工作资讯 / 通知公告', cycleDays: 183, cycleBasis: '…', lastPublishedOn: '2025-09-25', items: 1, state: 'due-soon', stateName: '即将超期', dueOn: '2026-03-27', daysLeft: 7, offices: ['审批一科'] },
      { nodeId: 3, path: '政策法规 / 政策解读', cycleDays: 183, cycleBasis: '…', lastPublishedOn: null, items: 0, state: 'empty', stateName: '空白栏目', dueOn: null, daysLeft: null, offices: [] },
    ],
    offices: [{ office: '综合科', columns: 1, dueSoon: 0, stale: 1 }, { office: '审批一科', columns: 1, dueSoon: 1, stale: 0 }],
  }],
};

beforeAll(installDomStubs);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setSession(null);
});

describe('PortalReadinessPage', () => {
  it('shows the failures, the columns by state and the offices; the subtree switch asks again', { timeout: 60_000 }, async () => {
    setSession(sessionFixture({}, ['agency.read', 'item.read']));
    const urls: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => {
      const url = String(input);
      urls.push(url);
      if (url === '/api/agencies') return new Response(JSON.stringify([{ id: 2, name: '威海市环翠区行政审批服务局', parentId: null, kind: 'department' }]), { status: 200 });
      if (url.startsWith('/api/agencies/2/portal-readiness')) return new Response(JSON.stringify(report), { status: 200 });
      return new Response('[]', { status: 200 });
    }));
    render(<AntApp><PortalReadinessPage /></AntApp>);
    await screen.findByText('按单项否决指标，目前会被判为不合格', {}, { timeout: 15_000 });
    expect(screen.getByText('首页已 19 天未更新（超过两周即单项否决）')).toBeTruthy();
    const table = screen.getAllByRole('table')[0]!;
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['工作资讯 / 工作动态', '工作资讯 / 通知公告', '政策法规 / 政策解读']);
    expect(rows[0]!.textContent).toContain('已超期');
    expect(rows[0]!.textContent).toContain('已超期 5 天');
    expect(rows[1]!.textContent).toContain('还有 7 天');
    expect(rows[2]!.textContent).toContain('尚无信息');
    expect(screen.getAllByRole('table')[1]!.textContent).toContain('审批一科');
    fireEvent.click(screen.getByRole('checkbox', { name: '包括下级机关' }));
    await waitFor(() => expect(urls).toContain('/api/agencies/2/portal-readiness?subtree=true'));
  });
});
