/**
 * Inspecting an attachment before it is stored (issue 9, Deliver 2 and 4): its type from its bytes,
 * the extension checked against them, size and unpack limits, active content refused; then its text
 * and findings (personal data and hidden content, see finding.ts) for the secrecy reviewer.
 *
 * Never throws for a bad file: the result says ok: false with a code and a Chinese message naming
 * the file. Parsing is CPU work: the HTTP layer calls inspectInWorker (inspect-pool.ts), not this.
 */
import { attachmentPlace, baseName, type Finding } from './finding.js';
import {
  ATTACHMENT_EXTENSIONS, ATTACHMENT_MEDIA_TYPES, ATTACHMENT_TYPE_NAMES, claimedName, extensionOf, sniffBytes, sniffZip,
  typeOfExtension, type AttachmentType,
} from './file-type.js';
import { inspectDocx } from './inspect-docx.js';
import { inspectOfd } from './inspect-ofd.js';
import { PdfRefusal, inspectPdf } from './inspect-pdf.js';
import { inspectXlsx } from './inspect-xlsx.js';
import { SafeZip, ZipError, mib } from '../parse/safe-zip.js';

/** Limits on one attachment. */
export interface InspectionLimits {
  /** Largest file accepted (default 50 MiB). */
  maxBytes: number;
  /** Most bytes a DOCX/XLSX/OFD package may unpack to (default 200 MiB). */
  maxUnzippedBytes: number;
  /** Most parts in such a package (default 10,000). */
  maxZipEntries: number;
}

/** The defaults: 50 MiB per file, 200 MiB unpacked, 10,000 parts. */
export const DEFAULT_LIMITS: Readonly<InspectionLimits> = { maxBytes: 50 * 2 ** 20, maxUnzippedBytes: 200 * 2 ** 20, maxZipEntries: 10_000 };

/** Why an attachment is refused. */
export type RefusalCode =
  | 'empty' | 'too-large' | 'executable' | 'type-mismatch' | 'type-not-allowed' | 'zip-bomb' | 'pdf-script' | 'encrypted' | 'corrupt'
  /** Only from the worker pool: the inspection ran out of time or memory. */
  | 'too-complex';

/** The outcome of an inspection. */
export type AttachmentInspection =
  | {
    ok: true;
    fileType: AttachmentType;
    /** The media type to store and serve it with. */
    mediaType: string;
    /** The visible text (empty for images and unreadable WPS files). */
    text: string;
    findings: Finding[];
    /** Something the reviewer should know (a scan without a text layer, a WPS file not readable). */
    note?: string;
  }
  | { ok: false; code: RefusalCode; message: string };

const ALLOWED_LIST = 'PDF、Word（.docx）、Excel（.xlsx）、WPS（.wps、.et）、OFD、PNG、JPEG、GIF、WebP';

