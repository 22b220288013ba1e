/**
 * Evaluates the format's equation rules (勾稽关系, spec rules 1–4 hard, 7–9 soft): Σ left = Σ right
 * over cells of this report and, for cross-year rules, of the agency's previous report.
 *
 * A blank cell is not a 0: blanks and placeholders add nothing to a sum, the message names them,
 * and an equation whose cells are all blank is skipped (there is nothing to check).
 */
import type { EquationRule, FormatDefinition } from '../format/format-types.js';
import { cellDef, getFormat, type CellDef } from '../format/registry.js';
import { isWritten, numericValue, type CellValue, type ReportDocument } from '../report/report-model.js';
import {
  EPSILON, evidence, formatNumber, requireCell, shortName, valueText,
  type CheckCell, type CheckResult,
} from './check-types.js';

interface PlannedTerm {
  key: string;
  sign: 1 | -1;
  of: 'current' | 'previous';
  side: 'left' | 'right';
  /** Definition in the current format (previous-year cells are looked up in the previous format at run time). */
  def: CellDef | undefined;
  name: string;
}

interface PlannedRule {
  rule: EquationRule;
  terms: PlannedTerm[];
  equation: string;
  crossYear: boolean;
}

const plans = new WeakMap<FormatDefinition, PlannedRule[]>();

function joinTerms(parts: Array<{ sign: 1 | -1; text: string }>): string {
  if (parts.length === 0) return '0';
  return parts.map((p, i) => (i === 0 ? (p.sign < 0 ? `-${p.text}` : p.text) : `${p.sign < 0 ? '-' : '+'} ${p.text}`)).join(' ');
}

/** Precomputes, once per format, each rule's cells, names and readable equation. */
function planRules(format: FormatDefinition): PlannedRule[] {
  let planned = plans.get(format);
  if (planned) return planned;
  planned = format.rules.map((rule) => {
    const terms: PlannedTerm[] = (['left', 'right'] as const).flatMap((side) =>
      rule[side].map((t) => {
        const of = t.of ?? 'current';
        const def = of === 'current' ? requireCell(format, t.cell) : cellDef(format, t.cell);
        const base = def ? shortName(def) : t.cell;
        return { key: t.cell, sign: t.sign ?? 1, of, side, def, name: of === 'previous' ? `上年${base}` : base };
      }),
    );
    const side = (s: 'left' | 'right') => joinTerms(terms.filter((t) => t.side === s).map((t) => ({ sign: t.sign, text: t.name })));
    return { rule, terms, equation: `${side('left')} = ${side('right')}`, crossYear: terms.some((t) => t.of === 'previous') };
  });
  plans.set(format, planned);
  return planned;
}

function listNames(names: string[]): string {
  return names.join('、');
}

/** The message part naming blank and placeholder cells, which count for nothing in the sums. */
export function blankNote(cells: Array<{ name: string; value: CellValue | undefined }>): string {
  const blanks = cells.filter((c) => c.value === null || c.value === undefined).map((c) => c.name);
  const written = cells.filter((c) => c.value != null && isWritten(c.value)).map((c) => `${c.name}${valueText(c.value)}`);
  const notes: string[] = [];
  if (blanks.length) notes.push(`空白单元格 ${blanks.length} 个（空白不是 0，未计入合计）：${listNames(blanks)}。`);
  if (written.length) notes.push(`以符号代替数字的单元格 ${written.length} 个（未计入合计）：${listNames(written)}。`);
  return notes.join('');
}

function skipped(plan: PlannedRule, message: string, cells: CheckCell[]): CheckResult {
  const { rule } = plan;
  return {
    id: rule.id, ruleId: rule.ruleId, severity: rule.severity, status: 'skipped', title: rule.title,
    expression: plan.equation, equation: plan.equation, left: null, right: null, message, cells,
  };
}

interface PreviousYear {
  report: ReportDocument | null;
  format: FormatDefinition | null;
  /** Why cross-year rules cannot be checked, when they cannot. */
  absent: string;
}

function evaluate(plan: PlannedRule, report: ReportDocument, prev: PreviousYear): CheckResult {
  const { report: previous, format: prevFormat } = prev;
  const { rule } = plan;
  const cells: CheckCell[] = [];
  const named: Array<{ name: string; value: CellValue | undefined }> = [];
  const missing: string[] = [];
  const sums = { left: 0, right: 0 };
  const numbers = { left: [] as Array<{ sign: 1 | -1; text: string }>, right: [] as Array<{ sign: 1 | -1; text: string }> };
  let anyNumber = false;
  for (const term of plan.terms) {
    let def = term.def;
    let value: CellValue | undefined;
    if (term.of === 'previous') {
      def = prevFormat ? cellDef(prevFormat, term.key) : undefined;
      if (!def) {
        missing.push(term.def ? term.def.rowPath.concat(term.def.columnPath).join(' › ') : term.key);
        continue;
      }
      value = previous!.cells[term.key];
    } else {
      value = report.cells[term.key];
    }
    cells.push(evidence(def!, value, term.of, term.side));
    named.push({ name: term.name, value });
    const n = numericValue(value);
    if (n !== null) anyNumber = true;
    sums[term.side] += term.sign * (n ?? 0);
    numbers[term.side].push({ sign: term.sign, text: valueText(value) });
  }
  if (plan.crossYear && !previous) return skipped(plan, prev.absent, cells);
  if (missing.length) {
    return skipped(plan, `上一年度报告采用${prevFormat!.name}（${prevFormat!.document}），没有“${listNames(missing)}”单元格，无法核对。`, cells);
  }
  const note = blankNote(named);
  if (!anyNumber) return skipped(plan, `所涉单元格均未填写数字，无可核对的数据。${note}`, cells);
  const diff = Math.abs(sums.left - sums.right);
  const exact = diff <= EPSILON;
  const pass = diff <= (rule.tolerance ?? 0) + EPSILON;
  const op = exact ? '=' : pass ? '≈' : '≠';
  const values = `${joinTerms(numbers.left)} ${op} ${joinTerms(numbers.right)}`;
  const head = pass
    ? ''
    : `左边合计 ${formatNumber(sums.left)}，右边合计 ${formatNumber(sums.right)}，相差 ${formatNumber(diff)}。`;
  const message = head + note;
  const result: CheckResult = {
    id: rule.id, ruleId: rule.ruleId, severity: rule.severity, status: pass ? 'pass' : 'fail', title: rule.title,
    expression: `${plan.equation}：${values}`, equation: plan.equation, values,
    left: Number(sums.left.toFixed(6)), right: Number(sums.right.toFixed(6)), cells,
  };
  if (message) result.message = message;
  return result;
}

/**
 * Evaluates every equation rule of the report's format. Cross-year rules read `previous`; they are
 * skipped when there is none, when it is not the year before, or when its format lacks a cell.
 */
export function equationResults(report: ReportDocument, format: FormatDefinition, previous: ReportDocument | null): CheckResult[] {
  const usable = previous && previous.year === report.year - 1 ? previous : null;
  const prev: PreviousYear = {
    report: usable,
    format: usable ? getFormat(usable.format) : null,
    absent: previous
      ? `所给上一年度报告为 ${previous.year} 年度，不是 ${report.year - 1} 年度，无法核对跨年度数据。`
      : `没有该机关 ${report.year - 1} 年度的年度报告，无法核对跨年度数据。`,
  };
  return planRules(format).map((plan) => evaluate(plan, report, prev));
}
