/**
 * Document properties of Office packages (docProps/core.xml, app.xml, custom.xml): who wrote and
 * last saved a file, the company, and any custom property — names of staff and units that a
 * published attachment should not carry unnoticed.
 */
import { maskName } from '../core/applications/identity.js';
import { hiddenFinding, piiFindings, type Finding } from './finding.js';
import type { SafeZip } from '../parse/safe-zip.js';
import { attr, descendants, local, parsePart, textOf } from './xml-walk.js';

/** Properties reported, by local element name, with their Chinese names. */
const REPORTED: Record<string, string> = {
  creator: '作者',
  lastModifiedBy: '最后修改者',
  Company: '单位',
  Manager: '经理',
  description: '备注',
  keywords: '关键词',
  subject: '主题',
};

/** Properties that name a person. */
const PERSON = new Set(['作者', '最后修改者', '经理']);

/** Findings for the non-empty reported properties and every custom property; their text for the PII scan. */
export function propertyFindings(zip: SafeZip, where: string): { findings: Finding[]; text: string } {
  const findings: Finding[] = [];
  const texts: string[] = [];
  for (const path of ['docProps/core.xml', 'docProps/app.xml']) {
    const xml = zip.text(path);
    if (!xml) continue;
    const root = parsePart(xml, path);
    for (const el of root.children) {
      if (typeof el === 'string') continue;
      const label = REPORTED[local(el.name)];
      const value = textOf(el).trim();
      if (!label || !value) continue;
      const found = hiddenFinding('doc-property', `${where}文档属性“${label}”`, value);
      // People's names are masked like every other excerpt (张*); a unit's name is not personal data.
      findings.push(PERSON.has(label) && value.length <= 12 ? { ...found, excerpt: maskName(value) } : found);
      texts.push(value);
    }
  }
  const custom = zip.text('docProps/custom.xml');
  if (custom) {
    for (const el of descendants(parsePart(custom, 'docProps/custom.xml'), 'property')) {
      const value = textOf(el).trim();
      if (!value) continue;
      findings.push(hiddenFinding('doc-property', `${where}自定义属性“${attr(el, 'name') ?? ''}”`, value));
      texts.push(value);
    }
  }
  const text = texts.join('\n');
  findings.push(...piiFindings(text, `${where}文档属性`));
  return { findings, text };
}

/**
 * Files embedded in an Office package (word/embeddings, xl/embeddings: a spreadsheet pasted into a
 * document as an object carries ALL its sheets): one finding each; their content is not inspected.
 */
export function embeddedFindings(zip: SafeZip, where: string): Finding[] {
  return zip.names()
    .filter((name) => /^(?:word|xl|ppt)\/embeddings\/[^/]+$/i.test(name))
    .map((name) => hiddenFinding('embedded-object', `${where}嵌入对象“${name.split('/').pop()}”`, '嵌入在文档中的文件，其内容未自动检查，请打开原文件查看或删除该对象'));
}
