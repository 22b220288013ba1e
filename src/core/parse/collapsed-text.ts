/**
 * Reading collapsed text (issue 11): reports taken from a crawl or copied from a web page, where
 * every line break and run of spaces became one space, so that a whole report is one to ten very
 * long lines with headings, paragraphs, table labels and numbers following each other. Works on
 * the SourceBlocks of any reader (TXT, HTML, DOCX, PDF): the paragraphs of such a document are
 * joined into runs (their line breaks kept as hard breaks) and each run is cut again into the
 * blocks a well-formed document has — paragraphs at the section and part headings and sentence
 * ends, and the statistical tables as rows of cells (collapsed-tables.ts) — for the shared engine.
 * Pure; the work is linear in the text and bounded for very large inputs.
 */
import type { SectionKey } from '../format/format-types.js';
import { headingPatterns, knownHeadings } from './collapsed-patterns.js';
import { findTableSpan, readValueTokens, type FoundSpan } from './collapsed-tables.js';
import { compactText, findExact, findOneTypo, ordinalBefore, originalAt, type CompactText } from './compact-text.js';
import { normalizeLabel } from './normalize-label.js';
import type { SourceBlock, SourceCell, SourcePlace, SourceTable } from './source-types.js';

/** A paragraph this long with two anchors (headings, table rows) in it is collapsed text. */
const LONG_PARAGRAPH = 300;
/** Longest run segmented; in a longer text only a window around the first “政府信息公开” is read. */
const MAX_RUN = 1_000_000;

/** The outcome of segmenting a document. */
export interface Segmented {
  blocks: SourceBlock[];
  /** Whether collapsed text was found (and segmented). */
  collapsed: boolean;
  notes: string[];
}

interface Span { key: SectionKey; start: number; end: number }

/** Section headings found in order, with their ordinal (一、 一. （一）) right before the wording. */
function findSections(c: CompactText, from: number, to: number): Span[] {
  const out: Span[] = [];
  let cursor = from;
  for (const h of headingPatterns()) {
    let best: Span | null = null;
    for (const body of h.bodies) {
      for (let i = findExact(c.text, body, cursor, to); i >= 0; i = findExact(c.text, body, i + 1, to)) {
        if (best && i >= best.start) break;
        const ord = ordinalBefore(c.text, i, h.ordinal);
        if (ord < 0) continue;
        best = { key: h.key, start: ord, end: i + body.length };
        break;
      }
    }
    if (!best) {
      // One misspelt character in a long heading.
      const body = h.bodies[0]!;
      for (let p = cursor; body.length >= 8;) {
        const m = findOneTypo(c.text, body, p, to);
        if (!m) break;
        const ord = ordinalBefore(c.text, m.start, h.ordinal);
        if (ord >= 0) { best = { key: h.key, start: ord, end: m.end }; break; }
        p = m.start + 1;
      }
    }
    if (best) { out.push(best); cursor = best.end; }
  }
  return out;
}

/**
 * A second report in the same run: section 一's heading again after the first report's section 三.
 * Returns the compact position where the second report starts (its title, when one stands right
 * before the heading), or -1.
 */
