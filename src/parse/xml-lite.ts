/**
 * A small, strict XML parser for the parts of an Office file (machine-written, well-formed XML):
 * elements, attributes, text and CDATA; comments, processing instructions and the doctype are
 * skipped. Namespace prefixes are rewritten to fixed ones by namespace URI (a producer may call
 * WordprocessingML `ns0:` instead of `w:`), so readers can match names like `w:p`.
 */

/** An element: its (canonical) name, attributes and children in document order. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

/** An element or a run of text. */
export type XmlNode = XmlElement | string;

/** Raised for text that is not well-formed XML. */
export class XmlError extends Error {}

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five named entities and numeric character references. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (named) return NAMED[named]!;
    const code = dec !== undefined ? parseInt(dec, 10) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * Parses an XML document into its root element. `prefixes` maps namespace URIs to the prefix
 * element names should carry; declarations are taken as they appear (Office declares them all
 * on the root). Throws XmlError for mismatched or unclosed tags and text outside the root.
 * A hand-written scanner: a document part of a long report is a few hundred kilobytes.
 */
export function parseXml(xml: string, prefixes: Record<string, string> = {}): XmlElement {
  const rename = new Map<string, string>(); // prefix as written → canonical prefix
  const canonical = (name: string): string => {
    if (rename.size === 0) return name;
    const colon = name.indexOf(':');
    const to = colon < 0 ? undefined : rename.get(name.slice(0, colon));
    return to === undefined ? name : `${to}${name.slice(colon)}`;
  };
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  const n = xml.length;
  let i = 0;
  const until = (marker: string, from: number): number => {
    const at = xml.indexOf(marker, from);
    if (at < 0) throw new XmlError('文档意外结束');
    return at;
  };
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) { text(xml.slice(i), true); break; }
    if (lt > i) text(xml.slice(i, lt), true);
    const next = xml.charCodeAt(lt + 1);
    if (next === 47) { // </name>
      const gt = until('>', lt);
      const name = xml.slice(lt + 2, gt).trim();
      const open = stack.pop();
      if (!open || open.name !== canonical(name)) throw new XmlError(`结束标签 </${name}> 与开始标签不匹配`);
      i = gt + 1;
    } else if (next === 33) { // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE >
      if (xml.startsWith('<!--', lt)) i = until('-->', lt + 4) + 3;
      else if (xml.startsWith('<![CDATA[', lt)) { const end = until(']]>', lt + 9); text(xml.slice(lt + 9, end), false); i = end + 3; }
      else i = until('>', lt) + 1;
    } else if (next === 63) { // <? ?>
      i = until('?>', lt + 2) + 2;
    } else {
      i = openTag(lt);
    }
  }
  if (!root) throw new XmlError('没有根元素');
  if (stack.length > 0) throw new XmlError(`元素 <${stack[stack.length - 1]!.name}> 没有结束`);
  return root;

  /** Reads a start tag at `lt`; returns the index after it. */
  function openTag(lt: number): number {
    let j = lt + 1;
    let c = xml.charCodeAt(j);
    while (j < n && !isSpace(c) && c !== 62 && c !== 47) c = xml.charCodeAt(++j); // > /
    const rawName = xml.slice(lt + 1, j);
    if (rawName === '' || j >= n) throw new XmlError('标签格式错误');
    const attrs: Record<string, string> = {};
    for (;;) {
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (j >= n) throw new XmlError('文档意外结束');
      c = xml.charCodeAt(j);
      if (c === 62 || (c === 47 && xml.charCodeAt(j + 1) === 62)) break;
      const eq = xml.indexOf('=', j);
      if (eq < 0) throw new XmlError('属性格式错误');
      let nameEnd = eq;
      while (nameEnd > j && isSpace(xml.charCodeAt(nameEnd - 1))) nameEnd--;
      const name = xml.slice(j, nameEnd);
      let q = eq + 1;
      while (q < n && isSpace(xml.charCodeAt(q))) q++;
      const quote = xml.charCodeAt(q);
      if ((quote !== 34 && quote !== 39) || name === '' || name.includes('>') || name.includes('<')) throw new XmlError('属性格式错误');
      const close = until(quote === 34 ? '"' : "'", q + 1);
      const raw = xml.slice(q + 1, close);
      if (raw.includes('<')) throw new XmlError('属性格式错误');
      const value = decodeEntities(raw);
      attrs[name] = value;
      if (name.startsWith('xmlns:')) {
        const to = prefixes[value];
        // Only prefixes that differ from the canonical one are renamed (Word's own w: is not).
        if (to !== undefined && to !== name.slice(6)) rename.set(name.slice(6), to);
      }
      j = close + 1;
    }
    const selfClosing = c === 47;
    const el: XmlElement = { name: canonical(rawName), attrs, children: [] };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else if (root) throw new XmlError('文档有多个根元素');
    else root = el;
    if (!selfClosing) stack.push(el);
    return j + (selfClosing ? 2 : 1);
  }

  function text(raw: string, decode: boolean): void {
    const parent = stack[stack.length - 1];
    if (!parent) {
      if (raw.trim() !== '') throw new XmlError('根元素之外有文本');
      return;
    }
    parent.children.push(decode ? decodeEntities(raw) : raw);
  }
}

/** Child elements of an element, optionally only those with a given name. */
export function childElements(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string' && (name === undefined || c.name === name)) out.push(c);
  return out;
}

/** The first child element with a given name. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}
