/**
 * A saved audit batch as a spreadsheet (sheets 结果, 问题, 说明), CSV (results, then the findings after a blank
 * line) and one self-contained HTML page: results sorted errors first, then every finding with its cells, values
 * and decision. Chinese column titles; no personal data (the files are published reports). The CSV quoting and
 * the page's table styles are the CLI audit's (audit-csv.ts, audit-html.ts).
 */
import ExcelJS from 'exceljs';
import { html, join, raw } from '../render/html/template.js';
import type { AuditColumn } from './audit-columns.js';
import { cellText } from './audit-columns.js';
import { csvField } from './audit-csv.js';
import { AUDIT_CSS } from './audit-html.js';
import type { AuditBatch, AuditFileRow, AuditFinding } from './audit-batch-model.js';

/** What an export holds: the batch, its files sorted errors first, each with its findings. */
export interface AuditBatchExport {
  batch: AuditBatch;
  files: Array<{ file: AuditFileRow; findings: AuditFinding[] }>;
}

/** A finding with its file, for the findings sheet. */
interface FindingLine {
  file: AuditFileRow;
  finding: AuditFinding;
}

/** Columns of the results (one row per file). */
export const RESULT_COLUMNS: Array<AuditColumn<AuditFileRow>> = [
  { header: '文件', value: (r) => r.name, width: 40 },
  { header: '状态', value: (r) => r.stateLabel, width: 10 },
  { header: '机关', value: (r) => r.agencyName, width: 30 },
  { header: '年度', value: (r) => r.year, width: 8, kind: 'number' },
  { header: '格式', value: (r) => r.formatLabel, width: 18 },
  { header: '错误（项）', value: (r) => r.errors, width: 11, kind: 'number' },
  { header: '警告（项）', value: (r) => r.warnings, width: 11, kind: 'number' },
  { header: '缺失（项）', value: (r) => r.missing, width: 11, kind: 'number' },
  { header: '已恢复（项）', value: (r) => r.recovered, width: 12, kind: 'number' },
  { header: '待核查结论（项）', value: (r) => r.undecided, width: 15, kind: 'number' },
  { header: '标题', value: (r) => r.title, width: 30 },
  { header: '发布网址', value: (r) => r.sourceUrl, width: 30 },
  { header: '无法读取的原因', value: (r) => r.error, width: 50 },
];

/** Columns of the findings (one row per finding). */
export const FINDING_COLUMNS: Array<AuditColumn<FindingLine>> = [
  { header: '文件', value: (l) => l.file.name, width: 36 },
  { header: '机关', value: (l) => l.file.agencyName, width: 26 },
  { header: '年度', value: (l) => l.file.year, width: 8, kind: 'number' },
  { header: '类别', value: (l) => l.finding.severityLabel, width: 8 },
  { header: '规则', value: (l) => l.finding.ruleTitle, width: 36 },
  { header: '说明', value: (l) => l.finding.message, width: 60 },
  { header: '表达式', value: (l) => l.finding.expression, width: 40 },
  { header: '所涉单元格及数值', value: (l) => l.finding.cells.map((c) => `${c.label}：${c.value ?? '空白'}`).join('\n'), width: 60 },
  { header: '核查结论', value: (l) => l.finding.decision?.kindLabel ?? '未核查', width: 10 },
  { header: '结论说明', value: (l) => l.finding.decision?.note ?? '', width: 30 },
  { header: '核查人', value: (l) => l.finding.decision?.by.name ?? '', width: 12 },
  { header: '核查时间', value: (l) => l.finding.decision?.at ?? '', width: 22 },
];

const lines = (data: AuditBatchExport): FindingLine[] => data.files.flatMap((f) => f.findings.map((finding) => ({ file: f.file, finding })));

/** The batch in one sentence. */
export function batchSentence(batch: AuditBatch): string {
  const c = batch.counts;
  return `共 ${batch.total} 个文件：已读取 ${c.reports} 个，无法读取 ${c.unreadable} 个${batch.total > batch.done ? `，尚未读取 ${batch.total - batch.done} 个` : ''}；`
    + `错误 ${c.errors} 项，警告 ${c.warnings} 项，缺失 ${c.missing} 项，已恢复 ${c.recovered} 项。`;
}

/** Excel refuses cells longer than this. */
const MAX_CELL_CHARS = 32_000;

