/**
 * The body of an item (正文) as rich text that is safe to publish: sanitised with sanitize-html (a
 * maintained sanitiser, not hand-written escaping) under an allow-list for government documents,
 * scanned for personal data paragraph by paragraph, and redacted by removing the found text from
 * the HTML itself — nothing is merely drawn over (issue 9, Deliver 4).
 *
 * Allowed: p, div, h1–h6, blockquote, tables (with colspan/rowspan), lists, strong/b, em/i, u, s,
 * sub, sup, hr, br, span; a[href] with http, https, mailto or a relative URL; img[src] only when it is
 * a data: PNG/JPEG/GIF/WebP image or one of our own /attachments/ URLs; a few styles (text-align,
 * text-indent, font-weight, text-decoration). Everything else goes: <script>, <style>, iframes and
 * plug-ins, forms, event attributes (onclick …), javascript: URLs, foreign images; the text of
 * unknown formatting tags (<font>, Word's <o:p>) is kept.
 */
import { parseFragment, serialize, type DefaultTreeAdapterTypes } from 'parse5';
import sanitizeHtml from 'sanitize-html';
import { scanText, type PiiMatch } from '../core/disclosure/pii-scan.js';
import type { Finding } from './finding.js';

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.DocumentFragment;
type TextNode = DefaultTreeAdapterTypes.TextNode;

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const ALLOWED_TAGS = [
  'p', 'div', ...HEADINGS, 'blockquote', 'br', 'hr', 'span', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup',
  'ul', 'ol', 'li', 'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'a', 'img',
];
const STYLED = ['p', 'div', 'span', 'td', 'th', ...HEADINGS];
const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'width', 'height'],
  td: ['colspan', 'rowspan', 'style'],
  th: ['colspan', 'rowspan', 'style'],
  col: ['span'],
  ol: ['start', 'type'],
  ...Object.fromEntries(STYLED.filter((t) => t !== 'td' && t !== 'th').map((t) => [t, ['style']])),
};
const ALLOWED_STYLES = {
  text_align: /^(?:left|right|center|justify)$/,
  text_indent: /^\d+(?:\.\d+)?(?:em|pt|px)$/,
  font_weight: /^(?:bold|normal|[1-9]00)$/,
  text_decoration: /^(?:underline|none|line-through)$/,
};
const STYLE_RULES = Object.fromEntries(Object.entries(ALLOWED_STYLES).map(([k, v]) => [k.replace('_', '-'), [v]]));

/** Images allowed in a body: inline raster images and the platform's own attachments (no ../ out of them). */
const SAFE_IMAGE = /^(?:data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]+|\/attachments\/(?!.*\.\.)[A-Za-z0-9._~\-/]+)$/;
/** Schemes allowed in links (a relative link has none and is kept). */
const SAFE_SCHEMES = ['http', 'https', 'mailto'];

/** What kind of element a removed tag was, in Chinese. */
function describeTag(tag: string): string {
  if (tag === 'script' || tag === 'noscript') return `脚本（<${tag}>）`;
  if (tag === 'style' || tag === 'link') return `样式表（<${tag}>）`;
  if (['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal'].includes(tag)) return `内嵌框架或插件（<${tag}>）`;
  if (['form', 'input', 'button', 'select', 'textarea', 'option'].includes(tag)) return `表单控件（<${tag}>）`;
  if (['meta', 'base', 'head', 'title'].includes(tag)) return `页面头部标记（<${tag}>）`;
  if (['svg', 'math', 'video', 'audio', 'source', 'canvas'].includes(tag)) return `多媒体或矢量图形（<${tag}>）`;
  return `不允许的格式标记（<${tag}>，文字已保留）`;
}

/** Body HTML as it may be stored and published, and what was taken out (for a warning to the drafter). */
export interface SanitizedBody {
  html: string;
  /** Each kind of thing removed, once, in Chinese. */
  removed: string[];
}

