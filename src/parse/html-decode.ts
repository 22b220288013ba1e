/**
 * Decoding an HTML file to text. Chinese government portals still serve many pages in GB2312 or
 * GBK, declared in a <meta> (or not at all); the bytes decide, in the order a browser uses:
 * byte-order mark, then the declared charset, then UTF-8 if the bytes are valid UTF-8, else GB18030.
 */

/** The text of a page and what the decoder had to guess. */
export interface DecodedHtml {
  text: string;
  encoding: string;
  notes: string[];
}

/**
 * Charset labels of the GB family. GB18030 is a superset of GBK and GB2312, and pages labelled
 * GB2312 routinely hold GBK characters (as browsers know), so all of them decode as GB18030.
 */
const GB_LABELS = new Set(['gb2312', 'gbk', 'x-gbk', 'gb18030', 'gb_2312-80', 'gb_2312', 'csgb2312', 'chinese', 'iso-ir-58', 'cp936', 'windows-936', 'euc-cn']);

/** The charset a page declares in its first bytes (<meta charset>, http-equiv, or an XML declaration). */
export function declaredCharset(head: string): string | null {
  const meta = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  if (meta) return meta[1]!.toLowerCase();
  const xml = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']/i.exec(head);
  return xml ? xml[1]!.toLowerCase() : null;
}

/** Decodes the bytes of an HTML file (a string is taken as already decoded). */
export function decodeHtml(input: Uint8Array | string): DecodedHtml {
  if (typeof input === 'string') return { text: stripBom(input), encoding: 'utf-16', notes: [] };
  const bytes = input;
  const bom = bomEncoding(bytes);
  if (bom) return { text: decode(bytes, bom, false) ?? '', encoding: bom, notes: [] };

  // The declaration sits in the first kilobytes; ASCII-compatible charsets keep it readable as Latin-1.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  const declared = declaredCharset(head);
  const notes: string[] = [];

  if (declared && !/^utf-?8$/.test(declared)) {
    const encoding = GB_LABELS.has(declared) ? 'gb18030' : declared;
    const text = decode(bytes, encoding, false);
    if (text !== null) return { text, encoding, notes };
    notes.push(`网页声明的字符集“${declared}”无法识别，已按内容推断编码。`);
  }
  const utf8 = decode(bytes, 'utf-8', true);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', notes };
  notes.push(declared && /^utf-?8$/.test(declared)
    ? '网页声明为 UTF-8，但内容不是有效的 UTF-8，已按 GB18030（GBK）解码。'
    : '网页未声明字符集且内容不是 UTF-8，已按 GB18030（GBK）解码。');
  return { text: decode(bytes, 'gb18030', false) ?? '', encoding: 'gb18030', notes };
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** Decodes with a WHATWG label; null when the label is unknown or (fatal) the bytes are invalid. */
function decode(bytes: Uint8Array, label: string, fatal: boolean): string | null {
  try {
    return stripBom(new TextDecoder(label, { fatal, ignoreBOM: false }).decode(bytes));
  } catch {
    return null;
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
