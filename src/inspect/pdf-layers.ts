/**
 * One pass over a PDF page's operator list (pdf.js) that tells visible text from text a reader of
 * the file can select or copy but not see:
 * - invisible text: drawn with text rendering mode 3 (neither fill nor stroke) or 7 (clip only) —
 *   the "text layer" of OCR'd scans and the classic way of hiding words in a PDF;
 * - text under an image: a text run drawn BEFORE an image (painted later in the content stream)
 *   that covers at least half of the run's box — a picture pasted over words does not remove them.
 * Boxes are in top-down page coordinates; a run's box is its advance width by its font size above
 * the baseline. Not detected: text in the page's background colour, text outside the page, text
 * covered by a filled rectangle (vector shape) rather than an image, and repeated or grouped
 * images (paintImageXObjectRepeat, *Group).
 */
import { multiply, unifyIdeographs, type TextRun } from '../parse/pdf-text.js';

/** pdf.js operator ids used here (checked against pdfjs.OPS when the engine loads, see pdf-engine.ts). */
const OP = {
  save: 10, restore: 11, transform: 12, beginText: 31, setCharSpacing: 33, setWordSpacing: 34, setHScale: 35,
  setLeading: 36, setFont: 37, setTextRenderingMode: 38, setTextRise: 39, moveText: 40, setLeadingMoveText: 41,
  setTextMatrix: 42, nextLine: 43, showText: 44, paintFormXObjectBegin: 74, paintFormXObjectEnd: 75,
  paintImageMaskXObject: 83, paintImageXObject: 85, paintInlineImageXObject: 86, paintSolidColorImageMask: 90,
} as const;

/** pdf.js names of the operators (checked at first use: a different pdf.js fails loudly, not silently). */
export const LAYER_OPS: Readonly<Record<string, number>> = OP;

/** The font facts positioning needs (pdf.js FontFaceObject). */
export interface FontFacts {
  fontMatrix?: number[];
  vertical?: boolean;
}

interface Glyph { unicode: string; width: number; isSpace?: boolean }

interface State {
  ctm: number[]; font: FontFacts; fontSize: number; charSpacing: number; wordSpacing: number; hScale: number;
  leading: number; rise: number; mode: number;
}

/** A text run as drawn, with when it was drawn (operator index) and whether it was invisible. */
export interface DrawnRun extends TextRun {
  at: number;
  invisible: boolean;
}

/** A box in top-down page coordinates. */
interface Box { x0: number; y0: number; x1: number; y1: number; at: number }

/** The runs of a page sorted into visible, invisible and under an image. */
export interface PageLayers {
  visible: TextRun[];
  invisible: TextRun[];
  underImage: TextRun[];
}

/** A copy of a graphics state for q (explicit fields: cheaper than a spread thousands of times a page). */
const copy = (s: State): State => ({
  ctm: s.ctm, font: s.font, fontSize: s.fontSize, charSpacing: s.charSpacing, wordSpacing: s.wordSpacing, hScale: s.hScale,
  leading: s.leading, rise: s.rise, mode: s.mode,
});

