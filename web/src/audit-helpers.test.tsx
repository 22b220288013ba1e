import { describe, expect, it } from 'vitest';
import {
  cellClass, changeText, decisionNoteProblem, fileStatusText, findingCells, orderFindings, progressPercent, progressText, tablesById, uploadRefusal,
} from './audit-helpers.js';
import { batchFixture, findingFixture } from './audit-fixtures.js';
import { navItemOf, visibleNav } from './nav.js';
import { parseRoute, routeHref } from './router.js';

describe('audit helpers', () => {
  it('refuses report files over 50 MB, zips over 1 GB and empty files before sending, in Chinese', () => {
    expect(uploadRefusal({ name: 'a.pdf', size: 50 * 1024 * 1024 })).toBeNull();
    expect(uploadRefusal({ name: '大.pdf', size: 50 * 1024 * 1024 + 1 })).toBe('文件“大.pdf”大小为 50.0 MB，超过 50 MB 的上限，未加入。');
    expect(uploadRefusal({ name: '全部年报.ZIP', size: 600 * 1024 * 1024 })).toBeNull();
    expect(uploadRefusal({ name: '更大.zip', size: 1024 * 1024 * 1024 + 1 })).toMatch(/^压缩包“更大\.zip”.*超过 1 GB 的上限/);
    expect(uploadRefusal({ name: '空.docx', size: 0 })).toMatch(/空文件/);
  });

  it('words the progress: the file being read is the one after those done', () => {
    expect(progressText(batchFixture())).toBe('正在读取 12/40：某局2021年报.docx');
    expect(progressPercent(batchFixture())).toBe(27);
    expect(progressText(batchFixture({ state: 'stopped', stateLabel: '已停止', done: 20 }))).toBe('已停止：已处理 20/40 个文件');
    expect(progressPercent(batchFixture({ total: 0, done: 0 }))).toBe(0);
  });

  it('orders findings errors first, each kind in the server’s order', () => {
    const decided = findingFixture({ fingerprint: 'b', decision: { kind: 'confirmed', kindLabel: '确认问题', note: '', by: { id: 1, name: '甲' }, at: '2026-12-05T02:00:00Z' } });
    const list = [
      findingFixture({ fingerprint: 'r', severity: 'recovered' }), findingFixture({ fingerprint: 'w', severity: 'warning' }),
      decided, findingFixture({ fingerprint: 'a' }), findingFixture({ fingerprint: 'm', severity: 'missing' }),
    ];
    expect(orderFindings(list).map((f) => f.fingerprint)).toEqual(['b', 'a', 'w', 'm', 'r']);
  });

  it('highlights the cells of the selected finding and opens their table', () => {
    const { keys, table } = findingCells(findingFixture());
    expect(table).toBe('三');
    expect(cellClass({ key: '三:received:total', state: 'read' }, keys)).toBe('gk-audit-cell gk-audit-read gk-audit-selected');
    expect(cellClass({ key: '三:received:natural', state: 'recovered' }, keys)).toBe('gk-audit-cell gk-audit-recovered');
  });

  it('requires a note to dismiss a finding, and keeps it under 500 characters', () => {
    expect(decisionNoteProblem('dismissed', '  ')).toBe('认定“不是问题”时须填写说明。');
    expect(decisionNoteProblem('confirmed', '')).toBeNull();
    expect(decisionNoteProblem('dismissed', '原文如此')).toBeNull();
    expect(decisionNoteProblem('confirmed', 'x'.repeat(501))).toMatch(/500/);
  });

  it('words changes and file states', () => {
    expect([changeText(3), changeText(-2), changeText(0), changeText(null)]).toEqual(['+3', '−2', '0', '—']);
    expect(fileStatusText({ state: 'failed', stateLabel: '无法读取', error: '不是年度报告' })).toBe('无法读取：不是年度报告');
    expect(fileStatusText({ state: 'done', stateLabel: '已读取', error: null })).toBe('已读取');
  });

  it('shows 报告核查 to holders of audit.run only; its screens belong to it', () => {
    expect(visibleNav((p) => p === 'audit.run').map((n) => n.label)).toContain('报告核查');
    expect(visibleNav((p) => p === 'report.read').map((n) => n.label)).not.toContain('报告核查');
    expect(navItemOf({ name: 'audit-file', batchId: 1, fileId: 2 })?.label).toBe('报告核查');
  });

  it('groups the blocks of a table into one tab', () => {
    const block = (id: string, title: string) => ({ id, title, columns: [], rows: [] });
    expect(tablesById([block('二', 'a'), block('二', 'b'), block('三', 'c')]).map(([id, b]) => [id, b.length])).toEqual([['二', 2], ['三', 1]]);
  });

  it('routes the audit screens both ways', () => {
    for (const route of [
      { name: 'audits' }, { name: 'audit-batch', id: 3 }, { name: 'audit-file', batchId: 3, fileId: 11 },
      { name: 'audit-compare' }, { name: 'audit-compare', year: 2021 }, { name: 'audit-compare', agency: '某局/分局 2' },
    ] as const) expect(parseRoute(routeHref(route))).toEqual(route);
  });
});
