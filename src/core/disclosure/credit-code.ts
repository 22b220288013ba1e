/**
 * 统一社会信用代码 (GB 32100-2015《法人和其他组织统一社会信用代码编码规则》): 18 characters from the code
 * character set (digits and capital letters without I, O, Z, S, V): 登记管理部门 (1) + 机构类别 (1) + 登记管理机关
 * 行政区划码 (6 digits) + 主体标识码 (9) + 校验码 (1). The check character: C18 = 31 − MOD(Σ Ci × Wi, 31), where
 * Wi = 3^(i−1) mod 31 and a result of 31 is written 0.
 */
import { ValidationError } from '../errors.js';

/** The code character set in order of value (GB 32100-2015 表1). */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weights of positions 1…17 (GB 32100-2015 表2: 3^(i−1) mod 31). */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters (which must be from the set). */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARSET.indexOf(first17[i]!);
    if (value < 0) throw new RangeError(`not a credit code character: ${first17[i]}`);
    sum += value * WEIGHTS[i]!;
  }
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

/** Why a 统一社会信用代码 is not valid, in Chinese, or null when it is. */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return `统一社会信用代码应为 18 位，实际为 ${code.length} 位`;
  for (let i = 0; i < 18; i++) {
    if (!CHARSET.includes(code[i]!)) {
      return `统一社会信用代码第 ${i + 1} 位“${code[i]}”不是允许的字符（数字或除 I、O、Z、S、V 以外的大写字母）`;
    }
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) return '统一社会信用代码第 3—8 位应为登记管理机关行政区划码（6 位数字）';
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (code[17] !== expected) return `统一社会信用代码校验位不正确：第 18 位应为“${expected}”，实际为“${code[17]}”，请核对是否抄错`;
  return null;
}

/**
 * Normalises (trims, upper-cases) and checks a 统一社会信用代码; ValidationError naming `field` when it is not
 * valid.
 */
export function validateCreditCode(raw: string, field = 'creditCode'): string {
  const code = raw.trim().toUpperCase();
  const problem = creditCodeProblem(code);
  if (problem) throw new ValidationError(problem, { field });
  return code;
}