function secondReportAt(c: CompactText, sections: Span[], to: number): number {
  const third = sections.find((s) => s.key === '三' || s.key === '四');
  if (!third) return -1;
  const again = findSections(c, third.end, to).find((s) => s.key === '一');
  if (!again) return -1;
  // The first report's date of issue, then the second one's title: the title starts after the date.
  const region = c.text.slice(third.end, again.start);
  const dated = /(?:(?:19|20)\d{2}|[〇零一二][〇零一二三四五六七八九]{3})年[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日(?=[^。；]{0,60}政府信息公开[^。；]{0,20}年度报告)/g;
  let afterDate = -1;
  for (let m = dated.exec(region); m; m = dated.exec(region)) afterDate = third.end + m.index + m[0].length;
  if (afterDate >= 0) return afterDate;
  // Only with a report title shortly before it: “一、总体情况” alone may head a part of a section.
  const before = c.text.lastIndexOf('年度报告', again.start);
  if (before < 0 || again.start - before > 400 || before < third.end) return -1;
  const title = c.text.lastIndexOf('政府信息公开', before);
  if (title < 0 || before - title > 40) return again.start;
  // The title starts after the last whitespace (a collapsed line break) before it in the original.
  const orig = originalAt(c, title);
  const ws = Math.max(c.source.lastIndexOf(' ', orig), c.source.lastIndexOf('\n', orig), c.source.lastIndexOf('\u3000', orig));
  let start = title;
  while (start > third.end && originalAt(c, start - 1) > ws) start--;
  return start;
}

/**
 * Table 四 printed without its header: numbers right after section 四's heading (15 cells, maybe
 * run together) are its single row.
 */
function valuesAfterHeading(c: CompactText, heading: Span | undefined, to: number): FoundSpan | null {
  if (!heading) return null;
  const { tokens, end } = readValueTokens(c, heading.end, to);
  const digits = tokens.join('').replace(/\D/g, '').length;
  if (digits < 15) return null;
  return { table: '四', start: heading.end, end, rows: [['行政复议', '行政诉讼'], tokens], score: 1, notes: ['表四没有表头，按第四部分标题后的数字读取'] };
}

/** Whether a paragraph is collapsed text: long, with two section headings or a table's rows in it. */
function isCollapsed(text: string): boolean {
  if (text.length < LONG_PARAGRAPH) return false;
  const c = compactText(text.length > MAX_RUN ? text.slice(0, MAX_RUN) : text);
  const sections = findSections(c, 0, c.text.length);
  if (sections.length >= 2) return true;
  // A heading after a space in the middle of the paragraph: a line break that was collapsed.
  if (sections.some((s) => s.start > 0 && /\s/.test(c.source[originalAt(c, s.start) - 1] ?? ''))) return true;
  // Otherwise table rows run on in the paragraph (a piece of a table cut into lines at random).
  const t3 = findTableSpan(c, '三', 0, c.text.length, null);
  return !!t3 && t3.score >= 3;
}

/** Segments a document whose paragraphs are collapsed text; other documents are returned as they are. */
export function segmentCollapsed(blocks: SourceBlock[]): Segmented {
  const notes: string[] = [];
  const anyCollapsed = blocks.some((b) => b.kind === 'paragraph' && b.text.length >= LONG_PARAGRAPH && isCollapsedBounded(b.text));
  if (!anyCollapsed) return { blocks, collapsed: false, notes };
  const out: SourceBlock[] = [];
  let run: Array<{ text: string; where: SourcePlace }> = [];
  let stop = false;
  const flush = () => {
    if (!run.length || stop) { run = []; return; }
    const read = segmentRun(run, notes);
    // (No spread: a long text may give more blocks than a call takes arguments.)
    for (const b of read.blocks) out.push(b);
    if (read.secondReport) stop = true;
    run = [];
  };
  for (const block of blocks) {
    if (stop) break;
    if (block.kind === 'paragraph') { run.push({ text: block.text, where: block.where }); continue; }
    if (isLineRow(block.table)) {
      // Short lines of the collapsed text that the line reader took for table rows: text again.
      for (const row of block.table.rows) run.push({ text: row.map((c) => c.text).join(' '), where: { line: row[0]?.where.line } });
      continue;
    }
    flush();
    if (!stop) out.push(block);
  }
  flush();
  notes.unshift('原文的换行和空格已被合并（网页抓取或复制的文本），已按标题、标签和数字重新切分段落和表格');
  return { blocks: numberTables(out), collapsed: true, notes };
}

/**
 * A “table” the text reader made of lines (a label and numbers on a line): in collapsed text these
 * are pieces of the run cut at random, and are read again with it.
 */
function isLineRow(table: SourceTable): boolean {
  return table.rows.every((row) => row.every((c) => c.where.line !== undefined && c.where.page === undefined && c.rowSpan === 1 && c.colSpan === 1));
}

/** isCollapsed on a bounded window: a text with no “政府信息公开” and no “年度报告” near its start is not read further. */
function isCollapsedBounded(text: string): boolean {
  if (text.length <= MAX_RUN) return isCollapsed(text);
  const at = text.indexOf('政府信息公开');
  return at >= 0 && isCollapsed(text.slice(Math.max(0, at - 2000), at + MAX_RUN));
}

/** Gives each table a 1-based number and every cell its table/row/column place. */
function placeIn(where: SourcePlace, table: number, row: number, column: number): SourcePlace {
  const out: SourcePlace = {};
  if (where.line !== undefined) out.line = where.line;
  if (where.page !== undefined) out.page = where.page;
  out.table = table;
  out.row = row;
  out.column = column;
  return out;
}

function numberTables(blocks: SourceBlock[]): SourceBlock[] {
  let n = 0;
  return blocks.map((b) => {
    if (b.kind !== 'table') return b;
    const table = ++n;
    const rows = b.table.rows.map((row, r) => row.map((cell, col) => ({
      text: cell.text, rowSpan: cell.rowSpan, colSpan: cell.colSpan, where: placeIn(cell.where, table, r + 1, col + 1),
    })));
    return { kind: 'table', table: { rows, where: { ...b.table.where, table } } };
  });
}

/** One run of joined paragraphs, cut into paragraphs and tables. */
function segmentRun(parts: Array<{ text: string; where: SourcePlace }>, notes: string[]): { blocks: SourceBlock[]; secondReport: boolean } {
  let source = parts.map((p) => p.text).join('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const p of parts) { starts.push(offset); offset += p.text.length + 1; }
  let base = 0;
  if (source.length > MAX_RUN) {
    const at = source.indexOf('政府信息公开');
    base = at < 0 ? 0 : Math.max(0, at - 2000);
    notes.push(`文本过长（${source.length} 个字符），只读取“政府信息公开”附近的 ${MAX_RUN} 个字符`);
    source = source.slice(base, base + MAX_RUN);
  }
  const placeAt = (i: number): SourcePlace => {
    const abs = i + base;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid]! <= abs) lo = mid; else hi = mid - 1; }
    return { ...parts[lo]!.where };
  };
  const c = compactText(source);
  let limit = c.text.length;
  let sections = findSections(c, 0, limit);
  const second = secondReportAt(c, sections, limit);
  if (second >= 0) {
    const title = c.text.slice(second, second + 60).replace(/年度报告.*$/, '年度报告');
    notes.push(`文件中含有不止一份年度报告（另一份从“${title}”开始），只读取了第一份`);
    limit = second;
    sections = sections.filter((s) => s.start < limit);
  }
  const at = (key: SectionKey) => sections.find((s) => s.key === key);
  const tables: FoundSpan[] = [];
  const notesOf: string[] = [];
  let lo = at('二')?.end ?? 0;
  const bound = (...keys: SectionKey[]) => keys.map(at).find(Boolean)?.start ?? limit;
  // Each table in its section; a table not found there is looked for in the whole report (some
  // pages put the tables after the prose).
  const t2 = findTableSpan(c, '二', lo, bound('三', '四', '五', '六'), null) ?? findTableSpan(c, '二', 0, limit, null);
  if (t2) tables.push(t2);
  lo = at('三')?.end ?? t2?.end ?? 0;
  const t3 = findTableSpan(c, '三', lo, bound('四', '五', '六'), null) ?? findTableSpan(c, '三', 0, limit, null);
  if (t3) tables.push(t3);
  lo = at('四')?.end ?? t3?.end ?? lo;
  const t4 = findTableSpan(c, '四', lo, bound('五', '六'), null) ?? valuesAfterHeading(c, at('四'), bound('五', '六'));
  if (t4) tables.push(t4);
  for (const t of tables) notesOf.push(...t.notes);
  notes.push(...notesOf);

  const blocks: SourceBlock[] = [];
  let cursor = 0;
  const prose = (from: number, to: number) => {
    if (to <= from) return;
    const o1 = originalAt(c, from);
    const o2 = to >= c.text.length ? source.length : originalAt(c, to);
    // The section headings found start and end paragraphs even where no space was left around them.
    const cuts = sections.filter((h) => h.start >= from && h.end <= to).flatMap((h) => [originalAt(c, h.start) - o1, originalAt(c, h.end) - o1]);
    for (const p of splitProse(withoutFurniture(source.slice(o1, o2)), o1, cuts)) blocks.push({ kind: 'paragraph', text: p.text, where: placeAt(p.at) });
  };
  for (const t of [...tables].sort((a, b) => a.start - b.start)) {
    if (t.start < cursor) { notes.push(`表${t.table}与其他表格重叠，未读取`); continue; }
    prose(cursor, t.start);
    const where = placeAt(originalAt(c, t.start));
    const rows: SourceCell[][] = t.rows.map((row) => row.map((text) => ({ text, rowSpan: 1, colSpan: 1, where: { ...where } })));
    blocks.push({ kind: 'table', table: { rows, where: { ...where } } });
    cursor = t.end;
  }
  prose(cursor, limit);
  return { blocks, secondReport: second >= 0 };
}

