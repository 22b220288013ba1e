/**
 * The pure logic of the 报告核查 screens: the client-side size limit of an upload, the progress line while a
 * batch is read, the order of findings (errors first), the cells a finding is about, the look of a cell by how
 * it was read, and the changes between years. The words of states come from the server (labels), not from here.
 */
import { fileSize } from './disclosure-labels.js';
import type { AuditBatch, AuditDetailCell, AuditDetailTable, AuditFileRow, AuditFinding, AuditSeverity } from './schema-types.js';

/** Largest report file the UI sends; the server enforces its own limits too. */
export const MAX_AUDIT_UPLOAD_BYTES = 50 * 1024 * 1024;

/** Largest .zip the UI sends: the whole upload's limit (the server holds each file inside to 50 MB). */
export const MAX_AUDIT_ZIP_BYTES = 1024 * 1024 * 1024;

/** Why a chosen file is refused before sending, or null when it may be sent. */
export function uploadRefusal(file: { name: string; size: number }): string | null {
  if (/\.zip$/i.test(file.name)) {
    if (file.size > MAX_AUDIT_ZIP_BYTES) return `压缩包“${file.name}”大小为 ${fileSize(file.size)}，超过 1 GB 的上限，未加入；请分成几个压缩包上传。`;
  } else if (file.size > MAX_AUDIT_UPLOAD_BYTES) {
    return `文件“${file.name}”大小为 ${fileSize(file.size)}，超过 50 MB 的上限，未加入。`;
  }
  if (file.size === 0) return `文件“${file.name}”是空文件，未加入。`;
  return null;
}

/** The total size of files in words. */
export function totalSize(files: readonly { size: number }[]): string {
  return fileSize(files.reduce((sum, f) => sum + f.size, 0));
}

/** 0…100: how far the batch's reading is. */
export function progressPercent(batch: Pick<AuditBatch, 'total' | 'done'>): number {
  return batch.total > 0 ? Math.min(100, Math.floor((batch.done / batch.total) * 100)) : 0;
}

/** The progress line: 正在读取 12/40：某局2021年报.docx (the file being read is the next after those done). */
export function progressText(batch: Pick<AuditBatch, 'state' | 'stateLabel' | 'total' | 'done' | 'current'>): string {
  if (batch.state !== 'reading') return `${batch.stateLabel}：已处理 ${batch.done}/${batch.total} 个文件`;
  const at = Math.min(batch.total, batch.done + 1);
  return batch.current ? `正在读取 ${at}/${batch.total}：${batch.current}` : `正在读取 ${at}/${batch.total}`;
}

/** The counts of a batch in one line. */
export function countsText(batch: Pick<AuditBatch, 'counts' | 'total'>): string {
  const c = batch.counts;
  return `${batch.total} 个文件，读取报告 ${c.reports} 份，无法读取 ${c.unreadable} 个；错误 ${c.errors} 项，警告 ${c.warnings} 项，缺失 ${c.missing} 项，恢复 ${c.recovered} 项`;
}

const SEVERITY_ORDER: Record<AuditSeverity, number> = { error: 0, warning: 1, missing: 2, recovered: 3 };

/**
 * Findings in the order a person works through them: errors, warnings, missing, recovered, each kind in the
 * server's order (a decision does not move its row: the person keeps their place).
 */
export function orderFindings(findings: readonly AuditFinding[]): AuditFinding[] {
  return findings.map((f, i) => ({ f, i })).sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i).map((x) => x.f);
}

/** Counts of findings by severity, and how many still wait for a decision. */
export function findingCounts(findings: readonly AuditFinding[]): Record<AuditSeverity | 'undecided', number> {
  const counts = { error: 0, warning: 0, missing: 0, recovered: 0, undecided: 0 };
  for (const f of findings) {
    counts[f.severity]++;
    if (!f.decision) counts.undecided++;
  }
  return counts;
}

/** The table (二/三/四) a cell key belongs to: keys start with it (三:received:total). */
export function tableOfKey(key: string): string {
  return key.split(':')[0] ?? '';
}

/** The cell keys of a finding, and the table to show first (of its first cell). */
export function findingCells(finding: Pick<AuditFinding, 'cells'>): { keys: Set<string>; table: string | null } {
  const keys = new Set(finding.cells.map((c) => c.key));
  const first = finding.cells[0];
  return { keys, table: first ? tableOfKey(first.key) : null };
}

/** The class of a detail cell: its reading state, and highlighted when the selected finding is about it. */
export function cellClass(cell: Pick<AuditDetailCell, 'state' | 'key'>, selected: ReadonlySet<string>): string {
  return `gk-audit-cell gk-audit-${cell.state}${selected.has(cell.key) ? ' gk-audit-selected' : ''}`;
}

/** A change between years: +3, −2, 0, or — when either year is blank. */
export function changeText(change: number | null): string {
  if (change === null) return '—';
  if (change > 0) return `+${change}`;
  if (change < 0) return `−${Math.abs(change)}`;
  return '0';
}

/** A figure of a comparison: blank stays 空白 (never 0). */
export function figureText(value: number | null | undefined): string {
  return value === null || value === undefined ? '空白' : String(value);
}

/** The 状态/错误信息 column of a file: the Chinese reason when it could not be read, otherwise its state. */
export function fileStatusText(row: Pick<AuditFileRow, 'state' | 'stateLabel' | 'error'>): string {
  return row.state === 'failed' && row.error ? `${row.stateLabel}：${row.error}` : row.stateLabel;
}

/** Whether a dismissal's note is acceptable: required, at most 500 characters. Returns the Chinese problem or null. */
export function decisionNoteProblem(kind: 'confirmed' | 'dismissed', note: string): string | null {
  if (kind === 'dismissed' && note.trim() === '') return '认定“不是问题”时须填写说明。';
  if (note.length > 500) return `说明不能超过 500 字（现有 ${note.length} 字）。`;
  return null;
}

/** The tables of a detail grouped by table (表二 comes as one block per 第二十条 item), in their order. */
export function tablesById(tables: readonly AuditDetailTable[]): Array<[string, AuditDetailTable[]]> {
  const groups = new Map<string, AuditDetailTable[]>();
  for (const t of tables) groups.set(t.id, [...(groups.get(t.id) ?? []), t]);
  return [...groups];
}

