/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters — 登记管理部门码, 机构类别码, 6-digit 行政区划码, 9-character 主体标识码
 * (组织机构代码), and a check character computed over the first 17 with weights 3^i mod 31. The agency's code is the
 * default prefix of its 索引号, so a mistyped one would be printed on every item: it is checked when set.
 */

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of the first 17 characters, or null if one of them is not allowed. */
export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARSET.indexOf(first17[i] ?? '');
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

/** Why a 统一社会信用代码 is not valid (in Chinese), or null when it is. */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return `统一社会信用代码应为 18 位，“${code}”为 ${code.length} 位。`;
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return `统一社会信用代码“${code}”含有不允许的字符（只能是数字和除 I、O、Z、S、V 以外的大写字母）。`;
  const check = creditCodeCheckChar(code.slice(0, 17));
  if (check !== code[17]) return `统一社会信用代码“${code}”的校验位应为 ${check}，请核对是否录入有误。`;
  return null;
}
