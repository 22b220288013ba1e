/**
 * Identity numbers of applicants (条例 Art. 29: 申请人的身份证明) and how they are masked.
 *
 * Two numbers are validated: the 18-digit 居民身份证号码 (GB 11643-1999, check digit by ISO 7064 MOD 11-2) and
 * the 18-character 统一社会信用代码 (GB 32100-2015). Both are personal data: they stay inside the case, and every
 * list, export or public page shows them masked.
 */

/** Outcome of a check: valid, or the reason in formal Chinese. */
export type IdentityCheck = { ok: true } | { ok: false; reason: string };

/** Kinds of identity document the case records. `other` (passport, permit…) is stored but not checked. */
export type IdentityKind = 'resident-id' | 'uscc' | 'other';

/** Chinese names of the kinds of identity document (the API's descriptions and the office's form). */
export const IDENTITY_KIND_NAMES: Readonly<Record<IdentityKind, string>> = {
  'resident-id': '居民身份证',
  uscc: '统一社会信用代码',
  other: '其他身份证明',
};

/** ISO 7064 MOD 11-2 weights 2^(17−i) mod 11 for the first 17 digits of a 居民身份证号码. */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** Check character for each remainder 0…10. */
const ID_CHECK = '10X98765432';

/**
 * Province-level codes of GB/T 2260 that start a 居民身份证号码, plus 81/82/83 used by the residence
 * permits of Hong Kong, Macao and Taiwan residents (港澳台居民居住证).
 */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44',
  '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83',
]);

/** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

function isValidDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1]!;
}

/**
 * Checks an 18-digit 居民身份证号码: shape, region code, date of birth and check digit. A lower-case x is
 * accepted (people type it) and means X. `today` (YYYY-MM-DD, injected) rejects a birth date in the future.
 */
export function checkResidentId(value: string, options: { today?: string } = {}): IdentityCheck {
  const id = value.trim().toUpperCase();
  if (id.length !== 18) return { ok: false, reason: `居民身份证号码应为18位，实际为${id.length}位` };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: '居民身份证号码前17位应为数字，第18位应为数字或X' };
  if (!PROVINCES.has(id.slice(0, 2))) return { ok: false, reason: `居民身份证号码的地址码“${id.slice(0, 6)}”不是有效的行政区划代码` };
  if (id.slice(2, 6) === '0000' && !['81', '82', '83'].includes(id.slice(0, 2))) {
    return { ok: false, reason: `居民身份证号码的地址码“${id.slice(0, 6)}”应为县级行政区划代码` };
  }
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (y < 1800 || !isValidDate(y, m, d)) return { ok: false, reason: `居民身份证号码中的出生日期“${id.slice(6, 14)}”不是有效日期` };
  if (options.today && birth > options.today) return { ok: false, reason: `居民身份证号码中的出生日期 ${birth} 晚于当前日期` };
  const expected = residentIdCheckChar(id);
  if (id[17] !== expected) return { ok: false, reason: `居民身份证号码校验码错误：第18位应为“${expected}”，实际为“${id[17]}”` };
  return { ok: true };
}

/** The 31 characters of GB 32100-2015 (digits and capitals without I, O, Z, S, V), in code-value order. */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weights 3^(i) mod 31 of positions 1…17. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/**
 * 登记管理部门代码 (first character): 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会,
 * 9 市场监管（工商）, A 中央军委改革和编制办公室, N 农业农村, Y 其他.
 */
const USCC_DEPARTMENTS = '123456789ANY';

/** The GB 32100-2015 check character of the first 17 characters. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return USCC_CHARS[(31 - (sum % 31)) % 31]!;
}

/**
 * Checks an 18-character 统一社会信用代码 (GB 32100-2015): character set, 登记管理部门代码, 机构类别代码,
 * 登记管理机关行政区划码 and the check character. Lower case is accepted and means upper case.
 */