/** Inspects an attachment's bytes. `fileName` is the name it was uploaded with (only its extension and base name are used). */
export async function inspectAttachment(bytes: Uint8Array, fileName: string, limits: Partial<InspectionLimits> = {}): Promise<AttachmentInspection> {
  const limit = { ...DEFAULT_LIMITS, ...limits };
  const name = baseName(fileName);
  const where = attachmentPlace(name);
  const refuse = (code: RefusalCode, message: string): AttachmentInspection => ({ ok: false, code, message });
  if (bytes.length === 0) return refuse('empty', `${where}是空文件，不能上传`);
  if (bytes.length > limit.maxBytes) return refuse('too-large', `${where}大小为 ${mib(bytes.length)}，超过上限 ${mib(limit.maxBytes)}，不能上传`);

  const ext = extensionOf(name);
  const claimed = typeOfExtension(ext);
  const sniff = sniffBytes(bytes);
  const mismatch = (actual: string): AttachmentInspection => claimed
    ? refuse('type-mismatch', `${where}的内容不是 ${claimedName(claimed)}（实为${actual}），不能上传`)
    : refuse('type-not-allowed', `${where}是${actual}，不是允许上传的附件类型（允许 ${ALLOWED_LIST}）`);

  if (sniff.kind === 'executable') {
    return claimed ? mismatch(sniff.what) : refuse('executable', `${where}是${sniff.what}，不能上传`);
  }
  if (sniff.kind === 'other') return mismatch(sniff.what);
  if (sniff.kind === 'ole2') {
    if (sniff.encryptedOffice) return refuse('encrypted', `${where}已加密（受密码保护），无法检查其内容，请取消密码后再上传`);
    // WPS 文字/表格 save as OLE2 compound files; their text is not readable here.
    if (claimed === 'wps' || claimed === 'et') {
      return accepted(claimed, '', [], `${where}是 WPS 二进制文件，无法自动检查其中的个人信息和隐藏内容，请人工查看；建议另存为 .docx 或 PDF 后上传`);
    }
    return mismatch('旧版 Office 二进制文件（如 .doc、.xls），请另存为 .docx、.xlsx 或 PDF 后上传');
  }

  try {
    if (sniff.kind === 'zip') {
      const zip = SafeZip.open(bytes, { maxUnzippedBytes: limit.maxUnzippedBytes, maxZipEntries: limit.maxZipEntries });
      const inside = sniffZip(zip);
      if (inside.type === null) return mismatch(inside.what);
      if (claimed !== inside.type) return claimed ? mismatch(ATTACHMENT_TYPE_NAMES[inside.type]) : refuse('type-not-allowed', `${where}的扩展名“.${ext}”与内容（${ATTACHMENT_TYPE_NAMES[inside.type]}）不符，请使用扩展名 .${ATTACHMENT_EXTENSIONS[inside.type][0]}`);
      const read = inside.type === 'docx' ? inspectDocx(zip, where) : inside.type === 'xlsx' ? inspectXlsx(zip, where) : inspectOfd(zip, where);
      return accepted(inside.type, read.text, read.findings);
    }
    const type = sniff.type;
    if (claimed !== type) return claimed ? mismatch(ATTACHMENT_TYPE_NAMES[type]) : refuse('type-not-allowed', `${where}的扩展名“${ext ? `.${ext}` : '（无）'}”与内容（${ATTACHMENT_TYPE_NAMES[type]}）不符，请使用扩展名 .${ATTACHMENT_EXTENSIONS[type][0]}`);
    if (type === 'pdf') {
      const read = await inspectPdf(bytes, where);
      return accepted('pdf', read.text, read.findings, read.note);
    }
    return accepted(type, '', [], `${where}是图片，图片中的文字无法自动检查，请人工查看`);
  } catch (error) {
    if (error instanceof ZipError) {
      if (error.problem === 'zip-bomb') return refuse('zip-bomb', `${where}不能上传：${error.message}`);
      if (error.problem === 'encrypted') return refuse('encrypted', `${where}已加密，无法检查其内容，请取消密码后再上传`);
      return refuse('corrupt', `${where}已损坏，无法读取：${error.message}`);
    }
    if (error instanceof PdfRefusal) {
      if (error.problem === 'pdf-script') return refuse('pdf-script', `${where}${error.message}，可能在打开时自动运行，不能上传；请去除脚本或重新导出为 PDF 后再上传`);
      if (error.problem === 'encrypted') return refuse('encrypted', `${where}${error.message}，无法检查其内容，请取消密码后再上传`);
      return refuse('corrupt', `${where}${error.message}`);
    }
    // Anything else a malformed file makes the readers trip over: it cannot be read.
    return refuse('corrupt', `${where}已损坏或格式异常，无法读取`);
  }
}

function accepted(fileType: AttachmentType, text: string, findings: Finding[], note?: string): AttachmentInspection {
  const base = { ok: true as const, fileType, mediaType: ATTACHMENT_MEDIA_TYPES[fileType], text, findings };
  return note ? { ...base, note } : base;
}
