/**
 * The reading order of a PDF as blocks: lines outside tables become paragraphs, tables stay
 * tables, page by page from the top. A paragraph ends where the next line starts with an indent
 * (the two-character first-line indent of Chinese documents), is centred or right-aligned, has
 * another size, or lies further down than the line pitch; or where a line ends short of the right
 * margin. A paragraph or a table goes on over a page break; page numbers are left out.
 */
import type { SourceBlock, SourceCell, SourceTable } from '../core/parse/source-types.js';
import type { GridTable } from './pdf-grid.js';
import { continues, mergeTables } from './pdf-merge.js';
import { joinLines, type TextLine } from './pdf-text.js';

/** Something on a page, in reading order by its top. */
export type PageItem =
  | { kind: 'line'; line: TextLine; top: number }
  | { kind: 'table'; table: GridTable; top: number };

/** The text area as the body text uses it, and the usual line pitch per font size. */
interface Metrics {
  left: number;
  right: number;
  /** The font size most of the text is set in. */
  body: number;
  pitch: Map<number, number>;
}

/** Page numbers as printed in the margin: “— 3 —”, “-3-”, “3”, “第3页”, “第 3 页 共 9 页”, “3/9”. */
const PAGE_NUMBER = /^(?:[-—–－~\s]*\d{1,4}[-—–－~\s]*|第\s*\d{1,4}\s*页(?:\s*[，,、]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;

/** Whether a line is a page number in the top or bottom margin. */
export function isPageNumber(line: TextLine, pageHeight: number): boolean {
  return (line.y > pageHeight * 0.85 || line.y < pageHeight * 0.12) && PAGE_NUMBER.test(line.text.trim());
}

const sizeKey = (size: number) => Math.round(size * 2) / 2;

/** Left and right margin of the body text and the line pitch of each size. */
function metrics(lines: TextLine[]): Metrics {
  const chars = new Map<number, number>();
  for (const l of lines) chars.set(sizeKey(l.size), (chars.get(sizeKey(l.size)) ?? 0) + l.text.length);
  const body = [...chars.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const bodyLines = lines.filter((l) => sizeKey(l.size) === body);
  // Lines after the first of a paragraph start at the left margin; full lines end at the right.
  const left = Math.min(...bodyLines.map((l) => l.x0));
  const right = Math.max(...bodyLines.map((l) => l.x1), 0);
  const deltas = new Map<number, number[]>();
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!, b = lines[i]!;
    if (a.page !== b.page || sizeKey(a.size) !== sizeKey(b.size)) continue;
    const d = b.y - a.y;
    if (d > 0 && d < 3 * b.size) deltas.set(sizeKey(b.size), [...(deltas.get(sizeKey(b.size)) ?? []), d]);
  }
  const pitch = new Map<number, number>();
  for (const [size, ds] of deltas) pitch.set(size, ds.sort((p, q) => p - q)[Math.floor(ds.length / 2)]!);
  return { left: Number.isFinite(left) ? left : 0, right, body: body ?? 0, pitch };
}

/** Whether `line` starts a new paragraph after `prev`. */
function startsParagraph(prev: TextLine, line: TextLine, m: Metrics): boolean {
  if (Math.abs(prev.size - line.size) > 0.15 * Math.max(prev.size, line.size)) return true;
  if (line.page === prev.page) {
    const gap = line.y - prev.y;
    if (gap <= 0 || gap > 1.45 * (m.pitch.get(sizeKey(line.size)) ?? 1.5 * line.size)) return true;
  }
  // A title set on two centred lines, larger than the body text, is one paragraph.
  const middle = (m.left + m.right) / 2;
  const centred = (l: TextLine) => sizeKey(l.size) > m.body && l.x0 > m.left + l.size && Math.abs((l.x0 + l.x1) / 2 - middle) < l.size;
  if (centred(prev) && centred(line)) return false;
  if (line.x0 > m.left + 0.6 * line.size) return true;
  return prev.x1 < m.right - 1.2 * prev.size;
}

/** A recovered table as a source table (rows list the cells that start in them). */
function sourceTable(table: GridTable, index: number): SourceTable {
  const rows: SourceCell[][] = Array.from({ length: table.rowCount }, () => []);
  for (const cell of table.cells) {
    rows[cell.r]!.push({
      text: cell.text, rowSpan: cell.rowSpan, colSpan: cell.colSpan,
      where: { page: cell.page, table: index, row: cell.r + 1, column: cell.c + 1 },
    });
  }
  for (const row of rows) row.sort((a, b) => a.where.column! - b.where.column!);
  const first = table.cells[0]?.page ?? table.page;
  return { rows, where: { page: first, table: index } };
}

/**
 * Lays the items of all pages (each page's items sorted by top) out as blocks: paragraphs from
 * lines, tables with their continuations joined.
 */
export function layoutBlocks(pages: PageItem[][]): SourceBlock[] {
  const lines = pages.flat().flatMap((item) => (item.kind === 'line' ? [item.line] : []));
  const m = metrics(lines);
  const out: Array<{ kind: 'paragraph'; lines: TextLine[] } | { kind: 'table'; table: GridTable }> = [];
  for (const item of pages.flat()) {
    const last = out[out.length - 1];
    if (item.kind === 'table') {
      if (last?.kind === 'table' && continues(last.table, item.table)) last.table = mergeTables(last.table, item.table);
      else out.push({ kind: 'table', table: item.table });
      continue;
    }
    const prev = last?.kind === 'paragraph' ? last.lines[last.lines.length - 1]! : null;
    if (last?.kind === 'paragraph' && prev && !startsParagraph(prev, item.line, m)) last.lines.push(item.line);
    else out.push({ kind: 'paragraph', lines: [item.line] });
  }
  let tables = 0;
  return out.map((block): SourceBlock => block.kind === 'table'
    ? { kind: 'table', table: sourceTable(block.table, ++tables) }
    : { kind: 'paragraph', text: joinLines(block.lines), where: { page: block.lines[0]!.page } });
}
