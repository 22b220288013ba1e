/**
 * A Word (.docx) attachment: its visible text, and what a reader of the file can uncover that the
 * drafter may not see on screen — comments (word/comments.xml), tracked changes (w:ins, w:del,
 * w:moveFrom, w:moveTo), text formatted hidden (w:vanish on the run, or in its character or paragraph
 * style, through basedOn), embedded files, document properties; headers, footers, footnotes and
 * endnotes are scanned for personal data too (hidden text there included). Body paragraphs are counted outside tables; a table row
 * is scanned as one line (its cells apart by a tab) so a name next to an ID number is found.
 */
import { maskName } from '../core/applications/identity.js';
import { DOCX_PREFIXES } from '../parse/docx-package.js';
import type { XmlElement } from '../parse/xml-lite.js';
import { hiddenFinding, piiFindings, type Finding } from './finding.js';
import { embeddedFindings, propertyFindings } from './office-properties.js';
import { ZipError, type SafeZip } from '../parse/safe-zip.js';
import { attr, child, children, descendants, local, parsePart, textOf } from './xml-walk.js';

/** What one paragraph (or table row) holds, by visibility. */
interface Pieces {
  visible: string;
  hidden: string;
  changes: Array<{ type: '插入' | '删除'; author: string; text: string }>;
  /** Style ids whose run properties hide text (styles.xml), and whether the current paragraph's style does. */
  hiddenStyles: ReadonlySet<string>;
  paragraphHidden: boolean;
}

const newPieces = (hiddenStyles: ReadonlySet<string>): Pieces => ({ visible: '', hidden: '', changes: [], hiddenStyles, paragraphHidden: false });

const OFF = new Set(['0', 'false', 'off']);

/** A w:vanish switch: on unless its value says off. */
const switchedOn = (el: XmlElement) => !OFF.has((attr(el, 'val') ?? 'true').toLowerCase());

/**
 * Whether a run is hidden: its own w:vanish (on or off) wins, then its character style, then its
 * paragraph's style.
 */
function isVanished(run: XmlElement, pieces: Pieces): boolean {
  const rPr = child(run, 'rPr');
  const vanish = rPr && child(rPr, 'vanish');
  if (vanish) return switchedOn(vanish);
  const style = rPr && child(rPr, 'rStyle');
  if (style && pieces.hiddenStyles.has(attr(style, 'val') ?? '')) return true;
  return pieces.paragraphHidden;
}

/** Style ids that hide text: w:vanish in the style's run properties, directly or through basedOn. */
function hiddenStyleIds(zip: SafeZip): Set<string> {
  const xml = zip.text('word/styles.xml');
  const hidden = new Set<string>();
  if (!xml) return hidden;
  const styles = new Map<string, { vanish: boolean | null; basedOn: string | null }>();
  for (const style of descendants(parsePart(xml, 'word/styles.xml', DOCX_PREFIXES), 'style')) {
    const rPr = child(style, 'rPr');
    const vanish = rPr && child(rPr, 'vanish');
    const basedOn = child(style, 'basedOn');
    styles.set(attr(style, 'styleId') ?? '', { vanish: vanish ? switchedOn(vanish) : null, basedOn: basedOn ? attr(basedOn, 'val') ?? null : null });
  }
  for (const id of styles.keys()) {
    let at: string | null = id;
    for (let depth = 0; at !== null && depth < 20; depth++) {
      const style = styles.get(at);
      if (!style) break;
      if (style.vanish !== null) { if (style.vanish) hidden.add(id); break; }
      at = style.basedOn;
    }
  }
  return hidden;
}

/** Text of a run's content: w:t, w:delText, tabs and breaks. */
function runText(run: XmlElement): string {
  let out = '';
  for (const c of run.children) {
    if (typeof c === 'string') continue;
    const name = local(c.name);
    if (name === 't' || name === 'delText' || name === 'instrText') out += name === 'instrText' ? '' : textOf(c);
    else if (name === 'tab') out += '\t';
    else if (name === 'br' || name === 'cr') out += '\n';
  }
  return out;
}

/** Collects the pieces of a paragraph or row subtree. */
function collect(el: XmlElement, pieces: Pieces, change: Pieces['changes'][number] | null): void {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    const name = local(c.name);
    if (name === 'r') {
      const text = runText(c);
      if (change) change.text += text;
      if (change?.type === '删除') continue; // deleted text is not on the page
      if (isVanished(c, pieces)) pieces.hidden += text;
      else pieces.visible += text;
    } else if (name === 'ins' || name === 'del' || name === 'moveTo' || name === 'moveFrom') {
      const entry = { type: name === 'ins' || name === 'moveTo' ? '插入' as const : '删除' as const, author: attr(c, 'author') ?? '', text: '' };
      pieces.changes.push(entry);
      collect(c, pieces, entry);
    } else if (name === 'tc') {
      if (pieces.visible) pieces.visible += '\t';
      collect(c, pieces, change);
    } else if (name === 'p') {
      if (pieces.visible && !pieces.visible.endsWith('\t')) pieces.visible += ' ';
      collectParagraph(c, pieces, change);
    } else if (name !== 'rPr' && name !== 'pPr' && name !== 'tblPr' && name !== 'trPr' && name !== 'tcPr') {
      collect(c, pieces, change);
    }
  }
}

