/**
 * Table 二 and proactive-publication API: 规章/行政规范性文件 counted from the items with the items behind
 * each cell; the other Art. 20 counts entered per year with their source (append-only); publications counted
 * by channel, category and month with the publications behind each figure.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { agencyService } from '../agencies/agency.service.js';
import type { FormatDefinition } from '../core/format/format-types.js';
import { cellDef, getFormat } from '../core/format/registry.js';
import { actorOf, inTransaction, type AppContext } from '../http/context.js';
import { errorResponses, IdParams } from '../reports/report.schema.js';
import { summaryOf } from '../reports/report.routes.js';
import { reportService } from '../reports/report.service.js';
import { narrativeFigures } from '../reports/narrative-figures.js';
import { optionalBodyCompiler } from '../http/json-body.js';
import { publicationCounts, publicationItems } from './publication-counts.service.js';
import { art20Counts, computedTable2, enterArt20Count, normativeCellItems } from './table2.service.js';
import {
  AgencyParams, Art20Body, FillFromDataBody, FillFromDataSchema, NarrativeFiguresSchema, Art20CountsSchema, Art20EntrySchema, Art20Query, NormativeCountsSchema, NormativeItemsQuery,
  NormativeItemsSchema, NormativeQuery, PublicationCountsQuery, PublicationCountsSchema, PublicationItemsQuery, PublicationItemsSchema,
} from './table2.schema.js';

const TAGS = ['统计'];

const query = (params: Record<string, string | number | undefined>): string =>
  new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString();

/** A table 二 cell's key with its official row and column labels (the key is a known cell: checked before). */
function cellPlace(format: FormatDefinition, key: string): { key: string; row: string[]; column: string[] } {
  const def = cellDef(format, key)!;
  return { key, row: [...def.rowPath], column: [...def.columnPath] };
}

