/**
 * Site-wide pages: 站内搜索 (/search, a plain GET form that works without JavaScript: filters by agency, category,
 * year, document type and validity, sort, paging, highlighted snippets, suggestions from the catalogues when
 * nothing is found) and the 网站地图 (every agency's column and its published catalogue's categories).
 */
import type { Agency, AgencyNode } from '../agencies/agency.service.js';
import type { CatalogueSnapshotNode } from '../core/disclosure/catalogue-tree.js';
import { html, raw, type Html } from '../render/html/template.js';
import { categoryHref } from './disclosure-pages.js';
import { portalPage, type PageContext } from './portal-layout.js';
import { agencyHref, HOME, STATUTORY_COLUMNS } from './portal-pages.js';
import type { PortalSearchResult } from './portal-search.js';

/** The form's values as the reader sent them (already validated). */
export interface SearchForm {
  q: string;
  agency?: number;
  category?: number;
  year?: number;
  docType?: string;
  validity?: string;
  sort: 'relevance' | 'date';
  page: number;
}

/** The choices of the form's lists. */
export interface SearchChoices {
  agencies: Agency[];
  years: number[];
  /** The chosen agency's published categories (depth-indented names), when an agency is chosen. */
  categories: Array<{ id: number; name: string; depth: number }>;
  /** Suggested categories (when nothing was found): name and link. */
  suggestions: Array<{ id: number; name: string; agencyName: string }>;
}

/** The document types offered (条例 Art. 20（一）: 规章, 行政规范性文件; the rest). */
export const DOC_TYPES = ['规章', '行政规范性文件', '其他'] as const;
/** The validities offered. */
export const VALIDITY_NAMES = ['有效', '废止', '失效'] as const;

/** The query string of a search form (for paging and sort links). */
export function searchQueryString(f: SearchForm, change: Partial<SearchForm> = {}): string {
  const v = { ...f, ...change };
  const p = new URLSearchParams();
  if (v.q) p.set('q', v.q);
  if (v.agency) p.set('agency', String(v.agency));
  if (v.category) p.set('category', String(v.category));
  if (v.year) p.set('year', String(v.year));
  if (v.docType) p.set('docType', v.docType);
  if (v.validity) p.set('validity', v.validity);
  if (v.sort !== 'relevance') p.set('sort', v.sort);
  if (v.page > 1) p.set('page', String(v.page));
  return `/search?${p.toString()}`;
}

function option(value: string | number, label: string, selected: boolean): Html {
  return html`<option value="${value}"${selected ? raw(' selected') : ''}>${label}</option>`;
}

function searchFormHtml(f: SearchForm, c: SearchChoices): Html {
  return html`<form class="search-form" action="/search" method="get" role="search" aria-label="站内搜索">
<label class="q">检索词<input type="search" name="q" value="${f.q}" maxlength="200"></label>
<label>发布机关<select name="agency">${option('', '全部机关', !f.agency)}${c.agencies.map((a) => option(a.id, a.name, f.agency === a.id))}</select></label>
<label>年份<select name="year">${option('', '全部年份', !f.year)}${c.years.map((y) => option(y, `${y}年`, f.year === y))}</select></label>
<label>文件类型<select name="docType">${option('', '全部类型', !f.docType)}${DOC_TYPES.map((t) => option(t, t, f.docType === t))}</select></label>
<label>有效性<select name="validity">${option('', '全部', !f.validity)}${VALIDITY_NAMES.map((t) => option(t, t, f.validity === t))}</select></label>
<label>排序<select name="sort">${option('relevance', '按相关度', f.sort === 'relevance')}${option('date', '按发布日期', f.sort === 'date')}</select></label>
${c.categories.length ? html`<label>类目<select name="category">${option('', '全部类目', !f.category)}${c.categories.map((n) => option(n.id, `${'　'.repeat(n.depth)}${n.name}`, f.category === n.id))}</select></label>`
    : f.category ? html`<input type="hidden" name="category" value="${f.category}">` : ''}
<button type="submit">搜索</button>
</form>`;
}

