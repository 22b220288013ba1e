/**
 * Finding the statistical tables in collapsed text (issue 11): text where the cells of a table
 * follow each other on one line, run together or irregularly spaced, and run into the next row's
 * label. Rows are found by their official labels in the format's order (folded, whitespace
 * ignored, one misspelt character tolerated in long labels, a numbered label's ordinal taken from
 * the end of the digit run before it); a row's values are what stands between its label and the
 * next label. A row whose label is there without numbers gets no value cells (reported missing by
 * the engine, never filled from the next row); a row whose label is absent is not emitted. The
 * rows are given to the engine as source table rows whose value cells are the tokens as spaced:
 * run-together tokens are split by the existing solver from the table's own sums.
 */
import type { FormatDefinition, TableId } from '../format/format-types.js';
import { FORMATS } from '../format/registry.js';
import { findExact, findOneTypo, ordinalBefore, originalSlice, skipRemark, type CompactText, type Match } from './compact-text.js';
import { tablePatterns, type RowPattern, type TablePatterns } from './collapsed-patterns.js';
import { foldChar, normalizeLabel } from './normalize-label.js';
import { isTableText } from './label-index.js';

/** A table found in collapsed text: its span (compact positions) and rows of cell texts. */
export interface FoundSpan {
  table: TableId;
  start: number;
  end: number;
  /** Rows of cell texts: a caption row, a header row, or [label, ...value tokens]. */
  rows: string[][];
  /** How many labels of the format were found (to choose between formats). */
  score: number;
  notes: string[];
}

/** Most compact characters between one row label and the next. */
const ROW_GAP = 600;
const SPACE = /[\s\u00a0\u3000\u2000-\u200b\ufeff]+/;
const VALUE = /^(?:[+-]?\d+(?:,\d{3})*(?:\.\d+)?(?:万元|元|万)?|-+|\/+|无)/;
/** A number glued to one of these is prose (“2021年”, “12件”), not a cell. */
const PROSE_AFTER = /^[年月日件个次项条人%％余多家批份宗]/;
const HAN = /^\p{Script=Han}/u;

