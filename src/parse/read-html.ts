/**
 * Reads a report published as a web page into a SourceDocument: the page is decoded (UTF-8 or
 * the GB charset it declares), parsed with parse5, stripped of portal chrome (html-content.ts),
 * and walked in reading order. Block elements and <br> end paragraphs; data tables become tables
 * with their row and column spans; a layout table (one that holds other tables, or whole
 * articles in its cells) is read through, so the innermost data tables come out.
 */
import { parse } from 'parse5';
import type { SourceBlock, SourceDocument } from '../core/parse/source-types.js';
import { decodeHtml } from './html-decode.js';
import { analyzePage, attr, isElement, isText, type ChildNode, type Element } from './html-content.js';
import { parseSpan, placeCells, type RawCell } from './source-grid.js';
import { cleanLine, joinLines } from './text-join.js';

/** Elements that end the line before and after them. */
const BLOCK = new Set([
  'address', 'article', 'blockquote', 'body', 'center', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'ul', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'html', 'listing', 'xmp',
]);

/** A cell longer than this holds an article, not a figure or a label: its table is layout. */
const LAYOUT_CELL_CHARS = 600;

/** Pages longer than this (in characters) are cleared of what no reader sees before they are parsed. */
const CLEAR_ABOVE = 1024 * 1024;

/**
 * Comments, the content of scripts and styles, and long data: URIs (images embedded by Word's “save as web page”),
 * in one left-to-right pass, so a comment holding "<script>" is a comment, as in the tokenizer. (A data: URI is
 * matched as a lookahead for its first 4,096 characters and then an open run: `{4096,}` overflows V8's stack on a
 * 40 MB run.)
 */