/** The /search page: the form, and the results when a query was given. */
export function searchPage(ctx: PageContext, f: SearchForm, c: SearchChoices, result: PortalSearchResult | null): string {
  const names = new Map(c.agencies.map((a) => [a.id, a.name]));
  let body: Html = html`<p class="note">请输入检索词。可按发布机关、年份、文件类型和有效性筛选，也可直接输入文号或索引号。</p>`;
  if (result) {
    const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
    body = html`${result.notes.map((n) => html`<p class="notice">${n}</p>`)}
<p role="status">${result.total ? html`找到 ${result.total} 条结果${result.terms.length ? html`（检索词：${result.terms.join('、')}）` : ''}。` : '未找到相关结果。'}</p>
${result.hits.length ? html`<ol class="results" start="${(result.page - 1) * result.pageSize + 1}">${result.hits.map((h) => html`<li>
<a class="title" href="${h.url}">${raw(h.title)}</a>
<p class="snippet">${raw(h.snippet)}</p>
<p class="facts"><span class="doc-kind">${h.kindName}</span>${names.get(h.agencyId) ?? ''}${h.indexNo ? html`　索引号：${h.indexNo}` : ''}${h.docNo ? html`　文号：${h.docNo}` : ''}${h.publishedOn ? html`　发布日期：${h.publishedOn}` : ''}${h.validity && h.validity !== '有效' ? html`　${h.validity}` : ''}</p>
</li>`)}</ol>` : ''}
${pages > 1 ? html`<nav class="pager" aria-label="分页"><span>第 ${result.page} / ${pages} 页</span>${result.page > 1 ? html`<a href="${searchQueryString(f, { page: result.page - 1 })}" rel="prev">上一页</a>` : ''}${result.page < pages ? html`<a href="${searchQueryString(f, { page: result.page + 1 })}" rel="next">下一页</a>` : ''}</nav>` : ''}
${result.total === 0 ? html`<section aria-labelledby="suggest-heading"><h2 id="suggest-heading">您可以浏览以下公开目录</h2>
${c.suggestions.length ? html`<ul>${c.suggestions.map((s) => html`<li><a href="${categoryHref(s.id)}">${s.name}</a><span class="kind">（${s.agencyName}）</span></li>`)}</ul>` : html`<p class="note">暂无已发布的公开目录。</p>`}
<p class="note">建议：减少检索词、检查错别字，或取消筛选条件后重试。</p></section>` : ''}`;
  }
  return portalPage(ctx, {
    title: f.q ? `“${f.q}”的搜索结果` : '站内搜索',
    column: { name: '站内搜索', type: '搜索' },
    crumbs: [HOME, { label: '站内搜索' }],
    main: html`<h1>站内搜索</h1>
${searchFormHtml(f, c)}
${body}`,
  });
}

function categoryList(nodes: CatalogueSnapshotNode[]): Html {
  return html`<ul>${nodes.map((n) => html`<li><a href="${categoryHref(n.id)}">${n.name}</a>${n.children.length ? categoryList(n.children) : ''}</li>`)}</ul>`;
}

function agencyEntries(nodes: AgencyNode[], catalogues: Map<number, CatalogueSnapshotNode[]>): Html {
  return html`${nodes.map((a) => html`<li><a href="${agencyHref(a.id)}">${a.name}政府信息公开</a>
<ul>${STATUTORY_COLUMNS.map((c) => html`<li><a href="${agencyHref(a.id)}/${c.path}">${c.name}</a>${c.path === 'catalogue' && catalogues.get(a.id)?.length ? categoryList(catalogues.get(a.id)!) : ''}</li>`)}
<li><a href="${agencyHref(a.id)}/proposals">建议提案办理结果</a></li></ul>
${a.children.length ? html`<ul>${agencyEntries(a.children, catalogues)}</ul>` : ''}</li>`)}`;
}

/** 网站地图: the site's pages, every agency's column with its statutory entries and published categories. */
export function sitemapPage(ctx: PageContext, tree: AgencyNode[], catalogues: Map<number, CatalogueSnapshotNode[]>): string {
  return portalPage(ctx, {
    title: '网站地图',
    column: { name: '网站地图', type: '网站地图' },
    crumbs: [HOME, { label: '网站地图' }],
    main: html`<h1>网站地图</h1>
<ul class="tree">
<li><a href="/">首页</a></li>
<li><a href="/search">站内搜索</a></li>
<li><a href="/matters">办事指南</a>（按主题、服务层级、科室和办理方式查找，可扫码查看）</li>
<li><a href="/apply">依申请公开：在线申请</a></li>
<li><a href="/status">依申请公开：办理进度查询</a></li>
</ul>
<h2>各机关政府信息公开专栏</h2>
<ul class="tree">${agencyEntries(tree, catalogues)}</ul>`,
  });
}
