/**
 * A matter's guide as plain text in the order the guide page prints it (search index, plain exports), and the
 * labels of its fields' values. Pure: no database.
 */
import type { Matter } from '../core/matters/matter.js';
import {
  HANDLING_KINDS, MATERIAL_KINDS, MATTER_FLAG_KEYS, MATTER_FLAGS, MATTER_TYPES, SERVICE_LEVELS,
} from '../core/matters/matter-lists.js';

/** 纸质 / 电子 / 纸质和电子. */
export const MEDIUM_NAMES = { paper: '纸质', electronic: '电子', both: '纸质和电子' } as const;

/** The flags a matter has, by their Chinese names. */
export function flagNames(m: Matter): string[] {
  return MATTER_FLAG_KEYS.filter((k) => m.flags[k]).map((k) => MATTER_FLAGS[k]);
}

/** 承诺 N 个工作日 / 即办. */
export function daysText(days: number | null): string {
  if (days === null) return '无';
  return days === 0 ? '即办' : `${days} 个工作日`;
}

/** The guide's text (headings and values). */
export function matterText(m: Matter, themeNames: (key: string) => string): string {
  return [
    m.name, `事项编码：${m.code}`, `事项类型：${MATTER_TYPES[m.type]}`, `办件类型：${HANDLING_KINDS[m.handlingKind]}`, `实施主体：${m.office}`,
    '设定依据', ...m.legalBasis, `主题分类：${m.themes.map(themeNames).join('、')}`,
    `服务层级：${m.levels.map((l) => SERVICE_LEVELS[l]).join('、')}`, '受理条件', m.conditions,
    '申请材料', ...m.materials.map((x) => `${x.name}（${MATERIAL_KINDS[x.kind]}，${x.copies} 份，${MEDIUM_NAMES[x.medium]}）`),
    '办理流程', ...m.procedure, `法定办结时限：${daysText(m.statutoryDays)}`, `承诺办结时限：${daysText(m.promisedDays)}`,
    m.fee.charged ? `收费标准：${m.fee.standard}；收费依据：${m.fee.basis}` : '收费：不收费',
    `办理地点：${m.place}`, `办理时间：${m.hours}`, `到现场次数：${m.visits} 次`, `咨询方式：${m.consultation}`, `监督投诉方式：${m.complaint}`,
    flagNames(m).join('、'), m.onlineUrl, m.faq,
  ].filter((s) => s.trim() !== '').join('\n');
}