function addSheet<T>(workbook: ExcelJS.Workbook, name: string, columns: Array<AuditColumn<T>>, rows: readonly T[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({ key: `c${i}`, width: c.width, header: c.header }));
  for (const row of rows) {
    sheet.addRow(columns.map((c) => {
      const v = c.value(row);
      return typeof v === 'string' && v.length > MAX_CELL_CHARS ? `${v.slice(0, MAX_CELL_CHARS)}……（以下从略）` : v;
    }));
  }
  columns.forEach((c, i) => { sheet.getColumn(i + 1).alignment = { vertical: 'top', wrapText: c.width >= 30 }; });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

/** The workbook: 结果, 问题, 说明. */
export async function batchXlsx(data: AuditBatchExport, generatedAt: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Gongkai 公开';
  addSheet(workbook, '结果', RESULT_COLUMNS, data.files.map((f) => f.file));
  const all = lines(data);
  const sheet = addSheet(workbook, '问题', FINDING_COLUMNS, all);
  all.forEach((l, i) => {
    if (l.finding.severity === 'error') sheet.getRow(i + 2).getCell(4).font = { bold: true, color: { argb: 'FFB00020' } };
  });
  const notes = workbook.addWorksheet('说明');
  notes.columns = [{ width: 16 }, { width: 100 }];
  notes.addRow([data.batch.title]).font = { bold: true, size: 14 };
  notes.addRow(['生成时间', generatedAt]);
  notes.addRow(['状态', data.batch.stateLabel]);
  notes.addRow(['汇总', batchSentence(data.batch)]);
  notes.addRow(['类别', '错误：强制性勾稽关系未通过，或正文数字与表格不一致；警告：提示性核对未通过或单元格未能读出；缺失：文件中未找到的表格、行或单元格；已恢复：连在一起的数字按勾稽关系唯一拆分，请对照原文确认。']);
  notes.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csv<T>(columns: Array<AuditColumn<T>>, rows: readonly T[]): string[] {
  return [columns.map((c) => csvField(c.header)).join(','), ...rows.map((row) => columns.map((c) => csvField(cellText(c, row))).join(','))];
}

/** The CSV: the results, a blank line, the findings (UTF-8 with BOM, CRLF, RFC 4180 quoting). */
export function batchCsv(data: AuditBatchExport): string {
  const out = [...csv(RESULT_COLUMNS, data.files.map((f) => f.file)), '', ...csv(FINDING_COLUMNS, lines(data))];
  return `\ufeff${out.join('\r\n')}\r\n`;
}

/** The page: the results table, then each file's findings. Everything from the files is escaped. */
export function batchHtml(data: AuditBatchExport, generatedAt: string): string {
  const head = html`<tr>${RESULT_COLUMNS.map((c) => html`<th scope="col">${c.header}</th>`)}</tr>`;
  const withFindings = data.files.filter((f) => f.findings.length > 0);
  const anchors = new Map(withFindings.map((f, i) => [f.file.id, `file-${i + 1}`]));
  const rows = data.files.map(({ file }) => html`<tr${file.state === 'failed' ? raw(' class="failed"') : ''}>${RESULT_COLUMNS.map((c, i) => {
    const text = cellText(c, file);
    if (i === 0) {
      const anchor = anchors.get(file.id);
      return html`<th scope="row" class="file">${anchor ? html`<a href="#${anchor}">${text}</a>` : text}</th>`;
    }
    return c.kind ? html`<td class="num">${text}</td>` : html`<td>${text}</td>`;
  })}</tr>`);
  const sections = withFindings.map(({ file, findings }) => html`<section aria-labelledby="${anchors.get(file.id)!}">
<h3 id="${anchors.get(file.id)!}">${file.name}<span class="muted">（${file.agencyName ?? ''}${file.year ? ` ${file.year} 年度` : ''}）</span></h3>
<table class="problems"><caption class="sr-only">${file.name}的问题</caption>
<thead><tr><th scope="col">类别</th><th scope="col">规则</th><th scope="col">说明</th><th scope="col">所涉单元格及数值</th><th scope="col">核查结论</th></tr></thead>
<tbody>${findings.map((f) => html`<tr><td class="sev-${f.severity === 'error' ? 'error' : 'warning'}">${f.severityLabel}</td><td>${f.ruleTitle}</td>
<td>${f.message}${f.expression ? html`<div class="muted">${f.expression}</div>` : ''}</td>
<td><ul class="cells">${f.cells.map((c) => html`<li>${c.label}：${c.value ?? '空白'}</li>`)}</ul></td>
<td>${f.decision ? html`${f.decision.kindLabel}${f.decision.note ? html`<div class="muted">${f.decision.note}</div>` : ''}<div class="muted">${f.decision.by.name} ${f.decision.at}</div>` : '未核查'}</td></tr>`)}</tbody></table>
</section>`);
  return html`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${data.batch.title}</title>
<style>body{margin:0;font-family:"Noto Sans SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;line-height:1.6}main{max-width:1200px;margin:0 auto;padding:1.5rem}h1{font-size:1.5rem;text-align:center}h2{font-size:1.2rem;border-left:4px solid #9e1b1b;padding-left:.6rem}@page{size:A4 landscape;margin:14mm 12mm}${raw(AUDIT_CSS)}</style>
</head>
<body>
<main class="audit">
<h1>${data.batch.title}</h1>
<p>生成时间：${generatedAt}。${data.batch.stateLabel}。${batchSentence(data.batch)}</p>
<section aria-labelledby="results"><h2 id="results">一、核查结果</h2>
<table><caption class="sr-only">各文件核查结果（错误多的在前）</caption><thead>${head}</thead><tbody>${join(rows, '\n')}</tbody></table>
</section>
<section aria-labelledby="findings"><h2 id="findings">二、问题明细</h2>
${sections.length ? join(sections, '\n') : html`<p class="ok">未发现问题。</p>`}
</section>
</main>
</body>
</html>
`.text;
}
