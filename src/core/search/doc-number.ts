/**
 * The key a 文号 or 索引号 is looked up by. The same number is written many ways: 威环审批发〔2021〕12号 with
 * the official hexagonal brackets (GB/T 9704-2012 7.2.4), or typed with [ ], 【 】, ［ ］ or ( ), with
 * full-width digits, with spaces. The key folds all of those, so any of them finds the document.
 */

const OPENING = /[〔【〖［[（(「]/g;
const CLOSING = /[〕】〗］\]）)」]/g;

/** The normalised key of a 文号 / 索引号, or null when nothing is left of it. */
export function numberKey(text: string | null | undefined): string | null {
  if (!text) return null;
  const key = text.normalize('NFKC').replace(OPENING, '[').replace(CLOSING, ']').replace(/\s+/gu, '').toUpperCase();
  return key === '' ? null : key;
}

/** Whether a query could be a 文号 or 索引号 (short, with a digit): only then is the direct lookup tried. */
export function mayBeNumber(text: string): boolean {
  return text.length <= 80 && /\p{Nd}/u.test(text);
}
