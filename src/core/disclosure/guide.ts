/**
 * The 政府信息公开指南 (条例 Art. 12) as a structured document: the classification and arrangement of the
 * agency's information (信息分类与编排体系), how to obtain what it discloses proactively (获取信息的方式), how to
 * apply (依申请公开: how, forms, channels, fees per 国办函〔2020〕109号), the working office (工作机构: name,
 * address, hours, phone, postcode, fax, email, website) and supervision and remedies (监督和救济). Art. 53(二)
 * sanctions a guide not kept current, so each version is reviewed and published like an item.
 */
import { applicationBand, VOLUME_BANDS } from '../applications/fees.js';
import { ValidationError, type ProblemDetail } from '../errors.js';

/** 工作机构: the office that handles disclosure work (条例 Art. 12: name, address, hours, phone, fax, internet). */
export interface GuideOffice {
  name: string;
  address: string;
  officeHours: string;
  phone: string;
  postcode: string;
  /** Optional; checked when given. */
  fax: string;
  /** Optional; checked when given. */
  email: string;
  /** Optional; checked when given. */
  website: string;
}

/** The guide's content. */
export interface Guide {
  /** 信息分类与编排体系: how the catalogue is arranged and what each item carries (索引号、名称、内容概述、生成日期). */
  classification: string;
  /** 获取信息的方式 (主动公开): the channels and where each is found. */
  proactive: { description: string; channels: string[] };
  /** 依申请公开. */
  onRequest: {
    /** How to apply: who may apply, what the application states (条例 Art. 29). */
    howToApply: string;
    /** Where the application form is obtained. */
    forms: string;
    /** The channels accepted (in person, post, online, fax …), each a line. */
    channels: string[];
    /** Time limits of the reply (条例 Art. 33). */
    timeLimits: string;
    /** Fees (条例 Art. 42; 国办函〔2020〕109号). */
    fees: string;
  };
  office: GuideOffice;
  /** 监督和救济. */
  remedies: { supervision: string; reconsideration: string; litigation: string };
}

/** Chinese names of the guide's fields, for messages and the editor. */
export const GUIDE_FIELD_NAMES: Readonly<Record<string, string>> = {
  classification: '信息分类与编排体系',
  'proactive.description': '主动公开信息的获取方式',
  'proactive.channels': '主动公开渠道',
  'onRequest.howToApply': '依申请公开的申请方式',
  'onRequest.forms': '申请表的获取方式',
  'onRequest.channels': '申请的提交渠道',
  'onRequest.timeLimits': '答复期限',
  'onRequest.fees': '收费说明',
  'office.name': '工作机构名称',
  'office.address': '办公地址',
  'office.officeHours': '办公时间',
  'office.phone': '联系电话',
  'office.postcode': '邮政编码',
  'office.fax': '传真',
  'office.email': '电子邮箱',
  'office.website': '网址',
  'remedies.supervision': '监督方式',
  'remedies.reconsideration': '行政复议',
  'remedies.litigation': '行政诉讼',
};

/** Landline (区号-号码, optional 转分机) or mobile; dashes of any width are accepted as the seed writes them. */
const PHONE = /^(?:(?:\(0\d{2,3}\)|0\d{2,3})[-—－‐ ]?\d{7,8}(?:(?:转|-)\d{1,6})?|1[3-9]\d{9})$/;
const POSTCODE = /^\d{6}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const WEBSITE = /^https?:\/\/[^\s/]+\.[^\s]+$/;

const REQUIRED_TEXT = [
  'classification', 'proactive.description', 'onRequest.howToApply', 'onRequest.forms', 'onRequest.timeLimits',
  'onRequest.fees', 'office.name', 'office.address', 'office.officeHours', 'office.phone', 'office.postcode',
  'remedies.supervision', 'remedies.reconsideration', 'remedies.litigation',
] as const;
const OPTIONAL_TEXT = ['office.fax', 'office.email', 'office.website'] as const;
const LISTS = ['proactive.channels', 'onRequest.channels'] as const;

/**
 * Longest text of a paragraph, of an office detail (one line: name, address, phone…) and of a list line, and most
 * lines of a list (the request schema only asks for an object, so these bounds are the only ones; they also keep
 * the format patterns below from running on megabytes of text).
 */
export const GUIDE_LIMITS = { paragraph: 5000, officeField: 200, listLine: 500, listLines: 50 } as const;

function at(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) current = current && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
  return current;
}

function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let current = target;
  for (const key of keys.slice(0, -1)) current = (current[key] ??= {}) as Record<string, unknown>;
  current[keys[keys.length - 1]!] = value;
}

/**
 * Checks a guide and returns it normalised (texts trimmed, empty list lines dropped): every missing or invalid
 * field is named in Chinese with its place (`field`: e.g. office.phone); all problems at once.
 */
