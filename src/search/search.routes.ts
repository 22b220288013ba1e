/**
 * The public search API: GET /api/search (open to everyone — only published documents are ever in the index).
 * The portal's /search page renders the same searchDocuments result.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { agencyNames } from '../agencies/agency.repository.js';
import { ValidationError } from '../core/errors.js';
import type { AppContext } from '../http/context.js';
import { errorResponses } from '../reports/report.schema.js';
import { searchDocuments } from './search-query.js';
import { SearchQuerySchema, SearchResultSchema } from './search.schema.js';

const TAGS = ['全文检索'];

/** Registers GET /api/search. */
export const searchRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  app.get('/api/search', {
    schema: {
      tags: TAGS, summary: '检索已公开的政府信息、附件、公开指南和年度报告',
      description: '中文分词检索，可按机关、类别、年度、文件类型、有效性筛选，按相关度或发布日期排序；标题和摘要中的检索词以 <mark> 标出；'
        + '检索词为文号或索引号时另在 exact 中给出该文件。只检索已公开的内容。',
      querystring: SearchQuerySchema,
      response: { 200: SearchResultSchema, ...errorResponses(400) },
    },
  }, async (request) => {
    const query = request.query;
    const agencyIds = query.agencyId ? [...new Set(query.agencyId)] : undefined;
    if (agencyIds) {
      const known = await agencyNames(ctx.db.db, agencyIds);
      const unknown = agencyIds.filter((id) => !known.has(id));
      if (unknown.length > 0) throw new ValidationError(`没有编号为 ${unknown.join('、')} 的机关`, { field: 'agencyId' });
    }
    return searchDocuments(ctx.db.db, {
      q: query.q ?? '', agencyIds, categoryId: query.categoryId, year: query.year, docType: query.docType, validity: query.validity,
      kind: query.kind, sort: query.sort, page: query.page, pageSize: query.pageSize,
    });
  });
};
