/**
 * Shared by the reader tests (HTML, DOCX): the engine's reports, the corpus files, and the two
 * assertions every rendered file must pass — its tables are the official layout cell by cell,
 * and reading it back gives the report exactly.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { formatCells, getFormat } from '../../src/core/format/registry.js';
import { fromInterchange } from '../../src/core/interchange/from-interchange.js';
import { readReport } from '../../src/core/parse/read-report.js';
import type { ParseResult } from '../../src/core/parse/parse-types.js';
import type { SourceDocument, SourceTable } from '../../src/core/parse/source-types.js';
import { chineseDate } from '../../src/core/report/dates.js';
import { isWritten, type ReportDocument } from '../../src/core/report/report-model.js';
import { layoutTable } from '../../src/render/table-layout.js';
import type { LayoutCell } from '../../src/render/table-layout-types.js';

const root = new URL('../../', import.meta.url);

/** A report in interchange JSON, by its path in the repository. */
export function loadReport(path: string): ReportDocument {
  return fromInterchange(JSON.parse(readFileSync(new URL(path, root), 'utf8')));
}

/** The engine's reports every round trip runs on: the seed (2019 format, many blanks) and two full fixtures. */
export const REPORTS: ReadonlyArray<readonly [string, string]> = [
  ['seed 2019', 'src/demo/huancui-approval-bureau-2019.json'],
  ['fixture 2020', 'test/fixtures/full-2020.json'],
  ['fixture 2021', 'test/fixtures/full-2021.json'],
];

/** A file of the test corpus (test/corpus/…). */
export function corpusFile(path: string): Buffer {
  return readFileSync(new URL(`test/corpus/${path}`, root));
}

/** The tables of a document, in order. */
export function sourceTables(doc: SourceDocument): SourceTable[] {
  return doc.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
}

/** The paragraphs of a document, in order. */
export function paragraphs(doc: SourceDocument): string[] {
  return doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
}

/** Grid column (0-based) of every layout cell, placed as a browser places HTML cells. */
function gridColumns(rows: LayoutCell[][]): number[][] {
  const coveredUntil: number[] = [];
  return rows.map((cells, r) => {
    let c = 0;
    return cells.map((cell) => {
      while ((coveredUntil[c] ?? -1) >= r) c++;
      const at = c;
      for (let i = c; i < c + cell.colSpan; i++) coveredUntil[i] = r + cell.rowSpan - 1;
      c += cell.colSpan;
      return at;
    });
  });
}

/**
 * Asserts that the document holds exactly the report's statistical tables (二, 三, 四) and that
 * each is the official layout position by position: same rows, and in each row the same cells
 * with the same text, spans and grid place.
 */
export function assertTablesMatchLayout(doc: SourceDocument, report: ReportDocument, label: string): void {
  const tables = sourceTables(doc);
  const ids = getFormat(report.format).tables.map((t) => t.id);
  assert.equal(tables.length, ids.length, `${label}: number of tables`);
  ids.forEach((id, t) => {
    const layout = layoutTable(report, id);
    const source = tables[t]!;
    const columns = gridColumns(layout.rows);
    assert.equal(source.rows.length, layout.rows.length, `${label} 表${id}: rows`);
    layout.rows.forEach((row, r) => {
      const got = source.rows[r]!.map((c) => ({ text: c.text, rowSpan: c.rowSpan, colSpan: c.colSpan, where: c.where }));
      const want = row.map((c, i) => ({
        text: c.text, rowSpan: c.rowSpan, colSpan: c.colSpan, where: { table: t + 1, row: r + 1, column: columns[r]![i]! + 1 },
      }));
      assert.deepEqual(got, want, `${label} 表${id} row ${r + 1}`);
    });
  });
}

/** The report's text as printed, in order (title, preamble, headings, paragraphs, signature, date). */
export function reportText(report: ReportDocument): string {
  const parts = [report.title, ...report.preamble];
  for (const section of report.sections) {
    parts.push(section.heading, ...section.paragraphs);
    for (const part of section.parts) parts.push(part.heading, ...part.paragraphs);
  }
  if (report.signature) parts.push(report.signature);
  if (report.issuedOn) parts.push(chineseDate(report.issuedOn));
  return parts.join('').replace(/\s+/g, '');
}

/** Asserts the document's paragraphs are the report's text, in order, and nothing else. */
export function assertTextMatches(doc: SourceDocument, report: ReportDocument, label: string): void {
  assert.equal(paragraphs(doc).join('').replace(/\s+/g, ''), reportText(report), `${label}: paragraph text`);
}

/**
 * Asserts that reading the document with the engine gives the report back exactly: the format,
 * every cell of the format (a blank stays blank, a 0 stays 0), the local extra rows, the title,
 * date of issue and signature; no cell unreadable, ambiguous or missing.
 */
export function assertRoundTrip(doc: SourceDocument, report: ReportDocument, label: string): ParseResult {
  const result = readReport(doc);
  assert.equal(result.error, null, `${label}: error`);
  assert.equal(result.format, report.format, `${label}: format`);
  const read = result.report!;
  const readings = new Map(result.cells.map((c) => [c.key, c]));
  for (const cell of formatCells(getFormat(report.format))) {
    const want = report.cells[cell.key] ?? null;
    assert.deepEqual(read.cells[cell.key] ?? null, want, `${label}: ${cell.key}`);
    const status = want === null ? 'blank' : isWritten(want) ? 'placeholder' : 'read';
    assert.equal(readings.get(cell.key)?.status, status, `${label}: status of ${cell.key}`);
  }
  assert.deepEqual(read.extraRows, report.extraRows, `${label}: extra rows`);
  assert.equal(read.title, report.title, `${label}: title`);
  assert.equal(read.issuedOn, report.issuedOn, `${label}: date of issue`);
  assert.equal(read.signature, report.signature, `${label}: signature`);
  for (const table of result.tables) assert.equal(table.confidence, 1, `${label}: confidence of 表${table.table}`);
  return result;
}
