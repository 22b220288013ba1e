/**
 * Line wrapping of short table texts as pdfmake sets them, so the table code knows each cell's
 * number of lines before pdfmake lays it out (to size rows and to centre merged cells, which
 * pdfmake misplaces when rows must not break). Chinese text may break between any two characters
 * except before closing and after opening punctuation (GB/T 15834 避头尾); a run of Latin letters
 * and digits stays whole, as in pdfmake's Unicode line breaking.
 */

/** Punctuation that may not start a line. */
const NO_LINE_START = new Set('，。、；：？！）》」』”’〕】…—%,.;:?!)]}');
/** Punctuation that may not end a line. */
const NO_LINE_END = new Set('（《「『“‘〔【([{');

const isWordChar = (ch: string) => /[A-Za-z0-9._/%+-]/.test(ch);

/**
 * Splits a text into the smallest pieces between which a line may break: Latin words whole,
 * other characters singly, punctuation attached to its neighbour.
 */
export function breakPieces(text: string): string[] {
  const pieces: string[] = [];
  let glueNext = false;
  for (const ch of text) {
    const last = pieces.length - 1;
    const continuesWord = last >= 0 && isWordChar(ch) && isWordChar(pieces[last]!.slice(-1));
    if (last >= 0 && (glueNext || continuesWord || NO_LINE_START.has(ch))) pieces[last] += ch;
    else pieces.push(ch);
    glueNext = NO_LINE_END.has(ch);
  }
  return pieces;
}

/**
 * Wraps a text into lines no wider than `maxWidth` (greedy, as pdfmake does), honouring explicit
 * line breaks. `measure` gives the printed width of a string. A piece wider than a line gets a
 * line of its own.
 */
export function wrapLines(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let width = 0;
    for (const piece of breakPieces(paragraph)) {
      const w = measure(piece);
      if (line !== '' && width + w > maxWidth + 0.01) {
        lines.push(line);
        line = '';
        width = 0;
      }
      line += piece;
      width += w;
    }
    lines.push(line);
  }
  return lines;
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
