/**
 * A 政务服务事项 and its 办事指南 as one structured document (the elements of ../shared/spec/portal-and-security.md
 * A7 item 29: 事项名称、事项编码、事项类型、设定依据、实施主体、办件类型、受理条件、申请材料、办理流程、法定/承诺办结时限、
 * 收费依据与标准、办理地点和时间、到现场次数、咨询方式、监督投诉方式、网上办理链接、常见问题) and the five flags of the
 * seed (可网办、全程网办、最多跑一次、零跑腿、快递送达). validateMatter checks what the law and the national evaluation
 * expect of a guide and names every problem in Chinese at once; it is pure: the known themes and offices come in.
 */
import { ValidationError, type ProblemDetail } from '../errors.js';
import {
  AUDIENCES, HANDLING_KINDS, MATERIAL_KINDS, MATTER_FLAG_KEYS, MATTER_FLAGS, MATTER_TYPES, SERVICE_LEVELS,
  type Audience, type HandlingKind, type MaterialKind, type MatterFlag, type MatterType, type ServiceLevel,
} from './matter-lists.js';

/** A file offered for download with a material (空白表格, 示范样表), stored once by SHA-256 in `blobs`. */
export interface MatterFile { hash: string; fileName: string }

/** 申请材料. */
export interface MatterMaterial {
  name: string;
  kind: MaterialKind;
  /** 份数. */
  copies: number;
  /** 材料形式: 纸质, 电子 or both. */
  medium: 'paper' | 'electronic' | 'both';
  /** 空白表格 to download, or null. */
  blankForm: MatterFile | null;
  /** 示范样表 to download, or null. */
  sample: MatterFile | null;
}

/** 收费: none, or a standard with its basis (a fee without its basis cannot be charged). */
export interface MatterFee { charged: boolean; standard: string; basis: string }

/** A matter (事项) and its guide, as one version stores it. */
export interface Matter {
  name: string;
  /** 事项编码 (实施编码). */
  code: string;
  type: MatterType;
  handlingKind: HandlingKind;
  /** 实施主体 / 承办科室: one of the agency's registered offices. */
  office: string;
  /** 设定依据: the laws and regulations, one per line (required). */
  legalBasis: string[];
  /** 服务对象. */
  audiences: Audience[];
  /** Theme keys `person:005`, `legal:010` (of the editable national lists). */
  themes: string[];
  /** Where it is handled: each level's list. */
  levels: ServiceLevel[];
  /** 受理条件. */
  conditions: string;
  materials: MatterMaterial[];
  /** 办理流程, one step per line. */
  procedure: string[];
  /** 法定办结时限 in working days; null when the law sets none. */
  statutoryDays: number | null;
  /** 承诺办结时限 in working days (0: 即办). */
  promisedDays: number;
  fee: MatterFee;
  place: string;
  hours: string;
  /** 咨询方式. */
  consultation: string;
  /** 监督投诉方式. */
  complaint: string;
  /** 网上办理地址 (required when 可网办). */
  onlineUrl: string;
  /** 到现场次数. */
  visits: number;
  flags: Record<MatterFlag, boolean>;
  /** 常见问题 (may be empty). */
  faq: string;
}

/** The Chinese name of every field, for messages and stale-save reports. */
export const MATTER_FIELD_NAMES: Readonly<Record<string, string>> = {
  name: '事项名称', code: '事项编码', type: '事项类型', handlingKind: '办件类型', office: '实施主体', legalBasis: '设定依据',
  audiences: '服务对象', themes: '主题分类', levels: '服务层级', conditions: '受理条件', materials: '申请材料', procedure: '办理流程',
  statutoryDays: '法定办结时限', promisedDays: '承诺办结时限', fee: '收费', 'fee.charged': '是否收费', 'fee.standard': '收费标准',
  'fee.basis': '收费依据', place: '办理地点', hours: '办理时间', consultation: '咨询方式', complaint: '监督投诉方式',
  onlineUrl: '网上办理地址', visits: '到现场次数', flags: '办理方式', faq: '常见问题',
  ...Object.fromEntries(MATTER_FLAG_KEYS.map((k) => [`flags.${k}`, MATTER_FLAGS[k]])),
};

/** What a matter is checked against: the agency's offices and the themes in force (keys `person:005`). */
export interface MatterContext { offices: ReadonlySet<string>; themes: ReadonlySet<string> }

/** Limits that keep one guide printable on a few A4 pages. */
export const MATTER_LIMITS = { text: 2000, line: 300, lines: 30, materials: 60 } as const;

const CODE = /^[0-9A-Za-z][0-9A-Za-z-]{3,39}$/;

/**
 * Checks a matter as submitted (from the API, the editor or an import row) and returns it normalised (text trimmed,
 * empty lines dropped). Throws one ValidationError naming every problem (field paths in `place.field`).
 */