export function validateGuide(raw: unknown): Guide {
  const problems: ProblemDetail[] = [];
  const tooLong = new Set<string>();
  const out: Record<string, unknown> = {};
  const name = (path: string) => GUIDE_FIELD_NAMES[path]!;
  for (const path of [...REQUIRED_TEXT, ...OPTIONAL_TEXT]) {
    const value = at(raw, path);
    if (value !== undefined && value !== null && typeof value !== 'string') {
      problems.push({ message: `${name(path)}应为文字`, place: { field: path } });
      continue;
    }
    const text = (value ?? '').trim();
    const max = path.startsWith('office.') ? GUIDE_LIMITS.officeField : GUIDE_LIMITS.paragraph;
    if (text === '' && (REQUIRED_TEXT as readonly string[]).includes(path)) {
      problems.push({ message: `请填写${name(path)}`, place: { field: path } });
    } else if ([...text].length > max) {
      problems.push({ message: `${name(path)}不能超过 ${max} 字（现有 ${[...text].length} 字）`, place: { field: path } });
      tooLong.add(path);
    }
    setAt(out, path, text);
  }
  for (const path of LISTS) {
    const value = at(raw, path);
    const lines = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter(Boolean) : [];
    if (value !== undefined && !Array.isArray(value)) problems.push({ message: `${name(path)}应为逐条列出的文字`, place: { field: path } });
    else if (lines.length === 0) problems.push({ message: `请至少填写一项${name(path)}`, place: { field: path } });
    else if (lines.length > GUIDE_LIMITS.listLines) {
      problems.push({ message: `${name(path)}不能超过 ${GUIDE_LIMITS.listLines} 项（现有 ${lines.length} 项）`, place: { field: path } });
    } else {
      const long = lines.findIndex((line) => [...line].length > GUIDE_LIMITS.listLine);
      if (long >= 0) problems.push({ message: `${name(path)}第 ${long + 1} 项不能超过 ${GUIDE_LIMITS.listLine} 字`, place: { field: path } });
    }
    setAt(out, path, lines);
  }
  const office = out.office as unknown as GuideOffice;
  const check = (path: string, value: string, pattern: RegExp, example: string) => {
    if (value !== '' && !tooLong.has(path) && !pattern.test(value)) {
      problems.push({ message: `${name(path)}格式不正确：“${value}”（应如 ${example}）`, place: { field: path } });
    }
  };
  check('office.phone', office.phone, PHONE, '0631-5229038 或 13800000000');
  check('office.fax', office.fax, PHONE, '0631-5235110');
  check('office.postcode', office.postcode, POSTCODE, '264200（6 位数字）');
  check('office.email', office.email, EMAIL, 'gongkai@example.gov.cn');
  check('office.website', office.website, WEBSITE, 'http://www.huancui.gov.cn');
  if (problems.length > 0) {
    throw new ValidationError(
      problems.length === 1 ? `政府信息公开指南有误：${problems[0]!.message}` : `政府信息公开指南有 ${problems.length} 处需要补正：${problems.map((p) => p.message).join('；')}`,
      problems[0]!.place, problems,
    );
  }
  return out as unknown as Guide;
}

/** The fee paragraph of the guide, written from the fee bands of 国办函〔2020〕109号 (src/core/applications/fees.ts). */
export function feeText(): string {
  const free = applicationBand(1);
  const first = applicationBand(free.to! + 1);
  const next = applicationBand(first.to! + 1);
  const volume = VOLUME_BANDS.map((b) => (b.price === 0
    ? `${b.from}—${b.to}页（含）免费`
    : b.to === null ? `${b.from}页以上的部分每页收费${b.price}元` : `${b.from}—${b.to}页（含）的部分每页收费${b.price}元`)).join('，');
  return '依申请提供政府信息，不收取费用。但是，申请人申请公开政府信息的数量、频次明显超过合理范围的，可以依照'
    + '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费，按件计收或者按量计收，二者择一，不重复收取：'
    + `按件计收的，同一申请人一个自然月内累计申请${free.to}件以下（含）不收费，${first.from}—${first.to}件（含）每件收费${first.price}元，`
    + `${next.from}件以上以${next.to! - next.from + 1}件为一档，每增加一档，收费标准提高${next.price - first.price}元；`
    + `按量计收的，对同一政府信息公开申请，${volume}。`;
}

/** A first draft of an agency's guide, built from its name; the office details are left for the agency to fill in. */
export function defaultGuide(agencyName: string): Guide {
  return {
    classification: `${agencyName}主动公开的政府信息按主动公开基本目录分类编排。每条政府信息标注索引号、名称、内容概述、生成日期等，`
      + '可按类目浏览，也可按关键词检索。',
    proactive: {
      description: `${agencyName}主动公开的政府信息，自信息形成或者变更之日起20个工作日内予以公开（条例第二十六条）。`
        + '公众可通过以下渠道免费查阅、检索和下载。',
      channels: ['政府网站“政府信息公开”专栏', '政府信息公开查阅点', '政务服务大厅公开栏和电子显示屏', '政务微信公众号'],
    },
    onRequest: {
      howToApply: '公民、法人或者其他组织可以向本机关申请获取相关政府信息。申请时应填写政府信息公开申请表，写明申请人的姓名或者名称、'
        + '身份证明、联系方式，申请公开的政府信息的名称、文号或者便于查询的其他特征性描述，以及获取信息的方式和途径（条例第二十九条）。',
      forms: '申请表可在本机关办公地点领取，也可从政府网站“政府信息公开”专栏下载；申请表可以复制。',
      channels: ['当面提交：到本机关办公地点提交书面申请', '信函提交：邮寄书面申请，请在信封左下角注明“政府信息公开申请”', '网上提交：通过政府网站在线申请'],
      timeLimits: '能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，'
        + '经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日（条例第三十三条）。',
      fees: feeText(),
    },
    office: { name: `${agencyName}办公室`, address: '', officeHours: '', phone: '', postcode: '', fax: '', email: '', website: '' },
    remedies: {
      supervision: `公民、法人或者其他组织认为${agencyName}在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报（条例第五十一条）。`,
      reconsideration: '公民、法人或者其他组织认为政府信息公开工作中的具体行政行为侵犯其合法权益的，可以依法申请行政复议。',
      litigation: '公民、法人或者其他组织认为政府信息公开工作中的具体行政行为侵犯其合法权益的，可以依法提起行政诉讼。',
    },
  };
}
