/**
 * The public portal (政府信息公开平台): server-rendered pages for readers (no JavaScript needed). Only PUBLISHED
 * content is ever shown: reports in state published, the last published guide and catalogue versions, items with
 * an active portal publication (their published version). A draft is a 404 that names nothing but the id; a
 * withdrawn item is a 410 page saying when it was withdrawn.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { agencyService, type Agency } from '../agencies/agency.service.js';
import type { CatalogueSnapshotNode } from '../core/disclosure/catalogue-tree.js';
import { NotFoundError } from '../core/errors.js';
import { chinaDay } from '../disclosure/item-drafting.js';
import { pageOf as pageContextOf, siteOf, type AppContext } from '../http/context.js';
import { ATTACHMENT_MEDIA_TYPES, type AttachmentType } from '../inspect/file-type.js';
import { contentDisposition } from '../render/render-report.js';
import { reportFileResponse } from '../reports/report.routes.js';
import { DownloadParams, MAX_ID, VersionDownloadParams } from '../reports/report.schema.js';
import { reportService } from '../reports/report.service.js';
import { calendarService } from '../calendar/calendar.service.js';
import { listMatterRows } from '../matters/matter.repository.js';
import { proposalService } from '../proposals/proposal.service.js';
import { proposalsPage } from './proposal-pages.js';

/** A report as the portal shows it (report.service published()). */
type PublicReport = NonNullable<Awaited<ReturnType<ReturnType<typeof reportService>['published']>>>;
import { allPublications } from '../disclosure/review.repository.js';
import { attachmentTexts } from './attachment-text.js';
import { createPageCache, type RenderedBody } from './page-cache.js';
import {
  applyInfoPage, cataloguePage, categoryHref, categoryPage, guidePage, itemHref, itemPage, latestList, PAGE_SIZE, RULES_CATEGORY_NAME, rulesPage, withdrawnPage,
} from './disclosure-pages.js';
import { matterHref } from './matter-pages.js';
import { atomFeed, sitemapXml } from './portal-feeds.js';
import { DISPLAY_COOKIE, displayOf, displayValue, type PageContext } from './portal-layout.js';
import { agencyHref, agencyPage, homePage, reportPage, reportsPage, STATUTORY_COLUMNS } from './portal-pages.js';
import { MAX_SEARCH_PAGE, searchPortal } from './portal-search.js';
import {
  findByName, lookupPublicItem, pathTo, publicAttachment, publicCatalogue, publicCatalogues, publicCategory, publicCounts, publicGuide, publicItemLinks, publicItemPage, subtreeIds,
} from './public-content.js';
import { DOC_TYPES, searchPage, sitemapPage, VALIDITY_NAMES, type SearchForm } from './site-pages.js';

const PageIdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: MAX_ID }) });
/** The deepest list page served (20 a page: 200,000 items; deeper offsets cost and nobody reads them). */
const MAX_LIST_PAGE = 10_000;
const PageQuery = Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LIST_PAGE, description: '页码' })) });
const AttachmentParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: MAX_ID }), hash: Type.String({ pattern: '^[0-9a-f]{64}$' }) });
const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 10_000 })),
  agency: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: MAX_ID }), Type.Literal('')])),
  category: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: MAX_ID }), Type.Literal('')])),
  year: Type.Optional(Type.Union([Type.Integer({ minimum: 1949, maximum: 2200 }), Type.Literal('')])),
  docType: Type.Optional(Type.Union([...DOC_TYPES.map((t) => Type.Literal(t)), Type.Literal('')])),
  validity: Type.Optional(Type.Union([...VALIDITY_NAMES.map((t) => Type.Literal(t)), Type.Literal('')])),
  sort: Type.Optional(Type.Union([Type.Literal('relevance'), Type.Literal('date')])),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_SEARCH_PAGE })),
});
const DisplayQuery = Type.Object({
  mode: Type.Optional(Type.String({ maxLength: 40 })),
  back: Type.Optional(Type.String({ maxLength: 2000 })),
});
const HTML = 'text/html; charset=utf-8';
const PAGE = { hide: true } as const;
/** Items on the home page's 最新公开信息. */
const LATEST_SIZE = 10;
/** Items in a feed. */
const FEED_SIZE = 50;
/** Items listed in /sitemap.xml (the protocol's limit per file is 50,000). */
const SITEMAP_ITEMS = 40_000;

