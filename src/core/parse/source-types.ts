/**
 * What every report reader (TXT, HTML, DOCX, PDF) produces: the document as blocks in reading
 * order — paragraphs and tables — each with the place it was read from. The shared engine
 * (read-report.ts) turns these blocks into a report: format detection, sections, cells.
 */

/** Where something was read in the source, for diagnostics. */
export interface SourcePlace {
  /** 1-based line in a text file. */
  line?: number;
  /** 1-based page of a PDF. */
  page?: number;
  /** 1-based index of the table in the source, and row/column inside it (grid positions). */
  table?: number;
  row?: number;
  column?: number;
}

/** A cell of a source table, as the source laid it out (rows list the cells that start in them). */
export interface SourceCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  where: SourcePlace;
}

/** A table read from the source. */
export interface SourceTable {
  rows: SourceCell[][];
  where: SourcePlace;
}

/** One block of the document in reading order. */
export type SourceBlock =
  | { kind: 'paragraph'; text: string; where: SourcePlace }
  | { kind: 'table'; table: SourceTable };

/** The document as a reader delivers it. */
export interface SourceDocument {
  /** What it was read from: 'txt' | 'html' | 'docx' | 'pdf'. */
  type: 'txt' | 'html' | 'docx' | 'pdf';
  blocks: SourceBlock[];
  /** Problems the reader met (e.g. a scanned PDF page without text). */
  notes: string[];
}
