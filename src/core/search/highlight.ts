/**
 * Highlighted titles and snippets for search results: HTML-escaped text with the query's words in <mark>.
 * Escaping is done here, once, for every character that is not a mark, so a title such as
 * `<script>` is shown as text, never run.
 */
import { escapeHtml } from '../escape-html.js';

/** A case-insensitive pattern matching any of the words or phrases, longest first; null for none. */
function pattern(needles: readonly string[]): RegExp | null {
  const distinct = [...new Set(needles.filter((n) => n.length > 0))].sort((a, b) => b.length - a.length);
  if (distinct.length === 0) return null;
  return new RegExp(distinct.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu');
}

/** The whole text, escaped, with every occurrence of the needles in <mark>. */
export function highlight(text: string, needles: readonly string[]): string {
  const re = pattern(needles);
  if (!re) return escapeHtml(text);
  let out = '';
  let at = 0;
  for (const m of text.matchAll(re)) {
    out += `${escapeHtml(text.slice(at, m.index))}<mark>${escapeHtml(m[0])}</mark>`;
    at = m.index + m[0].length;
  }
  // Words found side by side (政务 + 服务 of the query 政务服务) read as one mark.
  return (out + escapeHtml(text.slice(at))).replaceAll('</mark><mark>', '');
}

/** Characters of a snippet, and how many of them come before the first match. */
export const SNIPPET_CHARS = 120;
const LEAD_CHARS = 30;

/**
 * A snippet of the text around the first occurrence of a needle (the start of the text when none occurs),
 * whitespace collapsed, with … where it was cut, escaped and highlighted.
 */
export function snippet(text: string, needles: readonly string[], size = SNIPPET_CHARS): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const re = pattern(needles);
  const first = re ? flat.search(re) : -1;
  const start = first > LEAD_CHARS ? first - LEAD_CHARS : 0;
  // Do not cut a surrogate pair (a rare character outside the BMP) in half.
  const from = start > 0 && /[\uDC00-\uDFFF]/.test(flat[start]!) ? start - 1 : start;
  let end = Math.min(flat.length, from + size);
  if (end < flat.length && /[\uDC00-\uDFFF]/.test(flat[end]!)) end += 1;
  return `${from > 0 ? '…' : ''}${highlight(flat.slice(from, end), needles)}${end < flat.length ? '…' : ''}`;
}
