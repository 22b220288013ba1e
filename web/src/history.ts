/**
 * Words for the report's event log: what changed, from what to what. The server records only
 * the fields that changed (report-diff.ts): status, version, text fields, sections by key and
 * cells by cell key, blanks as null.
 */
import type { CheckCellValue, FormatId } from './api-types.js';
import { FORMAT_LABELS, STATUS_LABELS, checkValueText } from './labels.js';

const FIELD_LABELS: Record<string, string> = {
  status: '状态', version: '版本', issuedOn: '成文日期', title: '标题', format: '格式', year: '年度',
  agencyId: '机关编号', hardFailures: '错误', warnings: '警告', note: '说明', reason: '原因',
  signature: '落款', preamble: '引言', extraRows: '增加的行', failed: '未通过的检查',
};

/** Most cells listed for one event; the rest are counted. */
const MAX_CELLS = 12;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function valueText(key: string, v: unknown): string {
  if (v === null || v === undefined) return '空';
  if (key === 'status' && typeof v === 'string' && v in STATUS_LABELS) return STATUS_LABELS[v as keyof typeof STATUS_LABELS];
  if (key === 'format' && typeof v === 'string' && v in FORMAT_LABELS) return FORMAT_LABELS[v as FormatId];
  if (key === 'version' && typeof v === 'number') return `第 ${v} 版`;
  if (key === 'failed' && Array.isArray(v)) return v.map((f) => (isRecord(f) ? String(f.title ?? f.id) : String(f))).join('；');
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (Array.isArray(v)) return `${v.length} 项`;
  const json = JSON.stringify(v);
  return json.length > 80 ? `${json.slice(0, 80)}…` : json;
}

/** Lines for changed cells: 二:licensing:total：空白 → 3 (a blank is never shown as 0). */
function cellLines(old: unknown, next: unknown): string[] {
  const a = isRecord(old) ? old : {};
  const b = isRecord(next) ? next : {};
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const lines = keys.slice(0, MAX_CELLS).map((k) =>
    `单元格 ${k}：${checkValueText(a[k] as CheckCellValue)} → ${checkValueText(b[k] as CheckCellValue)}`);
  if (keys.length > MAX_CELLS) lines.push(`另有 ${keys.length - MAX_CELLS} 个单元格`);
  return lines;
}

/** Lines for changed sections: 章节“三”已修改. */
function sectionLines(old: unknown, next: unknown): string[] {
  const a = isRecord(old) ? old : {};
  const b = isRecord(next) ? next : {};
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].map((k) => {
    const heading = (isRecord(b[k]) ? b[k].heading : isRecord(a[k]) ? a[k].heading : null) ?? k;
    return `章节“${String(heading)}”：${a[k] == null ? '新增' : b[k] == null ? '删除' : '已修改'}`;
  });
}

/**
 * Lines describing a change: for objects, one line per field that differs (状态：草稿 → 已检查);
 * a field only in the new value is listed as set; cells and sections one line each.
 */
export function describeChange(old: unknown, next: unknown): string[] {
  if (isRecord(old) || isRecord(next)) {
    const a = isRecord(old) ? old : {};
    const b = isRecord(next) ? next : {};
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => k !== 'changed');
    return keys
      .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
      .flatMap((k) => {
        if (k === 'cells') return cellLines(a[k], b[k]);
        if (k === 'sections') return sectionLines(a[k], b[k]);
        if (k === 'preamble' || k === 'extraRows') return [`${FIELD_LABELS[k]}：已修改`];
        const label = FIELD_LABELS[k] ?? k;
        return k in a ? `${label}：${valueText(k, a[k])} → ${valueText(k, b[k])}` : `${label}：${valueText(k, b[k])}`;
      });
  }
  if (old === null || old === undefined) return next === null || next === undefined ? [] : [valueText('', next)];
  return [`${valueText('', old)} → ${valueText('', next)}`];
}
