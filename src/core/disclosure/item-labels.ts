/**
 * The fixed vocabularies of an item's metadata (目录编制规范; 条例 Art. 12, 20), as data with their Chinese names.
 */

/** 公开属性. */
export const DISCLOSURE_ATTRIBUTES = { active: '主动公开', 'on-request': '依申请公开', none: '不予公开' } as const;
/** A 公开属性 key. */
export type DisclosureAttribute = keyof typeof DISCLOSURE_ATTRIBUTES;

/** 有效性. */
export const VALIDITIES = { valid: '有效', repealed: '废止', expired: '失效' } as const;
/** A 有效性 key. */
export type Validity = keyof typeof VALIDITIES;

/** Normative kinds whose make/amend/repeal dates feed table 二 （一）: 规章 and 行政规范性文件. */
export const NORMATIVE_KINDS = { rule: '规章', normative: '行政规范性文件' } as const;
/** A normative kind key. */
export type NormativeKind = keyof typeof NORMATIVE_KINDS;

/** Where an item came from: written on the platform, or imported as published before it. */
export const ITEM_ORIGINS = { platform: '本平台发布', imported: '平台启用前已发布（导入）' } as const;
/** An origin key. */
export type ItemOrigin = keyof typeof ITEM_ORIGINS;

/** The 15 proactive categories of 条例 Art. 20, keyed （一）…（十五）as '1'…'15'. */
export const ART20_ITEMS: Readonly<Record<string, string>> = {
  '1': '（一）行政法规、规章和规范性文件',
  '2': '（二）机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名',
  '3': '（三）国民经济和社会发展规划、专项规划、区域规划及相关政策',
  '4': '（四）国民经济和社会发展统计信息',
  '5': '（五）办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果',
  '6': '（六）实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定',
  '7': '（七）财政预算、决算信息',
  '8': '（八）行政事业性收费项目及其依据、标准',
  '9': '（九）政府集中采购项目的目录、标准及实施情况',
  '10': '（十）重大建设项目的批准和实施情况',
  '11': '（十一）扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况',
  '12': '（十二）突发公共事件的应急预案、预警信息及应对情况',
  '13': '（十三）环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况',
  '14': '（十四）公务员招考的职位、名额、报考条件等事项以及录用结果',
  '15': '（十五）法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息',
};
