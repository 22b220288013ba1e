/**
 * The 互联网信息发布每月检查清理清单 of an agency and month as Excel and Word: every item published that month on
 * each channel, the reviewer's keep / withdraw decision with the reason, and the 审核签字 footer (the signer and
 * date once signed off, blank lines to sign by hand before). Landscape A4: ten columns.
 */
import { Paragraph, Table, TableLayoutType, TableRow, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import { CHANNELS, isChannel } from '../../core/disclosure/channels.js';
import { CHECKLIST_DECISIONS, type ChecklistDecision } from '../../core/disclosure/checklist.js';
import { gridWidths } from '../docx/docx-table.js';
import { docxCell, docxLine, docxTextWidth, docxTitle, packDocx } from './docx-kit.js';
import { chineseDate } from './disclosure-item.js';

/** The list's title. */
export const CHECKLIST_TITLE = '互联网信息发布每月检查清理清单';


/** One publication of the month and its check. */
export interface ChecklistRow {
  indexNo: string | null;
  title: string;
  /** Channel key (a key no longer in the list prints as stored). */
  channel: string;
  /** 发布日期 (YYYY-MM-DD). */
  publishedOn: string;
  /** 发布人. */
  publisher: string;
  /** null until checked. */
  decision: ChecklistDecision | null;
  /** 撤回理由 (withdrawals only). */
  reason: string | null;
  /** 检查人, or null until checked. */
  checker: string | null;
  /** 检查日期 (YYYY-MM-DD), or null. */
  checkedOn: string | null;
}

/** The whole list. */
export interface ChecklistSheet {
  /** The agency's full name. */
  agency: string;
  /** YYYY-MM. */
  month: string;
  rows: ChecklistRow[];
  /** Who signed it off, or null before. */
  signedBy: string | null;
  /** YYYY-MM-DD, or null. */
  signedOn: string | null;
}

/** Column headings in order. */
export const CHECKLIST_COLUMNS = ['序号', '索引号', '标题', '发布渠道', '发布日期', '发布人', '检查结论', '撤回理由', '检查人', '检查日期'] as const;

/** Relative column widths (the title and the reason take the room). */
const WIDTHS = [6, 24, 30, 14, 12, 10, 9, 18, 10, 12];

/** 2026年3月 from 2026-03. */
export function monthTitle(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${m[1]}年${Number(m[2])}月` : month;
}

/** A row's cells as printed (dates in Chinese, blanks for what is not yet decided). */
export function checklistCells(row: ChecklistRow, n: number): string[] {
  return [
    String(n), row.indexNo ?? '', row.title, isChannel(row.channel) ? CHANNELS[row.channel] : row.channel, chineseDate(row.publishedOn), row.publisher,
    row.decision ? CHECKLIST_DECISIONS[row.decision] : '', row.reason ?? '', row.checker ?? '', chineseDate(row.checkedOn),
  ];
}

/** The 审核签字 line: the signer and date, or blank lines to sign on paper. */
export function signatureLine(s: ChecklistSheet): string {
  return s.signedBy
    ? `审核签字：${s.signedBy}　　　　日期：${chineseDate(s.signedOn)}`
    : '审核签字：＿＿＿＿＿＿＿＿　　　　日期：＿＿＿＿年＿＿月＿＿日';
}

const subtitle = (s: ChecklistSheet) => `单位：${s.agency}　　　　检查月份：${monthTitle(s.month)}　　　　共 ${s.rows.length} 条`;

/** The list as an .xlsx workbook: one sheet, title and footer merged across the columns, printed landscape. */
export async function renderChecklistXlsx(s: ChecklistSheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = s.agency;
  workbook.title = `${CHECKLIST_TITLE}（${monthTitle(s.month)}）`;
  const sheet = workbook.addWorksheet(monthTitle(s.month), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = WIDTHS.map((w) => ({ width: Math.round(w * 1.3) }));
  const last = CHECKLIST_COLUMNS.length;
  const merged = (text: string, opts: Partial<ExcelJS.Style>) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, last);
    Object.assign(row.getCell(1), { style: opts });
    return row;
  };
  merged(CHECKLIST_TITLE, { font: { name: '宋体', size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } }).height = 28;
  merged(subtitle(s), { font: { name: '宋体', size: 11 }, alignment: { horizontal: 'left' } });
  const thin = { style: 'thin' as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  const header = sheet.addRow([...CHECKLIST_COLUMNS]);
  header.eachCell((c) => { c.style = { font: { name: '宋体', bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, border }; });
  s.rows.forEach((r, i) => {
    const row = sheet.addRow(checklistCells(r, i + 1));
    row.getCell(1).value = i + 1;
    row.eachCell({ includeEmpty: true }, (c, col) => {
      c.style = { font: { name: '宋体' }, alignment: { horizontal: col === 3 || col === 8 ? 'left' : 'center', vertical: 'middle', wrapText: true }, border };
    });
  });
  sheet.views = [{ state: 'frozen', ySplit: 3 }];
  sheet.pageSetup.printTitlesRow = '3:3';
  sheet.addRow([]);
  merged(signatureLine(s), { font: { name: '宋体', size: 12 }, alignment: { horizontal: 'right' } });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The list as a .docx file (landscape A4, the heading row repeated on every page). */
export async function renderChecklistDocx(s: ChecklistSheet): Promise<Buffer> {
  const width = docxTextWidth(true);
  const widths = gridWidths(WIDTHS, width);
  const size = 18;
  const table = new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: CHECKLIST_COLUMNS.map((h, i) => docxCell(h, { width: widths[i], bold: true, size })) }),
      ...s.rows.map((r, n) => new TableRow({
        cantSplit: true,
        children: checklistCells(r, n + 1).map((text, i) => docxCell(text, { width: widths[i], size, align: i === 2 || i === 7 ? 'left' : 'center' })),
      })),
      ...(s.rows.length ? [] : [new TableRow({ children: [docxCell('本月无发布信息', { columnSpan: CHECKLIST_COLUMNS.length, size })] })]),
    ],
  });
  return packDocx({ title: `${CHECKLIST_TITLE}（${monthTitle(s.month)}）`, creator: s.agency, keywords: '政府信息公开;检查清理' }, [
    docxTitle(CHECKLIST_TITLE, 36),
    docxLine(subtitle(s), { size: 24 }),
    table,
    new Paragraph({ children: [] }),
    docxLine(signatureLine(s), { size: 24, align: 'right', before: 240 }),
  ], true);
}
