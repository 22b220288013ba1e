/**
 * The statutory columns' pages (国办公开办函〔2019〕61号): the 指南 (last published guide version), the 制度,
 * 法定主动公开内容 (the last published catalogue version as a tree), a category's paged list (索引号, title,
 * 发布日期, newest first), 依申请公开 (the guide's application part, /apply and /status), and one item with the
 * standard metadata box (spec A3), its published body, attachments and a note when it is 废止/失效; a withdrawn
 * item's page says so without its body. Pure functions from data to HTML through the escaping template layer.
 */
import type { Agency } from '../agencies/agency.service.js';
import type { CatalogueSnapshotNode } from '../core/disclosure/catalogue-tree.js';
import type { Guide } from '../core/disclosure/guide.js';
import { DISCLOSURE_ATTRIBUTES, VALIDITIES, type Validity } from '../core/disclosure/item-labels.js';
import { chineseDate } from '../core/report/dates.js';
import { chinaDay, type ItemAttachment, type ItemSnapshot } from '../disclosure/item-drafting.js';
import { html, raw, type Html } from '../render/html/template.js';
import { portalPage, type PageContext } from './portal-layout.js';
import { agencyCrumbs, agencyHref, columnNav, HOME } from './portal-pages.js';

/** Portal path of a category's list. */
export const categoryHref = (id: number, page = 1) => (page > 1 ? `/categories/${id}?page=${page}` : `/categories/${id}`);
/** Portal path of an item. */
export const itemHref = (id: number) => `/items/${id}`;
/** Portal path of an item's attachment. */
export const attachmentHref = (id: number, hash: string) => `/items/${id}/attachments/${hash}`;

/** Items per page of a category list. */
export const PAGE_SIZE = 20;

/** The name of the catalogue category that holds the 政府信息公开制度 (decided: a category of that name; README). */
export const RULES_CATEGORY_NAME = '政府信息公开制度';

/** A public item as the pages show it. */
export interface PublicItem {
  id: number;
  agencyId: number;
  indexNo: string | null;
  publishedOn: string | null;
  fields: ItemSnapshot;
}

/** A page of a list. */
export interface ListPage<T> {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
}

const date = (d: string | null | undefined) => (d ? d : '—');

function pager(p: ListPage<unknown>, href: (page: number) => string): Html {
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  if (pages <= 1) return html``;
  return html`<nav class="pager" aria-label="分页">
<span>共 ${p.total} 条，第 ${p.page} / ${pages} 页</span>
${p.page > 1 ? html`<a href="${href(1)}">首页</a><a href="${href(p.page - 1)}" rel="prev">上一页</a>` : ''}
${p.page < pages ? html`<a href="${href(p.page + 1)}" rel="next">下一页</a><a href="${href(pages)}">末页</a>` : ''}
</nav>`;
}

/** The table of items: 索引号, title (a link), 文号, 发布日期. */
export function itemTable(caption: string, items: PublicItem[]): Html {
  if (items.length === 0) return html`<p class="note">本栏目暂无已公开的信息。</p>`;
  return html`<div class="table-wrap" role="region" aria-label="${caption}" tabindex="0">
<table class="list items">
<caption>${caption}</caption>
<thead><tr><th scope="col">索引号</th><th scope="col">标题</th><th scope="col">文号</th><th scope="col">发布日期</th></tr></thead>
<tbody>
${items.map((i) => html`<tr><td class="nowrap" data-label="索引号">${i.indexNo ?? '—'}</td><td class="title"><a href="${itemHref(i.id)}">${i.fields.title}</a>${i.fields.validity !== 'valid' ? html` <span class="kind">（${VALIDITIES[i.fields.validity as Validity] ?? ''}）</span>` : ''}</td><td class="nowrap" data-label="文号">${i.fields.docNo ?? '—'}</td><td class="nowrap" data-label="发布日期">${date(i.publishedOn)}</td></tr>\n`)}
</tbody>
</table>
</div>`;
}

function paragraphs(text: string): Html {
  return html`${text.split(/\n+/).filter((l) => l.trim()).map((l) => html`<p>${l}</p>\n`)}`;
}

function lines(list: readonly string[]): Html {
  return list.length ? html`<ul>${list.map((l) => html`<li>${l}</li>`)}</ul>` : html``;
}

const noGuide = html`<p class="notice">本机关的政府信息公开指南正在编制中，尚未发布。如需了解政府信息公开事宜，请通过<a href="/apply">依申请公开</a>页面提出申请。</p>`;

