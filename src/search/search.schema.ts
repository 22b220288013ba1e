/**
 * TypeBox schemas of the public search API (GET /api/search): they validate the query string (a bad page or
 * id is a 400 with a Chinese message naming the parameter), serialize the answer and document it (/docs).
 */
import { Type, type Static } from 'typebox';
import { MAX_PAGE, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from './search-query.js';

/** The largest id (a 32-bit integer column on PostgreSQL): a larger one is a 400 naming the parameter, not a database error. */
const MAX_ID = 2147483647;

const Kind = Type.Union([Type.Literal('item'), Type.Literal('attachment'), Type.Literal('guide'), Type.Literal('catalogue'), Type.Literal('report'), Type.Literal('matter')], {
  description: '文件种类：item 政府信息、attachment 附件、guide 公开指南、catalogue 公开目录、report 年度报告',
});

export const SearchQuerySchema = Type.Object({
  q: Type.Optional(Type.String({ description: '检索词：词语之间为“并且”；用英文或中文引号括起的为精确短语；也可直接输入文号或索引号。过长的只按前 100 个字符检索' })),
  agencyId: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: MAX_ID }), { maxItems: 500, description: '发布机关编号（可重复，如一级政府及其部门）' })),
  categoryId: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID, description: '主动公开目录的类别编号' })),
  year: Type.Optional(Type.Integer({ minimum: 1949, maximum: 2200, description: '年度' })),
  docType: Type.Optional(Type.String({ maxLength: 50, description: '文件类型：规章、行政规范性文件、其他' })),
  validity: Type.Optional(Type.String({ maxLength: 20, description: '有效性：现行有效、已修改、已废止、已失效' })),
  kind: Type.Optional(Kind),
  sort: Type.Optional(Type.Union([Type.Literal('relevance'), Type.Literal('date')], { default: 'relevance', description: 'relevance 按相关度，date 按发布日期（新的在前）' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 1, description: `页码（1 至 ${MAX_PAGE}）` })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, description: `每页条数（1 至 ${MAX_PAGE_SIZE}）` })),
}, { additionalProperties: false });
export type SearchQueryString = Static<typeof SearchQuerySchema>;

const HitSchema = Type.Object({
  kind: Kind,
  docId: Type.String(),
  title: Type.String({ description: 'HTML：已转义，检索词以 <mark> 标出' }),
  snippet: Type.String({ description: 'HTML：第一处命中前后的摘要，已转义，检索词以 <mark> 标出' }),
  url: Type.String(),
  agencyId: Type.Integer(),
  categoryId: Type.Union([Type.Integer(), Type.Null()]),
  publishedOn: Type.String({ description: '发布日期 YYYY-MM-DD' }),
  docType: Type.Union([Type.String(), Type.Null()]),
  validity: Type.Union([Type.String(), Type.Null()]),
  indexNo: Type.Union([Type.String(), Type.Null()], { description: '索引号' }),
  docNo: Type.Union([Type.String(), Type.Null()], { description: '文号' }),
});

export const SearchResultSchema = Type.Object({
  total: Type.Integer({ description: '命中总数（至多 10000）' }),
  capped: Type.Boolean({ description: '命中超过 10000 份：只在最新的 10000 份中排序，请添加筛选条件或更具体的检索词' }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  hits: Type.Array(HitSchema),
  exact: Type.Union([HitSchema, Type.Null()], { description: '文号或索引号与检索词相同的文件' }),
  terms: Type.Array(Type.String(), { description: '检索的词语（经分词）' }),
  phrases: Type.Array(Type.String(), { description: '精确短语' }),
  notes: Type.Array(Type.String(), { description: '对检索词所作的处理说明，如过长已截取' }),
});
