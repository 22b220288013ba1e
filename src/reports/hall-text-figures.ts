/**
 * The service hall's figures for the report's drafted prose (issue 12 parts 3 and 5): the matter list's counts and
 * shares as of the day counted (src/matters/hall.service.ts: each matter's newest version published by then) and the
 * halls' totals of the year, under the keys the drafter writes (src/core/report/draft-text.ts: hall.*). Nothing is
 * offered when the agency keeps no matter list and no hall figures. Registered as a text-figure source when loaded.
 */
import type { TextFigure } from '../core/report/draft-text.js';
import { hallService } from '../matters/hall.service.js';
import { registerTextFigureSource } from './text-figure-sources.js';

registerTextFigureSource('hall', async (db, { agencyId, year, asOf }) => {
  const d = await hallService(db, () => `${asOf}T12:00:00.000Z`).dashboard(agencyId, year, asOf);
  const link = `/api/agencies/${agencyId}/service-dashboard?year=${year}&asOf=${asOf}`;
  const listSource = `事项清单（截至 ${asOf} 已发布的办事指南）`;
  const hallSource = `政务服务大厅月度数据（${year} 年）`;
  const out: TextFigure[] = [];
  const { counts, shares } = d.matters;
  if (counts.total > 0) {
    out.push(
      { key: 'hall.matters', label: '政务服务事项（项）', value: counts.total, unit: '项', source: listSource, link },
      { key: 'hall.one-visit-share', label: '“最多跑一次”事项占比（%）', value: shares.atMostOnce.percent ?? 0, unit: '%', decimals: 1, source: listSource, link },
      { key: 'hall.online', label: '可网办事项（项）', value: counts.online, unit: '项', source: listSource, link },
      { key: 'hall.online-share', label: '可网办事项占比（%）', value: shares.online.percent ?? 0, unit: '%', decimals: 1, source: listSource, link },
      { key: 'hall.fully-online', label: '可全程网办事项（项）', value: counts.fullyOnline, unit: '项', source: listSource, link },
      // The seed's base: 569 of the 803 可网办 matters (70.9 %).
      { key: 'hall.fully-online-share', label: '可全程网办事项占可网办事项的比例（%）', value: shares.fullyOnlineOfOnline.percent ?? 0, unit: '%', decimals: 1, source: listSource, link },
    );
  }
  if (d.totals.windows !== null) out.push({ key: 'hall.windows', label: '综合受理窗口（个）', value: d.totals.windows, unit: '个', source: hallSource, link });
  if (d.totals.transactions !== null) out.push({ key: 'hall.transactions', label: '各大厅办理业务（件）', value: d.totals.transactions, unit: '件', source: hallSource, link });
  if (d.totals.certificatesMailed !== null) out.push({ key: 'hall.mailed', label: '快递送达证照（件）', value: d.totals.certificatesMailed, unit: '件', source: hallSource, link });
  return out;
});
