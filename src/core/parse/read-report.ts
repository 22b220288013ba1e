/**
 * The shared report-reading engine: from a SourceDocument (what the TXT, HTML, DOCX and PDF readers
 * produce) to the report in the model, with where every cell was read, a confidence per table,
 * the figures the prose states and the checks (条例 Art. 50 content; 勾稽关系 of the national
 * formats). Pure: no file system, database or clock. Never throws for a bad document: a document
 * that is not a report gives a ParseResult with `error`.
 */
import { checkReport } from '../checks/check-report.js';
import { extractNarrativeFigures } from '../checks/narrative.js';
import type { FormatDefinition, SectionKey, TableId } from '../format/format-types.js';
import { getFormat } from '../format/registry.js';
import type { CellValue, ReportDocument, ReportSection } from '../report/report-model.js';
import { defaultTitle } from '../report/new-report.js';
import { detectFormat } from './detect-format.js';
import type { CellReading, ParseResult, ReadReportOptions, ReportSource, TableReading } from './parse-types.js';
import { prepareBlocks } from './prepare-blocks.js';
import { lookAlike } from './report-kind.js';
import { readStructure, type Structure } from './read-sections.js';
import type { SourceDocument } from './source-types.js';
import { tableCells } from './table-cells.js';
import { findRows2, findRows3, findRows4, type FoundTable } from './table-rows.js';
import { tableStreams, type StreamItem } from './table-stream.js';

const NOT_A_REPORT = '未识别出政府信息公开工作年度报告：';
const HAN = /\p{Script=Han}/u;
const FINDERS: Record<TableId, (format: FormatDefinition, items: StreamItem[]) => FoundTable> = {
  二: findRows2, 三: findRows3, 四: findRows4,
};

/** A ParseResult for a document that could not be read as a report. */
export function failedResult(source: SourceDocument | null, error: string, options: ReadReportOptions = {}): ParseResult {
  return {
    ...(options.fileName !== undefined ? { fileName: options.fileName } : {}),
    sourceType: source?.type ?? null, error, format: null, detection: { evidence: [], confidence: 0 },
    report: null, cells: [], tables: [], narrative: [], checks: null, notes: [...(source?.notes ?? [])],
  };
}

/**
 * Reads a report from a source document: title, agency, year, date of issue, signature,
 * preamble, the six sections with their parts, the format (from the table labels, else the
 * year), every cell of the format's tables (missing ones marked), local rows, narrative figures
 * and checks.
 */
export function readReport(source: SourceDocument, options: ReadReportOptions = {}): ParseResult {
  try {
    return read(source, options);
  } catch (error) {
    // A batch must go on: an unexpected failure on one document is that document's error.
    return failedResult(source, `读取年度报告时出错：${error instanceof Error ? error.message : String(error)}`, options);
  }
}

function read(original: SourceDocument, options: ReadReportOptions): ParseResult {
  if (!hasHan(original)) {
    const kind = lookAlike(firstText(original));
    return failedResult(original, `${NOT_A_REPORT}文件中没有中文内容（年度报告应为中文）${kind ? `，看起来是${kind}` : ''}`, options);
  }
  const prepared = prepareBlocks(original.blocks);
  const source: SourceDocument = { ...original, blocks: prepared.blocks, notes: [...original.notes, ...prepared.notes] };
  const withSource = (result: ParseResult): ParseResult => ({ ...result, source: prepared.source });
  const structure = readStructure(source.blocks);
  const streams = tableStreams(source.blocks, structure);
  const notes = [...source.notes, ...structure.notes, ...streams.notes];
  const year = structure.year ?? yearFromText(structure, notes) ?? yearFromSource(prepared.source, notes);
  const detection = detectFormat(streams.texts, year);
  const hasTables = [...streams.streams.values()].some((items) => items.some((i) => i.kind === 'row'));
  const kind = hasTables ? null : lookAlike(`${prepared.source?.title ?? ''}\n${firstText(source)}`);
  if (kind) {
    return withSource(failedResult(source, `${NOT_A_REPORT}文件看起来是${kind}，不是政府信息公开工作年度报告（未找到统计表）`, options));
  }
  if (!hasTables && structure.found.size < 3) {
    return withSource(failedResult(source, `${NOT_A_REPORT}未找到统计表，也未找到年度报告的各部分标题`, options));
  }
  if (!detection.format) {
    return withSource({ ...failedResult(source, `${NOT_A_REPORT}无法判断报告格式（统计表标签不足，也未找到报告年度）`, options), detection });
  }
  const format = getFormat(detection.format);

  const cells: CellReading[] = [];
  const tables: TableReading[] = [];
  const report = emptyReport(format, structure, year, notes, prepared.source);
  let rowsFound = 0;
  for (const def of format.tables) {
    const items = streams.streams.get(def.id);
    const found = items ? FINDERS[def.id](format, items) : null;
    const table = tableCells(format, def.id, found, streams.firstAt.get(def.id));
    if (!table.reading.found) table.reading.notes.unshift(`未找到表${def.id}`);
    for (const c of table.cells) report.cells[c.key] = c.value;
    report.extraRows.push(...table.extraRows);
    cells.push(...table.cells, ...table.extraCells);
    tables.push(table.reading);
    rowsFound += found?.rows.filter((r) => r.row).length ?? 0;
  }
  if (structure.found.size < 3 && !structure.title && rowsFound < 3) {
    return withSource({ ...failedResult(source, `${NOT_A_REPORT}未找到报告标题和各部分标题，统计表只读到 ${rowsFound} 行`, options), detection });
  }

  const checks = checkReport(report);
  const narrative = extractNarrativeFigures(report).map((f) => ({
    figureId: f.figureId, value: f.value, sentence: f.sentence, section: f.section,
  }));
  return {
    ...(options.fileName !== undefined ? { fileName: options.fileName } : {}),
    sourceType: source.type, error: null, format: format.id, detection, report, cells, tables, narrative, checks, notes,
    source: prepared.source,
  };
}

