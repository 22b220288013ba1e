/**
 * Items' view of content inspection (src/inspect): the body sanitised and scanned (sanitizeBody, scanBody,
 * redactBody), an attachment's type checked from its bytes and scanned on the worker pool (inspectInWorker, off the
 * request thread), a refusal turned into the typed error the edge maps to a Chinese 400 or 413.
 */
import { TooLargeError, ValidationError } from '../core/errors.js';
import { DEFAULT_LIMITS } from '../inspect/inspect-attachment.js';
import { FINDING_KIND_NAMES, type Finding } from '../inspect/finding.js';
import { inspectInWorker } from '../inspect/inspect-pool.js';
import { redactBody, sanitizeBody, scanBody } from '../inspect/sanitize-body.js';

/** A piece of personal data or hidden content found in a body or an attachment. */
export interface ContentFinding {
  /** Finding kind key (src/inspect/finding.ts). */
  kind: string;
  /** Where, in Chinese (正文第 3 段, 附件“名单.xlsx”工作表“名单”第 5 行 …). */
  place: string;
  /** The found text, masked. */
  excerpt: string;
}

/** A sanitised body and what the sanitiser took out (in Chinese, for the drafter). */
export interface CleanBody {
  html: string;
  removed: string[];
}

/** The body as sanitised rich text (sanitize-html), with a note for each kind of thing removed. */
export function cleanBody(html: string): CleanBody {
  return sanitizeBody(html);
}

/** Personal data in a (sanitised) body, each with its paragraph. */
export function findInBody(html: string): ContentFinding[] {
  return scanBody(html).map(({ kind, place, excerpt }) => ({ kind, place, excerpt }));
}

/** The body with a finding's text replaced by its masked form (the data is removed, not drawn over). */
export function redactInBody(html: string, finding: { kind: string; place: string; excerpt: string }): string {
  return redactBody(html, finding as Pick<Finding, 'kind' | 'place' | 'excerpt'>);
}

/** Largest attachment accepted (the inspection's limit). */
export const MAX_ATTACHMENT_BYTES = DEFAULT_LIMITS.maxBytes;

/** What inspecting an attachment gives: its type from the bytes, and findings. */
export interface InspectedAttachment {
  fileType: string;
  findings: ContentFinding[];
  /** The visible text (empty for images and unreadable files), stored with the bytes for search. */
  text: string;
}

/**
 * Checks an uploaded file from its bytes (type, size, executables, zip bombs, PDF scripts …) and scans it on the
 * worker pool. A refusal is a ValidationError (field `file`, 400) or, for size and complexity, a TooLargeError
 * (413), with the inspection's Chinese message naming the file.
 */
export async function inspectUpload(bytes: Uint8Array, fileName: string): Promise<InspectedAttachment> {
  const result = await inspectInWorker(bytes, fileName);
  if (!result.ok) {
    if (result.code === 'too-large' || result.code === 'too-complex' || result.code === 'zip-bomb') throw new TooLargeError(result.message);
    throw new ValidationError(result.message, { field: 'file' });
  }
  return { fileType: result.fileType, text: result.text ?? '', findings: result.findings.map(({ kind, place, excerpt }) => ({ kind, place, excerpt })) };
}

/** The Chinese name of a finding kind (the key itself is never shown: unknown kinds read 其他敏感内容). */
export function findingKindName(kind: string): string {
  return (FINDING_KIND_NAMES as Readonly<Record<string, string>>)[kind] ?? '其他敏感内容';
}
