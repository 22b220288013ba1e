/**
 * Label lists the 2019 trial format and the 2021 format have in common, exactly as the national
 * formats print them. Each format definition composes its tables from these and its own rows.
 */
import type { ColumnDef, RowDef } from './format-types.js';

/** Top-left corner note of table 三, printed in both formats. */
export const TABLE3_CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** Table 三 columns: 申请人情况 → 自然人 | 法人或其他组织 → {…} | 总计. No subtotal for 法人或其他组织. */
export const TABLE3_COLUMNS: ColumnDef[] = [
  { key: 'natural', path: ['自然人'], short: '自然人', kind: 'count', role: 'part' },
  { key: 'commercial', path: ['法人或其他组织', '商业企业'], short: '商业企业', kind: 'count', role: 'part' },
  { key: 'research', path: ['法人或其他组织', '科研机构'], short: '科研机构', kind: 'count', role: 'part' },
  { key: 'welfare', path: ['法人或其他组织', '社会公益组织'], short: '社会公益组织', kind: 'count', role: 'part' },
  { key: 'legal', path: ['法人或其他组织', '法律服务机构'], short: '法律服务机构', kind: 'count', role: 'part' },
  { key: 'other', path: ['法人或其他组织', '其他'], short: '其他', kind: 'count', role: 'part' },
  { key: 'total', path: ['总计'], short: '总计', kind: 'count', role: 'total' },
];

const RESULTS = '三、本年度办理结果';
const WITHHELD = '（三）不予公开';
const UNABLE = '（四）无法提供';
const NOT_PROCESSED = '（五）不予处理';

/** Table 三 rows 一, 二 and 三（一）–（五）, identical in both formats. */
export const TABLE3_ROWS_BEFORE_OTHER: RowDef[] = [
  { key: 'received', path: ['一、本年新收政府信息公开申请数量'], short: '一', role: 'received' },
  { key: 'carried-in', path: ['二、上年结转政府信息公开申请数量'], short: '二', role: 'carried-in' },
  { key: 'r1', path: [RESULTS, '（一）予以公开'], short: '（一）', role: 'result' },
  { key: 'r2', path: [RESULTS, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'], short: '（二）', role: 'result' },
  { key: 'r3-1', path: [RESULTS, WITHHELD, '1.属于国家秘密'], short: '（三）1', role: 'result' },
  { key: 'r3-2', path: [RESULTS, WITHHELD, '2.其他法律行政法规禁止公开'], short: '（三）2', role: 'result' },
  { key: 'r3-3', path: [RESULTS, WITHHELD, '3.危及“三安全一稳定”'], short: '（三）3', role: 'result' },
  { key: 'r3-4', path: [RESULTS, WITHHELD, '4.保护第三方合法权益'], short: '（三）4', role: 'result' },
  { key: 'r3-5', path: [RESULTS, WITHHELD, '5.属于三类内部事务信息'], short: '（三）5', role: 'result' },
  { key: 'r3-6', path: [RESULTS, WITHHELD, '6.属于四类过程性信息'], short: '（三）6', role: 'result' },
  { key: 'r3-7', path: [RESULTS, WITHHELD, '7.属于行政执法案卷'], short: '（三）7', role: 'result' },
  { key: 'r3-8', path: [RESULTS, WITHHELD, '8.属于行政查询事项'], short: '（三）8', role: 'result' },
  { key: 'r4-1', path: [RESULTS, UNABLE, '1.本机关不掌握相关政府信息'], short: '（四）1', role: 'result' },
  { key: 'r4-2', path: [RESULTS, UNABLE, '2.没有现成信息需要另行制作'], short: '（四）2', role: 'result' },
  { key: 'r4-3', path: [RESULTS, UNABLE, '3.补正后申请内容仍不明确'], short: '（四）3', role: 'result' },
  { key: 'r5-1', path: [RESULTS, NOT_PROCESSED, '1.信访举报投诉类申请'], short: '（五）1', role: 'result' },
  { key: 'r5-2', path: [RESULTS, NOT_PROCESSED, '2.重复申请'], short: '（五）2', role: 'result' },
  { key: 'r5-3', path: [RESULTS, NOT_PROCESSED, '3.要求提供公开出版物'], short: '（五）3', role: 'result' },
  { key: 'r5-4', path: [RESULTS, NOT_PROCESSED, '4.无正当理由大量反复申请'], short: '（五）4', role: 'result' },
  { key: 'r5-5', path: [RESULTS, NOT_PROCESSED, '5.要求行政机关确认或重新出具已获取信息'], short: '（五）5', role: 'result' },
];

/** Table 三 rows after （六）: （七）总计 and 四、结转下年度继续办理. */
export const TABLE3_ROWS_AFTER_OTHER: RowDef[] = [
  { key: 'r7', path: [RESULTS, '（七）总计'], short: '（七）总计', role: 'results-total' },
  { key: 'carried-out', path: ['四、结转下年度继续办理'], short: '四', role: 'carried-out' },
];

/** Path prefix of the result rows, for formats that add their own （六） rows. */
export const TABLE3_RESULTS_LABEL = RESULTS;

const OUTCOMES: Array<[string, string]> = [
  ['upheld', '结果维持'],
  ['corrected', '结果纠正'],
  ['other', '其他结果'],
  ['pending', '尚未审结'],
];

function table4Group(group: string, prefix: string[], short: string): ColumnDef[] {
  const parts: ColumnDef[] = OUTCOMES.map(([key, label]) => ({
    key: `${group}.${key}`, path: [...prefix, label], short: `${short}${label}`, kind: 'count', role: 'part', group,
  }));
  return [...parts, { key: `${group}.total`, path: [...prefix, '总计'], short: `${short}总计`, kind: 'count', role: 'total', group }];
}

/** Table 四: 行政复议 {5} · 行政诉讼 → 未经复议直接起诉 {5} · 复议后起诉 {5}; one data row. */
export const TABLE4_COLUMNS: ColumnDef[] = [
  ...table4Group('reconsideration', ['行政复议'], '行政复议'),
  ...table4Group('direct', ['行政诉讼', '未经复议直接起诉'], '未经复议直接起诉'),
  ...table4Group('after', ['行政诉讼', '复议后起诉'], '复议后起诉'),
];

/** The single data row of table 四; it has no label in the official layout. */
export const TABLE4_ROWS: RowDef[] = [{ key: 'all', path: [], short: '' }];

/** The six section headings (条例 Art. 50), canonical and as published reports vary them. */
export const SECTIONS = [
  { key: '一', heading: '一、总体情况', variants: ['一、概述', '一、总体情况概述'] },
  { key: '二', heading: '二、主动公开政府信息情况', variants: [] },
  { key: '三', heading: '三、收到和处理政府信息公开申请情况', variants: [] },
  { key: '四', heading: '四、政府信息公开行政复议、行政诉讼情况', variants: [] },
  {
    key: '五', heading: '五、存在的主要问题及改进情况',
    variants: ['五、政府信息公开工作存在的主要问题及改进情况', '五、存在问题和改进措施', '五、存在的主要问题和改进情况'],
  },
  { key: '六', heading: '六、其他需要报告的事项', variants: [] },
] as const;
