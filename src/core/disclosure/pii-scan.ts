/**
 * Finding personal data in text before it is published (先审查、后公开; 条例 Art. 15 and Art. 32: information
 * that would harm a third party's lawful rights — personal privacy — is not made public without consent).
 *
 * Pure: text in, matches out (offsets into the text given). What is found:
 * - 居民身份证号码: 18 digits with the GB 11643-1999 check digit (ISO 7064 MOD 11-2) and a real date of birth,
 *   and the old 15-digit form (region code and date checked: it has no check digit);
 * - 统一社会信用代码 (GB 32100-2015, check character mod 31): those of 个体工商户 (登记管理部门 9 市场监管,
 *   机构类别 2 — codes 92…) identify a person and are personal data; the others are reported as information;
 * - mobile numbers 1[3-9]x xxxx xxxx (with +86/0086 and space or hyphen separators) and landline numbers with an
 *   area code (0631-5201234, (0631)5201234, 010-12345678);
 * - bank card numbers: 16–19 digits passing the Luhn check that are not 居民身份证号码;
 * - a person's name or a street address within a short window of such a number (a 公示 list row).
 *
 * Not found on purpose: 文号 (威环审批发〔2019〕3号), dates, amounts, and 索引号 (an organisation's
 * 统一社会信用代码 followed by /year-sequence, as the item metadata prints it).
 *
 * Masking follows the local rule of portal-and-security.md item 39: phones 138****1234, ID numbers
 * 35*************123, addresses only down to 乡镇/街道.
 */
import { checkResidentId, checkUscc, maskName, maskPhone, residentIdCheckChar } from '../applications/identity.js';

/** The kinds of personal data the scan reports. */
export type PiiKind =
  | 'resident-id'
  | 'uscc-individual'
  | 'uscc-organisation'
  | 'mobile'
  | 'landline'
  | 'bank-card'
  | 'name-near-number'
  | 'address-near-number';

/** A kind's Chinese name and whether it is personal data (must be resolved) or information only. */
export interface PiiKindInfo {
  kind: PiiKind;
  name: string;
  personal: boolean;
}

/** The vocabulary of kinds, as data (shown to the secrecy reviewer). */
export const PII_KINDS: readonly PiiKindInfo[] = [
  { kind: 'resident-id', name: '居民身份证号码', personal: true },
  { kind: 'uscc-individual', name: '个体工商户统一社会信用代码', personal: true },
  { kind: 'uscc-organisation', name: '统一社会信用代码（单位，仅供参考）', personal: false },
  { kind: 'mobile', name: '手机号码', personal: true },
  { kind: 'landline', name: '固定电话号码', personal: true },
  { kind: 'bank-card', name: '银行卡号', personal: true },
  { kind: 'name-near-number', name: '号码旁的姓名', personal: true },
  { kind: 'address-near-number', name: '号码旁的地址', personal: true },
];

/** Chinese names of the kinds by key. */
export const PII_KIND_NAMES: Readonly<Record<PiiKind, string>> = Object.fromEntries(PII_KINDS.map((k) => [k.kind, k.name])) as Record<PiiKind, string>;

/** One piece of personal data in a text: its kind, its place [start, end) in the text, the text and its masked form. */
export interface PiiMatch {
  kind: PiiKind;
  start: number;
  end: number;
  text: string;
  masked: string;
}

const STAR = '*';
/** Characters either side of a number searched for a name or an address (about one table row). */
const NEAR_WINDOW = 24;

/**
 * Masks an ID-like number: the first two and last three characters stay (35*************123, item 39),
 * separators are kept.
 */
export function maskIdLike(value: string): string {
  const chars = [...value];
  const positions = chars.map((c, i) => (/[0-9A-Za-z]/.test(c) ? i : -1)).filter((i) => i >= 0);
  const keep = new Set([...positions.slice(0, 2), ...positions.slice(-3)]);
  return chars.map((c, i) => (positions.includes(i) && !keep.has(i) ? STAR : c)).join('');
}

