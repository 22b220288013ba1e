/**
 * The body (正文) of an imported item as sanitised HTML. An old site's body comes as HTML (its CMS's rich text) or
 * as plain text; HTML goes through a maintained sanitiser (sanitize-html), never hand-written escaping, and what was
 * removed is reported so the importer sees it (a `<script>` or an `onclick` in an old page is worth knowing about).
 *
 * TODO(issue 9): replace the local sanitiser by src/inspect/sanitize-body.ts `sanitizeBody(html): {html, removed}`
 * (the one sanitiser the item editor uses) when it lands; this helper keeps the same shape so the swap is one line.
 */
import sanitizeHtml from 'sanitize-html';

const ALLOWED_TAGS = [
  ...sanitizeHtml.defaults.allowedTags.filter((t) => t !== 'style'),
  'img', 'u', 's', 'sub', 'sup', 'font', 'center',
];
const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'name', 'title'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  td: ['colspan', 'rowspan', 'align', 'valign'],
  th: ['colspan', 'rowspan', 'align', 'valign'],
  p: ['align'],
  div: ['align'],
  table: ['border', 'cellpadding', 'cellspacing', 'width'],
  '*': [],
};
const allowedTags = new Set(ALLOWED_TAGS);

const LOOKS_LIKE_HTML = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>|&(?:[a-z]+|#\d+);/i;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A body as sanitised HTML and what was removed from it (tag names, `tag[attribute]`), each once. */
export function sanitizeItemBody(text: string): { html: string; removed: string[] } {
  if (text.trim() === '') return { html: '', removed: [] };
  if (!LOOKS_LIKE_HTML.test(text)) {
    // Plain text: one paragraph per line, as an old site's text export shows it.
    const html = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((l) => `<p>${escape(l)}</p>`).join('');
    return { html, removed: [] };
  }
  const removed = new Set<string>();
  const html = sanitizeHtml(text, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https', 'data'] },
    onOpenTag: (tag, attributes) => {
      if (!allowedTags.has(tag)) {
        removed.add(tag);
        return;
      }
      const keep = new Set(ALLOWED_ATTRIBUTES[tag] ?? []);
      for (const name of Object.keys(attributes)) {
        if (!keep.has(name) && (/^on/i.test(name) || name === 'style' || name === 'srcdoc')) removed.add(`${tag}[${name}]`);
      }
      const href = attributes.href ?? attributes.src;
      if (href && /^\s*(javascript|vbscript|data:text)/i.test(href)) removed.add(`${tag}[${attributes.href ? 'href' : 'src'}]`);
    },
  });
  return { html, removed: [...removed] };
}