/** The opening text of a document (its first paragraphs, at most 3,000 characters), for telling what it is. */
function firstText(source: SourceDocument): string {
  let text = '';
  for (const block of source.blocks) {
    if (block.kind === 'paragraph') text += `${block.text.slice(0, 3000)}\n`;
    if (text.length >= 3000) break;
  }
  return text.slice(0, 3000);
}

/** The report year from the page's title when the body says none. */
function yearFromSource(source: ReportSource | null, notes: string[]): number | null {
  const m = source?.title ? /((?:19|20)\d{2})\s*年/.exec(source.title) : null;
  if (!m) return null;
  notes.push(`正文中未找到年度，按网页标题取 ${m[1]} 年`);
  return Number(m[1]);
}

function hasHan(source: SourceDocument): boolean {
  for (const block of source.blocks) {
    if (block.kind === 'paragraph') { if (HAN.test(block.text)) return true; continue; }
    for (const row of block.table.rows) for (const cell of row) if (HAN.test(cell.text)) return true;
  }
  return false;
}

/** The report year when the title has none: the statistical period, else the year before the date of issue. */
function yearFromText(structure: Structure, notes: string[]): number | null {
  for (const p of structure.preamble) {
    const m = /统计(?:期限|时限|期间|时间)?[^。]{0,8}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日/.exec(p);
    if (m) { notes.push(`标题中未找到年度，按统计期限取 ${m[1]} 年`); return Number(m[1]); }
  }
  if (structure.issuedOn) {
    const year = Number(structure.issuedOn.slice(0, 4)) - 1;
    notes.push(`标题中未找到年度，按成文日期取上一年 ${year} 年`);
    return year;
  }
  return null;
}

/** The report shell: prose from the structure, every cell blank until the tables are read. */
function emptyReport(format: FormatDefinition, structure: Structure, year: number | null, notes: string[], source: ReportSource | null): ReportDocument {
  const reportYear = year ?? format.years.from;
  if (year === null) notes.push(`未找到报告年度，暂按 ${reportYear} 年`);
  const agency = structure.agency ?? structure.signature ?? source?.publisher ?? '';
  if (!structure.agency) {
    notes.push(structure.signature ? '标题中未找到机关名称，按落款取机关名称'
      : source?.publisher ? '标题和落款中未找到机关名称，按网页的发布机构取机关名称' : '未找到机关名称');
  }
  if (!structure.title) notes.push('未找到报告标题');
  if (!structure.issuedOn) notes.push('未找到成文日期');
  const sections: ReportSection[] = format.sections.map((def) => {
    const found = structure.sections.find((s) => s.key === def.key);
    if (!found) notes.push(`未找到第${def.key}部分标题“${def.heading}”`);
    return found ?? { key: def.key as SectionKey, heading: def.heading, paragraphs: [], parts: [] };
  });
  const cells: Record<string, CellValue> = {};
  return {
    format: format.id,
    agency: { name: agency },
    year: reportYear,
    title: structure.title ?? (agency ? defaultTitle(agency, reportYear) : `${reportYear}年政府信息公开工作年度报告`),
    issuedOn: structure.issuedOn,
    preamble: structure.preamble,
    sections,
    signature: structure.signature,
    cells,
    extraRows: [],
  };
}
