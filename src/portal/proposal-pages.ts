/**
 * 建议提案办理结果: the public list of an agency's proposals whose result is published, each linking to the item
 * (政府信息) that publishes it. Only proposals with a result on the portal are listed: the others are internal work.
 * The deputy's or member's name is shown as the proposal's public author (their office, not private data).
 */
import type { Agency } from '../agencies/agency.service.js';
import { chineseDate } from '../core/report/dates.js';
import type { Proposal } from '../proposals/proposal.service.js';
import { html } from '../render/html/template.js';
import { itemHref } from './disclosure-pages.js';
import { portalPage, type PageContext } from './portal-layout.js';
import { agencyCrumbs, agencyHref, columnNav } from './portal-pages.js';

/** Portal path of an agency's proposal results. */
export const proposalsHref = (agencyId: number) => `${agencyHref(agencyId)}/proposals`;

/** The list of published proposal results of an agency, newest first. */
export function proposalsPage(ctx: PageContext, agency: Agency, parent: Agency | null, proposals: readonly Proposal[]): string {
  const table = proposals.length
    ? html`<div class="table-wrap" role="region" aria-label="建议提案办理结果列表" tabindex="0">
<table class="list">
<caption>${agency.name}建议提案办理结果</caption>
<thead><tr><th scope="col">类别</th><th scope="col">编号</th><th scope="col">标题</th><th scope="col">提出人</th><th scope="col">答复日期</th><th scope="col">公开日期</th></tr></thead>
<tbody>
${proposals.map((p) => html`<tr><td class="nowrap">${p.kindName}</td><td class="nowrap">${p.sourceNo}</td><td class="title"><a href="${itemHref(p.resultItemId!)}">${p.title}</a></td><td>${p.proposer}</td><td class="nowrap">${p.answeredOn ? chineseDate(p.answeredOn) : '—'}</td><td class="nowrap">${chineseDate(p.resultPublishedOn!)}</td></tr>\n`)}
</tbody>
</table>
</div>`
    : html`<p class="note">本机关暂无已公开的建议提案办理结果。</p>`;
  return portalPage(ctx, {
    title: `${agency.name}建议提案办理结果`,
    column: { name: '建议提案办理结果', type: '信息公开' },
    crumbs: agencyCrumbs(agency, parent, { label: '建议提案办理结果' }),
    main: html`${columnNav(agency, null)}<h1>建议提案办理结果</h1>
<p class="note">${agency.name}承办的人大代表建议和政协提案的办理结果。</p>
${table}`,
  });
}
