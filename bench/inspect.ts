/**
 * Bench section for the scan before release (issue 9, Deliver 4): inspecting a 100-page DOCX and a
 * 100-page PDF — type check, unpacking, text with hidden parts, PII scan of every page — each page
 * full of text with a 公示 table row of numbers (name, ID, mobile, card) among 文号, dates and
 * amounts. Target < 1 s each. The files are generated here (docx and pdfmake with the embedded
 * Noto Serif SC subset, as the platform renders), measured with inspectAttachment on this thread,
 * and the PDF once more through inspectInWorker (the pool the HTTP layer uses).
 */
import os from 'node:os';
import { Document, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import pdfMake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { residentIdCheckChar } from '../src/core/applications/identity.js';
import { luhnValid } from '../src/core/disclosure/pii-scan.js';
import { inspectAttachment } from '../src/inspect/inspect-attachment.js';
import { closeInspectPool, inspectInWorker } from '../src/inspect/inspect-pool.js';
import { createFontSet } from '../src/render/pdf/pdf-fonts.js';
import { measure, type Figure } from './measure.js';

const PAGES = 100;
/** Target per 100-page file, ms. */
const TARGET = 1000;

const SENTENCES = [
  '为进一步做好政府信息公开工作，根据《中华人民共和国政府信息公开条例》的规定，结合本单位实际，制定本方案。',
  '各科室要高度重视，明确专人负责，按照“先审查、后公开”和“一事一审”的原则，严格落实保密审查制度。',
  '依据威环审批发〔2019〕3号文件要求，2019年3月5日前完成梳理工作，涉及金额共计1,234,567.89元。',
  '对涉及国家秘密、商业秘密和个人隐私的信息，应当依法不予公开或者作区分处理后公开。',
  '本单位全年主动公开政府信息1336条，其中通过门户网站公开358条，通过政务微信公开18条。',
];

/** A valid ID number and a Luhn-valid card number for row `i`. */
function rowNumbers(i: number): { id: string; mobile: string; card: string } {
  const first17 = `3710021990${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(100 + (i % 900))}`;
  const body = `622202${String(100000000000 + i * 7919).slice(0, 12)}`;
  let card = body + '0';
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) { card = body + d; break; }
  return { id: first17 + residentIdCheckChar(first17), mobile: `138${String(10000000 + i * 37).slice(0, 8)}`, card };
}

/** The paragraphs of page `n`: about 1,500 characters. */
function pageText(n: number): string[] {
  return Array.from({ length: 6 }, (_, k) => `${n * 6 + k + 1}. ${SENTENCES[(n + k) % SENTENCES.length]}${SENTENCES[(n + k + 2) % SENTENCES.length]}${SENTENCES[(n + k + 4) % SENTENCES.length]}`);
}

const NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静'];

async function buildDocx(): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [];
  for (let n = 0; n < PAGES; n++) {
    children.push(new Paragraph({ children: [new TextRun({ text: `第${n + 1}页 关于做好政府信息公开工作的通知`, bold: true })] }));
    for (const text of pageText(n)) children.push(new Paragraph(text));
    const { id, mobile, card } = rowNumbers(n);
    children.push(new Table({
      rows: [['姓名', '身份证号', '手机', '银行卡号'], [NAMES[n % NAMES.length]!, id, mobile, card]].map((cells) => new TableRow({
        children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })),
      })),
    }));
    children.push(new Paragraph({ children: [new PageBreak()] }));
  }
  return new Uint8Array(await Packer.toBuffer(new Document({ creator: '经办人', sections: [{ children }] })));
}

async function buildPdf(): Promise<Uint8Array> {
  const fonts = createFontSet();
  const content: Content[] = [];
  for (let n = 0; n < PAGES; n++) {
    content.push({ text: fonts.runs(`第${n + 1}页 关于做好政府信息公开工作的通知`, 'serif'), bold: true, margin: [0, 0, 0, 8] });
    for (const text of pageText(n)) content.push({ text: fonts.runs(text, 'serif'), margin: [0, 0, 0, 6] });
    const { id, mobile, card } = rowNumbers(n);
    content.push({
      table: { body: [['姓名', '身份证号', '手机', '银行卡号'], [NAMES[n % NAMES.length]!, id, mobile, card]].map((r) => r.map((c) => ({ text: fonts.runs(c, 'serif') }))) },
      ...(n < PAGES - 1 ? { pageBreak: 'after' as const } : {}),
    });
  }
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy(() => false);
  const vfs = (pdfMake as unknown as { virtualfs: { existsSync(n: string): boolean; writeFileSync(n: string, b: Buffer): void } }).virtualfs;
  for (const [name, bytes] of fonts.files) if (!vfs.existsSync(name)) vfs.writeFileSync(name, bytes);
  pdfMake.addFonts(fonts.fonts);
  const doc: TDocumentDefinitions = { pageSize: 'A4', content, defaultStyle: { font: fonts.family('serif'), fontSize: 12 } };
  return new Uint8Array(await pdfMake.createPdf(doc).getBuffer());
}

/** Checks that a file was read whole (every page's row found), so the figure measures real work. */
async function check(bytes: Uint8Array, name: string): Promise<string> {
  const result = await inspectAttachment(bytes, name);
  if (!result.ok) return `读取失败：${result.message}`;
  const ids = result.findings.filter((f) => f.kind === 'resident-id').length;
  return `${(bytes.length / 1024).toFixed(0)} KB，${result.text.length.toLocaleString('en')} 字，发现 ${result.findings.length} 处（身份证号码 ${ids} 处${ids === PAGES ? '' : `，应为 ${PAGES}`}）`;
}

/** Builds the two files, prints their sizes and returns the two figures. */
export async function inspectFigures(): Promise<Figure[]> {
  const docx = await buildDocx();
  const pdf = await buildPdf();
  console.log(`数据：${PAGES} 页 DOCX ${await check(docx, 'bench.docx')}；${PAGES} 页 PDF ${await check(pdf, 'bench.pdf')}`);
  const cpuBefore = process.cpuUsage();
  const docxFigure = await measure(`inspect+PII scan DOCX (${PAGES} pages)`, () => inspectAttachment(docx, 'bench.docx'), { runs: 10, warmup: 2, target: TARGET });
  const cpuMid = process.cpuUsage();
  const pdfFigure = await measure(`inspect+PII scan PDF (${PAGES} pages)`, () => inspectAttachment(pdf, 'bench.pdf'), { runs: 5, warmup: 1, target: TARGET });
  // Wall time on a shared machine includes waiting for a core: CPU time per file says what the scan costs.
  const cpuMs = (from: NodeJS.CpuUsage, to: NodeJS.CpuUsage, n: number) => ((to.user - from.user + to.system - from.system) / 1000 / n).toFixed(0);
  const cpuEnd = process.cpuUsage();
  console.log(`CPU 时间（每个文件，含垃圾回收线程）：DOCX ${cpuMs(cpuBefore, cpuMid, 12)} ms，PDF ${cpuMs(cpuMid, cpuEnd, 6)} ms；测量时系统负载 ${os.loadavg()[0]!.toFixed(1)}（${os.cpus().length} 核）`);
  const figures = [
    docxFigure,
    pdfFigure,
    // As the HTTP layer runs it: on the worker pool (a copy of the bytes moved there and back).
    await measure(`  same PDF on the worker pool`, () => inspectInWorker(pdf, 'bench.pdf'), { runs: 5, warmup: 2, target: TARGET }),
  ];
  await closeInspectPool();
  return figures;
}
