/**
 * The audit as one self-contained HTML page (no scripts, fonts or images from elsewhere), for the
 * screen and for print: a table of the reports, then the problems of each report with their
 * evidence. Everything from the files is escaped. The table pieces are shared with the /audit page.
 */
import { escapeHtml } from '../core/escape-html.js';
import type { AuditProblem, AuditRow } from '../parse/parse-summary.js';
import { cellText, REPORT_COLUMNS, severityName, totalsSentence } from './audit-columns.js';
import type { AuditResult } from './audit-run.js';
import type { AuditOutputOptions } from './audit-xlsx.js';

/** Styles of the audit tables (also used inside the portal frame). */
export const AUDIT_CSS = `
.audit table{border-collapse:collapse;width:100%;margin:.5rem 0 1.25rem;font-size:.9rem}
.audit caption{text-align:left;font-weight:700;padding:.25rem 0}
.audit th,.audit td{border:1px solid #c9ced6;padding:.35rem .5rem;text-align:left;vertical-align:top}
.audit thead th{background:#eef1f5}
.audit td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.audit td.file{word-break:break-all;min-width:10em}
.audit tr.failed td{background:#fff4f4}
.audit .sev-error{color:#a1001c;font-weight:700}
.audit .sev-warning{color:#7a4f00}
.audit ul.cells{margin:0;padding-left:1.1rem}
.audit ul.cells li{margin:0}
.audit code{font-family:"Noto Sans Mono CJK SC",Consolas,monospace;font-size:.85em;word-break:break-all}
.audit .ok{color:#1b5e20}
.audit .muted{color:#555}
.audit table.problems{table-layout:fixed}
.audit table.problems col.sev{width:5.5em}
.audit table.problems col.rule{width:12em}
.audit table.problems col.formula{width:24%}
.audit table.problems col.cells{width:34%}
.audit thead th{white-space:normal}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
`;

const PAGE_CSS = `
*{box-sizing:border-box}
body{margin:0;font-family:"Noto Sans SC","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;color:#1f1f1f;line-height:1.6;background:#fff}
main{max-width:1200px;margin:0 auto;padding:1.5rem}
h1{font-family:"Noto Serif SC","Noto Serif CJK SC","SimSun",serif;font-size:1.6rem;text-align:center;margin:.5rem 0 1rem}
h2{font-size:1.2rem;border-left:4px solid #9e1b1b;padding-left:.6rem;margin:1.75rem 0 .5rem}
h3{font-size:1rem;margin:1.25rem 0 .25rem;word-break:break-all}
a{color:#0b4a8b}
a:focus-visible{outline:3px solid #c8102e;outline-offset:2px}
nav.toc ol{margin:.25rem 0;padding-left:1.5rem}
@page{size:A4 landscape;margin:14mm 12mm}
@media print{main{max-width:none;padding:0}a{color:inherit;text-decoration:none}tr,li{break-inside:avoid}h2,h3{break-after:avoid}nav.toc{display:none}}
`;

const esc = (v: string | number | null | undefined) => escapeHtml(v === null || v === undefined ? '' : String(v));

/** Anchor of a file's problem list. */
const anchor = (index: number) => `file-${index + 1}`;

/**
 * The table of reports. `links` maps a file to the anchor of its problems (files without
 * problems have none).
 */
export function reportsTableHtml(rows: readonly AuditRow[], links: ReadonlyMap<string, string> = new Map(), caption = '各报告核查结果'): string {
  const head = REPORT_COLUMNS.map((c) => `<th scope="col">${esc(c.header)}</th>`).join('');
  const body = rows.map((row) => {
    const cells = REPORT_COLUMNS.map((c, i) => {
      const text = cellText(c, row);
      if (i === 0) {
        const href = links.get(row.file);
        return `<th scope="row" class="file">${href ? `<a href="#${esc(href)}">${esc(text)}</a>` : esc(text)}</th>`;
      }
      const cls = c.kind ? ' class="num"' : '';
      return `<td${cls}>${esc(text)}</td>`;
    });
    return `<tr${row.error ? ' class="failed"' : ''}>${cells.join('')}</tr>`;
  });
  return `<table><caption>${esc(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body.join('\n')}</tbody></table>`;
}

/** Most cells listed under one problem; the rest are counted. */
const MAX_CELLS_LISTED = 8;

