/**
 * The audit as an Excel workbook: sheet 报告 (one row per report file), sheet 问题 (every failed
 * check, hard and soft, and every cell that could not be read, with its evidence) and sheet 说明
 * (what the columns mean). Header rows are bold, frozen and filterable.
 */
import ExcelJS from 'exceljs';
import { auditTotals, PROBLEM_COLUMNS, REPORT_COLUMNS, totalsSentence, type AuditColumn } from './audit-columns.js';
import type { AuditResult } from './audit-run.js';

/** Options of the writers: when the audit was made (from the caller's clock). */
export interface AuditOutputOptions {
  generatedAt?: string;
}

/** Excel refuses cells longer than this. */
const MAX_CELL_CHARS = 32_000;

const clip = (text: string) => (text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS)}……（以下从略）` : text);

function addSheet<T>(workbook: ExcelJS.Workbook, name: string, columns: Array<AuditColumn<T>>, rows: readonly T[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({ key: `c${i}`, width: c.width, header: c.header }));
  for (const row of rows) {
    sheet.addRow(columns.map((c) => {
      const v = c.value(row);
      return typeof v === 'string' ? clip(v) : v;
    }));
  }
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F2F5' } };
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    if (c.kind === 'percent') column.numFmt = '0%';
    column.alignment = { vertical: 'top', wrapText: c.width >= 30 };
  });
  // Column styles also reach the header row: set its own alignment after them.
  header.alignment = { vertical: 'middle', wrapText: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

const NOTES: Array<[string, string]> = [
  ['错误（项）', '强制性勾稽关系未通过的项数（如“第一项加第二项之和等于第三项加第四项之和”）；存在错误的报告数据有误。'],
  ['警告（项）', '提示性核对未通过的项数（空白单元格、正文与表格数字不一致、跨年度衔接等），请逐项核实。'],
  ['空白单元格', '报告中留空的单元格数。空白不是 0：确无此项的应填 0。'],
  ['未能读取的单元格', '无法识别为数字、连在一起的数字有多种拆分、或在文件中未找到的单元格数；这些单元格按空白处理，明细见“问题”表。'],
  ['置信度（最低）', '各统计表中读取无误的单元格所占比例的最低值；低于 100% 时请对照原文核实。'],
  ['读取错误', '整个文件无法作为年度报告读取的原因（非报告、文件损坏、扫描件、过大、空文件等）。'],
  ['问题表“所涉单元格”', '每个单元格的表号、行列标签、读出的数值，以及在原文件中的位置（行号，或页码、表格及行列）。'],
];

/** Writes the workbook; returns the .xlsx bytes. */
export async function auditXlsx(audit: AuditResult, options: AuditOutputOptions = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Gongkai 公开';
  addSheet(workbook, '报告', REPORT_COLUMNS, audit.rows);
  const problems = addSheet(workbook, '问题', PROBLEM_COLUMNS, audit.problems);
  // Errors stand out in red so a long list can be scanned.
  audit.problems.forEach((p, i) => {
    if (p.severity === 'error') problems.getRow(i + 2).getCell(2).font = { bold: true, color: { argb: 'FFB00020' } };
  });

  const notes = workbook.addWorksheet('说明');
  notes.columns = [{ width: 22 }, { width: 100 }];
  const t = auditTotals(audit.rows);
  notes.addRow(['政府信息公开工作年度报告批量核查结果']).font = { bold: true, size: 14 };
  if (options.generatedAt) notes.addRow(['生成时间', options.generatedAt]);
  notes.addRow(['汇总', totalsSentence(audit.rows)]);
  notes.addRow(['问题条数', `${audit.problems.length} 条（错误 ${audit.problems.filter((p) => p.severity === 'error').length} 条）；无法读取的文件 ${t.failed} 个`]);
  notes.addRow([]);
  notes.addRow(['栏目', '含义']).font = { bold: true };
  for (const [name, text] of NOTES) notes.addRow([name, text]);
  notes.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  notes.getColumn(1).alignment = { vertical: 'top' };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
