/**
 * The public 办事指南 (issue 12): a mobile-first guide page per published matter (the seed's 二维码办事指南: scanned on
 * a phone, read, kept, downloaded) with its QR code and downloads (A4 PDF, QR as PNG and SVG for the hall's boards),
 * and the list of guides browsable by theme, service level, office and flag and searchable by name or code. Only the
 * PUBLISHED version of a matter is ever shown.
 */
import type { Matter } from '../core/matters/matter.js';
import {
  AUDIENCES, HANDLING_KINDS, MATERIAL_KINDS, MATTER_FLAG_KEYS, MATTER_FLAGS, MATTER_TYPES, SERVICE_LEVELS, type MatterFlag,
} from '../core/matters/matter-lists.js';
import type { AbolishedGuide } from '../matters/matter-public.js';
import type { MatterSummary } from '../matters/matter.service.js';
import { daysText, MEDIUM_NAMES } from '../matters/matter-text.js';
import { html, type Html } from '../render/html/template.js';
import { portalPage, type PageContext } from './portal-layout.js';
import { HOME } from './portal-pages.js';

/** The address of a guide page and its downloads. */
export const matterHref = (id: number) => `/matters/${id}`;

/** The browse form's values. */
export interface MatterBrowseForm { q: string; theme: string; level: string; office: string; flag: string; page: number }

const CRUMB = { label: '办事指南', href: '/matters' };

function lines(list: readonly string[], ordered = false): Html {
  const items = list.map((l) => html`<li>${l}</li>`);
  return ordered ? html`<ol>${items}</ol>` : html`<ul>${items}</ul>`;
}

function fact(label: string, value: Html | string): Html {
  return html`<dt>${label}</dt><dd>${value}</dd>`;
}

function flagTags(flags: Record<MatterFlag, boolean>): Html {
  const on = MATTER_FLAG_KEYS.filter((k) => flags[k]);
  return on.length ? html`<ul class="tags">${on.map((k) => html`<li>${MATTER_FLAGS[k]}</li>`)}</ul>` : html``;
}

/**
 * The page of an abolished matter (事项取消): printed QR codes in the hall still open this address, so it says when
 * and why the matter was abolished and where to look for current guides, instead of a bare “not found”.
 */
export function abolishedMatterPage(ctx: PageContext, g: AbolishedGuide): string {
  return portalPage(ctx, {
    title: `${g.name}（已取消）`,
    column: { name: '办事指南', type: '办事服务' },
    crumbs: [HOME, CRUMB, { label: g.name }],
    main: html`<article class="matter-guide">
<h1 class="article-title">${g.name}</h1>
<p class="notice">本事项已于 ${g.abolishedOn} 取消，不再办理，原办事指南停止使用。${g.reason ? html`取消理由：${g.reason}。` : ''}</p>
<p class="note">${g.agencyName}　事项编码：${g.code}</p>
<p>请在<a href="/matters">办事指南</a>中查找现行事项，或使用<a href="/search">站内搜索</a>。</p>
</article>`,
  });
}

/** One published guide. */
export function matterPage(ctx: PageContext, g: { id: number; agencyName: string; matter: Matter; publishedOn: string; version: number; themeName: (key: string) => string }): string {
  const m = g.matter;
  const href = matterHref(g.id);
  return portalPage(ctx, {
    title: `${m.name}办事指南`,
    column: { name: '办事指南', type: '办事服务' },
    article: { title: `${m.name}办事指南`, pubDate: g.publishedOn, source: g.agencyName, keywords: m.themes.map(g.themeName).join(' ') },
    crumbs: [HOME, CRUMB, { label: m.name }],
    main: html`<article class="matter-guide">
<h1 class="article-title">${m.name}</h1>
<p class="note">${g.agencyName}　事项编码：${m.code}　发布日期：${g.publishedOn}（第 ${g.version} 版）</p>
${flagTags(m.flags)}
<figure class="qr"><img src="${href}/qr.png" width="160" height="160" alt="本办事指南的二维码：用手机扫描打开本页"><figcaption>扫码在手机上查看、收藏本指南</figcaption></figure>
<p class="downloads"><a href="${href}/guide.pdf">下载办事指南（PDF）</a><a href="${href}/qr.png" download>下载二维码（PNG）</a><a href="${href}/qr.svg" download>下载二维码（SVG，适合大厅展板）</a>${m.onlineUrl ? html`<a href="${m.onlineUrl}" rel="noopener">网上办理</a>` : ''}</p>
<section aria-labelledby="basics"><h2 id="basics">基本信息</h2>
<dl class="meta">
${fact('事项类型', MATTER_TYPES[m.type])}${fact('办件类型', HANDLING_KINDS[m.handlingKind])}${fact('实施主体', m.office)}
${fact('服务对象', m.audiences.map((a) => AUDIENCES[a]).join('、'))}${fact('主题分类', m.themes.map(g.themeName).join('、'))}
${fact('服务层级', m.levels.map((l) => SERVICE_LEVELS[l]).join('、'))}
${fact('法定办结时限', daysText(m.statutoryDays))}${fact('承诺办结时限', daysText(m.promisedDays))}${fact('到现场次数', `${m.visits} 次`)}
${fact('收费', m.fee.charged ? `${m.fee.standard}（收费依据：${m.fee.basis}）` : '不收费')}
</dl></section>
<section aria-labelledby="basis"><h2 id="basis">设定依据</h2>${lines(m.legalBasis)}</section>
<section aria-labelledby="conditions"><h2 id="conditions">受理条件</h2><p>${m.conditions}</p></section>
<section aria-labelledby="materials"><h2 id="materials">申请材料</h2>
${m.materials.length === 0 ? html`<p>无需提交材料。</p>` : html`<ol class="materials">${m.materials.map((x) => html`<li><strong>${x.name}</strong><span>${MATERIAL_KINDS[x.kind]}　${x.copies} 份　${MEDIUM_NAMES[x.medium]}</span>${x.blankForm ? html`<a href="${href}/files/${x.blankForm.hash}">空白表格</a>` : ''}${x.sample ? html`<a href="${href}/files/${x.sample.hash}">示范样表</a>` : ''}</li>`)}</ol>`}
</section>
<section aria-labelledby="procedure"><h2 id="procedure">办理流程</h2>${lines(m.procedure, true)}</section>
<section aria-labelledby="where"><h2 id="where">办理地点和时间</h2><dl class="meta">${fact('办理地点', m.place)}${fact('办理时间', m.hours)}</dl></section>
<section aria-labelledby="contact"><h2 id="contact">咨询和监督投诉</h2><dl class="meta">${fact('咨询方式', m.consultation)}${fact('监督投诉方式', m.complaint)}</dl></section>
${m.faq ? html`<section aria-labelledby="faq"><h2 id="faq">常见问题</h2><p>${m.faq}</p></section>` : ''}
</article>`,
  });
}

