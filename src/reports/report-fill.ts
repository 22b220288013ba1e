/**
 * The figures a report is filled with from the data (fill-from-data): table 二 （一） counted from the items,
 * the other table 二 cells from the latest entered Art. 20 counts, tables 三/四 from the cases — each cell with
 * where its figure came from. Reading only; the report service saves them as one new version.
 */
import type { Kysely } from 'kysely';
import { cellDef, getFormat } from '../core/format/registry.js';
import type { ReportDocument } from '../core/report/report-model.js';
import type { Database } from '../db/schema.js';
import { applicationTables } from '../statistics/statistics.service.js';
import { art20Counts, computedTable2, entryCellValue } from '../statistics/table2.service.js';

/** A cell filled from the data: where it is, its figure and where the figure came from. */
export interface FilledCell {
  cell: string;
  table: string;
  row: string[];
  column: string[];
  value: number;
  /** items: counted from the items; entered: an entered Art. 20 count; cases: counted from the application cases. */
  from: 'items' | 'entered' | 'cases';
  /** In Chinese: the data and day, or the entered count's source and who entered it. */
  source: string;
}

/**
 * The cells of tables 二, 三 and 四 of `doc`'s format from the data as of `day` (dated events up to the earlier
 * of `day` and 31 December; entered counts as entered by the end of `day`). Entered counts for a cell the
 * report's format lacks are left out.
 */
export async function dataCells(
  db: Kysely<Database>, report: { agencyId: number; year: number }, doc: ReportDocument, day: string,
): Promise<{ cells: ReportDocument['cells']; filled: FilledCell[] }> {
  const { agencyId, year } = report;
  const format = getFormat(doc.format);
  const computed = await computedTable2(db, agencyId, year, day, doc.format);
  const entered = await art20Counts(db, agencyId, year, day);
  const yearEnd = `${year}-12-31`;
  const tables = await applicationTables(db, { agencyId, year, format: doc.format, asOf: day < yearEnd ? day : yearEnd });
  const filled: FilledCell[] = [];
  const cells: ReportDocument['cells'] = {};
  const label = (key: string) => {
    const def = cellDef(format, key)!;
    return { cell: key, table: def.table, row: [...def.rowPath], column: [...def.columnPath] };
  };
  for (const [key, value] of Object.entries(computed.cells)) {
    cells[key] = value;
    filled.push({ ...label(key), value, from: 'items', source: `主动公开信息数据（规章、行政规范性文件，截至 ${computed.asOf}）` });
  }
  for (const e of entered.current) {
    if (!cellDef(format, e.cell) || cells[e.cell] !== undefined) continue;
    cells[e.cell] = entryCellValue(format, e.cell, e.value);
    filled.push({ ...label(e.cell), value: e.value, from: 'entered', source: `${e.source}（${e.enteredBy} 录入）` });
  }
  for (const [key, value] of Object.entries(tables.cells)) {
    cells[key] = value;
    filled.push({ ...label(key), value, from: 'cases', source: `依申请公开办理数据（截至 ${tables.asOf}）` });
  }
  return { cells, filled };
}
