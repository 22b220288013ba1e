/**
 * Which national format a published report follows (2019 trial format, 国办公开办函〔2019〕60号, or
 * the 2021 format, 国办公开办函〔2021〕30号), from the labels its tables use. The distinguishing
 * labels are derived from the format definitions: labels one format has and the others lack
 * (本年新制作数量 / 本年制发件数 …), and labels that are a row in one format but a group over
 * sub-rows in another (2019 （六）其他处理 vs the three 2021 （六） rows). When the labels do not
 * decide, the report year's default format is used (条例 Art. 50: a unified national format).
 */
import type { FormatDefinition, FormatId } from '../format/format-types.js';
import { FORMATS, formatForYear } from '../format/registry.js';
import { markerOf } from './label-index.js';
import { normalizeLabel } from './normalize-label.js';

/** The outcome of format detection. */
export interface Detection {
  format: FormatId | null;
  evidence: string[];
  confidence: number;
}

interface Clue {
  format: FormatDefinition;
  /** Normalized label to look for. */
  label: string;
  /** Official text, for the evidence. */
  text: string;
  /** For a row label that is a group in another format: sub-row labels whose presence cancels the clue. */
  unless?: string[];
}

const ALIAS: Record<string, string> = { 行政规范性文件: '规范性文件' };
const key = (label: string) => ALIAS[label] ?? label;

let clueCache: Clue[] | null = null;

/** The distinguishing labels of every format, derived from the definitions once. */
export function formatClues(): Clue[] {
  if (clueCache) return clueCache;
  const labels = new Map<FormatDefinition, Map<string, string>>();
  const leaves = new Map<FormatDefinition, Set<string>>();
  const children = new Map<FormatDefinition, Map<string, string[]>>();
  for (const format of FORMATS) {
    const all = new Map<string, string>();
    const leafSet = new Set<string>();
    const groups = new Map<string, string[]>();
    for (const table of format.tables) {
      for (const block of table.blocks) {
        if (block.caption) all.set(key(normalizeLabel(block.caption)), block.caption);
        for (const column of block.columns) for (const l of column.path) all.set(key(normalizeLabel(l)), l);
        for (const row of block.rows) {
          row.path.forEach((l, i) => {
            const n = key(normalizeLabel(l));
            all.set(n, l);
            if (i === row.path.length - 1) leafSet.add(n);
            else groups.set(n, [...(groups.get(n) ?? []), normalizeLabel(row.path[row.path.length - 1]!)]);
          });
        }
      }
    }
    labels.set(format, all);
    leaves.set(format, leafSet);
    children.set(format, groups);
  }
  const clues: Clue[] = [];
  for (const format of FORMATS) {
    const others = FORMATS.filter((f) => f !== format);
    for (const [label, text] of labels.get(format)!) {
      if (others.every((o) => !labels.get(o)!.has(label))) clues.push({ format, label, text });
      else if (leaves.get(format)!.has(label)) {
        const groupIn = others.filter((o) => children.get(o)!.has(label));
        if (groupIn.length) clues.push({ format, label, text, unless: groupIn.flatMap((o) => children.get(o)!.get(label)!) });
      }
    }
  }
  clueCache = clues;
  return clues;
}

function formatName(format: FormatDefinition): string {
  return `${format.id} 格式（${format.document}）`;
}

/**
 * Detects the format from the normalized texts of the report's table cells (and table header
 * lines), falling back to the report year. A missing table is fine: any distinguishing label decides.
 */
export function detectFormat(texts: ReadonlySet<string>, year: number | null): Detection {
  const has = (label: string) => texts.has(label) || (label === '规范性文件' && texts.has('行政规范性文件'));
  const hits = new Map<FormatDefinition, string[]>();
  const table3 = new Set<FormatDefinition>();
  for (const clue of formatClues()) {
    if (!has(clue.label) && !endsWithAny(texts, clue.label)) continue;
    if (clue.unless && clue.unless.some((l) => has(l) || endsWithAny(texts, l))) continue;
    if (markerOf(clue.label) === '三') table3.add(clue.format);
    const list = hits.get(clue.format) ?? [];
    list.push(clue.unless
      ? `表中“${clue.text}”为单独一行，下无分项（${formatName(clue.format)}）`
      : `表中有“${clue.text}”（${formatName(clue.format)}的标签）`);
    hits.set(clue.format, list);
  }
  const ranked = [...hits.entries()].sort((a, b) => b[1].length - a[1].length);
  const yearFormat = year === null ? null : safeFormatForYear(year);
  const evidence = ranked.flatMap(([, list]) => list);
  if (ranked.length > 1 && table3.size === 1) {
    // Table 三 shows the format the report follows; table 二 may keep an older format's columns.
    const format = [...table3][0]!;
    evidence.push(`表三为 ${format.id} 格式，表二沿用了另一格式的栏目，按表三判定为 ${format.id} 格式`);
    return { format: format.id, evidence, confidence: 0.7 };
  }
  if (ranked.length && (ranked.length === 1 || ranked[0]![1].length > ranked[1]![1].length)) {
    const [format, list] = ranked[0]!;
    const total = ranked.reduce((s, [, l]) => s + l.length, 0);
    let confidence = Math.min(1, 0.7 + 0.1 * list.length) * (list.length / total);
    if (ranked.length > 1) evidence.push(`两种格式的标签均有出现，按较多的一方判定为 ${format.id} 格式`);
    if (yearFormat && yearFormat !== format) {
      evidence.push(`报告年度 ${year} 年默认使用 ${yearFormat.id} 格式，但表格标签表明使用 ${format.id} 格式`);
      confidence *= 0.9;
    }
    return { format: format.id, evidence, confidence: round(confidence) };
  }
  if (yearFormat) {
    evidence.push(ranked.length
      ? `两种格式的标签同样多，按报告年度 ${year} 年采用 ${formatName(yearFormat)}`
      : `统计表中没有区分格式的标签，按报告年度 ${year} 年采用 ${formatName(yearFormat)}`);
    return { format: yearFormat.id, evidence, confidence: 0.4 };
  }
  evidence.push('统计表中没有区分格式的标签，也未找到报告年度');
  return { format: null, evidence, confidence: 0 };
}

function endsWithAny(texts: ReadonlySet<string>, label: string): boolean {
  if (label.length < 4) return false;
  for (const t of texts) if (t.length > label.length && t.endsWith(label)) return true;
  return false;
}

function safeFormatForYear(year: number): FormatDefinition | null {
  try {
    return formatForYear(year);
  } catch {
    return null;
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
