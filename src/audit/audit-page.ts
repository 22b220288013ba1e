/**
 * The /audit page: a form to upload one published report (works without JavaScript: a plain
 * multipart POST) and, after the upload, what was read — the report's particulars, how well each
 * table was read, the failing checks and the cells that could not be read, with their evidence.
 */
import { getFormat } from '../core/format/registry.js';
import type { ParseResult } from '../core/parse/parse-types.js';
import { MAX_PARSE_BYTES, SOURCE_TYPE_NAMES } from '../parse/parse-file.js';
import { parseResultSummary, resultProblems } from '../parse/parse-summary.js';
import { portalPage, type PageContext } from '../portal/portal-layout.js';
import { html, raw, type Html } from '../render/html/template.js';
import { formatLabel, percent } from './audit-columns.js';
import { AUDIT_CSS, problemsTableHtml } from './audit-html.js';

const PAGE_TITLE = '读取并核查已发布的年度报告';

const FORM_CSS = `
form.upload{display:flex;flex-wrap:wrap;align-items:flex-end;gap:.75rem 1rem;padding:1rem;background:var(--head,#f7f8fa);border:1px solid var(--line,#e1e4e8);margin:0 0 1.25rem}
form.upload label{display:block;font-weight:700;margin-bottom:.25rem}
form.upload input[type=file]{font:inherit;max-width:100%}
form.upload button{font:inherit;padding:.45rem 1.25rem;background:var(--brand,#9e1b1b);color:var(--brand-text,#fff);border:1px solid var(--brand-text,#fff);border-radius:3px;cursor:pointer}
form.upload button:hover{background:#7a1111}
.hint{color:var(--muted,#555);font-size:.9rem;margin:.25rem 0 0}
.alert{border:1px solid #e3a1a1;background:var(--head,#fff4f4);padding:.75rem 1rem;margin:1rem 0}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.5rem 0 1rem}
dl.facts dt{color:var(--muted,#555)}
dl.facts dd{margin:0}
`;

function formHtml(): Html {
  return html`<form class="upload" method="post" action="/audit" enctype="multipart/form-data">
<div><label for="report-file">年度报告文件</label>
<input type="file" id="report-file" name="file" required accept=".docx,.pdf,.html,.htm,.txt,application/pdf,text/html,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document" aria-describedby="report-file-hint">
<p class="hint" id="report-file-hint">Word（.docx）、PDF（须有文字层，扫描件无法读取）、网页（.html）或文本（.txt），不超过 ${MAX_PARSE_BYTES / 1024 / 1024} MB。文件仅用于本次读取，不会保存。</p></div>
<button type="submit">读取并核查</button>
</form>`;
}

function factsHtml(result: ParseResult): Html {
  const report = result.report;
  const facts: Array<[string, string]> = [['文件', result.fileName ?? '']];
  if (result.sourceType) facts.push(['文件类型', SOURCE_TYPE_NAMES[result.sourceType]]);
  if (result.format) {
    const format = getFormat(result.format);
    facts.push(['报告格式', `${formatLabel(format.id)}（${format.document}），判断置信度 ${percent(result.detection.confidence)}`]);
  }
  if (report) {
    facts.push(['标题', report.title], ['机关', report.agency.name || '（未找到）'], ['年度', String(report.year)],
      ['成文日期', report.issuedOn ?? '（未找到）']);
  }
  if (result.checks) facts.push(['检查结果', `${result.checks.hardFailures} 项错误，${result.checks.warnings} 项警告`]);
  return html`<dl class="facts">${facts.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}

function tablesHtml(result: ParseResult): Html {
  const rows = result.tables.map((t) => html`<tr><th scope="row">表${t.table}</th><td>${t.found ? '已找到' : '未找到'}</td><td class="num">${t.cellsRead}/${t.cellsExpected}</td><td class="num">${percent(t.confidence)}</td><td>${t.notes.join('；')}</td></tr>`);
  return html`<table><caption>各统计表的读取情况</caption><thead><tr><th scope="col">统计表</th><th scope="col">读取</th><th scope="col">已读/应读单元格</th><th scope="col">置信度</th><th scope="col">说明</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** The result section for one uploaded file. */
function resultHtml(result: ParseResult): Html {
  let body: Html;
  if (result.error || !result.report) {
    body = html`<div class="alert" role="alert"><strong>无法作为年度报告读取：</strong>${result.error ?? ''}</div>`;
  } else {
    const summary = parseResultSummary(result);
    const problems = resultProblems(result);
    const checks = problems.filter((p) => p.kind === 'check');
    const cells = problems.filter((p) => p.kind === 'cell');
    const errors = checks.filter((p) => p.severity === 'error').length;
    // problemsTableHtml is the batch report's renderer (audit-html.ts), which escapes what it prints.
    body = html`<p>空白单元格 ${summary.blanks ?? 0} 个（空白不是 0）；未能读取的单元格 ${summary.unreadable ?? 0} 个（按空白处理）。</p>
${tablesHtml(result)}
<h3>未通过的检查</h3>
${checks.length ? raw(problemsTableHtml(checks, `未通过的检查：${errors} 项错误，${checks.length - errors} 项警告`)) : html`<p class="ok">全部检查均已通过。</p>`}
<h3>未能读取的单元格</h3>
${cells.length ? raw(problemsTableHtml(cells, `未能读取的单元格：${cells.length} 个`)) : html`<p class="ok">所有单元格均已读取。</p>`}`;
  }
  const notes = result.notes;
  return html`<section aria-labelledby="result"><h2 id="result">读取结果</h2>
${factsHtml(result)}
${body}
${notes.length ? html`<h3>读取说明</h3>\n<ul>${notes.map((n) => html`<li>${n}</li>`)}</ul>` : ''}
</section>`;
}

/** The whole page: the form, and the result when a file was read. */
export function auditPage(page: PageContext, result: ParseResult | null): string {
  const main = html`<style>${raw(AUDIT_CSS)}${raw(FORM_CSS)}</style>
<h1>${PAGE_TITLE}</h1>
<p>上传机关已发布的政府信息公开工作年度报告，系统将逐格读取统计表、判断报告格式，并核对勾稽关系，指出无法读取的单元格及其在原文件中的位置。</p>
${formHtml()}
<div class="audit">${result ? resultHtml(result) : ''}</div>
<p class="note">批量核查可使用命令行 <code>gongkai audit 目录 --out 结果.xlsx</code>；开放接口见 <a href="/docs">接口文档</a>（POST /api/parse）。</p>`;
  return portalPage(page, { title: result?.fileName ? `${result.fileName} - ${PAGE_TITLE}` : PAGE_TITLE, main, crumbs: [{ label: '首页', href: '/' }, { label: PAGE_TITLE }] });
}