/** Sanitises a body: see the allow-list above. `removed` lists in Chinese what was taken out. */
export function sanitizeBody(html: string): SanitizedBody {
  const removed = new Set<string>();
  const clean = sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedSchemes: SAFE_SCHEMES,
    allowedSchemesByTag: { img: ['data'] },
    allowProtocolRelative: false,
    allowedStyles: { '*': STYLE_RULES },
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'iframe', 'object', 'svg', 'math'],
    exclusiveFilter: (frame) => frame.tag === 'img' && !SAFE_IMAGE.test(frame.attribs.src ?? ''),
    onOpenTag: (name, attribs) => {
      const tag = name.toLowerCase();
      if (!ALLOWED_TAGS.includes(tag)) removed.add(describeTag(tag));
      for (const [attr, value] of Object.entries(attribs)) {
        const a = attr.toLowerCase();
        if (a.startsWith('on')) removed.add(`事件属性（${a}）`);
        else if ((a === 'href' || a === 'src' || a === 'action' || a === 'formaction') && /^\s*(?:javascript|vbscript):/i.test(value)) removed.add(`脚本链接（${a}="javascript:…"）`);
        else if (a === 'href' && tag === 'a' && /^\s*[a-z][a-z0-9+.-]*:/i.test(value) && !/^\s*(?:https?|mailto):/i.test(value)) removed.add('不允许的链接协议');
      }
      if (tag === 'img' && !SAFE_IMAGE.test(attribs.src ?? '')) removed.add('外部图片（只允许本站附件中的图片或内嵌图片）');
    },
  });
  return { html: clean, removed: [...removed] };
}

/** Block elements: each starts a paragraph (a table row is one paragraph, its cells apart by a tab). */
const BLOCKS = new Set(['p', 'div', ...HEADINGS, 'blockquote', 'li', 'tr', 'caption']);

/** A paragraph's text as pieces: text nodes (which redaction edits) and separators between cells and lines. */
interface Paragraph {
  parts: Array<{ node: TextNode | null; text: string }>;
}

/** The paragraphs of a parsed body, in document order, empty ones skipped. */
function paragraphs(root: Node): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Paragraph = { parts: [] };
  const flush = () => {
    if (current.parts.some((p) => p.node && p.text.trim())) out.push(current);
    current = { parts: [] };
  };
  const walk = (node: Node) => {
    if (node.nodeName === '#text') { current.parts.push({ node: node as TextNode, text: (node as TextNode).value }); return; }
    const tag = 'tagName' in node ? node.tagName : '';
    if (tag === 'br') { current.parts.push({ node: null, text: '\n' }); return; }
    if (tag === 'td' || tag === 'th') current.parts.push({ node: null, text: '\t' });
    const block = BLOCKS.has(tag);
    if (block) flush();
    if ('childNodes' in node) for (const child of node.childNodes) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return out;
}

const textOf = (p: Paragraph) => p.parts.map((x) => x.text).join('');

/** The place of the n-th paragraph (1-based). */
export const bodyPlace = (n: number) => `正文第 ${n} 段`;

/** Scans the body's text paragraph by paragraph for personal data; places are '正文第 N 段', source 'body'. */
export function scanBody(html: string): Finding[] {
  const found: Finding[] = [];
  paragraphs(parseFragment(html)).forEach((p, i) => {
    for (const m of scanText(textOf(p))) found.push({ kind: m.kind, place: bodyPlace(i + 1), excerpt: m.masked, source: 'body' });
  });
  return found;
}

/**
 * Removes the text of a finding of scanBody from the HTML: every match of the finding's kind with
 * the same masked text in its paragraph is replaced by its masked form (default) or by nothing.
 * The text is changed in the document itself, across formatting tags if it spans them. A finding
 * not found (already removed) leaves the HTML as it was.
 */
export function redactBody(html: string, finding: Pick<Finding, 'kind' | 'place' | 'excerpt'>, replaceWith: 'masked' | 'nothing' = 'masked'): string {
  const fragment = parseFragment(html);
  const all = paragraphs(fragment);
  const index = all.findIndex((_, i) => bodyPlace(i + 1) === finding.place);
  if (index < 0) return html;
  const paragraph = all[index]!;
  const matches = scanText(textOf(paragraph)).filter((m) => m.kind === finding.kind && m.masked === finding.excerpt);
  if (matches.length === 0) return html;
  // Right to left, so earlier offsets stay valid.
  for (const m of matches.reverse()) replaceRange(paragraph, m, replaceWith === 'masked' ? m.masked : '');
  return serialize(fragment);
}

/** Replaces [m.start, m.end) of a paragraph's text: the first text node touched gets the replacement, the others lose their share. */
function replaceRange(paragraph: Paragraph, m: PiiMatch, replacement: string): void {
  let offset = 0;
  let placed = false;
  for (const part of paragraph.parts) {
    const start = offset;
    const end = offset + part.text.length;
    offset = end;
    if (!part.node || end <= m.start || start >= m.end) continue;
    const from = Math.max(m.start, start) - start;
    const to = Math.min(m.end, end) - start;
    const value = part.node.value;
    part.node.value = value.slice(0, from) + (placed ? '' : replacement) + value.slice(to);
    placed = true;
  }
}
