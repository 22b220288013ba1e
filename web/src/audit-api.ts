/**
 * Calls of the saved bulk audits API (报告核查, /api/audits…): batches, their files with filters, one file's
 * detail, decisions on findings, rerun and stop, comparisons, and the upload of many files (multipart, with
 * progress). Failures are ApiErrors with the server's Chinese message.
 */
import { request, uploadForm } from './api.js';
import type {
  AuditAgainRequest, AuditBatch, AuditBatchPage, AuditCompareAgency, AuditCompareYear, AuditDecisionRequest, AuditFileDetail,
  AuditFilesFilter, AuditFinding, AuditLabels,
} from './schema-types.js';

function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
}

let labels: Promise<AuditLabels> | null = null;

/**
 * Sends files (reports or zips) as one new batch (multipart, `file` parts and the title) and reports the upload's
 * progress (0…1); resolves with the batch the server answers at once (202), reading goes on in the background.
 */
export function uploadAuditFiles(files: readonly File[], title: string, onProgress: (fraction: number) => void): Promise<AuditBatch> {
  const form = new FormData();
  // The title first: the server reads the fields before the files' streams.
  if (title.trim()) form.append('title', title.trim());
  for (const file of files) form.append('file', file, file.name);
  return uploadForm<AuditBatch>('/api/audits', form, onProgress);
}

/** Typed calls of the audit API. */
export const auditApi = {
  /** The Chinese labels of states, severities, decisions and formats (asked once per page load). */
  labels: (): Promise<AuditLabels> => {
    labels ??= request<AuditLabels>('GET', '/api/audits/labels').catch((e: unknown) => { labels = null; throw e; });
    return labels;
  },
  batches: () => request<AuditBatch[]>('GET', '/api/audits'),
  batch: (id: number, filter: AuditFilesFilter = {}) => request<AuditBatchPage>('GET', `/api/audits/${id}${query({ ...filter })}`),
  file: (id: number, fileId: number) => request<AuditFileDetail>('GET', `/api/audits/${id}/files/${fileId}`),
  decide: (id: number, fileId: number, fingerprint: string, body: AuditDecisionRequest) =>
    request<AuditFinding>('PUT', `/api/audits/${id}/files/${fileId}/findings/${fingerprint}`, body),
  /** Audits files already uploaded again, as a new batch. */
  again: (body: AuditAgainRequest) => request<AuditBatch>('POST', '/api/audits', body),
  rerun: (id: number) => request<AuditBatch>('POST', `/api/audits/${id}/rerun`, {}),
  stop: (id: number) => request<AuditBatch>('POST', `/api/audits/${id}/stop`, {}),
  compareAgency: (name: string) => request<AuditCompareAgency>('GET', `/api/audits/compare/agency${query({ name })}`),
  compareYear: (year: number) => request<AuditCompareYear>('GET', `/api/audits/compare/year${query({ year })}`),
};

/** Download address of a batch's results table. */
export function auditExportUrl(id: number, format: 'xlsx' | 'csv' | 'html'): string {
  return `/api/audits/${id}/export${query({ format })}`;
}

/** Download address of a comparison as a spreadsheet. */
export function compareXlsxUrl(by: { name: string } | { year: number }): string {
  return 'name' in by ? `/api/audits/compare/agency${query({ name: by.name, format: 'xlsx' })}`
    : `/api/audits/compare/year${query({ year: by.year, format: 'xlsx' })}`;
}
