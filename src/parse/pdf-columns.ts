/**
 * Tables printed without ruling lines. Lines that break into several pieces separated by wide
 * gaps (a label and its figures) anchor the rows of a table. A line of one piece close to an
 * anchor (a label wrapped onto two lines, the figures centred between them) belongs to the
 * anchor's row; other lines inside the table (header text) are rows of their own.
 *
 * Without borders a blank cell leaves no trace and a merged cell cannot be told from a blank
 * one, so no column grid is guessed: each row lists the pieces it shows, left to right. A row
 * with all its figures reads exactly; a row with blanks reads short, and the engine reports its
 * cells as unreadable instead of putting figures in the wrong columns.
 */
import type { GridCell, GridTable } from './pdf-grid.js';
import { joinLines, joinRuns, type TextLine, type TextRun } from './pdf-text.js';

/** A gap wider than this many ems inside a line separates two cells. */
const CELL_GAP = 1;
/** Lines of a table follow each other within this many ems. */
const ROW_GAP = 3;
/** A one-piece line this close (ems) to an anchor line is part of the anchor's row. */
const WRAP_GAP = 1.4;

interface Piece { x0: number; x1: number; parts: string[] }

/** Splits a line at wide gaps. */
function pieces(line: TextLine): Piece[] {
  const out: Piece[] = [];
  let group: TextRun[] = [];
  let end = -Infinity;
  const flush = () => {
    if (group.length) out.push({ x0: group[0]!.x, x1: end, parts: [joinRuns(group)] });
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

/** The rows of a stretch of lines: each a list of pieces, left to right. */
function tableRows(lines: TextLine[], split: Piece[][], anchors: Set<number>): Piece[][] {
  const rows = new Map<number, Piece[]>();
  lines.forEach((line, i) => {
    if (anchors.has(i)) { rows.set(i, split[i]!.map((p) => ({ ...p, parts: [...p.parts] }))); return; }
    if (split[i]!.length !== 1) { rows.set(i, split[i]!); return; }
    let near = -1;
    for (const a of anchors) {
      const d = Math.abs(lines[a]!.y - line.y);
      if (d <= WRAP_GAP * line.size && (near < 0 || d < Math.abs(lines[near]!.y - line.y))) near = a;
    }
    if (near < 0) rows.set(i, split[i]!);
  });
  // Wrapped lines join the piece of their row they lie under or over, in reading order.
  lines.forEach((line, i) => {
    if (rows.has(i)) return;
    const anchor = [...anchors].sort((a, b) => Math.abs(lines[a]!.y - line.y) - Math.abs(lines[b]!.y - line.y))[0]!;
    const piece = split[i]![0]!;
    const row = rows.get(anchor)!;
    const over = row.find((p) => Math.min(p.x1, piece.x1) - Math.max(p.x0, piece.x0) > 0);
    if (over) {
      if (line.y < lines[anchor]!.y) over.parts.unshift(...piece.parts); else over.parts.push(...piece.parts);
    } else {
      row.push({ ...piece });
      row.sort((a, b) => a.x0 - b.x0);
    }
  });
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row);
}

/** The table made of a stretch of lines with the given anchors (indices into it). */
function tableOf(page: number, lines: TextLine[], split: Piece[][], anchors: Set<number>): GridTable {
  const rows = tableRows(lines, split, anchors);
  const cells: GridCell[] = rows.flatMap((row, r) => row.map((piece, c) => ({
    r, c, rowSpan: 1, colSpan: 1, text: joinLines(piece.parts), x0: piece.x0, x1: piece.x1, page,
  })));
  const first = lines[0]!, last = lines[lines.length - 1]!;
  const left = Math.min(...cells.map((c) => c.x0)), right = Math.max(...cells.map((c) => c.x1));
  return { page, top: first.y - first.size, bottom: last.y + last.size * 0.3, xs: [left, right], rowCount: rows.length, cells, ruled: false };
}

/**
 * Finds the unruled tables among a page's lines (top to bottom): stretches of lines of one size
 * without wide vertical gaps or prose that hold at least two anchor lines. Returns them and the
 * other lines.
 */
export function unruledTables(page: number, lines: TextLine[]): { tables: GridTable[]; rest: TextLine[] } {
  const split = lines.map(pieces);
  const tables: GridTable[] = [];
  const used = new Set<number>();
  let i = 0;
  while (i < lines.length) {
    if (split[i]!.length < 2) { i++; continue; }
    // A line of prose (one piece across most of the anchor's width) is never part of a table.
    const width = lines[i]!.x1 - lines[i]!.x0;
    const prose = (k: number) => split[k]!.length === 1 && lines[k]!.x1 - lines[k]!.x0 > 0.75 * width;
    const close = (a: number, b: number) => similarSize(lines[a]!, lines[b]!) && !prose(a) && !prose(b)
      && lines[b]!.y - lines[a]!.y <= ROW_GAP * lines[b]!.size && !used.has(a) && !used.has(b);
    // Grow the stretch around this anchor: up over header lines, down while lines stay close.
    let from = i, to = i + 1;
    while (from > 0 && close(from - 1, from)) from--;
    while (to < lines.length && close(to - 1, to)) to++;
    const anchors = new Set<number>();
    for (let k = from; k < to; k++) if (split[k]!.length >= 2) anchors.add(k - from);
    if (anchors.size >= 2) {
      tables.push(tableOf(page, lines.slice(from, to), split.slice(from, to), anchors));
      for (let k = from; k < to; k++) used.add(k);
    }
    i = to;
  }
  return { tables, rest: lines.filter((_, k) => !used.has(k)) };
}