function select(name: string, label: string, value: string, options: Array<[string, string]>): Html {
  return html`<label>${label}<select name="${name}"><option value="">全部</option>${options.map(([v, t]) => html`<option value="${v}"${v === value ? html` selected` : ''}>${t}</option>`)}</select></label>`;
}

/** The list of published guides with the browse form. */
export function matterListPage(
  ctx: PageContext, form: MatterBrowseForm, lists: { themes: Array<{ key: string; name: string; audience: string }>; offices: string[] },
  result: { total: number; matters: MatterSummary[] }, pageSize: number,
): string {
  const pages = Math.max(1, Math.ceil(result.total / pageSize));
  const query = (page: number) => {
    const p = new URLSearchParams();
    for (const k of ['q', 'theme', 'level', 'office', 'flag'] as const) if (form[k]) p.set(k, form[k]);
    if (page > 1) p.set('page', String(page));
    const s = p.toString();
    return `/matters${s ? `?${s}` : ''}`;
  };
  const themeOptions = (audience: string) => lists.themes.filter((t) => t.audience === audience).map((t): [string, string] => [t.key, t.name]);
  return portalPage(ctx, {
    title: '办事指南',
    column: { name: '办事指南', type: '办事服务' },
    crumbs: [HOME, { label: '办事指南' }],
    main: html`<h1>办事指南</h1>
<form class="matter-filter" method="get" action="/matters" role="search">
<label>事项名称或编码<input type="search" name="q" value="${form.q}" maxlength="100"></label>
<label>主题分类<select name="theme"><option value="">全部</option>
<optgroup label="${AUDIENCES.person}">${themeOptions('person').map(([v, t]) => html`<option value="${v}"${v === form.theme ? html` selected` : ''}>${t}</option>`)}</optgroup>
<optgroup label="${AUDIENCES.legal}">${themeOptions('legal').map(([v, t]) => html`<option value="${v}"${v === form.theme ? html` selected` : ''}>${t}</option>`)}</optgroup>
</select></label>
${select('level', '服务层级', form.level, Object.entries(SERVICE_LEVELS))}
${select('office', '实施主体', form.office, lists.offices.map((o): [string, string] => [o, o]))}
${select('flag', '办理方式', form.flag, Object.entries(MATTER_FLAGS))}
<button type="submit">查询</button>
</form>
<p class="note">共 ${result.total} 项</p>
${result.matters.length === 0 ? html`<p class="notice">没有符合条件的办事指南。</p>` : html`<ul class="matter-list">${result.matters.map((m) => html`<li><a href="${matterHref(m.id)}">${m.name}</a><span class="note">${m.office}　${m.code}</span>${flagTags(m.flags)}</li>`)}</ul>`}
${pages > 1 ? html`<nav class="pager" aria-label="分页">${form.page > 1 ? html`<a href="${query(form.page - 1)}" rel="prev">上一页</a>` : ''}<span>第 ${form.page} 页／共 ${pages} 页</span>${form.page < pages ? html`<a href="${query(form.page + 1)}" rel="next">下一页</a>` : ''}</nav>` : ''}`,
  });
}
