/**
 * Display labels and formatting shared by the screens: statuses, formats, event types, times.
 */
import type { AgencyKind, CheckCellValue, FormatId, ReportStatus } from './api-types.js';

export const STATUS_LABELS: Record<ReportStatus, string> = { draft: '草稿', checked: '已检查', published: '已发布' };
/** Tag colours with AA contrast (white text on the published green and the checked blue). */
export const STATUS_COLORS: Record<ReportStatus, string> = { draft: 'default', checked: '#1d4f91', published: '#2e7031' };

/** The national formats (国办公开办函〔2019〕60号 trial format; 国办公开办函〔2021〕30号). */
export const FORMAT_LABELS: Record<FormatId, string> = { '2019': '2019 试行格式', '2021': '2021 格式' };

export const AGENCY_KIND_LABELS: Record<AgencyKind, string> = { government: '人民政府', department: '部门', unit: '单位' };

/** The format a report year uses by default: 2019–2020 the 2019 trial format, 2021 on the 2021 format. */
export function defaultFormatForYear(year: number): FormatId {
  return year >= 2021 ? '2021' : '2019';
}

const EVENT_LABELS: Record<string, string> = {
  created: '创建报告',
  create: '创建报告',
  imported: '导入交换文件',
  import: '导入交换文件',
  updated: '保存新版本',
  update: '保存新版本',
  checked: '检查',
  check: '检查',
  published: '发布',
  publish: '发布',
  status: '状态变更',
  'status-changed': '状态变更',
};

/** Chinese name of an event type; unknown types are shown as recorded. */
export function eventLabel(type: string): string {
  return EVENT_LABELS[type] ?? type;
}

const TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  hour12: false,
});

/** An ISO timestamp in Beijing time, e.g. 2020-01-18 09:30. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = Object.fromEntries(TIME.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour === '24' ? '00' : parts.hour}:${parts.minute}`;
}

/** A YYYY-MM-DD date as printed in the report: 2020年1月18日. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
}

/** A checked cell's value as printed: blank as “空白” (never 0), amounts with their unit. */
export function checkValueText(v: CheckCellValue | undefined): string {
  if (v === null || v === undefined) return '空白';
  if (typeof v === 'number') return String(v);
  if ('amount' in v) return `${v.amount}${v.unit ?? ''}`;
  return `“${v.written}”`;
}

/** A side of an equation: null (nothing to sum) shown as 空白. */
export function sideText(v: number | null): string {
  return v === null ? '空白' : String(v);
}
