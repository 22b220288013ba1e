import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { ItemWarnings } from '../disclosure-types.js';
import { installMatchMedia } from '../test-fixtures.js';
import { ItemWarningsPanel } from './item-warnings-panel.js';

const entry = (id: number, title: string, dueOn: string, workingDaysLeft: number) => ({
  id, agencyId: 2, agencyName: '威海市环翠区行政审批服务局', title, state: 'draft' as never, stateName: '草稿', changedOn: '2026-11-01', dueOn, workingDaysLeft,
});

beforeAll(installMatchMedia);
afterEach(cleanup);

describe('ItemWarningsPanel (条例 Art. 26)', () => {
  it('shows per office the counts, and each item with its person, overdue in red', () => {
    const warnings: ItemWarnings = {
      today: '2026-12-04', dueSoonUntil: '2026-12-09',
      offices: [{ office: '政务公开科', overdue: 1, dueSoon: 1 }],
      groups: [{ office: '政务公开科', person: '李经办', overdue: [entry(7, '关于调整办公时间的公告', '2026-11-30', -4)], dueSoon: [entry(8, '2026年收费目录', '2026-12-08', 2)] }],
    };
    render(<ItemWarningsPanel warnings={warnings} />);
    expect(screen.getByText('共 1 条信息已超过公开期限，请尽快办理。')).toBeTruthy();
    const overdue = screen.getByRole('link', { name: '关于调整办公时间的公告' }).closest('li')!;
    expect(overdue.className).toContain('gk-warn-overdue');
    expect(within(overdue).getByText('经办人：李经办')).toBeTruthy();
    expect(within(overdue).getByText('已逾期 4 个工作日')).toBeTruthy();
    const soon = screen.getByRole('link', { name: '2026年收费目录' }).closest('li')!;
    expect(within(soon).getByText('还剩 2 个工作日')).toBeTruthy();
    expect(screen.getByText('已逾期 1 条')).toBeTruthy();
  });

  it('says in one line that nothing is due, and shows nothing beside the application warnings', () => {
    const none: ItemWarnings = { today: '2026-12-04', dueSoonUntil: '2026-12-09', offices: [], groups: [] };
    const { container, unmount } = render(<ItemWarningsPanel warnings={none} compact />);
    expect(container.textContent).toBe('');
    unmount();
    render(<ItemWarningsPanel warnings={none} />);
    expect(screen.getByText(/没有已逾期或 3 个工作日内到期的信息/)).toBeTruthy();
  });
});
