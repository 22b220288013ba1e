/**
 * Checks on single cells and on the prose that need no equation:
 * - rule 5 (hard): every value matches its column's kind (count, signed, decimal, amount);
 * - rule 11 (soft): blank cells where a number is expected, placeholders written instead of numbers,
 *   an empty section 五, fees mentioned in section 六 without any figure.
 */
import type { BlockDef, ColumnDef, FormatDefinition, TableId, ValueKind } from '../format/format-types.js';
import { formatCells } from '../format/registry.js';
import { isAmount, isWritten, type CellValue, type ExtraRow, type ReportDocument } from '../report/report-model.js';
import { evidence, formatNumber, placeName, shortName, type CheckCell, type CheckResult } from './check-types.js';

const KIND_NAMES: Record<ValueKind, string> = {
  count: '非负整数', signed: '整数（可为负数）', decimal: '非负数（可含小数）', amount: '非负金额',
};

/** A value cell of the report: a cell of the format or of a local extra row. */
interface ValueCell {
  key: string;
  table: TableId;
  name: string;
  kind: ValueKind;
  value: CellValue | undefined;
  cell: CheckCell;
}

/** Key of a cell of a local extra row: 二:art20-1+其他主动公开文件:made. */
export function extraCellKey(row: ExtraRow, column: ColumnDef): string {
  return `${row.table}:${row.block}+${row.label}:${column.key}`;
}

const blocksByKey = new WeakMap<FormatDefinition, Map<string, BlockDef>>();

function blockOf(format: FormatDefinition, key: string): BlockDef | undefined {
  let index = blocksByKey.get(format);
  if (!index) {
    index = new Map(format.tables.flatMap((t) => t.blocks.map((b) => [b.key, b] as const)));
    blocksByKey.set(format, index);
  }
  return index.get(key);
}

/** Every value cell of the report in reading order, format cells first within each table. */
function valueCells(report: ReportDocument, format: FormatDefinition): ValueCell[] {
  const list: ValueCell[] = formatCells(format).map((def) => {
    const value = report.cells[def.key];
    return { key: def.key, table: def.table, name: shortName(def), kind: def.kind, value, cell: evidence(def, value, 'current') };
  });
  for (const row of report.extraRows) {
    const block = blockOf(format, row.block);
    if (!block) continue;
    for (const column of block.columns) {
      const value = row.values[column.key];
      const rowPath = block.caption ? [block.caption, row.label] : [row.label];
      list.push({
        key: extraCellKey(row, column), table: row.table, name: `${row.label}（${column.short}）`, kind: column.kind, value,
        cell: { key: extraCellKey(row, column), table: row.table, row: rowPath, column: column.path, value: value ?? null, of: 'current' },
      });
    }
  }
  return list;
}

/** Why a value does not fit its kind, or null when it fits (blanks and placeholders fit: rule 11 reports them). */
function kindProblem(value: unknown, kind: ValueKind): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && isWritten(value as CellValue)) return null;
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'object' && isAmount(value as CellValue)) {
    if (kind !== 'amount') return '带有金额单位';
    n = (value as { amount: number }).amount;
    if (typeof n !== 'number') return '金额不是数字';
  } else return `不是数字（${JSON.stringify(value)?.slice(0, 20)}）`;
  if (!Number.isFinite(n)) return `不是有效数字（${n}）`;
  if ((kind === 'count' || kind === 'signed') && !Number.isInteger(n)) return `不能为小数 ${formatNumber(n)}`;
  if (kind !== 'signed' && n < 0) return `不能为负数 ${formatNumber(n)}`;
  return null;
}

/** Rule 5: one error per offending cell, or one passing result when every value fits. */
function valueKindResults(cells: ValueCell[]): CheckResult[] {
  const results: CheckResult[] = [];
  for (const c of cells) {
    const problem = kindProblem(c.value, c.kind);
    if (!problem) continue;
    const place = placeName(c.table, c.cell.row, c.cell.column);
    const shown = typeof c.value === 'number' ? formatNumber(c.value) : JSON.stringify(c.value);
    results.push({
      id: `value-kind:${c.key}`, ruleId: 'value-kind', severity: 'error', status: 'fail',
      title: `${place}应为${KIND_NAMES[c.kind]}`,
      expression: `${c.name} 应为${KIND_NAMES[c.kind]}：实际为 ${shown}`,
      left: typeof c.value === 'number' ? c.value : null, right: null,
      message: `${place}应为${KIND_NAMES[c.kind]}，${problem}。`,
      cells: [c.cell],
    });
  }
  if (results.length === 0) {
    results.push({
      id: 'value-kind', ruleId: 'value-kind', severity: 'error', status: 'pass',
      title: '各单元格数值符合其类型（计数为非负整数，本年增/减为整数，金额为非负数）',
      expression: '不符合类型的单元格数 = 0：0 = 0', left: 0, right: 0, cells: [],
    });
  }
  return results;
}

const MAX_NAMES = 12;

function someNames(cells: ValueCell[], show: (c: ValueCell) => string): string {
  const names = cells.slice(0, MAX_NAMES).map(show).join('、');
  return cells.length > MAX_NAMES ? `${names}等 ${cells.length} 个` : names;
}

