/**
 * Figures stated in the prose that must match table cells (rule 10), shared by both formats.
 * Patterns are tried on each sentence; `\s*` tolerates the spaces crawled text inserts. The number
 * group accepts Arabic and Chinese numerals.
 */
import type { NarrativeFigure } from './format-types.js';

const N = '([0-9０-９]+|[零〇一二两三四五六七八九十百千万]+)';

/** Narrative figures checked against tables 三 and 四. */
export const NARRATIVE_FIGURES: NarrativeFigure[] = [
  {
    id: 'received', title: '正文所述本年收到的政府信息公开申请数与表三“一、本年新收”总计一致',
    cells: ['三:received:total'],
    patterns: [
      { source: `(?:共|新)?(?:收到|受理|接收)[^。；，,]{0,20}?(?:政府信息公开)?申请(?:共|合计)?${N}\\s*(?:件|个|份|条)` },
      { source: `(?:收到|受理|接收)(?:政府信息公开|信息公开)?申请[^。；]{0,6}?${N}\\s*(?:件|个|份|条)` },
      { source: '(?:未|没有)(?:收到|受理|接收)[^。；]{0,20}?申请', zero: true },
    ],
  },
  {
    id: 'carried-out', title: '正文所述结转下年度办理的申请数与表三“四、结转下年度继续办理”总计一致',
    cells: ['三:carried-out:total'],
    patterns: [{ source: `结转(?:至|到)?下(?:一)?年度?(?:继续办理)?(?:的)?(?:申请)?${N}\\s*(?:件|个)` }],
  },
  {
    id: 'reconsideration', title: '正文所述行政复议案件数与表四“行政复议—总计”一致',
    cells: ['四:all:reconsideration.total'],
    patterns: [
      { source: `行政复议(?:案件|申请|案)?(?:共|合计)?${N}\\s*(?:件|起|个)` },
      { source: '(?:未发生|未收到|没有|无)[^。；]{0,30}?行政复议', zero: true },
    ],
  },
  {
    id: 'litigation', title: '正文所述行政诉讼案件数与表四行政诉讼两组总计之和一致',
    cells: ['四:all:direct.total', '四:all:after.total'],
    patterns: [
      { source: `行政诉讼(?:案件|案)?(?:共|合计)?${N}\\s*(?:件|起|个)` },
      { source: '(?:未发生|未收到|没有|无)[^。；]{0,40}?行政诉讼', zero: true },
    ],
  },
];
