/**
 * From the rows found in the source to one reading per cell of the format: values read by the
 * column's kind, glued rows recovered with the table's own sums (run-together.ts, never guessed),
 * local rows of table 二 kept, and every cell the source lacks marked missing.
 */
import { cellKey } from '../format/cell-key.js';
import type { BlockDef, FormatDefinition, RowDef, TableId } from '../format/format-types.js';
import { formatCells, rowPathOf } from '../format/registry.js';
import { numericValue, type CellValue, type ExtraRow } from '../report/report-model.js';
import type { CellReading, TableReading } from './parse-types.js';
import { readValue } from './read-values.js';
import { equationsForTable, solveTable, type TableRowInput } from './run-together-table.js';
import type { SourcePlace } from './source-types.js';
import type { FoundRow, FoundTable } from './table-rows.js';

/** Readings of one table: its cells, local rows and how well it was read. */
export interface TableCells {
  cells: CellReading[];
  extraRows: ExtraRow[];
  extraCells: CellReading[];
  reading: TableReading;
}

/** Weight of a recovered cell in the table's confidence (proven by the sums, but not read as written). */
const RECOVERED_WEIGHT = 0.8;

/** Reads the cells of one table of the format from the rows found (null: table not in the source). */
export function tableCells(format: FormatDefinition, tableId: TableId, found: FoundTable | null, where: SourcePlace | undefined): TableCells {
  const notes = [...(found?.notes ?? [])];
  const byKey = new Map<string, CellReading>();
  const extraRows: ExtraRow[] = [];
  const extraCells: CellReading[] = [];
  const recovered = recoverGlued(format, found, notes);

  for (const row of found?.rows ?? []) {
    const caption = row.block.caption;
    const label = row.label.replace(/\s+/g, '');
    for (const n of row.notes) notes.push(`行“${label.slice(0, 30)}”：${n}`);
    const glued = recovered.get(row);
    const values: Record<string, CellValue> = {};
    const keys = row.row ? cellKeysOf(format, row.block, row.row, tableOfRow(format, row)) : null;
    row.block.columns.forEach((column, i) => {
      const key = keys ? keys[i]! : `extra:${row.block.key}:${label}:${column.key}`;
      if (row.row && byKey.has(key)) return;
      const rowPath = row.row ? rowPathOf(row.block, row.row) : caption ? [caption, label] : [label];
      const reading: CellReading = glued
        ? { key, table: tableOfRow(format, row), row: rowPath, column: [...column.path], ...glued(i) }
        : fromCell(key, tableOfRow(format, row), rowPath, column.path, row, i, column.kind);
      values[column.key] = reading.value;
      if (row.row) byKey.set(key, reading);
      else extraCells.push(reading);
    });
    if (!row.row) extraRows.push({ table: tableOfRow(format, row), block: row.block.key, label, values });
  }

  const cells: CellReading[] = [];
  let clean = 0;
  let recoveredCount = 0;
  let expected = 0;
  for (const def of formatCells(format)) {
    if (def.table !== tableId) continue;
    expected++;
    const reading = byKey.get(def.key) ?? {
      key: def.key, table: def.table, row: def.rowPath, column: def.columnPath, raw: null, value: null,
      status: 'missing' as const, ...(where ? { where } : {}),
    };
    if (reading.status === 'read' || reading.status === 'blank' || reading.status === 'placeholder') clean++;
    if (reading.status === 'recovered') recoveredCount++;
    cells.push(reading);
  }
  const missing = cells.filter((c) => c.status === 'missing').length;
  if (missing && found && found.rows.length) {
    notes.push(`${missing} 个单元格在原文中未找到`);
    missingRows(format, tableId, cells, notes);
  }
  const confidence = expected ? Math.round(((clean + RECOVERED_WEIGHT * recoveredCount) / expected) * 100) / 100 : 0;
  return {
    cells, extraRows, extraCells,
    reading: { table: tableId, found: !!found && found.rows.length > 0, confidence, cellsRead: clean + recoveredCount, cellsExpected: expected, notes },
  };
}

/** The titles of the rules with these ids, in words (at most four, then how many more). */
function ruleTitles(format: FormatDefinition, ids: string[]): string {
  const titles = [...new Set(ids.map((id) => format.rules.find((r) => r.id === id)?.title ?? '本表合计关系'))];
  return titles.length > 4 ? `${titles.slice(0, 4).join('；')} 等 ${titles.length} 条` : titles.join('；');
}

/**
 * One finding per format row the source has no number for: the row's label was not found, or
 * it stands there without numbers (a row is never filled from the next one). Named by its labels.
 */
function missingRows(format: FormatDefinition, tableId: TableId, cells: CellReading[], notes: string[]): void {
  const table = format.tables.find((t) => t.id === tableId)!;
  for (const block of table.blocks) {
    for (const row of block.rows) {
      const keys = block.columns.map((column) => cellKey(tableId, row.key, column.key));
      const readings = keys.map((k) => cells.find((c) => c.key === k));
      if (!readings.every((c) => c?.status === 'missing')) continue;
      const label = [block.caption, ...row.path].filter(Boolean).join(' ') || `表${tableId}数据行`;
      const present = readings.some((c) => c?.raw === null && c.note === '该行缺少此单元格');
      notes.push(present ? `表${tableId}“${label}”一行在原文中没有数值，按缺失处理（不按 0 计，也未用下一行的数字补）`
        : `表${tableId}“${label}”一行在原文中未找到，其数值缺失（不按 0 计）`);
    }
  }
}