/** Walks a page's operator list; `viewport` maps PDF space to top-down page space. */
export function pageLayers(fnArray: number[], argsArray: unknown[], viewport: number[], font: (name: string) => FontFacts, page: number): PageLayers {
  const runs: DrawnRun[] = [];
  const images: Box[] = [];
  let gs: State = { ctm: viewport, font: {}, fontSize: 0, charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0, rise: 0, mode: 0 };
  const stack: State[] = [];
  let tm: ArrayLike<number> = [1, 0, 0, 1, 0, 0];
  let lineX = 0, lineY = 0, x = 0, y = 0;
  const moveText = (dx: number, dy: number) => { x = lineX += dx; y = lineY += dy; };

  for (let i = 0; i < fnArray.length; i++) {
    const args = argsArray[i] as any[] | null;
    switch (fnArray[i]) {
      case OP.save: stack.push(copy(gs)); break;
      case OP.restore: gs = stack.pop() ?? gs; break;
      case OP.transform: gs.ctm = multiply(gs.ctm, args as number[]); break;
      case OP.paintFormXObjectBegin:
        stack.push(copy(gs));
        if (args?.[0]) gs.ctm = multiply(gs.ctm, Array.from(args[0] as ArrayLike<number>));
        break;
      case OP.paintFormXObjectEnd: gs = stack.pop() ?? gs; break;
      case OP.beginText: tm = [1, 0, 0, 1, 0, 0]; x = lineX = 0; y = lineY = 0; break;
      case OP.setTextMatrix: tm = args![0] as ArrayLike<number>; x = lineX = 0; y = lineY = 0; break;
      case OP.moveText: moveText(args![0], args![1]); break;
      case OP.setLeadingMoveText: gs.leading = args![1]; moveText(args![0], args![1]); break;
      case OP.nextLine: moveText(0, gs.leading); break;
      case OP.setLeading: gs.leading = -args![0]; break;
      case OP.setCharSpacing: gs.charSpacing = args![0]; break;
      case OP.setWordSpacing: gs.wordSpacing = args![0]; break;
      case OP.setHScale: gs.hScale = args![0] / 100; break;
      case OP.setTextRise: gs.rise = args![0]; break;
      case OP.setTextRenderingMode: gs.mode = args![0]; break;
      case OP.setFont: gs.font = font(args![0]); gs.fontSize = args![1]; break;
      case OP.showText: {
        const advance = showText(args![0] as Array<Glyph | number>, gs, tm, x, y, page, i, runs);
        if (gs.font.vertical) y -= advance;
        else x += advance * gs.hScale;
        break;
      }
      case OP.paintImageXObject:
      case OP.paintInlineImageXObject:
      case OP.paintImageMaskXObject:
      case OP.paintSolidColorImageMask:
        images.push(unitSquare(gs.ctm, i));
        break;
      default: break;
    }
  }

  const layers: PageLayers = { visible: [], invisible: [], underImage: [] };
  for (const run of runs) {
    if (run.invisible) layers.invisible.push(run);
    else if (images.some((img) => img.at > run.at && covered(run, img))) layers.underImage.push(run);
    else layers.visible.push(run);
  }
  return layers;
}

/** The box an image fills: the unit square through the current matrix. */
function unitSquare(m: number[], at: number): Box {
  const xs = [m[4]!, m[0]! + m[4]!, m[2]! + m[4]!, m[0]! + m[2]! + m[4]!];
  const ys = [m[5]!, m[1]! + m[5]!, m[3]! + m[5]!, m[1]! + m[3]! + m[5]!];
  return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys), at };
}

/** Whether at least half of a run's box lies inside an image's box. */
function covered(run: TextRun, img: Box): boolean {
  const x0 = run.x, x1 = run.x + Math.max(run.width, 0.1), y0 = run.y - run.size, y1 = run.y;
  const w = Math.min(x1, img.x1) - Math.max(x0, img.x0);
  const h = Math.min(y1, img.y1) - Math.max(y0, img.y0);
  if (w <= 0 || h <= 0) return false;
  return (w * h) / ((x1 - x0) * (y1 - y0)) >= 0.5;
}

/** Places one showText as one run (its glyphs' text, start point and advance); returns the advance in text space. */
function showText(glyphs: Array<Glyph | number>, gs: State, tm: ArrayLike<number>, x0: number, y0: number, page: number, at: number, runs: DrawnRun[]): number {
  const size = gs.fontSize;
  if (!size || !glyphs?.length) return 0;
  const fontMatrix = gs.font.fontMatrix ?? [0.001, 0, 0, 0.001, 0, 0];
  const vertical = !!gs.font.vertical;
  const m = multiply(gs.ctm, tm);
  const em = Math.abs(size) * Math.hypot(m[2]!, m[3]!) || Math.abs(size);
  let advance = 0;
  let text = '';
  for (const glyph of glyphs) {
    if (typeof glyph === 'number') { advance += ((vertical ? 1 : -1) * glyph * size) / 1000; continue; }
    text += glyph.unicode ?? '';
    advance += glyph.width * size * fontMatrix[0]! + (glyph.isSpace ? gs.wordSpacing : 0) + gs.charSpacing;
  }
  const px = m[0]! * x0 + m[2]! * (y0 + gs.rise) + m[4]!;
  const py = m[1]! * x0 + m[3]! * (y0 + gs.rise) + m[5]!;
  const width = Math.abs(advance * gs.hScale) * Math.hypot(m[0]!, m[1]!);
  const clean = unifyIdeographs(text);
  if (clean.trim()) runs.push({ text: clean, x: px, width, y: py, size: em, page, at, invisible: gs.mode === 3 || gs.mode === 7 });
  return advance;
}
