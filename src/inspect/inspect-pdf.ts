/**
 * A PDF attachment: refused when it can run anything, else its text page by page with what a reader
 * can copy but not see (pdf-layers.ts: invisible text, text under images), all scanned for personal
 * data, and the files attached to it (EmbeddedFiles) reported.
 *
 * Refused (PdfRefusal): a PDF with JavaScript or a launch action — the names /JS, /JavaScript or
 * /Launch anywhere in the file's objects, including inside compressed object streams (/ObjStm,
 * inflated here under a cap) and with #xx escapes in names; and, through pdf.js, document-level
 * script actions (getJSActions). A PDF that needs a password to open is refused as
 * encrypted; one pdf.js cannot read as damaged.
 */
import { constants, inflateSync } from 'node:zlib';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import { loadDocument, pdfEngine } from '../parse/pdf-engine.js';
import { groupLines, type TextRun } from '../parse/pdf-text.js';
import { hiddenFinding, piiFindings, type Finding } from './finding.js';
import { LAYER_OPS, pageLayers, type FontFacts } from './pdf-layers.js';

/** Why a PDF is refused. */
export class PdfRefusal extends Error {
  constructor(readonly problem: 'pdf-script' | 'encrypted' | 'corrupt', message: string) {
    super(message);
  }
}

/** Names of actions that run something. */
const ACTIVE = /\/(JavaScript|JS|Launch)(?![A-Za-z0-9])/;
/** The data of a stream, between its keywords (not from an “endstream” to the next stream's end). */
const STREAM_DATA = /(?<!end)stream\r?\n[\s\S]*?endstream/g;
/** Most inflated from one object stream. */
const MAX_OBJECT_STREAM = 64 * 1024 * 1024;

