/**
 * What kind of file a report file is, from its first bytes (magic numbers), its name and its
 * content: Word (.docx, a ZIP holding word/document.xml), PDF, an HTML page, plain text — or a file
 * that is none of these (another archive, an image, an old binary Office file, binary garbage),
 * which is refused with a message saying what it is.
 */

/** The reader a file goes to, or why it goes to none. */
export type Sniffed =
  | { type: 'docx' | 'pdf' | 'html' | 'txt'; evidence: string }
  | { type: null; error: string };

/** Bytes looked at for HTML tags (a portal page's head can be long). */
const SNIFF_BYTES = 64 * 1024;
/** Bytes looked at for control bytes (garbage shows at once). */
const CONTROL_SAMPLE = 8 * 1024;
/** Share of control bytes above which a file is binary, not text (text has none but TAB/CR/LF/FF). */
const MAX_CONTROL_SHARE = 0.02;

const NOT_A_REPORT = '不是可识别的报告文件';

/** Files recognised by their magic number that no reader reads. */
const FOREIGN: Array<{ magic: number[]; what: string }> = [
  { magic: [0x89, 0x50, 0x4e, 0x47], what: 'PNG 图片' },
  { magic: [0xff, 0xd8, 0xff], what: 'JPEG 图片' },
  { magic: [0x47, 0x49, 0x46, 0x38], what: 'GIF 图片' },
  { magic: [0x49, 0x49, 0x2a, 0x00], what: 'TIFF 图片' },
  { magic: [0x4d, 0x4d, 0x00, 0x2a], what: 'TIFF 图片' },
  { magic: [0x52, 0x61, 0x72, 0x21], what: 'RAR 压缩包' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf], what: '7z 压缩包' },
  { magic: [0x1f, 0x8b], what: 'gzip 压缩文件' },
  { magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'RTF 文档' },
];

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);

/** Whether the ASCII text `needle` occurs in `bytes` (case-insensitive for letters), within `limit` bytes. */
export function hasAscii(bytes: Uint8Array, needle: string, limit = bytes.length): boolean {
  const n = needle.toLowerCase();
  const end = Math.min(bytes.length, limit) - n.length;
  const first = n.charCodeAt(0);
  outer: for (let i = 0; i <= end; i++) {
    if (lower(bytes[i]!) !== first) continue;
    for (let k = 1; k < n.length; k++) if (lower(bytes[i + k]!) !== n.charCodeAt(k)) continue outer;
    return true;
  }
  return false;
}

const lower = (b: number) => (b >= 0x41 && b <= 0x5a ? b | 0x20 : b);

/** Share of bytes in the sample that no text file holds: NUL and other C0 controls except TAB, LF, VT, FF, CR, ESC. */
export function controlShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, CONTROL_SAMPLE);
  if (n === 0) return 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0x7f || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b)) control++;
  }
  return control / n;
}

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** Decides which reader reads a (non-empty) file. */
export function sniffType(bytes: Uint8Array, fileName: string): Sniffed {
  const ext = extensionOf(fileName);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    // The part names stand in plain ASCII in the ZIP headers: no need to unpack to tell a Word file.
    if (hasAscii(bytes, 'word/document') || ext === 'docx') return { type: 'docx', evidence: 'ZIP 压缩包，含 Word 正文部件 word/document.xml' };
    const what = hasAscii(bytes, 'xl/workbook') ? 'Excel 工作簿（.xlsx）' : hasAscii(bytes, 'ppt/presentation') ? 'PowerPoint 演示文稿（.pptx）' : 'ZIP 压缩包';
    return { type: null, error: `${NOT_A_REPORT}（${what}，其中没有 Word 正文；请逐个读取压缩包中的报告文件）` };
  }
  // A PDF header may follow a few bytes of junk (the format allows it within the first 1024 bytes).
  if (hasAscii(bytes, '%PDF-', 1024)) return { type: 'pdf', evidence: 'PDF 文件头 %PDF-' };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return { type: null, error: `${NOT_A_REPORT}（旧版 Office 二进制文件，如 .doc 或 .xls，或加密的文档；请另存为 .docx 或 PDF 后再读取）` };
  }
  const foreign = FOREIGN.find((f) => startsWith(bytes, f.magic));
  if (foreign) {
    const scan = foreign.what.endsWith('图片') ? '；扫描件请先进行文字识别，或提供网页、Word、带文字层的 PDF' : '';
    return { type: null, error: `${NOT_A_REPORT}（${foreign.what}${scan}）` };
  }
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  if (!utf16 && controlShare(bytes) > MAX_CONTROL_SHARE) return { type: null, error: `${NOT_A_REPORT}（二进制内容）` };
  if (ext === 'html' || ext === 'htm' || ext === 'shtml' || ext === 'xhtml') return { type: 'html', evidence: `扩展名 .${ext}` };
  for (const tag of ['<!doctype html', '<html', '<table', '<body']) {
    if (hasAscii(bytes, tag, SNIFF_BYTES)) return { type: 'html', evidence: `内容含 ${tag.startsWith('<!') ? '<!DOCTYPE html>' : `${tag}>`} 标记` };
  }
  return { type: 'txt', evidence: `${utf16 ? 'UTF-16 编码，' : ''}无 Word、PDF 或网页的特征，按文本读取` };
}
