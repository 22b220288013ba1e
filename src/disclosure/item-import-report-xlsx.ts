/**
 * The report of an import as a spreadsheet (`gongkai item import --report FILE.xlsx`): one sheet of refusals and one
 * of warnings, each row naming the file's row and column, so the office can fix the file line by line.
 */
import ExcelJS from 'exceljs';
import type { ImportProblem } from './item-import-read.js';
import type { ItemImportReport } from './item-import.service.js';

function sheetOf(book: ExcelJS.Workbook, name: string, problems: readonly ImportProblem[]): void {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [{ header: '行号', key: 'row', width: 8 }, { header: '列', key: 'column', width: 14 }, { header: '说明', key: 'message', width: 90 }];
  for (const p of problems) sheet.addRow({ row: p.row || '', column: p.column, message: p.message });
  sheet.getRow(1).font = { bold: true };
}

/** The refusals and warnings of a report as XLSX bytes. */
export async function importReportXlsx(report: ItemImportReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Gongkai';
  const summary = book.addWorksheet('结果');
  summary.columns = [{ header: '项目', key: 'k', width: 16 }, { header: '内容', key: 'v', width: 90 }];
  summary.addRows([
    { k: '文件', v: report.fileName }, { k: '数据行数', v: report.rows },
    { k: report.dryRun ? '可导入' : '已导入', v: report.imported }, { k: '被拒绝的行', v: report.refusedRows },
    { k: '提示', v: report.warnings.length }, { k: '结果', v: report.message },
  ]);
  summary.getRow(1).font = { bold: true };
  sheetOf(book, '被拒绝', report.refused);
  sheetOf(book, '提示', report.warnings);
  return Buffer.from(await book.xlsx.writeBuffer());
}
