/**
 * The public portal's pages: the agencies as a tree, an agency's published reports, and one
 * published report. Pure functions from data to HTML (every text escaped).
 */
import { AGENCY_KINDS, type Agency, type AgencyNode } from '../agencies/agency.service.js';
import { chineseDate } from '../core/report/dates.js';
import type { ReportDocument } from '../core/report/report-model.js';
import { escapeHtml } from '../render/html/escape-html.js';
import { renderHtmlBody } from '../render/html/render-html.js';
import type { ReportSummary } from '../reports/report.service.js';
import { portalPage, type Crumb } from './portal-layout.js';

/** The files a published report is offered in, with the names readers know them by. */
const DOWNLOADS = [
  { ext: 'html', label: 'HTML' },
  { ext: 'docx', label: 'Word' },
  { ext: 'pdf', label: 'PDF' },
  { ext: 'json', label: 'JSON（交换格式）' },
] as const;

const HOME: Crumb = { label: '首页', href: '/' };

/** Portal path of an agency page. */
export const agencyHref = (id: number) => `/agencies/${id}`;
/** Portal path of a report page. */
export const reportHref = (id: number) => `/reports/${id}`;
/** Portal path of a report download (published reports only). */
export const downloadHref = (id: number, ext: string) => `/reports/${id}/download.${ext}`;

function treeItems(nodes: AgencyNode[], counts: Map<number, number>): string {
  return nodes.map((node) => {
    const n = counts.get(node.id) ?? 0;
    return `<li><a href="${agencyHref(node.id)}">${escapeHtml(node.name)}</a>`
      + `<span class="kind">（${escapeHtml(AGENCY_KINDS[node.kind])}）</span>`
      + `<span class="count">${n > 0 ? `已发布年度报告 ${n} 份` : '暂无已发布的年度报告'}</span>`
      + (node.children.length ? `<ul>${treeItems(node.children, counts)}</ul>` : '')
      + '</li>';
  }).join('\n');
}

/** The home page: every agency in its place in the tree, with how many reports it has published. */
export function homePage(tree: AgencyNode[], publishedCounts: Map<number, number>): string {
  const body = tree.length
    ? `<ul class="tree">${treeItems(tree, publishedCounts)}</ul>`
    : '<p class="note">暂无机关信息。</p>';
  return portalPage({
    title: '首页',
    main: `<h1>政府信息公开工作年度报告</h1>
<p>各行政机关依据《中华人民共和国政府信息公开条例》第四十九条、第五十条的规定，于每年1月31日（县级以上人民政府为3月31日）前公布本机关上一年度政府信息公开工作年度报告。请选择机关查看其已发布的年度报告。</p>
<section aria-labelledby="agencies-heading">
<h2 id="agencies-heading">机关目录</h2>
${body}
</section>`,
  });
}

function downloadLinks(report: ReportSummary): string {
  return DOWNLOADS.map((d) =>
    `<a href="${downloadHref(report.id, d.ext)}" aria-label="下载${report.year}年度报告 ${escapeHtml(d.label)} 文件">${escapeHtml(d.label)}</a>`,
  ).join(' ');
}

/** An agency's page: its published reports, newest year first, with view and download links. */
export function agencyPage(agency: Agency, parent: Agency | null, reports: ReportSummary[], titles: Map<number, string>): string {
  const crumbs: Crumb[] = [HOME, ...(parent ? [{ label: parent.name, href: agencyHref(parent.id) }] : []), { label: agency.name }];
  const sorted = [...reports].sort((a, b) => b.year - a.year);
  const table = sorted.length
    ? `<div class="table-wrap" role="region" aria-label="年度报告列表" tabindex="0">
<table class="list">
<caption>${escapeHtml(agency.name)}已发布的政府信息公开工作年度报告</caption>
<thead><tr><th scope="col">年度</th><th scope="col">标题</th><th scope="col">成文日期</th><th scope="col">下载</th></tr></thead>
<tbody>
${sorted.map((r) => `<tr><td class="nowrap">${r.year}年</td><td class="title"><a href="${reportHref(r.id)}">${escapeHtml(titles.get(r.id) ?? `${r.year}年度报告`)}</a></td>`
    + `<td class="nowrap">${r.issuedOn ? escapeHtml(chineseDate(r.issuedOn)) : '—'}</td><td class="links">${downloadLinks(r)}</td></tr>`).join('\n')}
</tbody>
</table>
</div>`
    : '<p class="note">本机关暂无已发布的政府信息公开工作年度报告。</p>';
  return portalPage({
    title: agency.name,
    crumbs,
    main: `<h1>${escapeHtml(agency.name)}</h1>
<p class="note">机关类型：${escapeHtml(AGENCY_KINDS[agency.kind])}${parent ? `；上级机关：<a href="${agencyHref(parent.id)}">${escapeHtml(parent.name)}</a>` : ''}</p>
<section aria-labelledby="reports-heading">
<h2 id="reports-heading">年度报告</h2>
${table}
</section>`,
  });
}

/** A published report, rendered as the report itself inside the portal frame, with its downloads. */
export function reportPage(summary: ReportSummary, report: ReportDocument): string {
  const links = DOWNLOADS.map((d) => `<a href="${downloadHref(summary.id, d.ext)}">下载 ${escapeHtml(d.label)}</a>`).join('\n');
  return portalPage({
    title: report.title,
    crumbs: [HOME, { label: summary.agencyName, href: agencyHref(summary.agencyId) }, { label: `${summary.year}年度报告` }],
    main: `<nav class="downloads" aria-label="下载本报告">
${links}
</nav>
${renderHtmlBody(report)}`,
  });
}