/** Registers /api/agencies/:agencyId/normative-counts, /art20-counts and /publication-counts. */
export const table2Routes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const db = () => ctx.db.db;
  /** The agency of the path (NotFoundError → 404 when there is none). */
  const agencyOf = (agencyId: number) => agencyService(db()).get(agencyId);

  app.get('/api/agencies/:agencyId/normative-counts', {
    schema: {
      tags: TAGS, summary: '表二第二十条第（一）项：规章、行政规范性文件制发、废止和现行有效件数（由数据统计）',
      description: '只计已发布或导入的信息；制发日期缺省为成文日期；截止日期（asOf，缺省为 12 月 31 日）以后的制发、废止和发布不计入，'
        + '因此报告发布后可按同一截止日期重新得出相同的数字。',
      params: AgencyParams, querystring: NormativeQuery,
      response: { 200: NormativeCountsSchema, ...errorResponses(400, 404) },
    },
  }, async (request) => {
    const agency = await agencyOf(request.params.agencyId);
    const { year, asOf, format } = request.query;
    const computed = await computedTable2(db(), agency.id, year, asOf, format);
    const f = getFormat(computed.format);
    return {
      agencyId: agency.id, year, format: computed.format, asOf: computed.asOf,
      cells: Object.entries(computed.cells).map(([key, value]) => ({
        ...cellPlace(f, key), value,
        drillDown: `/api/agencies/${agency.id}/normative-counts/items?${query({ year, asOf: computed.asOf, format: computed.format, cell: key })}`,
      })),
    };
  });

  app.get('/api/agencies/:agencyId/normative-counts/items', {
    schema: {
      tags: TAGS, summary: '表二第二十条第（一）项某一单元格对应的信息',
      params: AgencyParams, querystring: NormativeItemsQuery,
      response: { 200: NormativeItemsSchema, ...errorResponses(400, 404) },
    },
  }, async (request) => {
    const agency = await agencyOf(request.params.agencyId);
    const { year, asOf, format, cell } = request.query;
    // The format as the service chose it (the year's, unless one is given): not worked out a second time here.
    const found = await normativeCellItems(db(), agency.id, year, cell, asOf, format);
    return { cell: cellPlace(getFormat(found.format), cell), value: found.items.length, items: found.items };
  });

  app.get('/api/agencies/:agencyId/art20-counts', {
    schema: {
      tags: TAGS, summary: '表二其他项目（许可、处罚、强制、收费等）录入的数值',
      description: '每次录入都保存为新记录（不修改、不删除）；每个单元格以截止日期（北京时间当日结束）前最后录入的数值为准。',
      params: AgencyParams, querystring: Art20Query,
      response: { 200: Art20CountsSchema, ...errorResponses(400, 404) },
    },
  }, async (request) => {
    const agency = await agencyOf(request.params.agencyId);
    return art20Counts(db(), agency.id, request.query.year, request.query.asOf);
  });

  app.post('/api/agencies/:agencyId/art20-counts', {
    schema: {
      tags: TAGS, summary: '录入表二某一单元格的数值及其来源',
      description: '单元格须为该年度格式表二中不由数据统计的单元格（第二十条第（一）项由数据统计，拒绝录入）；'
        + '数值为非负数（件数为整数，收费金额以万元计可有小数）；来源必填。录入保存为新记录，此前的记录保留。',
      params: AgencyParams, body: Art20Body,
      response: { 201: Art20EntrySchema, ...errorResponses(400, 404) },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const entry = await inTransaction(ctx, async (trx) => {
      const agency = await agencyService(trx).get(request.params.agencyId);
      return enterArt20Count(trx, { agencyId: agency.id, ...request.body }, actor, ctx.clock());
    });
    return reply.code(201).send(entry);
  });

  app.get('/api/agencies/:agencyId/publication-counts', {
    schema: {
      tags: TAGS, summary: '主动公开信息发布情况：按渠道、栏目或月份统计',
      description: '由数据库按发布记录统计：发布次数（同一信息在两个渠道发布计两次）和信息条数（不重复）。'
        + '已撤回的发布仍计入其发布当期（发布时已公开），撤回另行记录。每个数字附查询对应信息的地址。',
      params: AgencyParams, querystring: PublicationCountsQuery,
      response: { 200: PublicationCountsSchema, ...errorResponses(400, 404) },
    },
  }, async (request) => {
    const agency = await agencyOf(request.params.agencyId);
    const { year, asOf, by } = request.query;
    const counts = await publicationCounts(db(), { agencyId: agency.id, year, asOf, by });
    return {
      ...counts,
      groups: counts.groups.map((g) => ({
        ...g,
        drillDown: `/api/agencies/${agency.id}/publication-counts/items?${query({
          year, asOf, [by]: by === 'category' && g.key === null ? 'none' : g.key ?? undefined,
        })}`,
      })),
    };
  });

  app.get('/api/agencies/:agencyId/publication-counts/items', {
    schema: {
      tags: TAGS, summary: '某一发布统计数字对应的信息',
      description: '按渠道、栏目（none 为未分类）、月份筛选，条件可组合；不给条件时列出全年全部发布。已撤回的发布也列出，并注明撤回时间。',
      params: AgencyParams, querystring: PublicationItemsQuery,
      response: { 200: PublicationItemsSchema, ...errorResponses(400, 404) },
    },
  }, async (request) => {
    const agency = await agencyOf(request.params.agencyId);
    return publicationItems(db(), { agencyId: agency.id, ...request.query });
  });

  app.post('/api/reports/:id/fill-from-data', {
    validatorCompiler: optionalBodyCompiler,
    schema: {
      tags: TAGS, summary: '以数据填写报告的表二、表三、表四（生成新版本）',
      description: '表二第二十条第（一）项由主动公开信息统计，表二其他项目取截止日期前最后录入的数值，表三、表四由依申请公开办理数据统计；'
        + '其余内容不变，保存为一个新版本，并列出填写的单元格及其数据来源。已发布（409 REPORT_PUBLISHED）或审核中（409 REVIEW_LOCKED）的报告不可修改。',
      params: IdParams, body: FillFromDataBody,
      response: { 200: FillFromDataSchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    const { asOf, baseVersion } = request.body ?? {};
    const result = await inTransaction(ctx, (trx) => reportService(trx, ctx.clock).fillFromData(request.params.id, actor, asOf, { baseVersion }));
    return { ...result, report: summaryOf(result.report) };
  });

  app.get('/api/reports/:id/narrative-figures', {
    schema: {
      tags: TAGS, summary: '供报告正文引用的数字（本年主动公开信息条数及各渠道条数）',
      description: '由发布记录统计（截至报告年度 12 月 31 日），每个数字附对应发布记录的查询地址；仅供撰写正文时引用，不自动写入正文。',
      params: IdParams, response: { 200: NarrativeFiguresSchema, ...errorResponses(400, 404) },
    },
  }, async (request) => {
    const report = await reportService(db(), ctx.clock).get(request.params.id);
    return narrativeFigures(db(), report.agencyId, report.year);
  });
};
