/**
 * Whitespace rules shared by the HTML and DOCX readers. Chinese text has no spaces between
 * words: a line break or a run of spaces between two Chinese characters is layout, not text
 * (a label wrapped in a narrow cell, 商业/企业, reads 商业企业), while between digits or Latin
 * letters it separates words and is kept as one space.
 */

/** Characters set full-width: CJK ideographs, CJK punctuation, full-width forms, Chinese quotes. */
const WIDE = /[\u2e80-\u303f\u3040-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026\u3000]|[\u{20000}-\u{3134f}]/u;

/** Whether a character is set full-width (Chinese characters and punctuation). */
export function isWide(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && WIDE.test(ch);
}

/** Spaces of every kind a page uses for layout: ASCII, no-break (&nbsp;), ideographic, zero-width. */
const SPACE_RUN = /[\s\u00a0\u3000\u200b\u200c\u200d\ufeff]+/gu;

/** Spaces between two full-width characters (the run is dropped). */
const WIDE_GAP = new RegExp(`(?<=${WIDE.source})\\s+(?=${WIDE.source})`, 'gu');

/**
 * Cleans one line of text: every run of spaces (including &nbsp; and the ideographic space)
 * becomes one space, spaces at the ends go, and spaces between two Chinese characters go.
 * A line of nothing but spaces becomes ''.
 */
export function cleanLine(text: string): string {
  const collapsed = text.replace(SPACE_RUN, ' ').trim();
  return collapsed.includes(' ') ? collapsed.replace(WIDE_GAP, '') : collapsed;
}

/**
 * Joins the lines of one cell (paragraphs or line breaks inside it) into its text: directly when
 * either side of the break is a Chinese character or punctuation, with one space otherwise
 * (two numbers on two lines stay two numbers). Empty lines are dropped.
 */
export function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = cleanLine(raw);
    if (line === '') continue;
    if (out === '') { out = line; continue; }
    const before = lastChar(out);
    const after = String.fromCodePoint(line.codePointAt(0)!);
    out += isWide(before) || isWide(after) ? line : ` ${line}`;
  }
  return out;
}

function lastChar(text: string): string {
  const code = text.codePointAt(text.length - 1)!;
  // A low surrogate: the character is the pair ending here.
  return code >= 0xdc00 && code <= 0xdfff ? text.slice(-2) : text.slice(-1);
}
