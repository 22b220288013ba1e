/**
 * Tables 三 and 四 computed from the cases, and the drill-down behind one of their cells, as the API
 * returns them and the CLI prints them: every cell with its official label path (the interchange
 * labels), in the format's reading order, and the cases as case numbers only (no personal data).
 */
import type { Kysely } from 'kysely';
import { agencyService } from '../agencies/agency.service.js';
import { ValidationError } from '../core/errors.js';
import type { FormatId } from '../core/format/format-types.js';
import { cellDef, formatCells, formatForYear, getFormat } from '../core/format/registry.js';
import type { Database } from '../db/schema.js';
import { applicationTables, cellCases, type ApplicationTables, type CellCase } from './statistics.service.js';

/** A cell of table 三 or 四 with its official labels (outer → inner). */
export interface CellLabel {
  key: string;
  table: '三' | '四';
  row: string[];
  column: string[];
}

/** A computed cell: its labels and its figure. */
export interface CellFigure extends CellLabel {
  value: number;
}

/** Tables 三 and 四 of an agency's year, as the API returns them. */
export interface TablesView {
  agencyId: number;
  agencyName: string;
  year: number;
  format: FormatId;
  asOf: string;
  cells: CellFigure[];
}

/** The cases behind one cell, as the API returns them. */
export interface CellCasesView {
  cell: CellLabel;
  value: number;
  cases: CellCase[];
}

/** What to compute: the agency, the year, optionally the day the figures are taken and the format. */
export interface StatisticsRequest {
  agencyId: number;
  year: number;
  asOf?: string;
  format?: FormatId;
}

/** The labels of a cell of table 三 or 四 of a format; a validation error for any other key. */
export function cellLabel(format: FormatId, key: string): CellLabel {
  const def = cellDef(getFormat(format), key);
  if (!def || (def.table !== '三' && def.table !== '四')) {
    throw new ValidationError(`单元格“${key}”不是 ${format} 年格式表三或表四的单元格`, { field: 'cell' });
  }
  return { key: def.key, table: def.table, row: [...def.rowPath], column: [...def.columnPath] };
}

/** The computed tables with every cell labelled, in the format's reading order (table, row, column). */
export function tablesView(agency: { id: number; name: string }, tables: ApplicationTables): TablesView {
  const cells: CellFigure[] = [];
  for (const def of formatCells(getFormat(tables.format))) {
    if (def.table !== '三' && def.table !== '四') continue;
    cells.push({ key: def.key, table: def.table, row: [...def.rowPath], column: [...def.columnPath], value: tables.cells[def.key] ?? 0 });
  }
  return { agencyId: agency.id, agencyName: agency.name, year: tables.year, format: tables.format, asOf: tables.asOf, cells };
}

/** Computes tables 三 and 四 of an agency's year (the agency must exist: NotFoundError otherwise). */
export async function loadTablesView(db: Kysely<Database>, request: StatisticsRequest): Promise<TablesView> {
  const agency = await agencyService(db).get(request.agencyId);
  const tables = await applicationTables(db, { agencyId: agency.id, year: request.year, asOf: request.asOf, format: request.format });
  return tablesView(agency, tables);
}

/**
 * The cases behind one cell of table 三 or 四 of an agency's year (drill-down); the figure is the
 * number of entries, as the tables count them (for table 四, one entry per remedy).
 */
export async function loadCellCases(db: Kysely<Database>, request: StatisticsRequest & { cellKey: string }): Promise<CellCasesView> {
  const agency = await agencyService(db).get(request.agencyId);
  const cases = await cellCases(db, {
    agencyId: agency.id, year: request.year, asOf: request.asOf, format: request.format, cellKey: request.cellKey,
  });
  const format = request.format ?? formatForYear(request.year).id;
  return { cell: cellLabel(format, request.cellKey), value: cases.length, cases };
}
