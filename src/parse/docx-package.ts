/**
 * Opening a .docx package: the ZIP, the main document part it names (word/document.xml), and
 * the numbering and styles parts that automatic list numbers need. Every failure is an Error
 * with a Chinese message naming what is wrong, which the caller turns into a per-file error.
 *
 * The ZIP is read with safe-zip.ts, not a general ZIP library: only the parts read are inflated, each under a hard
 * output cap (its declared size, at most MAX_PART_BYTES), so a published "report" whose part lies about its size
 * (a zip bomb) is refused with a message instead of exhausting the reader's memory.
 */
import { SafeZip, ZipError } from './safe-zip.js';
import { XmlError, parseXml, type XmlElement } from './xml-lite.js';

/** The parts of a Word document the reader uses, parsed. */
export interface DocxParts {
  document: XmlElement;
  numbering: XmlElement | null;
  styles: XmlElement | null;
}

/** Canonical prefixes by namespace URI (transitional and strict OOXML). */
export const DOCX_PREFIXES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/officeDocument/2006/math': 'm',
  'http://purl.oclc.org/ooxml/officeDocument/math': 'm',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingShape': 'wps',
  'urn:schemas-microsoft-com:vml': 'v',
};

const CORRUPT = 'DOCX 文件已损坏或不是 Word 文档：';

/** Largest decompressed part read (a larger one is a ZIP bomb, not a report). */
const MAX_PART_BYTES = 64 * 1024 * 1024;

/**
 * What the package may declare: images and embedded files count, though only XML parts are read, so the total is
 * generous; what is actually inflated stays within MAX_PART_BYTES per part read.
 */
const PACKAGE_LIMITS = { maxUnzippedBytes: 1024 * 1024 * 1024, maxZipEntries: 10_000 };

/** Opens the package and parses its document, numbering and styles parts. */
export async function openDocx(bytes: Uint8Array): Promise<DocxParts> {
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new Error(`${CORRUPT}这是旧版 Word（.doc）文件或受密码保护的文档，请在 Word 中另存为不加密的 .docx 后再读取。`);
  }
  let zip: SafeZip;
  try {
    zip = SafeZip.open(bytes, PACKAGE_LIMITS);
  } catch (error) {
    throw zipFailure(error, '');
  }
  const rels = await readPart(zip, '_rels/.rels');
  const main = (rels && target(rels, 'officeDocument', '')) ?? 'word/document.xml';
  const documentXml = await readPart(zip, main);
  if (documentXml === null) throw new Error(`${CORRUPT}压缩包中没有正文部件 ${main}。`);
  const document = parse(documentXml, main);
  if (document.name !== 'w:document') throw new Error(`${CORRUPT}${main} 不是 Word 正文（根元素为 ${document.name}）。`);

  // Numbering and styles only complete list numbers: a broken one is skipped, not fatal.
  const base = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
  const documentRels = await readPart(zip, `${base}_rels/${main.slice(base.length)}.rels`);
  const optional = async (type: string, fallback: string): Promise<XmlElement | null> => {
    const path = (documentRels && target(documentRels, type, base)) ?? `${base}${fallback}`;
    try {
      const xml = await readPart(zip, path);
      return xml === null ? null : parseXml(xml, DOCX_PREFIXES);
    } catch {
      return null;
    }
  };
  return { document, numbering: await optional('numbering', 'numbering.xml'), styles: await optional('styles', 'styles.xml') };
}

function parse(xml: string, path: string): XmlElement {
  try {
    return parseXml(xml, DOCX_PREFIXES);
  } catch (error) {
    if (error instanceof XmlError) throw new Error(`${CORRUPT}${path} 不是有效的 XML（${error.message}）。`);
    throw error;
  }
}

/** A part's text, or null when the package has no such part (names compared without case, as Word does). */
async function readPart(zip: SafeZip, path: string): Promise<string | null> {
  const size = zip.size(path);
  if (size === null) return null;
  if (size > MAX_PART_BYTES) {
    throw new Error(`${CORRUPT}${path} 解压后超过 ${MAX_PART_BYTES / 1024 / 1024} MB，不是正常的年度报告。`);
  }
  try {
    // read() inflates no further than the declared size: a part that lies about it is refused.
    return zip.text(path);
  } catch (error) {
    throw zipFailure(error, path);
  }
}

/** The per-file error of a package that cannot be opened or a part that cannot be inflated. */
function zipFailure(error: unknown, path: string): Error {
  if (error instanceof ZipError && error.problem === 'zip-bomb') {
    return new Error(`DOCX 文件被拒绝，未读取：${error.message}。这不是正常的年度报告，请核实文件来源。`);
  }
  if (error instanceof ZipError && error.problem === 'encrypted') {
    return new Error(`${CORRUPT}文件已加密，请在 Word 中取消密码后另存为 .docx 再读取。`);
  }
  const what = path ? `无法解压 ${path}` : '无法作为 ZIP 压缩包打开';
  return new Error(`${CORRUPT}${what}（${reason(error)}）。`);
}

/** The target of the first relationship of a type (…/officeDocument, …/numbering), as a package path. */
function target(relsXml: string, type: string, base: string): string | null {
  let rels: XmlElement;
  try {
    rels = parseXml(relsXml);
  } catch {
    return null;
  }
  for (const rel of rels.children) {
    if (typeof rel === 'string' || !rel.name.endsWith('Relationship')) continue;
    if (!(rel.attrs['Type'] ?? '').endsWith(`/${type}`) || rel.attrs['TargetMode'] === 'External') continue;
    const to = rel.attrs['Target'];
    if (!to) continue;
    return to.startsWith('/') ? to.slice(1) : normalize(base + to);
  }
  return null;
}

/** Resolves ./ and ../ in a package path. */
function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