/** Decodes #xx escapes in PDF names (/J#61vaScript is /JavaScript). */
function unescapeNames(text: string): string {
  if (!/\/[^\s/]*#[0-9A-Fa-f]{2}/.test(text)) return text;
  return text.replace(/\/[^\s/<>[\]()%{}]+/g, (name) => name.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
}

/** The active-content name found in the file's bytes or its object streams, or null. */
export function findActiveContent(bytes: Uint8Array): string | null {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  // Only the objects' dictionaries are searched: stream data (fonts, images, compressed content) is
  // binary, where three bytes “/JS” turn up by chance in a large file.
  const direct = ACTIVE.exec(unescapeNames(raw.replace(STREAM_DATA, 'stream endstream')));
  if (direct) return direct[1]!;
  // Objects packed into compressed object streams (PDF 1.5) are not in the raw bytes.
  const objStm = /\/Type\s*\/ObjStm/g;
  for (let m = objStm.exec(raw); m; m = objStm.exec(raw)) {
    const dictStart = raw.lastIndexOf('<<', m.index);
    const streamAt = raw.indexOf('stream', m.index);
    if (dictStart < 0 || streamAt < 0) continue;
    const dict = raw.slice(dictStart, streamAt);
    let start = streamAt + 6;
    if (raw[start] === '\r') start++;
    if (raw[start] === '\n') start++;
    const end = raw.indexOf('endstream', start);
    if (end < 0) continue;
    let text: string;
    if (!/\/Filter/.test(dict)) {
      text = raw.slice(start, end);
    } else {
      if (!/\/FlateDecode/.test(dict) || /\/DecodeParms/.test(dict)) continue;
      try {
        text = inflateSync(bytes.subarray(start, end), { maxOutputLength: MAX_OBJECT_STREAM, finishFlush: constants.Z_SYNC_FLUSH }).toString('latin1');
      } catch {
        continue; // a stream we cannot inflate: pdf.js's checks below still apply
      }
    }
    const hidden = ACTIVE.exec(unescapeNames(text));
    if (hidden) return hidden[1]!;
  }
  return null;
}

const ACTIVE_NAMES: Record<string, string> = { JavaScript: 'JavaScript 脚本', JS: 'JavaScript 脚本', Launch: '启动外部程序的动作（/Launch）' };

/** Font facts of a page's loaded font (cached per document). */
function fontLookup(page: PDFPageProxy, cache: Map<string, FontFacts>): (name: string) => FontFacts {
  return (name) => {
    let facts = cache.get(name);
    if (!facts) {
      const font = page.commonObjs.has(name) ? page.commonObjs.get(name) as FontFacts : null;
      facts = { fontMatrix: font?.fontMatrix, vertical: font?.vertical };
      if (font) cache.set(name, facts);
    }
    return facts;
  };
}

/** Lines of runs as text, one line per baseline (a table row stays on one line). */
const linesText = (runs: TextRun[]) => groupLines(runs).map((l) => l.text).join('\n');

/** Pages worked on at once (their work interleaves with pdf.js's decompression). */
const CONCURRENT_PAGES = 16;

let opsChecked = false;

/** Inspects a PDF; `where` is the attachment as named in places. Throws PdfRefusal. */
export async function inspectPdf(bytes: Uint8Array, where: string): Promise<{ text: string; findings: Finding[]; note?: string }> {
  const active = findActiveContent(bytes);
  if (active) throw new PdfRefusal('pdf-script', `含有${ACTIVE_NAMES[active]}`);
  const { pdfjs } = await pdfEngine();
  if (!opsChecked) {
    for (const [name, id] of Object.entries(LAYER_OPS)) {
      if ((pdfjs.OPS as Record<string, number>)[name] !== id) throw new Error(`pdf.js 操作码 ${name} 与预期不符，请检查 pdfjs-dist 版本`);
    }
    opsChecked = true;
  }
  let doc: PDFDocumentProxy;
  try {
    doc = await loadDocument(bytes);
  } catch (error) {
    if ((error as { name?: string })?.name === 'PasswordException') throw new PdfRefusal('encrypted', '已加密，需要密码才能打开');
    throw new PdfRefusal('corrupt', '已损坏，无法读取（文件结构无效或不完整）');
  }
  try {
    const jsActions = await doc.getJSActions().catch(() => null);
    if (jsActions && Object.keys(jsActions).length > 0) {
      throw new PdfRefusal('pdf-script', '含有 JavaScript 脚本');
    }
    const fonts = new Map<string, FontFacts>();
    const findings: Finding[] = [];
    // Files attached to the PDF (the EmbeddedFiles name tree) travel with it unseen.
    const attachments = await doc.getAttachments().catch(() => null) as Record<string, { filename?: string; rawFilename?: string }> | null;
    for (const [key, file] of Object.entries(attachments ?? {})) {
      const name = file.filename || file.rawFilename || key;
      findings.push(hiddenFinding('embedded-object', `${where}嵌入文件“${name}”`, '附加在 PDF 中的文件，其内容未自动检查，请打开原文件查看或删除该附件'));
    }
    const texts: string[] = [];
    let textless = 0;
    for (let n = 1; n <= doc.numPages; n += CONCURRENT_PAGES) {
      const numbers = Array.from({ length: Math.min(CONCURRENT_PAGES, doc.numPages - n + 1) }, (_, i) => n + i);
      const pages = await Promise.all(numbers.map(async (number) => {
        const page = await doc.getPage(number);
        try {
          const viewport = page.getViewport({ scale: 1 });
          const list = await page.getOperatorList();
          return { number, layers: pageLayers(list.fnArray, list.argsArray, viewport.transform, fontLookup(page, fonts), number) };
        } finally {
          page.cleanup();
        }
      }));
      for (const { number, layers } of pages) {
        const place = `${where}第 ${number} 页`;
        const visible = linesText(layers.visible);
        if (!visible.trim()) textless++;
        texts.push(visible);
        findings.push(...piiFindings(visible, place));
        if (layers.underImage.length > 0) {
          const hidden = linesText(layers.underImage);
          findings.push(hiddenFinding('text-under-image', `${place}（图片下的文字）`, hidden), ...piiFindings(hidden, `${place}（图片下的文字）`));
        }
        if (layers.invisible.length > 0) {
          const hidden = linesText(layers.invisible);
          findings.push(hiddenFinding('invisible-text', `${place}（不可见文字）`, hidden), ...piiFindings(hidden, `${place}（不可见文字）`));
        }
      }
    }
    const note = textless === doc.numPages ? '该 PDF 没有可见的文字层（可能是扫描件），图片中的内容无法自动检查，请人工查看' : undefined;
    return note ? { text: texts.join('\n'), findings, note } : { text: texts.join('\n'), findings };
  } catch (error) {
    if (error instanceof PdfRefusal) throw error;
    throw new PdfRefusal('corrupt', '已损坏，无法读取页面内容');
  } finally {
    await doc.destroy();
  }
}
