/**
 * Bytes → JSON value, with clear errors: too large, invalid UTF-8 (with the byte offset), and
 * malformed JSON (with line and column).
 */
import { TooLargeError, ValidationError } from '../errors.js';

/** Largest report file accepted (a real report's JSON is well under 1 MB). */
export const MAX_REPORT_BYTES = 10 * 1024 * 1024;

/** Decodes UTF-8 strictly; a BOM is dropped. Throws with the offset of the first bad byte. */
export function decodeUtf8(bytes: Uint8Array, what = '文件'): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    let offset = 0;
    // Find the first offending byte by decoding growing prefixes at character boundaries.
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (let i = 1; i <= bytes.length; i++) {
      try {
        decoder.decode(bytes.subarray(0, i), { stream: true });
        offset = i;
      } catch {
        break;
      }
      if (i - offset > 4) break;
    }
    throw new ValidationError(`${what}不是有效的 UTF-8 文本（第 ${offset + 1} 个字节处编码错误），请另存为 UTF-8 编码后重试`);
  }
}

/** Parses JSON text; a syntax error names the line and column. */
export function parseJson(text: string, what = '文件'): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const pos = /position (\d+)/.exec(message);
    if (pos) {
      const index = Number(pos[1]);
      const before = text.slice(0, index);
      const line = before.split('\n').length;
      const column = index - before.lastIndexOf('\n');
      throw new ValidationError(`${what}不是有效的 JSON：第 ${line} 行第 ${column} 列语法错误`, { line });
    }
    throw new ValidationError(`${what}不是有效的 JSON：${text.trim() === '' ? '内容为空' : '语法错误'}`);
  }
}

/** Size check + UTF-8 decode + JSON parse of an uploaded or read report file. */
export function decodeReportFile(bytes: Uint8Array, what = '文件'): unknown {
  if (bytes.length > MAX_REPORT_BYTES) {
    throw new TooLargeError(`${what}过大（${(bytes.length / 1024 / 1024).toFixed(1)} MB），年度报告文件不得超过 ${MAX_REPORT_BYTES / 1024 / 1024} MB`);
  }
  return parseJson(decodeUtf8(bytes, what), what);
}
