/**
 * Reading one cell's text as the value its column holds. A blank stays blank (never 0);
 * "/", "-", "—", "无" are kept as written; anything that is not a number of the column's kind is
 * unreadable and its text is kept for the diagnostics.
 */
import type { ValueKind } from '../format/format-types.js';
import { PLACEHOLDERS, type CellValue } from '../report/report-model.js';
import type { CellStatus } from './parse-types.js';

/** A value read from a cell's text. */
export interface ReadValue {
  value: CellValue;
  status: Extract<CellStatus, 'read' | 'blank' | 'placeholder' | 'unreadable'>;
  note?: string;
}

/** Whitespace of every width and the &nbsp; entity some crawled pages leave as text. */
const BLANK = /^(?:[\s\u00a0\u2000-\u200b\u3000\ufeff]|&nbsp;?|&#160;|&#xa0;)*$/i;
const TRIM = /^[\s\u00a0\u2000-\u200b\u3000\ufeff]+|[\s\u00a0\u2000-\u200b\u3000\ufeff]+$/g;
const INNER_SPACE = /[\s\u00a0\u2000-\u200b\u3000]+/g;
/** A number as written: optional sign, digits with thousands separators, optional decimals, optional unit. */
const NUMBER = /^([+\-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(万元|元|万)?$/;
const PLACEHOLDER_SET = new Set(PLACEHOLDERS);

/** Full-width digits, signs, comma and full stop → ASCII; 、 as a thousands separator is not accepted. */
function asciiNumber(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xfee0);
    else if (ch === '，' || ch === '﹐') out += ',';
    else if (ch === '．') out += '.';
    else if (ch === '－' || ch === '−' || ch === '﹣') out += '-';
    else if (ch === '＋') out += '+';
    else out += ch;
  }
  return out;
}

/** Whether a cell's text is empty (whitespace of any width, &nbsp;). */
export function isBlankText(text: string): boolean {
  return BLANK.test(text);
}

/** Whether a cell's text is a placeholder kept as written (/, -, —, 无 …). */
export function isPlaceholderText(text: string): boolean {
  return PLACEHOLDER_SET.has(text.replace(TRIM, ''));
}

/** Whether a cell's text reads as a value of some kind (blank, placeholder or a number): not a label. */
export function isValueText(text: string): boolean {
  // Values are short; prose never is (and is not worth scanning character by character).
  if (text.length > 48) return isBlankText(text);
  if (isDigits(text)) return true;
  if (isBlankText(text) || isPlaceholderText(text)) return true;
  return NUMBER.test(asciiNumber(text.replace(INNER_SPACE, '')));
}

/** Reads a cell's text as a value of the given kind. */
export function readValue(raw: string, kind: ValueKind): ReadValue {
  // Most cells hold plain digits: read as the general path below reads them, without its patterns.
  if (isDigits(raw) && !PLACEHOLDER_SET.has(raw)) {
    const n = Number(raw);
    if (Number.isFinite(n)) return kind === 'amount' ? { value: { amount: n, unit: null }, status: 'read' } : { value: n, status: 'read' };
  }
  if (isBlankText(raw)) return { value: null, status: 'blank' };
  const trimmed = raw.replace(TRIM, '');
  if (PLACEHOLDER_SET.has(trimmed)) return { value: { written: trimmed }, status: 'placeholder', note: `写作“${trimmed}”，按原文保留` };
  const m = NUMBER.exec(asciiNumber(trimmed.replace(INNER_SPACE, '')));
  if (!m) return unreadable(trimmed, '不是数字');
  const [, sign, digits, decimals, unit] = m;
  const negative = sign === '-';
  const n = Number(`${negative ? '-' : ''}${digits!.replace(/,/g, '')}${decimals ? `.${decimals}` : ''}`);
  if (!Number.isFinite(n)) return unreadable(trimmed, '不是数字');
  if (kind === 'amount') {
    if (negative) return unreadable(trimmed, '金额不能为负数');
    return { value: { amount: n, unit: unit ?? null }, status: 'read' };
  }
  if (unit !== undefined) {
    // The 2021 fee column is already in 万元: “12.36万元” is read, any other unit is not.
    if (kind === 'decimal' && (unit === '万元' || unit === '万') && !negative) {
      return { value: n, status: 'read', note: `带单位“${unit}”，与列单位一致` };
    }
    return unreadable(trimmed, `带单位“${unit}”`);
  }
  if (kind === 'decimal') return negative ? unreadable(trimmed, '不能为负数') : { value: n, status: 'read' };
  if (decimals !== undefined) return unreadable(trimmed, '应为整数');
  if (kind === 'count' && negative) return unreadable(trimmed, '不能为负数');
  return { value: n, status: 'read' };
}

/** Whether a text is one or more ASCII digits and nothing else. */
function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

function unreadable(text: string, why: string): ReadValue {
  return { value: null, status: 'unreadable', note: `“${text.slice(0, 40)}”${why}，无法读取` };
}

/** The digits of a cell when it holds only digits (for run-together recovery), else null. */
export function digitsOf(text: string): string | null {
  const t = asciiNumber(text.replace(INNER_SPACE, ''));
  return /^\d+$/.test(t) ? t : null;
}
