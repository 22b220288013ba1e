/**
 * One statistical table as an accessible HTML table, from the shared grid layout: merged cells
 * as rowspan/colspan, header cells as <th scope>, a <caption> naming the table, and the header
 * rows in <thead> so a printed table repeats them on every page.
 */
import type { TableId } from '../../core/format/format-types.js';
import type { ReportDocument } from '../../core/report/report-model.js';
import { layoutTable } from '../table-layout.js';
import type { LayoutCell } from '../table-layout-types.js';
import { escapeHtml } from '../../core/escape-html.js';

/** Renders table `id` of a report; `title` is the table's name (表二 主动公开政府信息情况). */
export function renderTableHtml(report: ReportDocument, id: TableId, title: string): string {
  const layout = layoutTable(report, id);
  const out: string[] = [];
  // The wrapper keeps tables 三 and 四 on one page with their heading (Chromium does not honour
  // break-inside on the table itself).
  // A focusable, labelled region so keyboard users can scroll a wide table on narrow screens.
  out.push(`<div class="gk-table-wrap gk-table-wrap-${tableClass(id)}" role="region" tabindex="0" aria-label="${escapeHtml(title)}">`);
  out.push(`<table class="gk-table gk-table-${tableClass(id)}" data-table="${escapeHtml(id)}">`);
  out.push(`<caption class="gk-sr-only">${escapeHtml(title)}</caption><colgroup>`);
  for (const w of layout.columnWidths) out.push(`<col style="width:${w}%">`);
  out.push('</colgroup>');

  // Tables without block captions (三, 四) open with header rows: those form the <thead>.
  // Table 二 is one <tbody> per block, each opened by its caption row.
  const hasCaptions = layout.rows.some((row) => row.some((c) => c.role === 'caption'));
  let section: 'thead' | 'tbody' | null = null;
  const open = (tag: 'thead' | 'tbody') => {
    if (section) out.push(`</${section}>`);
    out.push(`<${tag}>`);
    section = tag;
  };
  let firstColumnFreeAt = 0; // row from which column 0 is no longer covered by a row span
  layout.rows.forEach((row, r) => {
    const isHeaderRow = row.every((c) => c.role === 'header' || c.role === 'corner');
    if (hasCaptions) {
      if (row.some((c) => c.role === 'caption') || section === null) open('tbody');
    } else if (isHeaderRow && (section === null || section === 'thead')) {
      if (section === null) open('thead');
    } else if (section !== 'tbody') {
      open('tbody');
    }
    out.push(`<tr class="${isHeaderRow ? 'gk-head' : row.some((c) => c.role === 'caption') ? 'gk-caption-row' : 'gk-row'}" data-row="${r}">`);
    row.forEach((cell, i) => {
      const atFirstColumn = i === 0 && r >= firstColumnFreeAt;
      if (atFirstColumn) firstColumnFreeAt = r + cell.rowSpan;
      // A group label down the first column of a multi-label table is set one character a line.
      const vertical = atFirstColumn && cell.role === 'row-label' && cell.rowSpan > 1 && cell.colSpan === 1 && layout.columnCount > 1
        && row.length > 1 && layout.rows.slice(r, r + cell.rowSpan).every((x) => x.length > 1);
      out.push(cellHtml(cell, vertical));
    });
    out.push('</tr>');
  });
  if (section) out.push(`</${section}>`);
  out.push('</table></div>');
  return out.join('');
}

function cellHtml(cell: LayoutCell, vertical = false): string {
  const spans = (cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : '') + (cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : '');
  const text = escapeHtml(cell.text);
  const align = ` class="gk-${cell.role} gk-${cell.align}${cell.blank ? ' gk-blank' : ''}"`;
  switch (cell.role) {
    case 'value':
      return `<td${align}${spans} data-cell="${escapeHtml(cell.cellKey ?? '')}">${text}</td>`;
    case 'corner':
      return `<td${align}${spans}>${text}</td>`;
    case 'caption':
    case 'header': {
      // Long leaf headers over narrow number columns wrap two characters a line (商业/企业), as printed.
      const body = cell.role === 'header' && cell.colSpan === 1 && [...cell.text].length >= 4 ? `<span class="gk-pair">${text}</span>` : text;
      return `<th${align}${spans} scope="${cell.colSpan > 1 ? 'colgroup' : 'col'}">${body}</th>`;
    }
    case 'row-label':
      if (vertical) return `<th${align}${spans} scope="row"><span class="gk-vertical">${text}</span></th>`;
      return `<th${align}${spans} scope="row">${cell.rowSpan > 1 ? groupLabelHtml(text) : text}</th>`;
  }
}

/**
 * A group label printed down a narrow column (（三）不予公开) breaks after its enumerator, as
 * the national format sets it, instead of wherever the column width happens to fall.
 */
function groupLabelHtml(escaped: string): string {
  return escaped.replace(/^(（[一二三四五六七八九十]+）)(?=.)/, '$1<br>');
}

function tableClass(id: TableId): string {
  return ({ 二: '2', 三: '3', 四: '4' } as const)[id];
}
