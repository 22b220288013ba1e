/**
 * Tables of a PDF page from its ruling lines. The lines that touch each other form one table; the
 * distinct x positions of its vertical lines and y positions of its horizontal lines give the
 * grid; a merged cell is a group of grid cells with no border drawn between them (so rowSpan and
 * colSpan come from the absent lines, as the producer drew them); each text run goes to the cell
 * that contains it.
 */
import type { Segment } from './pdf-rules.js';
import { groupLines, joinLines, splitRun, type TextRun } from './pdf-text.js';

/** A cell of a recovered table, with its place on the grid and on the page. */
export interface GridCell {
  r: number;
  c: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  x0: number;
  x1: number;
  /** The page the cell is printed on. */
  page: number;
}

/** A table recovered from one page (later possibly continued on the next). */
export interface GridTable {
  page: number;
  /** Vertical extent on its last page, top-down. */
  top: number;
  bottom: number;
  /** Column boundaries, left to right; the outer ones are the table's edges. */
  xs: number[];
  rowCount: number;
  /** Cells in row-major order of their top-left grid position. */
  cells: GridCell[];
  /** False for a table found without ruling lines (its rows list their pieces, no grid). */
  ruled?: boolean;
}

/** Positions closer than this (points) are the same line of the grid. */
const TOL = 2;
/** A border counts as drawn when lines cover this share of the cell edge. */
const COVERED = 0.5;

/** Clusters sorted-ascending values within `tol` of the cluster's first; returns the means. */
export function cluster(values: number[], tol = TOL): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const v of sorted) {
    if (group.length && v - group[0]! > tol) {
      out.push(group.reduce((s, x) => s + x, 0) / group.length);
      group = [];
    }
    group.push(v);
  }
  if (group.length) out.push(group.reduce((s, x) => s + x, 0) / group.length);
  return out;
}

/** Joins collinear segments that overlap or nearly touch (a border drawn cell by cell). */
function mergeSegments(segments: Segment[], horizontal: boolean): Segment[] {
  const pos = (s: Segment) => (horizontal ? s.y0 : s.x0);
  const lo = (s: Segment) => (horizontal ? s.x0 : s.y0);
  const hi = (s: Segment) => (horizontal ? s.x1 : s.y1);
  const sorted = [...segments].sort((a, b) => pos(a) - pos(b) || lo(a) - lo(b));
  const out: Segment[] = [];
  const lines: Segment[][] = [];
  for (const s of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(pos(s) - pos(last[0]!)) <= 1) last.push(s);
    else lines.push([s]);
  }
  for (const line of lines) {
    const p = line.reduce((sum, s) => sum + pos(s), 0) / line.length;
    line.sort((a, b) => lo(a) - lo(b));
    let a = lo(line[0]!), b = hi(line[0]!);
    const emit = () => {
      if (b - a >= 1) out.push(horizontal ? { x0: a, x1: b, y0: p, y1: p } : { x0: p, x1: p, y0: a, y1: b });
    };
    for (const s of line.slice(1)) {
      if (lo(s) <= b + TOL) b = Math.max(b, hi(s));
      else { emit(); a = lo(s); b = hi(s); }
    }
    emit();
  }
  return out;
}

/** Union-find over indices. */
function unionFind(n: number) {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) { parent[i] = parent[parent[i]!]!; i = parent[i]!; }
    return i;
  };
  return { find, union: (a: number, b: number) => { parent[find(a)] = find(b); } };
}

