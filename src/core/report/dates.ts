/**
 * Calendar dates as `YYYY-MM-DD` text (never JS Date values in the model or the database).
 */

/** Whether a text is a real calendar date in YYYY-MM-DD form (2019-02-30 is not). */
export function isValidDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[mo - 1]!;
}

/** Formats a date in Chinese as printed under the signature: 2020年1月18日. */
export function chineseDate(text: string): string {
  const [y, m, d] = text.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