export function validateMatter(input: unknown, context: MatterContext): Matter {
  const src = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const problems: ProblemDetail[] = [];
  const add = (field: string, message: string) => problems.push({ message, place: { field } });
  const name = (f: string) => MATTER_FIELD_NAMES[f] ?? f;

  const text = (field: string, required = true, value: unknown = src[field]): string => {
    if (value !== undefined && value !== null && typeof value !== 'string') { add(field, `${name(field)}应为文字`); return ''; }
    const t = (value ?? '').trim();
    if (required && t === '') add(field, `请填写${name(field)}`);
    else if ([...t].length > MATTER_LIMITS.text) add(field, `${name(field)}不能超过 ${MATTER_LIMITS.text} 字`);
    return t;
  };
  const lines = (field: string, missing: string): string[] => {
    const value = src[field];
    if (value !== undefined && !Array.isArray(value)) { add(field, `${name(field)}应逐条列出`); return []; }
    const list = ((value ?? []) as unknown[]).map((l) => (typeof l === 'string' ? l.trim() : '')).filter((l) => l !== '');
    if (list.length === 0) add(field, missing);
    if (list.length > MATTER_LIMITS.lines) add(field, `${name(field)}不能超过 ${MATTER_LIMITS.lines} 条`);
    if (list.some((l) => [...l].length > MATTER_LIMITS.line)) add(field, `${name(field)}每条不能超过 ${MATTER_LIMITS.line} 字`);
    return list;
  };
  const oneOf = <K extends string>(field: string, list: Readonly<Record<K, string>>): K => {
    const v = src[field];
    if (typeof v !== 'string' || !Object.hasOwn(list, v)) {
      add(field, v === undefined || v === '' ? `请选择${name(field)}` : `${name(field)}“${String(v)}”不在可选范围内（${Object.values<string>(list).join('、')}）`);
    }
    return v as K;
  };
  const days = (field: string, value: unknown, nullable: boolean): number | null => {
    if (value === null || value === undefined || value === '') {
      if (!nullable) add(field, `请填写${name(field)}（工作日）`);
      return null;
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 365) {
      add(field, `${name(field)}应为 0 至 365 的整数（工作日），现为“${String(value)}”`);
      return null;
    }
    return value;
  };

  const matterName = text('name');
  const code = text('code');
  if (code && !CODE.test(code)) add('code', `事项编码格式不正确：“${code}”（应为 4 至 40 位字母、数字或连字符）`);
  const type = oneOf('type', MATTER_TYPES);
  const handlingKind = oneOf('handlingKind', HANDLING_KINDS);
  const office = text('office');
  if (office && !context.offices.has(office)) add('office', `实施主体“${office}”不在本机关登记的实施主体名单中`);
  // 设定依据: a matter the law does not set up is not a 政务服务事项 (《行政许可法》第十四条至第十七条).
  const legalBasis = lines('legalBasis', '事项缺少设定依据：请写明设定该事项的法律、法规或规章');

  const audiences = listOf('audiences', src.audiences, AUDIENCES, '请至少选择一类服务对象（自然人、法人）');
  const themeList = Array.isArray(src.themes) ? (src.themes as unknown[]).filter((t): t is string => typeof t === 'string') : [];
  if (themeList.length === 0) add('themes', '请至少选择一个主题分类');
  for (const t of themeList) {
    if (!context.themes.has(t)) add('themes', `主题分类“${t}”不存在或已停用`);
    else if (!audiences.includes(t.split(':')[0] as Audience)) add('themes', `主题分类“${t}”与所选服务对象不符`);
  }
  const levels = listOf('levels', src.levels, SERVICE_LEVELS, '请至少选择一个服务层级');

  const conditions = text('conditions');
  const materials = materialsOf(src.materials, add);
  const procedure = lines('procedure', '请至少填写一个办理环节');
  const statutoryDays = days('statutoryDays', src.statutoryDays, true);
  const promisedDays = days('promisedDays', src.promisedDays, false) ?? 0;
  if (statutoryDays !== null && promisedDays > statutoryDays) {
    add('promisedDays', `承诺办结时限（${promisedDays} 个工作日）不能长于法定办结时限（${statutoryDays} 个工作日）`);
  }
  if (handlingKind === 'immediate' && promisedDays !== 0) add('promisedDays', `即办件的承诺办结时限应为 0 个工作日（当场办结），现为 ${promisedDays} 个工作日`);

  const feeSrc = (src.fee && typeof src.fee === 'object' ? src.fee : {}) as Record<string, unknown>;
  const charged = feeSrc.charged === true;
  const fee: MatterFee = {
    charged, standard: text('fee.standard', charged, feeSrc.standard), basis: text('fee.basis', charged, feeSrc.basis),
  };
  const place = text('place');
  const hours = text('hours');
  const consultation = text('consultation');
  const complaint = text('complaint');
  const onlineUrl = text('onlineUrl', false);
  const faq = text('faq', false);
  const visits = src.visits;
  if (typeof visits !== 'number' || !Number.isInteger(visits) || visits < 0 || visits > 10) add('visits', `到现场次数应为 0 至 10 的整数，现为“${String(visits)}”`);

  const flagsSrc = (src.flags && typeof src.flags === 'object' ? src.flags : {}) as Record<string, unknown>;
  const flags = Object.fromEntries(MATTER_FLAG_KEYS.map((k) => [k, flagsSrc[k] === true])) as Record<MatterFlag, boolean>;
  if (flags.fullyOnline && !flags.online) add('flags.fullyOnline', '全程网办的事项必须可网办');
  if (flags.online && onlineUrl === '') add('onlineUrl', '可网办的事项须填写网上办理地址');
  if (onlineUrl !== '' && !/^https?:\/\/\S+$/.test(onlineUrl)) add('onlineUrl', `网上办理地址格式不正确：“${onlineUrl}”`);
  if (typeof visits === 'number') {
    if (flags.atMostOnce !== visits <= 1) add('flags.atMostOnce', `到现场次数为 ${visits} 次，与“最多跑一次”${flags.atMostOnce ? '' : '未勾选'}不符`);
    if (flags.zeroVisit && visits !== 0) add('flags.zeroVisit', `“零跑腿”的事项到现场次数应为 0，现为 ${visits} 次`);
    if (flags.fullyOnline && visits !== 0) add('flags.fullyOnline', `全程网办的事项到现场次数应为 0，现为 ${visits} 次`);
  }
  if (flags.zeroVisit && !flags.fullyOnline && !flags.mailDelivery) add('flags.zeroVisit', '“零跑腿”的事项须全程网办或快递送达');

  if (problems.length > 0) {
    const label = matterName ? `事项“${matterName}”` : '事项';
    throw new ValidationError(
      problems.length === 1 ? `${label}有误：${problems[0]!.message}` : `${label}有 ${problems.length} 处需要补正：${problems.map((p) => p.message).join('；')}`,
      problems[0]!.place, problems,
    );
  }
  return {
    name: matterName, code, type, handlingKind, office, legalBasis, audiences, themes: [...new Set(themeList)], levels, conditions,
    materials, procedure, statutoryDays, promisedDays, fee, place, hours, consultation, complaint, onlineUrl, visits: visits as number, flags, faq,
  };

  function listOf<K extends string>(field: string, value: unknown, list: Readonly<Record<K, string>>, missing: string): K[] {
    const values = Array.isArray(value) ? value : [];
    const bad = values.filter((v) => typeof v !== 'string' || !Object.hasOwn(list, v));
    if (bad.length > 0) add(field, `${name(field)}“${bad.map(String).join('、')}”不在可选范围内（${Object.values<string>(list).join('、')}）`);
    const good = [...new Set(values.filter((v): v is K => typeof v === 'string' && Object.hasOwn(list, v)))];
    if (values.length === 0) add(field, missing);
    return good;
  }
}

