/**
 * The public 办事指南 pages (src/portal/matter-pages.ts): the list with its filters, a guide page, its A4 PDF and its
 * QR code as PNG and SVG. Every response comes from the page cache (rendered once per publication generation); only
 * published versions are shown, a draft is a 404 that names nothing but the id.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { MATTER_FLAG_KEYS, SERVICE_LEVEL_KEYS, type MatterFlag } from '../core/matters/matter-lists.js';
import { pageOf, siteOf, type AppContext } from '../http/context.js';
import { ATTACHMENT_MEDIA_TYPES, type AttachmentType } from '../inspect/file-type.js';
import { FLAG_COLUMNS, matterService, summaryOf } from '../matters/matter.service.js';
import { listMatterRows } from '../matters/matter.repository.js';
import { abolishedGuide, publishedGuide, publishedMaterialFile } from '../matters/matter-public.js';
import { contentDisposition } from '../render/render-report.js';
import { renderMatterGuidePdf } from '../render/matters/matter-guide-pdf.js';
import { qrBoardSvg, qrPng } from '../render/matters/matter-qr.js';
import { MAX_ID } from '../reports/report.schema.js';
import { createPageCache, type RenderedBody } from './page-cache.js';
import { abolishedMatterPage, matterListPage, matterPage } from './matter-pages.js';
import { absolute } from './portal-feeds.js';
import { displayValue } from './portal-layout.js';

const PAGE = { hide: true } as const;
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: MAX_ID }) });
const FileParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: MAX_ID }), hash: Type.String({ pattern: '^[0-9a-f]{64}$' }) });
const ListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  theme: Type.Optional(Type.String({ maxLength: 20, pattern: '^((person|legal):\\d{3})?$' })),
  level: Type.Optional(Type.Union([...SERVICE_LEVEL_KEYS.map((l) => Type.Literal(l)), Type.Literal('')])),
  office: Type.Optional(Type.String({ maxLength: 100 })),
  flag: Type.Optional(Type.Union([...MATTER_FLAG_KEYS.map((f) => Type.Literal(f)), Type.Literal('')])),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
});
const PAGE_SIZE = 20;

/** Registers the public guide pages. */
export const matterPortalRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const db = () => ctx.db.db;
  const cache = ctx.pageCache ?? createPageCache(ctx.db.db);
  const cached = (request: FastifyRequest, reply: FastifyReply, key: string, render: () => Promise<RenderedBody>) => cache.send(request, reply, key, render);
  const page = (request: FastifyRequest, reply: FastifyReply, render: (p: ReturnType<typeof pageOf>) => Promise<string>) => {
    const p = pageOf(ctx, request);
    return cache.send(request, reply, `${request.url}|${displayValue(p.display)}`, async () => ({ body: await render(p), vary: 'Cookie' }));
  };
  /** The guide's absolute address: what its QR code opens. */
  const urlOf = (path: string) => absolute(siteOf(ctx), path);

  app.get('/matters', { schema: { ...PAGE, querystring: ListQuery } }, (request, reply) => page(request, reply, async (p) => {
    const q = request.query;
    const form = { q: q.q?.trim() ?? '', theme: q.theme ?? '', level: q.level ?? '', office: q.office ?? '', flag: q.flag ?? '', page: q.page ?? 1 };
    const { rows, total } = await listMatterRows(db(), true, {
      q: form.q || undefined, theme: form.theme || undefined, level: form.level || undefined, office: form.office || undefined,
      flag: form.flag ? FLAG_COLUMNS[form.flag as MatterFlag] : undefined,
    }, { offset: (form.page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
    const service = matterService(db(), ctx.clock);
    const themes = await service.themes();
    const offices = [...new Set((await db().selectFrom('matter_offices').select('name').where('archived', '=', 0).orderBy('name').execute()).map((o) => o.name))];
    return matterListPage(p, form, { themes, offices }, { total, matters: rows.map(summaryOf) }, PAGE_SIZE);
  }));

  app.get('/matters/:id', { schema: { ...PAGE, params: IdParams } }, (request, reply) => {
    const p = pageOf(ctx, request);
    return cache.send(request, reply, `${request.url}|${displayValue(p.display)}`, async () => {
      // An abolished matter: 410 Gone with the notice (its QR code is still on the hall's boards).
      const gone = await abolishedGuide(db(), request.params.id);
      if (gone) return { body: abolishedMatterPage(p, gone), vary: 'Cookie', status: 410 };
      const g = await publishedGuide(db(), request.params.id);
      return { body: matterPage(p, { id: g.id, agencyName: g.agencyName, matter: g.matter, publishedOn: g.publishedOn, version: g.version, themeName: g.themeName }), vary: 'Cookie' };
    });
  });

  app.get('/matters/:id/qr.png', { schema: { ...PAGE, params: IdParams } }, (request, reply) => cached(request, reply, `matter-qr-png:${request.params.id}`, async () => {
    const g = await publishedGuide(db(), request.params.id);
    return { body: await qrPng(urlOf(g.path)), type: 'image/png', compress: false, headers: { 'content-disposition': contentDisposition('inline', `${g.matter.name}二维码.png`, `matter-${g.id}-qr.png`) } };
  }));

  app.get('/matters/:id/qr.svg', { schema: { ...PAGE, params: IdParams } }, (request, reply) => cached(request, reply, `matter-qr-svg:${request.params.id}`, async () => {
    const g = await publishedGuide(db(), request.params.id);
    return { body: await qrBoardSvg(urlOf(g.path), g.matter.name), type: 'image/svg+xml; charset=utf-8', headers: { 'content-disposition': contentDisposition('inline', `${g.matter.name}二维码.svg`, `matter-${g.id}-qr.svg`) } };
  }));

  app.get('/matters/:id/guide.pdf', { schema: { ...PAGE, params: IdParams } }, (request, reply) => cached(request, reply, `matter-pdf:${request.params.id}`, async () => {
    const g = await publishedGuide(db(), request.params.id);
    const body = await renderMatterGuidePdf({ matter: g.matter, agencyName: g.agencyName, url: urlOf(g.path), version: g.version, publishedOn: g.publishedOn, themeName: g.themeName });
    return { body, type: 'application/pdf', compress: false, headers: { 'content-disposition': contentDisposition('attachment', `${g.matter.name}办事指南.pdf`, `matter-${g.id}-guide.pdf`) } };
  }));

  app.get('/matters/:id/files/:hash', { schema: { ...PAGE, params: FileParams } }, async (request, reply) => {
    const file = await publishedMaterialFile(db(), request.params.id, request.params.hash);
    return reply.type(ATTACHMENT_MEDIA_TYPES[file.fileType as AttachmentType] ?? 'application/octet-stream')
      .header('content-disposition', contentDisposition('attachment', file.fileName, `matter-${request.params.id}-form.${file.fileType}`))
      .header('x-content-type-options', 'nosniff').send(Buffer.from(file.content));
  });
};
