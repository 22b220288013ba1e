/**
 * How the national format merges the labels of a statistical table, from the label paths alone:
 * column headers shared by neighbouring columns become one cell over them, outer row labels shared
 * by neighbouring rows become one cell down them. Used by the renderers' table layout
 * (table-layout.ts) and by the web's editable grid (web/src/table-grid.ts), which bundles this
 * file: keep it free of imports and of anything but plain computation.
 */

/** A label cell with the extent it covers on the grid. */
export interface MergedLabel {
  text: string;
  rowSpan: number;
  colSpan: number;
}

/** A row label; `innermost` is the last label of its path (spanning the remaining label columns). */
export interface MergedRowLabel extends MergedLabel {
  innermost: boolean;
}

/** Whether two label paths agree on their first `n` labels. */
export function samePrefix(a: readonly string[], b: readonly string[], n: number): boolean {
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Header rows from the column paths, one list of labels per header row (as many rows as the
 * longest path, at least one). Level by level, consecutive columns sharing a label become one cell
 * spanning them, and a column whose path ends early spans down to the last header row. `spans`
 * gives each column's width in grid columns.
 */
export function mergeColumnPaths(paths: readonly (readonly string[])[], spans: readonly number[]): MergedLabel[][] {
  const depth = Math.max(1, ...paths.map((p) => p.length));
  const rows: MergedLabel[][] = Array.from({ length: depth }, () => []);
  for (let level = 0; level < depth; level++) {
    let i = 0;
    while (i < paths.length) {
      const path = paths[i]!;
      if (path.length <= level) { i++; continue; } // already covered by a cell spanning down
      if (path.length === level + 1) {
        rows[level]!.push({ text: path[level]!, rowSpan: depth - level, colSpan: spans[i]! });
        i++;
        continue;
      }
      let j = i;
      let colSpan = 0;
      while (j < paths.length && paths[j]!.length > level + 1 && samePrefix(paths[j]!, path, level + 1)) {
        colSpan += spans[j]!;
        j++;
      }
      rows[level]!.push({ text: path[level]!, rowSpan: 1, colSpan });
      i = j;
    }
  }
  return rows;
}

/**
 * Row span of the outer label at `level` of row `r`: the number of consecutive rows from `r` that
 * share it (三、本年度办理结果, （三）不予公开), or 0 when the row above already printed it.
 */
export function groupRowSpan(paths: readonly (readonly string[])[], r: number, level: number): number {
  const path = paths[r]!;
  const prev = paths[r - 1];
  if (prev && prev.length > level + 1 && samePrefix(prev, path, level + 1)) return 0;
  let n = 1;
  while (r + n < paths.length && paths[r + n]!.length > level + 1 && samePrefix(paths[r + n]!, path, level + 1)) n++;
  return n;
}

/**
 * The label cells of body row `r` over `labelColumns` label columns. The innermost label spans the
 * remaining label columns; an outer label is printed once, on the first row sharing it, spanning
 * down those rows. Labels beyond the label columns are joined into the last one so nothing is lost.
 */
export function mergeRowLabels(paths: readonly (readonly string[])[], r: number, labelColumns: number): MergedRowLabel[] {
  if (labelColumns === 0) return [];
  const path = paths[r]!;
  const labels = path.length > labelColumns
    ? [...path.slice(0, labelColumns - 1), path.slice(labelColumns - 1).join('')]
    : path.length === 0 ? [''] : path;
  const cells: MergedRowLabel[] = [];
  labels.forEach((text, level) => {
    if (level === labels.length - 1) {
      cells.push({ text, rowSpan: 1, colSpan: labelColumns - level, innermost: true });
      return;
    }
    const rowSpan = groupRowSpan(paths, r, level);
    if (rowSpan > 0) cells.push({ text, rowSpan, colSpan: 1, innermost: false });
  });
  return cells;
}
