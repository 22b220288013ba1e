/**
 * Validation and normalisation of a report document before it is stored: known format, a year
 * with a national format, every cell of the format present (blank = null), values of the right
 * kind. Stored documents are always in this normal form, so versions compare cell by cell.
 */
import { ValidationError } from '../core/errors.js';
import { cellDef, formatForYear, getFormat } from '../core/format/registry.js';
import { fromInterchange } from '../core/interchange/from-interchange.js';
import { toInterchange } from '../core/interchange/to-interchange.js';
import type { CellValue, ReportDocument } from '../core/report/report-model.js';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a value has one of the four cell shapes (null, number, {amount, unit}, {written}). */
function isCellShape(v: unknown): v is CellValue {
  if (v === null || (typeof v === 'number' && Number.isFinite(v))) return true;
  if (!isObj(v)) return false;
  if ('amount' in v) return typeof v.amount === 'number' && Number.isFinite(v.amount) && (v.unit === null || typeof v.unit === 'string');
  return typeof v.written === 'string';
}

/**
 * Returns the normal form of `doc` for storage under `agencyName` (the stored agency's name
 * replaces the document's, keeping the two in sync). With `year`, the document must be of that
 * year. Throws ValidationError naming the problem; the input is never modified.
 */
export function normalizeDocument(doc: unknown, agencyName: string, year?: number): ReportDocument {
  if (!isObj(doc) || !isObj(doc.cells)) throw new ValidationError('年度报告内容应为包含 cells 的对象', { field: 'document' });
  if (typeof doc.year !== 'number' || !Number.isInteger(doc.year)) {
    throw new ValidationError('年度报告的年度应为整数（如 2019）', { field: 'year' });
  }
  if (year !== undefined && doc.year !== year) {
    throw new ValidationError(`年度报告的年度不能修改：本报告为 ${year} 年度，提交的内容为 ${doc.year} 年度`, { field: 'year' });
  }
  formatForYear(doc.year);
  const format = getFormat(String(doc.format));
  const unknown = Object.keys(doc.cells).filter((key) => !cellDef(format, key));
  if (unknown.length > 0) {
    throw new ValidationError(`${format.id} 格式没有单元格 ${unknown.slice(0, 5).join('、')}${unknown.length > 5 ? ` 等 ${unknown.length} 个` : ''}`, { field: 'cells' });
  }
  const bad = Object.entries(doc.cells).find(([, v]) => !isCellShape(v));
  if (bad) throw new ValidationError(`单元格 ${bad[0]} 的值 ${JSON.stringify(bad[1])?.slice(0, 30)} 无效`, { field: `cells.${bad[0]}` });
  const extraRows = doc.extraRows ?? [];
  if (!Array.isArray(extraRows) || !extraRows.every((r) => isObj(r) && typeof r.label === 'string' && isObj(r.values)
    && Object.values(r.values).every(isCellShape)
    && format.tables.some((t) => t.id === r.table && t.blocks.some((b) => b.key === r.block && b.allowsExtraRows)))) {
    throw new ValidationError('地方自设行（extraRows）有误：应为表二某一项下的 { table, block, label, values }', { field: 'extraRows' });
  }
  const sections = doc.sections ?? [];
  if (!Array.isArray(sections) || !sections.every(isObj)) throw new ValidationError('sections 应为章节数组', { field: 'sections' });
  // The interchange codec already validates kinds, dates and texts with precise messages, and fills
  // blanks and missing sections: a round trip through it is the normal form.
  const interchange = toInterchange({
    ...(doc as unknown as ReportDocument),
    agency: { name: agencyName },
    format: format.id,
    preamble: Array.isArray(doc.preamble) ? (doc.preamble as string[]) : [],
    sections: sections as unknown as ReportDocument['sections'],
    extraRows: extraRows as ReportDocument['extraRows'],
    issuedOn: (doc.issuedOn ?? null) as string | null,
    title: typeof doc.title === 'string' ? doc.title : '',
    signature: (doc.signature ?? null) as string | null,
  });
  // The agency's own name is authoritative even where the submitted one differs.
  return { ...fromInterchange(interchange, '年度报告'), agency: { name: agencyName } };
}
