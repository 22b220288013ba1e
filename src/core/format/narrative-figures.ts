/**
 * Figures stated in the prose that must match table cells (rule 10), shared by both formats.
 * Patterns are tried, in order, on each sentence (text between 。 and ；); the first that matches
 * wins, so numeric patterns come before the “none” (zero) ones. `\s*` tolerates the spaces crawled
 * text inserts. The number group accepts Arabic, full-width and Chinese numerals.
 *
 * The patterns are deliberately anchored to the words of the subject (信息公开…申请, 行政复议,
 * 结转下年度) so other counts in the same sentence (“答复了1件政协提案”, “受理窗口264个”,
 * “一窗办理业务42万余件”) are not read as applications.
 */
import type { NarrativeFigure } from './format-types.js';

const N = '([0-9０-９]+|[零〇一二两三四五六七八九十百千万]+)';
/** Words between the subject and the number: 共, 共计, 合计, 总计, 数量为 … */
const TOTAL = '(?:数量|总数)?(?:共计|共|合计|总计)?(?:为|是)?';
/** A count of applications is never followed by these (1件政协提案, 3件人大建议). */
const NOT_OTHER = '(?!\\s*(?:政协|人大|提案|建议|议案))';
/** 政府信息公开申请 and its variants: 信息公开申请, 公开政府信息的申请, 依申请公开…申请. */
const APPLICATION = '(?:(?:政府)?信息公开|公开政府信息|依申请公开(?:政府信息)?)(?:的)?申请';
const CASES = '\\s*(?:件|起|个|宗)';

/** Narrative figures checked against tables 三 and 四. */
export const NARRATIVE_FIGURES: NarrativeFigure[] = [
  {
    id: 'received', title: '正文所述本年收到的政府信息公开申请数与表三“一、本年新收”总计一致',
    cells: ['三:received:total'],
    patterns: [
      { source: `(?:收到|受理|接收|新收)[^。；，,]{0,20}?${APPLICATION}${TOTAL}${N}\\s*(?:件|个|份|条)${NOT_OTHER}` },
      { source: `(?:收到|新收)(?:的)?申请${TOTAL}${N}\\s*(?:件|个|份|条)${NOT_OTHER}` },
      { source: `(?:收到|受理|接收)依申请公开${TOTAL}${N}\\s*(?:件|个|份|条)${NOT_OTHER}` },
      { source: `(?:未|没有)(?:收到|受理|接收)[^。；，,]{0,20}?${APPLICATION}`, zero: true },
      { source: `(?:无|没有)${APPLICATION}`, zero: true },
    ],
  },
  {
    id: 'carried-in', title: '正文所述上年结转的申请数与表三“二、上年结转”总计一致',
    cells: ['三:carried-in:total'],
    patterns: [
      { source: `上(?:一)?年度?结转(?:的|而来的)?(?:政府信息公开)?(?:申请)?${TOTAL}${N}${CASES}` },
      { source: '(?:无|没有)上(?:一)?年度?结转', zero: true },
    ],
  },
  {
    id: 'carried-out', title: '正文所述结转下年度办理的申请数与表三“四、结转下年度继续办理”总计一致',
    cells: ['三:carried-out:total'],
    patterns: [
      { source: `结转(?:至|到)?下(?:一)?年度?(?:继续)?(?:办理)?(?:的)?(?:政府信息公开)?(?:申请)?${TOTAL}${N}${CASES}` },
      { source: `${N}\\s*件(?:申请)?(?:需)?(?:结转|转入)(?:至|到)?下(?:一)?年度` },
      { source: '(?:无|没有)(?:申请)?(?:需要|需)?结转(?:至|到)?下(?:一)?年度', zero: true },
    ],
  },
  {
    id: 'reconsideration', title: '正文所述行政复议案件数与表四“行政复议—总计”一致',
    cells: ['四:all:reconsideration.total'],
    patterns: [
      { source: `行政复议(?:案件|申请|案)?${TOTAL}${N}${CASES}` },
      { source: `行政复议(?:案件)?(?:[、和与及]|以及)行政诉讼(?:案件)?(?:均|各|都)(?:为|是)?${N}${CASES}` },
      { source: '(?:未发生|未收到|未被|没有|无(?!论|法))[^。；，,]{0,30}?行政复议', zero: true },
    ],
  },
  {
    id: 'litigation', title: '正文所述行政诉讼案件数与表四行政诉讼两组总计之和一致',
    cells: ['四:all:direct.total', '四:all:after.total'],
    patterns: [
      { source: `行政诉讼(?:案件|案)?(?:均|各|都)?${TOTAL}${N}${CASES}` },
      { source: '(?:未发生|未收到|未被|没有|无(?!论|法))[^。；，,]{0,40}?行政诉讼', zero: true },
    ],
  },
];