function fold(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

/** A row label's place: exact (any wording), else one misspelt character in its longest wording. */
export function findRow(c: CompactText, p: RowPattern, from: number, to: number): Match | null {
  const text = c.text;
  let best: Match | null = null;
  for (const body of p.bodies) {
    if (p.requireOrdinal && body.length < 4 && p.ordinal === null) continue;
    for (let i = findExact(text, body, from, to); i >= 0; i = findExact(text, body, i + 1, to)) {
      const ord = p.ordinal !== null ? ordinalBefore(text, i, p.ordinal) : -1;
      // A short label (总计, 其他) without its ordinal only right after the previous row's numbers.
      if (p.requireOrdinal && ord < 0 && !(i > 0 && /\d/.test(text[i - 1]!) && i > from)) continue;
      const start = ord >= 0 && ord >= from ? ord : i;
      if (!best || start < best.start) best = { start, end: i + body.length };
      break;
    }
  }
  if (best) return best;
  let typo: Match | null = null;
  for (const body of p.bodies) {
    if (body.length < 6) continue;
    const m = findOneTypo(text, body, from, to);
    if (m && (!typo || m.start < typo.start)) typo = m;
  }
  if (!typo) return null;
  const ord = p.ordinal !== null ? ordinalBefore(text, typo.start, p.ordinal) : -1;
  return { ...typo, start: ord >= from && ord >= 0 ? ord : typo.start };
}

/**
 * The value tokens at the start of [from, to), as spaced in the original: numbers, decimals,
 * placeholders. Reading stops at the first text that is not a value; a number glued to prose
 * (“2021年”) is not taken; a digit run glued to “.” or “、” and a label keeps its last digit as
 * that label's ordinal.
 */
export function readValueTokens(c: CompactText, from: number, to: number): { tokens: string[]; end: number } {
  const tokens: string[] = [];
  let consumed = 0;
  if (from >= to) return { tokens, end: from };
  // A sign glued to the number before it starts a new cell (“226-3” is 226 and -3).
  for (const raw of originalSlice(c, from, to).split(SPACE).flatMap((t) => t.split(/(?<=\d)(?=[+\-－−][0-9０-９])/))) {
    const t = fold(raw);
    if (!t) continue;
    const m = VALUE.exec(t);
    if (!m) break;
    if (m[0].length === t.length) { tokens.push(t); consumed += t.length; continue; }
    const rest = t.slice(m[0].length);
    if (/^\d+$/.test(m[0]) && !PROSE_AFTER.test(rest)) {
      if (/^[.、,]\p{Script=Han}/u.test(rest)) {
        if (m[0].length >= 2) { tokens.push(m[0].slice(0, -1)); consumed += m[0].length - 1; }
      } else if (HAN.test(rest) || rest.startsWith('(')) {
        tokens.push(m[0]); consumed += m[0].length;
      }
    }
    break;
  }
  return { tokens, end: from + consumed };
}

/** Skips header pieces (column labels, captions, the corner note) from `at`; a misspelt piece is noted. */
function skipHeaders(c: CompactText, at: number, to: number, headers: string[], notes: string[]): { end: number; count: number } {
  let p = at;
  let count = 0;
  for (let guard = 0; guard < 60 && p < to; guard++) {
    const exact = headers.find((h) => c.text.startsWith(h, p));
    if (exact) { p += exact.length; count++; continue; }
    let typo: string | null = null;
    for (const h of headers) {
      if (h.length < 5 || p + h.length > to) continue;
      const found = findOneTypo(c.text, h, p, p + h.length);
      if (found) { typo = h; notes.push(`表头“${found.typo}”与规定的“${h}”相差一字，按“${h}”读取`); break; }
    }
    if (!typo) break;
    p += typo.length;
    count++;
  }
  return { end: p, count };
}

/** Where the header text before a table's first row starts: the longest run of header pieces ending at `at`. */
function headerStartBefore(c: CompactText, at: number, lo: number, headers: string[]): number {
  const from = Math.max(lo, at - 400);
  const ok = new Uint8Array(at - from + 1);
  ok[at - from] = 1;
  let start = at;
  for (let j = at - 1; j >= from; j--) {
    for (const h of headers) {
      if (j + h.length <= at && ok[j + h.length - from] && c.text.startsWith(h, j)) { ok[j - from] = 1; start = j; break; }
    }
  }
  return start;
}

interface RowFound { pattern: RowPattern; match: Match; labelEnd: number }

/** Cells of a found row: its official label and its value tokens (a run of more tokens than columns is joined). */
function rowCells(c: CompactText, row: RowFound, valuesTo: number, notes: string[], tableName: string): { cells: string[]; end: number } {
  const { tokens, end } = readValueTokens(c, row.labelEnd, valuesTo);
  const n = row.pattern.block.columns.length;
  let values = tokens;
  if (tokens.length > n && tokens.every((t) => /^\d+$/.test(t))) {
    values = [tokens.join('')];
    notes.push(`表${tableName}“${row.pattern.official}”行数字间空格不规则（${tokens.length} 段，多于 ${n} 列），按连写数字拆分`);
  }
  if (values.length < n && values.some((t) => !/^\d+$/.test(t))) {
    // Fewer cells than columns and not all plain digits: which cell is which cannot be told.
    notes.push(`表${tableName}“${row.pattern.official}”行只有 ${values.length} 个数值（应为 ${n} 个），且不全是可拆分的数字，未按位置读取`);
    values = [values.join(' ')];
  }
  if (row.match.typo) notes.push(`表${tableName}行标签“${row.match.typo}”与规定的“${row.pattern.bodies[0]}”相差一字，按规定标签读取`);
  return { cells: [row.pattern.official, ...values], end };
}

/** Leftover text after a row's values that is neither a label piece nor empty: noted. */
function leftover(c: CompactText, from: number, to: number, patterns: TablePatterns, notes: string[]): void {
  if (to - from <= 0) return;
  const rest = normalizeLabel(c.text.slice(from, Math.min(to, from + 80)));
  if (!rest || isTableText(rest) || patterns.groups.includes(rest) || patterns.headers.includes(rest)) return;
  if (to - from > 40) return;
  notes.push(`表${patterns.table}中有无法识别的文字“${rest.slice(0, 30)}”，未读取`);
}

/** Table 三 (and any single-block table with row labels): rows in order, each within a gap of the last. */
function findRowTable(c: CompactText, patterns: TablePatterns, lo: number, hi: number): FoundSpan | null {
  const notes: string[] = [];
  const found: RowFound[] = [];
  let cursor = lo;
  patterns.rows.forEach((pattern, i) => {
    const to = found.length ? Math.min(hi, cursor + ROW_GAP) : hi;
    let match = findRow(c, pattern, cursor, to);
    // The first row must be followed by the next rows: a label quoted in the prose
    // (“本年新收政府信息公开申请数量为56件”) does not start the table.
    while (match && !found.length && !startsRow(c, match, patterns.rows.slice(i + 1, i + 4), hi)) {
      match = findRow(c, pattern, match.start + 1, to);
    }
    if (!match) return;
    const labelEnd = skipRemark(c.text, match.end);
    found.push({ pattern, match, labelEnd });
    cursor = labelEnd;
  });
  if (!found.length) return null;
  const rows: string[][] = [];
  let end = found[0]!.labelEnd;
  found.forEach((row, i) => {
    const next = found[i + 1]?.match.start ?? hi;
    const read = rowCells(c, row, next, notes, patterns.table);
    rows.push(read.cells);
    if (found[i + 1]) leftover(c, read.end, next, patterns, notes);
    end = read.end;
  });
  const start = headerStartBefore(c, found[0]!.match.start, lo, patterns.headers);
  return { table: patterns.table, start, end, rows, score: found.length, notes };
}

/**
 * Whether a label found is a table row: values follow it, or (a row without numbers) a next
 * row's label follows right after it; and one of the next rows' labels follows within a row gap.
 */
function startsRow(c: CompactText, match: Match, next: RowPattern[], hi: number): boolean {
  const end = skipRemark(c.text, match.end);
  const near = (to: number) => next.some((p) => findRow(c, p, end, Math.min(hi, to)) !== null);
  if (!next.length) return true;
  if (readValueTokens(c, end, Math.min(hi, end + 80)).tokens.length === 0) {
    // No numbers: only a next label (or a group label) right after it makes it a row.
    const right = next.some((p) => { const m = findRow(c, p, end, Math.min(hi, end + 60)); return m !== null && (m.start - end <= 2 || isTableText(normalizeLabel(c.text.slice(end, m.start)))); });
    if (!right) return false;
  }
  return near(end + ROW_GAP);
}

/** Table 二: per block, its caption, header and rows; local rows after the official ones kept. */
function findBlockTable(c: CompactText, patterns: TablePatterns, lo: number, hi: number): FoundSpan | null {
  const notes: string[] = [];
  const rows: string[][] = [];
  let cursor = lo;
  let start = -1;
  let end = lo;
  let score = 0;
  const captionAt = (captions: string[], from: number, to: number): Match | null => {
    let best: Match | null = null;
    // Exactly: a caption with one character changed is another item's caption (第（一）项, 第（五）项).
    for (const cap of captions) {
      const at = findExact(c.text, cap, from, to);
      if (at >= 0 && (!best || at < best.start)) best = { start: at, end: at + cap.length };
    }
    return best;
  };
  patterns.blocks.forEach((bp, b) => {
    const cap = captionAt(bp.captions, cursor, start < 0 ? hi : Math.min(hi, cursor + ROW_GAP));
    if (!cap && start < 0) return;
    let p = cursor;
    if (cap) {
      if (start < 0) start = cap.start;
      score++;
      rows.push([patterns.format.tables.find((t) => t.id === patterns.table)!.blocks[b]!.caption!]);
      p = cap.end;
    }
    const header = skipHeaders(c, p, hi, patterns.headers, notes);
    if (header.count) {
      const own = patterns.headers.filter((h) => patterns.ownHeaders.has(h) && findExact(c.text, h, p, header.end) >= 0).length;
      score += own;
      p = header.end;
      // The header as this format prints it: the engine maps another format's columns by their labels.
      rows.push([bp.block.rowHeader ?? '信息内容', ...bp.block.columns.map((col) => col.path[col.path.length - 1]!)]);
    }
    // The block ends where the next block's caption starts.
    const nextCaps = patterns.blocks.slice(b + 1).flatMap((x) => x.captions);
    const nextCap = nextCaps.length ? captionAt(nextCaps, p, Math.min(hi, p + ROW_GAP)) : null;
    const blockEnd = nextCap ? nextCap.start : Math.min(hi, p + ROW_GAP);
    const found: RowFound[] = [];
    let q = p;
    for (const pattern of bp.rows) {
      const match = findRow(c, pattern, q, blockEnd);
      if (!match) continue;
      const labelEnd = skipRemark(c.text, match.end);
      found.push({ pattern, match, labelEnd });
      q = labelEnd;
    }
    let last = p;
    found.forEach((row, i) => {
      const next = found[i + 1]?.match.start ?? blockEnd;
      const read = rowCells(c, row, next, notes, '二');
      rows.push(read.cells);
      last = read.end;
      if (!found[i + 1] && bp.block.allowsExtraRows) last = extraRows(c, read.end, blockEnd, bp.block.columns.length, rows);
      score++;
    });
    if (found.length || cap) { cursor = Math.max(last, p); end = cursor; }
  });
  if (start < 0) return null;
  return { table: patterns.table, start, end, rows, score, notes };
}

/** Local rows after a block's official rows (“行政确认 3 -1 12”): a short label followed by values. */
function extraRows(c: CompactText, from: number, to: number, columns: number, rows: string[][]): number {
  let p = from;
  for (let guard = 0; guard < 10; guard++) {
    const m = /^[\p{Script=Han}"()、]{2,20}?(?=[+-]?\d)/u.exec(c.text.slice(p, Math.min(to, p + 40)));
    if (!m || isTableText(normalizeLabel(m[0]))) break;
    const values = readValueTokens(c, p + m[0].length, to);
    // A local row has a short label and one value per column; anything else is prose after the table.
    if (values.tokens.length !== columns || m[0].length > 15) break;
    rows.push([originalSlice(c, p, p + m[0].length).trim(), ...values.tokens]);
    p = values.end;
  }
  return p;
}

/** Table 四: its header pieces (at least three), then its values. */
function findHeaderTable(c: CompactText, patterns: TablePatterns, lo: number, hi: number): FoundSpan | null {
  const notes: string[] = [];
  const firsts = patterns.headers.filter((h) => h.length >= 4);
  for (let p = lo; p < hi;) {
    let at = -1;
    for (const h of firsts) { const i = findExact(c.text, h, p, hi); if (i >= 0 && (at < 0 || i < at)) at = i; }
    if (at < 0) return null;
    const header = skipHeaders(c, at, hi, patterns.headers, notes);
    if (header.count >= 3) {
      const { tokens, end } = readValueTokens(c, header.end, hi);
      const n = patterns.blocks[0]!.block.columns.length;
      let values = tokens;
      if (tokens.length > n && tokens.every((t) => /^\d+$/.test(t))) {
        values = [tokens.join('')];
        notes.push(`表四数字间空格不规则（${tokens.length} 段，多于 ${n} 列），按连写数字拆分`);
      }
      if (!values.length) notes.push('表四只有表头，没有数值');
      // The groups of the header mark the rows as table 四's; the values are its single row.
      const rows = [patterns.format.tables.find((t) => t.id === patterns.table)!.blocks[0]!.columns[0]!.path.slice(0, 1)
        .concat(['行政诉讼'].filter((h) => patterns.headers.includes(h)))];
      if (values.length) rows.push(values);
      return { table: patterns.table, start: at, end, rows, score: header.count, notes };
    }
    p = at + 1;
  }
  return null;
}

/** The score of a reading that found every caption and row of the format. */
function fullScore(patterns: TablePatterns): number {
  return patterns.rows.length + patterns.blocks.filter((b) => b.captions.length).length;
}

/** The best reading of a table over every format's labels (the one that finds most of them). */
export function findTableSpan(c: CompactText, table: TableId, lo: number, hi: number, prefer: FormatDefinition | null): FoundSpan | null {
  let best: FoundSpan | null = null;
  // Newest format first: a reading that finds every label of its format needs no other.
  const formats = prefer ? [prefer, ...FORMATS.filter((f) => f !== prefer)] : [...FORMATS].sort((a, b) => b.years.from - a.years.from);
  for (const format of formats) {
    if (!format.tables.some((t) => t.id === table)) continue;
    const patterns = tablePatterns(format, table);
    const span = table === '四' ? findHeaderTable(c, patterns, lo, hi)
      : patterns.blocks.length > 1 || patterns.blocks[0]!.block.caption ? findBlockTable(c, patterns, lo, hi)
        : findRowTable(c, patterns, lo, hi);
    if (span && (!best || span.score > best.score)) best = span;
    if (table === '四' && best) break;
    // (Table 二 is always read with every format: its rows are alike, its columns are not.)
    if (table === '三' && span && span.score >= fullScore(patterns)) break;
  }
  return best;
}