function materialsOf(value: unknown, add: (field: string, message: string) => void): MatterMaterial[] {
  if (value !== undefined && !Array.isArray(value)) { add('materials', '申请材料应逐项列出'); return []; }
  const list = (value ?? []) as unknown[];
  if (list.length > MATTER_LIMITS.materials) add('materials', `申请材料不能超过 ${MATTER_LIMITS.materials} 项`);
  return list.map((m, i) => {
    const r = (m && typeof m === 'object' ? m : {}) as Record<string, unknown>;
    const at = `申请材料第 ${i + 1} 项`;
    const materialName = typeof r.name === 'string' ? r.name.trim() : '';
    if (materialName === '') add('materials', `${at}缺少材料名称`);
    const kind = r.kind as MaterialKind;
    if (!Object.hasOwn(MATERIAL_KINDS, kind)) add('materials', `${at}的提交要求应为${Object.values(MATERIAL_KINDS).join('、')}之一`);
    const copies = r.copies;
    if (typeof copies !== 'number' || !Number.isInteger(copies) || copies < 1 || copies > 99) add('materials', `${at}的份数应为 1 至 99 的整数`);
    const medium = r.medium as MatterMaterial['medium'];
    if (!['paper', 'electronic', 'both'].includes(medium)) add('materials', `${at}的材料形式应为纸质、电子或纸质和电子`);
    const file = (f: unknown, what: string): MatterFile | null => {
      if (f === null || f === undefined) return null;
      const o = f as Record<string, unknown>;
      if (typeof o.hash !== 'string' || !/^[0-9a-f]{64}$/.test(o.hash) || typeof o.fileName !== 'string' || o.fileName.trim() === '') {
        add('materials', `${at}的${what}无效，请重新上传`);
        return null;
      }
      return { hash: o.hash, fileName: o.fileName.trim() };
    };
    return {
      name: materialName, kind, copies: copies as number, medium,
      blankForm: file(r.blankForm, '空白表格'), sample: file(r.sample, '示范样表'),
    };
  });
}
