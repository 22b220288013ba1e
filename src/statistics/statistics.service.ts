/**
 * Tables 三 and 四 of the annual report computed from the stored cases (issue 4, item 7), and the
 * drill-down from any of their cells to the cases behind it. The database counts (see
 * statistics.repository.ts); this module only places the grouped counts into the format's cells, folds
 * 2021 result rows into a coarser format's rows and adds the totals, so every hard rule of tables 三 and
 * 四 holds by construction (一 + 二 = （七）总计 + 四 because each case open at some point of the year is
 * either closed by `asOf` or still open then).
 *
 * "As of": only dates on or before `asOf` count (a decision dated later leaves its case in 四, a remedy
 * decided later stays 尚未审结), so a published report can be recomputed with the same figures later.
 */
import type { Kysely } from 'kysely';
import { DECISIONS, rowForFormat } from '../core/applications/outcomes.js';
import { STATE_NAMES } from '../core/applications/case-states.js';
import { ValidationError } from '../core/errors.js';
import { cellKey, splitCellKey } from '../core/format/cell-key.js';
import type { FormatDefinition, FormatId } from '../core/format/format-types.js';
import { cellDef, formatCells, formatForYear, getFormat } from '../core/format/registry.js';
import { isValidDate } from '../core/report/dates.js';
import type { ReportDocument } from '../core/report/report-model.js';
import type { Database } from '../db/schema.js';
import {
  countTable3Flows, countTable3Results, countTable4, listTable3Cases, listTable4Cases,
  type CellCaseRow, type Period, type Table3Flow,
} from './statistics.repository.js';

/** What to compute: an agency's year, taken as of a day of that year (default 31 December). */
export interface TablesQuery {
  agencyId: number;
  year: number;
  /** YYYY-MM-DD within the year; default `${year}-12-31`. */
  asOf?: string;
  /** The report's format; default the year's format. */
  format?: FormatId;
  /** Only this case: its footprint in the tables (used by the period lock). */
  applicationId?: number;
}

/** The computed cells: every cell of tables 三 and 四 of the format, each a number (0, never blank). */
export interface ApplicationTables {
  format: FormatId;
  year: number;
  asOf: string;
  cells: Record<string, number>;
}

/** Table 四 column groups and their remedy predicates. */
const REMEDY_GROUPS: Record<string, { kind: string; after: number | null }> = {
  reconsideration: { kind: 'reconsideration', after: null },
  direct: { kind: 'lawsuit', after: 0 },
  after: { kind: 'lawsuit', after: 1 },
};

function groupOf(kind: string, after: number): string {
  return kind === 'reconsideration' ? 'reconsideration' : after ? 'after' : 'direct';
}

function period(query: TablesQuery): { period: Period; format: FormatDefinition } {
  const { agencyId, year } = query;
  if (!Number.isInteger(year)) throw new ValidationError(`统计年度“${String(year)}”无效`, { field: 'year' });
  const format = query.format ? getFormat(query.format) : formatForYear(year);
  const asOf = query.asOf ?? `${year}-12-31`;
  if (!isValidDate(asOf) || !asOf.startsWith(`${year}-`)) {
    throw new ValidationError(`统计截止日期“${asOf}”无效，应为 ${year} 年度内的日期（YYYY-MM-DD）`, { field: 'asOf' });
  }
  return { period: { agencyId, start: `${year}-01-01`, asOf, applicationId: query.applicationId }, format };
}

/** 2021 result row → the format's result row (2019 folds （六）1–3 into （六）), from the format definitions. */
function resultRowFold(format: FormatDefinition): Map<string, string> {
  const fold = new Map<string, string>();
  for (const d of DECISIONS) fold.set(d.row, rowForFormat(d, format.id));
  return fold;
}

/**
 * Tables 三 and 四 for an agency's year, counted by the database. Every cell of the two tables is set
 * (0 where nothing counts); 总计 columns and （七）总计 are sums of their parts.
 */
