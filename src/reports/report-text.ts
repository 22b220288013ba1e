/**
 * The report's prose drafted from the data (use cases): `draft` counts every figure the platform knows for the
 * agency's year — tables 二/三/四 from the data (report-fill.ts), publications by channel, fees, the management
 * of published information, and what other features register (text-figure-sources.ts: proposals, the hall) —
 * drafts sections 一 and 六 (core/report/draft-text.ts), saves them as a new version of the report and records
 * the marks of every figure; `figures` finds each marked figure in the current text and compares it with the
 * data now, so a figure that changed in the data is flagged in the text.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../core/actor.js';
import type { Clock } from '../core/clock.js';
import { ValidationError } from '../core/errors.js';
import { cellFigures } from '../core/report/cell-figures.js';
import { draftReportText, locateFigures, withDraftedText, type FigureMark, type LocatedFigure, type TextFigure } from '../core/report/draft-text.js';
import type { ReportDocument } from '../core/report/report-model.js';
import type { Database } from '../db/schema.js';
import { countFees, countManagement } from '../statistics/text-counts.repository.js';
import { publicationCounts } from '../statistics/publication-counts.service.js';
import { dataCells } from './report-fill.js';
import { insertTextDraft, latestTextDraft } from './report-text.repository.js';
import { chinaDay } from './report-versions.js';
import { reportService, type StoredReport } from './report.service.js';
import { registeredTextFigures } from './text-figure-sources.js';
// 建议提案 register their figures for section 六 (proposals sit below reports, so this is a plain import).
import './proposal-text-figures.js';
// The service hall's figures register themselves as a source (the matter list's shares, the halls' totals).
import './hall-text-figures.js';

/** The figures of the text as they stand now. */
export interface TextFiguresView {
  /** When the text was last drafted from the data, and by whom; null when it never was. */
  drafted: { at: string; by: string; version: number; asOf: string } | null;
  /** The day the data is counted as of now. */
  asOf: string;
  figures: LocatedFigure[];
}

/** The day counted: the given day, else today, never after 31 December of the report's year. */
function countedDay(year: number, clock: Clock, asOf?: string): string {
  const day = asOf ?? chinaDay(clock());
  const end = `${year}-12-31`;
  if (day < `${year}-01-01`) throw new ValidationError(`统计截止日期“${day}”早于报告年度 ${year} 年`, { field: 'asOf' });
  return day < end ? day : end;
}

/** Where a table figure's cells can be looked at (the cases or documents behind them). */
function cellLink(agencyId: number, year: number, cells: string[]): string | null {
  const first = cells[0] ?? '';
  if (first.startsWith('三:') || first.startsWith('四:')) {
    return cells.length === 1
      ? `/api/agencies/${agencyId}/application-tables/cases?year=${year}&cell=${encodeURIComponent(first)}`
      : `/api/agencies/${agencyId}/application-tables?year=${year}`;
  }
  if (first.startsWith('二:normative:') || first.startsWith('二:rules:')) {
    return `/api/agencies/${agencyId}/normative-counts/items?year=${year}&cell=${encodeURIComponent(first)}`;
  }
  return `/api/agencies/${agencyId}/art20-counts?year=${year}`;
}

