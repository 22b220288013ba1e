/**
 * Interchange JSON → report, validating everything and collecting every problem with its place
 * (field, cell index and labels). Nothing is accepted half-way: any problem throws.
 */
import { ValidationError, type ProblemDetail } from '../errors.js';
import type { BlockDef, ColumnDef, FormatDefinition, FormatId, SectionKey, TableId, ValueKind } from '../format/format-types.js';
import { formatCells, formatForYear, getFormat, type CellDef } from '../format/registry.js';
import { defaultTitle } from '../report/new-report.js';
import { PLACEHOLDERS, type CellValue, type ExtraRow, type ReportDocument } from '../report/report-model.js';
import { isValidDate } from '../report/dates.js';
import { INTERCHANGE_KIND } from './interchange-types.js';
import { normalizeLabel, showPath } from './labels.js';

const MAX_PROBLEMS = 50;
const KIND_NAMES: Record<ValueKind, string> = {
  count: '非负整数', signed: '整数（可为负数）', decimal: '非负数（可含小数）', amount: '非负金额',
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

class Problems {
  readonly list: ProblemDetail[] = [];
  add(message: string, place: ProblemDetail['place'] = {}) {
    if (this.list.length < MAX_PROBLEMS) this.list.push({ message, place });
  }
  throwIfAny(what: string) {
    if (this.list.length === 0) return;
    const first = this.list[0]!.message;
    const more = this.list.length > 1 ? `（共 ${this.list.length}${this.list.length >= MAX_PROBLEMS ? '+' : ''} 处问题）` : '';
    throw new ValidationError(`${what}有误：${first}${more}`, this.list[0]!.place, this.list);
  }
}

/** Checks one value against the kind of its cell; returns the value or records a problem. */
function readValue(raw: Obj, kind: ValueKind, where: string, index: number, problems: Problems): CellValue | undefined {
  const value = raw.value;
  const place = { field: `cells[${index}].value`, index };
  if (kind !== 'amount' && raw.unit !== undefined && raw.unit !== null) {
    problems.add(`${where}不是金额单元格，不能带单位`, { field: `cells[${index}].unit`, index });
    return undefined;
  }
  if (value === null) return null;
  if (value === undefined) {
    problems.add(`${where}缺少 value（空白单元格请写 null）`, place);
    return undefined;
  }
  if (typeof value === 'string') {
    if (PLACEHOLDERS.includes(value.trim())) return { written: value.trim() };
    problems.add(`${where}应为${KIND_NAMES[kind]}，实际为文字“${value.slice(0, 20)}”`, place);
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    problems.add(`${where}应为${KIND_NAMES[kind]}，实际为 ${JSON.stringify(value)?.slice(0, 20)}`, place);
    return undefined;
  }
  if ((kind === 'count' || kind === 'signed') && !Number.isInteger(value)) {
    problems.add(`${where}应为${KIND_NAMES[kind]}，不能为小数 ${value}`, place);
    return undefined;
  }
  if (kind !== 'signed' && value < 0) {
    problems.add(`${where}应为${KIND_NAMES[kind]}，不能为负数 ${value}`, place);
    return undefined;
  }
  if (kind === 'amount') {
    const unit = raw.unit ?? null;
    if (unit !== null && typeof unit !== 'string') {
      problems.add(`${where}的金额单位应为文字（如“万元”）`, { field: `cells[${index}].unit`, index });
      return undefined;
    }
    return { amount: value, unit: unit === null || unit === '' ? null : unit };
  }
  return value;
}

function indexCells(format: FormatDefinition) {
  const index = new Map<string, CellDef>();
  for (const cell of formatCells(format)) {
    index.set(`${cell.table}|${cell.rowPath.map(normalizeLabel).join('/')}|${cell.columnPath.map(normalizeLabel).join('/')}`, cell);
  }
  return index;
}

function findBlockForExtra(format: FormatDefinition, table: TableId, row: string[]): { block: BlockDef } | undefined {
  const def = format.tables.find((t) => t.id === table);
  if (!def || row.length !== 2) return undefined;
  const block = def.blocks.find((b) => b.caption && normalizeLabel(b.caption) === normalizeLabel(row[0]!));
  return block ? { block } : undefined;
}

/** Explains why a label path does not match, naming the nearest valid labels. */
function unknownLabelMessage(format: FormatDefinition, table: TableId, row: string[], column: string[]): string {
  const cells = formatCells(format).filter((c) => c.table === table);
  const rowOk = cells.some((c) => c.rowPath.map(normalizeLabel).join('/') === row.map(normalizeLabel).join('/'));
  if (!rowOk) {
    return `表${table}没有行“${showPath(row)}”（${format.id} 格式）；如为地方自设行，请加 "extra": true（仅表二）`;
  }
  const columns = [...new Set(cells.filter((c) => c.rowPath.map(normalizeLabel).join('/') === row.map(normalizeLabel).join('/')).map((c) => showPath(c.columnPath)))];
  return `表${table}行“${showPath(row)}”没有列“${showPath(column)}”（可用列：${columns.join('、')}）`;
}

function readSections(doc: Obj, format: FormatDefinition, problems: Problems): ReportDocument['sections'] {
  const raw = doc.sections ?? [];
  if (!Array.isArray(raw)) {
    problems.add('sections 应为数组', { field: 'sections' });
    return [];
  }
  const seen = new Set<string>();
  const sections: ReportDocument['sections'] = [];
  raw.forEach((s, i) => {
    const field = `sections[${i}]`;
    if (!isObj(s) || !format.sections.some((d) => d.key === s.key)) {
      problems.add(`${field} 应为章节对象，key 为 一 至 六 之一`, { field });
      return;
    }
    if (seen.has(s.key as string)) problems.add(`章节“${s.key}”重复`, { field });
    seen.add(s.key as string);
    const paragraphs = s.paragraphs ?? [];
    const parts = s.parts ?? [];
    if (!isStringArray(paragraphs)) problems.add(`${field}.paragraphs 应为文字段落数组`, { field: `${field}.paragraphs` });
    if (!Array.isArray(parts) || !parts.every((p) => isObj(p) && typeof p.heading === 'string' && isStringArray(p.paragraphs ?? []))) {
      problems.add(`${field}.parts 应为 { heading, paragraphs } 数组`, { field: `${field}.parts` });
    }
    const def = format.sections.find((d) => d.key === s.key)!;
    sections.push({
      key: s.key as SectionKey,
      heading: typeof s.heading === 'string' && s.heading.trim() ? s.heading : def.heading,
      paragraphs: isStringArray(paragraphs) ? paragraphs : [],
      parts: Array.isArray(parts)
        ? parts.filter(isObj).map((p) => ({ heading: String(p.heading ?? ''), paragraphs: isStringArray(p.paragraphs) ? p.paragraphs : [] }))
        : [],
    });
  });
  // Missing sections are kept as empty sections with the canonical heading, in format order.
  return format.sections.map((d) => sections.find((s) => s.key === d.key) ?? { key: d.key, heading: d.heading, paragraphs: [], parts: [] });
}

function readFormat(doc: Obj, problems: Problems): { format: FormatDefinition; year: number } | undefined {
  const year = doc.year;
  if (typeof year !== 'number' || !Number.isInteger(year)) {
    problems.add('year 应为年度（整数，如 2019）', { field: 'year' });
    return undefined;
  }
  try {
    const format = doc.format === undefined ? formatForYear(year) : getFormat(String(doc.format));
    if (doc.format === undefined || format.years.from > year) formatForYear(year);
    return { format, year };
  } catch (e) {
    problems.add((e as Error).message, { field: doc.format === undefined ? 'year' : 'format' });
    return undefined;
  }
}

/**
 * Validates an interchange document and returns the report. Throws a ValidationError listing
 * every problem (up to 50) with its place; nothing is returned half-valid.
 */
export function fromInterchange(input: unknown, what = '年度报告文件'): ReportDocument {
  const problems = new Problems();
  if (!isObj(input) || input.kind !== INTERCHANGE_KIND || !Array.isArray(input.cells)) {
    const hint = isObj(input) && input.kind !== undefined ? `（kind 为“${String(input.kind)}”）` : '';
    throw new ValidationError(`${what}不是年度报告交换格式${hint}：应为包含 "kind": "${INTERCHANGE_KIND}" 和 cells 数组的 JSON 对象`, { field: 'kind' });
  }
  const fy = readFormat(input, problems);
  const agency = input.agency;
  if (!isObj(agency) || typeof agency.name !== 'string' || !agency.name.trim()) {
    problems.add('agency.name 应为机关名称', { field: 'agency.name' });
  }
  const issuedOn = input.issuedOn ?? null;
  if (issuedOn !== null && (typeof issuedOn !== 'string' || !isValidDate(issuedOn))) {
    problems.add(`issuedOn 应为有效日期 YYYY-MM-DD，实际为 ${JSON.stringify(issuedOn)}`, { field: 'issuedOn' });
  }
  for (const field of ['title', 'signature'] as const) {
    if (input[field] !== undefined && input[field] !== null && typeof input[field] !== 'string') {
      problems.add(`${field} 应为文字`, { field });
    }
  }
  const preamble = input.preamble ?? [];
  if (!isStringArray(preamble)) problems.add('preamble 应为文字段落数组', { field: 'preamble' });
  if (!fy) {
    problems.throwIfAny(what);
    throw new ValidationError(`${what}有误`);
  }
  const { format, year } = fy;
  const sections = readSections(input, format, problems);
  const index = indexCells(format);
  const cells: Record<string, CellValue> = {};
  for (const cell of formatCells(format)) cells[cell.key] = null;
  const seen = new Map<string, number>();
  const extraRows = new Map<string, ExtraRow>();
  (input.cells as unknown[]).forEach((raw, i) => {
    const place = { field: `cells[${i}]`, index: i };
    if (!isObj(raw) || !['二', '三', '四'].includes(raw.table as string) || !isStringArray(raw.row) || !isStringArray(raw.column)) {
      problems.add(`cells[${i}] 应为 { table: "二"|"三"|"四", row: [标签…], column: [标签…], value } 对象`, place);
      return;
    }
    const table = raw.table as TableId;
    const id = `${table}|${raw.row.map(normalizeLabel).join('/')}|${raw.column.map(normalizeLabel).join('/')}`;
    const cellPlace = { ...place, cell: { table, row: raw.row, column: raw.column } };
    const where = `表${table}“${showPath(raw.row)}”行“${showPath(raw.column)}”列`;
    if (seen.has(id)) {
      problems.add(`${where}重复出现（cells[${seen.get(id)}] 与 cells[${i}]）`, cellPlace);
      return;
    }
    seen.set(id, i);
    const def = index.get(id);
    if (def && raw.extra !== true) {
      const value = readValue(raw, def.kind, where, i, problems);
      if (value !== undefined) cells[def.key] = value;
      return;
    }
    const extra = raw.extra === true ? findBlockForExtra(format, table, raw.row) : undefined;
    if (raw.extra === true && def) {
      problems.add(`${where}是格式中已有的行，不应标记为 extra`, cellPlace);
    } else if (extra && extra.block.allowsExtraRows) {
      const wanted = (raw.column as string[]).map(normalizeLabel).join('/');
      const column = extra.block.columns.find((c: ColumnDef) => c.path.map(normalizeLabel).join('/') === wanted);
      if (!column) {
        problems.add(`${where}：${extra.block.caption}没有该列（可用列：${extra.block.columns.map((c) => c.path.join(' › ')).join('、')}）`, cellPlace);
        return;
      }
      const label = raw.row[1]!.trim();
      const key = `${extra.block.key}|${normalizeLabel(label)}`;
      const row = extraRows.get(key) ?? { table, block: extra.block.key, label, values: {} };
      extraRows.set(key, row);
      const value = readValue(raw, column.kind, where, i, problems);
      if (value !== undefined) row.values[column.key] = value;
    } else if (raw.extra === true) {
      problems.add(`${where}：地方自设行只能加在表二的某一项（row 为 [“第二十条第（X）项”, 行名]）`, cellPlace);
    } else {
      problems.add(unknownLabelMessage(format, table, raw.row, raw.column), cellPlace);
    }
  });
  problems.throwIfAny(what);
  const agencyName = (agency as Obj).name as string;
  return {
    format: format.id as FormatId,
    agency: { name: agencyName.trim() },
    year,
    title: typeof input.title === 'string' && input.title.trim() ? input.title : defaultTitle(agencyName, year),
    issuedOn: issuedOn as string | null,
    preamble: preamble as string[],
    sections,
    signature: typeof input.signature === 'string' ? input.signature : null,
    cells,
    extraRows: [...extraRows.values()].map((row) => {
      const block = format.tables.flatMap((t) => t.blocks).find((b) => b.key === row.block)!;
      return { ...row, values: Object.fromEntries(block.columns.map((c) => [c.key, row.values[c.key] ?? null])) };
    }),
  };
}
