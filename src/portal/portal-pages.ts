/**
 * The portal's front pages: the home page (every agency's 政府信息公开 column), an agency's column with its five
 * statutory entries (国办公开办函〔2019〕61号: 政府信息公开指南、政府信息公开制度、法定主动公开内容、政府信息公开年报、
 * 依申请公开) and, for a government, its departments' and towns' columns; the 年报 list and one published report.
 * Pure functions from data to HTML through the escaping template layer.
 */
import { AGENCY_KINDS, type Agency, type AgencyNode } from '../agencies/agency.service.js';
import { chineseDate } from '../core/report/dates.js';
import type { ReportDocument } from '../core/report/report-model.js';
import { renderHtmlBody } from '../render/html/render-html.js';
import { html, raw, type Html } from '../render/html/template.js';
import type { ReportSummary } from '../reports/report.service.js';
import { correctionNotice, type ReportCorrection } from '../reports/report-correction.js';
import { COLUMN_NAME, portalPage, type Crumb, type PageContext } from './portal-layout.js';

/** The files a published report is offered in, with the names readers know them by. */
const DOWNLOADS = [
  { ext: 'html', label: 'HTML' },
  { ext: 'docx', label: 'Word' },
  { ext: 'pdf', label: 'PDF' },
  { ext: 'json', label: 'JSON（交换格式）' },
] as const;

/** The home page's crumb. */
export const HOME: Crumb = { label: '首页', href: '/' };

/** Portal path of an agency's 政府信息公开 column. */
export const agencyHref = (id: number) => `/agencies/${id}`;
/** Portal path of a report page. */
export const reportHref = (id: number) => `/reports/${id}`;
/** Portal path of a report download (published reports only). */
export const downloadHref = (id: number, ext: string) => `/reports/${id}/download.${ext}`;
/** Portal path of an earlier published version's download (a version replaced by a correction). */
export const versionDownloadHref = (id: number, version: number, ext: string) => `/reports/${id}/versions/${version}/download.${ext}`;

/** The five statutory entries of an agency's column: path suffix, name and what it holds. */
export const STATUTORY_COLUMNS = [
  { path: 'guide', name: '政府信息公开指南', about: '信息分类与编排、获取方式、工作机构及联系方式（条例第十二条）' },
  { path: 'rules', name: '政府信息公开制度', about: '本机关政府信息公开工作制度' },
  { path: 'catalogue', name: '法定主动公开内容', about: '主动公开基本目录及各类目信息（条例第二十条、第二十一条）' },
  { path: 'reports', name: '政府信息公开年报', about: '政府信息公开工作年度报告（条例第四十九条、第五十条）' },
  { path: 'apply', name: '依申请公开', about: '申请方式、在线申请和办理进度查询（条例第二十七条）' },
] as const;

/** The crumbs of an agency's column (its parent's column first). */
export function agencyCrumbs(agency: Agency, parent: Agency | null, ...rest: Crumb[]): Crumb[] {
  return [HOME, ...(parent ? [{ label: parent.name, href: agencyHref(parent.id) }] : []), { label: `${agency.name}${COLUMN_NAME}`, href: agencyHref(agency.id) }, ...rest];
}

/** The tabs of an agency's column (on every page of it): the five statutory entries, the current one marked. */
export function columnNav(agency: Agency, current: string | null): Html {
  return html`<nav class="column-nav" aria-label="${agency.name}政府信息公开栏目"><ul>
<li><a href="${agencyHref(agency.id)}"${current === null ? html` aria-current="page"` : ''}>专栏首页</a></li>
${STATUTORY_COLUMNS.map((c) => html`<li><a href="${agencyHref(agency.id)}/${c.path}"${current === c.path ? html` aria-current="page"` : ''}>${c.name}</a></li>\n`)}
</ul></nav>`;
}

function treeItems(nodes: AgencyNode[]): Html {
  return html`${nodes.map((node) => html`<li><a href="${agencyHref(node.id)}">${node.name}</a><span class="kind">（${AGENCY_KINDS[node.kind]}）</span>${node.children.length ? html`<ul>${treeItems(node.children)}</ul>` : ''}</li>\n`)}`;
}

/** The home page: the 政府信息公开 column of every agency, in its place in the tree, and the search form. */
export function homePage(ctx: PageContext, tree: AgencyNode[], latest: Html): string {
  const body = tree.length ? html`<ul class="tree">${treeItems(tree)}</ul>` : html`<p class="note">暂无机关信息。</p>`;
  return portalPage(ctx, {
    title: COLUMN_NAME,
    column: { name: COLUMN_NAME, type: '首页' },
    main: html`<h1>${COLUMN_NAME}</h1>
<p>依据《中华人民共和国政府信息公开条例》第二十四条，本平台统一发布各行政机关的法定主动公开内容，提供检索、查阅和下载。请选择机关进入其政府信息公开专栏，或使用站内搜索。</p>
<form class="search-form" action="/search" method="get" role="search" aria-label="站内搜索">
<label class="q">搜索政府信息<input type="search" name="q" maxlength="200"></label>
<button type="submit">搜索</button>
</form>
<section aria-labelledby="latest-heading">
<h2 id="latest-heading">最新公开信息</h2>
${latest}
</section>
<section aria-labelledby="agencies-heading">
<h2 id="agencies-heading">各机关政府信息公开专栏</h2>
${body}
</section>`,
  });
}

