/**
 * pdf.js set up once per process for reading many PDFs fast on one thread.
 *
 * - The legacy build (the one that runs in Node 20) bundles core-js, which replaces
 *   Array.prototype.push and JSON.parse with slower polyfills for the whole process; Node 20's
 *   own are correct for every use, so they are put back after loading.
 * - pdf.js's worker runs on this thread, as its "fake worker" does, but over one pair of ports
 *   kept for all documents and without the deep copy (structuredClone) of every message: the
 *   two sides share one heap, so only the containers pdf.js empties after sending (operator list
 *   and text chunks) are copied.
 * - Fonts are not turned into glyph outlines (which pdf.js does for every glyph when font faces
 *   are disabled): a stand-in document takes the @font-face rules pdf.js would add to a page, so
 *   nothing is drawn and text still comes from the fonts' ToUnicode maps. Each document's font
 *   loader is also told not to build those rules (a base64 copy of every embedded font, several
 *   MB for a CJK report, thrown away by the stand-in): see `skipFontFaces`.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DocumentInitParameters, PDFDocumentProxy, PDFWorker } from 'pdfjs-dist/types/src/display/api.js';
import { OP } from './pdf-ops.js';

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

const require = createRequire(import.meta.url);
const pdfjsDir = dirname(require.resolve('pdfjs-dist/package.json'));

type Listener = (event: { data: unknown }) => void;

/** One end of an in-thread message channel. */
class Port {
  other: Port | null = null;
  private readonly listeners = new Set<Listener>();
  postMessage(data: unknown): void {
    const target = this.other;
    if (!target) return;
    const copy = shallowCopy(data);
    queueMicrotask(() => { for (const listener of target.listeners) listener.call(target, { data: copy }); });
  }
  addEventListener(type: string, listener: Listener): void { if (type === 'message') this.listeners.add(listener); }
  removeEventListener(type: string, listener: Listener): void { if (type === 'message') this.listeners.delete(listener); }
  terminate(): void { this.listeners.clear(); }
}

/**
 * Copies what a sender changes after posting: the message, its data and stream chunk objects,
 * and the arrays of an operator-list chunk (pdf.js truncates them for the next chunk).
 */
function shallowCopy(data: unknown): unknown {
  if (typeof data !== 'object' || data === null) return data;
  const message = { ...(data as Record<string, unknown>) };
  const chunk = message.chunk as Record<string, unknown> | undefined;
  if (chunk && typeof chunk === 'object' && !ArrayBuffer.isView(chunk)) {
    const copy: Record<string, unknown> = { ...chunk };
    if (Array.isArray(copy.fnArray)) copy.fnArray = copy.fnArray.slice();
    if (Array.isArray(copy.argsArray)) copy.argsArray = copy.argsArray.slice();
    message.chunk = copy;
  }
  return message;
}

/** A document stand-in that accepts pdf.js's @font-face rules and ignores them. */
const fontSink = {
  createElement: () => ({ remove() {}, sheet: { cssRules: [], insertRule() {} } }),
  documentElement: { getElementsByTagName: () => [{ append() {} }] },
};

interface Engine {
  pdfjs: PdfJs;
  worker: PDFWorker;
}

let engine: Promise<Engine> | null = null;

async function start(): Promise<Engine> {
  const natives = { push: Array.prototype.push, parse: JSON.parse };
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const workerModule = await import('pdfjs-dist/legacy/build/pdf.worker.mjs') as {
    WorkerMessageHandler: { initializeFromPort(port: unknown): void };
  };
  Array.prototype.push = natives.push;
  JSON.parse = natives.parse;
  for (const [name, id] of Object.entries(OP)) {
    if ((pdfjs.OPS as Record<string, number>)[name] !== id) throw new Error(`pdf.js 操作码 ${name} 与预期不符，请检查 pdfjs-dist 版本`);
  }
  const main = new Port();
  const side = new Port();
  main.other = side;
  side.other = main;
  workerModule.WorkerMessageHandler.initializeFromPort(side);
  // PDFWorker takes any object with a Worker's message methods as its port.
  const worker = new pdfjs.PDFWorker({ port: main as unknown as null });
  await worker.promise;
  // Quiet the worker side too (“Indexing all PDF objects” and the like): problems are reported as errors.
  (worker as unknown as { messageHandler: { send(action: string, data: unknown): void } }).messageHandler.send('configure', { verbosity: pdfjs.VerbosityLevel.ERRORS });
  return { pdfjs, worker };
}

/** pdf.js and the shared worker, loaded on first use. */
export function pdfEngine(): Promise<Engine> {
  engine ??= start().catch((error: unknown) => { engine = null; throw error; });
  return engine;
}

/** The options every document is opened with (the bytes are the caller's). */
export function documentOptions(data: Uint8Array, worker: PDFWorker): DocumentInitParameters {
  return {
    data,
    worker,
    useSystemFonts: false,
    isEvalSupported: false,
    disableFontFace: false,
    ownerDocument: fontSink as unknown as DocumentInitParameters['ownerDocument'],
    // Folders pdf.js reads with `fs` in Node (they must end with a separator).
    cMapUrl: join(pdfjsDir, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(pdfjsDir, 'standard_fonts') + '/',
    verbosity: 0,
  };
}

/**
 * Opens a PDF with the shared engine, its fonts' @font-face rules skipped (skipFontFaces). pdf.js may
 * take over the buffer it is given: it gets a copy. On failure the loading task is destroyed and
 * pdf.js's error rethrown, for the caller to say what it means.
 */
export async function loadDocument(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const { pdfjs, worker } = await pdfEngine();
  const task = pdfjs.getDocument(documentOptions(new Uint8Array(bytes), worker));
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw error;
  }
  skipFontFaces(doc);
  return doc;
}

/** pdf.js's per-document font loader (WorkerTransport.fontLoader; not in its typings). */
interface FontLoader {
  bind(font: { attached?: boolean }): Promise<void>;
}

/**
 * Makes a document's fonts count as loaded without building their @font-face rules: the reader
 * needs only the font facts pdf.js keeps on the font object (matrix, writing mode), never the
 * font program in CSS. Without the internal loader (another pdf.js version) nothing changes.
 */
export function skipFontFaces(doc: PDFDocumentProxy): void {
  const loader = (doc as unknown as { _transport?: { fontLoader?: FontLoader } })._transport?.fontLoader;
  if (loader && typeof loader.bind === 'function') {
    loader.bind = async (font) => { font.attached = true; };
  }
}