/** Every figure the platform knows for the report's agency and year, as of `day`. */
export async function textFigures(db: Kysely<Database>, report: { agencyId: number; year: number }, doc: ReportDocument, day: string): Promise<Map<string, TextFigure>> {
  const { agencyId, year } = report;
  const figures = new Map<string, TextFigure>();
  const put = (f: TextFigure) => figures.set(f.key, f);

  const { cells, filled } = await dataCells(db, report, doc, day);
  const sourceOf = new Map(filled.map((f) => [f.cell, f.source]));
  for (const f of cellFigures(doc.format, cells)) {
    const { cells: keys, ...figure } = f;
    put({ ...figure, source: sourceOf.get(keys[0]!) ?? '平台数据', link: cellLink(agencyId, year, keys) });
  }

  const period = { agencyId, start: `${year}-01-01`, end: day };
  const publications = await publicationCounts(db, { agencyId, year, asOf: day, by: 'channel' });
  const items = `/api/agencies/${agencyId}/publication-counts/items?year=${year}`;
  const pubSource = `主动公开发布记录（各渠道合计，截至 ${day}）`;
  if (publications.total.publications > 0) {
    put({ key: 'publications.total', label: '主动公开政府信息（各渠道合计，条）', value: publications.total.publications, unit: '条', source: pubSource, link: items });
    // Channels by size, the largest first, as the prose states them (“其中通过政府网站公开…”).
    for (const g of [...publications.groups].sort((a, b) => b.publications - a.publications)) {
      if (!g.key || g.publications === 0) continue;
      put({
        key: `publications.channel.${g.key}`, label: `其中通过${g.label}公开（条）`, value: g.publications, unit: '条',
        source: pubSource, link: `${items}&channel=${encodeURIComponent(g.key)}`,
      });
    }
  }

  const fees = await countFees(db, period);
  const feeSource = `依申请公开办理数据（收费记录，截至 ${day}）`;
  put({ key: 'fees.cases', label: '收取信息处理费的申请（件）', value: fees.cases, unit: '件', source: feeSource, link: null });
  put({ key: 'fees.amount', label: '收取信息处理费（元）', value: fees.amount, unit: '元', decimals: 2, source: feeSource, link: null });

  const m = await countManagement(db, period);
  const mSource = `主动公开审查与检查清理记录（截至 ${day}）`;
  if (m.secrecyReviews > 0) put({ key: 'management.secrecy-reviews', label: '经保密审查后公开的政府信息（条）', value: m.secrecyReviews, unit: '条', source: mSource, link: null });
  if (m.checklists > 0) {
    put({ key: 'management.checklists', label: '完成每月检查清理（次）', value: m.checklists, unit: '次', source: mSource, link: null });
    put({ key: 'management.withdrawn', label: '撤下的已公开信息（条）', value: m.withdrawn, unit: '条', source: mSource, link: null });
  }

  for (const f of await registeredTextFigures(db, { agencyId, year, asOf: day })) put(f);
  return figures;
}

/** The report-text use cases over one handle (the edge opens the transaction). */
export function reportText(db: Kysely<Database>, clock: Clock) {
  const reports = reportService(db, clock);
  return {
    /**
     * Drafts sections 一 and 六 from the data as of `asOf` (default today, at most 31 December) and saves them as
     * a new version of the report edited from `baseVersion` (a stale base is refused like any save); the other
     * sections and the tables are kept.
     */
    async draft(id: number, baseVersion: number, actor: Actor, asOf?: string): Promise<{ report: StoredReport; view: TextFiguresView }> {
      const current = await reports.get(id);
      const day = countedDay(current.year, clock, asOf);
      const figures = await textFigures(db, current, current.document, day);
      const drafted = draftReportText({ year: current.year, figures });
      if (drafted.marks.length === 0) {
        throw new ValidationError(`平台中没有${current.agencyName}${current.year}年的可用数据，无法起草正文`);
      }
      const report = await reports.update(id, withDraftedText(current.document, drafted), actor, '按平台数据起草第一部分“总体情况”和第六部分“其他需要报告的事项”', { baseVersion });
      const at = clock();
      await insertTextDraft(db, {
        report_id: id, version: report.version, marks: JSON.stringify(drafted.marks), as_of: day,
        actor: actor.name, actor_id: actor.id, created_at: at,
      });
      return {
        report,
        view: { drafted: { at, by: actor.name, version: report.version, asOf: day }, asOf: day, figures: locateFigures(report.document, drafted.marks, figures) },
      };
    },

    /** The marked figures of the current text against the data now (empty when the text was never drafted). */
    async figures(id: number, asOf?: string): Promise<TextFiguresView> {
      const current = await reports.get(id);
      const day = countedDay(current.year, clock, asOf);
      const draft = await latestTextDraft(db, id);
      if (!draft) return { drafted: null, asOf: day, figures: [] };
      const marks = JSON.parse(draft.marks) as FigureMark[];
      const figures = await textFigures(db, current, current.document, day);
      return {
        drafted: { at: draft.created_at, by: draft.actor, version: draft.version, asOf: draft.as_of },
        asOf: day,
        figures: locateFigures(current.document, marks, figures),
      };
    },
  };
}
