/**
 * Reading an item spreadsheet (XLSX, or CSV in UTF-8 with or without BOM, or GB18030 as Excel saves it on a Chinese
 * Windows) into rows of text cells by column, with the body already sanitised. No database: this is the part that
 * runs in a worker thread for the API (item-import.worker.ts), and in-process for the CLI and the bench.
 */
import ExcelJS from 'exceljs';
import { columnOfHeader, HEADER_OF, ITEM_COLUMNS, normaliseHeader, STATE_HEADER, type ItemColumn } from './item-import-columns.js';
import { sanitizeItemBody } from './item-import-body.js';

/** One refusal or warning: the row (as the spreadsheet numbers it, the header being row 1), the column's Chinese header. */
export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}

/** One data row of the file: its row number and its cells by column (trimmed text, '' when blank). */
export interface RawItemRow {
  row: number;
  cells: Partial<Record<ItemColumn, string>>;
}

/** What reading a file gives: the rows, problems that refuse the whole file (a missing column), and warnings. */
export interface ParsedItemFile {
  rows: RawItemRow[];
  fileProblems: ImportProblem[];
  warnings: ImportProblem[];
}

/** The largest file accepted (an old site's 10,000 items with bodies fit in a few MB). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** An ExcelJS cell value as text; a date cell as YYYY-MM-DD (Excel stores dates without a zone, ExcelJS as UTC). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? '' : `${value.getUTCFullYear()}-${pad2(value.getUTCMonth() + 1)}-${pad2(value.getUTCDate())}`;
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in value) return String((value as ExcelJS.CellHyperlinkValue).text);
  return '';
}

/** Decodes CSV bytes: a BOM says UTF-8 (or UTF-16); otherwise valid UTF-8 is UTF-8, anything else GB18030. */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // GB18030 is a superset of GBK and GB2312: one decoder reads all three.
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Splits CSV text into records (RFC 4180: quoted fields with "" and line breaks inside; comma or tab separated). */
export function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const separator = !firstLine.includes(',') && firstLine.includes('\t') ? '\t' : ',';
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** Whether bytes are an XLSX (a zip) rather than text. */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The first visible sheet of an XLSX as rows of cell texts (row and column positions kept). */
export async function xlsxRecords(bytes: Uint8Array): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets.find((s) => s.state !== 'hidden' && s.state !== 'veryHidden') ?? book.worksheets[0];
  if (!sheet) return [];
  const records: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => { values[col - 1] = cellText(cell.value); });
    records[number - 1] = Array.from(values, (v) => v ?? '');
  });
  return Array.from(records, (r) => r ?? []);
}

/** Rows looked at for the headers: an old site's export often has a title row (or two) above them. */
const HEADER_SEARCH = 10;

/**
 * The index of the header row: the first of the first rows that names at least three known columns, else the first
 * non-empty row (whose unknown headers are then reported). -1 for an empty file.
 */
function findHeaderRow(records: readonly string[][]): number {
  const first = records.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (first < 0) return -1;
  for (let i = first; i < Math.min(records.length, first + HEADER_SEARCH); i++) {
    if (records[i]!.filter((c) => columnOfHeader(c) !== null).length >= 3) return i;
  }
  return first;
}

/**
 * Reads an item file. The headers are the first row naming known columns (title rows above them are skipped); a
 * required column that is missing, or a column given twice, refuses the file. Blank rows are skipped; row numbers
 * are the spreadsheet's.
 */
export async function readItemFile(bytes: Uint8Array, fileName: string): Promise<ParsedItemFile> {
  const fileProblems: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  let records: string[][];
  if (isZip(bytes)) {
    try {
      records = await xlsxRecords(bytes);
    } catch {
      return { rows: [], fileProblems: [{ row: 0, column: '', message: `文件“${fileName}”不是可读取的 Excel（.xlsx）文件。` }], warnings };
    }
  } else if (/\.xlsx?$/i.test(fileName) && !/\.csv$/i.test(fileName)) {
    const message = /\.xls$/i.test(fileName)
      ? `文件“${fileName}”是旧版 Excel（.xls）格式，请在 Excel 中另存为 .xlsx 或 CSV 后再导入。`
      : `文件“${fileName}”不是可读取的 Excel（.xlsx）文件。`;
    return { rows: [], fileProblems: [{ row: 0, column: '', message }], warnings };
  } else {
    records = parseCsv(decodeCsv(bytes));
  }

  const headerIndex = findHeaderRow(records);
  if (headerIndex < 0) return { rows: [], fileProblems: [{ row: 0, column: '', message: `文件“${fileName}”中没有内容。` }], warnings };
  const headerRow = headerIndex + 1;
  const columnAt: Array<ItemColumn | null> = [];
  const seen = new Map<ItemColumn, number>();
  records[headerIndex]!.forEach((text, i) => {
    if (text.trim() === '') {
      columnAt[i] = null;
      return;
    }
    const key = columnOfHeader(text);
    columnAt[i] = key;
    if (key === null) {
      if (normaliseHeader(text) === STATE_HEADER) return;
      warnings.push({ row: headerRow, column: text.trim(), message: `第 ${headerRow} 行：不认识的列“${text.trim()}”，已忽略。` });
    } else if (seen.has(key)) {
      fileProblems.push({ row: headerRow, column: HEADER_OF[key], message: `第 ${headerRow} 行：列“${HEADER_OF[key]}”出现了两次（第 ${seen.get(key)! + 1} 列和第 ${i + 1} 列）。` });
    } else seen.set(key, i);
  });
  for (const column of ITEM_COLUMNS) {
    if (column.required && !seen.has(column.key)) {
      fileProblems.push({ row: headerRow, column: column.header, message: `第 ${headerRow} 行（表头）缺少必需的列“${column.header}”。` });
    }
  }
  if (fileProblems.length > 0) return { rows: [], fileProblems, warnings };

  const rows: RawItemRow[] = [];
  for (let r = headerIndex + 1; r < records.length; r++) {
    const record = records[r]!;
    if (!record.some((c) => c.trim() !== '')) continue;
    const cells: Partial<Record<ItemColumn, string>> = {};
    for (const [key, i] of seen) cells[key] = key === 'body' ? (record[i] ?? '') : (record[i] ?? '').trim();
    const row = r + 1;
    if (cells.body) {
      const clean = sanitizeItemBody(cells.body);
      cells.body = clean.html;
      if (clean.removed.length > 0) {
        warnings.push({ row, column: '正文', message: `第 ${row} 行“正文”：已删除不安全的内容（${clean.removed.join('、')}）。` });
      }
    }
    rows.push({ row, cells });
  }
  return { rows, fileProblems, warnings };
}
