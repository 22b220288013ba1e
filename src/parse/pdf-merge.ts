/**
 * Joining table parts: a table that goes on over a page break (or a table drawn as several
 * tables flush below each other, like the blocks of table 二) is one table. The parts' column
 * boundaries are united, each cell keeps its place by its edges, and header rows repeated at the
 * top of the next part are dropped.
 */
import { cluster, type GridCell, type GridTable } from './pdf-grid.js';

/** Outer edges this close (points) are the same table width. */
const EDGE_TOL = 2.5;
/** Two parts on one page this close (points) with nothing between them are one table. */
const FLUSH_GAP = 20;
/** At most this many header rows are looked for at the top of a continued part. */
const MAX_HEADER_ROWS = 6;

/**
 * Whether `next` continues `prev`: same left and right edges, and either on a later page or
 * right below it. (The caller checks that no text lies between them.)
 */
export function continues(prev: GridTable, next: GridTable): boolean {
  if (prev.ruled === false || next.ruled === false) return false;
  const sameEdges = Math.abs(prev.xs[0]! - next.xs[0]!) <= EDGE_TOL
    && Math.abs(prev.xs[prev.xs.length - 1]! - next.xs[next.xs.length - 1]!) <= EDGE_TOL;
  if (!sameEdges) return false;
  return next.page > prev.page || (next.page === prev.page && next.top - prev.bottom <= FLUSH_GAP);
}

/** The index of the boundary nearest to x. */
function nearest(bounds: number[], x: number): number {
  let best = 0;
  for (let i = 1; i < bounds.length; i++) if (Math.abs(bounds[i]! - x) < Math.abs(bounds[best]! - x)) best = i;
  return best;
}

/** A table's cells placed on other column boundaries (each cell by its own left and right edge). */
function regrid(cells: GridCell[], xs: number[]): GridCell[] {
  return cells.map((cell) => {
    const c = nearest(xs, cell.x0);
    return { ...cell, c, colSpan: Math.max(1, nearest(xs, cell.x1) - c) };
  });
}

const signature = (cells: GridCell[]) =>
  cells.map((c) => `${c.r}|${c.c}|${c.rowSpan}|${c.colSpan}|${c.text}`).sort().join('\n');

/**
 * The number of leading rows of `next` that repeat the first rows of `prev` (a header repeated
 * on the new page): rows closed in themselves (no cell reaching below them) whose cells match.
 */
function repeatedHeader(prev: GridCell[], next: GridCell[]): number {
  for (let k = MAX_HEADER_ROWS; k >= 1; k--) {
    const head = next.filter((c) => c.r < k);
    if (head.length === 0 || head.some((c) => c.r + c.rowSpan > k)) continue;
    if (!next.some((c) => c.r >= k)) continue; // the whole part would vanish: not a repeat
    const original = prev.filter((c) => c.r < k);
    if (original.some((c) => c.r + c.rowSpan > k)) continue;
    if (head.every((c) => c.text === '')) continue;
    if (signature(head) === signature(original)) return k;
  }
  return 0;
}

/** Appends `next` below `prev` as one table. */
export function mergeTables(prev: GridTable, next: GridTable): GridTable {
  const xs = cluster([...prev.xs, ...next.xs]);
  const a = regrid(prev.cells, xs);
  const b = regrid(next.cells, xs);
  const skip = next.page > prev.page ? repeatedHeader(a, b) : 0;
  const moved = b.filter((c) => c.r >= skip).map((c) => ({ ...c, r: c.r - skip + prev.rowCount }));
  const cells = [...a, ...moved].sort((p, q) => p.r - q.r || p.c - q.c);
  return { page: next.page, top: next.top, bottom: next.bottom, xs, rowCount: prev.rowCount + next.rowCount - skip, cells };
}
