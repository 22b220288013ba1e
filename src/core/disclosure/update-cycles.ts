/**
 * Update cycles of catalogue categories and the readiness of a disclosure site for inspection (issue 10, Deliver 5).
 *
 * 国办秘函〔2019〕19号《政府网站与政务新媒体检查指标》单项否决 (portal-and-security.md A5 item 23): a site fails outright
 * with ≥5 空白栏目, a home page not updated for two weeks, or stale columns — 动态、要闻 not updated in two weeks,
 * 通知公告、政策文件 not updated in six months (≥5 such columns; or ≥10 long stale). The cycles below are that table as
 * data; a category may set its own (catalogue_nodes.details.updateCycleDays). Pure: "today" comes in as an argument.
 */

/** An update cycle: days, and where it comes from (shown to the office). */
export interface UpdateCycle {
  /** Days between updates at most; null: no cycle (a column updated when something happens, e.g. 机构职能). */
  days: number | null;
  /** Why, in Chinese. */
  basis: string;
}

/** The default cycles by the category's name (first rule that matches), 19号 first. */
export const UPDATE_CYCLE_RULES: readonly { pattern: RegExp; days: number | null; basis: string }[] = [
  // 19号 单项否决: 动态、要闻类栏目 2 周.
  { pattern: /动态|要闻|新闻|资讯|工作信息/, days: 14, basis: '动态、要闻类栏目两周内应有更新（国办秘函〔2019〕19号）' },
  // 19号 单项否决: 通知公告、政策文件类栏目 6 个月.
  { pattern: /通知|公告|公示|政策|文件|规章|解读/, days: 183, basis: '通知公告、政策文件类栏目六个月内应有更新（国办秘函〔2019〕19号）' },
  // 条例 Art. 50: the annual report by 1-31 each year; statistics at least yearly.
  { pattern: /年报|年度报告|统计|预算|决算/, days: 366, basis: '每年至少更新一次（条例第五十条，年度报告于每年1月31日前公布）' },
  // Static descriptions: updated when they change; only emptiness is judged.
  { pattern: /机构|职能|领导|指南|制度|目录|联系/, days: null, basis: '随变化更新，不设更新周期（仅检查是否空白）' },
];

/** The default when no rule matches: six months, as 通知公告/政策文件. */
export const DEFAULT_UPDATE_CYCLE: UpdateCycle = { days: 183, basis: '未归入特定类别，按六个月更新（参照国办秘函〔2019〕19号通知公告类）' };

/** A category's own cycle (details.updateCycleDays, a positive number of days) or the default by its name. */
export function updateCycleOf(name: string, ownDays?: unknown): UpdateCycle {
  if (typeof ownDays === 'number' && Number.isInteger(ownDays) && ownDays > 0) return { days: ownDays, basis: `本类目设定：${ownDays} 天内应有更新` };
  const rule = UPDATE_CYCLE_RULES.find((r) => r.pattern.test(name));
  return rule ? { days: rule.days, basis: rule.basis } : DEFAULT_UPDATE_CYCLE;
}

/** Most days a category's own cycle may be (10 years). */
export const MAX_CYCLE_DAYS = 3660;

/** The readiness of one column: 空白, 将到期 (yellow), 已超期 (red), or in order. */
export type ColumnState = 'empty' | 'due-soon' | 'stale' | 'ok';

/** Chinese names of the states. */
export const COLUMN_STATE_NAMES: Readonly<Record<ColumnState, string>> = {
  empty: '空白栏目', 'due-soon': '即将超期', stale: '已超期', ok: '正常',
};

/** Whole days from `from` to `to` (YYYY-MM-DD, UTC arithmetic on calendar days). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The state of a column: empty without any published item; stale when the last publication is more than the
 * cycle ago; due soon when within `warnDays` of it (default 20 % of the cycle, at least 1 day).
 */
export function columnState(lastPublishedOn: string | null, cycle: UpdateCycle, today: string, warnDays?: number): { state: ColumnState; dueOn: string | null; daysLeft: number | null } {
  if (lastPublishedOn === null) return { state: 'empty', dueOn: null, daysLeft: null };
  if (cycle.days === null) return { state: 'ok', dueOn: null, daysLeft: null };
  const due = new Date(Date.parse(`${lastPublishedOn}T00:00:00Z`) + cycle.days * 86_400_000).toISOString().slice(0, 10);
  const left = daysBetween(today, due);
  const warn = warnDays ?? Math.max(1, Math.ceil(cycle.days * 0.2));
  return { state: left < 0 ? 'stale' : left <= warn ? 'due-soon' : 'ok', dueOn: due, daysLeft: left };
}

/** 19号 单项否决 thresholds. */
export const INSPECTION_LIMITS = { emptyColumns: 5, staleColumns: 5, homePageDays: 14 } as const;

/** The site verdict: the reasons it would fail an inspection now (empty list: passes these rules). */
export function inspectionFailures(counts: { empty: number; stale: number }, homeLastUpdated: string | null, today: string): string[] {
  const reasons: string[] = [];
  if (counts.empty >= INSPECTION_LIMITS.emptyColumns) reasons.push(`空白栏目 ${counts.empty} 个（5 个及以上即单项否决）`);
  if (counts.stale >= INSPECTION_LIMITS.staleColumns) reasons.push(`超期未更新栏目 ${counts.stale} 个（5 个及以上即单项否决）`);
  if (homeLastUpdated === null) reasons.push('门户从未发布信息');
  else if (daysBetween(homeLastUpdated, today) > INSPECTION_LIMITS.homePageDays) {
    reasons.push(`首页已 ${daysBetween(homeLastUpdated, today)} 天未更新（超过两周即单项否决）`);
  }
  return reasons;
}