/** The furniture of a web page that a crawl keeps in the text (font size, print and close buttons, sharing). */
const FURNITURE = /字号[:：]?\s*[大中小](?:\s*[大中小]){1,2}|【\s*(?:打印(?:本页)?|关闭(?:窗口|本页)?|字体[:：]?\s*[大中小](?:\s*[大中小]){0,2}|[大中小]|收藏|分享|返回顶部|TOP)\s*】|扫一扫在手机打开当前页|分享到[:：]/g;

/** The text with the page furniture blanked out (same length, so offsets stay). */
function withoutFurniture(text: string): string {
  return text.replace(FURNITURE, (m) => ' '.repeat(m.length));
}

const ENDS_SENTENCE = /[。！？；!?;：:]["”’」』)）]*$/;
const STARTS_HEADING = /^(?:[一二三四五六七八九十]{1,2}[、.．]|[（(][一二三四五六七八九十]{1,2}[）)]|\d{1,2}[.、．](?!\d))/;
const HEADING_MARKS = /[。；;！!？?：:，,]/;

/** A short numbered text with no sentence in it: a heading (一、总体情况；（一）主动公开情况). */
function isHeadingLike(text: string): boolean {
  return text.length <= 40 && STARTS_HEADING.test(text) && !HEADING_MARKS.test(text);
}

/**
 * The prose of a run as paragraphs: a break at every hard break (a line of the source), after a
 * sentence end, after a heading or a title, and before a numbered heading; other spaces stay
 * inside the paragraph (“共收到 218 件”). A heading broken by a stray space is joined again.
 */
export function splitProse(text: string, offset = 0, cuts: number[] = []): Array<{ text: string; at: number }> {
  if (cuts.length) {
    // Forced breaks become line breaks (same length: one character replaced by a break would lose it).
    const points = [...new Set(cuts)].filter((x) => x > 0 && x < text.length).sort((a, b) => a - b);
    const out: Array<{ text: string; at: number }> = [];
    let prev = 0;
    for (const point of [...points, text.length]) {
      for (const p of splitProse(text.slice(prev, point), offset + prev)) out.push(p);
      prev = point;
    }
    return splitSignature(out);
  }
  const out: Array<{ text: string; at: number }> = [];
  const chunk = /[^\s\u00a0\u3000\u2000-\u200b\ufeff]+|\n/g;
  let cur = '';
  let curAt = 0;
  let hard = false;
  const flush = () => { if (cur) out.push({ text: cur, at: offset + curAt }); cur = ''; };
  for (let m = chunk.exec(text); m; m = chunk.exec(text)) {
    const piece = m[0];
    if (piece === '\n') { hard = true; continue; }
    if (cur) {
      const headingLike = isHeadingLike(cur);
      if (headingLike && knownHeadings().has(normalizeLabel(cur + piece)) && !knownHeadings().has(normalizeLabel(cur))) {
        cur += piece;
        continue;
      }
      if (hard || ENDS_SENTENCE.test(cur) || DATE_END.test(cur) || headingLike || /年度[报報]告[)）]?$/.test(cur) || STARTS_HEADING.test(piece) || /^[【\[]/.test(piece)) flush();
      else cur += ' ';
    }
    hard = false;
    if (!cur) curAt = m.index;
    cur += piece;
  }
  flush();
  return splitSignature(out);
}

/** A paragraph that ends with a date (the date of issue) ends there. */
const DATE_END = /(?:^|\s)(?:(?:19|20)\d{2}|[〇○零一二][〇○零一二三四五六七八九]{3})年[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日$/;
const DATE_END_ANY = /(?:(?:19|20)\d{2}|[〇○零一二][〇○零一二三四五六七八九]{3})\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日$/;
const DATE_CHUNK = /^(?:(?:19|20)\d{2}|[〇○零一二][〇○零一二三四五六七八九]{3})年[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日$/;

/**
 * The signature and the date of issue at the end of the prose, run on after a last line without a
 * full stop (“无 某某局 2022年1月20日”): the agency and the date become a paragraph of their own.
 */
function splitSignature(paras: Array<{ text: string; at: number }>): Array<{ text: string; at: number }> {
  for (let i = paras.length - 1; i >= Math.max(0, paras.length - 3); i--) {
    const text = paras[i]!.text;
    // “…公开。某某局 2022年1月20日”: the sentences, then the signature and the date.
    const tail = /[。；！？!?;]([^。；！？!?;：:，,]{2,50})$/.exec(text);
    if (tail && DATE_END_ANY.test(tail[1]!)) {
      const cut = tail.index + 1;
      paras.splice(i, 1, { text: text.slice(0, cut), at: paras[i]!.at }, { text: text.slice(cut).trim(), at: paras[i]!.at + cut });
      return paras;
    }
    const words = text.split(' ');
    if (words.length < 3 || !DATE_CHUNK.test(words[words.length - 1]!)) continue;
    const signature = words[words.length - 2]!;
    if (signature.length > 30 || /[。；;，,：:]/.test(signature)) return paras;
    const before = words.slice(0, -2).join(' ');
    const at = paras[i]!.at;
    paras.splice(i, 1, { text: before, at }, { text: `${signature} ${words[words.length - 1]}`, at: at + before.length + 1 });
    return paras;
  }
  return paras;
}
