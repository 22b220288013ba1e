/**
 * Text runs of a PDF page and how they join up: runs on one baseline form a line, lines form the
 * text of a paragraph or a table cell. Chinese text has no spaces between words, so lines are
 * joined without a separator unless both sides are Latin letters; runs on a line get a space
 * only where a visible gap separates two non-CJK characters.
 */
import type { TextContent } from 'pdfjs-dist/types/src/display/api.js';

/** A piece of text on a page, in top-down page coordinates (points). */
export interface TextRun {
  text: string;
  /** Left end of the text and its advance width. */
  x: number;
  width: number;
  /** Baseline, measured from the top of the page. */
  y: number;
  /** Font size (em) in points. */
  size: number;
  page: number;
  /** A space glyph came right before this run (a real space, not just a gap). */
  spaceBefore?: boolean;
}

/** A line of text: runs sharing a baseline, left to right. */
export interface TextLine {
  runs: TextRun[];
  text: string;
  x0: number;
  x1: number;
  /** Baseline (top-down) and the largest font size on the line. */
  y: number;
  size: number;
  page: number;
}

/** CJK ideographs, radicals, kana, and full-width forms and punctuation. */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f]/u;
/** Kangxi and supplementary radicals that some PDF producers map ideographs to (⾏ for 行). */
const RADICALS = /[\u2e80-\u2fdf\uf900-\ufaff]/gu;
const RADICAL = /[\u2e80-\u2fdf\uf900-\ufaff]/u;

/** Whether a character is CJK (ideograph, kana, full-width form or CJK punctuation). */
export function isCjk(ch: string): boolean {
  return CJK.test(ch);
}

/**
 * Maps radicals and compatibility ideographs to the unified ideograph they stand for (NFKC does
 * that for exactly these), leaving full-width digits and brackets as written.
 */
export function unifyIdeographs(text: string): string {
  return RADICAL.test(text) ? text.replace(RADICALS, (ch) => ch.normalize('NFKC')) : text;
}

/** 2×3 affine matrix product, as pdf.js composes transforms. */
export function multiply(m: ArrayLike<number>, n: ArrayLike<number>): number[] {
  return [
    m[0]! * n[0]! + m[2]! * n[1]!, m[1]! * n[0]! + m[3]! * n[1]!,
    m[0]! * n[2]! + m[2]! * n[3]!, m[1]! * n[2]! + m[3]! * n[3]!,
    m[0]! * n[4]! + m[2]! * n[5]! + m[4]!, m[1]! * n[4]! + m[3]! * n[5]! + m[5]!,
  ];
}

/**
 * The page's text items as runs in top-down coordinates (the viewport transform handles page
 * rotation and crop box offsets). Whitespace-only items are dropped: spaces are rebuilt from gaps.
 */
export function textRuns(items: TextContent['items'], viewport: number[], page: number): TextRun[] {
  const runs: TextRun[] = [];
  for (const item of items) {
    if (!('str' in item)) continue;
    const text = unifyIdeographs(item.str);
    if (text.trim() === '') continue;
    const m = multiply(viewport, item.transform as number[]);
    const size = Math.hypot(m[2]!, m[3]!) || item.height || 1;
    // Width in text space is along the run's direction; the viewport scale is 1.
    runs.push({ text, x: m[4]!, width: item.width, y: m[5]!, size, page });
  }
  return runs;
}

/** Groups runs into lines: a run joins a line whose baseline is within a third of its size. */
export function groupLines(runs: TextRun[]): TextLine[] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: TextRun[][] = [];
  for (const run of sorted) {
    const last = groups[groups.length - 1];
    const base = last?.[0];
    if (last && base && Math.abs(run.y - base.y) <= Math.max(run.size, base.size) * 0.35) last.push(run);
    else groups.push([run]);
  }
  return groups.map(makeLine);
}

function makeLine(runs: TextRun[]): TextLine {
  runs.sort((a, b) => a.x - b.x);
  const first = runs[0]!;
  return {
    runs,
    text: joinRuns(runs),
    x0: first.x,
    x1: Math.max(...runs.map((r) => r.x + r.width)),
    y: first.y,
    size: Math.max(...runs.map((r) => r.size)),
    page: first.page,
  };
}

/** A gap this wide (ems) between two non-CJK characters is a space even without a space glyph. */
const WIDE_GAP = 0.6;

/**
 * Joins the runs of one line. A space goes where the PDF has a space glyph, or where a wide gap
 * separates two non-CJK characters (producers that position words without spaces); a narrower
 * gap is the stretch of justified text and stays closed (“0631—5229038”, a URL).
 */
export function joinRuns(runs: TextRun[]): string {
  let out = '';
  let end = -Infinity;
  for (const run of runs) {
    const gap = run.x - end;
    const prev = out.slice(-1);
    const next = run.text.charAt(0);
    const spaced = run.spaceBefore === true || (gap > run.size * WIDE_GAP && !isCjk(prev) && !isCjk(next));
    if (out && spaced && prev !== ' ' && gap > 0) out += ' ';
    out += run.text;
    end = Math.max(end, run.x + run.width);
  }
  return out;
}

/**
 * Joins the lines of a paragraph or cell without a separator: Chinese text wraps anywhere, even
 * inside a URL or a figure, so a line break is no space. A space is kept only where the PDF has a
 * space glyph before the next line's first run (the line before ended with one).
 */
export function joinLines(lines: Array<string | TextLine>): string {
  let out = '';
  for (const line of lines) {
    const text = (typeof line === 'string' ? line : line.text).trim();
    if (!text) continue;
    const spaced = typeof line !== 'string' && line.runs[0]?.spaceBefore === true;
    if (out && spaced && !/\s$/.test(out)) out += ' ';
    out += text;
  }
  return out;
}

/**
 * Splits a run into one run per character, placing each by its estimated advance (CJK one em,
 * other characters in proportion), for runs that cross a cell border.
 */
export function splitRun(run: TextRun): TextRun[] {
  const chars = [...run.text];
  if (chars.length < 2) return [run];
  const weights = chars.map((ch) => (isCjk(ch) ? 2 : 1));
  const total = weights.reduce((s, w) => s + w, 0);
  const out: TextRun[] = [];
  let x = run.x;
  chars.forEach((ch, i) => {
    const width = (run.width * weights[i]!) / total;
    if (ch.trim()) out.push({ ...run, text: ch, x, width });
    x += width;
  });
  return out;
}
