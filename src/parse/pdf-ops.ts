/**
 * One pass over a page's operator list (pdf.js) that yields both what the reader needs: the text
 * runs with their positions (glyphs carry their Unicode text from the font's ToUnicode map) and
 * the ruling lines. One pass instead of getTextContent + getOperatorList halves the cost of a
 * page; pdf.js has already folded TJ/'/" into showText and turned rectangles into paths.
 */
import { pathSegments, type Segment } from './pdf-rules.js';
import { multiply, unifyIdeographs, type TextRun } from './pdf-text.js';

/** pdf.js operator ids (OPS in pdf.js; unchanged since pdf.js 2, checked against OPS at load). */
export const OP = {
  save: 10, restore: 11, transform: 12,
  beginText: 31, endText: 32, setCharSpacing: 33, setWordSpacing: 34, setHScale: 35, setLeading: 36,
  setFont: 37, setTextRenderingMode: 38, setTextRise: 39, moveText: 40, setLeadingMoveText: 41, setTextMatrix: 42, nextLine: 43,
  showText: 44, setStrokeRGBColor: 58, setFillRGBColor: 59,
  paintFormXObjectBegin: 74, paintFormXObjectEnd: 75, constructPath: 91,
} as const;

/** The font facts positioning needs (pdf.js FontFaceObject). */
export interface FontFacts {
  fontMatrix?: number[];
  vertical?: boolean;
}

/** A glyph as pdf.js's operator list carries it. */
export interface Glyph {
  unicode: string;
  width: number;
  isSpace?: boolean;
  vmetric?: number[] | null;
}

/** The graphics and text state a walk over the operators keeps (q/Q save and restore it). */
export interface GraphicsState {
  ctm: number[];
  stroke: unknown;
  fill: unknown;
  font: FontFacts;
  fontSize: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  /** Text rendering mode (Tr): 3 draws nothing, 7 only clips. */
  mode: number;
}

/** A copy of a graphics state for q (explicit fields: cheaper than a spread thousands of times a page). */
function copyState(gs: GraphicsState): GraphicsState {
  return {
    ctm: gs.ctm, stroke: gs.stroke, fill: gs.fill, font: gs.font, fontSize: gs.fontSize,
    charSpacing: gs.charSpacing, wordSpacing: gs.wordSpacing, hScale: gs.hScale, leading: gs.leading, rise: gs.rise,
    mode: gs.mode,
  };
}

/**
 * Where the text of a page stands while its operators are walked: the graphics state (with its
 * q/Q stack and form matrices) and the text position. Shared by the reader (walkOperators) and
 * the attachment inspector (inspect/pdf-layers.ts), which differ only in what they do with a
 * shown string and with the other operators.
 */
export class TextWalk {
  gs: GraphicsState;
  /** The text matrix; pdf.js sends Tm's matrix as a Float32Array of its own: read in place, not copied. */
  tm: ArrayLike<number> = [1, 0, 0, 1, 0, 0];
  /** The current point in text space (pdf.js keeps the line origin apart from the text matrix). */
  x = 0;
  y = 0;
  private lineX = 0;
  private lineY = 0;
  private readonly stack: GraphicsState[] = [];

  constructor(viewport: number[], private readonly font: (name: string) => FontFacts) {
    this.gs = {
      ctm: viewport, stroke: '#000000', fill: '#000000', font: {}, fontSize: 0,
      charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0, rise: 0, mode: 0,
    };
  }

  /** Applies one state or positioning operator; false when `op` is not one (the caller's to handle). */
  apply(op: number, args: any[] | null): boolean {
    const gs = this.gs;
    switch (op) {
      case OP.save: this.stack.push(copyState(gs)); return true;
      case OP.restore: this.gs = this.stack.pop() ?? gs; return true;
      case OP.transform: gs.ctm = multiply(gs.ctm, args as number[]); return true;
      case OP.paintFormXObjectBegin:
        this.stack.push(copyState(gs));
        if (args?.[0]) gs.ctm = multiply(gs.ctm, Array.from(args[0] as ArrayLike<number>));
        return true;
      case OP.paintFormXObjectEnd: this.gs = this.stack.pop() ?? gs; return true;
      case OP.setStrokeRGBColor: gs.stroke = args?.[0]; return true;
      case OP.setFillRGBColor: gs.fill = args?.[0]; return true;
      case OP.beginText: this.tm = [1, 0, 0, 1, 0, 0]; this.x = this.lineX = 0; this.y = this.lineY = 0; return true;
      case OP.setTextMatrix: this.tm = args![0] as ArrayLike<number>; this.x = this.lineX = 0; this.y = this.lineY = 0; return true;
      case OP.moveText: this.moveText(args![0], args![1]); return true;
      case OP.setLeadingMoveText: gs.leading = args![1]; this.moveText(args![0], args![1]); return true; // TD: TL −ty, then Td
      case OP.nextLine: this.moveText(0, gs.leading); return true;
      case OP.setLeading: gs.leading = -args![0]; return true; // kept as the move T* makes: (0, −TL)
      case OP.setCharSpacing: gs.charSpacing = args![0]; return true;
      case OP.setWordSpacing: gs.wordSpacing = args![0]; return true;
      case OP.setHScale: gs.hScale = args![0] / 100; return true;
      case OP.setTextRise: gs.rise = args![0]; return true;
      case OP.setTextRenderingMode: gs.mode = args![0]; return true;
      case OP.setFont: gs.font = this.font(args![0]); gs.fontSize = args![1]; return true;
      default: return false;
    }
  }

