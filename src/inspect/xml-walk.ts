/**
 * Small helpers over xml-lite trees (src/parse/xml-lite.ts) for the inspectors: names compared by
 * local name (producers differ in prefixes), text of a subtree, children by name.
 */
import { parseXml, XmlError, type XmlElement, type XmlNode } from '../parse/xml-lite.js';
import { ZipError } from '../parse/safe-zip.js';

/** The part of a name after its prefix. */
export const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** Element children with the given local name. */
export function children(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string' && local(c.name) === name) out.push(c);
  return out;
}

/** The first element child with the given local name. */
export function child(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) if (typeof c !== 'string' && local(c.name) === name) return c;
  return undefined;
}

/** Every descendant with the given local name, in document order. */
export function descendants(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (local(c.name) === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}

/** All text in a subtree. */
export function textOf(node: XmlNode): string {
  if (typeof node === 'string') return node;
  let out = '';
  for (const c of node.children) out += textOf(c);
  return out;
}

/** An attribute by local name. */
export function attr(el: XmlElement, name: string): string | undefined {
  for (const [k, v] of Object.entries(el.attrs)) if (local(k) === name) return v;
  return undefined;
}

/** Parses a part; malformed XML is a damaged file. */
export function parsePart(xml: string, path: string, prefixes: Record<string, string> = {}): XmlElement {
  try {
    return parseXml(xml, prefixes);
  } catch (error) {
    if (error instanceof XmlError) throw new ZipError('corrupt', `部件 ${path} 不是有效的 XML（${error.message}）`);
    throw error;
  }
}
