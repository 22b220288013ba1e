import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { Agency } from '../api-types.js';
import type { Inbox, ItemDetail } from '../disclosure-types.js';
import { forgetSession, setSession } from '../session.js';
import { installMatchMedia, json, sessionFixture } from '../test-fixtures.js';
import { ItemPage } from './item-page.js';
import { InboxPage } from './inbox-page.js';

const agencies: Agency[] = [{ id: 2, name: '威海市环翠区行政审批服务局', parentId: null, kind: 'department', createdAt: '2026-01-01T00:00:00.000Z' }];

const detail = (over: Partial<ItemDetail> = {}): ItemDetail => ({
  id: 7, agencyId: 2, indexNo: null, state: 'draft', stateName: '草稿', version: 3, publishedVersion: null,
  title: '关于调整办公时间的公告', docNo: null, categoryId: null, categoryName: null, office: '政务公开科', drafterId: 5,
  drafterName: '李经办', writtenOn: '2026-12-01', dueOn: '2026-12-29', publishedOn: null, origin: 'platform', updatedAt: '2026-12-02T01:00:00.000Z',
  summary: '办公时间调整', issuer: '威海市环翠区行政审批服务局', changedOn: '2026-12-01', theme: null, keywords: '', disclosure: 'active',
  bodyHtml: '<p>正文</p>', validity: 'valid', normativeKind: null, madeOn: null, amendedOn: null, repealedOn: null, interprets: null, interpretsTitle: null,
  attachments: [], versions: [{ version: 3, createdAt: '2026-12-02T01:00:00.000Z', createdBy: '李经办', redactionOf: null }],
  steps: [], findings: [], publications: [], ...over,
});

interface Call { method: string; url: string; body: unknown }
function mockServer(routes: Record<string, (call: Call) => Response>) {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call: Call = { method: init.method ?? 'GET', url: String(input), body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined };
    calls.push(call);
    const key = `${call.method} ${call.url.split('?')[0]}`;
    if (routes[key]) return routes[key](call);
    if (key === 'GET /api/agencies') return json(agencies);
    if (key === 'GET /api/agencies/2/catalogue') return json({ agencyId: 2, nodes: [] });
    return json({ code: 'NOT_FOUND', message: '未找到' }, 404);
  }));
  return calls;
}

beforeAll(installMatchMedia);
beforeEach(() => setSession(sessionFixture({}, ['agency.read', 'item.read', 'item.draft'])));
afterEach(() => { cleanup(); vi.unstubAllGlobals(); forgetSession(); });

describe('ItemPage', () => {
  it('saves on the version it started from and shows a stale save clearly, keeping the edit', async () => {
    const calls = mockServer({
      'GET /api/items/7': () => json(detail()),
      'PUT /api/items/7': () => json({ code: 'STALE_VERSION', message: '该信息已由王科长保存了第 4 版，您的修改基于第 3 版' }, 409),
    });
    render(<AntApp><ItemPage id={7} /></AntApp>);
    const title = await screen.findByLabelText('标题', { exact: true });
    fireEvent.change(title, { target: { value: '关于调整大厅办公时间的公告' } });
    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }));
    const alert = await screen.findByText('未能保存：他人已保存了更新的版本');
    const box = alert.closest('.ant-alert') as HTMLElement;
    expect(within(box).getByText(/王科长保存了第 4 版/)).toBeTruthy();
    expect(within(box).getByRole('button', { name: '载入最新版本（放弃我的修改）' })).toBeTruthy();
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.body).toMatchObject({ baseVersion: 3, title: '关于调整大厅办公时间的公告' });
    expect((screen.getByLabelText('标题', { exact: true }) as HTMLInputElement).value).toBe('关于调整大厅办公时间的公告');
  });

  it('shows why an item was returned and the server’s messages at their fields', async () => {
    mockServer({
      'GET /api/items/7': () => json(detail({
        state: 'returned', stateName: '已退回',
        steps: [{ id: 1, version: 3, step: 'first-review', stepName: '科室负责人初审', decision: 'return', decisionName: '退回', reason: '文号有误',
          comment: null, form: null, actor: '王科长', actorId: 6, at: '2026-12-03T01:00:00.000Z' }],
      })),
      'PUT /api/items/7': () => json({ code: 'VALIDATION', message: '成文日期格式有误', problems: [{ message: '成文日期格式有误', place: { field: 'writtenOn' } }] }, 400),
    });
    render(<AntApp><ItemPage id={7} /></AntApp>);
    expect(await screen.findByText('第 3 版已在“科室负责人初审”环节被 王科长 退回')).toBeTruthy();
    expect(screen.getByText(/退回理由：文号有误/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }));
    const field = (await screen.findByLabelText('成文日期')).closest('.ant-form-item') as HTMLElement;
    await waitFor(() => expect(within(field).getByText('成文日期格式有误')).toBeTruthy());
  });
});

describe('InboxPage', () => {
  it('lists each task the person may take with its count and entries', async () => {
    const inbox: Inbox = {
      total: 2,
      tasks: [
        { kind: 'item', key: 'item:first-review', name: '政府信息·科室负责人初审', permission: 'item.first-review', count: 2, entries: [
          { kind: 'item', id: 7, agencyId: 2, title: '关于调整办公时间的公告', state: 'first-review' as never, stateName: '待初审', version: 3, drafterName: '李经办', updatedAt: '2026-12-02T01:00:00.000Z' },
          { kind: 'report', id: 3, agencyId: 2, title: '2026年政府信息公开工作年度报告', state: 'first-review' as never, stateName: '待初审', version: 1, drafterName: '周专员', updatedAt: '2026-12-02T02:00:00.000Z' },
        ] },
        { kind: 'item', key: 'item:returned', name: '政府信息·退回修改', permission: 'item.draft', count: 0, entries: [] },
      ],
    };
    mockServer({ 'GET /api/inbox': () => json(inbox) });
    render(<AntApp><InboxPage /></AntApp>);
    expect(await screen.findByRole('heading', { name: '政府信息·科室负责人初审（2 件）' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '关于调整办公时间的公告' }).getAttribute('href')).toBe('#/items/7');
    expect(screen.getByRole('link', { name: '2026年政府信息公开工作年度报告' }).getAttribute('href')).toBe('#/reports/3');
    expect(screen.getByRole('button', { name: /政府信息·退回修改/ })).toHaveProperty('disabled', true);
    expect(screen.queryByRole('heading', { name: /退回修改（/ })).toBeNull();
  });
});
