/**
 * Published annual reports (条例 Art. 50) in the portal's full-text index (src/search): the title and the
 * narrative text (preamble, the six sections' headings, parts and paragraphs; the tables' figures are not words a
 * reader searches for), written in the SAME transaction as the publication. A published report is immutable and
 * stays on the portal at /reports/:id, so it is never taken out again.
 */
import type { Kysely } from 'kysely';
import type { ReportDocument } from '../core/report/report-model.js';
import type { Database } from '../db/schema.js';
import { indexDocument, type SearchDocumentInput } from '../search/search-index.js';
import { registerSearchSource } from '../search/search-sources.js';
import { findReportRow, listReportRows, publicVersionOf } from './report.repository.js';
import type { ReportRow } from './report.table.js';
import { chinaDay, loadDocument } from './report-versions.js';

/** The public address of a report's page on the portal. */
export const reportPath = (id: number) => `/reports/${id}`;

/** The report's narrative text: preamble, then each section's heading, paragraphs and parts, in order. */
export function reportText(doc: ReportDocument): string {
  return [
    ...doc.preamble,
    ...doc.sections.flatMap((s) => [s.heading, ...s.paragraphs, ...s.parts.flatMap((p) => [p.heading, ...p.paragraphs])]),
    doc.signature ?? '',
  ].filter((t) => typeof t === 'string' && t.trim() !== '').join('\n');
}

/** The search document of a published report (its current version, the one the portal shows). */
export function reportSearchDocument(row: { id: number; agency_id: number; published_at: string | null; issued_on: string | null }, doc: ReportDocument): SearchDocumentInput {
  const publishedOn = row.published_at ? chinaDay(row.published_at) : (row.issued_on ?? doc.issuedOn ?? `${doc.year + 1}-01-31`);
  return {
    kind: 'report', docId: String(row.id), agencyId: Number(row.agency_id), publishedOn, year: Number(publishedOn.slice(0, 4)),
    title: doc.title, url: reportPath(Number(row.id)), bodyText: reportText(doc),
  };
}

/** The search document of a report row (its published version, also during a correction), or null when never published. */
async function publishedReportDocument(db: Kysely<Database>, row: ReportRow | undefined): Promise<SearchDocumentInput | null> {
  const version = row ? publicVersionOf(row) : null;
  if (!row || version === null) return null;
  return reportSearchDocument(row, await loadDocument(db, row.id, version));
}

/** Indexes a report just published; call it in the transaction that publishes it (after the row is published). */
export async function indexPublishedReport(trx: Kysely<Database>, id: number, at: string): Promise<void> {
  const doc = await publishedReportDocument(trx, await findReportRow(trx, id));
  if (doc) await indexDocument(trx, doc, at);
}

// Every published report, for `gongkai search rebuild`.
registerSearchSource('report', async function* (db) {
  // Each row is read once (listed with its fields, not listed by id and then read again).
  for (const row of await listReportRows(db, { onPortal: true })) {
    const doc = await publishedReportDocument(db, row);
    if (doc) yield doc;
  }
});