/** Masks a landline number: the area code and the last four digits stay (0631-***1234). */
export function maskLandline(value: string): string {
  const area = /^[(（]?0\d{2,3}[)）]?[\s-]?/.exec(value)?.[0] ?? '';
  const rest = value.slice(area.length);
  const total = rest.replace(/\D/g, '').length;
  let seen = 0;
  return area + [...rest].map((c) => {
    if (!/\d/.test(c)) return c;
    seen++;
    return seen > total - 4 ? c : STAR;
  }).join('');
}

/** Masks a bank card number: first four and last four digits stay, separators are kept (6222 **** **** 1234). */
export function maskBankCard(value: string): string {
  const total = value.replace(/\D/g, '').length;
  let seen = 0;
  return [...value].map((c) => {
    if (!/\d/.test(c)) return c;
    seen++;
    return seen <= 4 || seen > total - 4 ? c : STAR;
  }).join('');
}

/** An address detailed below 乡镇/街道 (item 39: addresses only to 乡镇/街道). */
const TOWN_PREFIX = /^.*?(?:街道|镇|乡)/u;
const COUNTY_PREFIX = /^.*?(?:省|自治区)?.*?(?:市|州|盟|地区)?.*?(?:区|县|旗)/u;

/** Masks an address down to its 乡镇/街道 (or, without one, its county): 环翠区竹岛街道青岛北路1号 → 环翠区竹岛街道****. */
export function maskAddressToTown(value: string): string {
  const town = TOWN_PREFIX.exec(value)?.[0];
  if (town && town !== value) return `${town}****`;
  const county = COUNTY_PREFIX.exec(value)?.[0];
  if (county && county !== value && county.length < value.length) return `${county}****`;
  return STAR.repeat(Math.min(4, [...value].length));
}

/** The Luhn check (ISO/IEC 7812) of a digit string. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Whether an 18-digit number is a valid 居民身份证号码 (GB 11643: region, date of birth, check digit). */
export function isResidentId(value: string): boolean {
  return checkResidentId(value).ok;
}

/** Whether a 15-digit number is a valid old-form 居民身份证号码 (region and date: 19YYMMDD). */
export function isOldResidentId(value: string): boolean {
  if (!/^\d{15}$/.test(value)) return false;
  const first17 = `${value.slice(0, 6)}19${value.slice(6, 15)}`;
  return checkResidentId(first17 + residentIdCheckChar(first17)).ok;
}

// A number must not continue a longer run of letters and digits (an order number, a hash, a 索引号);
// phone and card numbers are not amounts (¥…, ….00, …元).
const ID18 = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const ID15 = /(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])/g;
const USCC = /(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z])/g;
/** The tail that makes a code a 索引号: /2019-00001. */
const INDEX_TAIL = /^[/／]\d{4}-\d+/;
const MOBILE = /(?<![0-9A-Za-z+¥￥.])(?:(?:\+|00)86[\s-]?)?1[3-9]\d(?:([\s-]?)\d{4}\1\d{4})(?![0-9A-Za-z])(?!\s*(?:[.．]\d|元|万|亿|%|％))/g;
const LANDLINE = /(?<![0-9A-Za-z])(?:[(（](?:010|02\d|0[3-9]\d{2})[)）][\s-]?|(?:010|02\d|0[3-9]\d{2})[\s-])[2-9]\d{2,3}[\s-]?\d{4}(?:(?:-|转)\d{1,5})?(?![0-9A-Za-z])/g;
const CARD = /(?<![0-9A-Za-z¥￥.])(?:\d{16,19}|\d{4}([\s-])\d{4}\1\d{4}\1\d{4,7})(?![0-9A-Za-z])(?!\s*(?:[.．]\d|元|万|亿|%|％))/g;

