/**
 * The header a crawler writes before the text of a page (issue 11): lines such as “标题: …”,
 * “发布时间: 2023-02-20 15:07”, “文号:”, “发布机构:”, “栏目: 政府信息公开年报”, “原文链接: https://…”
 * and a separator line before the body — or all of it collapsed onto the body's first line. The
 * header gives the title, date and source of the page; it is taken off the document so that it is
 * never read as part of the report (an agency named “标题:平潭…”), and kept with the result.
 */
import type { ReportSource } from './parse-types.js';
import type { SourceBlock } from './source-types.js';

const FIELDS: Array<[RegExp, keyof ReportSource | null]> = [
  [/^(?:标题|题目|文章标题|名称)$/, 'title'],
  [/^(?:发布时间|发布日期|发文日期|成文日期|日期|时间|公开日期|更新时间)$/, 'publishedAt'],
  [/^(?:文号|发文字号|发文文号)$/, 'docNumber'],
  [/^(?:发布机构|发文机关|发布单位|来源|信息来源|来源单位)$/, 'publisher'],
  [/^(?:栏目|所属栏目|频道|分类)$/, 'column'],
  [/^(?:原文链接|原文地址|链接|网址|来源网址|页面地址|URL|url|Url)$/, 'url'],
  [/^(?:索引号|主题分类|公开方式|公开范围|浏览次数|作者)$/, null],
];
const KEY = /(?:^|[\s\u3000])(标题|题目|文章标题|名称|发布时间|发布日期|发文日期|成文日期|日期|时间|公开日期|更新时间|文号|发文字号|发文文号|发布机构|发文机关|发布单位|来源|信息来源|来源单位|栏目|所属栏目|频道|分类|原文链接|原文地址|链接|网址|来源网址|页面地址|URL|url|Url|索引号|主题分类|公开方式|公开范围|浏览次数|作者)\s*[:：]/g;
const SEPARATOR = /^[\s\u3000]*[-=*_—─━~]{3,}[\s\u3000]*/;
const DATE = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2})\s*[:：]\s*(\d{2})(?:\s*[:：]\s*\d{2})?)?/;

function fieldOf(key: string): keyof ReportSource | null {
  for (const [re, field] of FIELDS) if (re.test(key)) return field;
  return null;
}

/** A publication time as “YYYY-MM-DD” or “YYYY-MM-DD HH:mm”, or null. */
export function publicationTime(text: string): string | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return m[4] !== undefined ? `${date} ${m[4].padStart(2, '0')}:${m[5]}` : date;
}

interface Parsed { fields: Array<[string, string]>; rest: string | null }

/**
 * Reads header fields from the start of a text. A field's value runs to the next field; the last
 * one, when the body follows on the same line without a separator, is one word (a link, a date
 * and time, or text up to the next space). `rest` is the body after the header (null: all header).
 */
function parseHeader(text: string, lastLine: boolean): Parsed | null {
  KEY.lastIndex = 0;
  const keys: Array<{ key: string; start: number; valueAt: number }> = [];
  const head = text.slice(0, 4000);
  for (let m = KEY.exec(head); m; m = KEY.exec(head)) {
    const start = m.index + m[0].indexOf(m[1]!);
    if (!keys.length && head.slice(0, start).trim()) return null;
    if (keys.length) {
      const prev = keys[keys.length - 1]!;
      // Only adjacent fields: a “时间：” inside the body's prose is not a header field.
      const between = head.slice(prev.valueAt, start);
      if (between.length > 200 || /[。；]/.test(between) || SEPARATOR.test(between)) break;
    }
    keys.push({ key: m[1]!, start, valueAt: m.index + m[0].length });
  }
  if (!keys.length) return null;
  const fields: Array<[string, string]> = [];
  let rest: string | null = null;
  keys.forEach((k, i) => {
    const next = keys[i + 1];
    if (next) { fields.push([k.key, text.slice(k.valueAt, next.start).trim()]); return; }
    const after = text.slice(k.valueAt);
    const sep = /[\s\u3000]*[-=*_—─━~]{3,}/.exec(after);
    if (sep) { fields.push([k.key, after.slice(0, sep.index).trim()]); rest = after.slice(sep.index).replace(SEPARATOR, ''); return; }
    const field = fieldOf(k.key);
    const value = after.replace(/^[ \t\u3000]+/, '');
    let word: string;
    if (field === 'publishedAt') word = DATE.exec(value)?.index === 0 ? DATE.exec(value)![0] : (/^\S*/.exec(value)![0]);
    else if (/^[\r\n]/.test(value) || value === '') word = '';
    else word = /^\S*/.exec(value)![0];
    const tail = value.slice(word.length);
    fields.push([k.key, word.trim()]);
    rest = tail.trim() ? tail : null;
    if (rest === null && !lastLine) rest = null;
  });
  return { fields, rest };
}

/** The crawler's header taken off the document, and what it says. */
export function takeCrawlHeader(blocks: SourceBlock[]): { blocks: SourceBlock[]; source: ReportSource | null; notes: string[] } {
  const source: ReportSource = {};
  let found = 0;
  let i = 0;
  const out = [...blocks];
  for (; i < Math.min(out.length, 20); i++) {
    const b = out[i]!;
    if (b.kind !== 'paragraph') break;
    if (SEPARATOR.test(b.text) && SEPARATOR.exec(b.text)![0].length === b.text.length) { if (found) { i++; break; } continue; }
    const parsed = parseHeader(b.text, false);
    if (!parsed) break;
    for (const [key, value] of parsed.fields) {
      const field = fieldOf(key);
      found++;
      if (!field || !value) continue;
      if (field === 'publishedAt') { const t = publicationTime(value); if (t) source.publishedAt ??= t; continue; }
      source[field] ??= value;
    }
    if (parsed.rest !== null && parsed.rest.trim()) {
      out[i] = { ...b, text: parsed.rest };
      break;
    }
  }
  // One stray “时间：” is not a header: at least a title, link or date, or two fields.
  if (!found || (found < 2 && !source.title && !source.url)) return { blocks, source: null, notes: [] };
  const notes = ['文首有网页抓取信息（标题、发布时间、来源等），已单独保存，不作为报告正文'];
  const body = out.slice(i);
  return { blocks: body, source, notes };
}
