/** The security log as an Excel workbook for the audit admin (exceljs). */
import ExcelJS from 'exceljs';
import type { SecurityEvent } from './security-log.service.js';

const COLUMNS = [
  { header: '序号', key: 'id', width: 8 },
  { header: '时间', key: 'at', width: 24 },
  { header: '事件', key: 'typeName', width: 16 },
  { header: '结果', key: 'result', width: 8 },
  { header: '操作人', key: 'actorName', width: 14 },
  { header: '登录名', key: 'login', width: 16 },
  { header: '对象', key: 'target', width: 24 },
  { header: '详情', key: 'detail', width: 60 },
  { header: '来源地址', key: 'ip', width: 16 },
];

/** The workbook's bytes. */
export async function securityLogWorkbook(events: readonly SecurityEvent[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('安全审计日志');
  sheet.columns = COLUMNS;
  sheet.getRow(1).font = { bold: true };
  for (const e of events) {
    sheet.addRow({
      id: e.id, at: e.at, typeName: e.typeName, result: e.success ? '成功' : '失败', actorName: e.actorName ?? '',
      login: e.login ?? '', target: e.target ?? '', detail: e.detail ? JSON.stringify(e.detail) : '', ip: e.ip ?? '',
    });
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
