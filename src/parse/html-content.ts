/**
 * Finding the report inside a web page. Agencies publish the report inside a portal page: site
 * header, menus, breadcrumbs (当前位置), a sidebar of links, share bars, a footer. One pass over
 * the DOM marks what a reader never sees (scripts, hidden elements) and the portal chrome, then
 * picks the content element: the deepest one holding every report marker found on the page (the
 * title 年度报告, section headings, the labels of the statistical tables; never in link text). Chrome that holds a
 * report table or the report's title heading is kept, so a misnamed wrapper never hides the report.
 */
import type { DefaultTreeAdapterTypes } from 'parse5';

export type Element = DefaultTreeAdapterTypes.Element;
export type ChildNode = DefaultTreeAdapterTypes.ChildNode;
export type TextNode = DefaultTreeAdapterTypes.TextNode;

export const isElement = (node: ChildNode): node is Element => 'tagName' in node;
export const isText = (node: ChildNode): node is TextNode => node.nodeName === '#text';

/** An attribute's value, or null. */
export function attr(el: Element, name: string): string | null {
  for (const a of el.attrs) if (a.name === name) return a.value;
  return null;
}

/** Elements whose content is never read as text. */
const NO_TEXT = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'base', 'iframe', 'frame', 'object',
  'embed', 'svg', 'math', 'canvas', 'select', 'option', 'optgroup', 'button', 'input', 'textarea', 'map', 'area',
  'audio', 'video', 'source', 'track', 'img', 'picture', 'datalist', 'dialog',
]);

/** Class names of text kept for screen readers or hidden by CSS (our own table captions among them). */
const HIDDEN_CLASSES = new Set(['sr-only', 'gk-sr-only', 'visually-hidden', 'visuallyhidden', 'screen-reader-text', 'hidden', 'hide', 'invisible']);

/** Elements inside a table row structure, never chrome by their class. */
const TABLE_PARTS = new Set(['th', 'tr', 'thead', 'tbody', 'tfoot', 'caption', 'col', 'colgroup']);

/** ARIA roles of page chrome. */
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menu', 'menubar', 'toolbar']);

/**
 * Words of class and id names that portal templates give their chrome (including the pinyin
 * names Chinese portals use: dqwz 当前位置, daohang 导航, fenxiang 分享, yqlj 友情链接, ewm 二维码).
 */
const CHROME_WORDS = new Set([
  'nav', 'navbar', 'navigation', 'subnav', 'menu', 'menus', 'menubar', 'breadcrumb', 'breadcrumbs', 'crumb', 'crumbs',
  'share', 'sharing', 'bdshare', 'bdsharebuttonbox', 'footer', 'header', 'masthead', 'sidebar', 'aside', 'toolbar',
  'topbar', 'copyright', 'login', 'search', 'position', 'location', 'dqwz', 'daohang', 'fenxiang', 'yqlj', 'friendlink',
  'friendlinks', 'ewm', 'qrcode', 'gotop', 'backtop', 'skip', 'skiplink',
]);

/** Labels of the statistical tables (both formats); three in one table make it a report table. */
const TABLE_MARKERS = [
  '本年新收政府信息公开申请数量', '上年结转政府信息公开申请数量', '本年度办理结果', '结转下年度继续办理', '予以公开', '不予公开',
  '无法提供', '不予处理', '申请人情况', '法人或其他组织', '商业企业', '社会公益组织', '结果维持', '结果纠正', '尚未审结',
  '未经复议直接起诉', '复议后起诉', '信息内容', '第二十条', '行政许可', '行政处罚', '行政强制', '行政事业性收费', '处理决定数量',
];
/** Words of the report's title and section headings. */
const TEXT_MARKERS = ['年度报告', '总体情况', '主要问题', '改进情况', '其他需要报告的事项'];
const MARKERS = [...TABLE_MARKERS, ...TEXT_MARKERS]; // 29: the bits of one 32-bit mask
const TABLE_BITS = (1 << TABLE_MARKERS.length) - 1;
const LONGEST = Math.max(...MARKERS.map((m) => m.length));

/** What the analysis found: elements to skip, and the element holding the report. */
export interface PageAnalysis {
  skipped: Set<Element>;
  root: Element;
}

