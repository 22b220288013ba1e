/**
 * An item's body (sanitised HTML, src/disclosure) as the few block kinds the printed and exported forms set:
 * headings, paragraphs, list items and simple tables, each as plain text. Inline formatting is dropped on
 * purpose: a notice-board page, an LED screen and a WeChat article each set text in their own style, and a
 * body's inline colours or fonts would not survive any of them.
 */
import { parseFragment, type DefaultTreeAdapterTypes } from 'parse5';

type Node = DefaultTreeAdapterTypes.ChildNode;
type Element = DefaultTreeAdapterTypes.Element;

/** One block of a body. */
export type BodyBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list-item'; ordinal: string; text: string }
  | { kind: 'table'; rows: string[][] };

const isElement = (n: Node): n is Element => 'tagName' in n;

/** Elements whose text is never shown (the sanitiser removes them; this is a second fence). */
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'img']);

const BLOCK = new Set(['p', 'div', 'section', 'article', 'blockquote', 'pre', 'address', 'figure', 'figcaption', 'center', 'header', 'footer']);

/** Collapses white space as a browser does; keeps full-width spaces (U+3000) that Chinese text uses on purpose. */
const collapse = (text: string) => text.replace(/[ \t\r\n\f\v]+/g, ' ').trim();

/** The visible text of a node (line breaks from <br> kept as \n). */
function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value.replace(/[ \t\r\n\f\v]+/g, ' ');
  if (!isElement(node) || SKIP.has(node.tagName)) return '';
  if (node.tagName === 'br') return '\n';
  return node.childNodes.map(textOf).join('');
}

/** Text with each line collapsed, empty lines dropped. */
const cleanText = (raw: string) => raw.split('\n').map(collapse).filter(Boolean).join('\n');

/** The rows of a table: cells' text, each row as long as it is (merged cells are not spread). */
function tableRows(table: Element): string[][] {
  const rows: string[][] = [];
  const walk = (el: Element) => {
    for (const child of el.childNodes) {
      if (!isElement(child)) continue;
      if (child.tagName === 'tr') {
        rows.push(child.childNodes.filter(isElement).filter((c) => c.tagName === 'td' || c.tagName === 'th').map((c) => cleanText(textOf(c))));
      } else if (child.tagName !== 'table') walk(child);
    }
  };
  walk(table);
  return rows.filter((r) => r.length > 0);
}

/** Reads a body into blocks in reading order; text outside any block element becomes paragraphs. */
export function bodyBlocks(html: string): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  let inline = '';
  const flush = () => {
    for (const line of cleanText(inline).split('\n')) if (line) blocks.push({ kind: 'paragraph', text: line });
    inline = '';
  };
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      if (!isElement(node)) {
        inline += textOf(node);
        continue;
      }
      const tag = node.tagName;
      if (SKIP.has(tag)) continue;
      const heading = /^h([1-6])$/.exec(tag);
      if (heading) {
        flush();
        const text = cleanText(textOf(node)).replace(/\n/g, ' ');
        if (text) blocks.push({ kind: 'heading', level: Math.min(3, Number(heading[1])) as 1 | 2 | 3, text });
      } else if (tag === 'table') {
        flush();
        const rows = tableRows(node);
        if (rows.length) blocks.push({ kind: 'table', rows });
      } else if (tag === 'ul' || tag === 'ol') {
        flush();
        let n = 0;
        for (const li of node.childNodes.filter(isElement).filter((c) => c.tagName === 'li')) {
          n += 1;
          const text = cleanText(textOf(li)).replace(/\n/g, ' ');
          if (text) blocks.push({ kind: 'list-item', ordinal: tag === 'ol' ? `${n}.` : '•', text });
        }
      } else if (BLOCK.has(tag)) {
        flush();
        // A block holding other blocks (a <div> around paragraphs) is walked; a plain one is one paragraph per line.
        walk(node.childNodes);
        flush();
      } else {
        inline += textOf(node);
      }
    }
  };
  walk(parseFragment(html).childNodes);
  flush();
  return blocks;
}

/** The blocks as plain text lines (a table row's cells joined by two spaces). */
export function blocksText(blocks: readonly BodyBlock[]): string[] {
  return blocks.flatMap((b) => {
    if (b.kind === 'table') return b.rows.map((r) => r.join('  '));
    if (b.kind === 'list-item') return [`${b.ordinal === '•' ? '' : `${b.ordinal}`}${b.text}`];
    return b.text.split('\n');
  });
}
