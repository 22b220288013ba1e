/**
 * Bytes → JSON value, with clear errors: too large, invalid UTF-8 (with the byte offset), and
 * malformed JSON (with line and column).
 */
import { TooLargeError, ValidationError } from '../errors.js';

/** Largest report file accepted (a real report's JSON is well under 1 MB). */
export const MAX_REPORT_BYTES = 10 * 1024 * 1024;

/**
 * Index of the first byte that starts an invalid UTF-8 sequence, or -1 when the bytes are valid
 * (overlong forms, surrogates and truncated sequences are invalid, as TextDecoder's fatal mode says).
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    const second = bytes[i + 1]!;
    const [lo, hi] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    if (second < lo || second > hi) return i;
    for (let k = 2; k < length; k++) {
      const c = bytes[i + k]!;
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += length;
  }
  return -1;
}

/** Decodes UTF-8 strictly; a BOM is dropped. Throws with the 1-based offset of the first bad byte. */
export function decodeUtf8(bytes: Uint8Array, what = '文件'): string {
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    throw new ValidationError(`${what}不是有效的 UTF-8 文本（第 ${bad + 1} 个字节处编码错误），请另存为 UTF-8 编码后重试`);
  }
  return new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
}

/** Parses JSON text; a syntax error names the line and column. */
export function parseJson(text: string, what = '文件'): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const pos = /position (\d+)/.exec(message);
    // A truncated file ("Unexpected end of JSON input") has no position: the error is at the end.
    const atEnd = !pos && text.trim() !== '' && /end of JSON input/i.test(message);
    if (pos || atEnd) {
      const index = pos ? Number(pos[1]) : text.length;
      const before = text.slice(0, index);
      const line = before.split('\n').length;
      const column = index - before.lastIndexOf('\n');
      const why = atEnd ? '内容不完整（意外结束）' : '语法错误';
      throw new ValidationError(`${what}不是有效的 JSON：第 ${line} 行第 ${column} 列${why}`, { line });
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
