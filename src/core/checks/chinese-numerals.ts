/**
 * Numbers as reports write them in prose: Arabic (12), full-width (１２) and Chinese numerals
 * (十二, 一百零五, 两千三百, 一万二千, or digit by digit: 二〇二一). Used to read the figures the
 * narrative states (rule 10).
 */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const MYRIADS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Characters a Chinese numeral is made of (for building patterns). */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/** Parses Chinese numerals; null when the text is not a well-formed numeral. */
export function parseChineseNumeral(text: string): number | null {
  if (!text) return null;
  for (const ch of text) if (!(ch in DIGITS) && !(ch in UNITS) && !(ch in MYRIADS)) return null;
  // Digit by digit without any unit character (二〇二一): positional.
  if (![...text].some((ch) => ch in UNITS || ch in MYRIADS)) {
    if (text.length === 1) return DIGITS[text]!;
    return Number([...text].map((ch) => DIGITS[ch]).join(''));
  }
  let yi = 0; // completed 亿 groups
  let wan = 0; // completed 万 group below 亿
  let section = 0; // value below the current 万
  let digit: number | null = null;
  let lastUnit = Infinity; // units must decrease inside a section (一百二十, not 一十百)
  for (const ch of text) {
    if (ch in DIGITS) {
      // Two digits in a row only after 零 (一百零五), never 三四十.
      if (digit !== null && digit !== 0) return null;
      digit = DIGITS[ch]!;
    } else if (ch in UNITS) {
      const unit = UNITS[ch]!;
      if (unit >= lastUnit) return null;
      // 十 without a digit means 一十 (十二 = 12; 一千零十 = 1010); 百 and 千 need a digit.
      const multiplier = digit === null || digit === 0 ? (unit === 10 ? 1 : null) : digit;
      if (multiplier === null) return null;
      section += multiplier * unit;
      digit = null;
      lastUnit = unit;
    } else if (ch === '万') {
      const group = section + (digit ?? 0);
      if (group === 0 || wan !== 0) return null;
      wan = group * 1e4;
      section = 0;
      digit = null;
      lastUnit = Infinity;
    } else {
      const group = wan + section + (digit ?? 0);
      if (group === 0 || yi !== 0) return null;
      yi = group * 1e8;
      wan = 0;
      section = 0;
      digit = null;
      lastUnit = Infinity;
    }
  }
  return yi + wan + section + (digit ?? 0);
}

/** Parses a figure written in Arabic, full-width or Chinese numerals; null when it is none. */
export function parseFigure(text: string): number | null {
  const halfWidth = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^[0-9]+$/.test(halfWidth)) return Number(halfWidth);
  return parseChineseNumeral(halfWidth);
}
