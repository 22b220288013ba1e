/**
 * What reading a published report produces: the report (interchange model), how each cell was
 * read, a confidence per table, the narrative figures, the checks and notes. Shared by the
 * engine (read-report.ts), the file readers, the CLI audit and the API.
 */
import type { CheckReport } from '../checks/check-types.js';
import type { FormatId, TableId } from '../format/format-types.js';
import type { CellValue, ReportDocument } from '../report/report-model.js';
import type { SourceDocument, SourcePlace } from './source-types.js';

/**
 * How a cell was read.
 * - read: a number (or amount) read cleanly;
 * - blank: the cell is empty (null, never 0);
 * - placeholder: "/", "-", "—", "无" kept as written;
 * - recovered: split out of run-together digits with the table's own sums (one split fits);
 * - ambiguous: several splits fit; `candidates` lists them, the value stays null;
 * - unreadable: text that is not a number; `raw` keeps it, the value stays null;
 * - missing: the cell (row or table) was not found in the source.
 */
export type CellStatus = 'read' | 'blank' | 'placeholder' | 'recovered' | 'ambiguous' | 'unreadable' | 'missing';

/** One cell of the format, as read from the source. */
export interface CellReading {
  key: string;
  table: TableId;
  row: string[];
  column: string[];
  /** The text as found in the source (null when the cell was not found). */
  raw: string | null;
  value: CellValue;
  status: CellStatus;
  where?: SourcePlace;
  /** For ambiguous run-together cells: every split that fits (each a list of the row's values). */
  candidates?: number[][];
  note?: string;
}

/** How well one statistical table was read. */
export interface TableReading {
  table: TableId;
  found: boolean;
  /** 0..1: cells read cleanly over cells expected, lowered for missing, unreadable or ambiguous cells. */
  confidence: number;
  cellsRead: number;
  cellsExpected: number;
  notes: string[];
}

/** A figure stated in the prose, with its sentence and section. */
export interface NarrativeReading {
  figureId: string;
  value: number;
  sentence: string;
  section: string;
}

/**
 * Where a crawled or copied report came from, as the crawler's header says (标题, 发布时间, 文号,
 * 发布机构, 栏目, 原文链接). Kept with the parsed report; never part of its text.
 */
export interface ReportSource {
  title?: string;
  url?: string;
  /** “YYYY-MM-DD” or “YYYY-MM-DD HH:mm”, as published on the page. */
  publishedAt?: string;
  column?: string;
  docNumber?: string;
  publisher?: string;
}

/** The outcome of reading one file. */
export interface ParseResult {
  fileName?: string;
  sourceType: SourceDocument['type'] | null;
  /** Whole-file failure in Chinese: not a report, corrupt, scanned PDF, too large… */
  error: string | null;
  format: FormatId | null;
  detection: { evidence: string[]; confidence: number };
  report: ReportDocument | null;
  cells: CellReading[];
  tables: TableReading[];
  narrative: NarrativeReading[];
  checks: CheckReport | null;
  notes: string[];
  /** The page the text was taken from, when a crawler's header says so (null otherwise). */
  source?: ReportSource | null;
}

/** Options of the shared engine. */
export interface ReadReportOptions {
  fileName?: string;
}
