/**
 * The readable summary `gongkai report parse` prints: what the file is and why the format was
 * chosen, the report's agency, year and date, how well each table was read, every cell that could
 * not be read with its place (ambiguous run-together rows with their candidate splits), the
 * placeholders kept as written, the reader's notes, then the check summary as `report check`
 * prints it.
 */
import { formatLabel } from '../audit/audit-columns.js';
import { getFormat } from '../core/format/registry.js';
import type { CellReading, ParseResult } from '../core/parse/parse-types.js';
import { SOURCE_TYPE_NAMES } from '../parse/parse-file.js';
import { cellLabel, cellReadingDetail, describeSourcePlace } from '../parse/parse-summary.js';
import { formatCheckSummary } from './check-summary.js';
import { formatTable } from './text-table.js';

/** Items listed one by one before the rest are counted. */
const MAX_LISTED = 20;
/** Format-detection evidence lines shown. */
const MAX_EVIDENCE = 6;

const percent = (v: number) => `${Math.round(v * 100)}%`;

function listed<T>(items: readonly T[], line: (item: T) => string, max = MAX_LISTED): string[] {
  const lines = items.slice(0, max).map(line);
  if (items.length > max) lines.push(`  ……另有 ${items.length - max} 项未列出（用 --json 查看全部）`);
  return lines;
}

function placeOf(cell: CellReading, verb = '读自'): string {
  const where = describeSourcePlace(cell.where);
  return where ? `（${verb}${where}）` : '';
}

/** Ambiguous cells grouped by their row: one line per row with the candidate splits. */
function ambiguousLines(cells: readonly CellReading[]): string[] {
  const rows = new Map<string, CellReading[]>();
  for (const c of cells) {
    const key = `${c.table}|${c.row.join('›')}|${JSON.stringify(c.candidates ?? [])}`;
    rows.set(key, [...(rows.get(key) ?? []), c]);
  }
  return listed([...rows.values()], (group) => {
    const first = group[0]!;
    const row = first.row.length ? `表${first.table}“${first.row.join(' › ')}”行` : `表${first.table}`;
    const columns = group.map((c) => c.column.at(-1)).join('、');
    return `  · ${row}${placeOf(first)}，${group.length} 个单元格（${columns}）：${cellReadingDetail(first)}`;
  });
}

/** Missing cells summarised per table (a whole table may be missing), then the first few listed. */
function missingLines(cells: readonly CellReading[]): string[] {
  const perTable = new Map<string, number>();
  for (const c of cells) perTable.set(c.table, (perTable.get(c.table) ?? 0) + 1);
  const head = `  共 ${cells.length} 个（${[...perTable].map(([t, n]) => `表${t} ${n} 个`).join('，')}），按空白处理：`;
  return [head, ...listed(cells, (c) => `  · ${cellLabel(c)}${placeOf(c, '约在')}${c.note ? `：${c.note}` : ''}`, 10)];
}

/** The heading lines: file, type, format and its evidence, agency, year, date. */
function headingLines(result: ParseResult, file: string): string[] {
  const lines = [`读取：${file}`];
  const typeNote = result.notes.find((n) => n.startsWith('文件类型：'));
  if (typeNote) lines.push(typeNote);
  else if (result.sourceType) lines.push(`文件类型：${SOURCE_TYPE_NAMES[result.sourceType]}`);
  if (result.format) {
    const format = getFormat(result.format);
    lines.push(`格式：${formatLabel(format.id)}，即《${format.name}》（${format.document}），判断置信度 ${percent(result.detection.confidence)}，依据：`);
    lines.push(...listed(result.detection.evidence, (e) => `  · ${e}`, MAX_EVIDENCE));
  }
  const report = result.report;
  if (report) {
    lines.push(`标题：${report.title}`);
    lines.push(`机关：${report.agency.name || '（未找到）'}`);
    lines.push(`年度：${report.year}`);
    lines.push(`成文日期：${report.issuedOn ?? '（未找到）'}`);
    if (report.signature) lines.push(`落款：${report.signature}`);
  }
  return lines;
}

