/**
 * The fixed plan of the demo bureau's scripted year of proactive disclosure (src/demo/demo-disclosure-year.ts).
 * DEMO CONTENT: titles, 文号 and dates are invented for the demo and say so in every item's summary. The plan's
 * shape is fixed by rule (never by chance) so that its counts can be made by hand
 * (test/disclosure/scripted-year.test.ts); the seeded PRNG only varies wording and the minute of each act.
 *
 * - 84 ordinary items: 7 a month. Item n (0…83) is published in month ⌊n/7⌋+1, in leaf category LEAVES[n mod 21]
 *   (every leaf of the seed catalogue except 行政规范性文件), on the channels COMBOS[n mod 7]. As 21 = 3 × 7, each
 *   leaf gets 4 items, all on the same channel combination.
 * - 行政规范性文件: two made in 2024 (published in December 2024), six made in 2025, one amended, two repealed.
 * - 规章: none made — a 区级 department has no power to make 规章 (立法法 Art. 93: 设区的市人民政府); the 规章
 *   category holds reprinted municipal 规章 for reference, not counted in table 二 （一）.
 */
import type { Channel } from '../core/disclosure/channels.js';

/** The year played (the calendar data covers 2019–2026; the report is published in January 2026). */
export const DEMO_YEAR = 2025;

/** The leaf categories of the seed catalogue that ordinary items go under, in order (行政规范性文件 excluded). */
export const ORDINARY_LEAVES = [
  '机构概况', '领导信息', '内设机构', '下属单位', '办公地址和联系方式',
  '工作动态', '通知公告', '政务服务大厅建设', '便民服务信息',
  '规章', '其他政策文件', '政策解读',
  '行政许可事项清单', '办事指南', '行政许可办理结果', '其他对外管理服务事项', '收费项目及标准', '建议提案办理',
  '审批服务统计', '部门预算决算',
  '政府信息公开工作年度报告',
] as const;

/** The channel combinations of ordinary items (item n: COMBOS[n mod 7]); every channel appears. */
export const COMBOS: readonly (readonly Channel[])[] = [
  ['portal'],
  ['portal', 'wechat'],
  ['portal', 'service-portal'],
  ['notice-board', 'led'],
  ['portal', 'notice-board', 'led'],
  ['print', 'reading-point'],
  ['portal', 'service-portal', 'wechat', 'notice-board', 'led', 'print', 'reading-point'],
];

/** Ordinary items a month. */
export const PER_MONTH = 7;

/** Ordinary items returned once (by index n) and at which step, with the reason. */
export const RETURNS: ReadonlyArray<{ n: number; step: 'first-review' | 'sign-off'; reason: string }> = [
  { n: 4, step: 'first-review', reason: '内容概述过于简略，请补充办理时限和办理地点' },
  { n: 25, step: 'first-review', reason: '标题与正文不一致，请核对后修改' },
  { n: 46, step: 'first-review', reason: '主题分类选择有误，请改为“综合政务”' },
  { n: 67, step: 'first-review', reason: '正文缺少咨询电话，请补充' },
  { n: 12, step: 'sign-off', reason: '请核实发布机构名称是否为全称' },
  { n: 54, step: 'sign-off', reason: '数据口径与统计报表不一致，请核实' },
];

/**
 * Ordinary items whose body holds personal data the scan finds (by index n): an applicant's mobile number and
 * 居民身份证号码 (removed by the 保密审查员: the text is redacted into a new version) or the office's published
 * landline (confirmed with a reason).
 */
export const PII_ITEMS: ReadonlyArray<{ n: number; kind: 'applicant' | 'office-phone' }> = [
  // 行政许可办理结果 (leaf 14) of March and September: an applicant's data, removed.
  { n: 14, kind: 'applicant' },
  { n: 56, kind: 'applicant' },
  // 办事指南 (leaf 13) of May and November: the office's published landline, confirmed.
  { n: 34, kind: 'office-phone' },
  { n: 76, kind: 'office-phone' },
];

/**
 * The ordinary item whose attachment (a .docx list) holds an applicant's 居民身份证号码: the scan finds it, the
 * 保密审查员 returns the item, the drafter replaces the attachment with a list without it and resubmits (the earlier
 * version's finding is then recorded as removed). n = 35: 行政许可办理结果 of May.
 */
export const ATTACHMENT_PII = { n: 35, reason: '附件名单含申请人居民身份证号码，请删除后重新上传' } as const;

