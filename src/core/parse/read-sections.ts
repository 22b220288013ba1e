/**
 * The prose of a published report: title (agency and year), preamble, the six sections by their
 * headings (canonical, the variants the formats list, and numbered headings worded differently),
 * their parts （一）…, the signature and the date of issue (条例 Art. 50 content, 第四十九条 deadline
 * is judged from the date). Works on the paragraphs of a SourceDocument in reading order.
 */
import { parseChineseNumeral } from '../checks/chinese-numerals.js';
import type { SectionKey } from '../format/format-types.js';
import { FORMATS } from '../format/registry.js';
import { isValidDate } from '../report/dates.js';
import type { ReportSection } from '../report/report-model.js';
import { isTableText, markerOf } from './label-index.js';
import { normalizeLabel } from './normalize-label.js';
import type { SourceBlock, SourcePlace } from './source-types.js';

const KEYS: SectionKey[] = ['一', '二', '三', '四', '五', '六'];
/** Stand-in for the normalized text of a long paragraph: too long for any heading test. */
const LONG = '。'.repeat(401);
const SENTENCE_MARKS = /[。；;！!？?]/;
const PART_MARKS = /[。；;！!？?:：]/;

/** The prose structure read from a document. */
export interface Structure {
  title: string | null;
  agency: string | null;
  year: number | null;
  issuedOn: string | null;
  signature: string | null;
  preamble: string[];
  sections: ReportSection[];
  /** Which sections were found by a heading, and where. */
  found: Map<SectionKey, SourcePlace>;
  /** For each block of the document, the section it lies in (null before section 一). */
  sectionAt: Array<SectionKey | null>;
  /** Paragraphs that are table captions or header text (kept for the table reader, not prose). */
  tableText: Set<number>;
  notes: string[];
}

interface HeadingInfo { key: SectionKey; canonical: string; labels: Set<string>; chars: Set<string> }

let headingInfo: HeadingInfo[] | null = null;
/** Canonical headings and variants of every format, normalized once. */
function headings(): HeadingInfo[] {
  if (headingInfo) return headingInfo;
  headingInfo = KEYS.map((key) => {
    const labels = new Set<string>();
    let canonical = '';
    for (const format of FORMATS) {
      const def = format.sections.find((s) => s.key === key)!;
      canonical ||= def.heading;
      for (const text of [def.heading, ...def.variants]) labels.add(normalizeLabel(text));
    }
    const chars = new Set<string>();
    for (const label of labels) for (const ch of label.slice(2)) chars.add(ch);
    return { key, canonical, labels, chars };
  });
  return headingInfo;
}

/**
 * The section a paragraph heads, if it is a heading: the canonical text or a listed variant; or a
 * short numbered line “X、…” that is the next section in order, or shares most of its words with
 * the canonical heading (五、政府信息公开工作存在的主要问题及改进情况). Table row labels
 * (四、结转下年度继续办理) are never headings.
 */
export function sectionHeadingKey(normalized: string, current: SectionKey | null): SectionKey | null {
  for (const info of headings()) if (info.labels.has(normalized)) return info.key;
  const m = /^([一二三四五六])、(.+)$/.exec(normalized);
  if (!m || normalized.length > 40 || SENTENCE_MARKS.test(normalized)) return null;
  if (markerOf(normalized) !== undefined) return null;
  const key = m[1] as SectionKey;
  const order = KEYS.indexOf(key);
  const currentOrder = current === null ? -1 : KEYS.indexOf(current);
  if (order <= currentOrder) return null;
  const info = headings()[order]!;
  const body = [...m[2]!];
  const shared = body.filter((ch) => info.chars.has(ch)).length / body.length;
  if (order === currentOrder + 1 && shared >= 0.25) return key;
  return shared >= 0.5 ? key : null;
}

/** A part heading inside a section: “（一）概述” — short, numbered in brackets, no sentence in it. */
function isPartHeading(normalized: string): boolean {
  return /^\([一二三四五六七八九十]{1,3}\)./.test(normalized) && normalized.length <= 40 && !PART_MARKS.test(normalized);
}

const YEAR = /^(.*?)((?:19|20)\d{2}|[〇零一二][〇零一二三四五六七八九]{3})年/;
const DATE_AT_END = /((?:19|20)\d{2}|[〇零一二][〇零一二三四五六七八九]{3})年(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})日$/;
const WHITESPACE = /[\s\u00a0\u2000-\u200b\u3000\ufeff]+/g;

function numberOf(text: string): number | null {
  return /^\d+$/.test(text) ? Number(text) : parseChineseNumeral(text);
}

/** Full-width digits and ○ made ASCII/〇, whitespace removed: for years and dates. */
function compact(text: string): string {
  return text.replace(WHITESPACE, '').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[○◯Ｏ]/g, '〇');
}

/** The date a paragraph ends with, as YYYY-MM-DD, and the text before it. */
export function dateAtEnd(text: string): { date: string; before: string } | null {
  const c = compact(text);
  const m = DATE_AT_END.exec(c);
  if (!m) return null;
  const [y, mo, d] = [numberOf(m[1]!), numberOf(m[2]!), numberOf(m[3]!)];
  if (y === null || mo === null || d === null) return null;
  const date = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isValidDate(date) ? { date, before: c.slice(0, m.index) } : null;
}

