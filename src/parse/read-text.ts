/**
 * Reads a report given as plain text — copied from a web page or exported from Word — into a
 * SourceDocument (paragraphs and tables, each with its line). The forms text reports come in:
 *  (a) Word's text export (the seed): each table cell on its own line starting with a TAB, rows
 *      separated by empty lines, a TAB-less line right after a cell continuing that cell
 *      (“\t（三）不予” + “公开”), blank cells as “\t” or “\t\u2002”;
 *  (b) tab-separated rows (spreadsheet or TSV exports, merged positions as empty fields);
 *  (c) a row label followed by its numbers separated by spaces on the same line;
 *  (d) a row label followed by its numbers on the next lines (one or several per line).
 * Lines outside tables are paragraphs. Word artefacts such as “[bookmark: _GoBack]” are removed.
 */
import { isTableHeaderText, markerOf } from '../core/parse/label-index.js';
import { normalizeLabel } from '../core/parse/normalize-label.js';
import { sectionHeadingKey } from '../core/parse/read-sections.js';
import { isBlankText, isValueText } from '../core/parse/read-values.js';
import type { SourceBlock, SourceCell, SourceDocument, SourceTable } from '../core/parse/source-types.js';

const ARTEFACTS = /\[(?:bookmark|BOOKMARK): [^\]\n]*\]/g;
const SPACES = /[ \u3000\u00a0\u2002\u2003]+/;
const HAN = /\p{Script=Han}/u;
const LABEL_EXCLUDED = /[。；;：:！!？?]/;

/** Decodes bytes: UTF-8 (BOM or not), UTF-16 with BOM; invalid UTF-8 is read as GB18030 with a note. */
export function decodeText(input: Uint8Array | string, notes: string[]): string {
  if (typeof input === 'string') return input.replace(/^\ufeff/, '');
  if (input[0] === 0xff && input[1] === 0xfe) return new TextDecoder('utf-16le').decode(input.subarray(2));
  if (input[0] === 0xfe && input[1] === 0xff) return new TextDecoder('utf-16be').decode(input.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input).replace(/^\ufeff/, '');
  } catch {
    notes.push('文件不是有效的 UTF-8 编码，已按 GB18030（GBK）编码读取');
    return new TextDecoder('gb18030').decode(input);
  }
}

type Kind = 'cell' | 'tsv' | 'empty' | 'text';

function kindOf(line: string): Kind {
  const tab = line.indexOf('\t');
  if (tab === 0 && line.indexOf('\t', 1) < 0) return 'cell';
  if (tab >= 0) return 'tsv';
  return line.trim() === '' ? 'empty' : 'text';
}

/**
 * Most table cells (TAB lines and TAB-separated fields) read from one text. A report's tables have some 400 cells;
 * each cell read costs ~100 bytes with its place, so 50 MB of TAB-separated data (50 million fields) would need
 * gigabytes: such a file is refused at once, before its tables are built.
 */
export const MAX_TEXT_CELLS = 100_000;

/** Cells the TAB lines of a text would make (counted up to just past the cap). */
function tabCells(lines: readonly string[], kinds: readonly Kind[]): number {
  let cells = 0;
  for (let i = 0; i < lines.length && cells <= MAX_TEXT_CELLS; i++) {
    const kind = kinds[i];
    if (kind === 'cell') cells++;
    else if (kind === 'tsv') cells += lines[i]!.split('\t').length;
  }
  return cells;
}