/** The table of statistical tables: found, cells read over expected, confidence, notes. */
function tablesLines(result: ParseResult): string[] {
  const rows = result.tables.map((t) => [
    `表${t.table}`, t.found ? '已找到' : '未找到', `${t.cellsRead}/${t.cellsExpected}`, percent(t.confidence), t.notes.join('；'),
  ]);
  const table = formatTable([
    { header: '统计表' }, { header: '读取' }, { header: '已读/应读', align: 'right' }, { header: '置信度', align: 'right' }, { header: '说明' },
  ], rows);
  return ['统计表读取情况：', ...table.split('\n').map((l) => `  ${l}`)];
}

/** Renders the whole summary (without a trailing newline). */
export function formatParseSummary(result: ParseResult, file: string): string {
  const lines = headingLines(result, file);
  if (result.error || !result.report) {
    lines.push('', `无法作为年度报告读取：${result.error ?? '未知原因'}`);
    const notes = result.notes.filter((n) => !n.startsWith('文件类型：') && n !== result.error);
    if (notes.length) lines.push('说明：', ...listed(notes, (n) => `  · ${n}`));
    return lines.join('\n');
  }
  lines.push('', ...tablesLines(result));
  const by = (status: CellReading['status']) => result.cells.filter((c) => c.status === status);
  const unreadable = by('unreadable');
  const ambiguous = by('ambiguous');
  const missing = by('missing');
  const recovered = by('recovered');
  const placeholders = by('placeholder');
  const blanks = by('blank').length;
  lines.push('', `单元格：读取 ${by('read').length + recovered.length} 个，空白 ${blanks} 个，符号 ${placeholders.length} 个，`
    + `无法识别 ${unreadable.length} 个，有多种拆分 ${ambiguous.length} 个，未找到 ${missing.length} 个。`);
  if (unreadable.length) {
    lines.push('', `无法识别为数字的单元格（${unreadable.length} 个，按空白处理）：`);
    lines.push(...listed(unreadable, (c) => `  · ${cellLabel(c)}${placeOf(c)}：${cellReadingDetail(c) || '内容无法识别'}`));
  }
  if (ambiguous.length) {
    lines.push('', `连在一起的数字有多种拆分、无法确定的单元格（${ambiguous.length} 个，按空白处理，请对照原文）：`, ...ambiguousLines(ambiguous));
  }
  if (missing.length) lines.push('', '未找到的单元格：', ...missingLines(missing));
  if (recovered.length) {
    lines.push('', `由连在一起的数字按表内合计唯一拆分得出的单元格（${recovered.length} 个）：`);
    lines.push(...listed(recovered, (c) => `  · ${cellLabel(c)}${placeOf(c)}：${String(c.value)}${c.raw ? `（原文“${c.raw.trim()}”）` : ''}`, 10));
  }
  if (placeholders.length) {
    lines.push('', `按原文保留的符号（${placeholders.length} 个，不计入合计）：`);
    lines.push(...listed(placeholders, (c) => `  · ${cellLabel(c)}${placeOf(c)}：“${c.raw?.trim() ?? ''}”`, 10));
  }
  if (result.narrative.length) {
    const titles = new Map(getFormat(result.report.format).narrative.map((f) => [f.id, f.title]));
    lines.push('', `正文中的数字（${result.narrative.length} 项，用于核对正文与表格是否一致）：`);
    lines.push(...listed(result.narrative, (n) => {
      const sentence = n.sentence.length > 50 ? `${n.sentence.slice(0, 50)}……` : n.sentence;
      return `  · ${titles.get(n.figureId) ?? n.figureId}：${n.value}（“${sentence}”）`;
    }, 10));
  }
  const notes = result.notes.filter((n) => !n.startsWith('文件类型：'));
  if (notes.length) lines.push('', '读取说明：', ...listed(notes, (n) => `  · ${n}`));
  if (result.checks) lines.push('', formatCheckSummary(result.checks, ['勾稽关系检查：']));
  return lines.join('\n');
}
