/**
 * Finding the rows of each statistical table in its stream of source rows, using only the format
 * definition's labels: table 二 follows the block captions and header rows and maps each data row
 * by its label (local rows kept as extra rows); table 三 identifies each row by its innermost
 * label (group labels may appear once, spanning rows); table 四 takes the values after its header.
 */
import type { BlockDef, FormatDefinition, RowDef, TableId } from '../format/format-types.js';
import { FORMATS } from '../format/registry.js';
import { findCaption, findColumn, findLeaf, isHeaderLabel, tableIndex, type TableIndex } from './label-index.js';
import { normalizeLabel, withoutParentheses } from './normalize-label.js';
import { digitsOf, isBlankText } from './read-values.js';
import type { StreamItem, StreamRow } from './table-stream.js';
import type { SourceCell, SourcePlace } from './source-types.js';

/** A row found in the source: its cells in the block's column order, or glued digit tokens. */
export interface FoundRow {
  block: BlockDef;
  /** The format's row, or null for a local extra row (table 二). */
  row: RowDef | null;
  label: string;
  where: SourcePlace;
  /** One source cell (or null when absent) per column of the block, in column order. */
  cells: Array<SourceCell | null>;
  /** Digit strings when the row's cells ran together (fewer cells than columns, all digits). */
  tokens?: string[];
  notes: string[];
}

/** The rows found for one table. */
export interface FoundTable {
  table: TableId;
  rows: FoundRow[];
  notes: string[];
}

/**
 * The value cells of a data row whose label is at `labelAt`: the cells after the label when they
 * are as many as the columns; positional when the row is as wide as the official grid (TSV and Word
 * exports keep empty cells for merged positions); the last n when there are more; glued tokens
 * when there are fewer and they are all digits.
 */
function valueCells(row: StreamRow, labelAt: number, n: number, index: TableIndex, notes: string[]):
  { cells: Array<SourceCell | null>; tokens?: string[] } {
  const all = row.cells;
  const after = all.slice(labelAt + 1);
  if (after.length === n) return { cells: after };
  const labelColumns = index.def.labelColumns;
  if (all.length === index.gridWidth && labelAt < Math.max(labelColumns, 1) && all.every((c) => c.colSpan === 1)) {
    return { cells: all.slice(labelColumns === 0 ? 0 : labelColumns, (labelColumns === 0 ? 0 : labelColumns) + n) };
  }
  if (after.length > n) {
    const dropped = after.slice(0, after.length - n);
    if (dropped.some((c) => !isBlankText(c.text))) notes.push(`本行有 ${after.length} 个数值单元格，多于 ${n} 列，取最后 ${n} 个`);
    return { cells: after.slice(-n) };
  }
  const tokens = after.map((c) => digitsOf(c.text));
  if (after.length > 0 && tokens.every((t) => t !== null)) return { cells: [], tokens: tokens as string[] };
  notes.push(`本行只有 ${after.length} 个数值单元格，少于 ${n} 列`);
  return { cells: [...after, ...Array<null>(n - after.length).fill(null)] };
}

/** Index of the label cell a row is identified by (the innermost: the last label cell naming a row). */
function findRowLabel(row: StreamRow, index: TableIndex): { at: number; leaf: ReturnType<typeof findLeaf> } | null {
  for (let i = row.labels.length - 1; i >= 0; i--) {
    const label = row.labels[i]!;
    if (!label) continue;
    const leaf = findLeaf(index, label);
    if (leaf) return { at: i, leaf };
  }
  return null;
}

function headerCount(row: StreamRow, index: TableIndex): number {
  let n = 0;
  for (const label of row.labels) if (label && isHeaderLabel(index, label)) n++;
  return n;
}

const showLabel = (row: StreamRow, at: number) => row.cells[at]!.text.replace(/\s+/g, '').slice(0, 30);

/** Table 二: blocks by caption, column order by header row, rows by label; local rows kept. */
export function findRows2(format: FormatDefinition, items: StreamItem[]): FoundTable {
  const index = tableIndex(format, '二');
  const rows: FoundRow[] = [];
  const notes: string[] = [];
  let block: BlockDef | null = null;
  let header: HeaderOrder | null = null;
  for (const item of items) {
    if (item.kind === 'break') { header = null; continue; }
    if (item.kind === 'text') {
      const caption = findCaption(index, item.label);
      if (caption) { block = caption; header = null; }
      continue;
    }
    const captionAt = item.labels.findIndex((l) => l && findCaption(index, l));
    if (captionAt >= 0) {
      block = findCaption(index, item.labels[captionAt]!)!;
      header = null;
      continue;
    }
    const labelAt = item.labels.findIndex((l) => l !== '');
    if (labelAt < 0) {
      if (item.cells.some((c) => !isBlankText(c.text))) notes.push(`表二第 ${item.where.line ?? item.where.row ?? '?'} 行只有数字、没有行标签，未读取`);
      continue;
    }
    const found = findLeaf(index, item.labels[labelAt]!);
    if (!found) {
      if (headerCount(item, index) > 0) {
        if (block) header = headerOrder(block, item, labelAt);
        continue;
      }
      if (!block) { notes.push(`表二行“${showLabel(item, labelAt)}”不属于任何已识别的项目，未读取`); continue; }
      if (!block.allowsExtraRows || item.cells.length <= labelAt + 1) continue;
    } else {
      block = found.block;
    }
    const target = found ? found.block : block!;
    const rowNotes: string[] = [];
    const foreign = header && header.block === target && header.foreign ? header : null;
    if (foreign) rowNotes.push(foreign.foreign!);
    // Under another format's header the row has that header's columns: each is taken by its label.
    const values = foreign
      ? { cells: item.cells.slice(labelAt + 1) as Array<SourceCell | null> }
      : valueCells(item, labelAt, target.columns.length, index, rowNotes);
    const order = header && header.block === target ? header.order : null;
    const cells = order && !('tokens' in values && values.tokens) ? order.map((i) => (i >= 0 ? values.cells[i] ?? null : null)) : values.cells;
    rows.push({
      block: target, row: found?.row ?? null, label: item.cells[labelAt]!.text, where: item.cells[labelAt]!.where,
      cells, ...('tokens' in values && values.tokens ? { tokens: values.tokens } : {}), notes: rowNotes,
    });
  }
  return { table: '二', rows, notes };
}