/** Groups the segments of a page into sets of lines that touch: one set per table. */
function touchingSets(hs: Segment[], vs: Segment[]): Array<{ hs: Segment[]; vs: Segment[] }> {
  const uf = unionFind(hs.length + vs.length);
  hs.forEach((h, i) => vs.forEach((v, j) => {
    if (v.x0 >= h.x0 - TOL && v.x0 <= h.x1 + TOL && h.y0 >= v.y0 - TOL && h.y0 <= v.y1 + TOL) uf.union(i, hs.length + j);
  }));
  const sets = new Map<number, { hs: Segment[]; vs: Segment[] }>();
  const get = (i: number) => {
    const root = uf.find(i);
    let set = sets.get(root);
    if (!set) sets.set(root, (set = { hs: [], vs: [] }));
    return set;
  };
  hs.forEach((h, i) => get(i).hs.push(h));
  vs.forEach((v, j) => get(hs.length + j).vs.push(v));
  return [...sets.values()];
}

/** Length of [a, b] covered by the given lines at position `at` (± TOL). */
function coverage(lines: Segment[], horizontal: boolean, at: number, a: number, b: number): number {
  const spans: Array<[number, number]> = [];
  for (const s of lines) {
    const pos = horizontal ? s.y0 : s.x0;
    if (Math.abs(pos - at) > TOL) continue;
    const lo = Math.max(a, horizontal ? s.x0 : s.y0);
    const hi = Math.min(b, horizontal ? s.x1 : s.y1);
    if (hi > lo) spans.push([lo, hi]);
  }
  spans.sort((p, q) => p[0] - q[0]);
  let total = 0, end = a;
  for (const [lo, hi] of spans) {
    if (hi <= end) continue;
    total += hi - Math.max(lo, end);
    end = hi;
  }
  return total;
}

/** Where a value falls among boundaries: the index i with bounds[i] ≤ v < bounds[i+1], or -1. */
function slot(bounds: number[], v: number): number {
  if (v < bounds[0]! || v > bounds[bounds.length - 1]!) return -1;
  for (let i = 0; i < bounds.length - 1; i++) if (v < bounds[i + 1]!) return i;
  return bounds.length - 2;
}

interface Placed { r: number; c: number; rowSpan: number; colSpan: number }

/** Merges grid cells with no border between them into cells with spans. */
function mergedCells(xs: number[], ys: number[], hs: Segment[], vs: Segment[]): Placed[] {
  const rows = ys.length - 1, cols = xs.length - 1;
  const uf = unionFind(rows * cols);
  const id = (r: number, c: number) => r * cols + c;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const height = ys[r + 1]! - ys[r]!, width = xs[c + 1]! - xs[c]!;
      if (c + 1 < cols && coverage(vs, false, xs[c + 1]!, ys[r]!, ys[r + 1]!) < COVERED * height) uf.union(id(r, c), id(r, c + 1));
      if (r + 1 < rows && coverage(hs, true, ys[r + 1]!, xs[c]!, xs[c + 1]!) < COVERED * width) uf.union(id(r, c), id(r + 1, c));
    }
  }
  const box = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = uf.find(id(r, c));
      const b = box.get(root);
      if (!b) box.set(root, { r0: r, r1: r, c0: c, c1: c });
      else { b.r1 = Math.max(b.r1, r); b.c0 = Math.min(b.c0, c); b.c1 = Math.max(b.c1, c); }
    }
  }
  // A group that is not a rectangle (a border missing in the middle) takes its bounding box;
  // grid cells already taken by an earlier cell stay with it.
  const taken = Array.from({ length: rows }, () => Array<boolean>(cols).fill(false));
  const out: Placed[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (taken[r]![c]) continue;
      const b = box.get(uf.find(id(r, c)))!;
      let c1 = b.c1;
      for (let k = c; k <= b.c1; k++) if (taken[r]![k]) { c1 = k - 1; break; }
      const cell: Placed = { r, c, rowSpan: b.r1 - r + 1, colSpan: c1 - c + 1 };
      for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) taken[r + dr]![c + dc] = true;
      out.push(cell);
    }
  }
  return out;
}

/**
 * Drops grid rows and columns in which no cell starts (lines a hair apart, a border drawn in one
 * row only): the cells covering them lose a span.
 */
