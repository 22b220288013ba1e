/**
 * Opens a PDF with pdf.js (set up in pdf-engine.ts) and delivers, page by page, the text runs
 * with their positions and the ruling lines drawn on the page. Text comes from the embedded
 * fonts' ToUnicode maps, with the package's predefined CMaps for fonts that use them.
 */
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import { ValidationError } from '../core/errors.js';
import { loadDocument } from './pdf-engine.js';
import { walkOperators, type FontFacts } from './pdf-ops.js';
import type { Segment } from './pdf-rules.js';
import { textRuns, type TextRun } from './pdf-text.js';

/** One page as the reader sees it, in top-down page coordinates (points). */
export interface PdfPage {
  /** 1-based page number. */
  number: number;
  width: number;
  height: number;
  runs: TextRun[];
  /** Horizontal and vertical ruling segments (table borders). */
  rules: Segment[];
}

/** The reason pdf.js gave, in Chinese where it is a known one. */
function describeFailure(error: unknown): string {
  const name = (error as { name?: string })?.name ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'InvalidPDFException') return '文件结构无效，不是可读取的 PDF 文件';
  if (/xref|trailer|startxref/i.test(message)) return '交叉引用表缺失或损坏（文件可能不完整）';
  return `无法解析文件内容（${message}）`;
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Whether the file ends as a PDF must (“%%EOF” in its last kilobyte): else it was cut off. */
export function isComplete(bytes: Uint8Array): boolean {
  return latin1(bytes).subarray(-1024).toString('latin1').includes('%%EOF');
}

/** Throws the reader's error for a damaged (or encrypted) file. */
function damaged(error: unknown, bytes: Uint8Array): never {
  if (error instanceof ValidationError) throw error;
  if ((error as { name?: string })?.name === 'PasswordException') {
    throw new ValidationError('PDF 文件已加密，需要密码才能打开，无法读取');
  }
  if (!latin1(bytes).subarray(0, 1024).toString('latin1').includes('%PDF-')) {
    throw new ValidationError('PDF 文件已损坏：文件开头没有 PDF 标记（%PDF-），不是有效的 PDF 文件');
  }
  if (!isComplete(bytes)) {
    throw new ValidationError('PDF 文件已损坏：文件不完整（缺少文件结尾标记 %%EOF，可能未下载或复制完整）');
  }
  throw new ValidationError(`PDF 文件已损坏：${describeFailure(error)}`);
}

/** Opens a PDF; a file pdf.js cannot open, or one without pages, is a damaged file. */
async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  if (bytes.length === 0) throw new ValidationError('PDF 文件已损坏：文件内容为空');
  let doc: PDFDocumentProxy;
  try {
    doc = await loadDocument(bytes);
  } catch (error) {
    damaged(error, bytes);
  }
  if (doc.numPages < 1) {
    await doc.destroy();
    throw new ValidationError('PDF 文件已损坏：文件中没有页面');
  }
  return doc;
}

/** The positioning facts of a font pdf.js has loaded for the page (cached per document). */
function fontLookup(page: PDFPageProxy, cache: Map<string, FontFacts>): (name: string) => FontFacts {
  return (name) => {
    let facts = cache.get(name);
    if (!facts) {
      const objs = page.commonObjs;
      const font = objs.has(name) ? objs.get(name) as { fontMatrix?: number[]; vertical?: boolean } : null;
      facts = { fontMatrix: font?.fontMatrix, vertical: font?.vertical };
      if (font) cache.set(name, facts);
    }
    return facts;
  };
}

/**
 * Reads one page. `probe`: look at the text layer first and build the operator list only when
 * there is text — after a page without text (a scan), so image decoding is not paid for pages
 * that cannot yield anything.
 */
async function readPage(doc: PDFDocumentProxy, number: number, probe: boolean, fonts: Map<string, FontFacts>): Promise<PdfPage> {
  const page = await doc.getPage(number);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const base = { number, width: viewport.width, height: viewport.height };
    if (probe) {
      const content = await page.getTextContent();
      if (textRuns(content.items, viewport.transform, number).length === 0) return { ...base, runs: [], rules: [] };
    }
    const list = await page.getOperatorList();
    const { runs, rules } = walkOperators(list.fnArray, list.argsArray, viewport.transform, fontLookup(page, fonts), number);
    return { ...base, runs, rules };
  } finally {
    page.cleanup();
  }
}

/** Pages read at once: their work interleaves with pdf.js's asynchronous decompression. */
const CONCURRENT_PAGES = 4;

/**
 * Reads every page of a PDF, then releases pdf.js's resources for it. Throws a ValidationError
 * “PDF 文件已损坏：…” (or “PDF 文件已加密…”) when the file cannot be read. Once a page without
 * text (a scan) has been met, the pages after it are probed for text before their operator lists
 * are built.
 */
export async function readPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const doc = await openPdf(bytes);
  try {
    const fonts = new Map<string, FontFacts>();
    const pages: PdfPage[] = [];
    let probe = false;
    for (let n = 1; n <= doc.numPages; n += CONCURRENT_PAGES) {
      const batch = Array.from({ length: Math.min(CONCURRENT_PAGES, doc.numPages - n + 1) }, (_, i) => readPage(doc, n + i, probe, fonts));
      const read = await Promise.all(batch);
      pages.push(...read);
      probe ||= read.some((page) => page.runs.length === 0);
    }
    return pages;
  } catch (error) {
    damaged(error, bytes);
  } finally {
    await doc.destroy();
  }
}