/**
 * Withdrawals (n ≡ 3 mod 7 of March, June, September and December are 建议提案办理 answers on 公开栏 and LED;
 * n = 22 is 领导信息 on WeChat, n = 69 通知公告 on LED): by the monthly checklist (the check of month `month` decides 撤回 for the item's channel) or
 * directly during the month (the publisher withdraws; the checklist then records 撤回).
 */
export const WITHDRAWALS: ReadonlyArray<{ n: number; channel: Channel; by: 'checklist' | 'direct'; reason: string }> = [
  { n: 17, channel: 'led', by: 'checklist', reason: '提案答复已在政府网站公开，LED显示屏滚动展示期满，停止播放' },
  { n: 22, channel: 'wechat', by: 'direct', reason: '推送标题有错字，撤回后另行更正发布' },
  { n: 38, channel: 'notice-board', by: 'checklist', reason: '公开栏张贴期满，答复已在政府网站长期公开，予以撤下' },
  { n: 59, channel: 'led', by: 'checklist', reason: 'LED显示屏滚动展示期满，停止播放' },
  { n: 69, channel: 'led', by: 'direct', reason: '屏幕显示内容排版错误，撤回' },
  { n: 80, channel: 'notice-board', by: 'checklist', reason: '公开栏张贴期满，予以撤下，答复仍在政府网站公开' },
];

/** A 行政规范性文件 of the plan: made (and published) in `month`; possibly amended or repealed later. */
export interface NormativePlan {
  key: string;
  title: string;
  docNo: string;
  madeOn: string;
  /** Amended on this day (a new version through the chain, republished on portal and reading point). */
  amendedOn?: string;
  /** Repealed on this day (a new version marked 废止 through the chain, republished on the portal). */
  repealedOn?: string;
}

/** Channels a 行政规范性文件 goes on when made or amended. */
export const NORMATIVE_CHANNELS: readonly Channel[] = ['portal', 'reading-point'];

/** Made in 2024 (published December 2024): one repealed in 2025. */
export const NORMATIVE_2024: readonly NormativePlan[] = [
  { key: 'A', title: '威海市环翠区行政审批服务局关于印发《环翠区政务服务“容缺受理”实施办法（试行）》的通知', docNo: '环审批规〔2024〕2号', madeOn: '2024-11-20', repealedOn: '2025-06-16' },
  { key: 'B', title: '威海市环翠区行政审批服务局关于印发《环翠区投资项目审批代办服务规定》的通知', docNo: '环审批规〔2024〕3号', madeOn: '2024-12-02' },
];

/** Made in 2025: six, one amended, one repealed. */
export const NORMATIVE_2025: readonly NormativePlan[] = [
  { key: 'C', title: '威海市环翠区行政审批服务局关于印发《环翠区企业开办“一件事”办理规程》的通知', docNo: '环审批规〔2025〕1号', madeOn: '2025-02-10', amendedOn: '2025-08-11' },
  { key: 'D', title: '威海市环翠区行政审批服务局关于印发《环翠区告知承诺制审批管理办法》的通知', docNo: '环审批规〔2025〕2号', madeOn: '2025-03-10', repealedOn: '2025-11-10' },
  { key: 'E', title: '威海市环翠区行政审批服务局关于印发《环翠区政务服务“好差评”管理办法》的通知', docNo: '环审批规〔2025〕3号', madeOn: '2025-05-12' },
  { key: 'F', title: '威海市环翠区行政审批服务局关于印发《环翠区帮办代办服务规范》的通知', docNo: '环审批规〔2025〕4号', madeOn: '2025-07-07' },
  { key: 'G', title: '威海市环翠区行政审批服务局关于印发《环翠区工程建设项目联合验收实施细则》的通知', docNo: '环审批规〔2025〕5号', madeOn: '2025-09-08' },
  { key: 'H', title: '威海市环翠区行政审批服务局关于印发《环翠区政务服务事项“免证办”工作规范》的通知', docNo: '环审批规〔2025〕6号', madeOn: '2025-10-13' },
];

/** The Art. 20 counts entered for the year (2021 format cells), with their sources. DEMO VALUES. */
export const ART20_ENTRIES: ReadonlyArray<{ cell: string; value: number; source: string }> = [
  { cell: '二:licensing:decisions', value: 18652, source: '山东省政务服务事项管理系统 2025 年度办件统计（演示数据）' },
  { cell: '二:penalty:decisions', value: 0, source: '本局不承担行政处罚职责，经法规科核实（演示数据）' },
  { cell: '二:coercion:decisions', value: 0, source: '本局不承担行政强制职责，经法规科核实（演示数据）' },
  { cell: '二:fees:fee-amount', value: 0, source: '财务科 2025 年度收费台账：本局无行政事业性收费项目（演示数据）' },
];
