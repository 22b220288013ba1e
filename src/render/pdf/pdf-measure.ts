/**
 * Line breaking of the PDF's text, done here rather than by pdfmake: pdfmake's Unicode line
 * breaker treats every Chinese character as a word, so a paragraph it wraps becomes one
 * positioned text drawing per character. The renderer wraps paragraphs and table cells with
 * `wrapLines` and hands pdfmake each line whole (`noWrap`), one text drawing per line, as a word
 * processor writes its PDFs; `justifySpacing` spreads a justified line to the full width. The
 * table code also uses the line count to size rows and centre merged cells. Chinese text may break
 * between any two characters except before closing and after opening punctuation (GB/T 15834
 * 避头尾); a run of Latin letters and digits stays whole, except a web address, which may break
 * anywhere.
 */

/** Punctuation that may not start a line. */
const NO_LINE_START = new Set('，。、；：？！）》」』”’〕】…—%,.;:?!)]}');
/** Punctuation that may not end a line. */
const NO_LINE_END = new Set('（《「『“‘〔【([{');

const isWordChar = (ch: string) => /[A-Za-z0-9._/%+-]/.test(ch);

/** A web address, which may break between any two of its characters. */
const URL = /(?:https?:\/\/|www\.)[A-Za-z0-9._~:/?#@!$&;=%+-]+/g;

/** The indices (in code points) of the characters of a text that belong to a web address. */
function urlChars(chars: string[]): Set<number> {
  const inUrl = new Set<number>();
  const text = chars.join('');
  for (const match of text.matchAll(URL)) {
    const start = [...text.slice(0, match.index)].length;
    const length = [...match[0]].length;
    for (let i = start; i < start + length; i++) inUrl.add(i);
  }
  return inUrl;
}

/**
 * Splits a text into the smallest pieces between which a line may break: Latin words whole,
 * other characters singly, punctuation attached to its neighbour. With `breakUrls`, a web
 * address breaks anywhere (it would otherwise push itself whole to the next line).
 */
export function breakPieces(text: string, breakUrls = false): string[] {
  const chars = [...text];
  const inUrl = breakUrls ? urlChars(chars) : new Set<number>();
  const pieces: string[] = [];
  let glueNext = false;
  chars.forEach((ch, i) => {
    const last = pieces.length - 1;
    const continuesWord = last >= 0 && isWordChar(ch) && isWordChar(pieces[last]!.slice(-1)) && !(inUrl.has(i) && inUrl.has(i - 1));
    if (last >= 0 && (glueNext || continuesWord || NO_LINE_START.has(ch))) pieces[last] += ch;
    else pieces.push(ch);
    glueNext = NO_LINE_END.has(ch);
  });
  return pieces;
}

/** How `wrapLines` breaks a text. */
export interface WrapOptions {
  /** The first line of each paragraph is this much narrower (a first-line indent), in points. */
  firstLineIndent?: number;
  /** A web address may break between any two characters. */
  breakUrls?: boolean;
}

/**
 * Wraps a text into lines no wider than `maxWidth` (greedy, as pdfmake does), honouring explicit
 * line breaks. `measure` gives the printed width of a string. A piece wider than a whole line is
 * broken anywhere, as pdfmake hard-wraps such a word. Spaces at the ends of a wrapped line are
 * dropped, as pdfmake drops them.
 */
export function wrapLines(text: string, maxWidth: number, measure: (s: string) => number, options: WrapOptions = {}): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let width = 0;
    let limit = maxWidth - (options.firstLineIndent ?? 0);
    // A piece wider than a whole line (a very long Latin word) is broken between any two characters.
    const pieces = breakPieces(paragraph, options.breakUrls)
      .flatMap((piece) => ([...piece].length > 1 && measure(piece) > maxWidth + 0.01 ? [...piece] : [piece]));
    for (const piece of pieces) {
      const w = measure(piece);
      if (line.trim() !== '' && width + w > limit + 0.01) {
        lines.push(line.trimEnd());
        line = '';
        width = 0;
        limit = maxWidth;
        if (piece.trim() === '') continue; // the space at a break
      }
      line += piece;
      width += w;
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/**
 * The character spacing (pdfmake `characterSpacing`, points) that makes a line of `width`
 * points fill `lineWidth`, as justified text does. pdfmake counts a text's width as its advance
 * widths plus the spacing once between each two UTF-16 code units of an inline, so a line set as
 * `inlines` pieces gains the spacing `length − inlines` times. 0 for a line of one character.
 */
export function justifySpacing(line: string, width: number, lineWidth: number, inlines = 1): number {
  const gaps = line.length - inlines;
  if (gaps <= 0) return 0;
  // A hair short of the full width, so rounding never makes pdfmake wrap the line.
  return (lineWidth - 0.01 - width) / gaps;
}

/**
 * Wraps a short label into as few lines as greedy wrapping needs, but with lines of even length
 * (商业/企业 rather than 商业企/业), as a typesetter sets table headings. Returns the lines.
 */
export function balancedLines(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const greedy = wrapLines(text, maxWidth, measure);
  if (greedy.length < 2 || text.includes('\n')) return greedy;
  // The narrowest width that still needs no more lines gives the most even lines.
  let low = measure(text) / greedy.length;
  let high = maxWidth;
  let best = greedy;
  for (let i = 0; i < 12 && high - low > 0.25; i++) {
    const mid = (low + high) / 2;
    const lines = wrapLines(text, mid, measure);
    if (lines.length <= greedy.length) {
      best = lines;
      high = mid;
    } else {
      low = mid;
    }
  }
  return best;
}
