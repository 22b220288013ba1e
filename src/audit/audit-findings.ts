/**
 * What a saved audit keeps of one read (no database here): the findings of a ParseResult with their stable
 * fingerprints, the per-file summary, the compact result the detail page needs (cells, notes, narrative — not the
 * whole parse), the numeric figures for comparisons, and the detail's tables and blank-cell summaries rebuilt from
 * the compact result and the format definition.
 *
 * Findings: a failed check → 'error' or 'warning' (its rule title, cells and values; a figure of the prose that
 * contradicts the tables is an error: the report says two things, 条例 Art. 50); missing cells summarised per
 * table or row → 'missing'; cells not read (unreadable, ambiguous run-together digits) → 'warning'; cells recovered
 * from run-together digits → 'recovered', with how. A fingerprint hashes the rule and the cells, never the values,
 * so a decision on it survives reading the same file again.
 */
import { createHash } from 'node:crypto';
import type { CheckCell } from '../core/checks/check-types.js';
import type { FormatId, TableId } from '../core/format/format-types.js';
import { getFormat, rowPathOf } from '../core/format/registry.js';
import { cellKey } from '../core/format/cell-key.js';
import type { CellReading, CellStatus, ParseResult } from '../core/parse/parse-types.js';
import { isAmount, isWritten, type CellValue } from '../core/report/report-model.js';
import { cellLabel, describeSourcePlace } from '../parse/parse-summary.js';
import {
  AUDIT_FORMAT_LABELS, type AuditCellState, type AuditDetailTable, type AuditFindingCell, type AuditNarrative, type AuditSeverity,
} from './audit-batch-model.js';

/** A finding as stored (the decision is joined when shown). */
export interface FindingDraft {
  fingerprint: string;
  severity: AuditSeverity;
  ruleTitle: string;
  message: string;
  expression: string | null;
  cells: AuditFindingCell[];
}

/** One cell of the compact result: key, value as text, status, how it was read (note, place). */
export interface CompactCell {
  k: string;
  v: string | null;
  s: CellStatus;
  how?: string;
}

/** Where the report was published, when the reader knows (crawled pages). */
export interface ReportSource {
  title: string | null;
  url: string | null;
  publishedAt: string | null;
}

/** What the detail page needs of a read, stored as JSON in audit_reads.result. */
export interface CompactResult {
  v: 1;
  format: FormatId | null;
  sourceType: string | null;
  cells: CompactCell[];
  notes: string[];
  narrative: AuditNarrative[];
  tables: Array<{ table: string; confidence: number; notes: string[] }>;
}

/** The summary of a read, copied onto the file's row. */
export interface ReadSummary {
  state: 'done' | 'failed';
  error: string | null;
  agencyName: string | null;
  year: number | null;
  format: FormatId | null;
  title: string | null;
  sourceUrl: string | null;
  publishedAt: string | null;
  errors: number;
  warnings: number;
  missing: number;
  recovered: number;
}

/** Everything stored of one read. */
export interface AuditRead {
  summary: ReadSummary;
  findings: FindingDraft[];
  result: CompactResult;
  /** Numeric cells by key (blank and placeholders absent). */
  figures: Record<string, number>;
}

/** The stable fingerprint of a finding: the rule and the sorted cells, hashed (32 hex digits). */
export function fingerprintOf(rule: string, cellKeys: readonly string[]): string {
  return createHash('sha256').update(`${rule}\n${[...cellKeys].sort().join('\n')}`).digest('hex').slice(0, 32);
}

/** A cell value as text: null for blank, 12, 165.51万元, the placeholder as written. */
export function valueString(value: CellValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return String(value);
  if (isAmount(value)) return `${value.amount}${value.unit ?? ''}`;
  if (isWritten(value)) return value.written;
  return String(value);
}

/** The number of a value (amounts by their amount), or null. */
function numberOf(value: CellValue): number | null {
  if (typeof value === 'number') return value;
  if (isAmount(value)) return value.amount;
  return null;
}

