/**
 * Test inputs for the audit: the engine's reports rendered to every file type a report is
 * published in (text as Word exports it, HTML, DOCX, PDF), variants with one figure changed or
 * unreadable, and bad files of every kind.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromInterchange } from '../../src/core/interchange/from-interchange.js';
import type { ReportDocument } from '../../src/core/report/report-model.js';
import { renderDocx } from '../../src/render/docx/render-docx.js';
import { renderHtml } from '../../src/render/html/render-html.js';
import { renderPdf } from '../../src/render/pdf/render-pdf.js';
import { renderText } from '../parse/render-text.js';

const root = new URL('../../', import.meta.url);

/** The published seed report as text extracted from Word (the issue's seed file). */
export const SEED_TEXT = new URL('test/corpus/txt/seed-huancui-2019.txt', root).pathname;
/** The seed's agency (also the demo data's bureau). */
export const SEED_AGENCY = '威海市环翠区行政审批服务局';

/** A report of the repository in interchange JSON. */
export function loadDoc(path: string): ReportDocument {
  return fromInterchange(JSON.parse(readFileSync(new URL(path, root), 'utf8')));
}

export const seedDoc = () => loadDoc('src/demo/huancui-approval-bureau-2019.json');
export const full2021 = () => loadDoc('test/fixtures/full-2021.json');

/** Text of a report as Word's text export, with the first figure of table 三 row 一 replaced by `value`. */
export function textWithReceived(doc: ReportDocument, value: string): string {
  const lines = renderText(doc, 'word').split('\n');
  const heading = lines.findIndex((l) => l.includes('本年新收政府信息公开申请数量'));
  const at = lines.findIndex((l, k) => k > heading && /^\t\d+$/.test(l));
  if (heading < 0 || at < 0) throw new Error('table 三 row 一 not found in the rendered text');
  lines[at] = `\t${value}`;
  return lines.join('\n');
}

/** Deterministic pseudo-random bytes (binary garbage that looks like no format). */
export function garbage(size: number, seed = 7): Buffer {
  const out = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** The rendered files of the fixtures, made once per test process. */
let rendered: Promise<Record<string, Buffer>> | null = null;

/** seed and 2021 fixture rendered to HTML, DOCX and PDF, plus the 2021 fixture as Word text. */
export function renderedFiles(): Promise<Record<string, Buffer>> {
  rendered ??= (async () => {
    const seed = seedDoc();
    const full = full2021();
    return {
      'seed-2019.html': Buffer.from(renderHtml(seed)),
      'seed-2019.docx': await renderDocx(seed),
      'seed-2019.pdf': await renderPdf(seed),
      'full-2021.txt': Buffer.from(renderText(full, 'word')),
      'full-2021.html': Buffer.from(renderHtml(full)),
      'full-2021.docx': await renderDocx(full),
      'full-2021.pdf': await renderPdf(full),
    };
  })();
  return rendered;
}

/**
 * Writes a folder of mixed reports: the seed text, every rendered file (the PDFs and DOCX in a
 * sub-folder), a broken DOCX, a hidden file and an Office lock file (both skipped). Returns the
 * file names expected in the audit, in order, relative to `dir`.
 */
export async function writeMixedFolder(dir: string): Promise<string[]> {
  const files = await renderedFiles();
  mkdirSync(join(dir, 'word-pdf'), { recursive: true });
  writeFileSync(join(dir, 'seed.txt'), readFileSync(SEED_TEXT));
  for (const [name, body] of Object.entries(files)) {
    writeFileSync(join(dir, /\.(docx|pdf)$/.test(name) ? join('word-pdf', name) : name), body);
  }
  writeFileSync(join(dir, 'broken.docx'), Buffer.concat([Buffer.from('PK\x03\x04'), garbage(2000)]));
  writeFileSync(join(dir, '.hidden.txt'), 'hidden');
  writeFileSync(join(dir, 'word-pdf', '~$seed-2019.docx'), 'lock');
  return [
    'broken.docx', 'full-2021.html', 'full-2021.txt', 'seed-2019.html', 'seed.txt',
    'word-pdf/full-2021.docx', 'word-pdf/full-2021.pdf', 'word-pdf/seed-2019.docx', 'word-pdf/seed-2019.pdf',
  ];
}

/** A valid one-page PDF that draws a rectangle and has no text at all (what a scan looks like to a reader). */
export function pdfWithoutText(): Buffer {
  const content = '0 0 0 RG 72 72 200 100 re S';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
