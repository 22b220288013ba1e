/**
 * Reads one published report file of any kind — Word (.docx), PDF, a web page, plain text — into
 * a ParseResult: size limit, type sniffing, the reader for the type, then the shared engine
 * (readReport). Every per-file problem (too large, empty, not a report, damaged, scanned, in
 * another language) becomes a ParseResult with `report: null` and a Chinese `error`: this never
 * throws, so an audit of many files goes on past a bad one.
 */
import { failedResult, readReport } from '../core/parse/read-report.js';
import type { ParseResult } from '../core/parse/parse-types.js';
import type { SourceDocument } from '../core/parse/source-types.js';
import { sniffType } from './sniff-type.js';

/** Largest report file read (a published report, even a PDF with images, is well under this). */
export const MAX_PARSE_BYTES = 50 * 1024 * 1024;

/** Names of the source types for messages. */
export const SOURCE_TYPE_NAMES: Record<SourceDocument['type'], string> = {
  txt: '文本', html: '网页（HTML）', docx: 'Word 文档（DOCX）', pdf: 'PDF 文档',
};

const HAN = /\p{Script=Han}/u;

/** The message for a file larger than MAX_PARSE_BYTES (also used before reading a file from disk). */
export function tooLargeMessage(size: number): string {
  return `文件过大（${(size / 1024 / 1024).toFixed(1)} MB），年度报告文件不得超过 ${MAX_PARSE_BYTES / 1024 / 1024} MB`;
}

/** A ParseResult for a file that could not be read at all. */
export function fileErrorResult(fileName: string, error: string, sourceType: SourceDocument['type'] | null = null): ParseResult {
  return { ...failedResult(null, error, { fileName }), sourceType };
}

/** A reader of one file type. */
export type Reader = (bytes: Uint8Array) => SourceDocument | Promise<SourceDocument>;

/** Loads a reader once, on first use; later calls reuse it (a dynamic import costs time on every call). */
function once(load: () => Promise<Reader>): () => Promise<Reader> {
  let loaded: Promise<Reader> | null = null;
  return () => (loaded ??= load());
}

// Readers load on demand: an audit of text files need not load pdf.js or the ZIP library.
const READERS: Record<SourceDocument['type'], () => Promise<Reader>> = {
  txt: once(async () => (await import('./read-text.js')).readText),
  html: once(async () => (await import('./read-html.js')).readHtml),
  docx: once(async () => (await import('./read-docx.js')).readDocx),
  pdf: once(async () => (await import('./read-pdf.js')).readPdf),
};

/**
 * Gives the readers up front instead of loading them on first use: parse-worker.ts imports them statically,
 * because under tsx a worker thread cannot import a .ts module dynamically (tsx's loader reaches only the worker's
 * static imports).
 */
export function provideReaders(readers: Record<SourceDocument['type'], Reader>): void {
  for (const type of Object.keys(readers) as Array<SourceDocument['type']>) {
    const reader = readers[type];
    READERS[type] = async () => reader;
  }
}

/** A reader's failure as a message: its own Chinese message, else a generic one naming the type. */
function readerError(type: SourceDocument['type'], error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (HAN.test(message)) return message;
  return `无法读取${SOURCE_TYPE_NAMES[type]}：文件已损坏或格式不正确（${message.split('\n')[0]!.slice(0, 200)}）`;
}

/**
 * Reads a report file. `fileName` is used for messages and to tell an HTML page by its
 * extension; the content decides otherwise.
 */
export async function parseReportFile(bytes: Uint8Array, fileName: string): Promise<ParseResult> {
  if (bytes.length > MAX_PARSE_BYTES) return fileErrorResult(fileName, tooLargeMessage(bytes.length));
  if (bytes.length === 0) return fileErrorResult(fileName, '文件为空（0 字节），没有可读取的内容');
  const sniffed = sniffType(bytes, fileName);
  if (sniffed.type === null) return fileErrorResult(fileName, sniffed.error);
  const type = sniffed.type;
  const typeNote = `文件类型：${SOURCE_TYPE_NAMES[type]}（${sniffed.evidence}）`;
  const failed = (error: string, notes: string[] = []): ParseResult =>
    ({ ...fileErrorResult(fileName, error, type), notes: [typeNote, ...notes.filter((n) => n !== error)] });
  let reader: Reader;
  try {
    reader = await READERS[type]();
  } catch (error) {
    return failed(`内部错误：无法加载${SOURCE_TYPE_NAMES[type]}读取模块（${(error as Error).message.split('\n')[0]}）`);
  }
  let source: SourceDocument;
  try {
    source = await reader(bytes);
  } catch (error) {
    return failed(readerError(type, error));
  }
  if (source.blocks.length === 0) {
    // Nothing to read (a scanned PDF, an empty page): the reader's note says why, better than “not a report”.
    return failed(source.notes[0] ?? '文件中没有可读取的文字内容', source.notes);
  }
  try {
    const result = readReport(source, { fileName });
    result.notes.unshift(typeNote);
    return result;
  } catch (error) {
    // A bug in the engine must not stop a batch: the file is reported, the rest are read.
    const message = error instanceof Error ? error.message : String(error);
    return failed(`读取报告时发生内部错误（${message.split('\n')[0]}），该文件未能读取`, source.notes);
  }
}

export { parseResultSummary, type AuditRow } from './parse-summary.js';
