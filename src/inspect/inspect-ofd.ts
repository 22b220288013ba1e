/**
 * An OFD (GB/T 33190-2016) attachment: a ZIP whose OFD.xml names the document; each page's
 * Content.xml holds its text as TextObject/TextCode elements. The text is read page by page (pages
 * in the order of their folders Page_0, Page_1 …) and scanned; the document's DocInfo (Author,
 * Creator…) is reported like Office document properties. Annotations and signatures are not read.
 */
import { maskName } from '../core/applications/identity.js';
import { hiddenFinding, piiFindings, type Finding } from './finding.js';
import type { SafeZip } from '../parse/safe-zip.js';
import { attr, descendants, local, parsePart, textOf } from './xml-walk.js';

const PAGE_CONTENT = /(?:^|\/)Pages\/Page_(\d+)\/Content\.xml$/i;

/** Inspects an opened OFD package; `where` is the attachment as named in places. */
export function inspectOfd(zip: SafeZip, where: string): { text: string; findings: Finding[] } {
  const findings: Finding[] = [];
  const ofdXml = zip.text('OFD.xml') ?? '';
  const ofd = parsePart(ofdXml, 'OFD.xml');
  for (const info of descendants(ofd, 'DocInfo')) {
    for (const el of info.children) {
      if (typeof el === 'string') continue;
      const label = ({ Author: '作者', Creator: '创建程序', Abstract: '摘要', Subject: '主题' } as Record<string, string>)[local(el.name)];
      const value = textOf(el).trim();
      if (!label || !value || label === '创建程序') continue;
      const found = hiddenFinding('doc-property', `${where}文档属性“${label}”`, value);
      findings.push(label === '作者' && value.length <= 12 ? { ...found, excerpt: maskName(value) } : found);
    }
  }
  const pages = zip.names()
    .map((name) => ({ name, match: PAGE_CONTENT.exec(name) }))
    .filter((p): p is { name: string; match: RegExpExecArray } => p.match !== null)
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  const texts: string[] = [];
  pages.forEach((page, i) => {
    const content = parsePart(zip.text(page.name) ?? '', page.name);
    // One line per TextObject: a table row drawn as separate objects stays apart.
    // Objects on one baseline (same Boundary y) form a line, cells apart by a tab.
    let text = '';
    let lastY: string | null = null;
    for (const object of descendants(content, 'TextObject')) {
      const y = (attr(object, 'Boundary') ?? '').split(/\s+/)[1] ?? '';
      if (lastY !== null) text += y === lastY ? '\t' : '\n';
      text += descendants(object, 'TextCode').map((c) => textOf(c)).join('');
      lastY = y;
    }
    texts.push(text);
    findings.push(...piiFindings(text, `${where}第 ${i + 1} 页`));
  });
  return { text: texts.join('\n'), findings };
}
