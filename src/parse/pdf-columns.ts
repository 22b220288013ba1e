/**
 * Tables printed without ruling lines. Lines that break into several pieces separated by wide
 * gaps (a label and its figures) anchor the rows of a table; the pieces line up in columns,
 * taken from the anchor lines with the most pieces. Lines of one piece close to an anchor (a
 * label wrapped onto two lines, with the figures centred between them) belong to its row; other
 * lines inside the table (header text) are rows of their own. A piece wider than a column spans
 * the columns it covers; a column a row leaves empty is a blank cell. Without borders a merged
 * cell cannot be told from a blank one: this is the fallback for PDFs that draw no lines.
 */
import type { GridCell, GridTable } from './pdf-grid.js';
import { joinLines, joinRuns, type TextLine, type TextRun } from './pdf-text.js';

/** A gap wider than this many ems inside a line separates two cells. */
const CELL_GAP = 1.2;
/** Lines of a table follow each other within this many ems. */
const ROW_GAP = 3;
/** A one-piece line this close (ems) to an anchor line is part of the anchor's row. */
const WRAP_GAP = 1.4;

interface Piece { x0: number; x1: number; text: string }

/** Splits a line at wide gaps. */
function pieces(line: TextLine): Piece[] {
  const out: Piece[] = [];
  let group: TextRun[] = [];
  let end = -Infinity;
  const flush = () => {
    if (group.length) out.push({ x0: group[0]!.x, x1: end, text: joinRuns(group) });
    group = [];
  };
  for (const run of line.runs) {
    if (group.length && run.x - end > CELL_GAP * run.size) flush();
    end = group.length ? Math.max(end, run.x + run.width) : run.x + run.width;
    group.push(run);
  }
  flush();
  return out;
}

const similarSize = (a: TextLine, b: TextLine) => Math.abs(a.size - b.size) <= 0.15 * Math.max(a.size, b.size);

/** Column boundaries from the anchor lines with the most pieces. */
function columnBounds(split: Piece[][], anchors: number[]): number[] {
  const most = Math.max(...anchors.map((i) => split[i]!.length));
  const full = anchors.filter((i) => split[i]!.length === most).map((i) => split[i]!);
  const bands = Array.from({ length: most }, (_, k) => ({
    x0: Math.min(...full.map((p) => p[k]!.x0)),
    x1: Math.max(...full.map((p) => p[k]!.x1)),
  }));
  const all = split.flat();
  const left = Math.min(...all.map((p) => p.x0)) - 1;
  const right = Math.max(...all.map((p) => p.x1)) + 1;
  return [left, ...bands.slice(1).map((b, k) => (bands[k]!.x1 + b.x0) / 2), right];
}

/** The table made of lines[from..to) with the given anchors (indices into lines). */
function tableOf(page: number, lines: TextLine[], split: Piece[][], anchors: number[]): GridTable {
  const xs = columnBounds(split, anchors);
  const column = (x: number) => {
    for (let c = 0; c < xs.length - 2; c++) if (x < xs[c + 1]!) return c;
    return xs.length - 2;
  };
  // Each line goes to a row: an anchor is a row; a one-piece line next to an anchor joins it.
  const rowOf = new Map<number, number>();
  let rows = 0;
  lines.forEach((line, i) => {
    if (anchors.includes(i)) return;
    const near = anchors.filter((a) => Math.abs(lines[a]!.y - line.y) <= WRAP_GAP * line.size);
    if (split[i]!.length === 1 && near.length) rowOf.set(i, -1 - near.sort((a, b) => Math.abs(lines[a]!.y - line.y) - Math.abs(lines[b]!.y - line.y))[0]!);
  });
  lines.forEach((_, i) => { if (!rowOf.has(i)) rowOf.set(i, rows++); });
  for (const [i, r] of rowOf) if (r < 0) rowOf.set(i, rowOf.get(-1 - r)!);
  const texts: Array<Map<number, { parts: string[]; span: number }>> = Array.from({ length: rows }, () => new Map());
  lines.forEach((_, i) => {
    for (const piece of split[i]!) {
      const c0 = column(piece.x0 + 1), c1 = Math.max(c0, column(piece.x1 - 1));
      const cell = texts[rowOf.get(i)!]!;
      const at = cell.get(c0);
      if (at) { at.parts.push(piece.text); at.span = Math.max(at.span, c1 - c0 + 1); } else cell.set(c0, { parts: [piece.text], span: c1 - c0 + 1 });
    }
  });
  const cells: GridCell[] = [];
  texts.forEach((row, r) => {
    for (let c = 0; c < xs.length - 1;) {
      const cell = row.get(c);
      const span = Math.min(cell?.span ?? 1, xs.length - 1 - c);
      cells.push({ r, c, rowSpan: 1, colSpan: span, text: cell ? joinLines(cell.parts) : '', x0: xs[c]!, x1: xs[c + span]!, page });
      c += span;
    }
  });
  const first = lines[0]!, last = lines[lines.length - 1]!;
  return { page, top: first.y - first.size, bottom: last.y + last.size * 0.3, xs, rowCount: rows, cells };
}

/**
 * Finds the unruled tables among a page's lines (top to bottom): stretches of lines of one size
 * without wide vertical gaps that hold at least two anchor lines. Returns them and the other lines.
 */
export function unruledTables(page: number, lines: TextLine[]): { tables: GridTable[]; rest: TextLine[] } {
  const split = lines.map(pieces);
  const tables: GridTable[] = [];
  const used = new Set<number>();
  let i = 0;
  while (i < lines.length) {
    if (split[i]!.length < 2) { i++; continue; }
    // Grow the stretch around this anchor: up over header lines, down while lines stay close.
    let from = i, to = i + 1;
    // A line of prose (one piece across most of the table's width) is never part of it.
    const width = lines[i]!.x1 - lines[i]!.x0;
    const prose = (k: number) => split[k]!.length === 1 && lines[k]!.x1 - lines[k]!.x0 > 0.75 * width;
    const close = (a: number, b: number) => similarSize(lines[a]!, lines[b]!) && !prose(a) && !prose(b)
      && lines[b]!.y - lines[a]!.y <= ROW_GAP * lines[b]!.size && !used.has(a) && !used.has(b);
    while (from > 0 && close(from - 1, from)) from--;
    while (to < lines.length && close(to - 1, to)) to++;
    const anchors = [];
    for (let k = from; k < to; k++) if (split[k]!.length >= 2) anchors.push(k - from);
    if (anchors.length >= 2) {
      tables.push(tableOf(page, lines.slice(from, to), split.slice(from, to), anchors));
      for (let k = from; k < to; k++) used.add(k);
    }
    i = to;
  }
  return { tables, rest: lines.filter((_, k) => !used.has(k)) };
}
