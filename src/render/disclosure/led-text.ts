/**
 * The LED screen (LED显示屏) text of an item: plain text cut into screens of `lines` lines of `charsPerLine`
 * characters. A character is a user-perceived character (grapheme; Intl.Segmenter), so a surrogate pair or a
 * combining mark is never split; full-width punctuation is kept as written and each counts as one cell, as a
 * CJK dot-matrix screen sets it. Each paragraph starts on a new line. The screen size is a hard limit, so
 * lines are cut by count (no line-start rules that would need a wider line).
 */
import { ValidationError } from '../../core/errors.js';
import type { ExportItem } from './disclosure-item.js';
import { blocksText, bodyBlocks } from './html-blocks.js';

/** The size of a screen. */
export interface LedSize {
  charsPerLine: number;
  lines: number;
}

/** The screens, each at most `lines` lines of at most `charsPerLine` characters, lines joined by "\n". */
export interface LedText {
  screens: string[];
}

/** Limits of a screen size (one character is at least 16 × 16 dots; no screen is wider than this). */
export const LED_LIMITS = { charsPerLine: { min: 1, max: 200 }, lines: { min: 1, max: 50 } } as const;

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });

/** The characters of a text, as a reader counts them. */
export const graphemes = (text: string): string[] => Array.from(segmenter.segment(text), (s) => s.segment);

/** Cuts one paragraph into lines of at most `width` characters. */
function cutLines(paragraph: string, width: number): string[] {
  const chars = graphemes(paragraph);
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += width) lines.push(chars.slice(i, i + width).join(''));
  return lines;
}

/** Builds the LED text of an item: the title, then the body's paragraphs; no markup. */
export function ledText(item: Pick<ExportItem, 'title' | 'bodyHtml'>, size: LedSize): LedText {
  for (const key of ['charsPerLine', 'lines'] as const) {
    const { min, max } = LED_LIMITS[key];
    const v = size[key];
    if (!Number.isInteger(v) || v < min || v > max) {
      throw new ValidationError(`${key === 'charsPerLine' ? '每行字数' : '每屏行数'}应为 ${min}～${max} 的整数`, { field: key });
    }
  }
  const paragraphs = [item.title, ...blocksText(bodyBlocks(item.bodyHtml))]
    // Tabs, line breaks and runs of spaces are nothing on a screen; a full-width space (U+3000) is kept.
    .map((p) => p.replace(/[ \t\r\n\f\v]+/g, ' ').trim())
    .filter(Boolean);
  const lines = paragraphs.flatMap((p) => cutLines(p, size.charsPerLine));
  const screens: string[] = [];
  for (let i = 0; i < lines.length; i += size.lines) screens.push(lines.slice(i, i + size.lines).join('\n'));
  return { screens };
}