export async function applicationTables(db: Kysely<Database>, query: TablesQuery): Promise<ApplicationTables> {
  const { period: p, format } = period(query);
  const [flows, results, remedies] = await Promise.all([countTable3Flows(db, p), countTable3Results(db, p), countTable4(db, p)]);
  const cells: Record<string, number> = {};
  for (const cell of formatCells(format)) if (cell.table === '三' || cell.table === '四') cells[cell.key] = 0;
  const add = (table: '三' | '四', row: string, column: string, n: number) => {
    const key = cellKey(table, row, column);
    if (!(key in cells)) throw new Error(`statistics: no cell ${key} in format ${format.id}`);
    cells[key]! += n;
  };

  // Table 三: each count goes into its applicant column and the 总计 column.
  const fold = resultRowFold(format);
  for (const r of flows) {
    for (const [row, n] of [['received', r.received], ['carried-in', r.carried_in], ['carried-out', r.carried_out]] as const) {
      add('三', row, r.applicant_type, n);
      add('三', row, 'total', n);
    }
  }
  for (const r of results) {
    const row = r.result_row === null ? undefined : fold.get(r.result_row);
    if (!row) throw new Error(`statistics: closed cases without a known result row (${String(r.result_row)})`);
    for (const column of [r.applicant_type, 'total']) {
      add('三', row, column, r.n);
      add('三', 'r7', column, r.n);
    }
  }

  // Table 四: each count goes into its result column and the group's 总计.
  for (const r of remedies) {
    const group = groupOf(r.kind, r.after_reconsideration);
    add('四', 'all', `${group}.${r.result}`, r.n);
    add('四', 'all', `${group}.total`, r.n);
  }
  return { format: format.id, year: query.year, asOf: p.asOf, cells };
}

/**
 * A copy of `doc` with its table 三 and 四 cells replaced by the computed ones (the other cells and the
 * text untouched). The formats must match: a 2019-format report takes tables computed for 2019.
 */
export function withApplicationTables(doc: ReportDocument, tables: ApplicationTables): ReportDocument {
  if (doc.format !== tables.format || doc.year !== tables.year) {
    throw new ValidationError(`统计结果（${tables.year} 年度，${tables.format} 年格式）与报告（${doc.year} 年度，${doc.format} 年格式）不一致`, { field: 'format' });
  }
  return { ...doc, cells: { ...doc.cells, ...tables.cells } };
}

/** A case behind a cell: the case (and for table 四 the remedy). */
export interface CellCase {
  applicationId: number;
  caseNo: string;
  /** 收到申请日期. */
  receivedOn: string;
  /** The case's current state and its Chinese name. */
  state: string;
  stateName: string;
  remedyId: number | null;
}

const FLOW_ROWS: Record<string, Table3Flow> = { received: 'received', 'carried-in': 'carried-in', 'carried-out': 'carried-out' };

/**
 * The cases behind one cell of table 三 or 四 (drill-down), selected with the predicates that counted
 * it: as many entries as the cell's figure (for table 四, one per remedy).
 */
export async function cellCases(db: Kysely<Database>, query: TablesQuery & { cellKey: string }): Promise<CellCase[]> {
  const { period: p, format } = period(query);
  const def = cellDef(format, query.cellKey);
  if (!def || (def.table !== '三' && def.table !== '四')) {
    throw new ValidationError(`单元格“${query.cellKey}”不是 ${format.id} 年格式表三或表四的单元格`, { field: 'cellKey' });
  }
  const { row, column } = splitCellKey(query.cellKey);
  let rows: CellCaseRow[];
  if (def.table === '三') {
    const applicant = column === 'total' ? null : column;
    if (FLOW_ROWS[row]) {
      rows = await listTable3Cases(db, p, FLOW_ROWS[row]!, applicant, null);
    } else {
      // A result row: the 2021 rows that fold into it; （七）总计: every result row.
      const fold = resultRowFold(format);
      const wanted = [...new Set([...fold].filter(([, target]) => row === 'r7' || target === row).map(([from]) => from))];
      rows = await listTable3Cases(db, p, 'decided', applicant, wanted);
    }
  } else {
    const [group, result] = column.split('.') as [string, string];
    const g = REMEDY_GROUPS[group]!;
    rows = await listTable4Cases(db, p, g.kind, g.after, result === 'total' ? null : result);
  }
  return rows.map((r) => ({
    applicationId: r.application_id, caseNo: r.case_no, receivedOn: r.received_on,
    state: r.state, stateName: (STATE_NAMES as Record<string, string>)[r.state] ?? r.state, remedyId: r.remedy_id,
  }));
}