function compact(cells: Placed[], bounds: number[], axis: 'r' | 'c'): number[] {
  const span = axis === 'r' ? 'rowSpan' : 'colSpan';
  const kept = [...bounds];
  for (let k = kept.length - 2; k >= 0; k--) {
    if (cells.some((cell) => cell[axis] === k)) continue;
    for (const cell of cells) {
      if (cell[axis] > k) cell[axis]--;
      else if (cell[axis] + cell[span] > k) cell[span]--;
    }
    kept.splice(k, 1);
  }
  return kept;
}

/** Puts each run in the cell that holds its middle and makes the cells' texts. */
function fillCells(page: number, placed: Placed[], rowBounds: number[], colBounds: number[], runs: TextRun[]): GridCell[] {
  const cols = colBounds.length - 1;
  // Grid position → index of the cell covering it.
  const owner = new Int32Array((rowBounds.length - 1) * cols).fill(-1);
  placed.forEach((cell, i) => {
    for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) owner[(cell.r + dr) * cols + cell.c + dc] = i;
  });
  const cellRuns: TextRun[][] = placed.map(() => []);
  for (const run of runs) {
    const crosses = colBounds.some((x) => run.x < x - 1 && run.x + run.width > x + 1);
    for (const piece of crosses ? splitRun(run) : [run]) {
      const r = slot(rowBounds, piece.y - piece.size * 0.35);
      const c = slot(colBounds, piece.x + piece.width / 2);
      const i = r < 0 || c < 0 ? -1 : owner[r * cols + c]!;
      if (i >= 0) cellRuns[i]!.push(piece);
    }
  }
  return placed.map((p, i) => {
    const inCell = cellRuns[i]!;
    return {
      ...p,
      text: inCell.length === 0 ? '' : inCell.length === 1 ? inCell[0]!.text : joinLines(groupLines(inCell)),
      x0: colBounds[p.c]!,
      x1: colBounds[p.c + p.colSpan]!,
      page,
    };
  });
}

/**
 * Recovers the ruled tables of a page and puts each text run in its cell. Returns the tables
 * (top to bottom) and the runs that lie in none of them.
 */
export function ruledTables(page: number, rules: Segment[], runs: TextRun[]): { tables: GridTable[]; rest: TextRun[] } {
  const hs = mergeSegments(rules.filter((s) => s.y0 === s.y1), true);
  const vs = mergeSegments(rules.filter((s) => s.x0 === s.x1), false);
  const tables: GridTable[] = [];
  let rest = runs;
  for (const set of touchingSets(hs, vs)) {
    if (set.hs.length < 2 || set.vs.length < 2) continue;
    const left = Math.min(...set.hs.map((h) => h.x0)), right = Math.max(...set.hs.map((h) => h.x1));
    const top = Math.min(...set.vs.map((v) => v.y0)), bottom = Math.max(...set.vs.map((v) => v.y1));
    const xs = cluster([left, right, ...set.vs.map((v) => v.x0)]);
    const ys = cluster([top, bottom, ...set.hs.map((h) => h.y0)]);
    if ((xs.length - 1) * (ys.length - 1) < 2) continue; // a framed box, not a table
    const placed = mergedCells(xs, ys, set.hs, set.vs);
    const rowBounds = compact(placed, ys, 'r');
    const colBounds = compact(placed, xs, 'c');
    const inside: TextRun[] = [];
    const outside: TextRun[] = [];
    for (const run of rest) {
      const mid = run.y - run.size * 0.35;
      (mid > top && mid < bottom && run.x + run.width / 2 > left && run.x + run.width / 2 < right ? inside : outside).push(run);
    }
    rest = outside;
    tables.push({ page, top, bottom, xs: colBounds, rowCount: rowBounds.length - 1, cells: fillCells(page, placed, rowBounds, colBounds, inside) });
  }
  tables.sort((a, b) => a.top - b.top);
  return { tables, rest };
}