/** Keys of the cells of a row of a block (one per column), per format: built once, not per reading. */
const rowKeys = new WeakMap<FormatDefinition, Map<BlockDef, Map<RowDef, string[]>>>();

function cellKeysOf(format: FormatDefinition, block: BlockDef, row: RowDef, table: TableId): string[] {
  let blocks = rowKeys.get(format);
  if (!blocks) rowKeys.set(format, (blocks = new Map()));
  let rows = blocks.get(block);
  if (!rows) blocks.set(block, (rows = new Map()));
  let keys = rows.get(row);
  if (!keys) rows.set(row, (keys = block.columns.map((column) => cellKey(table, row.key, column.key))));
  return keys;
}

/** The table of each block, per format (a block may be shared by formats). */
const blockTables = new WeakMap<FormatDefinition, Map<BlockDef, TableId>>();

function tableOfRow(format: FormatDefinition, row: FoundRow): TableId {
  let tables = blockTables.get(format);
  if (!tables) {
    tables = new Map();
    // The first table holding a block, as a search of the tables in order finds it.
    for (const t of format.tables) for (const b of t.blocks) if (!tables.has(b)) tables.set(b, t.id);
    blockTables.set(format, tables);
  }
  return tables.get(row.block) ?? format.tables.find((t) => t.blocks.includes(row.block))!.id;
}

function fromCell(key: string, table: TableId, row: string[], column: string[], found: FoundRow, i: number, kind: Parameters<typeof readValue>[1]): CellReading {
  const cell = found.cells[i] ?? null;
  if (!cell) {
    return { key, table, row, column: [...column], raw: null, value: null, status: 'missing', where: found.where, note: '该行缺少此单元格' };
  }
  const read = readValue(cell.text, kind);
  const reading: CellReading = { key, table, row, column: [...column], raw: cell.text, value: read.value, status: read.status, where: cell.where };
  if (read.note) reading.note = read.note;
  return reading;
}

type GluedReading = (i: number) => Pick<CellReading, 'raw' | 'value' | 'status' | 'where' | 'candidates' | 'note'>;

/**
 * Recovers the rows whose cells ran together, per block, from the table's equations (each row's
 * 总计, each column's （七）总计, 一+二=三+四, table 四 group totals). One reading left → recovered;
 * several → ambiguous with the candidates; none → unreadable.
 */
function recoverGlued(format: FormatDefinition, found: FoundTable | null, notes: string[]): Map<FoundRow, GluedReading> {
  const out = new Map<FoundRow, GluedReading>();
  if (!found || !found.rows.some((r) => r.tokens)) return out;
  const equations = equationsForTable(format, found.table);
  const blocks = new Set(found.rows.map((r) => r.block));
  for (const block of blocks) {
    const rows = found.rows.filter((r) => r.block === block);
    const keys = new Set(block.rows.map((r) => r.key));
    const inputs: TableRowInput[] = [];
    const keyOf = new Map<FoundRow, string>();
    rows.forEach((r, i) => {
      const key = r.row?.key ?? `extra-${i}`;
      keyOf.set(r, key);
      if (r.tokens) inputs.push({ key, tokens: r.tokens });
      else inputs.push({ key, tokens: null, values: r.cells.map((c) => (c ? numericValue(readValue(c.text, 'decimal').value) : null)) });
    });
    const usable = equations.filter((eq) => [...eq.left, ...eq.right].every(([row]) => keys.has(row)));
    const result = solveTable({ rows: inputs, columns: block.columns.length, equations: usable });
    if (result.conflicts.length) notes.push(`拆分连写数字时，表中数字与勾稽关系不符，未用于拆分：${ruleTitles(format, result.conflicts)}`);
    for (const r of rows) {
      if (!r.tokens) continue;
      const rec = result.rows[keyOf.get(r)!];
      const raw = r.tokens.join(' ');
      const where = r.where;
      if (!rec || rec.status === 'unreadable') {
        out.set(r, () => ({ raw, value: null, status: 'unreadable', where, note: `连写数字“${raw}”无法按本表勾稽关系拆分` }));
      } else if (rec.status === 'recovered' && rec.values) {
        const values = rec.values;
        const how = rec.by.length ? `，依据：${ruleTitles(format, rec.by)}` : '';
        out.set(r, (i) => ({ raw, value: values[i]!, status: 'recovered', where, note: `由连写数字“${raw}”按勾稽关系拆分（唯一解）${how}` }));
      } else {
        const candidates = rec.candidates;
        out.set(r, () => ({
          raw, value: null, status: 'ambiguous', where, candidates,
          note: `连写数字“${raw}”有 ${candidates.length}${rec.complete ? '' : '+'} 种拆分均符合勾稽关系，未采用任何一种`,
        }));
      }
    }
  }
  return out;
}
