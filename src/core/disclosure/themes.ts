/**
 * 主题分类: the subject classes of the central government's policy-document library (gov.cn), two levels, 22 top
 * classes (spec portal-and-security.md A3 item 13). An item stores its class as the path gov.cn prints,
 * `一级\二级` (e.g. 综合政务\政务公开) or the top class alone. The top level is as the spec lists it; the second
 * level is the one in common use on gov.cn pages [Derived, not read from a published standard], so it is data an
 * installation can extend without code.
 */

/** One top class with its second-level classes. */
export interface ThemeClass {
  name: string;
  children: readonly string[];
}

/** The 22 top classes in gov.cn's order, each with its second level. */
export const THEMES: readonly ThemeClass[] = [
  { name: '国务院组织机构', children: ['国务院办公厅', '国务院组成部门', '国务院直属机构', '国务院办事机构', '国务院直属事业单位', '国务院部委管理的国家局', '其他'] },
  { name: '综合政务', children: ['政务公开', '政务督查', '电子政务', '应急管理', '信访', '文秘工作', '行政复议', '参事、文史', '机关事务', '其他'] },
  { name: '国民经济管理、国有资产监管', children: ['宏观经济', '经济体制改革', '国有资产监管', '物价', '统计', '节能与资源综合利用', '其他'] },
  { name: '财政、金融、审计', children: ['财政', '税务', '金融', '审计', '银行', '保险', '证券', '其他'] },
  { name: '国土资源、能源', children: ['土地', '矿产', '海洋', '测绘', '气象、水文、测绘、地震', '能源', '电力', '石油与天然气', '煤炭', '其他'] },
  { name: '农业、林业、水利', children: ['农业、畜牧业、渔业', '林业', '水利', '扶贫', '其他'] },
  { name: '工业、交通', children: ['工业', '交通', '信息产业（含电信）', '邮政', '铁路', '公路', '水运', '民航', '其他'] },
  { name: '商贸、海关、旅游', children: ['国内贸易（含供销）', '对外经贸合作', '海关', '口岸', '旅游', '其他'] },
  { name: '市场监管、安全生产监管', children: ['市场监管', '质量监督', '食品药品监管', '安全生产监管', '知识产权', '其他'] },
  { name: '城乡建设、环境保护', children: ['城市规划', '城乡建设（含住房）', '环境监测、保护与治理', '节能减排', '其他'] },
  { name: '科技、教育', children: ['科技', '教育', '其他'] },
  { name: '文化、广电、新闻出版', children: ['文化', '广播、电影、电视', '新闻出版', '文物', '其他'] },
  { name: '卫生、体育', children: ['卫生', '医药管理', '体育', '其他'] },
  { name: '人口与计划生育、妇女儿童工作', children: ['人口与计划生育', '妇女儿童', '其他'] },
  { name: '劳动、人事、监察', children: ['劳动就业', '人事工作', '社会保障', '公务员管理', '监察', '其他'] },
  { name: '公安、安全、司法', children: ['公安', '安全', '司法', '其他'] },
  { name: '民政、扶贫、救灾', children: ['减灾救灾', '社会福利', '扶贫', '行政区划与地名', '社团管理', '优抚安置', '其他'] },
  { name: '民族、宗教', children: ['民族事务', '宗教事务', '其他'] },
  { name: '对外事务', children: ['外事', '其他'] },
  { name: '港澳台侨工作', children: ['港澳工作', '台湾工作', '侨务工作', '其他'] },
  { name: '国防', children: ['国防动员', '其他'] },
  { name: '其他', children: [] },
];

/** The separator gov.cn prints between the two levels. */
export const THEME_SEPARATOR = '\\';

/** Every valid value: each top class, and each `top\second`. */
export const THEME_VALUES: readonly string[] = THEMES.flatMap((t) => [t.name, ...t.children.map((c) => `${t.name}${THEME_SEPARATOR}${c}`)]);

const VALUES = new Set(THEME_VALUES);

/** Normalises what people type (full-width ＼ or / between the levels, spaces) to the stored path. */
export function normaliseTheme(value: string): string {
  return value.replace(/\s+/g, '').replace(/[＼/／]/g, THEME_SEPARATOR);
}

/** Whether a (normalised) value is one of the classes. */
export function isTheme(value: string): boolean {
  return VALUES.has(normaliseTheme(value));
}
