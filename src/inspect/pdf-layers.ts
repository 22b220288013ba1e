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
import { OP as TEXT_OP, TextWalk, type FontFacts, type Glyph, type GraphicsState } from '../parse/pdf-ops.js';
import { multiply, unifyIdeographs, type TextRun } from '../parse/pdf-text.js';

export type { FontFacts } from '../parse/pdf-ops.js';

/** pdf.js ids of the image operators (the text ones are parse/pdf-ops.ts's, checked when the engine loads). */
const OP = {
  showText: TEXT_OP.showText,
  paintImageMaskXObject: 83, paintImageXObject: 85, paintInlineImageXObject: 86, paintSolidColorImageMask: 90,
} as const;

/** pdf.js names of the operators (checked at first use: a different pdf.js fails loudly, not silently). */
export const LAYER_OPS: Readonly<Record<string, number>> = OP;

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

/** Walks a page's operator list; `viewport` maps PDF space to top-down page space. */
export function pageLayers(fnArray: number[], argsArray: unknown[], viewport: number[], font: (name: string) => FontFacts, page: number): PageLayers {
  const runs: DrawnRun[] = [];
  const images: Box[] = [];
  const walk = new TextWalk(viewport, font);

  for (let i = 0; i < fnArray.length; i++) {
    const args = argsArray[i] as any[] | null;
    const op = fnArray[i]!;
    if (walk.apply(op, args)) continue;
    switch (op) {
      case OP.showText:
        walk.advance(showText(args![0] as Array<Glyph | number>, walk.gs, walk.tm, walk.x, walk.y, page, i, runs));
        break;
      case OP.paintImageXObject:
      case OP.paintInlineImageXObject:
      case OP.paintImageMaskXObject:
      case OP.paintSolidColorImageMask:
        images.push(unitSquare(walk.gs.ctm, i));
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
function showText(glyphs: Array<Glyph | number>, gs: GraphicsState, tm: ArrayLike<number>, x0: number, y0: number, page: number, at: number, runs: DrawnRun[]): number {
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
