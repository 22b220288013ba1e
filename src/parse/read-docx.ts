/**
 * Reads a report written in Word (.docx) into a SourceDocument, straight from word/document.xml
 * (exact merged cells, which converters to HTML lose): paragraphs with their list numbers, tables
 * with horizontal (w:gridSpan) and vertical (w:vMerge) merges, text in text boxes and content
 * controls, tracked changes as accepted (insertions kept, deletions dropped), hidden text skipped.
 * A table that holds other tables is layout: its cells are read through for the tables inside.
 */
import type { SourceBlock, SourceCell, SourceDocument } from '../core/parse/source-types.js';
import { openDocx } from './docx-package.js';
import { Numbering } from './docx-numbering.js';
import { clampSpans, MAX_COLUMNS } from './source-grid.js';
import { cleanLine, joinLines } from './text-join.js';
import { child, childElements, type XmlElement } from './xml-lite.js';

/**
 * Reads a .docx file. Throws an Error with a Chinese message when the file is not a Word
 * document or is damaged (the caller reports it for that file).
 */
export async function readDocx(bytes: Uint8Array): Promise<SourceDocument> {
  const parts = await openDocx(bytes);
  const body = child(parts.document, 'w:body');
  if (!body) throw new Error('DOCX 文件已损坏或不是 Word 文档：正文部件中没有 w:body。');
  const reader = new DocxReader(new Numbering(parts.numbering, parts.styles));
  reader.blocks(body.children);
  return { type: 'docx', blocks: reader.out, notes: reader.notes };
}

/** Elements whose content is read through as if it stood in their place. */
const TRANSPARENT = new Set(['w:ins', 'w:moveTo', 'w:customXml', 'w:smartTag', 'w:hyperlink', 'w:fldSimple', 'w:dir', 'w:bdo', 'w:sdtContent']);
/** Elements whose content is never text a reader sees. */
const DROPPED = new Set(['w:del', 'w:moveFrom', 'w:pPr', 'w:rPr', 'w:sdtPr', 'w:sdtEndPr', 'w:tblPr', 'w:trPr', 'w:tcPr', 'w:sectPr']);

/** The lines of a paragraph, and the text boxes anchored in it (read after it). */
interface Inline { lines: string[]; boxes: XmlElement[] }

class DocxReader {
  readonly out: SourceBlock[] = [];
  readonly notes: string[] = [];
  private tables = 0;

  constructor(private readonly numbering: Numbering) {}

  /** Reads block-level content (body, cell, text box, content control) in order. */
  blocks(nodes: ReadonlyArray<XmlElement | string>): void {
    for (const node of nodes) {
      if (typeof node === 'string') continue;
      if (node.name === 'w:p') this.paragraph(node);
      else if (node.name === 'w:tbl') this.table(node);
      else if (node.name === 'mc:AlternateContent') this.blocks(branch(node));
      else if (node.name === 'w:sdt') this.blocks(child(node, 'w:sdtContent')?.children ?? []);
      else if (TRANSPARENT.has(node.name)) this.blocks(node.children);
    }
  }

  private paragraph(p: XmlElement): void {
    const { lines, boxes } = this.inline(p);
    for (const line of lines) {
      const text = cleanLine(line);
      if (text !== '') this.out.push({ kind: 'paragraph', text, where: {} });
    }
    for (const box of boxes) this.blocks(box.children);
  }

  /** The text of a paragraph as printed: list label, runs, tabs; line breaks split it. */
  private inline(p: XmlElement): Inline {
    const result: Inline = { lines: [], boxes: [] };
    let line = this.numbering.label(child(p, 'w:pPr'));
    const visit = (el: XmlElement): void => {
      for (const node of el.children) {
        if (typeof node === 'string') continue;
        switch (node.name) {
          case 'w:t': case 'm:t': line += textOf(node); break;
          case 'w:tab': case 'w:ptab': line += '\t'; break;
          case 'w:br': case 'w:cr': result.lines.push(line); line = ''; break;
          case 'w:noBreakHyphen': line += '-'; break;
          case 'w:r': if (!hidden(node)) visit(node); break;
          case 'w:sdt': visit(child(node, 'w:sdtContent') ?? node); break;
          case 'mc:AlternateContent': visit({ name: '', attrs: {}, children: branch(node) }); break;
          case 'w:drawing': case 'w:pict': case 'w:object': findBoxes(node, result.boxes); break;
          default:
            // Runs inside math, insertions, links and fields; deletions, field codes and properties are skipped.
            if (!DROPPED.has(node.name) && node.name !== 'w:instrText' && node.name !== 'w:delText') visit(node);
        }
      }
    };
    visit(p);
    result.lines.push(line);
    return result;
  }