/** A check's cell as a finding cell; a cell of last year's report is keyed `previous:<key>`. */
function checkCell(cell: CheckCell): AuditFindingCell {
  const previous = cell.of === 'previous';
  return { key: previous ? `previous:${cell.key}` : cell.key, label: `${previous ? '上一年度' : ''}${cellLabel(cell)}`, value: valueString(cell.value) };
}

const cellOf = (c: CellReading): AuditFindingCell => ({ key: c.key, label: cellLabel(c), value: valueString(c.value) });

/** Cells listed with their values in a message: 表三“…”行“总计”列为 12；… (at most 8). */
function cellsText(cells: readonly AuditFindingCell[]): string {
  const shown = cells.slice(0, 8).map((c) => `${c.label}为${c.value ?? '空白'}`);
  return shown.join('；') + (cells.length > 8 ? `等 ${cells.length} 个单元格` : '');
}

/** Groups cell readings by table and row, in reading order. */
function byRow(cells: readonly CellReading[]): CellReading[][] {
  const groups = new Map<string, CellReading[]>();
  for (const c of cells) {
    const key = `${c.table}|${c.row.join('›')}`;
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  return [...groups.values()];
}

const rowName = (c: CellReading) => `表${c.table}${c.row.length ? `“${c.row.join(' › ')}”行` : ''}`;

/** The findings of a read result (none for a file that could not be read: its error says why). */
export function findingsOf(result: ParseResult): FindingDraft[] {
  if (result.error || !result.report) return [];
  const findings: FindingDraft[] = [];
  for (const r of result.checks?.results ?? []) {
    if (r.status !== 'fail') continue;
    const narrative = r.ruleId === 'narrative';
    const cells = r.cells.map(checkCell);
    const values = r.values ? `（${r.values}）` : '';
    findings.push({
      fingerprint: fingerprintOf(`check:${r.id}`, cells.map((c) => c.key)),
      severity: narrative ? 'error' : r.severity,
      ruleTitle: r.title,
      message: r.message ? `${r.message}${values && !r.message.includes(r.values!) ? values : ''}` : `${r.title}${values}${cells.length ? `：${cellsText(cells)}` : ''}`,
      expression: r.equation ?? (r.expression || null),
      cells,
    });
  }

  // Missing cells: a table not found is one finding; otherwise one per row.
  const missing = result.cells.filter((c) => c.status === 'missing');
  const tables = new Map<TableId, CellReading[]>();
  for (const c of missing) tables.set(c.table, [...(tables.get(c.table) ?? []), c]);
  for (const [table, cells] of tables) {
    const whole = result.cells.filter((c) => c.table === table).length === cells.length;
    const groups = whole ? [cells] : byRow(cells);
    for (const group of groups) {
      const first = group[0]!;
      const where = describeSourcePlace(first.where);
      findings.push({
        fingerprint: fingerprintOf(`missing:${table}`, group.map((c) => c.key)),
        severity: 'missing',
        ruleTitle: whole ? `未找到表${table}` : '未找到单元格',
        message: whole
          ? `文件中未找到表${table}（共 ${group.length} 个单元格），无法核对该表。`
          : `${rowName(first)}缺少 ${group.length} 个单元格${where ? `（约在${where}）` : ''}：${group.map((c) => `“${c.column.join(' › ')}”列`).slice(0, 8).join('、')}${group.length > 8 ? '等' : ''}。`,
        expression: null,
        cells: group.map(cellOf),
      });
    }
  }

  // Cells that could not be read (text that is no number, run-together digits with several splits).
  for (const group of byRow(result.cells.filter((c) => c.status === 'unreadable' || c.status === 'ambiguous'))) {
    const first = group[0]!;
    const where = describeSourcePlace(first.where);
    const ambiguous = first.status === 'ambiguous';
    findings.push({
      fingerprint: fingerprintOf('unread', group.map((c) => c.key)),
      severity: 'warning',
      ruleTitle: ambiguous ? '连在一起的数字有多种拆分，无法确定' : '单元格内容无法识别为数字',
      message: `${rowName(first)}有 ${group.length} 个单元格未能读出${where ? `（读自${where}）` : ''}${first.note ? `：${first.note}` : ''}${first.raw && !first.note?.includes(first.raw) ? `，原文“${first.raw.trim()}”` : ''}。`,
      expression: null,
      cells: group.map(cellOf),
    });
  }

  // Recovered cells: read by splitting run-together digits with the table's own sums (one split fits).
  for (const group of byRow(result.cells.filter((c) => c.status === 'recovered'))) {
    const first = group[0]!;
    const where = describeSourcePlace(first.where);
    const cells = group.map(cellOf);
    findings.push({
      fingerprint: fingerprintOf('recovered', group.map((c) => c.key)),
      severity: 'recovered',
      ruleTitle: '连在一起的数字已按勾稽关系拆分',
      message: `${rowName(first)}${where ? `（读自${where}）` : ''}${first.note ? `${first.note}` : '的数字已恢复'}：${cells.map((c) => c.value ?? '空白').join('、')}。请对照原文确认。`,
      expression: null,
      cells,
    });
  }
  return findings;
}

/** The narrative figures against their cells (each stated figure with the rule's outcome). */
function narrativeOf(result: ParseResult): AuditNarrative[] {
  const checks = (result.checks?.results ?? []).filter((r) => r.ruleId === 'narrative');
  const seen = new Map<string, number>();
  return result.narrative.map((n) => {
    const nth = (seen.get(n.figureId) ?? 0) + 1;
    seen.set(n.figureId, nth);
    const id = nth === 1 ? `narrative:${n.figureId}` : `narrative:${n.figureId}#${nth}`;
    const check = checks.find((r) => r.id === id);
    return {
      figureId: n.figureId, title: check?.title ?? n.figureId, sentence: n.sentence, section: n.section, stated: n.value,
      cells: (check?.cells ?? []).map(checkCell),
      ok: check?.status === 'pass' ? true : check?.status === 'fail' ? false : null,
    };
  });
}

/** What the readers may add to a result: where the report was published (crawled pages). */
function sourceOf(result: ParseResult): ReportSource | null {
  const source = (result as ParseResult & { source?: Partial<ReportSource> | null }).source;
  if (!source) return null;
  return { title: source.title ?? null, url: source.url ?? null, publishedAt: source.publishedAt ?? null };
}

/** How a cell was read, in words, for the detail (recovered, not read, not found, and where). */
function howOf(c: CellReading): string | undefined {
  if (c.status === 'read' || c.status === 'blank') return undefined;
  const where = describeSourcePlace(c.where);
  const parts = [c.note, c.status === 'placeholder' ? `填写为“${c.raw?.trim() ?? ''}”` : undefined,
    c.raw && (c.status === 'unreadable' || c.status === 'ambiguous') && !c.note?.includes(c.raw) ? `原文“${c.raw.trim()}”` : undefined,
    where ? `${c.status === 'missing' ? '约在' : '读自'}${where}` : undefined].filter(Boolean);
  return parts.length ? parts.join('；') : undefined;
}

/** Everything stored of one read result. */
export function auditReadOf(result: ParseResult): AuditRead {
  const findings = findingsOf(result);
  const count = (s: AuditSeverity) => findings.filter((f) => f.severity === s).length;
  const source = sourceOf(result);
  const report = result.error ? null : result.report;
  const figures: Record<string, number> = {};
  if (report) {
    for (const c of result.cells) {
      const n = numberOf(c.value);
      if (n !== null) figures[c.key] = n;
    }
  }
  return {
    summary: {
      state: report ? 'done' : 'failed',
      error: report ? null : (result.error ?? '文件无法作为年度报告读取'),
      agencyName: report ? report.agency.name || null : null,
      year: report ? report.year : null,
      format: report ? result.format : null,
      title: source?.title ?? null, sourceUrl: source?.url ?? null, publishedAt: source?.publishedAt ?? null,
      errors: count('error'), warnings: count('warning'), missing: count('missing'), recovered: count('recovered'),
    },
    findings,
    result: {
      v: 1,
      format: report ? result.format : null,
      sourceType: result.sourceType,
      cells: report ? result.cells.map((c) => {
        const how = howOf(c);
        return { k: c.key, v: valueString(c.value), s: c.status, ...(how ? { how } : {}) };
      }) : [],
      notes: result.notes.slice(0, 50),
      narrative: report ? narrativeOf(result) : [],
      tables: result.tables.map((t) => ({ table: t.table, confidence: t.confidence, notes: t.notes.slice(0, 20) })),
    },
    figures,
  };
}

const CELL_STATES: Record<CellStatus, AuditCellState> = {
  read: 'read', placeholder: 'read', blank: 'blank', recovered: 'recovered', ambiguous: 'missing', unreadable: 'missing', missing: 'missing',
};

/** The format's short name, or null. */
export function formatLabelOf(format: string | null): string | null {
  return format && Object.hasOwn(AUDIT_FORMAT_LABELS, format) ? AUDIT_FORMAT_LABELS[format as FormatId] : null;
}

/** The statistical tables of a read, laid out by its format (table 二: one per 第二十条 block), each cell linked to its findings. */
export function detailTables(result: CompactResult, findings: ReadonlyArray<{ fingerprint: string; cells: ReadonlyArray<{ key: string }> }>): AuditDetailTable[] {
  if (!result.format) return [];
  const format = getFormat(result.format);
  const cells = new Map(result.cells.map((c) => [c.k, c]));
  const linked = new Map<string, string[]>();
  for (const f of findings) for (const c of f.cells) linked.set(c.key, [...(linked.get(c.key) ?? []), f.fingerprint]);
  return format.tables.flatMap((table) => {
    const heading = format.sections.find((s) => s.key === table.section)?.heading ?? '';
    return table.blocks.map((block) => ({
      id: table.id,
      title: block.caption ? `表${table.id} ${block.caption}` : `表${table.id} ${heading}`.trim(),
      columns: block.columns.map((c) => c.path.join(' › ')),
      rows: block.rows.map((row) => ({
        label: rowPathOf(block, row).slice(block.caption ? 1 : 0).join(' › '),
        cells: block.columns.map((column) => {
          const key = cellKey(table.id, row.key, column.key);
          const c = cells.get(key);
          return {
            key, value: c?.v ?? null, state: c ? CELL_STATES[c.s] : 'missing' as const, how: c?.how ?? null,
            findingFingerprints: [...new Set(linked.get(key) ?? [])],
          };
        }),
      })),
    }));
  });
}

/** Blank cells summarised by runs of rows: 表三“（四）无法提供”起 3 行共 21 个单元格空白. */
export function blankSummaries(tables: readonly AuditDetailTable[]): Array<{ table: string; summary: string }> {
  const out: Array<{ table: string; summary: string }> = [];
  for (const table of tables) {
    let run: { first: string; rows: number; cells: number } | null = null;
    const flush = () => {
      if (!run) return;
      out.push({
        table: table.id,
        // Table 四 has one row without a label: the table alone is named.
        summary: !run.first ? `表${table.id} ${run.cells} 个单元格空白`
          : run.rows === 1 ? `表${table.id}“${run.first}”行 ${run.cells} 个单元格空白`
          : `表${table.id}“${run.first}”起 ${run.rows} 行共 ${run.cells} 个单元格空白`,
      });
      run = null;
    };
    for (const row of table.rows) {
      const blanks = row.cells.filter((c) => c.state === 'blank').length;
      if (blanks === 0) {
        flush();
        continue;
      }
      if (run) {
        run.rows++;
        run.cells += blanks;
      } else run = { first: row.label, rows: 1, cells: blanks };
    }
    flush();
  }
  return out;
}
