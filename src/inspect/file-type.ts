/**
 * What an attachment is, from its BYTES (magic numbers and, for ZIP packages, the parts inside),
 * never from its name; then whether the name's extension agrees. Allowed (issue 9, Deliver 2): PDF,
 * Word (.docx), Excel (.xlsx), WPS 文字/表格 (.wps/.et, OLE2 compound files), OFD, PNG, JPEG, GIF,
 * WebP. Executables (PE "MZ", ELF, Mach-O, Java class, #! scripts) are refused whatever their name.
 */
import type { SafeZip } from '../parse/safe-zip.js';

/** The attachment types accepted. */
export type AttachmentType = 'pdf' | 'docx' | 'xlsx' | 'wps' | 'et' | 'ofd' | 'png' | 'jpeg' | 'gif' | 'webp';

/** Chinese names of the types (messages and the UI). */
export const ATTACHMENT_TYPE_NAMES: Readonly<Record<AttachmentType, string>> = {
  pdf: 'PDF 文件',
  docx: 'Word 文档（.docx）',
  xlsx: 'Excel 工作簿（.xlsx）',
  wps: 'WPS 文字文档（.wps）',
  et: 'WPS 表格（.et）',
  ofd: 'OFD 版式文件',
  png: 'PNG 图片',
  jpeg: 'JPEG 图片',
  gif: 'GIF 图片',
  webp: 'WebP 图片',
};

/** Media types to store and serve each type with. */
export const ATTACHMENT_MEDIA_TYPES: Readonly<Record<AttachmentType, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  wps: 'application/vnd.ms-works',
  et: 'application/vnd.ms-excel',
  ofd: 'application/ofd',
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
};

/** The extensions each type may carry. */
export const ATTACHMENT_EXTENSIONS: Readonly<Record<AttachmentType, readonly string[]>> = {
  pdf: ['pdf'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  wps: ['wps'],
  et: ['et'],
  ofd: ['ofd'],
  png: ['png'],
  jpeg: ['jpg', 'jpeg'],
  gif: ['gif'],
  webp: ['webp'],
};

/** What the bytes are: an accepted type, or something else described in Chinese. */
export type Sniff =
  | { kind: 'allowed'; type: AttachmentType }
  | { kind: 'executable'; what: string }
  | { kind: 'ole2'; encryptedOffice: boolean }
  | { kind: 'zip' }
  | { kind: 'other'; what: string };

const startsWith = (b: Uint8Array, magic: readonly number[], at = 0) =>
  b.length >= at + magic.length && magic.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Executables by magic number. */
const EXECUTABLES: Array<{ magic: number[]; what: string }> = [
  { magic: ascii('MZ'), what: '可执行程序' },
  { magic: [0x7f, 0x45, 0x4c, 0x46], what: '可执行程序（ELF）' },
  { magic: [0xfe, 0xed, 0xfa, 0xce], what: '可执行程序（Mach-O）' },
  { magic: [0xfe, 0xed, 0xfa, 0xcf], what: '可执行程序（Mach-O）' },
  { magic: [0xce, 0xfa, 0xed, 0xfe], what: '可执行程序（Mach-O）' },
  { magic: [0xcf, 0xfa, 0xed, 0xfe], what: '可执行程序（Mach-O）' },
  { magic: [0xca, 0xfe, 0xba, 0xbe], what: '可执行程序（Mach-O 或 Java）' },
  { magic: ascii('#!'), what: '脚本程序' },
  { magic: [0xef, 0xbb, 0xbf, 0x23, 0x21], what: '脚本程序' },
];

/** Other files worth naming in a refusal. */
const OTHERS: Array<{ magic: number[]; what: string }> = [
  { magic: ascii('Rar!'), what: 'RAR 压缩包' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf], what: '7z 压缩包' },
  { magic: [0x1f, 0x8b], what: 'gzip 压缩文件' },
  { magic: ascii('{\\rtf'), what: 'RTF 文档' },
  { magic: [0x49, 0x49, 0x2a, 0x00], what: 'TIFF 图片' },
  { magic: [0x4d, 0x4d, 0x00, 0x2a], what: 'TIFF 图片' },
  { magic: ascii('BM'), what: 'BMP 图片' },
];

/** "EncryptedPackage" in UTF-16LE: the stream an encrypted .docx/.xlsx keeps inside an OLE2 file. */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/** Sniffs the bytes (ZIP packages are told apart by sniffZip once opened). */
export function sniffBytes(b: Uint8Array): Sniff {
  const exe = EXECUTABLES.find((e) => startsWith(b, e.magic));
  if (exe) return { kind: 'executable', what: exe.what };
  if (startsWith(b, ascii('%PDF-')) || Buffer.from(b.buffer, b.byteOffset, Math.min(1024, b.length)).includes('%PDF-')) {
    return { kind: 'allowed', type: 'pdf' };
  }
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) return { kind: 'zip' };
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return { kind: 'ole2', encryptedOffice: Buffer.from(b.buffer, b.byteOffset, b.byteLength).includes(ENCRYPTED_PACKAGE) };
  }
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'allowed', type: 'png' };
  if (startsWith(b, [0xff, 0xd8, 0xff])) return { kind: 'allowed', type: 'jpeg' };
  if (startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a'))) return { kind: 'allowed', type: 'gif' };
  if (startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8)) return { kind: 'allowed', type: 'webp' };
  const other = OTHERS.find((o) => startsWith(b, o.magic));
  if (other) return { kind: 'other', what: other.what };
  return { kind: 'other', what: looksLikeText(b) ? '文本文件' : '无法识别的二进制文件' };
}

/** What an opened ZIP package is, from its parts. */
export function sniffZip(zip: SafeZip): { type: 'docx' | 'xlsx' | 'ofd' } | { type: null; what: string } {
  const contentTypes = zip.has('[Content_Types].xml') ? zip.text('[Content_Types].xml') ?? '' : '';
  if (contentTypes.includes('wordprocessingml.document.main') || (contentTypes && zip.has('word/document.xml'))) return { type: 'docx' };
  if (contentTypes.includes('spreadsheetml.sheet.main') || (contentTypes && zip.has('xl/workbook.xml'))) return { type: 'xlsx' };
  if (zip.has('OFD.xml')) return { type: 'ofd' };
  if (contentTypes.includes('presentationml')) return { type: null, what: 'PowerPoint 演示文稿' };
  return { type: null, what: 'ZIP 压缩包' };
}

/** A text file: no NUL or other control bytes in its first kilobytes. */
function looksLikeText(b: Uint8Array): boolean {
  const n = Math.min(b.length, 8192);
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c === 0 || (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27)) return false;
  }
  return true;
}

/** The lower-case extension of a file name ('' without one). */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** The type an extension claims, if any. */
export function typeOfExtension(ext: string): AttachmentType | null {
  for (const [type, exts] of Object.entries(ATTACHMENT_EXTENSIONS)) if (exts.includes(ext)) return type as AttachmentType;
  return null;
}

/** A short name of a claimed type for “的内容不是 X 文件”. */
export function claimedName(type: AttachmentType): string {
  return ({ pdf: 'PDF 文件', docx: 'Word 文档', xlsx: 'Excel 工作簿', wps: 'WPS 文字文档', et: 'WPS 表格', ofd: 'OFD 文件', png: 'PNG 图片', jpeg: 'JPEG 图片', gif: 'GIF 图片', webp: 'WebP 图片' } as const)[type];
}