/** Collects a paragraph with its style's hiding in force. */
function collectParagraph(p: XmlElement, pieces: Pieces, change: Pieces['changes'][number] | null): void {
  const pPr = child(p, 'pPr');
  const style = pPr && child(pPr, 'pStyle');
  const outer = pieces.paragraphHidden;
  pieces.paragraphHidden = !!style && pieces.hiddenStyles.has(attr(style, 'val') ?? '');
  collect(p, pieces, change);
  pieces.paragraphHidden = outer;
}

/** The findings of one paragraph or row at `place`. */
function unitFindings(pieces: Pieces, place: string, findings: Finding[]): void {
  findings.push(...piiFindings(pieces.visible, place));
  if (pieces.hidden.trim()) {
    findings.push(hiddenFinding('hidden-text', `${place}（隐藏文字）`, pieces.hidden));
    findings.push(...piiFindings(pieces.hidden, `${place}（隐藏文字）`));
  }
  for (const change of pieces.changes) {
    if (!change.text.trim()) continue;
    const at = `${place}修订（${change.type}）`;
    const who = change.author ? `（修订人 ${maskName(change.author)}）` : '';
    const found = hiddenFinding('tracked-change', at, `${change.type}：${change.text}`);
    findings.push(who ? { ...found, excerpt: found.excerpt + who } : found);
    if (change.type === '删除') findings.push(...piiFindings(change.text, at));
  }
}

/** The main document part's path, from the package relationships. */
function mainPart(zip: SafeZip): string {
  const rels = zip.text('_rels/.rels');
  const target = rels ? /Target="\/?([^"]+)"[^>]*Type="[^"]*officeDocument"|Type="[^"]*officeDocument"[^>]*Target="\/?([^"]+)"/.exec(rels) : null;
  return target?.[1] ?? target?.[2] ?? 'word/document.xml';
}

/** Inspects an opened .docx package; `where` is the attachment as named in places (附件“通知.docx”). */
export function inspectDocx(zip: SafeZip, where: string): { text: string; findings: Finding[] } {
  const findings: Finding[] = [];
  const path = mainPart(zip);
  const xml = zip.text(path);
  if (xml === null) throw new ZipError('corrupt', `压缩包中没有正文部件 ${path}`);
  const document = parsePart(xml, path, DOCX_PREFIXES);
  const body = child(document, 'body');
  if (local(document.name) !== 'document' || !body) throw new ZipError('corrupt', `${path} 不是 Word 正文`);

  const hiddenStyles = hiddenStyleIds(zip);
  const lines: string[] = [];
  let paragraph = 0;
  let table = 0;
  const walkBlocks = (container: XmlElement) => {
    for (const block of container.children) {
      if (typeof block === 'string') continue;
      const name = local(block.name);
      if (name === 'p') {
        paragraph++;
        const pieces = newPieces(hiddenStyles);
        collectParagraph(block, pieces, null);
        if (pieces.visible.trim()) lines.push(pieces.visible);
        unitFindings(pieces, `${where}第 ${paragraph} 段`, findings);
      } else if (name === 'tbl') {
        table++;
        children(block, 'tr').forEach((tr, r) => {
          const pieces = newPieces(hiddenStyles);
          collect(tr, pieces, null);
          if (pieces.visible.trim()) lines.push(pieces.visible);
          unitFindings(pieces, `${where}表格 ${table} 第 ${r + 1} 行`, findings);
        });
      } else if (name === 'sdt' || name === 'customXml') {
        const content = child(block, 'sdtContent') ?? block;
        walkBlocks(content);
      }
    }
  };
  walkBlocks(body);

  // Comments: who wrote them and what they say.
  const commentsXml = zip.text('word/comments.xml');
  if (commentsXml) {
    descendants(parsePart(commentsXml, 'word/comments.xml', DOCX_PREFIXES), 'comment').forEach((comment, i) => {
      const text = descendants(comment, 'p').map((p) => { const pc = newPieces(hiddenStyles); collectParagraph(p, pc, null); return pc.visible + pc.hidden; }).join('\n');
      const author = attr(comment, 'author');
      const place = `${where}批注 ${i + 1}`;
      const f = hiddenFinding('comment', place, text);
      findings.push(author ? { ...f, excerpt: `${maskName(author)}：${f.excerpt}` } : f);
      findings.push(...piiFindings(text, place));
    });
  }

  // Headers, footers, footnotes and endnotes: visible when printed, scanned for personal data.
  const extras: Array<[RegExp, string]> = [[/^word\/header\d*\.xml$/i, '页眉'], [/^word\/footer\d*\.xml$/i, '页脚'], [/^word\/footnotes\.xml$/i, '脚注'], [/^word\/endnotes\.xml$/i, '尾注']];
  for (const name of zip.names()) {
    const label = extras.find(([re]) => re.test(name))?.[1];
    if (!label) continue;
    const part = parsePart(zip.text(name) ?? '', name, DOCX_PREFIXES);
    const text = descendants(part, 'p').map((p) => { const pc = newPieces(hiddenStyles); collectParagraph(p, pc, null); return pc.visible + pc.hidden; }).join('\n');
    findings.push(...piiFindings(text, `${where}${label}`));
  }

  findings.push(...propertyFindings(zip, where).findings, ...embeddedFindings(zip, where));
  return { text: lines.join('\n'), findings };
}