/** Rule 11: per table, the blank cells and, separately, the placeholders written instead of numbers. */
function blankResults(cells: ValueCell[], format: FormatDefinition): CheckResult[] {
  const results: CheckResult[] = [];
  for (const table of format.tables) {
    const mine = cells.filter((c) => c.table === table.id);
    const blanks = mine.filter((c) => c.value === null || c.value === undefined);
    const written = mine.filter((c) => c.value != null && isWritten(c.value));
    results.push({
      id: `blank-cells:${table.id}`, ruleId: 'blank-cells', severity: 'warning', status: blanks.length ? 'fail' : 'pass',
      title: blanks.length ? `表${table.id}有 ${blanks.length} 个空白单元格` : `表${table.id}没有空白单元格`,
      expression: `表${table.id}空白单元格数 = 0：${blanks.length} ${blanks.length ? '≠' : '='} 0`,
      left: blanks.length, right: 0,
      ...(blanks.length
        ? { message: `表${table.id}共 ${mine.length} 个应填数字的单元格，其中 ${blanks.length} 个为空白（空白不是 0，确无此项的应填 0）：${someNames(blanks, (c) => c.name || c.cell.column.join(' › '))}。` }
        : {}),
      cells: blanks.map((c) => c.cell),
    });
    results.push({
      id: `placeholder-cells:${table.id}`, ruleId: 'placeholder-cells', severity: 'warning', status: written.length ? 'fail' : 'pass',
      title: written.length ? `表${table.id}有 ${written.length} 个单元格以符号代替数字` : `表${table.id}没有以符号代替数字的单元格`,
      expression: `表${table.id}以符号代替数字的单元格数 = 0：${written.length} ${written.length ? '≠' : '='} 0`,
      left: written.length, right: 0,
      ...(written.length
        ? { message: `表${table.id}有 ${written.length} 个单元格填写了“/”“—”等符号而不是数字（确无此项的应填 0）：${someNames(written, (c) => `${c.name}“${(c.value as { written: string }).written}”`)}。` }
        : {}),
      cells: written.map((c) => c.cell),
    });
  }
  return results;
}

function sectionTexts(report: ReportDocument, key: string): string[] {
  const section = report.sections.find((s) => s.key === key);
  if (!section) return [];
  return [...section.paragraphs, ...section.parts.flatMap((p) => p.paragraphs)].filter((t) => t.trim() !== '');
}

/** Rule 11: section 五 (main problems and improvements, 条例 Art. 50) must not be empty. */
function emptySectionResult(report: ReportDocument): CheckResult {
  const count = sectionTexts(report, '五').length;
  const heading = report.sections.find((s) => s.key === '五')?.heading ?? '五、存在的主要问题及改进情况';
  return {
    id: 'empty-section:五', ruleId: 'empty-section', severity: 'warning', status: count ? 'pass' : 'fail',
    title: count ? `“${heading}”已填写` : `“${heading}”没有内容`,
    expression: `第五部分正文段落数 ≥ 1：${count} ${count ? '≥' : '<'} 1`, left: count, right: 1,
    ...(count ? {} : { message: `《条例》第五十条要求年度报告载明存在的主要问题及改进情况，“${heading}”部分没有正文。` }),
    cells: [],
  };
}

const FEE_MENTION = /收费|信息处理费|收取[^。；，,]{0,4}费/;
const FEE_FIGURE = /(?:[0-9０-９]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千万亿]+)\s*(?:万元|元|笔|件|次(?!性)|项)/;
const FEE_NONE = /(?:未|没有|无|不|免)(?:发生|产生|涉及|予|曾)?[^。；，,]{0,6}?(?:收费|收取|信息处理费)|免费|免收|零收费/;

/**
 * Rule 11: fees mentioned in section 六 without any figure. Each paragraph (and each sub-part with
 * its heading) that mentions 收费 or 信息处理费 must state an amount or a count, or say that none was
 * collected (未收取 counts as stating zero).
 */
// 条例 Art. 42 allows an information processing fee; 《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）
// requires the fees collected to be reported in the annual report, so a mention without a figure is flagged.
function feesResult(report: ReportDocument): CheckResult {
  const section = report.sections.find((s) => s.key === '六');
  // A sub-part is judged with its heading (（三）收取信息处理费情况 + its paragraphs); quotes come from the text.
  const units = section
    ? [...section.paragraphs.map((p) => ({ all: p, text: p })), ...section.parts.map((p) => ({ all: [p.heading, ...p.paragraphs].join('\n'), text: p.paragraphs.join('\n') }))]
    : [];
  const vague = units.filter((u) => FEE_MENTION.test(u.all) && !FEE_FIGURE.test(u.all) && !FEE_NONE.test(u.all));
  const quote = (u: { all: string; text: string }) => {
    const sentences = `${u.text}\n${u.all}`.split(/[。；;\n]/);
    return `“${(sentences.find((s) => FEE_MENTION.test(s)) ?? u.all).trim().slice(0, 80)}”`;
  };
  return {
    id: 'fees-without-figures', ruleId: 'fees-without-figures', severity: 'warning', status: vague.length ? 'fail' : 'pass',
    title: vague.length ? '第六部分提及收费但没有写明金额或件数' : '第六部分提及收费处均写明了金额、件数或未收费',
    expression: `提及收费而无数字的段落数 = 0：${vague.length} ${vague.length ? '≠' : '='} 0`,
    left: vague.length, right: 0,
    ...(vague.length
      ? { message: `第六部分提及收费（信息处理费）但没有写明收费金额或件数：${vague.map(quote).join('、')}。请写明收取的金额和件数，或写明未收取。` }
      : {}),
    cells: [],
  };
}

/** Rules 5 and 11 on one report. */
export function valueResults(report: ReportDocument, format: FormatDefinition): CheckResult[] {
  const cells = valueCells(report, format);
  return [...valueKindResults(cells), ...blankResults(cells, format), emptySectionResult(report), feesResult(report)];
}
