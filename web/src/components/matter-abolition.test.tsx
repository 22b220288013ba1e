import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { MatterViewResponse } from '../matter-api.js';
import { installDomStubs } from '../test-dom.js';
import { json } from '../test-fixtures.js';
import { AbolishButton, AbolitionNotes, mayAbolish } from './matter-abolition.js';

beforeAll(installDomStubs);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A published matter's view, as the API gives it (only what the component reads matters). */
function viewOf(patch: Partial<MatterViewResponse> = {}): MatterViewResponse {
  return {
    id: 7, agencyId: 2, state: 'published', stateName: '已发布', version: 3, shownVersion: 3, publishedVersion: 3,
    createdAt: '2026-03-01T02:00:00.000Z', createdBy: '李经办', publishedOn: '2026-03-02', abolition: null, abolished: null, versions: [],
    ...patch,
  } as unknown as MatterViewResponse;
}

describe('事项取消 on the matter screen', () => {
  it('only a published matter, neither abolished nor with an abolition drafted, may be abolished', () => {
    expect(mayAbolish(viewOf())).toBe(true);
    expect(mayAbolish(viewOf({ publishedVersion: null, state: 'draft' }))).toBe(false);
    expect(mayAbolish(viewOf({ abolition: { reason: '依据文件取消' }, state: 'draft', version: 4 }))).toBe(false);
    expect(mayAbolish(viewOf({ state: 'sign-off' }))).toBe(false);
    expect(mayAbolish(viewOf({ abolished: { on: '2026-04-01', reason: '依据文件取消' } }))).toBe(false);
  });

  it('the dialog needs a reason of four characters, posts it with the base version, and hands back the new view', { timeout: 60_000 }, async () => {
    const posts: Array<{ url: string; body: unknown }> = [];
    vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      posts.push({ url: String(input), body: JSON.parse(String(init?.body ?? 'null')) });
      return json(viewOf({ version: 4, state: 'draft', abolition: { reason: '依据区政府文件取消' } }));
    }));
    const done = vi.fn();
    render(<AntApp><AbolishButton agencyId={2} view={viewOf()} onDone={done} /></AntApp>);
    fireEvent.click(screen.getByRole('button', { name: '取消事项' }));
    const dialog = await screen.findByRole('dialog', {}, { timeout: 15_000 });
    const ok = within(dialog).getByRole('button', { name: /生成取消版本/ });
    expect((ok as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText(/取消理由/), { target: { value: '依据区政府文件取消' } });
    expect((ok as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(ok);
    await waitFor(() => expect(done).toHaveBeenCalledWith(expect.objectContaining({ version: 4 })), { timeout: 10_000 });
    expect(posts).toEqual([{ url: '/api/agencies/2/matters/7/abolish', body: { baseVersion: 3, reason: '依据区政府文件取消' } }]);
  });

  it('says when an abolition waits for the chain, and when the matter is abolished', () => {
    const { rerender } = render(<AbolitionNotes view={viewOf({ version: 4, state: 'draft', abolition: { reason: '依据区政府文件取消' } })} />);
    expect(screen.getByText('第 4 版为取消版本（取消理由：依据区政府文件取消）')).toBeTruthy();
    rerender(<AbolitionNotes view={viewOf({ abolished: { on: '2026-04-01', reason: '依据区政府文件取消' } })} />);
    expect(screen.getByText('本事项已于 2026-04-01 取消（取消理由：依据区政府文件取消）')).toBeTruthy();
    rerender(<AbolitionNotes view={viewOf()} />);
    expect(screen.queryByText(/取消/)).toBeNull();
  });
});