  /** A table: cells placed on the grid with their merges, or, when it holds tables, read through. */
  private table(tbl: XmlElement): void {
    const rows = rowsOf(tbl);
    if (rows.some((tr) => cellsOf(tr).some((tc) => contains(tc, 'w:tbl')))) {
      for (const tr of rows) for (const tc of cellsOf(tr)) this.blocks(tc.children);
      return;
    }
    const index = ++this.tables;
    const placed: SourceCell[][] = [];
    // Per grid column, the cell whose vertical merge a continuing cell below extends.
    const open: Array<SourceCell | undefined> = [];
    for (const tr of rows) {
      const r = placed.length;
      const out: SourceCell[] = [];
      let column = clampInt(val(child(child(tr, 'w:trPr'), 'w:gridBefore')), 0, 0, MAX_COLUMNS);
      for (const tc of cellsOf(tr)) {
        if (column >= MAX_COLUMNS) break;
        const tcPr = child(tc, 'w:tcPr');
        const span = clampInt(val(child(tcPr, 'w:gridSpan')), 1, 1, MAX_COLUMNS - column);
        const vMerge = child(tcPr, 'w:vMerge');
        const hMerge = val(child(tcPr, 'w:hMerge'));
        const above = open[column];
        if (vMerge && val(vMerge) !== 'restart' && above && above.where.row! - 1 + above.rowSpan === r) {
          above.rowSpan++; // how Word merges 三、本年度办理结果 down the rows of table 三
        } else if (hMerge !== undefined && hMerge !== 'restart' && out.length > 0) {
          const left = out[out.length - 1]!; // legacy horizontal merge continues the cell on its left
          left.colSpan += span;
          for (let i = column; i < column + span; i++) open[i] = left;
        } else {
          const cell: SourceCell = { text: this.cellText(tc), rowSpan: 1, colSpan: span, where: { table: index, row: r + 1, column: column + 1 } };
          out.push(cell);
          for (let i = column; i < column + span; i++) open[i] = cell;
        }
        column += span;
      }
      placed.push(out); // even when empty: a row whose cells all continue merges from above
    }
    while (placed.length > 0 && placed[placed.length - 1]!.length === 0) placed.pop();
    // A table with no text at all (a drawn frame, a rule) carries nothing to read.
    if (placed.every((row) => row.every((cell) => cell.text === ''))) {
      this.tables--;
      return;
    }
    const clamped = clampSpans(placed);
    if (clamped > 0) this.notes.push(`第 ${index} 个表格有 ${clamped} 个单元格的合并范围超出表格，已按表格实际列数截断。`);
    this.out.push({ kind: 'table', table: { rows: placed, where: { table: index } } });
  }

  /** The text of a cell: its paragraphs and line breaks joined (no space between Chinese characters). */
  private cellText(tc: XmlElement): string {
    const lines: string[] = [];
    const collect = (nodes: ReadonlyArray<XmlElement | string>): void => {
      for (const node of nodes) {
        if (typeof node === 'string') continue;
        if (node.name === 'w:p') {
          const inline = this.inline(node);
          lines.push(...inline.lines);
          for (const box of inline.boxes) collect(box.children);
        } else if (node.name === 'mc:AlternateContent') {
          collect(branch(node));
        } else if (node.name === 'w:sdt') {
          collect(child(node, 'w:sdtContent')?.children ?? []);
        } else if (TRANSPARENT.has(node.name)) {
          collect(node.children);
        }
      }
    };
    collect(tc.children);
    return joinLines(lines);
  }
}

/** The branch of an mc:AlternateContent to read: the first choice, else the fallback (never both). */
function branch(el: XmlElement): Array<XmlElement | string> {
  return (child(el, 'mc:Choice') ?? child(el, 'mc:Fallback'))?.children ?? [];
}

/** Text box contents inside a drawing or VML shape (one branch of each alternate content). */
function findBoxes(el: XmlElement, into: XmlElement[]): void {
  for (const node of el.children) {
    if (typeof node === 'string') continue;
    if (node.name === 'w:txbxContent') into.push(node);
    else if (node.name === 'mc:AlternateContent') findBoxes({ name: '', attrs: {}, children: branch(node) }, into);
    else findBoxes(node, into);
  }
}

/** Whether a run is hidden text (w:vanish), which Word does not print. */
function hidden(run: XmlElement): boolean {
  const vanish = child(child(run, 'w:rPr'), 'w:vanish');
  return vanish !== undefined && !['0', 'false', 'off'].includes(val(vanish) ?? 'true');
}

/** Rows of a table, including rows wrapped in content controls or custom XML. */
function rowsOf(tbl: XmlElement): XmlElement[] {
  return unwrap(tbl, 'w:tr');
}

/** Cells of a row, including cells wrapped in content controls or custom XML. */
function cellsOf(tr: XmlElement): XmlElement[] {
  return unwrap(tr, 'w:tc');
}

function unwrap(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const node of childElements(el)) {
    if (node.name === name) out.push(node);
    else if (node.name === 'w:sdt') out.push(...unwrap(child(node, 'w:sdtContent') ?? node, name));
    else if (TRANSPARENT.has(node.name)) out.push(...unwrap(node, name));
  }
  return out;
}

/** Whether an element holds a descendant with a given name. */
function contains(el: XmlElement, name: string): boolean {
  for (const node of el.children) {
    if (typeof node === 'string' || DROPPED.has(node.name)) continue;
    if (node.name === name || contains(node, name)) return true;
  }
  return false;
}

function textOf(el: XmlElement): string {
  return el.children.filter((c): c is string => typeof c === 'string').join('');
}

const val = (el: XmlElement | undefined): string | undefined => el?.attrs['w:val'];

function clampInt(text: string | undefined, fallback: number, min: number, max: number): number {
  const n = text === undefined ? NaN : parseInt(text, 10);
  return Number.isFinite(n) ? Math.max(min, Math.min(max, n)) : fallback;
}
