/**
 * Proactive publications of an agency's year counted by channel, category and month (the annual report's
 * prose states them: “全年主动公开政府信息1336条，其中政府网站358条、政务微信18条、公开栏和LED显示屏960条”),
 * and the publications behind any figure. The database counts; this module labels the groups in Chinese.
 */
import type { Kysely } from 'kysely';
import { CHANNELS, isChannel } from '../core/disclosure/channels.js';
import { ValidationError } from '../core/errors.js';
import { isValidDate } from '../core/report/dates.js';
import type { Database } from '../db/schema.js';
import {
  countPublications, countPublicationTotals, listPublicationItems,
  type PublicationFilter, type PublicationGrouping, type PublicationPeriod,
} from './publication-counts.repository.js';

type Q = Kysely<Database>;

/** What to count: the agency's year, up to the as-of day (default 31 December). */
export interface PublicationQuery {
  agencyId: number;
  year: number;
  asOf?: string;
}

/** A group's figures. */
export interface PublicationGroup {
  /** Channel key, category id (null: no category) or YYYY-MM. */
  key: string | null;
  /** Chinese label: the channel's name, the category's name (未分类) or 2025年3月. */
  label: string;
  /** Acts of publishing (one item on two channels counts twice). */
  publications: number;
  /** Distinct items. */
  items: number;
}

/** The counts of a year by one grouping. */
export interface PublicationCounts {
  agencyId: number;
  year: number;
  by: PublicationGrouping;
  start: string;
  end: string;
  total: { publications: number; items: number };
  groups: PublicationGroup[];
}

/** The period of a query (a Chinese message naming the field when the year or day is wrong). */
export function publicationPeriod(q: PublicationQuery): PublicationPeriod {
  if (!Number.isInteger(q.year) || q.year < 1900 || q.year > 9999) throw new ValidationError(`统计年度“${String(q.year)}”无效`, { field: 'year' });
  const end = q.asOf ?? `${q.year}-12-31`;
  if (!isValidDate(end) || !end.startsWith(`${q.year}-`)) {
    throw new ValidationError(`统计截止日期“${end}”无效，应为 ${q.year} 年度内的日期（YYYY-MM-DD）`, { field: 'asOf' });
  }
  return { agencyId: q.agencyId, start: `${q.year}-01-01`, end };
}

/** 2025-03 → 2025年3月. */
export const monthLabel = (month: string): string => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

function labelOf(by: PublicationGrouping, key: string | null, name: string | null): string {
  if (by === 'channel') return key !== null && isChannel(key) ? CHANNELS[key] : String(key);
  if (by === 'category') return key === null ? '未分类' : name ?? `栏目 ${key}`;
  return monthLabel(key ?? '');
}

/** Publications of a year grouped by channel, category or month, with the totals. */
export async function publicationCounts(db: Q, q: PublicationQuery & { by: PublicationGrouping }): Promise<PublicationCounts> {
  if (!['channel', 'category', 'month'].includes(q.by)) {
    throw new ValidationError(`分组方式“${String(q.by)}”无效，应为 channel（渠道）、category（栏目）或 month（月份）`, { field: 'by' });
  }
  const p = publicationPeriod(q);
  const [rows, total] = await Promise.all([countPublications(db, p, q.by), countPublicationTotals(db, p)]);
  return {
    agencyId: q.agencyId, year: q.year, by: q.by, start: p.start, end: p.end, total,
    groups: rows.map((r) => ({ key: r.key, label: labelOf(q.by, r.key, r.name), publications: r.publications, items: r.items })),
  };
}

/** A publication behind a figure. */
export interface PublicationItem {
  publicationId: number;
  itemId: number;
  indexNo: string | null;
  title: string;
  docNo: string | null;
  categoryId: number | null;
  categoryName: string | null;
  channel: string;
  channelName: string;
  publishedOn: string;
  /** When it was withdrawn (it still counts in the period it was published in), or null. */
  withdrawnAt: string | null;
}

/** The drill-down filters as the API takes them: channel keys separated by commas; category 'none' = items without a category. */
export interface PublicationItemsQuery extends PublicationQuery {
  channel?: string;
  category?: string;
  month?: string;
}

/** The publications behind a figure: every filter given narrows the list; none: every publication of the year. */
export async function publicationItems(db: Q, q: PublicationItemsQuery): Promise<{ count: number; items: number; publications: PublicationItem[] }> {
  const p = publicationPeriod(q);
  const f: PublicationFilter = {};
  if (q.channel !== undefined) {
    const channels = q.channel.split(',').map((c) => c.trim());
    const unknown = channels.find((c) => !isChannel(c));
    if (unknown !== undefined) throw new ValidationError(`发布渠道“${unknown}”不存在`, { field: 'channel' });
    f.channels = channels;
  }
  if (q.category !== undefined) {
    if (q.category === 'none') f.category = null;
    else if (/^[1-9]\d{0,9}$/.test(q.category) && Number(q.category) <= 2147483647) f.category = Number(q.category);
    else throw new ValidationError(`栏目“${q.category}”无效，应为栏目编号或 none（未分类）`, { field: 'category' });
  }
  if (q.month !== undefined) {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(q.month) || !q.month.startsWith(`${q.year}-`)) {
      throw new ValidationError(`月份“${q.month}”无效，应为 ${q.year} 年内的月份（YYYY-MM）`, { field: 'month' });
    }
    f.month = q.month;
  }
  const rows = await listPublicationItems(db, p, f);
  return {
    count: rows.length,
    items: new Set(rows.map((r) => r.item_id)).size,
    publications: rows.map((r) => ({
      publicationId: r.publication_id, itemId: r.item_id, indexNo: r.index_no, title: r.title, docNo: r.doc_no,
      categoryId: r.category_id, categoryName: r.category_name, channel: r.channel,
      channelName: isChannel(r.channel) ? CHANNELS[r.channel] : r.channel, publishedOn: r.published_on, withdrawnAt: r.withdrawn_at,
    })),
  };
}