/** 政府信息公开指南 (条例 Art. 12): the last published version, or a polite note that there is none yet. */
export function guidePage(ctx: PageContext, agency: Agency, parent: Agency | null, guide: { content: Guide; publishedAt: string | null } | null): string {
  const g = guide?.content;
  return portalPage(ctx, {
    title: `${agency.name}政府信息公开指南`,
    column: { name: '政府信息公开指南', type: '信息公开' },
    article: g ? { title: `${agency.name}政府信息公开指南`, pubDate: guide!.publishedAt ? chinaDay(guide!.publishedAt) : null, source: agency.name } : undefined,
    crumbs: agencyCrumbs(agency, parent, { label: '政府信息公开指南' }),
    main: !g ? html`${columnNav(agency, 'guide')}<h1>政府信息公开指南</h1>${noGuide}` : html`${columnNav(agency, 'guide')}<h1 class="article-title">${agency.name}政府信息公开指南</h1>
${guide!.publishedAt ? html`<p class="note">发布日期：${chinaDay(guide!.publishedAt)}</p>` : ''}
<div class="article-body">
<h2>一、信息分类与编排体系</h2>
${paragraphs(g.classification)}
<h2>二、主动公开信息的获取方式</h2>
${paragraphs(g.proactive.description)}${lines(g.proactive.channels)}
<h2 id="on-request">三、依申请公开</h2>
${onRequestPart(g)}
<h2>四、政府信息公开工作机构</h2>
${officePart(g)}
<h2>五、监督和救济</h2>
${paragraphs(g.remedies.supervision)}${paragraphs(g.remedies.reconsideration)}${paragraphs(g.remedies.litigation)}
</div>`,
  });
}

function onRequestPart(g: Guide): Html {
  return html`<h3>申请方式</h3>${paragraphs(g.onRequest.howToApply)}
<h3>申请表的获取</h3>${paragraphs(g.onRequest.forms)}
<h3>提交渠道</h3>${lines(g.onRequest.channels)}
<h3>答复期限</h3>${paragraphs(g.onRequest.timeLimits)}
<h3>收费</h3>${paragraphs(g.onRequest.fees)}`;
}