/** Title: “{agency}{year}年政府信息公开工作年度报告”, possibly with the agency on the line above. */
function readTitle(paras: Para[], limit: number): { title: string; agency: string; year: number; used: number[] } | null {
  for (let i = 0; i < Math.min(paras.length, limit); i++) {
    const p = paras[i]!;
    if (!p.norm.includes('政府信息公开') || !p.norm.includes('年度报告') || p.norm.length > 80) continue;
    // Whitespace removed; digits made ASCII only for matching (same length, so positions agree).
    const text = p.text.replace(WHITESPACE, '');
    const m = YEAR.exec(compact(text));
    if (!m) continue;
    const year = numberOf(m[2]!);
    if (year === null) continue;
    let agency = text.slice(0, m[1]!.length);
    const used = [i];
    let title = text;
    const prev = paras[i - 1];
    if (!agency && prev && prev.norm.length <= 40 && !SENTENCE_MARKS.test(prev.norm) && prev.index === p.index - 1) {
      agency = prev.text.replace(WHITESPACE, '');
      title = agency + text;
      used.unshift(i - 1);
    }
    if (!agency) {
      // “2019年威海市…政府信息公开工作年度报告”: the agency follows the year.
      const after = /^年度?(.*?)政府信息公[开開]/.exec(text.slice(m[0].length - 1));
      // The agency between the year and the subject is kept as written.
      agency = after?.[1] ?? '';
    }
    return { title, agency, year, used };
  }
  return null;
}

interface Para { index: number; text: string; norm: string; where: SourcePlace }

/** Reads the prose structure of a document. */
export function readStructure(blocks: SourceBlock[]): Structure {
  const notes: string[] = [];
  const paras: Para[] = [];
  blocks.forEach((b, index) => {
    if (b.kind !== 'paragraph') return;
    const text = b.text.replace(/^[\s\u00a0\u3000\ufeff]+|[\s\u00a0\u3000\ufeff]+$/g, '');
    // Headings, titles, dates and table text are short: long prose is never normalized.
    if (text) paras.push({ index, text, norm: text.length > 400 ? LONG : normalizeLabel(text), where: b.where });
  });
  const firstTable = blocks.findIndex((b) => b.kind === 'table');
  const titleLimit = paras.findIndex((p) => firstTable >= 0 && p.index > firstTable);
  const title = readTitle(paras, Math.min(titleLimit < 0 ? paras.length : titleLimit, 15));
  const skip = new Set<number>(title?.used ?? []);

  // Date of issue and signature: the last date near the end, the line before it.
  let issuedOn: string | null = null;
  let signature: string | null = null;
  for (let i = paras.length - 1; i >= Math.max(0, paras.length - 4); i--) {
    const p = paras[i]!;
    if (p.norm.length > 60) continue;
    const found = dateAtEnd(p.text);
    if (!found) continue;
    issuedOn = found.date;
    skip.add(i);
    if (found.before && !PART_MARKS.test(found.before)) signature = found.before;
    else {
      const prev = paras[i - 1];
      if (prev && prev.norm.length <= 50 && !PART_MARKS.test(prev.norm) && !/^\(/.test(prev.norm)) {
        signature = prev.text;
        skip.add(i - 1);
      }
    }
    break;
  }

  const sections: ReportSection[] = [];
  const found = new Map<SectionKey, SourcePlace>();
  const preamble: string[] = [];
  const tableText = new Set<number>();
  const sectionAt: Array<SectionKey | null> = new Array(blocks.length).fill(null);
  let current: ReportSection | null = null;
  let pi = 0;
  const titleEnd = title ? Math.max(...title.used) : -1;
  for (let bi = 0; bi < blocks.length; bi++) {
    const para = paras[pi]?.index === bi ? paras[pi++] : undefined;
    const i = pi - 1;
    if (para && !skip.has(i) && i > titleEnd) {
      const key = sectionHeadingKey(para.norm, current?.key ?? null);
      if (key && !found.has(key)) {
        current = { key, heading: para.text, paragraphs: [], parts: [] };
        sections.push(current);
        found.set(key, para.where);
      } else if (current && isTableText(para.norm)) {
        tableText.add(bi);
      } else if (!current) {
        preamble.push(para.text);
      } else if (isPartHeading(para.norm)) {
        current.parts.push({ heading: para.text, paragraphs: [] });
      } else if (current.parts.length) {
        current.parts[current.parts.length - 1]!.paragraphs.push(para.text);
      } else {
        current.paragraphs.push(para.text);
      }
    }
    sectionAt[bi] = current?.key ?? null;
  }
  if (title && !title.agency) notes.push('报告标题中未找到机关名称');
  return {
    title: title?.title ?? null, agency: title?.agency || null, year: title?.year ?? null,
    issuedOn, signature, preamble, sections, found, sectionAt, tableText, notes,
  };
}
