/**
 * Reading a matter list from an XLSX file: the first visible sheet, the header row (title rows above it skipped),
 * then one matter per non-blank row. A missing required column or a column given twice refuses the file. Runs in a
 * worker thread for the API (matter-import.worker.ts) and in-process for the bench.
 */
import { xlsxRecords } from '../disclosure/item-import-read.js';
import { columnOfHeader, MATTER_COLUMNS, STATE_HEADER, type MatterImportProblem, type RawMatterRow } from './matter-columns.js';

/** A read file: its rows, or the problems that refuse it whole. */
export interface ParsedMatterFile { rows: RawMatterRow[]; fileProblems: MatterImportProblem[]; warnings: MatterImportProblem[] }

/** Reads an XLSX matter list. */
export async function readMatterFile(bytes: Uint8Array, fileName: string): Promise<ParsedMatterFile> {
  const warnings: MatterImportProblem[] = [];
  const refuse = (message: string): ParsedMatterFile => ({ rows: [], fileProblems: [{ row: 0, column: '', message }], warnings });
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return refuse(`文件“${fileName}”不是 Excel（.xlsx）文件；请在 Excel 中另存为 .xlsx 后再导入。`);
  let records: string[][];
  try {
    records = await xlsxRecords(bytes);
  } catch {
    return refuse(`文件“${fileName}”不是可读取的 Excel（.xlsx）文件。`);
  }
  const headerIndex = records.findIndex((r, i) => i < 10 && r.filter((c) => columnOfHeader(c) !== null).length >= 3);
  if (headerIndex < 0) return refuse(`文件“${fileName}”的前 10 行中没有找到表头（应有“事项名称”“事项编码”“实施主体”等列）。`);
  const headerRow = headerIndex + 1;
  const at = new Map<string, number>();
  const fileProblems: MatterImportProblem[] = [];
  records[headerIndex]!.forEach((text, i) => {
    if (text.trim() === '') return;
    const col = columnOfHeader(text);
    if (!col && text.trim() === STATE_HEADER) return;
    if (!col) warnings.push({ row: headerRow, column: text.trim(), message: `第 ${headerRow} 行：不认识的列“${text.trim()}”，已忽略。` });
    else if (at.has(col.key)) fileProblems.push({ row: headerRow, column: col.header, message: `第 ${headerRow} 行：列“${col.header}”出现了两次。` });
    else at.set(col.key, i);
  });
  for (const col of MATTER_COLUMNS) {
    if (col.required && !at.has(col.key)) fileProblems.push({ row: headerRow, column: col.header, message: `第 ${headerRow} 行（表头）缺少必需的列“${col.header}”。` });
  }
  if (fileProblems.length > 0) return { rows: [], fileProblems, warnings };
  const rows: RawMatterRow[] = [];
  for (let r = headerIndex + 1; r < records.length; r++) {
    const record = records[r]!;
    if (!record.some((c) => c.trim() !== '')) continue;
    const cells: Record<string, string> = {};
    for (const [key, i] of at) cells[key] = (record[i] ?? '').trim();
    rows.push({ row: r + 1, cells });
  }
  if (rows.length === 0) return refuse(`文件“${fileName}”中没有事项。`);
  return { rows, fileProblems: [], warnings };
}