interface Summary { text: string; mask: number; reportTable: boolean; titleHeading: boolean }

/** Whether an element is hidden from a reader by markup (hidden attribute, inline CSS, hiding classes). */
function isHidden(el: Element): boolean {
  const attrs = el.attrs;
  if (attrs.length === 0) return false;
  // One pass over the attributes; the first of each name counts.
  let aria: string | null = null;
  let style: string | null = null;
  let cls: string | null = null;
  for (const a of attrs) {
    const name = a.name;
    if (name === 'hidden') return true;
    if (name === 'aria-hidden') aria ??= a.value;
    else if (name === 'style') style ??= a.value;
    else if (name === 'class') cls ??= a.value;
  }
  if (aria === 'true') return true;
  if (style && HIDDEN_STYLE.test(style)) return true;
  return hiddenClass(cls);
}

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

const hiddenCache = new Map<string, boolean>();

function hiddenClass(cls: string | null): boolean {
  if (cls === null || cls === '') return false;
  let verdict = hiddenCache.get(cls);
  if (verdict === undefined) {
    verdict = cls.toLowerCase().split(/\s+/).some((c) => HIDDEN_CLASSES.has(c));
    if (hiddenCache.size < 10000) hiddenCache.set(cls, verdict);
  }
  return verdict;
}

/**
 * Whether an element is portal chrome: nav and aside; header and footer of the page (not those
 * of an article, which belong to it); chrome roles; chrome words in its class or id.
 */
function isChrome(el: Element, inArticle: boolean): boolean {
  const tag = el.tagName;
  if (el.attrs.length === 0) return tag === 'nav' || tag === 'aside' || ((tag === 'header' || tag === 'footer') && !inArticle);
  if (tag === 'nav' || tag === 'aside') return true;
  if ((tag === 'header' || tag === 'footer') && !inArticle) return true;
  // LibreOffice exports a document's page header and footer as <div title="header|footer">.
  const title = attr(el, 'title');
  if (title === 'header' || title === 'footer') return true;
  const role = attr(el, 'role');
  if (role && CHROME_ROLES.has(role.toLowerCase())) return true;
  return chromeNames(attr(el, 'class')) || chromeNames(attr(el, 'id'));
}

/** Verdicts on class and id values, which repeat on every cell of a table. */
const chromeCache = new Map<string, boolean>();

/** Whether a class or id value names chrome: a chrome word, alone or between - and _ (left-sidebar). */
function chromeNames(names: string | null): boolean {
  if (names === null || names === '') return false;
  let verdict = chromeCache.get(names);
  if (verdict === undefined) {
    verdict = names.toLowerCase().split(/\s+/)
      .some((name) => name !== '' && (CHROME_WORDS.has(name) || name.split(/[-_]+/).some((w) => CHROME_WORDS.has(w))));
    if (chromeCache.size < 10000) chromeCache.set(names, verdict);
  }
  return verdict;
}

const SPACES = /[\s\u00a0\u3000]+/g;
const squeeze = (text: string) => text.replace(SPACES, '');

/** Shortest marker: a shorter text holds none. */
const SHORTEST = Math.min(...MARKERS.map((m) => m.length));

/** Marker bits found in a text, skipping those already known. */
function markersIn(text: string, known: number): number {
  if (text.length < SHORTEST) return 0;
  let mask = 0;
  for (let i = 0; i < MARKERS.length; i++) {
    if (!(known & (1 << i)) && text.includes(MARKERS[i]!)) mask |= 1 << i;
  }
  return mask;
}

/** Pairs of adjacent characters of the markers (high code << 16 | low code): a marker runs across a join only over one. */
const MARKER_PAIRS = new Set<number>();
for (const m of MARKERS) for (let i = 1; i < m.length; i++) MARKER_PAIRS.add((m.charCodeAt(i - 1) << 16) | m.charCodeAt(i));

/**
 * Marker bits found in the joined text of some pieces whose own markers are known: those inside a
 * text piece (`textPiece`), and those running across a join, which hold the two characters either
 * side of it, so only joins between a pair of marker characters are searched, within a marker's
 * length either side. The same bits as searching the whole joined text, without scanning it again
 * at every level of the page.
 */