const UNSEEN = /<!--[\s\S]*?(?:-->|$)|<(script|style)\b([^>]*)>[\s\S]*?(?:<\/\1\s*>|$)|(data:[^,"'<>\s]{0,100},)(?=[A-Za-z0-9+/]{4096})[A-Za-z0-9+/=\r\n]+/gi;

/**
 * A large page without what no reader sees: parse5 builds every character of a 40 MB embedded image or script into
 * its tree one by one (about 0.1 s per MB), though nothing of it is ever read. Small pages are parsed exactly as
 * written.
 */
export function clearUnseen(text: string): string {
  if (text.length <= CLEAR_ABOVE) return text;
  return text.replace(UNSEEN, (match, tag: string | undefined, attrs: string | undefined, data: string | undefined) =>
    tag !== undefined ? `<${tag}${attrs}></${tag}>` : data !== undefined ? data : match.startsWith('<!--') ? '' : match);
}

/**
 * Most start tags read in one page. parse5's tree costs ~270 bytes a tag (a 10 MB page of table rows takes 100 MB of
 * heap before it is read); a published report, even exported from Word with a span on every run, has some ten
 * thousand. A page past this is refused at once with a message rather than read to the worker's memory limit.
 */
export const MAX_HTML_TAGS = 500_000;

/** Start tags in a page (`<` followed by a letter), counted up to `limit` + 1. */
export function countTags(text: string, limit = MAX_HTML_TAGS): number {
  let count = 0;
  for (let at = text.indexOf('<'); at >= 0 && count <= limit; at = text.indexOf('<', at + 1)) {
    const c = text.charCodeAt(at + 1) | 0x20;
    if (c >= 0x61 && c <= 0x7a) count++;
  }
  return count;
}

/** Reads an HTML page (bytes in any charset it declares, or text) into blocks in reading order. */
export function readHtml(input: Uint8Array | string): SourceDocument {
  const decoded = decodeHtml(input);
  const text = clearUnseen(decoded.text);
  if (countTags(text) > MAX_HTML_TAGS) {
    throw new Error(`网页结构过于复杂（超过 ${MAX_HTML_TAGS / 10_000} 万个标记），超出读取上限，未读取；请提供只含年度报告正文的网页，或另存为 Word、PDF 后再读取`);
  }
  // Without source locations: they cost a quarter of the parse, and cells are placed by table, row and column.
  const document = parse(text);
  const html = document.childNodes.find((n): n is Element => isElement(n) && n.tagName === 'html');
  const body = html?.childNodes.find((n): n is Element => isElement(n) && (n.tagName === 'body' || n.tagName === 'frameset'));
  const notes = [...decoded.notes];
  if (!body) return { type: 'html', blocks: [], notes };
  const { skipped, root } = analyzePage(body);
  const walker = new Walker(skipped, notes);
  walker.walk(root, false);
  walker.flush();
  return { type: 'html', blocks: walker.blocks, notes };
}

/**
 * Text and structure of one table cell: its non-empty lines, cleaned (`current`: the pieces of the
 * line being read), the length of those lines as written, and whether it holds tables or headings.
 */
interface CellContent { lines: string[]; chars: number; nested: boolean; heading: boolean; current: string[] }

class Walker {
  readonly blocks: SourceBlock[] = [];
  private line: string[] = [];
  private tables = 0;

  constructor(private readonly skipped: Set<Element>, private readonly notes: string[]) {}

  /** Walks a node in reading order; `pre` keeps the line breaks of preformatted text. */
  walk(node: ChildNode, pre: boolean): void {
    if (isText(node)) {
      this.text(node.value, pre);
      return;
    }
    if (!isElement(node) || this.skipped.has(node)) return;
    const tag = node.tagName;
    if (tag === 'br') { this.flush(); return; }
    if (tag === 'table') { this.flush(); this.table(node); return; }
    const block = BLOCK.has(tag);
    if (block) this.flush();
    const inPre = pre || tag === 'pre' || tag === 'listing' || tag === 'xmp';
    for (const child of node.childNodes) this.walk(child, inPre);
    if (block) this.flush();
  }

  /** Ends the current line: a paragraph when it holds any text. */
  flush(): void {
    const line = this.line;
    if (line.length === 0) return;
    const text = cleanLine(line.length === 1 ? line[0]! : line.join(''));
    if (text !== '') this.blocks.push({ kind: 'paragraph', text, where: {} });
    this.line = [];
  }

  private text(value: string, pre: boolean): void {
    if (!pre) { this.line.push(value); return; }
    value.split(NEWLINE).forEach((part, i) => {
      if (i > 0) this.flush();
      this.line.push(part);
    });
  }

  /** A table: a data table becomes a table block, a layout table is read through cell by cell. */
  private table(el: Element): void {
    // Rows and cells hidden by the page take no place in the grid, as in a browser.
    const rows: Element[] = [];
    const groups: number[] = [];
    const cells: Element[][] = [];
    for (const g of tableRows(el)) {
      if (this.skipped.has(g.tr)) continue;
      rows.push(g.tr);
      groups.push(g.group);
      cells.push(cellsOf(g.tr, this.skipped));
    }
    // A table is layout when a cell holds a table or a heading, or an article's worth of text.
    const contents: CellContent[][] = [];
    let layout = false;
    for (let r = 0; r < cells.length && !layout; r++) {
      const row: CellContent[] = [];
      for (const td of cells[r]!) {
        const content = this.cellContent(td);
        if (content.nested || content.heading || content.chars > LAYOUT_CELL_CHARS) { layout = true; break; }
        row.push(content);
      }
      contents.push(row);
    }
    const caption = el.childNodes.find((c): c is Element => isElement(c) && c.tagName === 'caption' && !this.skipped.has(c));
    if (caption) {
      this.walk(caption, false);
      this.flush();
    }
    if (layout) {
      for (const row of cells) {
        for (const td of row) {
          this.walk(td, false);
          this.flush();
        }
      }
      return;
    }
    let text = false;
    const raw: RawCell[][] = cells.map((row, r) => row.map((td, c) => {
      const cell: RawCell = {
        text: cellText(contents[r]![c]!.lines),
        rowSpan: parseSpan(attr(td, 'rowspan'), 'row'),
        colSpan: parseSpan(attr(td, 'colspan'), 'col'),
      };
      if (cell.text !== '') text = true;
      return cell;
    }));
    // A table with no text at all (spacer images, rules) carries nothing to read.
    if (!text) return;
    this.tables++;
    this.blocks.push({ kind: 'table', table: placeCells(raw, this.tables, this.notes, groups) });
  }

  /** The lines of a cell (<br> and block elements break them) and whether it holds tables or headings. */
  private cellContent(td: Element): CellContent {
    const content: CellContent = { lines: [], chars: 0, nested: false, heading: false, current: [] };
    for (const child of td.childNodes) this.collect(child, false, content);
    endLine(content);
    return content;
  }

  private collect(node: ChildNode, pre: boolean, content: CellContent): void {
    if (isText(node)) {
      if (!pre) { content.current.push(node.value); return; }
      node.value.split(NEWLINE).forEach((part, i) => { if (i > 0) endLine(content); content.current.push(part); });
      return;
    }
    if (!isElement(node) || this.skipped.has(node)) return;
    const tag = node.tagName;
    if (tag === 'table') { content.nested = true; return; }
    if (tag === 'br') { endLine(content); return; }
    if (tag.length === 2 && tag[0] === 'h' && tag[1]! >= '1' && tag[1]! <= '6') content.heading = true;
    const block = BLOCK.has(tag);
    if (block) endLine(content);
    for (const child of node.childNodes) this.collect(child, pre || tag === 'pre', content);
    if (block) endLine(content);
  }
}

const NEWLINE = /\r\n|\r|\n/;

/** Ends the line being read in a cell: kept, cleaned, when it holds any text. */
function endLine(content: CellContent): void {
  const current = content.current;
  if (current.length === 0) return;
  const line = current.length === 1 ? current[0]! : current.join('');
  content.current = [];
  const clean = cleanLine(line);
  if (clean === '') return;
  content.lines.push(clean);
  content.chars += line.length;
}

/** The text of a cell from its cleaned lines (cleaning is idempotent: a lone line is its text). */
function cellText(lines: string[]): string {
  return lines.length === 0 ? '' : lines.length === 1 ? lines[0]! : joinLines(lines);
}

/** A row and the row group (thead, tbody, tfoot) it belongs to. */
interface GroupedRow { tr: Element; group: number }

/** The rows of a table in display order: the first <thead>, then bodies and bare rows, then <tfoot>. */
function tableRows(table: Element): GroupedRow[] {
  const head: GroupedRow[] = [];
  const body: GroupedRow[] = [];
  const foot: GroupedRow[] = [];
  let group = 0;
  for (const child of table.childNodes) {
    if (!isElement(child)) continue;
    group++;
    if (child.tagName === 'tr') body.push({ tr: child, group });
    const tag = child.tagName;
    const target = tag === 'thead' && head.length === 0 ? head
      : tag === 'tfoot' && foot.length === 0 ? foot
      : tag === 'thead' || tag === 'tbody' || tag === 'tfoot' ? body : null;
    if (target) for (const tr of child.childNodes) if (isElement(tr) && tr.tagName === 'tr') target.push({ tr, group });
  }
  return [...head, ...body, ...foot];
}

function cellsOf(tr: Element, skipped: Set<Element>): Element[] {
  return tr.childNodes.filter((c): c is Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th') && !skipped.has(c));
}
