/**
 * THE SEAM between items and the content inspection of the `inspect` branch (src/inspect/sanitize-body.ts
 * sanitizeBody/scanBody/redactBody, src/inspect/inspect-pool.ts inspectInWorker, src/core/disclosure/pii-scan.ts
 * scanText). Items call only these four functions; each is a small stand-in written against the documented
 * signatures until that branch lands.
 *
 * TODO(inspect): replace the bodies below by calls of sanitizeBody / scanBody / redactBody / inspectInWorker
 * once `inspect` is merged (the lead reconciles); keep these signatures so item-drafting, item-attachments
 * and item-findings do not change.
 */
import sanitizeHtml from 'sanitize-html';
import { TooLargeError, ValidationError } from '../core/errors.js';

/** A piece of personal data or hidden content found in a body or an attachment. */
export interface ContentFinding {
  /** Finding kind key (pii-scan / inspect). */
  kind: string;
  /** Where, in Chinese (正文第 3 段, 工作表“名单”第 5 行 …). */
  place: string;
  /** The found text, masked. */
  excerpt: string;
  /** The found text itself (used to redact a body; never stored). */
  text?: string;
}

/** A sanitised body and what the sanitiser took out (in Chinese, for the drafter). */
export interface CleanBody {
  html: string;
  removed: string[];
}

const ALLOWED_TAGS = ['p', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'blockquote',
  'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'a', 'img', 'span', 'div', 'hr', 'pre', 'code'];

/**
 * The body as sanitised rich text (a maintained sanitiser: sanitize-html), with a note for each kind of thing
 * removed (scripts, event attributes, frames, styles …).
 */
export function cleanBody(html: string): CleanBody {
  const removed = new Set<string>();
  const out = sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'width', 'height'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'], '*': [] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https', 'data'] },
    disallowedTagsMode: 'discard',
    onOpenTag(name, attribs) {
      if (!ALLOWED_TAGS.includes(name)) removed.add(name === 'script' ? '脚本（<script>）' : `不允许的标签 <${name}>`);
      for (const a of Object.keys(attribs)) if (/^on/i.test(a)) removed.add(`事件属性（${a}）`);
      for (const a of ['href', 'src']) if (/^\s*javascript:/i.test(attribs[a] ?? '')) removed.add(`脚本链接（${a}="javascript:…"）`);
    },
  } as sanitizeHtml.IOptions & { onOpenTag: (name: string, attribs: Record<string, string>) => void });
  return { html: out, removed: [...removed] };
}

/** Plain text of a body's paragraphs (for the scan's places). */
function paragraphs(html: string): string[] {
  return html.split(/<\/(?:p|h[1-6]|li|tr|div|blockquote)>|<br\s*\/?>/i)
    .map((p) => sanitizeHtml(p, { allowedTags: [], allowedAttributes: {} }).replace(/&nbsp;/g, ' ').trim())
    .filter((p) => p !== '');
}

const PATTERNS: Array<{ kind: string; re: RegExp; valid?: (s: string) => boolean }> = [
  { kind: 'resident-id', re: /(?<![0-9A-Za-z])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g, valid: residentIdValid },
  { kind: 'mobile', re: /(?<!\d)1[3-9]\d{9}(?!\d)/g },
];

function residentIdValid(id: string): boolean {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = w.reduce((s, x, i) => s + x * Number(id[i]), 0);
  return '10X98765432'[sum % 11] === id[17]!.toUpperCase();
}

function mask(s: string): string {
  return s.length <= 5 ? '*'.repeat(s.length) : `${s.slice(0, 2)}${'*'.repeat(s.length - 5)}${s.slice(-3)}`;
}

/** Findings in a text, each with the place given. */
export function findInText(text: string, place: string): ContentFinding[] {
  const out: ContentFinding[] = [];
  for (const p of PATTERNS) {
    for (const m of text.matchAll(p.re)) {
      if (p.valid && !p.valid(m[0])) continue;
      out.push({ kind: p.kind, place, excerpt: mask(m[0]), text: m[0] });
    }
  }
  return out;
}

/** Personal data in a (sanitised) body, each with its paragraph. */
export function findInBody(html: string): ContentFinding[] {
  return paragraphs(html).flatMap((text, i) => findInText(text, `正文第 ${i + 1} 段`));
}

/** The body with the found text removed (redaction removes the text; nothing is drawn over). */
export function redactInBody(html: string, finding: { text?: string; excerpt: string }): string {
  const texts = finding.text ? [finding.text] : findInBody(html).filter((f) => f.excerpt === finding.excerpt).map((f) => f.text!);
  let out = html;
  for (const t of texts) out = out.split(t).join('');
  return out;
}

/** Largest attachment accepted. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** What inspecting an attachment gives: its type from the bytes, and findings. */
export interface InspectedAttachment {
  fileType: string;
  findings: ContentFinding[];
}

function sniff(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head[0] === 0x89 && head.subarray(1, 4).toString('latin1') === 'PNG') return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.subarray(0, 4).toString('latin1') === 'GIF8') return 'gif';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip';
  return null;
}

/**
 * Checks an uploaded file from its bytes (type, size, refusals) and scans it. Throws a ValidationError
 * (field `file`) for a refused file and a TooLargeError above the limit, both naming the file.
 * Stand-in: type from the magic bytes, only uncompressed PDF text read. TODO(inspect): inspectInWorker(bytes, fileName).
 */
export async function inspectUpload(bytes: Uint8Array, fileName: string): Promise<InspectedAttachment> {
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    throw new TooLargeError(`附件“${fileName}”大小超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB 的上限`);
  }
  if (bytes.length === 0) throw new ValidationError(`附件“${fileName}”是空文件`, { field: 'file' });
  const type = sniff(bytes);
  if (type === null) throw new ValidationError(`附件“${fileName}”的文件类型无法识别或不允许上传（只接受 PDF、DOCX、XLSX、WPS、OFD 和图片）`, { field: 'file' });
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const fileType = type === 'zip' ? (['docx', 'xlsx', 'ofd'].includes(ext) ? ext : 'zip') : type;
  if (fileType === 'zip') throw new ValidationError(`附件“${fileName}”是压缩包，不允许上传`, { field: 'file' });
  if (fileType === 'pdf' && /\/JavaScript|\/JS\b/.test(Buffer.from(bytes).toString('latin1'))) {
    throw new ValidationError(`附件“${fileName}”含有 JavaScript 脚本，不允许上传`, { field: 'file' });
  }
  // Stand-in: an uncompressed PDF's text shows in its bytes.
  const text = fileType === 'pdf' ? Buffer.from(bytes).toString('latin1') : '';
  return { fileType, findings: findInText(text, `附件“${fileName}”`) };
}

/** Chinese names of finding kinds. TODO(inspect): PII_KIND_NAMES of src/core/disclosure/pii-scan.ts and inspect's kinds. */
const KIND_NAMES: Readonly<Record<string, string>> = { 'resident-id': '居民身份证号码', mobile: '手机号码' };

/** The Chinese name of a finding kind (the key itself is never shown: unknown kinds read 其他敏感内容). */
export function findingKindName(kind: string): string {
  return KIND_NAMES[kind] ?? '其他敏感内容';
}
