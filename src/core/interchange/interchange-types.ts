/**
 * The interchange JSON: the public contract other tools produce and consume (schema served at
 * /schema/report-interchange.json). Cells are addressed by official labels, outer → inner.
 */

/** Identifies a document as a Gongkai annual report. */
export const INTERCHANGE_KIND = 'gongkai.annual-report';
/** Version of the interchange contract. */
export const INTERCHANGE_VERSION = 1;

/** One table cell. `value` null is a blank cell; a string is a placeholder kept as written. */
export interface InterchangeCell {
  table: '二' | '三' | '四';
  row: string[];
  column: string[];
  value: number | null | string;
  /** Unit of an amount cell (2019 采购总金额), e.g. 万元 or 元. */
  unit?: string | null;
  /** A local row the format does not have (table 二 only), kept as the report printed it. */
  extra?: boolean;
}

export interface InterchangeSection {
  key: '一' | '二' | '三' | '四' | '五' | '六';
  heading: string;
  paragraphs: string[];
  parts: Array<{ heading: string; paragraphs: string[] }>;
}

/** The whole interchange document. */
export interface InterchangeReport {
  kind: typeof INTERCHANGE_KIND;
  version: typeof INTERCHANGE_VERSION;
  format: '2019' | '2021';
  agency: { name: string };
  year: number;
  title: string;
  issuedOn: string | null;
  preamble: string[];
  sections: InterchangeSection[];
  signature: string | null;
  cells: InterchangeCell[];
}
