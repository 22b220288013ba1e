/**
 * Indexes of the official labels, computed once per format definition (WeakMaps) so reading a
 * report never compiles a pattern or walks a definition per cell. Everything is derived from the
 * format definitions: a new national format needs no new parsing code.
 */
import type { BlockDef, ColumnDef, FormatDefinition, RowDef, TableDef, TableId } from '../format/format-types.js';
import { FORMATS } from '../format/registry.js';
import { labelsMatch, matchBody, normalizeLabel, splitNumbering, withoutParentheses } from './normalize-label.js';

/** A row of a table, addressed by its innermost (leaf) label. */
export interface LeafRow {
  /** Normalized leaf label. */
  label: string;
  body: string;
  ordinal: number | null;
  block: BlockDef;
  row: RowDef;
}

/** The labels of one table of one format. */
export interface TableIndex {
  def: TableDef;
  leaves: LeafRow[];
  byLabel: Map<string, LeafRow>;
  byBody: Map<string, LeafRow[]>;
  /** Leaves with a body of ≥ 4 characters, longest first (for “group label + leaf” in one cell). */
  suffixLeaves: LeafRow[];
  /** Block captions (table 二), normalized. */
  captions: Map<string, BlockDef>;
  /** Normalized header labels (column path labels, row header, column caption, corner). */
  headers: Set<string>;
  /** Grid width of the official layout: label columns + the widest block's columns. */
  gridWidth: number;
}

const tableIndexes = new WeakMap<FormatDefinition, Map<TableId, TableIndex>>();

/** The label index of a table of a format (cached per format). */
export function tableIndex(format: FormatDefinition, table: TableId): TableIndex {
  let map = tableIndexes.get(format);
  if (!map) {
    map = new Map(format.tables.map((t) => [t.id, buildTableIndex(t)]));
    tableIndexes.set(format, map);
  }
  return map.get(table)!;
}

function buildTableIndex(def: TableDef): TableIndex {
  const leaves: LeafRow[] = [];
  const captions = new Map<string, BlockDef>();
  const headers = new Set<string>();
  for (const block of def.blocks) {
    if (block.caption) captions.set(normalizeLabel(block.caption), block);
    if (block.rowHeader) headers.add(normalizeLabel(block.rowHeader));
    for (const column of block.columns) for (const label of column.path) headers.add(normalizeLabel(label));
    for (const row of block.rows) {
      if (row.path.length === 0) continue;
      const label = normalizeLabel(row.path[row.path.length - 1]!);
      const parts = splitNumbering(label);
      leaves.push({ label, body: matchBody(label), ordinal: parts.ordinal, block, row });
    }
  }
  if (def.columnCaption) headers.add(normalizeLabel(def.columnCaption));
  if (def.corner) headers.add(normalizeLabel(def.corner));
  const byLabel = new Map(leaves.map((l) => [l.label, l]));
  const byBody = new Map<string, LeafRow[]>();
  for (const leaf of leaves) byBody.set(leaf.body, [...(byBody.get(leaf.body) ?? []), leaf]);
  const suffixLeaves = leaves.filter((l) => l.body.length >= 4).sort((a, b) => b.body.length - a.body.length);
  const gridWidth = def.labelColumns + Math.max(...def.blocks.map((b) => b.columns.length));
  return { def, leaves, byLabel, byBody, suffixLeaves, captions, headers, gridWidth };
}

/**
 * The row a normalized label names: exact, then the same text with another numbering style (never
 * another ordinal), then a cell that ends with a leaf label (“（三）不予公开1.属于国家秘密”).
 */
export function findLeaf(index: TableIndex, label: string): LeafRow | undefined {
  if (!label) return undefined;
  const exact = index.byLabel.get(label);
  if (exact) return exact;
  const body = matchBody(label);
  const candidates = index.byBody.get(body);
  if (candidates) {
    const found = candidates.find((c) => labelsMatch(label, c.label));
    if (found) return found;
  }
  if (label.length >= 4) {
    for (const leaf of index.suffixLeaves) {
      if (label.length > leaf.body.length && (label.endsWith(leaf.body) || label.endsWith(leaf.label))) return leaf;
    }
  }
  return undefined;
}

/** The block caption a normalized label names (table 二), tolerant of numbering-free 第二十条第一项. */
export function findCaption(index: TableIndex, label: string): BlockDef | undefined {
  return index.captions.get(label) ?? index.captions.get(label.replace(/第([一二三四五六七八九十]+)项$/, '第($1)项'));
}

