/**
 * The labels a collapsed report is segmented by, derived once from the format definitions (both
 * national formats): per table, the rows in order with the texts their label may be found as
 * (folded, without numbering; with and without the parenthesised remark and the quotes), the
 * block captions and header pieces, and the section headings. Nothing here is tuned to a report:
 * a new format definition brings its own labels.
 */
import type { BlockDef, FormatDefinition, RowDef, SectionKey, TableId } from '../format/format-types.js';
import { FORMATS } from '../format/registry.js';
import { tableIndex } from './label-index.js';
import { matchBody, normalizeLabel, splitNumbering, withoutParentheses } from './normalize-label.js';

/** How a row label is looked for. */
export interface RowPattern {
  row: RowDef;
  block: BlockDef;
  /** The official leaf label, as the format prints it (emitted as the row's label cell). */
  official: string;
  /** Folded texts of the label without numbering, longest first. */
  bodies: string[];
  ordinal: number | null;
  /** Short labels (总计, 其他) are taken only with their ordinal. */
  requireOrdinal: boolean;
}

/** A block of a table with its caption and header pieces (table 二). */
export interface BlockPattern {
  block: BlockDef;
  captions: string[];
  rows: RowPattern[];
}

/** The labels of one table of one format. */
export interface TablePatterns {
  format: FormatDefinition;
  table: TableId;
  blocks: BlockPattern[];
  /** All rows in order (table 三: one block). */
  rows: RowPattern[];
  /** Folded header pieces (column labels, row header, corner, caption), longest first. */
  headers: string[];
  /** Header pieces only this format has (they decide between formats, e.g. 本年制发件数). */
  ownHeaders: Set<string>;
  /** Group labels of the rows (三、本年度办理结果, （三）不予公开), folded, for leftover text. */
  groups: string[];
}

function variants(label: string): string[] {
  const body = matchBody(normalizeLabel(label));
  const out = new Set<string>([body, splitNumbering(normalizeLabel(label)).body]);
  const bare = withoutParentheses(body);
  if (bare.length >= 2) out.add(bare);
  for (const v of [...out]) { const q = v.replace(/"/g, ''); if (q.length >= 2) out.add(q); }
  if (body === '规范性文件') out.add('行政规范性文件');
  return [...out].filter((v) => v.length > 0).sort((a, b) => b.length - a.length);
}

function rowPattern(block: BlockDef, row: RowDef): RowPattern {
  const official = row.path[row.path.length - 1]!;
  const parts = splitNumbering(normalizeLabel(official));
  const bodies = variants(official);
  return { row, block, official, bodies, ordinal: parts.ordinal, requireOrdinal: parts.ordinal !== null && parts.body.length < 4 };
}

const cache = new WeakMap<FormatDefinition, Map<TableId, TablePatterns>>();

/** The patterns of a table of a format (cached). */
export function tablePatterns(format: FormatDefinition, table: TableId): TablePatterns {
  let map = cache.get(format);
  if (!map) cache.set(format, (map = new Map()));
  const hit = map.get(table);
  if (hit) return hit;
  const def = format.tables.find((t) => t.id === table)!;
  const blocks: BlockPattern[] = def.blocks.map((block) => ({
    block,
    captions: block.caption ? [normalizeLabel(block.caption), normalizeLabel(block.caption).replace(/\(([一二三四五六七八九十]+)\)/, '$1')] : [],
    rows: block.rows.filter((r) => r.path.length > 0).map((r) => rowPattern(block, r)),
  }));
  const headerSet = new Set<string>();
  for (const h of tableIndex(format, table).headers) {
    headerSet.add(h);
    const bare = withoutParentheses(h);
    if (bare.length >= 2) headerSet.add(bare);
  }
  const others = new Set<string>();
  for (const f of FORMATS) if (f !== format && f.tables.some((t) => t.id === table)) for (const h of tableIndex(f, table).headers) others.add(h);
  const groups = new Set<string>();
  for (const block of def.blocks) for (const row of block.rows) row.path.slice(0, -1).forEach((l) => groups.add(normalizeLabel(l)));
  const patterns: TablePatterns = {
    format, table, blocks, rows: blocks.flatMap((b) => b.rows),
    headers: [...headerSet].sort((a, b) => b.length - a.length),
    ownHeaders: new Set([...headerSet].filter((h) => !others.has(h))),
    groups: [...groups].sort((a, b) => b.length - a.length),
  };
  map.set(table, patterns);
  return patterns;
}

/** A section heading as looked for: its ordinal and the bodies of every format's wording. */
export interface HeadingPattern {
  key: SectionKey;
  ordinal: number;
  bodies: string[];
}

const KEYS: SectionKey[] = ['一', '二', '三', '四', '五', '六'];
let headingCache: HeadingPattern[] | null = null;

/** The section headings of every format, folded, without numbering. */
export function headingPatterns(): HeadingPattern[] {
  if (headingCache) return headingCache;
  headingCache = KEYS.map((key, i) => {
    const bodies = new Set<string>();
    for (const format of FORMATS) {
      const def = format.sections.find((s) => s.key === key)!;
      for (const text of [def.heading, ...def.variants]) bodies.add(splitNumbering(normalizeLabel(text)).body);
    }
    return { key, ordinal: i + 1, bodies: [...bodies].sort((a, b) => b.length - a.length) };
  });
  return headingCache;
}

let exactHeadings: Set<string> | null = null;
/** Normalized headings (canonical and variants) of every format. */
export function knownHeadings(): Set<string> {
  if (exactHeadings) return exactHeadings;
  exactHeadings = new Set();
  for (const format of FORMATS) for (const s of format.sections) for (const t of [s.heading, ...s.variants]) exactHeadings.add(normalizeLabel(t));
  return exactHeadings;
}
