/**
 * Figures OFFERED for the report's prose (section 二, 主动公开政府信息情况): how many items the agency published in
 * the year and on which channels (the seed: “全年主动公开政府信息1336条，其中政府网站358条、政务微信18条、
 * 公开栏和LED显示屏960条”). They are counted from the publication records and offered with the address of the
 * publications behind each; the office writes them into the text. The prose is not checked against them: the
 * narrative checks (src/core/checks/narrative.ts) compare stated figures with table cells only.
 * The service hall's figures (issue 12: the seed's “98.3%可实现‘最多跑一次’……可网办事项803项，占比90%……窗口264个……
 * 一窗办理业务42万余件……快递免费送证496余件”) are offered too when the agency keeps a matter list or hall figures:
 * the shares computed from the matter list as of 31 December, the halls' totals of the year.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { hallService } from '../matters/hall.service.js';
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
  offers.push(...await hallOffers(db, agencyId, year));
  return offers;
}

/** The matter list's shares and the halls' totals of the year, or nothing when the agency keeps neither. */
async function hallOffers(db: Kysely<Database>, agencyId: number, year: number): Promise<NarrativeFigureOffer[]> {
  const d = await hallService(db, () => `${year}-12-31T12:00:00.000Z`).dashboard(agencyId, year);
  const drillDown = `/api/agencies/${agencyId}/service-dashboard?year=${year}`;
  const offers: NarrativeFigureOffer[] = [];
  const { counts, shares } = d.matters;
  if (counts.total > 0) {
    offers.push(
      { label: `政务服务事项（截至${year}年12月31日已发布，项）`, value: counts.total, drillDown },
      { label: '可实现“最多跑一次”的事项占比（%）', value: shares.atMostOnce.percent ?? 0, drillDown },
      { label: '可网办事项（项）', value: counts.online, drillDown },
      { label: '可网办事项占比（%）', value: shares.online.percent ?? 0, drillDown },
      { label: '可全程网办事项（项）', value: counts.fullyOnline, drillDown },
      { label: '可全程网办事项占可网办事项的比例（%）', value: shares.fullyOnlineOfOnline.percent ?? 0, drillDown },
    );
  }
  if (d.totals.windows !== null) offers.push({ label: '政务服务大厅综合受理窗口（个）', value: d.totals.windows, drillDown });
  if (d.totals.transactions !== null) offers.push({ label: `${year}年政务服务大厅办件量（件）`, value: d.totals.transactions, drillDown });
  if (d.totals.certificatesMailed !== null) offers.push({ label: `${year}年快递送达证照（件）`, value: d.totals.certificatesMailed, drillDown });
  return offers;
}
