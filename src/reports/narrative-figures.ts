/**
 * Figures OFFERED for the report's prose (section 二, 主动公开政府信息情况): how many items the agency published in
 * the year and on which channels (the seed: “全年主动公开政府信息1336条，其中政府网站358条、政务微信18条、
 * 公开栏和LED显示屏960条”). They are counted from the publication records and offered with the address of the
 * publications behind each; the office writes them into the text. The prose is not checked against them: the
 * narrative checks (src/core/checks/narrative.ts) compare stated figures with table cells only.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { publicationCounts } from '../statistics/publication-counts.service.js';

/** A figure offered for the text. */
export interface NarrativeFigureOffer {
  /** What it counts, in Chinese. */
  label: string;
  value: number;
  /** The API address of the publications behind it. */
  drillDown: string;
}

/** Channels the seed states together (公开栏和LED显示屏). */
const STATED_TOGETHER = [['notice-board', 'led']] as const;

/** The publication figures of an agency's year (as of 31 December), in the order the prose states them. */
export async function narrativeFigures(db: Kysely<Database>, agencyId: number, year: number): Promise<NarrativeFigureOffer[]> {
  const counts = await publicationCounts(db, { agencyId, year, by: 'channel' });
  const url = (channel?: string) =>
    `/api/agencies/${agencyId}/publication-counts/items?year=${year}${channel ? `&channel=${encodeURIComponent(channel)}` : ''}`;
  const offers: NarrativeFigureOffer[] = [
    { label: `${year}年主动公开政府信息（各渠道发布合计，条）`, value: counts.total.publications, drillDown: url() },
    { label: `${year}年主动公开政府信息（不重复计算，条）`, value: counts.total.items, drillDown: url() },
  ];
  for (const g of counts.groups) {
    offers.push({ label: `其中通过${g.label}公开（条）`, value: g.publications, drillDown: url(g.key ?? undefined) });
  }
  for (const keys of STATED_TOGETHER) {
    const groups = keys.flatMap((k) => counts.groups.filter((g) => g.key === k));
    if (groups.length < 2) continue;
    offers.push({
      label: `其中通过${groups.map((g) => g.label).join('和')}公开（合计，条）`,
      value: groups.reduce((n, g) => n + g.publications, 0),
      drillDown: url(keys.join(',')),
    });
  }
  return offers;
}
