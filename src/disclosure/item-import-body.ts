/**
 * The body (正文) of an imported item as sanitised HTML. An old site's body comes as HTML (its CMS's rich text) or
 * as plain text; HTML goes through the one sanitiser the item editor uses (src/inspect/sanitize-body.ts, sanitize-html with an
 * allow-list), never hand-written escaping, and what was removed is reported so the importer sees it (a `<script>`,
 * an `onclick` or an image linked from the old site is worth knowing about).
 */
import { sanitizeBody } from '../inspect/sanitize-body.js';
import { escapeHtml as escape } from '../core/escape-html.js';

const LOOKS_LIKE_HTML = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>|&(?:[a-z]+|#\d+);/i;


/** A body as sanitised HTML and what was removed from it (tag names, `tag[attribute]`), each once. */
export function sanitizeItemBody(text: string): { html: string; removed: string[] } {
  if (text.trim() === '') return { html: '', removed: [] };
  if (!LOOKS_LIKE_HTML.test(text)) {
    // Plain text: one paragraph per line, as an old site's text export shows it.
    const html = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((l) => `<p>${escape(l)}</p>`).join('');
    return { html, removed: [] };
  }
  return sanitizeBody(text);
}
