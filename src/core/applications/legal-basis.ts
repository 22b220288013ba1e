/**
 * Citations of the legal basis of a decision, written the way reply letters (告知书) cite them:
 * 《中华人民共和国政府信息公开条例》第三十六条第（一）项, 第十六条第二款.
 */

/** The Regulations (2019 revision) and the fee rules, the two sources decisions cite. */
export const REGULATIONS = '《中华人民共和国政府信息公开条例》';
export const FEE_RULES = '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）';

/**
 * A provision: article, optionally paragraph (款) and item (项), of the Regulations or the fee rules.
 * Without an article the whole document is cited (the fee rules' payment period is cited that way).
 */
export interface Citation {
  source: 'regulations' | 'fee-rules';
  article?: number;
  paragraph?: number;
  item?: number;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Chinese numeral of 1…99 as statutes write article numbers: 十四, 三十六, 二十. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`chineseNumber: ${n} is out of 1…99`);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** A provision without its source: 第三十六条第（一）项 / 第十六条第二款 / 第三十八条. */
export function provisionText(c: Citation): string {
  if (c.article === undefined) return '';
  let text = `第${chineseNumber(c.article)}条`;
  if (c.paragraph) text += `第${chineseNumber(c.paragraph)}款`;
  if (c.item) text += `第（${chineseNumber(c.item)}）项`;
  return text;
}

/**
 * The citations joined for a letter, grouped by source:
 * 《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项. Empty when there is nothing to cite.
 */
export function citationText(citations: readonly Citation[]): string {
  const parts: string[] = [];
  for (const source of ['regulations', 'fee-rules'] as const) {
    const of = citations.filter((c) => c.source === source);
    const provisions = [...new Set(of.map(provisionText).filter((t) => t !== ''))];
    if (of.length > 0) parts.push((source === 'regulations' ? REGULATIONS : FEE_RULES) + provisions.join('、'));
  }
  return parts.join('及');
}

/** Shorthand for the fee rules, a provision of them when `article` is given. */
export function feeRules(article?: number): Citation {
  return article === undefined ? { source: 'fee-rules' } : { source: 'fee-rules', article };
}

/** Shorthand for a provision of the Regulations. */
export function art(article: number, more: { paragraph?: number; item?: number } = {}): Citation {
  return { source: 'regulations', article, ...more };
}
