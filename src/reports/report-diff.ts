/**
 * What changed between two versions of a report, for the audit trail: the changed cells with old
 * and new values, and the changed text fields — never two whole documents.
 */
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
