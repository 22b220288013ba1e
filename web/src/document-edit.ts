/**
 * Immutable edits of the interchange document held by the report page.
 */
import type { InterchangeReport } from './api-types.js';

/** The document with one cell's value replaced; the cell keeps its unit and extra flag. */
export function withCellValue(doc: InterchangeReport, index: number, value: number | null | string): InterchangeReport {
  const cells = doc.cells.slice();
  const cell = cells[index];
  if (!cell) return doc;
  cells[index] = { ...cell, value };
  return { ...doc, cells };
}

/** The document with one amount cell's unit replaced (采购总金额: 万元 or 元). */
export function withCellUnit(doc: InterchangeReport, index: number, unit: string | null): InterchangeReport {
  const cells = doc.cells.slice();
  const cell = cells[index];
  if (!cell) return doc;
  cells[index] = { ...cell, unit };
  return { ...doc, cells };
}

/** Paragraphs from a text area: one paragraph per line; empty lines are not paragraphs. */
export function paragraphsFromText(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
}

/** Text area content for paragraphs: one per line. */
export function textFromParagraphs(paragraphs: readonly string[]): string {
  return paragraphs.join('\n');
}