/** Registers the portal pages. */
export const portalRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const db = () => ctx.db.db;
  const reports = () => reportService(ctx.db.db, ctx.clock);
  const agencies = () => agencyService(ctx.db.db, ctx.clock);

  /** The page context of a request: the site, the reader's display mode (cookie) and the path. */
  const pageOf = (request: FastifyRequest): PageContext => pageContextOf(ctx, request);
  // Every page comes from the page cache: rendered once per publication generation (src/portal/page-cache.ts).
  const cache = ctx.pageCache ?? createPageCache(ctx.db.db);
  /**
   * A page from the cache, keyed by its URL (the page shows it: the display switch comes back to it) and the reader's
   * display mode (cookie), so `Vary: Cookie`. The search page is not cached: any query, and answered from the index.
   */
  const cached = (request: FastifyRequest, reply: FastifyReply, render: (page: PageContext) => Promise<string | RenderedBody>) => {
    const page = pageOf(request);
    return cache.send(request, reply, `${request.url}|${displayValue(page.display)}`, async () => {
      const made = await render(page);
      return typeof made === 'string' ? { body: made, vary: 'Cookie' } : { vary: 'Cookie', ...made };
    });
  };
  const send = (reply: FastifyReply, page: string) => reply.type(HTML).send(page);
  const atomXml = (body: string): RenderedBody => ({ body, type: 'application/atom+xml; charset=utf-8' });

  /**
   * A report for the public: its published version (a correction in progress is not shown), the corrections
   * published and the earlier versions; NotFound when never published (a draft must not be revealed) or withdrawn.
   */
  async function publishedReport(id: number): Promise<PublicReport> {
    const missing = new NotFoundError(`未找到编号为 ${id} 的已发布年度报告`);
    const found = await reports().published(id);
    if (!found) throw missing;
    // Withdrawn from the portal (撤回): no longer shown, as if never published.
    const portal = (await allPublications(ctx.db.db, { kind: 'report', id })).filter((p) => p.channel === 'portal');
    if (portal.length > 0 && portal.every((p) => p.withdrawn_at !== null)) throw missing;
    return found;
  }

  async function agencyWithParent(id: number): Promise<{ agency: Agency; parent: Agency | null }> {
    const agency = await agencies().get(id);
    return { agency, parent: agency.parentId === null ? null : await agencies().get(agency.parentId) };
  }

  app.get('/', { schema: PAGE }, (request, reply) => cached(request, reply, async (page) => {
    const latest = await publicItemPage(db(), {}, 1, LATEST_SIZE);
    return homePage(page, await agencies().tree(), latestList(latest.rows));
  }));

  app.get('/agencies/:id', { schema: { ...PAGE, params: PageIdParams } }, (request, reply) => cached(request, reply, async (page) => {
    const { agency, parent } = await agencyWithParent(request.params.id);
    const children = (await agencies().list()).filter((a) => a.parentId === agency.id);
    return agencyPage(page, agency, parent, children);
  }));

  app.get('/agencies/:id/guide', { schema: { ...PAGE, params: PageIdParams } }, (request, reply) => cached(request, reply, async (page) => {
    const { agency, parent } = await agencyWithParent(request.params.id);
    return guidePage(page, agency, parent, await publicGuide(db(), agency.id));
  }));

  app.get('/agencies/:id/apply', { schema: { ...PAGE, params: PageIdParams } }, (request, reply) => cached(request, reply, async (page) => {
    const { agency, parent } = await agencyWithParent(request.params.id);
    return applyInfoPage(page, agency, parent, (await publicGuide(db(), agency.id))?.content ?? null);
  }));

  app.get('/agencies/:id/catalogue', { schema: { ...PAGE, params: PageIdParams } }, (request, reply) => cached(request, reply, async (page) => {
    const { agency, parent } = await agencyWithParent(request.params.id);
    const tree = await publicCatalogue(db(), agency.id);
    const children = (await agencies().list()).filter((a) => a.parentId === agency.id);
    return cataloguePage(page, agency, parent, tree, tree ? await publicCounts(db(), tree) : new Map(), children);
  }));

  app.get('/agencies/:id/rules', { schema: { ...PAGE, params: PageIdParams, querystring: PageQuery } }, (request, reply) => cached(request, reply, async (page) => {
    const { agency, parent } = await agencyWithParent(request.params.id);
    const tree = await publicCatalogue(db(), agency.id);
    const node = tree ? findByName(tree, RULES_CATEGORY_NAME) : null;
    const list = node ? await publicItemPage(db(), { agencyIds: [agency.id], categoryIds: subtreeIds(node) }, request.query.page ?? 1, PAGE_SIZE) : null;
    return rulesPage(page, agency, parent, list, node?.id ?? null);
  }));

  app.get('/agencies/:id/reports', { schema: { ...PAGE, params: PageIdParams } }, (request, reply) => cached(request, reply, async (page) => {
    const { agency, parent } = await agencyWithParent(request.params.id);
    const list = await reports().list({ agencyId: agency.id, onPortal: true });
    const titles = await reports().titles({ agencyId: agency.id, onPortal: true });
    return reportsPage(page, agency, parent, list, titles);
  }));

  // Changes only when a result item is published or withdrawn, which bumps the publication generation of the cache key.
  app.get('/agencies/:id/proposals', { schema: { ...PAGE, params: PageIdParams } }, (request, reply) => cached(request, reply, async (page) => {
    const { agency, parent } = await agencyWithParent(request.params.id);
    const calendar = await calendarService(db(), ctx.clock).load();
    return proposalsPage(page, agency, parent, await proposalService(db(), ctx.clock, calendar).publicResults(agency.id));
  }));

  app.get('/agencies/:id/feed.xml', { schema: { ...PAGE, params: PageIdParams } }, (request, reply) => cached(request, reply, async (page) => {
    const agency = await agencies().get(request.params.id);
    const list = await publicItemPage(db(), { agencyIds: [agency.id] }, 1, FEED_SIZE);
    const path = `${agencyHref(agency.id)}/feed.xml`;
    return atomXml(atomFeed(siteOf(ctx), { title: `${agency.name}政府信息公开`, path, pagePath: agencyHref(agency.id), fallback: chinaDay(ctx.clock()) }, list.rows));
  }));

  app.get('/categories/:id', { schema: { ...PAGE, params: PageIdParams, querystring: PageQuery } }, (request, reply) => cached(request, reply, async (page) => {
    const { agencyId, node, path } = await publicCategory(db(), request.params.id);
    const { agency, parent } = await agencyWithParent(agencyId);
    const list = await publicItemPage(db(), { agencyIds: [agencyId], categoryIds: subtreeIds(node) }, request.query.page ?? 1, PAGE_SIZE);
    return categoryPage(page, agency, parent, node, path, list);
  }));

  app.get('/categories/:id/feed.xml', { schema: { ...PAGE, params: PageIdParams } }, (request, reply) => cached(request, reply, async (page) => {
    const { agencyId, node } = await publicCategory(db(), request.params.id);
    const agency = await agencies().get(agencyId);
    const list = await publicItemPage(db(), { agencyIds: [agencyId], categoryIds: subtreeIds(node) }, 1, FEED_SIZE);
    return atomXml(atomFeed(siteOf(ctx), {
      title: `${agency.name} - ${node.name}`, path: `/categories/${node.id}/feed.xml`, pagePath: categoryHref(node.id), fallback: chinaDay(ctx.clock()),
    }, list.rows));
  }));

  app.get('/items/:id', { schema: { ...PAGE, params: PageIdParams } }, (request, reply) => cached(request, reply, async (page) => {
    const found = await lookupPublicItem(db(), request.params.id);
    if (found.kind === 'withdrawn') return { body: withdrawnPage(page, found.indexNo, found.withdrawnAt), status: 410 };
    const { item } = found;
    const agency = await agencies().get(item.agencyId);
    const tree = await publicCatalogue(db(), item.agencyId);
    const categoryId = item.fields.categoryId;
    const categoryPath = tree && categoryId !== null ? pathTo(tree, categoryId) : [];
    const texts = await attachmentTexts(db(), item.fields.attachments ?? []);
    // Same agency both ways (checked on save): publishing or withdrawing either side bumps this page's generation.
    return itemPage(page, agency, item, categoryPath, texts, await publicItemLinks(db(), item));
  }));

  app.get('/items/:id/attachments/:hash', { schema: { ...PAGE, params: AttachmentParams } }, async (request, reply) => {
    const file = await publicAttachment(db(), request.params.id, request.params.hash);
    return reply
      .type(mediaTypeOf(file.fileType))
      // The project's one Content-Disposition (RFC 5987: ' ( ) * encoded too; an ASCII name for old clients).
      .header('content-disposition', contentDisposition('attachment', file.fileName, `item-${request.params.id}-attachment.${file.fileType}`))
      .header('x-content-type-options', 'nosniff')
      .send(Buffer.from(file.content));
  });

  app.get('/reports/:id', { schema: { ...PAGE, params: PageIdParams } }, (request, reply) => cached(request, reply, async (page) => {
    const { report, corrections, earlierVersions } = await publishedReport(request.params.id);
    return reportPage(page, report, report.document, corrections, earlierVersions);
  }));

  // DOCX and PDF are compressed formats already; HTML and JSON are worth compressing.
  app.get('/reports/:id/download.:ext', { schema: { ...PAGE, params: DownloadParams } }, (request, reply) => {
    const { id, ext } = request.params;
    return cache.send(request, reply, `report-file:${id}:${ext}`, async () => {
      const { report } = await publishedReport(id);
      const file = await reportFileResponse(ctx, report, ext);
      return { ...file, compress: ext === 'html' || ext === 'json', lastModified: report.correctedAt ?? report.publishedAt ?? undefined };
    });
  });

  // A version published before a correction (更正) stays downloadable; any other version is not public.
  app.get('/reports/:id/versions/:version/download.:ext', { schema: { ...PAGE, params: VersionDownloadParams } }, (request, reply) => {
    const { id, version, ext } = request.params;
    return cache.send(request, reply, `report-file:${id}:v${version}:${ext}`, async () => {
      const { report, earlierVersions } = await publishedReport(id);
      if (version !== report.version && !earlierVersions.includes(version)) throw new NotFoundError(`年度报告（编号 ${id}）没有已公开的第 ${version} 版`);
      const earlier = await reports().getVersion(id, version);
      const file = await reportFileResponse(ctx, { ...earlier, status: 'published' }, ext);
      return { ...file, compress: ext === 'html' || ext === 'json' };
    });
  });

  app.get('/search', { schema: { ...PAGE, querystring: SearchQuery } }, async (request, reply) => {
    const s = request.query;
    const num = (v: number | '' | undefined) => (typeof v === 'number' ? v : undefined);
    const form: SearchForm = {
      q: (s.q ?? '').trim(), agency: num(s.agency), category: num(s.category), year: num(s.year),
      docType: s.docType || undefined, validity: s.validity || undefined, sort: s.sort ?? 'relevance', page: s.page ?? 1,
    };
    const all = await agencies().list();
    if (form.agency !== undefined && !all.some((a) => a.id === form.agency)) throw new NotFoundError(`未找到编号为 ${form.agency} 的机关`);
    let categoryIds: number[] | undefined;
    if (form.category !== undefined) categoryIds = subtreeIds((await publicCategory(db(), form.category)).node);
    const result = form.q ? await searchPortal(db(), {
      q: form.q, agencyIds: form.agency ? [form.agency] : undefined, categoryIds, year: form.year, docType: form.docType, validity: form.validity,
      sort: form.sort, page: form.page,
    }) : null;
    let suggestions: Array<{ id: number; name: string; agencyName: string }> = [];
    if (result && result.total === 0) suggestions = await catalogueSuggestions(form.q, form.agency ? all.filter((x) => x.id === form.agency) : all);
    const thisYear = Number(chinaDay(ctx.clock()).slice(0, 4));
    const years = Array.from({ length: 10 }, (_, i) => thisYear - i);
    const categories: Array<{ id: number; name: string; depth: number }> = [];
    const flatten = (nodes: CatalogueSnapshotNode[], depth: number) => nodes.forEach((n) => { categories.push({ id: n.id, name: n.name, depth }); flatten(n.children, depth + 1); });
    if (form.agency) flatten((await publicCatalogue(db(), form.agency)) ?? [], 0);
    return send(reply, searchPage(pageOf(request), form, { agencies: all, years, suggestions, categories }, result));
  });

  /**
   * Categories to offer when a search finds nothing: those whose names share the most two-character words with the query
   * (top-level categories first when none does), from the agencies' published catalogues.
   */
  async function catalogueSuggestions(q: string, among: Agency[]): Promise<Array<{ id: number; name: string; agencyName: string }>> {
    const letters = [...q].filter((c) => /[\p{L}\p{N}]/u.test(c));
    const pairs = new Set(letters.slice(1).map((c, i) => letters[i]! + c));
    const found: Array<{ id: number; name: string; agencyName: string; score: number; depth: number }> = [];
    const catalogues = await publicCatalogues(db());
    for (const a of among.slice(0, 200)) {
      const walk = (nodes: CatalogueSnapshotNode[], depth: number) => nodes.forEach((n) => {
        found.push({ id: n.id, name: n.name, agencyName: a.name, score: [...pairs].filter((p) => n.name.includes(p)).length, depth });
        walk(n.children, depth + 1);
      });
      walk(catalogues.get(a.id) ?? [], 0);
    }
    const matching = found.filter((f) => f.score > 0).sort((x, y) => y.score - x.score);
    return (matching.length ? matching : found.filter((f) => f.depth === 0)).slice(0, 12).map(({ id, name, agencyName }) => ({ id, name, agencyName }));
  }

  app.get('/sitemap', { schema: PAGE }, (request, reply) => cached(request, reply, async (page) => {
    const tree = await agencies().tree();
    const published = await publicCatalogues(db());
    const catalogues = new Map((await agencies().list()).map((a) => [a.id, published.get(a.id) ?? []]));
    return sitemapPage(page, tree, catalogues);
  }));

  app.get('/sitemap.xml', { schema: PAGE }, (request, reply) => cached(request, reply, async (page) => {
    const entries: Array<{ path: string; lastmod?: string | null }> = [{ path: '/' }, { path: '/search' }, { path: '/sitemap' }, { path: '/apply' }];
    const catalogues = await publicCatalogues(db());
    for (const a of await agencies().list()) {
      entries.push({ path: agencyHref(a.id) }, ...STATUTORY_COLUMNS.map((c) => ({ path: `${agencyHref(a.id)}/${c.path}` })), { path: `${agencyHref(a.id)}/proposals` });
      const walk = (nodes: CatalogueSnapshotNode[]) => nodes.forEach((n) => { entries.push({ path: categoryHref(n.id) }); walk(n.children); });
      walk(catalogues.get(a.id) ?? []);
    }
    for (const r of await reports().list({ onPortal: true })) entries.push({ path: `/reports/${r.id}`, lastmod: r.issuedOn });
    // The published service guides (办事指南), each with the day its current version was published.
    entries.push({ path: '/matters' });
    const guides = await listMatterRows(db(), true, {}, { offset: 0, limit: SITEMAP_ITEMS });
    for (const m of guides.rows) entries.push({ path: matterHref(m.id), lastmod: m.published_on });
    const items = await publicItemPage(db(), {}, 1, SITEMAP_ITEMS);
    for (const i of items.rows) entries.push({ path: itemHref(i.id), lastmod: i.publishedOn });
    return { body: sitemapXml(siteOf(ctx), entries), type: 'application/xml; charset=utf-8' };
  }));

  // 适老化: a plain link sets the display mode (large text, high contrast) in a cookie and comes back; no JavaScript.
  app.get('/display', { schema: { ...PAGE, querystring: DisplayQuery } }, async (request, reply) => {
    const mode = displayOf((request.query.mode ?? '').replace(/standard/g, ''));
    const back = request.query.back ?? '/';
    // Only a path of this site: never an open redirect.
    const target = /^\/(?![/\\])[^\s]*$/.test(back) ? back : '/';
    const value = displayValue(mode);
    reply.setCookie(DISPLAY_COOKIE, value, { path: '/', sameSite: 'lax', maxAge: value ? 365 * 24 * 3600 : 0, httpOnly: true });
    return reply.redirect(target, 303);
  });
};

/** The media type an attachment is served with (by its detected type: src/inspect's table, the one it is stored with). */
function mediaTypeOf(fileType: string): string {
  return Object.hasOwn(ATTACHMENT_MEDIA_TYPES, fileType) ? ATTACHMENT_MEDIA_TYPES[fileType as AttachmentType] : 'application/octet-stream';
}