  /** Moves the current point past a shown string whose advance (text space, before Tz) is `advance`. */
  advance(advance: number): void {
    if (this.gs.font.vertical) this.y -= advance;
    else this.x += advance * this.gs.hScale;
  }

  private moveText(dx: number, dy: number): void {
    this.x = this.lineX += dx;
    this.y = this.lineY += dy;
  }
}

/**
 * Walks a page's operator list. `viewport` maps PDF space to top-down page space; `font` looks
 * up a loaded font by pdf.js's name. Text is gathered per showText into runs of glyphs that touch
 * (a gap, a space glyph or a font change starts a new run).
 */
export function walkOperators(
  fnArray: number[], argsArray: unknown[], viewport: number[], font: (name: string) => FontFacts,
  page: number,
): { runs: TextRun[]; rules: Segment[] } {
  const runs: TextRun[] = [];
  const rules: Segment[] = [];
  const walk = new TextWalk(viewport, font);
  // A space glyph shown last: the next run starts after a real space.
  const pending = { space: false };

  for (let i = 0; i < fnArray.length; i++) {
    // pdf.js's argument arrays differ per operator; each case reads what it knows.
    const args = argsArray[i] as any[] | null;
    const op = fnArray[i]!;
    if (walk.apply(op, args)) continue;
    if (op === OP.constructPath) pathSegments(args, walk.gs.ctm, walk.gs.stroke, walk.gs.fill, rules);
    else if (op === OP.showText) walk.advance(showText(args![0] as Array<Glyph | number>, walk.gs, walk.tm, walk.x, walk.y, page, runs, pending));
  }
  return { runs, rules };
}

/**
 * Places the glyphs of one showText and returns its advance in text space before the horizontal
 * scale, as pdf.js's canvas computes it: glyph widths × size × font matrix plus character and
 * word spacing; TJ numbers move by thousandths of the size.
 */
function showText(
  glyphs: Array<Glyph | number>, gs: GraphicsState, tm: ArrayLike<number>, x0: number, y0: number, page: number,
  runs: TextRun[], pending: { space: boolean },
): number {
  const size = gs.fontSize;
  if (!size || !glyphs?.length) return 0;
  const fontMatrix = gs.font.fontMatrix ?? [0.001, 0, 0, 0.001, 0, 0];
  const vertical = !!gs.font.vertical;
  const advanceScale = size * fontMatrix[0]!;
  const m = multiply(gs.ctm, tm);
  const xScale = Math.hypot(m[0]!, m[1]!);
  const em = Math.abs(size) * Math.hypot(m[2]!, m[3]!) || Math.abs(size);
  const hScale = gs.hScale;
  const rise = gs.rise;
  let x = 0;
  // The run being built (no closures here: this runs once per showText, thousands per page).
  let run: TextRun | null = null;
  for (let i = 0; i < glyphs.length; i++) {
    const glyph = glyphs[i]!;
    if (typeof glyph === 'number') {
      x += ((vertical ? 1 : -1) * glyph * size) / 1000;
      continue;
    }
    const spacing = (glyph.isSpace ? gs.wordSpacing : 0) + gs.charSpacing;
    const advance = vertical ? -(glyph.vmetric?.[0] ?? glyph.width) * advanceScale : glyph.width * advanceScale;
    const tx = vertical ? x0 : x0 + x * hScale;
    const ty = vertical ? y0 - x : y0;
    const px = m[0]! * tx + m[2]! * (ty + rise) + m[4]!;
    const py = m[1]! * tx + m[3]! * (ty + rise) + m[5]!;
    const width = Math.abs(advance * hScale) * xScale;
    const text = unifyIdeographs(glyph.unicode ?? '');
    x += advance + spacing;
    // isSpace only says word spacing applies (one-byte code 32, which a subset font may give to
    // any glyph, 中 included): what is a space is decided by the glyph's text.
    if (!text || text.trim() === '') {
      if (run) runs.push(run);
      run = null;
      if (text) pending.space = true;
      continue;
    }
    if (run !== null && !vertical && Math.abs(run.y - py) < em * 0.1 && Math.abs(run.x + run.width - px) < em * 0.15) {
      run.text += text;
      run.width = px + width - run.x;
    } else {
      if (run) runs.push(run);
      run = pending.space
        ? { text, x: px, width, y: py, size: em, page, spaceBefore: true }
        : { text, x: px, width, y: py, size: em, page };
      pending.space = false;
    }
  }
  if (run) runs.push(run);
  return x;
}
