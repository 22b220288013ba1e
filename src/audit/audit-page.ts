/**
 * The /audit page: a form to upload one published report (works without JavaScript: a plain
 * multipart POST) and, after the upload, what was read — the report's particulars, how well each
 * table was read, the findings (failed checks; cells not found, not read or recovered, a row's cells
 * together) errors first, and the blank cells summarised per run of rows — compact, never a line per cell.
 */
import { getFormat } from '../core/format/registry.js';
import type { CellReading, ParseResult } from '../core/parse/parse-types.js';
import { MAX_PARSE_BYTES, SOURCE_TYPE_NAMES } from '../parse/parse-file.js';
import { parseResultSummary } from '../parse/parse-summary.js';
import { portalPage, type PageContext } from '../portal/portal-layout.js';
import { html, raw, type Html } from '../render/html/template.js';
import { AUDIT_SEVERITY_LABELS, type AuditSeverity } from './audit-batch-model.js';
import { formatLabel, percent } from './audit-columns.js';
import { auditReadOf, blankSummaries, detailTables, type FindingDraft } from './audit-findings.js';
import { AUDIT_CSS } from './audit-html.js';

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
.audit table.findings{table-layout:fixed}
.audit table.findings th[scope=row]{font-weight:600;width:14em;background:none}
.audit table.findings thead th:first-child{width:4.5em}
.audit table.findings thead th:nth-child(2){width:14em}
.audit table.findings td{word-break:break-word}
.audit .sev-missing{color:#4a5058;font-weight:700}
.audit .sev-recovered{color:#0b4a8b}
.audit .expr{font-family:"Noto Sans Mono CJK SC",Consolas,monospace;font-size:.85em;color:#555;word-break:break-all}
.audit ul.blanks{columns:2 22rem;margin:.25rem 0 1rem;padding-left:1.2rem;font-size:.9rem}
.audit details.notes summary{cursor:pointer;color:var(--muted,#555)}
@media (max-width:600px){.audit table.findings th[scope=row],.audit table.findings thead th:nth-child(2){width:7em}}
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

/** What the source says in the cells a finding could not read: the text as written, the splits that fit. */
function evidenceHtml(finding: FindingDraft, readings: ReadonlyMap<string, CellReading>): Html | '' {
  const details = [...new Set(finding.cells.map((c) => readings.get(c.key))
    .filter((r): r is CellReading => r !== undefined && (r.status === 'unreadable' || r.status === 'ambiguous'))
    .map((r) => [r.raw?.trim() ? `原文“${r.raw.trim()}”` : '', r.candidates?.length ? `可能的拆分：${r.candidates.map((c) => c.join('|')).join('；')}` : '']
      .filter(Boolean).join('；')))].filter(Boolean);
  return details.length ? html`<div class="muted">${details.join('；')}</div>` : '';
}

const SEVERITY_ORDER: Record<AuditSeverity, number> = { error: 0, warning: 1, missing: 2, recovered: 3 };

/**
 * The findings as one compact table, errors first: a failed rule, the cells of a row not found or not read, the
 * digits recovered — each one line of words with its values (the findings group a row's cells; no line per cell).
 */
function findingsHtml(findings: readonly FindingDraft[], readings: ReadonlyMap<string, CellReading>): Html {
  const sorted = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const count = (s: AuditSeverity) => findings.filter((f) => f.severity === s).length;
  const caption = `${count('error')} 项错误，${count('warning')} 项警告，${count('missing')} 处缺失，${count('recovered')} 处已恢复`;
  return html`<table class="findings"><caption>未通过的检查及读取问题：${caption}</caption>
<thead><tr><th scope="col">类别</th><th scope="col">问题</th><th scope="col">说明（所涉单元格及数值）</th></tr></thead>
<tbody>${sorted.map((f) => html`<tr><td class="sev-${f.severity}">${AUDIT_SEVERITY_LABELS[f.severity]}</td><th scope="row">${f.ruleTitle}</th><td>${f.message}${f.expression && !f.message.includes(f.expression) ? html`<div class="expr">${f.expression}</div>` : ''}${evidenceHtml(f, readings)}</td></tr>`)}</tbody></table>`;
}


/** The result section for one uploaded file. */
function resultHtml(result: ParseResult): Html {
  let body: Html;
  if (result.error || !result.report) {
    body = html`<div class="alert" role="alert"><strong>无法作为年度报告读取：</strong>${result.error ?? ''}</div>`;
  } else {
    const summary = parseResultSummary(result);
    const read = auditReadOf(result);
    // Blank cells are summarised per run of rows below, not listed one by one as the blank-cells checks do.
    const blankChecks = new Set((result.checks?.results ?? []).filter((r) => r.status === 'fail' && r.id.startsWith('blank-cells')).map((r) => r.title));
    const findings = read.findings.filter((f) => !blankChecks.has(f.ruleTitle));
    const blanks = blankSummaries(detailTables(read.result, read.findings));
    body = html`<p>空白单元格 ${summary.blanks ?? 0} 个（空白不是 0，确无此项的应填 0）；未能读取的单元格 ${summary.unreadable ?? 0} 个（按空白处理）。</p>
${tablesHtml(result)}
<h3>未通过的检查</h3>
${findings.length ? findingsHtml(findings, new Map(result.cells.map((c) => [c.key, c]))) : html`<p class="ok">${blankChecks.size ? '除空白单元格外，' : ''}全部检查均已通过，所有单元格均已读取。</p>`}
${blanks.length ? html`<h3>空白单元格（按连续的行汇总）</h3>
<ul class="blanks">${blanks.map((b) => html`<li>${b.summary}</li>`)}</ul>` : ''}`;
  }
  const notes = result.notes;
  return html`<section aria-labelledby="result"><h2 id="result">读取结果</h2>
${factsHtml(result)}
${body}
${notes.length ? html`<details class="notes"><summary>读取说明（${notes.length} 条）</summary>
<ul>${notes.map((n) => html`<li>${n}</li>`)}</ul></details>` : ''}
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