/** Reads plain text into a SourceDocument. */
export function readText(input: Uint8Array | string): SourceDocument {
  const notes: string[] = [];
  const text = decodeText(input, notes).replace(ARTEFACTS, '').replace(/\f/g, '').replace(/\v/g, '\n');
  const lines = text.split(/\r\n|\r|\n/);
  const kinds = lines.map(kindOf);
  if (tabCells(lines, kinds) > MAX_TEXT_CELLS) {
    throw new Error(`文本中的表格单元格过多（超过 ${MAX_TEXT_CELLS / 10_000} 万个，远多于年度报告的表格），未读取；请核对文件是否为年度报告`);
  }
  const blocks: SourceBlock[] = [];
  let tableNo = 0;
  let spaced: SourceCell[][] = [];
  let spacedLine = 0;
  const flushSpaced = () => {
    if (spaced.length) blocks.push({ kind: 'table', table: numbered(spaced, ++tableNo, spacedLine) });
    spaced = [];
  };

  let i = 0;
  while (i < lines.length) {
    const kind = kinds[i]!;
    if (kind === 'cell' || kind === 'tsv') {
      flushSpaced();
      const read = kind === 'cell' ? readWordTable(lines, kinds, i) : readTsv(lines, kinds, i);
      if (read.rows.length) blocks.push({ kind: 'table', table: numbered(read.rows, ++tableNo, i + 1) });
      i = read.next;
      continue;
    }
    if (kind === 'empty') { i++; continue; }
    const row = spacedRow(lines, kinds, i);
    if (row) {
      if (row.heading) { flushSpaced(); blocks.push({ kind: 'paragraph', text: row.heading, where: { line: i + 1 } }); }
      if (!spaced.length) spacedLine = i + 1;
      spaced.push(row.cells);
      i = row.next;
      continue;
    }
    flushSpaced();
    blocks.push({ kind: 'paragraph', text: lines[i]!, where: { line: i + 1 } });
    i++;
  }
  flushSpaced();
  return { type: 'txt', blocks, notes };
}

/** Gives a table its number and each cell its table/row/column place (the line is already set). */
function numbered(rows: SourceCell[][], table: number, line: number): SourceTable {
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r]!;
    for (let c = 0; c < cells.length; c++) {
      const where = cells[c]!.where;
      where.table = table;
      where.row = r + 1;
      where.column = c + 1;
    }
  }
  return { rows, where: { line, table } };
}

function cell(text: string, line: number): SourceCell {
  return { text, rowSpan: 1, colSpan: 1, where: { line, table: 0, row: 0, column: 0 } };
}

/** Form (a): one cell per TAB line, empty lines between rows, TAB-less lines continuing a cell. */
function readWordTable(lines: string[], kinds: Kind[], start: number): { rows: SourceCell[][]; next: number } {
  const rows: SourceCell[][] = [];
  let row: SourceCell[] = [];
  let lastWasCell = false;
  let i = start;
  for (; i < lines.length; i++) {
    const kind = kinds[i]!;
    if (kind === 'cell') {
      row.push(cell(lines[i]!.slice(1), i + 1));
      lastWasCell = true;
    } else if (kind === 'empty') {
      if (row.length) rows.push(row);
      row = [];
      lastWasCell = false;
    } else if (kind === 'text' && lastWasCell && !isHeadingLine(lines[i]!)) {
      const last = row[row.length - 1]!;
      last.text += `\n${lines[i]}`;
    } else {
      break;
    }
  }
  if (row.length) rows.push(row);
  return { rows, next: i };
}

/** A section heading (not a table row label): it ends a table even without an empty line before it. */
function isHeadingLine(line: string): boolean {
  const norm = normalizeLabel(line);
  return norm.length <= 40 && sectionHeadingKey(norm, null) !== null && markerOf(norm) === undefined;
}

/** Form (b): rows of tab-separated fields; empty lines between rows are skipped. */
function readTsv(lines: string[], kinds: Kind[], start: number): { rows: SourceCell[][]; next: number } {
  const rows: SourceCell[][] = [];
  let i = start;
  for (; i < lines.length; i++) {
    const kind = kinds[i]!;
    if (kind === 'empty') {
      let j = i + 1;
      while (j < lines.length && kinds[j] === 'empty') j++;
      if (j < lines.length && (kinds[j] === 'tsv' || kinds[j] === 'cell')) { i = j - 1; continue; }
      break;
    }
    // A quoted field may hold line breaks (spreadsheet export): the record goes on until the quotes close.
    const line = i + 1;
    let record = lines[i]!;
    let end = i;
    while (unbalanced(record) && end + 1 < lines.length && end - i < 20) record += `\n${lines[++end]}`;
    if (kind !== 'tsv' && kind !== 'cell' && !(record.startsWith('"') && record.includes('\t'))) break;
    i = end;
    rows.push(splitTsv(record).map((field) => cell(field, line)));
  }
  return { rows, next: i };
}

