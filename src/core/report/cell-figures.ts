/**
 * The text figures that tables 二, 三 and 四 hold, taken from a report's cells (both formats): applications
 * received (自然人 / 法人或其他组织), carried in and out, decided by outcome group, reconsiderations and lawsuits,
 * normative documents and licensing decisions. The prose then states exactly what the tables state, so the
 * narrative checks (rule 10) pass by construction. Pure.
 */
import { numericValue, type CellValue } from './report-model.js';
import type { FormatId } from '../format/format-types.js';
import type { TextFigure } from './draft-text.js';

/** A figure before the caller adds where it came from. */
export type CellFigure = Omit<TextFigure, 'source' | 'link'> & { cells: string[] };

const sum = (cells: Record<string, CellValue>, keys: string[]): number | null => {
  let total = 0;
  for (const k of keys) {
    const v = numericValue(cells[k]);
    if (v === null) return null;
    total += v;
  }
  return total;
};

/** Table 三 outcome groups: the rows of each group (both formats number them the same way). */
const OUTCOME_GROUPS: Array<{ key: string; label: string; rows: (format: FormatId) => string[] }> = [
  { key: 'applications.granted', label: '予以公开（件）', rows: () => ['r1'] },
  { key: 'applications.partly', label: '部分公开（件）', rows: () => ['r2'] },
  { key: 'applications.refused', label: '不予公开（件）', rows: () => ['r3-1', 'r3-2', 'r3-3', 'r3-4', 'r3-5', 'r3-6', 'r3-7', 'r3-8'] },
  { key: 'applications.unable', label: '无法提供（件）', rows: () => ['r4-1', 'r4-2', 'r4-3'] },
  { key: 'applications.not-processed', label: '不予处理（件）', rows: () => ['r5-1', 'r5-2', 'r5-3', 'r5-4', 'r5-5'] },
  { key: 'applications.other', label: '其他处理（件）', rows: (f) => (f === '2021' ? ['r6-1', 'r6-2', 'r6-3'] : ['r6']) },
];

/** Table 二's cells per format for the normative-document sentence. */
const NORMATIVE: Record<FormatId, Array<{ key: string; cell: string; label: string }>> = {
  '2021': [
    { key: 'normative.issued', cell: '二:normative:issued', label: '本年制发行政规范性文件（件）' },
    { key: 'normative.repealed', cell: '二:normative:repealed', label: '本年废止行政规范性文件（件）' },
    { key: 'normative.in-force', cell: '二:normative:in-force', label: '现行有效行政规范性文件（件）' },
  ],
  '2019': [
    { key: 'normative.issued', cell: '二:normative:made', label: '本年新制作规范性文件（件）' },
  ],
};

/**
 * The figures of a report's tables that the prose states. A figure whose cells are blank is left out (the
 * prose never states a blank as a number).
 */
export function cellFigures(format: FormatId, cells: Record<string, CellValue>): CellFigure[] {
  const out: CellFigure[] = [];
  const add = (key: string, label: string, keys: string[], value = sum(cells, keys)) => {
    if (value !== null) out.push({ key, label, value, unit: '件', cells: keys });
  };
  add('applications.received', '本年新收政府信息公开申请（件）', ['三:received:total']);
  add('applications.received.natural', '其中自然人申请（件）', ['三:received:natural']);
  const total = numericValue(cells['三:received:total']);
  const natural = numericValue(cells['三:received:natural']);
  if (total !== null && natural !== null) {
    out.push({ key: 'applications.received.legal', label: '其中法人或其他组织申请（件）', value: total - natural, unit: '件', cells: ['三:received:total', '三:received:natural'] });
  }
  add('applications.carried-in', '上年结转政府信息公开申请（件）', ['三:carried-in:total']);
  add('applications.decided', '本年度办理结果总计（件）', ['三:r7:total']);
  for (const g of OUTCOME_GROUPS) add(g.key, g.label, g.rows(format).map((r) => `三:${r}:total`));
  add('applications.carried-out', '结转下年度继续办理（件）', ['三:carried-out:total']);

  add('remedies.reconsideration', '行政复议（件）', ['四:all:reconsideration.total']);
  for (const [k, w] of [['upheld', '结果维持'], ['corrected', '结果纠正'], ['other', '其他结果'], ['pending', '尚未审结']]) {
    add(`remedies.reconsideration.${k}`, `行政复议${w}（件）`, [`四:all:reconsideration.${k}`]);
  }
  add('remedies.litigation', '行政诉讼（件）', ['四:all:direct.total', '四:all:after.total']);
  add('remedies.litigation.direct', '未经复议直接起诉（件）', ['四:all:direct.total']);
  add('remedies.litigation.after', '复议后起诉（件）', ['四:all:after.total']);

  for (const n of NORMATIVE[format]) add(n.key, n.label, [n.cell]);
  add('licensing.decisions', '行政许可决定（件）', ['二:licensing:decisions']);
  return out;
}
