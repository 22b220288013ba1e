/**
 * The national lists a 政务服务事项 is classified by, AS DATA: the matter types (国务院办公厅《政务服务事项基本目录》
 * 的事项类型), the national service themes for natural persons and legal persons (GB/T 39554.1-2020 主题分类, as in
 * ../shared/spec/portal-and-security.md A7 item 30; the office may edit its copy, these are the defaults), and the
 * service levels of the seed's network: the district hall, the 镇街 halls, the community and village points, each with
 * its own list of matters (the seed: 社区服务事项清单 28 项、村级代办点事项清单 21 项).
 */

/** 事项类型: key → name. 行政许可 and 其他对外管理服务事项 are the two kinds the seed's hall handles most. */
export const MATTER_TYPES = {
  'licence': '行政许可',
  'levy': '行政征收',
  'benefit': '行政给付',
  'confirmation': '行政确认',
  'award': '行政奖励',
  'ruling': '行政裁决',
  'other-power': '其他行政权力',
  'public-service': '公共服务',
  'other-external': '其他对外管理服务事项',
} as const;
export type MatterType = keyof typeof MATTER_TYPES;
export const MATTER_TYPE_KEYS = Object.keys(MATTER_TYPES) as MatterType[];

/** 办件类型 (A7 item 29): 即办件 (done at the window) or 承诺件 (done within the promised time). */
export const HANDLING_KINDS = { immediate: '即办件', promised: '承诺件' } as const;
export type HandlingKind = keyof typeof HANDLING_KINDS;

/** Who a theme list serves. */
export const AUDIENCES = { person: '自然人', legal: '法人' } as const;
export type Audience = keyof typeof AUDIENCES;

/** 服务层级: where a matter is handled; each level has its own list. */
export const SERVICE_LEVELS = {
  district: '区政务服务大厅',
  town: '镇（街道）便民服务中心',
  community: '社区便民服务站',
  village: '村级代办点',
} as const;
export type ServiceLevel = keyof typeof SERVICE_LEVELS;
export const SERVICE_LEVEL_KEYS = Object.keys(SERVICE_LEVELS) as ServiceLevel[];

/** 申请材料的提交要求. */
export const MATERIAL_KINDS = { original: '原件', copy: '复印件', electronic: '电子材料', 'original-and-copy': '原件及复印件' } as const;
export type MaterialKind = keyof typeof MATERIAL_KINDS;

/** The five flags of a matter, with the names the seed and the national evaluation use. */
export const MATTER_FLAGS = {
  online: '可网办',
  fullyOnline: '全程网办',
  atMostOnce: '最多跑一次',
  zeroVisit: '零跑腿',
  mailDelivery: '快递送达',
} as const;
export type MatterFlag = keyof typeof MATTER_FLAGS;
export const MATTER_FLAG_KEYS = Object.keys(MATTER_FLAGS) as MatterFlag[];

/** A theme of a national list. */
export interface ThemeDefinition { audience: Audience; code: string; name: string }

const person: Array<[string, string]> = [
  ['005', '生育收养'], ['010', '户籍办理'], ['015', '民族宗教'], ['020', '教育科研'], ['025', '入伍服役'], ['030', '就业创业'],
  ['035', '设立变更'], ['040', '准营准办'], ['045', '抵押质押'], ['050', '职业资格'], ['055', '行政缴费'], ['060', '婚姻登记'],
  ['065', '优待抚恤'], ['070', '规划建设'], ['075', '住房保障'], ['085', '社会保障（社会保险、社会救助）'], ['090', '证件办理'],
  ['095', '交通出行'], ['100', '旅游观光'], ['105', '出境入境'], ['110', '消费维权'], ['115', '公共安全'], ['120', '司法公证'],
  ['125', '知识产权'], ['130', '环保绿化'], ['135', '文化体育'], ['140', '公用事业'], ['145', '医疗卫生'], ['150', '离职退休'],
  ['155', '死亡殡葬'], ['998', '地方特色分类'], ['999', '其他'],
];
const legal: Array<[string, string]> = [
  ['005', '设立变更'], ['010', '准营准办'], ['015', '资质认证'], ['020', '年检年审'], ['025', '税收财务'], ['030', '人力资源'],
  ['035', '社会保障'], ['040', '投资审批'], ['045', '融资信贷'], ['050', '抵押质押'], ['055', '商务贸易'], ['060', '招标拍卖'],
  ['065', '海关口岸'], ['070', '涉外服务'], ['075', '农林牧渔'], ['085', '国土和规划建设'], ['090', '交通运输'], ['095', '环保绿化'],
  ['100', '应对气候变化'], ['105', '水务气象'], ['110', '医疗卫生'], ['115', '科技创新'], ['120', '文体教育'], ['125', '知识产权'],
  ['130', '民族宗教'], ['135', '质量技术'], ['140', '检验检疫'], ['145', '安全生产'], ['150', '公安消防'], ['155', '司法公证'],
  ['160', '公用事业'], ['165', '法人注销'], ['170', '档案文物'], ['998', '地方特色分类'], ['999', '其他'],
];

/** The national theme lists (the defaults the database is seeded with; the office may rename or add). */
export const NATIONAL_THEMES: readonly ThemeDefinition[] = [
  ...person.map(([code, name]) => ({ audience: 'person' as const, code, name })),
  ...legal.map(([code, name]) => ({ audience: 'legal' as const, code, name })),
];

/** A theme's key as stored in a matter: `person:005`. */
export const themeKey = (audience: Audience, code: string) => `${audience}:${code}`;