function unbalanced(record: string): boolean {
  let open = false;
  let fieldStart = true;
  for (const ch of record) {
    if (ch === '"' && (open || fieldStart)) open = !open;
    fieldStart = !open && ch === '\t';
  }
  return open;
}

/** Splits a tab-separated record; a field wrapped in quotes may hold tabs, line breaks and "" for a quote. */
function splitTsv(record: string): string[] {
  if (!record.includes('"')) return record.split('\t');
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let k = 0; k < record.length; k++) {
    const ch = record[k]!;
    if (quoted) {
      if (ch === '"' && record[k + 1] === '"') { field += '"'; k++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === '\t') { fields.push(field); field = ''; } else field += ch;
  }
  fields.push(field);
  return fields;
}

/** Whether a line is only values (numbers, placeholders) separated by spaces. */
function valueTokens(line: string): string[] | null {
  const tokens = line.trim().split(SPACES);
  return tokens.length && tokens.every((t) => t && isValueText(t)) ? tokens : null;
}

/** A short line that can label a row: Chinese text, no sentence punctuation, not a section heading. */
function isRowLabel(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 60 || !HAN.test(t) || LABEL_EXCLUDED.test(t.replace(/（[^）]*）|\([^)]*\)/g, ''))) return false;
  const norm = normalizeLabel(t);
  if (isTableHeaderText(norm)) return false;
  return !(sectionHeadingKey(norm, null) !== null && markerOf(norm) === undefined);
}

/**
 * Forms (c) and (d): a row label with its numbers on the same line (after spaces) or on the next
 * lines. A heading or header line directly followed by numbers stays a paragraph; the numbers form
 * a row without label (table 四's single row).
 */
function spacedRow(lines: string[], kinds: Kind[], start: number):
  { cells: SourceCell[]; next: number; heading?: string } | null {
  const line = lines[start]!;
  // Prose: a row label with its numbers is never this long.
  if (line.length > 300) return null;
  // A line of numbers only, with more on the next lines: a row without label (table 四).
  if (valueTokens(line)) {
    const values: SourceCell[] = [];
    let next = start;
    while (next < lines.length && kinds[next] === 'text') {
      const vt = valueTokens(lines[next]!);
      if (!vt) break;
      values.push(...vt.map((t) => cell(t, next + 1)));
      next++;
    }
    return values.length >= 2 ? { cells: values, next } : null;
  }
  // (c) label and numbers on one line.
  const tokens = line.trim().split(SPACES);
  let k = tokens.length;
  while (k > 0 && isValueText(tokens[k - 1]!) && !isBlankText(tokens[k - 1]!)) k--;
  const label = tokens.slice(0, k).join(' ');
  const numbers = tokens.slice(k);
  // “…情况 无” is prose; placeholders alone make a row only under an official label.
  const plausible = numbers.some((t) => /\d/.test(t)) || markerOf(normalizeLabel(label)) !== undefined;
  if (k > 0 && numbers.length && plausible && isRowLabel(label)) {
    return { cells: [cell(label, start + 1), ...numbers.map((t) => cell(t, start + 1))], next: start + 1 };
  }
  // (d) a label (or heading) line followed by lines of numbers.
  let next = start + 1;
  const values: SourceCell[] = [];
  while (next < lines.length && kinds[next] === 'text') {
    const vt = valueTokens(lines[next]!);
    if (!vt) break;
    values.push(...vt.map((t) => cell(t, next + 1)));
    next++;
  }
  if (!values.length) return null;
  if (isRowLabel(line)) return { cells: [cell(line.trim(), start + 1), ...values], next };
  // A heading or header line followed by numbers (table 四's row, perhaps run together).
  const norm = normalizeLabel(line);
  if (values.length >= 2 || isTableHeaderText(norm) || sectionHeadingKey(norm, null) !== null) {
    return { cells: values, next, heading: line };
  }
  return null;
}
