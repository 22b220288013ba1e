/**
 * Text with its whitespace taken out, for reading reports whose line breaks and spaces were
 * collapsed or scattered by a crawl (issue 11): labels are matched in the folded text (the
 * characters `normalizeLabel` compares: half-width, simplified, no whitespace) while every folded
 * character remembers where it stood in the original, so values can still be read with their
 * spacing. The searches here are linear in the window they are given.
 */
import { foldChar } from './normalize-label.js';

/** Folded text and, for each of its characters, the offset of that character in the original. */
export interface CompactText {
  source: string;
  text: string;
  at: Int32Array;
}

/** foldChar for every UTF-16 code unit, as a table (0: dropped), built on first use. */
let FOLD: Uint16Array | null = null;
function foldTable(): Uint16Array {
  if (FOLD) return FOLD;
  FOLD = new Uint16Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    // Surrogates are kept as they are (foldChar maps single characters only).
    if (code >= 0xd800 && code <= 0xdfff) { FOLD[code] = code; continue; }
    const folded = foldChar(String.fromCharCode(code));
    FOLD[code] = folded ? folded.charCodeAt(0) : 0;
  }
  return FOLD;
}

const UTF16 = new TextDecoder('utf-16le');

/** The last text folded (a report is folded once to tell it is collapsed, once to read it). */
let last: CompactText | null = null;

/** Folds a text character by character, keeping the original offsets. */
export function compactText(source: string): CompactText {
  if (last && last.source === source) return last;
  const fold = foldTable();
  const at = new Int32Array(source.length);
  const codes = new Uint16Array(source.length);
  let n = 0;
  for (let i = 0; i < source.length; i++) {
    const folded = fold[source.charCodeAt(i)]!;
    if (!folded) continue;
    codes[n] = folded;
    at[n++] = i;
  }
  last = { source, text: UTF16.decode(codes.subarray(0, n)), at: at.slice(0, n) };
  return last;
}

/** Original offset where compact position `i` starts (the source's end past the last character). */
export function originalAt(c: CompactText, i: number): number {
  return i < c.at.length ? c.at[i]! : c.source.length;
}

/** The original text of the compact characters [from, to) (from the first to the last of them). */
export function originalSlice(c: CompactText, from: number, to: number): string {
  const end = Math.min(to, c.at.length);
  if (end <= from) return '';
  return c.source.slice(originalAt(c, from), c.at[end - 1]! + 1);
}

const CHINESE = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The ways an ordinal is written before a label: (一) 一、 一. (1) 1. 1、 — folded. */
export function ordinalForms(ordinal: number): string[] {
  const cn = CHINESE[ordinal] ?? String(ordinal);
  return [`(${cn})`, `${cn}、`, `${cn}.`, `(${ordinal})`, `${ordinal}.`, `${ordinal}、`, `${cn},`, `${ordinal},`];
}

/**
 * Where the ordinal written right before `at` starts, or -1. A numbered label glued to the
 * previous row's digits (“…1200000122.没有现成…”) keeps its ordinal: the ordinal is known, so the
 * last digit of the run is taken as the ordinal, never as a value.
 */
export function ordinalBefore(text: string, at: number, ordinal: number): number {
  for (const form of ordinalForms(ordinal)) {
    if (at >= form.length && text.startsWith(form, at - form.length)) return at - form.length;
  }
  return -1;
}

/** A match of a label in the folded text. */
export interface Match {
  start: number;
  end: number;
  /** The text found when it differs from the label by one character (a misspelt label). */
  typo?: string;
}

/** The first exact occurrence of `needle` in [from, to), or -1. */
export function findExact(text: string, needle: string, from: number, to: number): number {
  // A window much shorter than the text is searched on its own, so a label that is not there does
  // not cost a scan of the whole text.
  if (to < text.length && to - from < 8192) {
    if (to - from < needle.length) return -1;
    const i = text.substring(from, to).indexOf(needle);
    return i < 0 ? -1 : from + i;
  }
  const i = text.indexOf(needle, from);
  return i >= 0 && i + needle.length <= to ? i : -1;
}

/**
 * The first occurrence of `needle` in [from, to) with at most one character different (a
 * misspelt character in a long label). One half of the needle is then found exactly, so only the
 * places either half occurs are compared: linear in the window.
 */
export function findOneTypo(text: string, needle: string, from: number, to: number): Match | null {
  const exact = findExact(text, needle, from, to);
  if (exact >= 0) return { start: exact, end: exact + needle.length };
  const m = needle.length;
  if (m < 5) return null;
  const half = m >> 1;
  let best = -1;
  const check = (p: number) => {
    if (p < from || p + m > to || (best >= 0 && p >= best)) return;
    let diff = 0;
    for (let k = 0; k < m && diff <= 1; k++) if (text.charCodeAt(p + k) !== needle.charCodeAt(k)) diff++;
    if (diff <= 1) best = p;
  };
  const head = needle.slice(0, half);
  const tail = needle.slice(half);
  for (let i = findExact(text, head, from, to); i >= 0 && i + m <= to; i = findExact(text, head, i + 1, to)) { check(i); if (best >= 0) break; }
  for (let i = findExact(text, tail, from + half, to); i >= 0 && i - half + m <= to; i = findExact(text, tail, i + 1, to)) {
    if (best >= 0 && i - half >= best) break;
    check(i - half);
  }
  return best < 0 ? null : { start: best, end: best + m, typo: text.slice(best, best + m) };
}

/** The end of a parenthesised remark right at `at` (“(区分处理的……)”, “(单位:万元)”), else `at`. */
export function skipRemark(text: string, at: number, limit = 60): number {
  if (text[at] !== '(') return at;
  const close = text.indexOf(')', at);
  // “(三)” is the next label's ordinal, not a remark.
  if (close < 0 || close - at > limit || /^[一二三四五六七八九十\d]{1,3}$/.test(text.slice(at + 1, close))) return at;
  return close + 1;
}