function markersAcross(text: string, pieces: readonly string[], textPiece: readonly boolean[], known: number): number {
  let mask = known;
  let at = 0;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (piece === '') continue;
    if (textPiece[i]) mask |= markersIn(piece, mask);
    if (at > 0 && MARKER_PAIRS.has((text.charCodeAt(at - 1) << 16) | text.charCodeAt(at))) {
      mask |= markersIn(text.slice(Math.max(0, at - LONGEST + 1), at + LONGEST - 1), mask);
    }
    at += piece.length;
  }
  return mask & ~known;
}

function bitCount(n: number): number {
  let count = 0;
  for (let x = n; x; x &= x - 1) count++;
  return count;
}

/** h1 … h6. */
const isHeading = (tag: string) => tag.length === 2 && tag.charCodeAt(0) === 104 && tag.charCodeAt(1) >= 49 && tag.charCodeAt(1) <= 54;

/** Marks hidden elements and chrome, and finds the element holding the report. */
export function analyzePage(body: Element): PageAnalysis {
  const skipped = new Set<Element>();
  const masks = new Map<Element, number>();
  const reportTables = new Set<Element>();

  const visit = (el: Element, inArticle: boolean): Summary | null => {
    if (NO_TEXT.has(el.tagName) || isHidden(el)) {
      skipped.add(el);
      return null;
    }
    const tag = el.tagName;
    const article = inArticle || tag === 'article' || tag === 'main';
    const texts: string[] = [];
    const textPiece: boolean[] = [];
    let mask = 0;
    let reportTable = false;
    let titleHeading = false;
    let ownText = false;
    for (const child of el.childNodes) {
      if (isText(child)) {
        ownText = true;
        texts.push(squeeze(child.value));
        textPiece.push(true);
      } else if (isElement(child)) {
        const s = visit(child, article);
        if (!s) continue;
        texts.push(s.text);
        textPiece.push(false);
        mask |= s.mask;
        reportTable ||= s.reportTable;
        titleHeading ||= s.titleHeading;
      }
    }
    const text = texts.length === 1 ? texts[0]! : texts.join('');
    // Markers split over several children (a label set in spans) are found in the joined text; for a
    // long text only around the joins, so the pass stays linear on big pages. A lone child's text
    // was searched already.
    if (texts.length === 1 && !ownText) {
      // nothing new
    } else if (text.length <= 4000) {
      // Every marker of the text: those of the element children are known (their masks are exact).
      mask |= markersAcross(text, texts, textPiece, mask);
    } else {
      for (let i = 1; i < texts.length; i++) {
        mask |= markersIn(texts[i - 1]!.slice(-LONGEST) + texts[i]!.slice(0, LONGEST), mask);
      }
    }
    // The innermost table holding the labels is the report table (not a layout table around it).
    if (tag === 'table' && !reportTable && bitCount(mask & TABLE_BITS) >= 3) {
      reportTable = true;
      reportTables.add(el);
    }
    if (isHeading(tag) && text.includes('年度报告')) titleHeading = true;
    // Parts of a table are not chrome by their class (a header cell of class "header"), and a cell
    // is not when it holds a table label; a sidebar cell of a layout table still is.
    const tablePart = TABLE_PARTS.has(tag) || (tag === 'td' && (mask & TABLE_BITS) !== 0);
    if (!reportTable && !titleHeading && !tablePart && isChrome(el, inArticle)) {
      skipped.add(el);
      return null;
    }
    // Link text is navigation (a sidebar listing 2020年政府信息公开工作年度报告): it marks nothing.
    if (tag === 'a') return { text: '', mask: 0, reportTable, titleHeading: false };
    // Only elements holding markers can hold the report (fewer keys: the walk's lookups stay fast).
    if (mask !== 0) masks.set(el, mask);
    return { text, mask, reportTable, titleHeading };
  };
  visit(body, false);

  // Descend while a single child holds every marker of its parent; never into a report table itself.
  let root = body;
  const full = masks.get(body) ?? 0;
  if (full !== 0) {
    for (;;) {
      const holders = root.childNodes.filter((c): c is Element => isElement(c) && masks.get(c) === full);
      if (holders.length !== 1 || reportTables.has(holders[0]!)) break;
      root = holders[0]!;
    }
  }
  return { skipped, root };
}