/** Common surnames (a name near a number must start with one: fewer false names). */
const SURNAMES = new Set([...
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝'],
);
/** Words of two to four characters that start like a name but are labels or common words. */
const NOT_NAMES = /^(?:王府|张贴|方式|方法|方面|方案|高新|高速|高级|金额|金融|石油|文件|文号|安全|安置|安排|全部|全体|全市|全区|全县|明确|明细|时间|时限|常住|成立|成员|管理|关于|单位|单号|和平|司法|江苏|江西|黄河|黄岛|宁夏|宁波|海南|海关|吉林|贵州|应当|应急|应用|连续|孔子|路口|路段|车辆|车牌|华夏|曲阜|房屋|房产|章程|包括|向社会|于\S*|任务|任职|任命|严格|解决|解释|项目|申请|申报|付款|余额|杜绝|程序|苏州|潘家|龙口|周村|周末|周年|毛利|谷歌|古城|简称|易地|尚未|乔迁|万元|钱款|常务|温泉)/u;
const CJK = /[\u4e00-\u9fff]/u;
/** Characters of labels and places that names practically never hold (代码, 号码, 电话, 地址 …). */
const NOT_NAME_CHARS = /[码号证电话址卡账户编省市区县镇乡街路村室栋楼组巷弄局委办厅处科]/u;
const NAME_LABEL = /(?:姓名|名字|户主|法定代表人|法人代表|负责人|联系人|经营者|申请人|当事人|被处罚人)[:：\s]*([\u4e00-\u9fff]{2,4})(?![\u4e00-\u9fff])/gu;
const ADDRESS_LABEL = /(?:住址|地址|住所|经营场所|户籍地|居住地|家庭住址)[:：\s]*/u;
/** A detailed address: Chinese characters and digits ending in a street-level part. */
const ADDRESS = /[\u4e00-\u9fff][\u4e00-\u9fff0-9０-９]{0,29}?(?:省|市|区|县|镇|乡|街道|路|街|巷|村|弄|号|室|楼|栋|单元)(?:[\u4e00-\u9fff0-9０-９\-－#]{0,30}(?:号|室|楼|栋|单元|村|组|路|街|巷))?/gu;
/** Parts of an address: an unlabelled address names at least two (环翠区…路, …路…号). */
const ADDRESS_PART = /省|市|区|县|镇|乡|街道|路|街|巷|村|弄|号|室|楼|栋|单元|组/gu;
/** An address must name a street-level part (路, 街, 号 …) or a town, not just a city. */
const STREET_LEVEL = /(?:镇|乡|街道|路|街|巷|村|弄|号|室|栋|单元|组)/u;

interface Span { start: number; end: number }

const overlaps = (a: Span, spans: readonly Span[]) => spans.some((b) => a.start < b.end && b.start < a.end);

const FULL_WIDTH = /[０-９Ｘｘ－＋]/;
const FULL_WIDTH_ALL = /[０-９Ｘｘ－＋]/g;

/**
 * Finds personal data in a text. Matches are ordered by position and do not overlap; offsets are
 * UTF-16 indexes into `text`, so a caller can cut the matches out.
 */
export function scanText(original: string): PiiMatch[] {
  const matches: PiiMatch[] = [];
  // Full-width digits, X and hyphens (１３８…, typed with a Chinese input method) are read as
  // ASCII: one UTF-16 unit for one, so offsets stay those of the original.
  const text = FULL_WIDTH.test(original) ? original.replace(FULL_WIDTH_ALL, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) : original;
  // Quick exit: every kind of number found here has at least seven digits in a row or in groups.
  if (!/\d{4}/.test(text)) return matches;
  const add = (kind: PiiKind, start: number, end: number, masked: string) => {
    const span = { start, end };
    if (overlaps(span, matches)) return false;
    matches.push({ kind, start, end, text: original.slice(start, end), masked });
    return true;
  };

  for (const m of text.matchAll(USCC)) {
    const code = m[0].toUpperCase();
    if (/^\d{17}[\dX]$/.test(code) && isResidentId(code)) continue; // an ID number, below
    if (!checkUscc(code).ok) continue;
    const end = m.index + m[0].length;
    if (INDEX_TAIL.test(text.slice(end, end + 12))) continue; // a 索引号, public by design
    const individual = code[0] === '9' && code[1] === '2';
    add(individual ? 'uscc-individual' : 'uscc-organisation', m.index, end, maskIdLike(m[0]));
  }
  for (const m of text.matchAll(ID18)) {
    if (isResidentId(m[0])) add('resident-id', m.index, m.index + 18, maskIdLike(m[0]));
  }
  for (const m of text.matchAll(ID15)) {
    if (isOldResidentId(m[0])) add('resident-id', m.index, m.index + 15, maskIdLike(m[0]));
  }
  for (const m of text.matchAll(MOBILE)) add('mobile', m.index, m.index + m[0].length, maskPhone(m[0]));
  for (const m of text.matchAll(LANDLINE)) add('landline', m.index, m.index + m[0].length, maskLandline(m[0]));
  for (const m of text.matchAll(CARD)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length < 16 || digits.length > 19 || !luhnValid(digits)) continue;
    if (digits.length === 18 && isResidentId(digits)) continue;
    add('bank-card', m.index, m.index + m[0].length, maskBankCard(m[0]));
  }

  const numbers = matches.filter((m) => PERSONAL_NUMBER.has(m.kind));
  if (numbers.length > 0) findNear(text, numbers, add);
  return matches.sort((a, b) => a.start - b.start);
}

/** Numbers that make a name or an address next to them personal data. */
const PERSONAL_NUMBER = new Set<PiiKind>(['resident-id', 'uscc-individual', 'mobile', 'landline', 'bank-card']);

/** Looks for names and addresses within NEAR_WINDOW characters of each number (same line). */
function findNear(text: string, numbers: readonly PiiMatch[], add: (kind: PiiKind, start: number, end: number, masked: string) => boolean): void {
  for (const number of numbers) {
    let from = Math.max(0, number.start - NEAR_WINDOW);
    let to = Math.min(text.length, number.end + NEAR_WINDOW);
    // A window stays on the number's line (paragraph breaks end a row).
    const lineStart = text.lastIndexOf('\n', number.start - 1);
    if (lineStart >= from) from = lineStart + 1;
    const lineEnd = text.indexOf('\n', number.end);
    if (lineEnd >= 0 && lineEnd < to) to = lineEnd;
    const window = text.slice(from, to);

    // Labelled names (姓名：张三) first, then bare 2–4 character names standing alone (table cells).
    for (const m of window.matchAll(NAME_LABEL)) {
      if (NOT_NAME_CHARS.test(m[1]!)) continue;
      const start = from + m.index + m[0].length - m[1]!.length;
      add('name-near-number', start, start + m[1]!.length, maskName(m[1]!));
    }
    for (const m of window.matchAll(/[\u4e00-\u9fff]{2,4}/gu)) {
      const word = m[0];
      const start = from + m.index;
      const end = start + word.length;
      if (!SURNAMES.has(word[0]!) || NOT_NAMES.test(word)) continue;
      // A name stands alone: not part of a longer run of Chinese text.
      if (CJK.test(text[start - 1] ?? '') || CJK.test(text[end] ?? '')) continue;
      if (NOT_NAME_CHARS.test(word)) continue;
      add('name-near-number', start, end, maskName(word));
    }
    for (const m of window.matchAll(ADDRESS)) {
      const address = m[0];
      const start = from + m.index;
      const labelled = ADDRESS_LABEL.test(text.slice(Math.max(0, start - 6), start));
      if (!labelled && ((address.match(ADDRESS_PART) ?? []).length < 2 || !STREET_LEVEL.test(address))) continue;
      if (address.length < 4) continue;
      add('address-near-number', start, start + address.length, maskAddressToTown(address));
    }
  }
}

/** Replaces every match in `text` by its masked form (or by nothing): the text as it may be published. */
export function maskMatches(text: string, matches: readonly PiiMatch[], replaceWith: 'masked' | 'nothing' = 'masked'): string {
  let out = '';
  let at = 0;
  for (const m of [...matches].sort((a, b) => a.start - b.start)) {
    if (m.start < at) continue;
    out += text.slice(at, m.start) + (replaceWith === 'masked' ? m.masked : '');
    at = m.end;
  }
  return out + text.slice(at);
}
