/**
 * The columns of an item spreadsheet, shared by import and export so that an export re-imports: Chinese headers in
 * the order of 目录编制规范's metadata (portal-and-security.md A3), and the tolerant matching of headers typed by
 * people (spaces, full-width letters, a "*" or “（必填）” mark).
 */

/** A column key of the item spreadsheet. */
export type ItemColumn =
  | 'indexNo' | 'title' | 'summary' | 'category' | 'issuer' | 'docNo' | 'writtenOn' | 'publishedOn' | 'theme'
  | 'keywords' | 'disclosure' | 'validity' | 'normativeKind' | 'madeOn' | 'amendedOn' | 'repealedOn' | 'body';

/** Every column: key, header, and whether a row must fill it. */
export const ITEM_COLUMNS: ReadonlyArray<{ key: ItemColumn; header: string; required: boolean; width: number }> = [
  { key: 'indexNo', header: '索引号', required: false, width: 30 },
  { key: 'title', header: '标题', required: true, width: 40 },
  { key: 'summary', header: '内容概述', required: false, width: 40 },
  { key: 'category', header: '目录分类', required: true, width: 24 },
  { key: 'issuer', header: '发布机构', required: true, width: 24 },
  { key: 'docNo', header: '文号', required: false, width: 22 },
  { key: 'writtenOn', header: '成文日期', required: true, width: 12 },
  { key: 'publishedOn', header: '发布日期', required: true, width: 12 },
  { key: 'theme', header: '主题分类', required: false, width: 14 },
  { key: 'keywords', header: '主题词', required: false, width: 20 },
  { key: 'disclosure', header: '公开属性', required: false, width: 10 },
  { key: 'validity', header: '有效性', required: false, width: 8 },
  { key: 'normativeKind', header: '文件类型', required: false, width: 14 },
  { key: 'madeOn', header: '制定日期', required: false, width: 12 },
  { key: 'amendedOn', header: '修订日期', required: false, width: 12 },
  { key: 'repealedOn', header: '废止日期', required: false, width: 12 },
  { key: 'body', header: '正文', required: false, width: 60 },
];

/** The extra column of an every-state export (状态), which an import ignores without a warning. */
export const STATE_HEADER = '状态';

/** The Chinese header of a column. */
export const HEADER_OF: Readonly<Record<ItemColumn, string>> = Object.fromEntries(ITEM_COLUMNS.map((c) => [c.key, c.header])) as Record<ItemColumn, string>;

/**
 * A header as compared: NFKC (full-width letters and brackets to half-width), without any white space (also the
 * ideographic space), without a required-mark "*" and without a trailing note in brackets (“标题（必填）”).
 */
export function normaliseHeader(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u3000\u200b\ufeff]+/g, '').replace(/^\*+|\*+$/g, '').replace(/\([^()]*\)$/, '');
}

const BY_HEADER = new Map(ITEM_COLUMNS.map((c) => [normaliseHeader(c.header), c.key]));

/** The column a header names, or null. */
export function columnOfHeader(text: string): ItemColumn | null {
  return BY_HEADER.get(normaliseHeader(text)) ?? null;
}
