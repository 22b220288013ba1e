/**
 * The Chinese names of the kinds of public document in the search index, as the portal's results and the rebuild
 * command show them (the keys are never shown to users).
 */
import type { SearchDocKind } from './search.table.js';

/** 政府信息 / 附件 / 公开指南 / 公开目录 / 年度报告 / 办事指南, by kind. */
export const SEARCH_KIND_NAMES: Readonly<Record<SearchDocKind, string>> = {
  item: '政府信息', attachment: '附件', guide: '公开指南', catalogue: '公开目录', report: '年度报告', matter: '办事指南',
};