/** Whether a normalized label is a header label of the table (exact, or without parentheses). */
export function isHeaderLabel(index: TableIndex, label: string): boolean {
  return index.headers.has(label) || headerStems(index).has(withoutParentheses(label));
}

const stemCache = new WeakMap<TableIndex, Set<string>>();
function headerStems(index: TableIndex): Set<string> {
  let stems = stemCache.get(index);
  if (!stems) {
    stems = new Set([...index.headers].map(withoutParentheses).filter((s) => s.length >= 2));
    stemCache.set(index, stems);
  }
  return stems;
}

/** The column of a block a normalized header label names (innermost column label, parentheses tolerated). */
export function findColumn(block: BlockDef, label: string): ColumnDef | undefined {
  const stem = withoutParentheses(label);
  return block.columns.find((c) => {
    const official = normalizeLabel(c.path[c.path.length - 1]!);
    return official === label || withoutParentheses(official) === stem;
  });
}

/**
 * Labels that identify one statistical table whatever the format: normalized label → table.
 * Labels used by several tables (总计, 其他) are left out. Computed once over all known formats.
 */
let markers: Map<string, TableId> | null = null;
export function tableMarkers(): Map<string, TableId> {
  if (markers) return markers;
  const owners = new Map<string, Set<TableId>>();
  const add = (label: string, table: TableId) => {
    const key = normalizeLabel(label);
    if (!key) return;
    owners.set(key, (owners.get(key) ?? new Set()).add(table));
  };
  for (const format of FORMATS) {
    for (const def of format.tables) {
      if (def.corner) add(def.corner, def.id);
      if (def.columnCaption) add(def.columnCaption, def.id);
      for (const block of def.blocks) {
        if (block.caption) add(block.caption, def.id);
        if (block.rowHeader) add(block.rowHeader, def.id);
        for (const column of block.columns) column.path.forEach((l) => add(l, def.id));
        for (const row of block.rows) row.path.forEach((l) => add(l, def.id));
      }
    }
  }
  markers = new Map();
  for (const [label, tables] of owners) if (tables.size === 1) markers.set(label, [...tables][0]!);
  // 规范性文件 / 行政规范性文件 are both table 二 whatever the format.
  markers.set('规范性文件', '二');
  markers.set('行政规范性文件', '二');
  return markers;
}

/** The table a normalized cell text marks, if it is one of the table-specific labels. */
export function markerOf(label: string): TableId | undefined {
  const m = tableMarkers();
  return m.get(label) ?? m.get(label.replace(/第([一二三四五六七八九十]+)项$/, '第($1)项'));
}

/** Label pieces of every format, longest first: headers and captions, and with row labels. */
let headerPieces: string[] | null = null;
let allPieces: string[] | null = null;
function pieces(withRows: boolean): string[] {
  if (!headerPieces || !allPieces) {
    const headers = new Set<string>();
    const all = new Set<string>();
    for (const format of FORMATS) {
      for (const def of format.tables) {
        const index = tableIndex(format, def.id);
        index.headers.forEach((h) => headers.add(h));
        index.captions.forEach((_, c) => headers.add(c));
        for (const block of def.blocks) for (const row of block.rows) row.path.forEach((l) => all.add(normalizeLabel(l)));
      }
    }
    headers.forEach((h) => all.add(h));
    const sort = (set: Set<string>) => [...set].filter((s) => s.length >= 2).sort((a, b) => b.length - a.length);
    headerPieces = sort(headers);
    allPieces = sort(all);
  }
  return withRows ? allPieces : headerPieces;
}

function madeOf(normalized: string, list: string[]): boolean {
  if (!normalized || normalized.length > 160) return false;
  let rest = normalized;
  for (let guard = 0; rest && guard < 40; guard++) {
    const piece = list.find((p) => rest.startsWith(p));
    if (!piece) return false;
    rest = rest.slice(piece.length);
  }
  return rest === '';
}

/**
 * Header-only text of any table (“信息内容 本年新制作数量 本年新公开数量”, a caption on its own
 * line): text made only of official header labels and captions.
 */
export function isTableHeaderText(normalized: string): boolean {
  return madeOf(normalized, pieces(false));
}

/**
 * Text that belongs to a table, not to the prose: header text, or row labels on a line of their
 * own (a group label such as 三、本年度办理结果, or a row whose cells were all lost).
 */
export function isTableText(normalized: string): boolean {
  return madeOf(normalized, pieces(true));
}
