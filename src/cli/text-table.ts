/**
 * Plain-text tables for the terminal, aligned for Chinese text: a full-width character (汉字,
 * full-width punctuation) takes two columns in a terminal, so padding counts it as two.
 */

/** Whether a code point is displayed two columns wide (East Asian Wide / Fullwidth). */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Terminal width of a text: full-width characters count as 2, combining marks as 0. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x300 && cp <= 0x36f) || cp === 0x200b) continue;
    width += isWide(cp) ? 2 : 1;
  }
  return width;
}

/** Pads a text with spaces on the right (or left, for numbers) to a display width. */
export function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

/** A column of a text table. */
export interface TextColumn {
  header: string;
  align?: 'left' | 'right';
}

/**
 * Formats rows under headers, columns separated by two spaces, with a rule under the header.
 * Trailing spaces are trimmed so the output diffs cleanly.
 */
export function formatTable(columns: TextColumn[], rows: string[][]): string {
  const widths = columns.map((c, i) => Math.max(displayWidth(c.header), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells.map((cell, i) => pad(cell, widths[i]!, columns[i]!.align)).join('  ').trimEnd();
  return [
    line(columns.map((c) => c.header)),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map((r) => line(r)),
  ].join('\n');
}
