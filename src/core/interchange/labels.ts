/**
 * Label comparison for the interchange import: the canonical labels, compared after removing
 * whitespace (crawled and hand-typed files insert spaces and line breaks inside labels).
 */

/** Normalizes a label for comparison: no whitespace of any width. */
export function normalizeLabel(label: string): string {
  return label.replace(/[\s\u3000\u2002\u2003\u00a0]+/g, '');
}

/** Joins a label path for messages: 三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密. */
export function showPath(path: readonly string[]): string {
  return path.length ? path.join(' › ') : '（无行标签）';
}