function officePart(g: Guide): Html {
  const o = g.office;
  const rows: Array<[string, string]> = [['名称', o.name], ['办公地址', o.address], ['办公时间', o.officeHours], ['联系电话', o.phone],
    ['邮政编码', o.postcode], ['传真', o.fax], ['电子邮箱', o.email], ['网址', o.website]];
  return html`<dl class="meta">${rows.filter(([, v]) => v).map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}

/** 依申请公开: the guide's application part, the online form and the status page. */
export function applyInfoPage(ctx: PageContext, agency: Agency, parent: Agency | null, guide: Guide | null): string {
  return portalPage(ctx, {
    title: `${agency.name}依申请公开`,
    column: { name: '依申请公开', type: '信息公开' },
    crumbs: agencyCrumbs(agency, parent, { label: '依申请公开' }),
    main: html`${columnNav(agency, 'apply')}<h1>依申请公开</h1>
<ul class="columns">
<li><a href="/apply?agency=${agency.id}">在线提交申请</a><p>填写政府信息公开申请表，提交后获得查询码</p></li>
<li><a href="/status">办理进度查询</a><p>凭查询码查看办理状态和答复期限</p></li>
<li><a href="${agencyHref(agency.id)}/guide#on-request">政府信息公开指南</a><p>申请方式、答复期限和收费说明</p></li>
</ul>
${guide ? html`<section aria-labelledby="how-heading"><h2 id="how-heading">申请须知</h2><div class="article-body">${onRequestPart(guide)}</div></section>` : noGuide}`,
  });
}

function catalogueTree(nodes: CatalogueSnapshotNode[], counts: Map<number, number>): Html {
  return html`${nodes.map((n) => html`<li><a href="${categoryHref(n.id)}">${n.name}</a><span class="count">${counts.get(n.id) ?? 0} 条</span>${n.children.length ? html`<ul>${catalogueTree(n.children, counts)}</ul>` : ''}</li>\n`)}`;
}

/** 法定主动公开内容: the last published catalogue as a tree with how many public items each category holds. */
export function cataloguePage(ctx: PageContext, agency: Agency, parent: Agency | null, tree: CatalogueSnapshotNode[] | null, counts: Map<number, number>, children: Agency[] = []): string {
  const subs = children.length ? html`<section aria-labelledby="subs-catalogue"><h2 id="subs-catalogue">${agency.kind === 'government' ? '部门和乡镇（街道）法定主动公开内容' : '下属单位法定主动公开内容'}</h2>
<ul class="tree">${children.map((c) => html`<li><a href="${agencyHref(c.id)}/catalogue">${c.name}</a></li>`)}</ul></section>` : '';
  return portalPage(ctx, {
    title: `${agency.name}法定主动公开内容`,
    column: { name: '法定主动公开内容', type: '信息公开目录' },
    crumbs: agencyCrumbs(agency, parent, { label: '法定主动公开内容' }),
    main: html`${columnNav(agency, 'catalogue')}<h1>法定主动公开内容</h1>
${tree && tree.length ? html`<p class="note">依据《中华人民共和国政府信息公开条例》第十九条至第二十一条，按本机关已发布的主动公开基本目录编排。</p>
<nav aria-label="主动公开基本目录"><ul class="tree">${catalogueTree(tree, counts)}</ul></nav>`
    : html`<p class="notice">本机关的主动公开基本目录正在编制中，尚未发布。您可以使用<a href="/search?agency=${agency.id}">站内搜索</a>查找本机关已公开的信息。</p>`}
${subs}`,
  });
}

/** 政府信息公开制度: the items of the category named so in the published catalogue, or a note. */
export function rulesPage(ctx: PageContext, agency: Agency, parent: Agency | null, list: ListPage<PublicItem> | null, categoryId: number | null): string {
  return portalPage(ctx, {
    title: `${agency.name}政府信息公开制度`,
    column: { name: '政府信息公开制度', type: '信息公开' },
    crumbs: agencyCrumbs(agency, parent, { label: '政府信息公开制度' }),
    main: html`${columnNav(agency, 'rules')}<h1>政府信息公开制度</h1>
${list && categoryId !== null ? html`${itemTable('政府信息公开制度', list.rows)}${pager(list, (p) => `${agencyHref(agency.id)}/rules?page=${p}`)}`
    : html`<p class="notice">本机关尚未单独发布政府信息公开工作制度。政府信息公开的程序和要求见<a href="${agencyHref(agency.id)}/guide">政府信息公开指南</a>。</p>`}`,
  });
}

/** A category's paged list, newest first, with its sub-categories. */
export function categoryPage(ctx: PageContext, agency: Agency, parent: Agency | null, node: CatalogueSnapshotNode, path: CatalogueSnapshotNode[], list: ListPage<PublicItem>): string {
  const trail = path.slice(0, -1).map((n) => ({ label: n.name, href: categoryHref(n.id) }));
  return portalPage(ctx, {
    title: `${node.name} - ${agency.name}`,
    column: { name: node.name, type: '信息公开目录' },
    head: html`<link rel="alternate" type="application/atom+xml" title="${node.name}" href="/categories/${node.id}/feed.xml">`,
    crumbs: agencyCrumbs(agency, parent, { label: '法定主动公开内容', href: `${agencyHref(agency.id)}/catalogue` }, ...trail, { label: node.name }),
    main: html`${columnNav(agency, 'catalogue')}<h1>${node.name}</h1>
${node.children.length ? html`<nav aria-label="下级类目"><p>下级类目：${node.children.map((c) => html`<a href="${categoryHref(c.id)}">${c.name}</a>　`)}</p></nav>` : ''}
${itemTable(`${node.name}（按发布日期由近及远排列）`, list.rows)}
${pager(list, (p) => categoryHref(node.id, p))}
<p><a href="/categories/${node.id}/feed.xml">订阅本栏目（Atom）</a></p>`,
  });
}

const sizeText = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** One attachment's text, shown on the page (在线阅读). */
export interface AttachmentText {
  hash: string;
  text: string;
  truncated: boolean;
}

/** The public 解读 links of an item (src/portal/public-content.ts publicItemLinks). */
export interface ItemPageLinks {
  interpretations: readonly PublicItem[];
  interprets: PublicItem | null;
}

/** 政策解读 under a document, and on a 解读 the document it interprets (只列出已公开的). */
function interpretationPart(links: ItemPageLinks): Html {
  return html`${links.interprets ? html`<p class="note">解读的文件：<a href="${itemHref(links.interprets.id)}">${links.interprets.fields.title}</a></p>` : ''}
${links.interpretations.length ? html`<section aria-labelledby="jiedu-heading"><h2 id="jiedu-heading">政策解读</h2>
<ul>${links.interpretations.map((i) => html`<li><a href="${itemHref(i.id)}">${i.fields.title}</a><span class="date">${date(i.publishedOn)}</span></li>`)}</ul>
</section>` : ''}`;
}

/** One public item: the metadata box, the published body, attachments (with their text to read online), its 解读 links. */
export function itemPage(
  ctx: PageContext, agency: Agency, item: PublicItem, categoryPath: CatalogueSnapshotNode[], texts: AttachmentText[],
  links: ItemPageLinks = { interpretations: [], interprets: null },
): string {
  const f = item.fields;
  const categoryName = categoryPath.at(-1)?.name ?? null;
  const validity = VALIDITIES[f.validity as Validity] ?? '有效';
  const box: Array<[string, string]> = [
    ['索引号', item.indexNo ?? '—'], ['主题分类', f.theme ?? '—'], ['发布机构', f.issuer || agency.name], ['文号', f.docNo ?? '—'],
    ['成文日期', date(f.writtenOn)], ['发布日期', date(item.publishedOn)], ['有效性', validity], ['所属类目', categoryName ?? '—'],
    // Only 主动公开 items reach the portal (publishItem refuses the others).
    ['公开属性', DISCLOSURE_ATTRIBUTES.active], ['主题词', f.keywords?.trim() || '—'],
  ];
  const attachments = (f.attachments ?? []) as ItemAttachment[];
  const textOf = new Map(texts.map((t) => [t.hash, t]));
  const validityNote = f.validity === 'repealed'
    ? html`<p class="notice" role="note">本文件已废止${f.repealedOn ? html`（废止日期：${chineseDate(f.repealedOn)}）` : ''}，仅供查阅，不再作为执行依据。</p>`
    : f.validity === 'expired' ? html`<p class="notice" role="note">本文件已失效，仅供查阅，不再作为执行依据。</p>` : '';
  return portalPage(ctx, {
    title: f.title,
    column: { name: categoryName ?? '法定主动公开内容', type: '信息公开' },
    article: { title: f.title, pubDate: item.publishedOn, source: f.issuer || agency.name, keywords: f.keywords, description: f.summary || f.title },
    crumbs: [HOME, { label: `${agency.name}政府信息公开`, href: agencyHref(agency.id) }, { label: '法定主动公开内容', href: `${agencyHref(agency.id)}/catalogue` },
      ...categoryPath.map((n) => ({ label: n.name, href: categoryHref(n.id) })), { label: '正文' }],
    main: html`<dl class="meta" aria-label="信息属性">${box.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
<article>
<h1 class="article-title">${f.title}</h1>
${validityNote}
${f.summary ? html`<p class="note">内容概述：${f.summary}</p>` : ''}
<div class="article-body">${raw(f.bodyHtml)}</div>
${attachments.length ? html`<section aria-labelledby="att-heading"><h2 id="att-heading">附件</h2>
<ol>${attachments.map((a) => html`<li><a href="${attachmentHref(item.id, a.hash)}" download>${a.fileName}</a> <span class="kind">（${a.fileType.toUpperCase()}，${sizeText(a.size)}）</span>${textOf.has(a.hash) ? html` <a href="#read-${a.hash.slice(0, 12)}">在线阅读</a>` : ''}</li>`)}</ol>
${attachments.filter((a) => textOf.has(a.hash)).map((a) => html`<h3 id="read-${a.hash.slice(0, 12)}">在线阅读：${a.fileName}</h3>
<div class="attachment-text" role="region" aria-label="附件正文：${a.fileName}" tabindex="0">${textOf.get(a.hash)!.text}</div>
${textOf.get(a.hash)!.truncated ? html`<p class="note">以上为附件的前一部分，完整内容请下载附件阅读。</p>` : ''}`)}
</section>` : ''}
${interpretationPart(links)}
</article>`,
  });
}

/** A withdrawn item's page (410): it says so, with the date, never the body. */
export function withdrawnPage(ctx: PageContext, indexNo: string | null, withdrawnAt: string): string {
  return portalPage(ctx, {
    title: '信息已撤回',
    crumbs: [HOME, { label: '信息已撤回' }],
    main: html`<h1>信息已撤回</h1>
<p class="notice">${indexNo ? html`索引号为 ${indexNo} 的` : '该'}政府信息已于 ${chineseDate(chinaDay(withdrawnAt))} 撤回，不再公开。</p>
<p class="note">如需了解相关信息，可使用<a href="/search">站内搜索</a>查找现行信息，或通过<a href="/apply">依申请公开</a>提出申请。</p>`,
  });
}

/** The newest public items (the home page's 最新公开信息): title link and 发布日期. */
export function latestList(items: PublicItem[]): Html {
  if (!items.length) return html`<p class="note">暂无已公开的信息。</p>`;
  return html`<ul class="latest">${items.map((i) => html`<li><a href="${itemHref(i.id)}">${i.fields.title}</a><span class="date">${date(i.publishedOn)}</span></li>`)}</ul>`;
}
