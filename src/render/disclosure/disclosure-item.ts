/**
 * The input of the channel exports (WeChat, LED, notice board): one published or approved version of an
 * item as plain data, built by src/disclosure from the item row and its attachments.
 */

/** An attachment of an item; `content` is given only where the renderer needs the bytes (the WeChat cover). */
export interface ExportAttachment {
  /** SHA-256 hex of the bytes. */
  hash: string;
  fileName: string;
  /** Detected file type (pdf, docx, png, jpeg, gif …). */
  fileType: string;
  size: number;
  content?: Uint8Array;
}

/** One version of an item, as the exports need it. */
export interface ExportItem {
  title: string;
  /** 索引号, or null before first publication. */
  indexNo: string | null;
  /** 发布机构. */
  issuer: string;
  /** 文号, or null. */
  docNo: string | null;
  /** 成文日期 (YYYY-MM-DD). */
  writtenOn: string;
  /** 发布日期 (YYYY-MM-DD), or null before first publication. */
  publishedOn: string | null;
  /** 内容概述. */
  summary: string;
  /** Sanitised HTML. */
  bodyHtml: string;
  attachments: ExportAttachment[];
}

/** Image file types a WeChat cover can be. */
export const IMAGE_TYPES: Readonly<Record<string, string>> = { png: 'image/png', jpeg: 'image/jpeg', jpg: 'image/jpeg', gif: 'image/gif' };

/** A date as printed on forms: 2026年3月5日 (blank when null). */
export function chineseDate(date: string | null | undefined): string {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : '';
}

/** A size in bytes as people read it (12.3 KB, 1.2 MB). */
export function fileSizeText(size: number): string {
  if (size < 1024) return `${size} 字节`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}
