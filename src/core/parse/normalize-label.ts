/**
 * Label normalization for reading published reports. Real reports write the official labels with
 * full-width or half-width digits, letters, brackets and punctuation, spaces and line breaks inside
 * them, traditional characters (Hong Kong / Macao style or old templates), and other numbering
 * styles (“(一)” “一、” “1、” “１．”). Everything here maps those to one comparable form; the
 * matcher (`labelsMatch`) also tolerates 规范性文件 for 行政规范性文件 and a different numbering style.
 */
import { parseChineseNumeral } from '../checks/chinese-numerals.js';

/**
 * Traditional → simplified for the characters the labels, headings, titles and dates of both
 * national formats use (the test checks that every label character is covered or known to be the
 * same in both scripts). Deliberately small: labels, not prose, are matched.
 */
export const TRADITIONAL_TO_SIMPLIFIED: Readonly<Record<string, string>> = {
  條: '条', 項: '项', 規: '规', 製: '制', 數: '数', 開: '开', 對: '对', 總: '总', 範: '范', 許: '许',
  減: '减', 處: '处', 決: '决', 務: '务', 罰: '罚', 強: '强', 業: '业', 費: '费', 採: '采', 購: '购',
  額: '额', 請: '请', 組: '组', 織: '织', 機: '机', 構: '构', 會: '会', 計: '计', 結: '结', 轉: '转',
  辦: '办', 區: '区', 這: '这', 屬: '属', 於: '于', 國: '国', 穩: '稳', 護: '护', 權: '权', 類: '类',
  內: '内', 過: '过', 執: '执', 詢: '询', 無: '无', 關: '关', 沒: '没', 現: '现', 補: '补', 後: '后',
  確: '确', 訪: '访', 舉: '举', 報: '报', 訴: '诉', 復: '复', 複: '复', 當: '当', 認: '认', 獲: '获',
  穫: '获', 繼: '继', 續: '续', 議: '议', 維: '维', 糾: '纠', 審: '审', 訟: '讼', 經: '经', 據: '据',
  係: '系', 繫: '系', 為: '为', 爲: '为', 況: '况', 體: '体', 動: '动', 問: '问', 題: '题', 進: '进',
  發: '发', 髮: '发', 廢: '废', 單: '单', 萬: '万', 繳: '缴', 納: '纳', 險: '险', 資: '资', 與: '与',
  須: '须', 卷: '卷', 捲: '卷', 凖: '准', 準: '准', 門: '门', 戶: '户', 網: '网', 點: '点', 應: '应',
};

/** Characters that are dropped (whitespace of every width, zero-width marks) or unified. */
const SPECIAL = new Map<string, string>();
for (const ch of ['\u00a0', '\u1680', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\u0085',
  '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad']) SPECIAL.set(ch, '');
for (let c = 0x2000; c <= 0x200a; c++) SPECIAL.set(String.fromCharCode(c), '');
// Full-width ASCII (！ … ～): digits, letters, brackets, colon, comma, full stop, slash.
for (let c = 0xff01; c <= 0xff5e; c++) SPECIAL.set(String.fromCharCode(c), String.fromCharCode(c - 0xfee0));
// Quotes of every width and style → " (label 3.危及“三安全一稳定”).
for (const ch of ['“', '”', '„', '‟', '「', '」', '『', '』', '〝', '〞', '＂']) SPECIAL.set(ch, '"');
// Dashes and minus signs → - (本年增/减 values, placeholders).
for (const ch of ['－', '—', '–', '‒', '―', '−', '﹣']) SPECIAL.set(ch, '-');
for (const ch of ['○', '◯', '〇']) SPECIAL.set(ch, '〇');
for (const [from, to] of Object.entries(TRADITIONAL_TO_SIMPLIFIED)) SPECIAL.set(from, to);

/** Every character that is dropped or mapped, and ASCII whitespace and controls. */
const SPECIAL_CHARS = new RegExp(`[\\u0000-\\u0020\\u007f${[...SPECIAL.keys()].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`, 'g');
const mapChar = (ch: string): string => SPECIAL.get(ch) ?? '';

/**
 * One character as labels are compared: '' for whitespace and controls (dropped), full-width made
 * half-width, quotes and dashes unified, traditional made simplified; every other character as is.
 * Used where positions must be kept (collapsed text is folded character by character).
 */
export function foldChar(ch: string): string {
  const mapped = SPECIAL.get(ch);
  if (mapped !== undefined) return mapped;
  const code = ch.charCodeAt(0);
  return code <= 0x20 || code === 0x7f ? '' : ch;
}

/** Labels repeat across reports: normalized forms of short texts are cached (bounded). */
const cache = new Map<string, string>();
const CACHE_LIMIT = 20_000;

/** Leading numbering: (一) (1) 一、 一. 1. 1、 — after full-width mapping. */
const NUMBERING = /^(?:\(([一二三四五六七八九十]{1,3}|\d{1,2})\)|([一二三四五六七八九十]{1,3}|\d{1,2})[、.,](?!\d))/;

/**
 * Normalizes a label for comparison: all whitespace removed, full-width letters, digits,
 * brackets and punctuation made half-width, quotes and dashes unified, traditional characters
 * made simplified, and the leading numbering written one way per style: “(一)”, “一、”, “1.”.
 */
export function normalizeLabel(text: string): string {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  let out = text.replace(SPECIAL_CHARS, mapChar);
  const m = NUMBERING.exec(out);
  if (m && m[2] !== undefined) {
    const n = m[2];
    // 一、 and 一. are the same style (section numbering); 1、 and 1. are the same style (items).
    const canonical = /\d/.test(n) ? `${n}.` : `${n}、`;
    out = canonical + out.slice(m[0].length);
  }
  if (text.length <= 200) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, out);
  }
  return out;
}

/** A normalized label split into its ordinal (1 for “(一)”, “一、”, “1.”) and its text. */
export interface LabelParts {
  ordinal: number | null;
  body: string;
}

/** Splits the numbering off a normalized label. */
export function splitNumbering(normalized: string): LabelParts {
  const m = NUMBERING.exec(normalized);
  if (!m) return { ordinal: null, body: normalized };
  const n = m[1] ?? m[2]!;
  const ordinal = /^\d+$/.test(n) ? Number(n) : parseChineseNumeral(n);
  return { ordinal, body: normalized.slice(m[0].length) };
}

/**
 * Aliases tolerated by the matcher: the 2019 format says 规范性文件, the 2021 format
 * 行政规范性文件; reports of either year use both.
 */
const ALIASES: Array<[string, string]> = [['行政规范性文件', '规范性文件']];

/** The text a label is matched by: its body without numbering, aliases applied. */
export function matchBody(normalized: string): string {
  let body = splitNumbering(normalized).body;
  for (const [from, to] of ALIASES) if (body === from) body = to;
  return body;
}

/**
 * Whether a label read from a report matches an official label (both given normalized): equal,
 * or the same text with numbering of another style (or none) but never another ordinal.
 */
export function labelsMatch(read: string, official: string): boolean {
  if (read === official) return true;
  const a = splitNumbering(read);
  const b = splitNumbering(official);
  if (a.ordinal !== null && b.ordinal !== null && a.ordinal !== b.ordinal) return false;
  return matchBody(read) === matchBody(official);
}

/** Removes the parenthesized parts of a normalized label: 本年收费金额(单位:万元) → 本年收费金额. */
export function withoutParentheses(normalized: string): string {
  return normalized.replace(/\([^()]*\)/g, '');
}