/**
 * The problems of one report as a table: severity, rule, what, the equation with its values, the
 * cells. `hideCaption` keeps the caption for screen readers only (when a heading says the same).
 */
export function problemsTableHtml(problems: readonly AuditProblem[], caption: string, hideCaption = false): string {
  const rows = problems.map((p) => {
    const formula = [p.expression ? `<div>${esc(p.expression)}</div>` : '', p.values ? `<div>${esc(p.values)}</div>` : ''].join('');
    // A long list of cells (a table's blank cells) is cut: its message already names them in short.
    const shown = p.cells.length > MAX_CELLS_LISTED ? p.cells.slice(0, MAX_CELLS_LISTED - 1) : p.cells;
    const more = p.cells.length - shown.length;
    const cells = p.cells.length
      ? `<ul class="cells">${shown.map((c) => `<li>${esc(c)}</li>`).join('')}${more ? `<li class="muted">……另有 ${more} 个单元格，见说明</li>` : ''}</ul>` : '';
    return `<tr><td class="sev-${p.severity}">${esc(severityName(p))}</td><td><code>${esc(p.ruleId)}</code></td>`
      + `<td>${esc(p.title)}${p.message ? `<div class="muted">${esc(p.message)}</div>` : ''}</td><td>${formula}</td><td>${cells}</td></tr>`;
  });
  return `<table class="problems"><caption${hideCaption ? ' class="sr-only"' : ''}>${esc(caption)}</caption>`
    + '<colgroup><col class="sev"><col class="rule"><col><col class="formula"><col class="cells"></colgroup>'
    + '<thead><tr><th scope="col">严重程度</th><th scope="col">规则编号</th>'
    + '<th scope="col">问题及说明</th><th scope="col">表达式与数值</th><th scope="col">所涉单元格（标签、数值、读取位置）</th></tr></thead>'
    + `<tbody>${rows.join('\n')}</tbody></table>`;
}

/** Groups problems by file, keeping the order of the rows. */
function byFile(audit: AuditResult): Array<{ file: string; problems: AuditProblem[] }> {
  const groups = new Map<string, AuditProblem[]>();
  for (const p of audit.problems) {
    const list = groups.get(p.file);
    if (list) list.push(p);
    else groups.set(p.file, [p]);
  }
  return audit.rows.filter((r) => groups.has(r.file)).map((r) => ({ file: r.file, problems: groups.get(r.file)! }));
}

/** Renders the whole page. */
export function auditHtml(audit: AuditResult, options: AuditOutputOptions = {}): string {
  const groups = byFile(audit);
  const links = new Map(groups.map((g, i) => [g.file, anchor(i)]));
  const errors = audit.problems.filter((p) => p.severity === 'error').length;
  const sections = groups.map((g, i) => {
    const e = g.problems.filter((p) => p.severity === 'error').length;
    const counts = `${e} 项错误，${g.problems.length - e} 项警告`;
    return `<section aria-labelledby="${anchor(i)}"><h3 id="${anchor(i)}">${esc(g.file)}<span class="muted">（${counts}）</span></h3>`
      + problemsTableHtml(g.problems, `${g.file}的问题：${counts}`, true) + '</section>';
  });
  const title = '政府信息公开工作年度报告批量核查结果';
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${PAGE_CSS}${AUDIT_CSS}</style>
</head>
<body>
<main class="audit">
<h1>${title}</h1>
<p>${options.generatedAt ? `生成时间：${esc(options.generatedAt)}。` : ''}${esc(totalsSentence(audit.rows))}问题共 ${audit.problems.length} 条，其中错误 ${errors} 条。</p>
<nav class="toc" aria-label="目录"><ol><li><a href="#reports">报告一览</a></li><li><a href="#problems">问题明细</a></li></ol></nav>
<section aria-labelledby="reports"><h2 id="reports">一、报告一览</h2>
<p class="muted">错误为强制性勾稽关系未通过；警告为提示性核对未通过，请核实。空白不是 0。未能读取的单元格按空白处理，明细见下文。</p>
${reportsTableHtml(audit.rows, links)}
</section>
<section aria-labelledby="problems"><h2 id="problems">二、问题明细</h2>
${sections.length ? sections.join('\n') : '<p class="ok">未发现问题。</p>'}
</section>
</main>
</body>
</html>
`;
}
