/**
 * The known national formats and the cells they define.
 */
import { cellKey } from './cell-key.js';
import { FORMAT_2019 } from './format-2019.js';
import { FORMAT_2021 } from './format-2021.js';
import type { BlockDef, ColumnDef, FormatDefinition, FormatId, RowDef, TableDef, TableId, ValueKind } from './format-types.js';
import { ValidationError } from '../errors.js';

/** Every known format, oldest first. A new national format is added here as a new definition. */
export const FORMATS: readonly FormatDefinition[] = [FORMAT_2019, FORMAT_2021];

/** A cell of a format, with the labels the interchange JSON uses to address it. */
export interface CellDef {
  key: string;
  table: TableId;
  block: BlockDef;
  row: RowDef;
  column: ColumnDef;
  kind: ValueKind;
  /** Interchange row path: table 二 rows start with the block caption. */
  rowPath: string[];
  columnPath: string[];
}

/** Returns a format by id, or throws a validation error naming the known ones. */
export function getFormat(id: string): FormatDefinition {
  const format = FORMATS.find((f) => f.id === id);
  if (!format) {
    throw new ValidationError(`未知的年度报告格式“${id}”，可用格式：${FORMATS.map((f) => f.id).join('、')}`, { field: 'format' });
  }
  return format;
}

/** The format a report year uses by default (2019–2020: 2019 trial format; 2021 on: 2021 format). */
export function formatForYear(year: number): FormatDefinition {
  const format = FORMATS.find((f) => year >= f.years.from && (f.years.to === null || year <= f.years.to));
  if (!Number.isInteger(year) || !format) {
    throw new ValidationError(
      `${year} 年度没有适用的政府信息公开工作年度报告国家格式（现行格式适用于 ${FORMATS[0]!.years.from} 年度及以后）`,
      { field: 'year' },
    );
  }
  return format;
}

/** Interchange row path of a row in a block (table 二 rows start with the caption). */
export function rowPathOf(block: BlockDef, row: RowDef): string[] {
  return block.caption ? [block.caption, ...row.path] : [...row.path];
}

const cellCache = new WeakMap<FormatDefinition, CellDef[]>();

/** All cells of a format in reading order (table, block, row, column). Cached per format. */
export function formatCells(format: FormatDefinition): CellDef[] {
  let cells = cellCache.get(format);
  if (!cells) {
    cells = format.tables.flatMap((table: TableDef) =>
      table.blocks.flatMap((block) =>
        block.rows.flatMap((row) =>
          block.columns.map((column) => ({
            key: cellKey(table.id, row.key, column.key),
            table: table.id, block, row, column, kind: column.kind,
            rowPath: rowPathOf(block, row), columnPath: [...column.path],
          })),
        ),
      ),
    );
    cellCache.set(format, cells);
  }
  return cells;
}

const indexCache = new WeakMap<FormatDefinition, Map<string, CellDef>>();

/** Looks a cell of a format up by key. */
export function cellDef(format: FormatDefinition, key: string): CellDef | undefined {
  let index = indexCache.get(format);
  if (!index) {
    index = new Map(formatCells(format).map((c) => [c.key, c]));
    indexCache.set(format, index);
  }
  return index.get(key);
}

/** Returns a table of a format by id. */
export function tableOf(format: FormatDefinition, id: TableId): TableDef {
  return format.tables.find((t) => t.id === id)!;
}

export type { FormatDefinition, FormatId };