export function checkUscc(value: string): IdentityCheck {
  const code = value.trim().toUpperCase();
  if (code.length !== 18) return { ok: false, reason: `统一社会信用代码应为18位，实际为${code.length}位` };
  const bad = [...code].findIndex((c) => !USCC_CHARS.includes(c));
  if (bad >= 0) {
    return { ok: false, reason: `统一社会信用代码第${bad + 1}位“${code[bad]}”不是有效字符（不使用I、O、Z、S、V）` };
  }
  if (!USCC_DEPARTMENTS.includes(code[0]!)) return { ok: false, reason: `统一社会信用代码第1位登记管理部门代码“${code[0]}”无效` };
  if (!/^[1-9]$/.test(code[1]!)) return { ok: false, reason: `统一社会信用代码第2位机构类别代码“${code[1]}”无效` };
  if (!/^\d{6}$/.test(code.slice(2, 8))) {
    return { ok: false, reason: `统一社会信用代码第3至8位应为登记管理机关行政区划码，实际为“${code.slice(2, 8)}”` };
  }
  const expected = usccCheckChar(code);
  if (code[17] !== expected) return { ok: false, reason: `统一社会信用代码校验码错误：第18位应为“${expected}”，实际为“${code[17]}”` };
  return { ok: true };
}

/** Checks an identity number of the given kind; `other` documents only need to be non-empty. */
export function checkIdentity(kind: IdentityKind, value: string, options: { today?: string } = {}): IdentityCheck {
  if (kind === 'resident-id') return checkResidentId(value, options);
  if (kind === 'uscc') return checkUscc(value);
  return value.trim() ? { ok: true } : { ok: false, reason: '身份证明文件号码不能为空' };
}

const STAR = '*';

/**
 * Masks an identity number for lists, exports and public pages: the first two and last two characters
 * stay (enough for staff to tell records apart), the rest become *, the length is kept.
 */
export function maskIdNumber(value: string | null | undefined): string {
  const v = (value ?? '').trim();
  if (v.length <= 4) return STAR.repeat(v.length);
  return v.slice(0, 2) + STAR.repeat(v.length - 4) + v.slice(-2);
}

/**
 * Masks a person's name: the first character (usually the surname) stays, every other letter becomes *;
 * separators of transliterated names (·, space) stay. 张三 → 张*, 买买提·吐尔逊 → 买**·***.
 */
export function maskName(value: string | null | undefined): string {
  const chars = [...(value ?? '').trim()];
  if (chars.length <= 1) return STAR.repeat(chars.length);
  return chars.map((c, i) => (i === 0 || /[·•.\s-]/.test(c) ? c : STAR)).join('');
}

/**
 * Masks a telephone number, keeping its punctuation: 11 or more digits keep the first three and the last
 * four (138****5678, 063*****1234); shorter numbers keep only the last two. A +86/0086 prefix is kept as is.
 */
export function maskPhone(value: string | null | undefined): string {
  const v = (value ?? '').trim();
  const prefix = /^(\+86|0086)[\s-]?/.exec(v)?.[0] ?? '';
  const rest = v.slice(prefix.length);
  const digits = rest.replace(/\D/g, '').length;
  const keepHead = digits >= 11 ? 3 : 0;
  const keepTail = digits >= 11 ? 4 : Math.min(2, digits);
  let seen = 0;
  const out = [...rest].map((c) => {
    if (!/\d/.test(c)) return c;
    seen++;
    return seen <= keepHead || seen > digits - keepTail ? c : STAR;
  });
  return prefix + out.join('');
}

/**
 * The administrative prefix of an address: province, prefecture and county levels (山东省威海市环翠区).
 * Each level is at most ten characters ending in its suffix, so a street name containing 市 is not taken.
 */
const ADDRESS_PREFIX =
  /^(?:[^省市区县]{1,10}?(?:省|自治区|特别行政区))?(?:[^省市区县]{1,10}?(?:自治州|地区|盟|市))?(?:[^省市区县]{1,10}?(?:自治县|自治旗|区|县|旗|市))?/;

/**
 * Masks a postal address down to its county-level prefix: 山东省威海市环翠区青岛北路1号 → 山东省威海市环翠区****.
 * Without a recognisable prefix nothing of the address is shown.
 */
export function maskAddress(value: string | null | undefined): string {
  const v = (value ?? '').trim();
  if (!v) return '';
  const prefix = ADDRESS_PREFIX.exec(v)?.[0] ?? '';
  if (prefix === v) return prefix;
  return `${prefix}****`;
}
