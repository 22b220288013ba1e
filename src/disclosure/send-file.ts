/**
 * Sends a rendered file with its type and a Content-Disposition carrying the Chinese file name (the disclosure
 * downloads: checklists, the 保密审查表, the notice-board page).
 */
import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../render/render-report.js';

/** Content types of the files the disclosure routes send. */
export const FILE_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/** A file extension the disclosure routes send. */
export type FileExt = keyof typeof FILE_TYPES;

/** Characters no file system accepts, replaced in a download's name. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

/** Sends `body` as an attachment named `name.ext` (ASCII `fallback.ext` for old clients). */
export function sendFile(reply: FastifyReply, body: Buffer, ext: FileExt, name: string, fallback: string): FastifyReply {
  const safe = name.replace(UNSAFE, '_').replace(/\s+/g, ' ').slice(0, 120);
  return reply
    .header('content-type', FILE_TYPES[ext])
    .header('content-disposition', contentDisposition('attachment', `${safe}.${ext}`, `${fallback}.${ext}`))
    .header('x-content-type-options', 'nosniff')
    .send(body);
}
