/**
 * One entry point for every output a report has: the print-ready HTML page, Word, PDF and the
 * interchange JSON. The HTTP downloads, the portal and the CLI all go through here so that a
 * file has the same bytes, type and name wherever it is fetched.
 */
import { toInterchange } from '../core/interchange/to-interchange.js';
import { defaultTitle } from '../core/report/new-report.js';
import type { ReportDocument } from '../core/report/report-model.js';
import { renderHtml } from './html/render-html.js';

/** The outputs a report can be rendered to. */
export const OUTPUT_FORMATS = ['html', 'docx', 'pdf', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** A rendered file: its bytes, MIME type and file extension. */
export interface RenderedFile {
  body: Buffer;
  contentType: string;
  extension: string;
}

const CONTENT_TYPES: Record<OutputFormat, string> = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  json: 'application/json; charset=utf-8',
};

/** Whether a text names one of the output formats. */
export function isOutputFormat(value: string): value is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(value);
}

/** Renders a report to one output format. JSON is the interchange document, pretty-printed UTF-8. */
export async function renderReport(report: ReportDocument, to: OutputFormat): Promise<RenderedFile> {
  const file = (body: Buffer): RenderedFile => ({ body, contentType: CONTENT_TYPES[to], extension: to });
  switch (to) {
    case 'html':
      return file(Buffer.from(renderHtml(report), 'utf8'));
    // Word and PDF pull in large libraries and fonts: loaded on first use, not at start-up.
    case 'docx':
      return file(await (await import('./docx/render-docx.js')).renderDocx(report));
    case 'pdf':
      return file(await (await import('./pdf/render-pdf.js')).renderPdf(report));
    case 'json':
      return file(Buffer.from(`${JSON.stringify(toInterchange(report), null, 2)}\n`, 'utf8'));
  }
}

/**
 * The file name a download gets: the report's title plus extension, e.g.
 * 威海市环翠区行政审批服务局2019年政府信息公开工作年度报告.pdf. Characters no file system accepts
 * (/ \ : * ? " < > | and control characters) are replaced, so the name is safe on Windows too.
 */
export function reportFileName(report: ReportDocument, ext: string): string {
  const title = report.title.trim() || defaultTitle(report.agency.name, report.year);
  // eslint-disable-next-line no-control-regex
  const safe = title.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '_').replace(/\s+/g, ' ').slice(0, 120);
  return `${safe}.${ext}`;
}

/**
 * A Content-Disposition header value with an ASCII fallback name and the real name in RFC 5987
 * form (filename*=UTF-8''…), which every current browser uses.
 */
export function contentDisposition(kind: 'attachment' | 'inline', fileName: string, fallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}
