/**
 * Which statistical table each row of the source belongs to, by content: the rows of every source
 * table are followed in reading order and assigned to table 二, 三 or 四 by the labels only that
 * table has (第二十条第（一）项, 自然人, 行政复议 …). A source table may hold several report tables
 * (crawled pages merge them) and one report table may be split over several source tables (one
 * per block); a source table without any such label belongs to the section it lies in.
 */
import type { SectionKey, TableId } from '../format/format-types.js';
import { markerOf } from './label-index.js';
import { normalizeLabel } from './normalize-label.js';
import { isValueText } from './read-values.js';
import type { Structure } from './read-sections.js';
import type { SourceBlock, SourceCell, SourcePlace } from './source-types.js';

/** A source row with its cells' normalized texts ('' for value cells). */
export interface StreamRow {
  kind: 'row';
  cells: SourceCell[];
  /** Normalized text of label cells; '' for cells that read as values (numbers, blanks, placeholders). */
  labels: string[];
  where: SourcePlace;
}

/** What the reader of one table sees, in order. */
export type StreamItem =
  | StreamRow
  /** A caption or header line written as a paragraph (text exports lose the table around it). */
  | { kind: 'text'; label: string; where: SourcePlace }
  /** The end of a source table (header rows seen before do not carry over). */
  | { kind: 'break' };

/** The rows of the document, per report table, and the label texts seen (for format detection). */
export interface TableStreams {
  streams: Map<TableId, StreamItem[]>;
  /** Where each table was first found. */
  firstAt: Map<TableId, SourcePlace>;
  /** Normalized label texts of all table cells and table header lines. */
  texts: Set<string>;
  notes: string[];
}

const TABLE_OF_SECTION: Partial<Record<SectionKey, TableId>> = { 二: '二', 三: '三', 四: '四' };

function placeOf(cell: SourceCell | undefined, fallback: SourcePlace): SourcePlace {
  return cell?.where ?? fallback;
}

/** Assigns the rows of every source table (and table text lines) to the report tables. */
export function tableStreams(blocks: SourceBlock[], structure: Structure): TableStreams {
  const streams = new Map<TableId, StreamItem[]>();
  const firstAt = new Map<TableId, SourcePlace>();
  const texts = new Set<string>();
  const notes: string[] = [];
  const push = (table: TableId, item: StreamItem, where?: SourcePlace) => {
    let list = streams.get(table);
    if (!list) streams.set(table, (list = []));
    if (where && !firstAt.has(table)) firstAt.set(table, where);
    list.push(item);
  };

  let sourceTable = 0;
  blocks.forEach((block, bi) => {
    if (block.kind === 'paragraph') {
      if (!structure.tableText.has(bi)) return;
      const label = normalizeLabel(block.text);
      texts.add(label);
      const table = markerOf(label) ?? TABLE_OF_SECTION[structure.sectionAt[bi] ?? '一'];
      if (table) push(table, { kind: 'text', label, where: block.where });
      return;
    }
    sourceTable++;
    const touched = new Set<TableId>();
    let current: TableId | null = null;
    const pending: StreamRow[] = [];
    for (const cells of block.table.rows) {
      const labels = cells.map((c) => (isValueText(c.text) ? '' : normalizeLabel(c.text)));
      const row: StreamRow = { kind: 'row', cells, labels, where: placeOf(cells[0], block.table.where) };
      let votes: Map<TableId, number> | null = null;
      for (const label of labels) {
        if (!label) continue;
        texts.add(label);
        const marker = markerOf(label);
        if (marker) (votes ??= new Map()).set(marker, (votes.get(marker) ?? 0) + 1);
      }
      // The table most labels of the row name; on a tie, the one named first.
      let marked: TableId | undefined;
      let best = 0;
      if (votes) for (const [table, count] of votes) if (count > best) { best = count; marked = table; }
      if (marked) {
        if (current === null) for (const p of pending.splice(0)) push(marked, p, p.where);
        current = marked;
      }
      if (current === null) pending.push(row);
      else {
        push(current, row, row.where);
        touched.add(current);
      }
    }
    if (pending.length) {
      const table = TABLE_OF_SECTION[structure.sectionAt[bi] ?? '一'];
      if (table) {
        for (const p of pending) push(table, p, p.where);
        touched.add(table);
      } else if (pending.some((r) => r.cells.some((c) => c.text.trim()))) {
        notes.push(`第 ${sourceTable} 个表格既无统计表的标签，也不在第二、三、四部分中，未读取`);
      }
    }
    for (const t of touched) push(t, { kind: 'break' });
  });
  return { streams, firstAt, texts, notes };
}