/** An agency's 政府信息公开 column: the five statutory entries and, for a government, its departments' and towns' columns. */
export function agencyPage(ctx: PageContext, agency: Agency, parent: Agency | null, children: Agency[]): string {
  const entries = STATUTORY_COLUMNS.map((c) => html`<li><a href="${agencyHref(agency.id)}/${c.path}">${c.name}</a><p>${c.about}</p></li>\n`);
  const subs = children.length
    ? html`<section aria-labelledby="subs-heading">
<h2 id="subs-heading">${agency.kind === 'government' ? '部门和乡镇（街道）信息公开' : '下属单位信息公开'}</h2>
<ul class="tree">${children.map((c) => html`<li><a href="${agencyHref(c.id)}">${c.name}</a><span class="kind">（${AGENCY_KINDS[c.kind]}）</span></li>`)}</ul>
</section>`
    : '';
  return portalPage(ctx, {
    title: `${agency.name}${COLUMN_NAME}`,
    crumbs: agencyCrumbs(agency, parent).map((c, i, all) => (i === all.length - 1 ? { label: c.label } : c)),
    head: html`<link rel="alternate" type="application/atom+xml" title="${agency.name}最新信息" href="${agencyHref(agency.id)}/feed.xml">`,
    main: html`${columnNav(agency, null)}<h1>${agency.name}${COLUMN_NAME}</h1>
<p class="note">机关类型：${AGENCY_KINDS[agency.kind]}${parent ? html`；上级机关：<a href="${agencyHref(parent.id)}">${parent.name}</a>` : ''}</p>
<ul class="columns">${entries}</ul>
<p><a href="/search?agency=${agency.id}">在本机关公开的信息中搜索</a>　<a href="${agencyHref(agency.id)}/proposals">建议提案办理结果</a>　<a href="${agencyHref(agency.id)}/feed.xml">订阅最新信息（Atom）</a></p>
${subs}`,
  });
}

function downloadLinks(report: ReportSummary): Html {
  return html`${DOWNLOADS.map((d) => html`<a href="${downloadHref(report.id, d.ext)}" aria-label="下载${report.year}年度报告 ${d.label} 文件">${d.label}</a> `)}`;
}

/** 政府信息公开年报: an agency's published reports, newest year first, with view and download links. */
export function reportsPage(ctx: PageContext, agency: Agency, parent: Agency | null, reports: ReportSummary[], titles: Map<number, string>): string {
  const sorted = [...reports].sort((a, b) => b.year - a.year);
  const table = sorted.length
    ? html`<div class="table-wrap" role="region" aria-label="年度报告列表" tabindex="0">
<table class="list">
<caption>${agency.name}已发布的政府信息公开工作年度报告</caption>
<thead><tr><th scope="col">年度</th><th scope="col">标题</th><th scope="col">成文日期</th><th scope="col">下载</th></tr></thead>
<tbody>
${sorted.map((r) => html`<tr><td class="nowrap">${r.year}年</td><td class="title"><a href="${reportHref(r.id)}">${titles.get(r.id) ?? `${r.year}年度报告`}</a>${r.correctedAt ? html`<span class="kind">（已更正）</span>` : ''}</td><td class="nowrap">${r.issuedOn ? chineseDate(r.issuedOn) : '—'}</td><td class="links">${downloadLinks(r)}</td></tr>\n`)}
</tbody>
</table>
</div>`
    : html`<p class="note">本机关暂无已发布的政府信息公开工作年度报告。</p>`;
  return portalPage(ctx, {
    title: `${agency.name}政府信息公开年报`,
    column: { name: '政府信息公开年报', type: '信息公开' },
    crumbs: agencyCrumbs(agency, parent, { label: '政府信息公开年报' }),
    main: html`${columnNav(agency, 'reports')}<h1>政府信息公开年报</h1>
<p class="note">${agency.name}依据《中华人民共和国政府信息公开条例》第四十九条、第五十条公布的上一年度政府信息公开工作年度报告。</p>
${table}`,
  });
}

/**
 * What a corrected report says above its text: when it was corrected and why (the latest correction first), and the
 * earlier published versions to download (they stay public: readers may have cited them).
 */
function correctionBlock(summary: ReportSummary, corrections: readonly ReportCorrection[], earlier: readonly number[]): Html {
  if (corrections.length === 0) return html``;
  const latestFirst = [...corrections].reverse();
  return html`<section class="correction" aria-labelledby="correction-heading">
<h2 id="correction-heading">更正说明</h2>
${latestFirst.map((c) => html`<p>${correctionNotice(c)}</p>
`)}
<p>更正前的版本：</p>
<ul>
${[...earlier].reverse().map((v) => html`<li>第 ${v} 版：${DOWNLOADS.map((d) => html`<a href="${versionDownloadHref(summary.id, v, d.ext)}" aria-label="下载更正前第 ${v} 版 ${d.label} 文件">${d.label}</a> `)}</li>
`)}
</ul>
</section>`;
}

/** A published report, rendered as the report itself inside the portal frame, with its downloads (and corrections). */
export function reportPage(
  ctx: PageContext, summary: ReportSummary, report: ReportDocument, corrections: readonly ReportCorrection[] = [], earlier: readonly number[] = [],
): string {
  return portalPage(ctx, {
    title: report.title,
    column: { name: '政府信息公开年报', type: '信息公开' },
    article: { title: report.title, pubDate: summary.issuedOn, source: summary.agencyName, description: report.title },
    crumbs: [HOME, { label: `${summary.agencyName}${COLUMN_NAME}`, href: agencyHref(summary.agencyId) },
      { label: '政府信息公开年报', href: `${agencyHref(summary.agencyId)}/reports` }, { label: `${summary.year}年度报告` }],
    main: html`<nav class="downloads" aria-label="下载本报告">
${DOWNLOADS.map((d) => html`<a href="${downloadHref(summary.id, d.ext)}">下载 ${d.label}</a>\n`)}
</nav>
${correctionBlock(summary, corrections, earlier)}
${raw(renderHtmlBody(report))}`,
  });
}
