/**
 * Ruling lines of a PDF page from its operator list: the horizontal and vertical segments that
 * stroked paths draw (pdfmake and most Word exports draw cell borders as lines), plus thin filled
 * rectangles (other producers draw borders as hairline boxes). These are the exact grid of a
 * table; the text positions alone only suggest it.
 */

/** An axis-parallel segment in top-down page coordinates; x0 ≤ x1, y0 ≤ y1. */
export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** pdf.js's path opcodes inside constructPath (DrawOPS). */
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUAD_TO = 3;
const CLOSE = 4;

/** pdf.js painting operators that end a path (OPS.stroke … OPS.closeEOFillStroke). */
const STROKES = new Set([20, 21, 24, 25, 26, 27]);
const FILLS = new Set([22, 23]);

/** A segment this far from axis-parallel (points) still counts as a line of the grid. */
const SLANT = 0.5;
/** A filled rectangle thinner than this is a drawn line. */
const HAIRLINE = 3;

const isWhite = (color: unknown) => typeof color === 'string' && /^#f[ef]f[ef]f[ef]$/i.test(color);

/**
 * Adds the ruling segments of one constructPath operation (args: painting operator, [path data],
 * bounds) drawn with matrix `m`: every straight axis-parallel edge of a stroked path, and filled
 * hairline boxes. White paint, clipping-only paths and curves draw no rule.
 */
export function pathSegments(args: unknown, m: number[], stroke: unknown, fill: unknown, out: Segment[]): void {
  const list = args as [number, [ArrayLike<number> | null] | undefined] | null;
  const paint = list?.[0];
  const data = list?.[1]?.[0];
  if (!data || paint === undefined) return;
  if (STROKES.has(paint) && !isWhite(stroke)) walk(data, m, out, null);
  else if (FILLS.has(paint) && !isWhite(fill)) hairlines(data, m, out);
}

/** Applies a matrix to a point. */
function apply(m: number[], x: number, y: number): [number, number] {
  return [m[0]! * x + m[2]! * y + m[4]!, m[1]! * x + m[3]! * y + m[5]!];
}

/** An axis-parallel segment from two device points, or null for a slanted one. */
function segment(a: [number, number], b: [number, number]): Segment | null {
  const horizontal = Math.abs(a[1] - b[1]) <= SLANT;
  const vertical = Math.abs(a[0] - b[0]) <= SLANT;
  if (horizontal === vertical) return null; // slanted, or a point
  if (horizontal) {
    const y = (a[1] + b[1]) / 2;
    return { x0: Math.min(a[0], b[0]), x1: Math.max(a[0], b[0]), y0: y, y1: y };
  }
  const x = (a[0] + b[0]) / 2;
  return { x0: x, x1: x, y0: Math.min(a[1], b[1]), y1: Math.max(a[1], b[1]) };
}

/**
 * Walks a path's subpaths: adds each straight axis-parallel edge (including the closing one) to
 * `edges`, and the points of each subpath that consists only of straight edges to `subpaths`.
 * (Arrays rather than callbacks: this runs for every path on every page.)
 */
function walk(data: ArrayLike<number>, m: number[], edges: Segment[] | null, subpaths: Array<Array<[number, number]>> | null): void {
  let start: [number, number] | null = null;
  let current: [number, number] | null = null;
  let points: Array<[number, number]> = [];
  let straight = true;
  for (let i = 0; i < data.length;) {
    const op = data[i++];
    if (op === MOVE_TO) {
      if (subpaths && straight && points.length >= 2) subpaths.push(points);
      points = [];
      straight = true;
      current = start = apply(m, data[i++]!, data[i++]!);
      points.push(current);
    } else if (op === LINE_TO) {
      const next = apply(m, data[i++]!, data[i++]!);
      const s = current ? segment(current, next) : null;
      if (s) edges?.push(s);
      // A slanted edge makes the shape no box; a very short one (a hairline's end) does not.
      else if (current && Math.abs(current[0] - next[0]) > SLANT && Math.abs(current[1] - next[1]) > SLANT) straight = false;
      current = next;
      points.push(next);
    } else if (op === CURVE_TO || op === QUAD_TO) {
      i += op === CURVE_TO ? 4 : 2;
      current = apply(m, data[i++]!, data[i++]!);
      straight = false;
    } else if (op === CLOSE) {
      if (current && start) {
        const s = segment(current, start);
        if (s) edges?.push(s);
      }
      current = start;
    } else {
      break; // unknown opcode: stop rather than misread the rest
    }
  }
  if (subpaths && straight && points.length >= 2) subpaths.push(points);
}

/** A filled subpath that is a thin box is a line along its long side, through its middle. */
function hairlines(data: ArrayLike<number>, m: number[], out: Segment[]): void {
  const boxes: Array<Array<[number, number]>> = [];
  walk(data, m, null, boxes);
  for (const pts of boxes) {
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (const p of pts) {
      x0 = Math.min(x0, p[0]); x1 = Math.max(x1, p[0]);
      y0 = Math.min(y0, p[1]); y1 = Math.max(y1, p[1]);
    }
    const w = x1 - x0, h = y1 - y0;
    if (h <= HAIRLINE && w > h) out.push({ x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 });
    else if (w <= HAIRLINE && h > w) out.push({ x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0, y1 });
  }
}