/** A block's column order from a header row; `foreign` explains a header of another format's columns. */
interface HeaderOrder { block: BlockDef; order: number[]; foreign?: string }

/** Column order of a block from a header row: for each block column, the position among the row's headers. */
function headerOrder(block: BlockDef, row: StreamRow, labelAt: number): HeaderOrder | null {
  const labels = row.labels.slice(labelAt).filter((l) => l !== '');
  const columnLabels = labels.filter((l) => l !== '信息内容');
  const positions = labels.map((l) => findColumn(block, l)).filter((c) => c !== undefined);
  if (positions.length !== block.columns.length || columnLabels.length !== block.columns.length) {
    return foreignHeader(block, row, columnLabels);
  }
  const order = block.columns.map((c) => positions.indexOf(c));
  return order.every((p, i) => p === i) ? null : { block, order };
}

/**
 * A header naming other columns than the block's (a 2021 report still using the 2019 table 二):
 * a column is read from the header column whose label contains its label or is contained in it
 * (处理决定数量 → 本年处理决定数量); the others are not read, never taken by position.
 */
function foreignHeader(block: BlockDef, row: StreamRow, columnLabels: string[]): HeaderOrder | null {
  // Only a header whose labels are all column labels of table 二 in some format, one of them not this block's.
  if (!columnLabels.length || columnLabels.every((l) => findColumn(block, l))) return null;
  if (!columnLabels.every((l) => FORMATS.some((f) => isHeaderLabel(tableIndex(f, '二'), l)))) return null;
  const stem = (l: string) => withoutParentheses(l);
  const order = block.columns.map((c) => {
    const own = stem(normalizeLabel(c.path[c.path.length - 1]!));
    return columnLabels.findIndex((l) => { const s = stem(l); return s.length >= 2 && (s === own || own.includes(s) || s.includes(own)); });
  });
  const shown = row.cells.map((c) => c.text.replace(/\s+/g, '')).filter((t) => t && t !== '信息内容').join('、');
  const read = block.columns.filter((_, i) => order[i]! >= 0).map((c) => c.short);
  const unread = block.columns.filter((_, i) => order[i]! < 0).map((c) => c.short);
  const foreign = `表头为“${shown}”，与本格式“${block.caption ?? ''}”的栏目不同：${read.length ? `按表头读取“${read.join('、')}”` : '没有可对应的栏目'}${unread.length ? `，“${unread.join('、')}”未读取` : ''}`;
  return { block, order, foreign };
}

/** Table 三: each row by its innermost label; header rows skipped. */
export function findRows3(format: FormatDefinition, items: StreamItem[]): FoundTable {
  const index = tableIndex(format, '三');
  const rows: FoundRow[] = [];
  const notes: string[] = [];
  for (const item of items) {
    if (item.kind !== 'row') continue;
    if (headerCount(item, index) >= 2) continue;
    const found = findRowLabel(item, index);
    if (!found) {
      const labelAt = item.labels.findIndex((l) => l !== '');
      const hasValues = item.cells.some((c, i) => item.labels[i] === '' && !isBlankText(c.text));
      if (labelAt >= 0 && hasValues && headerCount(item, index) === 0) {
        notes.push(`表三行“${showLabel(item, labelAt)}”不是 ${format.id} 格式的行，未读取`);
      }
      continue;
    }
    const { block, row } = found.leaf!;
    const rowNotes: string[] = [];
    const values = valueCells(item, found.at, block.columns.length, index, rowNotes);
    rows.push({
      block, row, label: item.cells[found.at]!.text, where: item.cells[found.at]!.where,
      cells: values.cells, ...(values.tokens ? { tokens: values.tokens } : {}), notes: rowNotes,
    });
  }
  return { table: '三', rows, notes };
}

/** Table 四: the header rows, then its single row of values (which may be split over lines). */
export function findRows4(format: FormatDefinition, items: StreamItem[]): FoundTable {
  const index = tableIndex(format, '四');
  const block = index.def.blocks[0]!;
  const row = block.rows[0]!;
  const n = block.columns.length;
  const notes: string[] = [];
  const values: SourceCell[] = [];
  let where: SourcePlace | null = null;
  for (const item of items) {
    if (item.kind !== 'row') continue;
    if (headerCount(item, index) > 0 && item.labels.filter((l) => l).length > 1) continue;
    let last = -1;
    item.labels.forEach((l, i) => { if (l) last = i; });
    const cells = item.cells.slice(last + 1);
    if (!cells.length) continue;
    where ??= cells[0]!.where;
    values.push(...cells);
  }
  if (!where) return { table: '四', rows: [], notes };
  const rowNotes: string[] = [];
  const fake: StreamRow = { kind: 'row', cells: values, labels: values.map(() => ''), where };
  const read = valueCells(fake, -1, n, index, rowNotes);
  return {
    table: '四', notes,
    rows: [{ block, row, label: '', where, cells: read.cells, ...(read.tokens ? { tokens: read.tokens } : {}), notes: rowNotes }],
  };
}
