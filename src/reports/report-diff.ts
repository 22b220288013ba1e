/**
 * What changed between two versions of a report, for the audit trail: the changed cells with old
 * and new values, and the changed text fields — never two whole documents.
 */
import type { ProblemDetail } from '../core/errors.js';
import { cellDef, getFormat } from '../core/format/registry.js';
import { showPath } from '../core/interchange/labels.js';
import type { CellValue, ExtraRow, ReportDocument, ReportSection } from '../core/report/report-model.js';

/** One side of a change: only the keys that changed. */
export interface ChangeSide {
  format?: string;
  title?: string;
  issuedOn?: string | null;
  signature?: string | null;
  preamble?: string[];
  /** Changed sections by key (一…六), each as a whole (heading, paragraphs, parts). */
  sections?: Record<string, Omit<ReportSection, 'key'> | null>;
  /** Changed cells by cell key. */
  cells?: Record<string, CellValue>;
  extraRows?: ExtraRow[];
}

export interface DocumentChange {
  /** Names of the changed fields, e.g. ['cells', 'title']. */
  changed: string[];
  old: ChangeSide;
  new: ChangeSide;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function sectionText(s: ReportSection | undefined): Omit<ReportSection, 'key'> | null {
  return s ? { heading: s.heading, paragraphs: s.paragraphs, parts: s.parts } : null;
}

/** Computes the change from `before` to `after` (both in stored normal form). */
export function diffDocuments(before: ReportDocument, after: ReportDocument): DocumentChange {
  const change: DocumentChange = { changed: [], old: {}, new: {} };
  for (const field of ['format', 'title', 'issuedOn', 'signature', 'preamble', 'extraRows'] as const) {
    if (!same(before[field], after[field])) {
      change.changed.push(field);
      (change.old as Record<string, unknown>)[field] = before[field];
      (change.new as Record<string, unknown>)[field] = after[field];
    }
  }
  const keys = [...new Set([...before.sections, ...after.sections].map((s) => s.key))];
  for (const key of keys) {
    const a = sectionText(before.sections.find((s) => s.key === key));
    const b = sectionText(after.sections.find((s) => s.key === key));
    if (same(a, b)) continue;
    (change.old.sections ??= {})[key] = a;
    (change.new.sections ??= {})[key] = b;
  }
  if (change.old.sections) change.changed.push('sections');
  for (const key of new Set([...Object.keys(before.cells), ...Object.keys(after.cells)])) {
    // A blank (null) and 0 differ: compare the stored values exactly.
    const a = before.cells[key] ?? null;
    const b = after.cells[key] ?? null;
    if (same(a, b)) continue;
    (change.old.cells ??= {})[key] = a;
    (change.new.cells ??= {})[key] = b;
  }
  if (change.old.cells) change.changed.push('cells');
  return change;
}

/** Official names of the document fields besides sections and cells. */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  format: '报告格式', title: '标题', issuedOn: '成文日期', signature: '落款', preamble: '前言', extraRows: '表二自设行',
};

/** A cell value as a reader sees it: 空白, a number, an amount with its unit, or a placeholder as written. */
export function showCellValue(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '空白';
  if (typeof value === 'number') return String(value);
  if ('amount' in value) return `${value.amount}${value.unit ?? ''}`;
  return `“${value.written}”`;
}

const showText = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '空白';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 40 ? `“${text.slice(0, 40)}…”` : `“${text}”`;
};

/**
 * The changes from `before` to `after` as problems with official labels: each changed cell by its
 * table, row and column labels with old → new, each changed text field or section by its name.
 */
export function describeChanges(before: ReportDocument, after: ReportDocument, limit = 50): ProblemDetail[] {
  const change = diffDocuments(before, after);
  const problems: ProblemDetail[] = [];
  for (const field of ['format', 'title', 'issuedOn', 'signature', 'preamble', 'extraRows'] as const) {
    if (!change.changed.includes(field)) continue;
    const [old, now] = field === 'preamble' || field === 'extraRows'
      ? ['已修改', '']
      : [showText(change.old[field]), showText(change.new[field])];
    problems.push({ message: now ? `${FIELD_NAMES[field]}：${old} → ${now}` : `${FIELD_NAMES[field]}${old}`, place: { field } });
  }
  for (const [key, old] of Object.entries(change.old.sections ?? {})) {
    const heading = change.new.sections?.[key]?.heading ?? old?.heading ?? key;
    problems.push({ message: `正文第${key}部分“${heading}”已修改`, place: { field: `sections.${key}` } });
  }
  const format = getFormat(after.format);
  for (const [key, old] of Object.entries(change.old.cells ?? {})) {
    const def = cellDef(format, key) ?? cellDef(getFormat(before.format), key);
    const now = change.new.cells?.[key];
    const where = def ? `表${def.table} ${showPath(def.rowPath)} × ${showPath(def.columnPath)}` : key;
    problems.push({
      message: `${where}：${showCellValue(old)} → ${showCellValue(now)}`,
      ...(def ? { place: { cell: { table: def.table, row: def.rowPath, column: def.columnPath } } } : {}),
    });
  }
  if (problems.length <= limit) return problems;
  return [...problems.slice(0, limit - 1), { message: `另有 ${problems.length - limit + 1} 处变更未列出` }];
}
