/**
 * An Excel (.xlsx) attachment: the text of every sheet, and what a reader can uncover that the screen
 * does not show — hidden and very hidden sheets (state="hidden" | "veryHidden" in workbook.xml, the
 * second only reachable through VBA), hidden rows (row/@hidden) and columns (col/@hidden), cell
 * comments (the sheet's comments part) and document properties. Every row is scanned for personal
 * data as one line (cells apart by a tab, hidden cells included), so a name beside an ID is found.
 * Rows and columns hidden by a filter or grouping are hidden rows and columns too; text in shapes,
 * charts and threaded comments is not read.
 */
import { maskName } from '../core/applications/identity.js';
import { cut, hiddenFinding, piiFindings, type Finding } from './finding.js';
import { embeddedFindings, propertyFindings } from './office-properties.js';
import { ZipError, type SafeZip } from '../parse/safe-zip.js';
import { attr, child, children, descendants, local, parsePart, textOf } from './xml-walk.js';
import type { XmlElement } from '../parse/xml-lite.js';

/** Relationship targets by id, resolved against the folder of the part that owns them. */
function relationships(zip: SafeZip, partPath: string): Map<string, { target: string; type: string }> {
  const folder = partPath.slice(0, partPath.lastIndexOf('/') + 1);
  const relsPath = `${folder}_rels/${partPath.slice(folder.length)}.rels`;
  const xml = zip.text(relsPath);
  const out = new Map<string, { target: string; type: string }>();
  if (!xml) return out;
  for (const rel of descendants(parsePart(xml, relsPath), 'Relationship')) {
    const target = attr(rel, 'Target') ?? '';
    out.set(attr(rel, 'Id') ?? '', { target: resolve(folder, target), type: attr(rel, 'Type') ?? '' });
  }
  return out;
}

/** A relationship target as a package path. */
function resolve(folder: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (folder + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.') out.push(p);
  }
  return out.join('/');
}

/** Text of a shared string or inline string: its t elements, without phonetic guides (rPh). */
function stringText(si: XmlElement): string {
  let out = '';
  for (const c of si.children) {
    if (typeof c === 'string') continue;
    const name = local(c.name);
    if (name === 't') out += textOf(c);
    else if (name === 'r') out += textOf(child(c, 't') ?? { name: 't', attrs: {}, children: [] });
  }
  return out;
}

/** Column letters of a cell reference (B5 → 2). */
function columnNumber(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

/** Column number → letters (2 → B). */
function columnLetters(n: number): string {
  let s = '';
  while (n > 0) { const m = (n - 1) % 26; s = String.fromCharCode(65 + m) + s; n = Math.floor((n - 1) / 26); }
  return s;
}

const isOn = (v: string | undefined) => v === '1' || v === 'true';

/** Inspects an opened .xlsx package; `where` is the attachment as named in places. */
export function inspectXlsx(zip: SafeZip, where: string): { text: string; findings: Finding[] } {
  const findings: Finding[] = [];
  const workbookPath = 'xl/workbook.xml';
  const workbookXml = zip.text(workbookPath);
  if (workbookXml === null) throw new ZipError('corrupt', '压缩包中没有工作簿部件 xl/workbook.xml');
  const workbook = parsePart(workbookXml, workbookPath);
  const rels = relationships(zip, workbookPath);
  const sharedPath = [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'))?.target ?? 'xl/sharedStrings.xml';
  const sharedXml = zip.text(sharedPath);
  const shared = sharedXml ? children(parsePart(sharedXml, sharedPath), 'si').map(stringText) : [];

  const lines: string[] = [];
  const sheets = descendants(workbook, 'sheet');
  for (const sheet of sheets) {
    const name = attr(sheet, 'name') ?? '';
    const state = attr(sheet, 'state') ?? 'visible';
    const note = state === 'veryHidden' ? '（深度隐藏）' : state === 'hidden' ? '（隐藏）' : '';
    const sheetPlace = `${where}工作表“${name}”${note}`;
    const path = rels.get(attr(sheet, 'id') ?? '')?.target;
    const xml = path ? zip.text(path) : null;
    if (!path || xml === null) continue;
    const root = parsePart(xml, path);

    const hiddenColumns = new Set<number>();
    for (const col of descendants(root, 'col')) {
      if (!isOn(attr(col, 'hidden'))) continue;
      const min = Number(attr(col, 'min') ?? 0);
      const max = Math.min(Number(attr(col, 'max') ?? min), min + 16384);
      for (let c = min; c <= max; c++) hiddenColumns.add(c);
    }
    const columnTexts = new Map<number, string[]>();
    const sheetTexts: string[] = [];
    const data = child(root, 'sheetData');
    let rowIndex = 0;
    for (const row of data ? children(data, 'row') : []) {
      rowIndex = Number(attr(row, 'r') ?? rowIndex + 1);
      const cells: string[] = [];
      let position = 0;
      for (const c of children(row, 'c')) {
        const ref = attr(c, 'r');
        position = ref ? columnNumber(ref) : position + 1;
        const type = attr(c, 't');
        const v = child(c, 'v');
        let value = '';
        if (type === 's') value = shared[Number(v ? textOf(v) : -1)] ?? '';
        else if (type === 'inlineStr') value = stringText(child(c, 'is') ?? c);
        else if (v) value = textOf(v);
        if (!value) continue;
        cells.push(value);
        if (hiddenColumns.has(position)) {
          const list = columnTexts.get(position) ?? [];
          list.push(value);
          columnTexts.set(position, list);
        }
      }
      const line = cells.join('\t');
      if (!line.trim()) continue;
      sheetTexts.push(line);
      if (!note) lines.push(line);
      const hiddenRow = !note && isOn(attr(row, 'hidden'));
      const rowPlace = `${sheetPlace}第 ${rowIndex} 行${hiddenRow ? '（隐藏行）' : ''}`;
      if (hiddenRow) findings.push(hiddenFinding('hidden-row', rowPlace, line));
      findings.push(...piiFindings(line, rowPlace));
    }
    if (note) findings.push(hiddenFinding(state === 'veryHidden' ? 'very-hidden-sheet' : 'hidden-sheet', sheetPlace, sheetTexts.join(' ')));
    else {
      for (const [column, texts] of [...columnTexts].sort((a, b) => a[0] - b[0])) {
        findings.push(hiddenFinding('hidden-column', `${sheetPlace}第 ${columnLetters(column)} 列（隐藏列）`, texts.join(' ')));
      }
    }

    // Cell comments (the legacy comments part every Excel writes, also for threaded comments).
    for (const rel of relationships(zip, path).values()) {
      if (!rel.type.endsWith('/comments')) continue;
      const commentsXml = zip.text(rel.target);
      if (!commentsXml) continue;
      const comments = parsePart(commentsXml, rel.target);
      const authors = descendants(comments, 'author').map((a) => textOf(a));
      for (const comment of descendants(comments, 'comment')) {
        const text = textOf(child(comment, 'text') ?? comment);
        const author = authors[Number(attr(comment, 'authorId') ?? -1)];
        const place = `${sheetPlace}单元格 ${attr(comment, 'ref') ?? ''} 批注`;
        const found = hiddenFinding('cell-comment', place, text);
        findings.push(author ? { ...found, excerpt: cut(`${maskName(author)}：${found.excerpt}`) } : found);
        findings.push(...piiFindings(text, place));
      }
    }
  }
  findings.push(...propertyFindings(zip, where).findings, ...embeddedFindings(zip, where));
  return { text: lines.join('\n'), findings };
}
