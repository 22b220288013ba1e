/**
 * Rule 10 (soft): figures the prose states (“收到政府信息公开申请N件”, “行政复议N件”, “结转下年度N件”)
 * must match the table cells. The patterns are data in the format (format.narrative); this file
 * finds them sentence by sentence and compares each figure with the sum of its cells.
 */
import type { FormatDefinition, SectionKey } from '../format/format-types.js';
import { getFormat } from '../format/registry.js';
import { numericValue, type ReportDocument } from '../report/report-model.js';
import { evidence, formatNumber, requireCell, shortName, valueText, type CheckResult } from './check-types.js';
import { parseFigure } from './chinese-numerals.js';
import { blankNote } from './equation-checks.js';

/** A figure stated in the prose. */
export interface NarrativeFigureFound {
  figureId: string;
  value: number;
  /** The sentence (delimited by 。 or ；) that states it. */
  sentence: string;
  section: SectionKey | 'preamble';
  partHeading?: string;
}

interface CompiledFigure {
  id: string;
  patterns: Array<{ re: RegExp; zero: boolean }>;
}

const compiled = new WeakMap<FormatDefinition, CompiledFigure[]>();

/** Compiles the format's narrative patterns once per format. */
function compile(format: FormatDefinition): CompiledFigure[] {
  let figures = compiled.get(format);
  if (!figures) {
    figures = format.narrative.map((f) => ({
      id: f.id,
      patterns: f.patterns.map((p) => ({ re: new RegExp(p.source, 'u'), zero: p.zero === true })),
    }));
    compiled.set(format, figures);
  }
  return figures;
}

const SENTENCE_END = /[。；;！？!?\n]/;

/** The sentences of a paragraph, without their delimiter. */
function sentences(paragraph: string): string[] {
  return paragraph.split(SENTENCE_END).map((s) => s.trim()).filter(Boolean);
}

/** The value a sentence states for a figure: the first pattern that matches with a readable number. */
function readFigure(figure: CompiledFigure, sentence: string): number | null {
  for (const p of figure.patterns) {
    const m = p.re.exec(sentence);
    if (!m) continue;
    if (p.zero) return 0;
    const n = m[1] === undefined ? null : parseFigure(m[1]);
    if (n !== null) return n;
  }
  return null;
}

/**
 * Finds the figures the preamble and the six sections state, in reading order. A sentence yields
 * each figure at most once; the same figure stated in several sentences is returned each time.
 */
export function extractNarrativeFigures(report: ReportDocument): NarrativeFigureFound[] {
  const figures = compile(getFormat(report.format));
  const found: NarrativeFigureFound[] = [];
  const scan = (paragraphs: string[], section: SectionKey | 'preamble', partHeading?: string) => {
    for (const paragraph of paragraphs) {
      for (const sentence of sentences(paragraph)) {
        for (const figure of figures) {
          const value = readFigure(figure, sentence);
          if (value === null) continue;
          const f: NarrativeFigureFound = { figureId: figure.id, value, sentence, section };
          if (partHeading !== undefined) f.partHeading = partHeading;
          found.push(f);
        }
      }
    }
  };
  scan(report.preamble, 'preamble');
  for (const section of report.sections) {
    scan(section.paragraphs, section.key);
    for (const part of section.parts) scan(part.paragraphs, section.key, part.heading);
  }
  return found;
}

function where(report: ReportDocument, f: NarrativeFigureFound): string {
  if (f.section === 'preamble') return '报告开头';
  const heading = report.sections.find((s) => s.key === f.section)?.heading ?? `第${f.section}部分`;
  return f.partHeading ? `“${heading}”的“${f.partHeading}”` : `“${heading}”`;
}

/** Rule 10: each stated figure against the sum of its cells (blank cells named in the message). */
export function narrativeResults(report: ReportDocument, format: FormatDefinition): CheckResult[] {
  const defs = new Map(format.narrative.map((f) => [f.id, f]));
  const seen = new Map<string, number>();
  return extractNarrativeFigures(report).flatMap((found): CheckResult[] => {
    const figure = defs.get(found.figureId);
    if (!figure) return [];
    const nth = (seen.get(found.figureId) ?? 0) + 1;
    seen.set(found.figureId, nth);
    const cellDefs = figure.cells.map((k) => requireCell(format, k));
    const values = cellDefs.map((d) => report.cells[d.key]);
    const sum = values.reduce<number>((s, v) => s + (numericValue(v) ?? 0), 0);
    const pass = Math.abs(sum - found.value) < 1e-6;
    const names = cellDefs.map((d) => `表${d.table}“${shortName(d)}”`).join(' + ');
    const numbers = values.map(valueText).join(' + ');
    const note = blankNote(cellDefs.map((d, i) => ({ name: `表${d.table}“${shortName(d)}”`, value: values[i] })));
    const stated = `${where(report, found)}写明“${found.sentence}”，即 ${formatNumber(found.value)}`;
    const message = pass
      ? `${stated}，与表格一致。${note}`
      : `${stated}，而${names}为 ${formatNumber(sum)}，两者不一致。${note}`;
    return [{
      id: nth === 1 ? `narrative:${found.figureId}` : `narrative:${found.figureId}#${nth}`,
      ruleId: 'narrative', severity: 'warning', status: pass ? 'pass' : 'fail', title: figure.title,
      expression: `正文所述 = ${names}：${formatNumber(found.value)} ${pass ? '=' : '≠'} ${numbers}`,
      equation: `正文所述 = ${names}`, values: `${formatNumber(found.value)} ${pass ? '=' : '≠'} ${numbers}`,
      left: found.value, right: Number(sum.toFixed(6)), message,
      cells: cellDefs.map((d, i) => evidence(d, values[i], 'current', 'right')),
    }];
  });
}
