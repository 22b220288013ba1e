/**
 * Reading a hall's monthly figures from an XLSX file (the seed's halls keep their counts in spreadsheets): columns
 * 大厅 (the hall's registered name), 月份 (2019-12 or 2019年12月), 窗口数, 进驻事项数, 办件量, 快递送达证照数; a blank
 * cell stays blank. Runs in the matter pool's worker.
 */
import { xlsxRecords } from '../disclosure/item-import-read.js';
import type { MatterImportProblem } from './matter-columns.js';

/** The columns: key → header. */
export const HALL_COLUMNS = { hall: '大厅', month: '月份', windows: '窗口数', matters: '进驻事项数', transactions: '办件量', certificatesMailed: '快递送达证照数' } as const;
type HallKey = keyof typeof HALL_COLUMNS;

/** One row as read (texts). */
export interface RawHallRow { row: number; cells: Partial<Record<HallKey, string>> }

/** A read file. */
export interface ParsedHallFile { rows: RawHallRow[]; fileProblems: MatterImportProblem[] }

/** Reads the figures file. */
export async function readHallFile(bytes: Uint8Array, fileName: string): Promise<ParsedHallFile> {
  const refuse = (message: string): ParsedHallFile => ({ rows: [], fileProblems: [{ row: 0, column: '', message }] });
  let records: string[][];
  try {
    records = await xlsxRecords(bytes);
  } catch {
    return refuse(`文件“${fileName}”不是可读取的 Excel（.xlsx）文件。`);
  }
  const byHeader = new Map<string, HallKey>((Object.entries(HALL_COLUMNS) as Array<[HallKey, string]>).map(([k, h]) => [h, k]));
  const headerIndex = records.findIndex((r, i) => i < 10 && r.filter((c) => byHeader.has(c.trim())).length >= 3);
  if (headerIndex < 0) return refuse(`文件“${fileName}”的前 10 行中没有找到表头（应有“大厅”“月份”“窗口数”等列）。`);
  const at = new Map<HallKey, number>();
  records[headerIndex]!.forEach((text, i) => { const k = byHeader.get(text.trim()); if (k && !at.has(k)) at.set(k, i); });
  for (const k of ['hall', 'month'] as const) if (!at.has(k)) return refuse(`表头缺少必需的列“${HALL_COLUMNS[k]}”。`);
  const rows: RawHallRow[] = [];
  for (let r = headerIndex + 1; r < records.length; r++) {
    const record = records[r]!;
    if (!record.some((c) => c.trim() !== '')) continue;
    const cells: RawHallRow['cells'] = {};
    for (const [k, i] of at) cells[k] = (record[i] ?? '').trim();
    rows.push({ row: r + 1, cells });
  }
  return { rows, fileProblems: [] };
}
