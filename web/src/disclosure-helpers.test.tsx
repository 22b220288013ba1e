import { describe, expect, it } from 'vitest';
import { themePath, themeValue } from './disclosure-labels.js';
import type { CatalogueNode } from './disclosure-types.js';
import { art20Number, locate } from './pages/catalogue-page.js';
import { monthChoices, previousMonth, undecided } from './pages/checklist-page.js';
import { clearedChannels } from './pages/item-page.js';
import { findingPlace } from './components/findings-list.js';

const node = (id: number, name: string, children: CatalogueNode[] = []): CatalogueNode => ({
  id, parentId: null, name, art20Item: null, position: 0, details: null, archived: false, art20Name: null, children,
});

describe('disclosure screen helpers', () => {
  it('finds a category with its parent and siblings (for 上移/下移 and moving)', () => {
    const tree = [node(1, '机构职能', [node(2, '机构概况'), node(3, '领导信息')]), node(4, '工作资讯')];
    expect(locate(tree, 3)).toMatchObject({ node: { name: '领导信息' }, parentId: 1 });
    expect(locate(tree, 3)!.siblings.map((s) => s.id)).toEqual([2, 3]);
    expect(locate(tree, 4)).toMatchObject({ parentId: null });
    expect(locate(tree, 9)).toBeNull();
  });

  it('prints Art. 20 items as the law numbers them', () => {
    expect(art20Number('1')).toBe('（一）');
    expect(art20Number('15')).toBe('（十五）');
  });

  it('offers the checklist months, the previous one first by default', () => {
    expect(previousMonth('2026-01-05')).toBe('2025-12');
    expect(previousMonth('2026-12-05')).toBe('2026-11');
    const months = monthChoices('2026-02-10');
    expect(months.slice(0, 3)).toEqual([
      { value: '2026-02', label: '2026年2月' }, { value: '2026-01', label: '2026年1月' }, { value: '2025-12', label: '2025年12月' },
    ]);
    expect(months).toHaveLength(24);
    expect(undecided(null)).toBe(0);
  });

  it('keeps the 主题分类 path as gov.cn prints it', () => {
    expect(themeValue(['综合政务', '政务公开'])).toBe('综合政务\\政务公开');
    expect(themeValue([])).toBeNull();
    expect(themePath('综合政务\\政务公开')).toEqual(['综合政务', '政务公开']);
    expect(themePath(null)).toEqual([]);
  });

  it('takes the channels found fit from the passed secrecy review of the current version only', () => {
    const step = (version: number, fit: Record<string, boolean>, decision = 'pass') => ({
      id: version, version, step: 'secrecy-review', stepName: '办公室保密审查', decision, decisionName: null, reason: null, comment: null,
      form: { channelsFit: fit }, actor: '赵保密', actorId: 3, at: '2026-12-01T00:00:00.000Z',
    });
    expect(clearedChannels({ version: 2, steps: [step(1, { wechat: true }), step(2, { portal: true })] })).toEqual({ portal: true });
    expect(clearedChannels({ version: 3, steps: [step(1, { wechat: true }), step(2, { portal: true })] })).toBeNull();
    expect(clearedChannels({ version: 2, steps: [step(2, { portal: true }, 'return')] })).toBeNull();
  });

  it('names a finding’s place without repeating its source', () => {
    expect(findingPlace({ sourceName: '正文', place: '正文第 1 段' })).toBe('正文第 1 段');
    expect(findingPlace({ sourceName: '附件“名单.xlsx”', place: '工作表“名单”第 5 行' })).toBe('附件“名单.xlsx” 工作表“名单”第 5 行');
  });
});
