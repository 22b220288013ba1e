/**
 * Types of a national annual-report format definition (政府信息公开工作年度报告格式).
 *
 * A format is data: tables, blocks, rows, columns, labels and consistency rules. Renderers,
 * checks, the interchange codec and parsers walk these definitions; a new national format is a
 * new definition file, never new code.
 */

/** Identifier of a national format. */
export type FormatId = '2019' | '2021';

/** The three statistical tables of the report, named as in the national format. */
export type TableId = '二' | '三' | '四';

/** Keys of the six sections (条例 Art. 50). */
export type SectionKey = '一' | '二' | '三' | '四' | '五' | '六';

/**
 * What a cell may hold.
 * - count: non-negative integer (rule 5);
 * - signed: integer that may be negative (2019 本年增/减);
 * - decimal: non-negative decimal (2021 本年收费金额（单位：万元）);
 * - amount: non-negative decimal with a unit the format does not fix (2019 采购总金额: 万元 or 元).
 */
export type ValueKind = 'count' | 'signed' | 'decimal' | 'amount';

/** A column of a block. `path` holds the official labels outer → inner. */
export interface ColumnDef {
  key: string;
  path: string[];
  kind: ValueKind;
  /** Short name used in check expressions (e.g. 自然人, 商业企业). */
  short: string;
  /**
   * What the column means to the rules: `total` is the sum of the `part` columns that share its
   * group (三 总计; 四 each group's 总计); the table 二 roles drive the cross-year rules.
   */
  role?: 'part' | 'total' | 'prev-count' | 'change' | 'issued' | 'repealed' | 'in-force';
  /** Columns with the same group are summed into that group's total (四: 行政复议, 未经复议直接起诉, 复议后起诉). */
  group?: string;
}

/** A row of a block. `path` holds the official labels outer → inner (without a block caption). */
export interface RowDef {
  key: string;
  path: string[];
  /** Short name used in check expressions (e.g. 一, （三）1). */
  short: string;
  /**
   * What the row means to the rules (table 三): received + carried-in = results-total + carried-out;
   * results-total = Σ result rows; next year's carried-in = this year's carried-out.
   */
  role?: 'received' | 'carried-in' | 'result' | 'results-total' | 'carried-out';
}

/**
 * A block is a grid of rows × columns. Table 二 has one block per 第二十条 item, each with a
 * caption; tables 三 and 四 are a single block without caption.
 */
export interface BlockDef {
  key: string;
  /** Caption row (第二十条第（一）项); it is also the first label of the interchange row path. */
  caption?: string;
  /** Header of the row-label column (信息内容), when the block has one. */
  rowHeader?: string;
  columns: ColumnDef[];
  rows: RowDef[];
  /** Whether a report may add local rows to this block (kept, never dropped). */
  allowsExtraRows: boolean;
}

/** A statistical table and how it is laid out. */
export interface TableDef {
  id: TableId;
  /** The section it belongs to. */
  section: SectionKey;
  blocks: BlockDef[];
  /** Label spanning all numeric columns above the column headers (三: 申请人情况). */
  columnCaption?: string;
  /** Text of the merged top-left corner cell (三: the 勾稽关系 note). */
  corner?: string;
  /** Number of leading label columns in the official layout (三: 3; 二: 1; 四: 0). */
  labelColumns: number;
}

/** One term of a rule's equation: a cell of this report or of the agency's previous report. */
export interface Term {
  cell: string;
  of?: 'current' | 'previous';
  sign?: 1 | -1;
}

/**
 * A consistency rule as an equation Σ left = Σ right (勾稽关系). Rules that hold per column
 * are expanded into one instance per column, each with its own stable id.
 */
export interface EquationRule {
  id: string;
  ruleId: string;
  severity: 'error' | 'warning';
  title: string;
  left: Term[];
  right: Term[];
  /** Allowed absolute difference (0 for hard rules; soft "≈" rules may allow some). */
  tolerance?: number;
}

/**
 * A figure stated in the prose that must match the sum of some cells (rule 10). The patterns are regular
 * expression sources; the first capture group is the number (Arabic or Chinese numerals),
 * or the pattern has `zero: true` when it states that there were none.
 */
export interface NarrativeFigure {
  id: string;
  title: string;
  /** The stated figure must equal the sum of these cells. */
  cells: string[];
  patterns: Array<{ source: string; zero?: boolean }>;
}

/** A section heading: the canonical text and the variants published reports use. */
export interface SectionDef {
  key: SectionKey;
  heading: string;
  variants: string[];
}

/** A complete national format. */
export interface FormatDefinition {
  id: FormatId;
  name: string;
  /** The document that published it. */
  document: string;
  /** Report years that use this format by default (inclusive; `to` null = still in force). */
  years: { from: number; to: number | null };
  sections: SectionDef[];
  tables: TableDef[];
  rules: EquationRule[];
  narrative: NarrativeFigure[];
}
