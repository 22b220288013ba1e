/**
 * What the inspection of a body or an attachment reports to the secrecy reviewer: personal data
 * (src/core/disclosure/pii-scan.ts) and hidden content a reader of the published file could uncover
 * (comments, tracked changes, document properties, hidden text, sheets, rows and columns, text under
 * images). Each finding names its place in Chinese and shows its text masked; it must be resolved
 * (removed from the content, or confirmed with a reason) before the secrecy review can pass.
 */
import { PII_KINDS, maskMatches, scanText, type PiiKind } from '../core/disclosure/pii-scan.js';

/** Kinds of hidden content. */
export type HiddenKind =
  | 'comment'
  | 'tracked-change'
  | 'doc-property'
  | 'hidden-text'
  | 'hidden-sheet'
  | 'very-hidden-sheet'
  | 'hidden-row'
  | 'hidden-column'
  | 'cell-comment'
  | 'text-under-image'
  | 'invisible-text'
  | 'embedded-object';

/** Every finding kind: personal data or hidden content. */
export type FindingKind = PiiKind | HiddenKind;

/** Chinese names of the hidden-content kinds. */
export const HIDDEN_KIND_NAMES: Readonly<Record<HiddenKind, string>> = {
  comment: '批注',
  'tracked-change': '修订痕迹',
  'doc-property': '文档属性',
  'hidden-text': '隐藏文字',
  'hidden-sheet': '隐藏工作表',
  'very-hidden-sheet': '深度隐藏工作表',
  'hidden-row': '隐藏行',
  'hidden-column': '隐藏列',
  'cell-comment': '单元格批注',
  'text-under-image': '图片下的文字',
  'invisible-text': '不可见文字',
  'embedded-object': '嵌入的文件',
};

/** Chinese names of every finding kind (personal data and hidden content). */
export const FINDING_KIND_NAMES: Readonly<Record<FindingKind, string>> = {
  ...Object.fromEntries(PII_KINDS.map((k) => [k.kind, k.name])) as Record<PiiKind, string>,
  ...HIDDEN_KIND_NAMES,
};

/**
 * Whether a finding must be resolved (removed, or confirmed with a reason) before the secrecy review
 * passes: all hidden content and personal data; an organisation's 统一社会信用代码 is information only.
 */
export function mustResolve(kind: FindingKind): boolean {
  const pii = PII_KINDS.find((k) => k.kind === kind);
  return pii ? pii.personal : kind in HIDDEN_KIND_NAMES;
}

/** One thing found. */
export interface Finding {
  kind: FindingKind;
  /** Where, in Chinese: '附件“名单.xlsx”工作表“Sheet2”（隐藏）第 5 行', '正文第 3 段'. */
  place: string;
  /** The text found, personal data in it masked, cut to a readable length. */
  excerpt: string;
  /**
   * What was scanned, in the form pii_findings.source stores ('body' or 'attachment:<sha-256>'):
   * scanBody sets 'body'; inspectAttachment leaves it to the caller, which knows the blob's hash.
   */
  source?: string;
}

/** Longest excerpt shown. */
export const EXCERPT_CHARS = 80;

/** Text cut to EXCERPT_CHARS with an ellipsis. */
export function cut(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS - 1)}…` : flat;
}

/** A hidden-content finding: its text with personal data masked. */
export function hiddenFinding(kind: HiddenKind, place: string, text: string): Finding {
  return { kind, place, excerpt: cut(maskMatches(text, scanText(text))) || '（无文字）' };
}

/** The personal data in a text, each as a finding at `place`. */
export function piiFindings(text: string, place: string): Finding[] {
  return scanText(text).map((m) => ({ kind: m.kind, place, excerpt: m.masked }));
}

/** A file name as quoted in a place: 附件“通知.docx”. */
export function attachmentPlace(fileName: string): string {
  return `附件“${baseName(fileName)}”`;
}

/** The last part of a path. */
export function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() || fileName;
}
