/**
 * The report's prose drafted from the data: POST /api/reports/:id/draft-text (sections 一 and 六 from the data,
 * saved as a new version; the figures marked) and GET /api/reports/:id/text-figures (each marked figure found in
 * the current text and compared with the data now).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { FIGURE_STATUS_NAMES, type FigureStatus } from '../core/report/draft-text.js';
import { actorOf, inTransaction, type AppContext } from '../http/context.js';
import { optionalBodyCompiler } from '../http/json-body.js';
import { reportText, type TextFiguresView } from './report-text.js';
import { summaryOf } from './report.routes.js';
import { errorResponses, IdParams, MAX_ID, ReportSummarySchema } from './report.schema.js';

const TAGS = ['报告'];
const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const asOf = Type.Optional(Type.String({ pattern: DATE, description: '数据截止日期（YYYY-MM-DD，不早于报告年度 1 月 1 日；缺省为今天，至多为 12 月 31 日）' }));


/** A marked figure in the current text. */
export const TextFigureSchema = Type.Object({
  key: Type.String({ description: '数字的键' }),
  label: Type.String({ description: '数字的含义' }),
  section: Type.String({ description: '所在部分（一、六）' }),
  anchor: Type.String({ description: '正文中数字前的文字（用于在修改后的正文中重新找到该数字）' }),
  unit: Type.String({ description: '单位' }),
  decimals: Type.Integer({ minimum: 0 }),
  value: Type.Number({ description: '起草时写入的数字' }),
  written: Type.Union([Type.Number(), Type.Null()], { description: '正文中现在写的数字（找不到为 null）' }),
  current: Type.Union([Type.Number(), Type.Null()], { description: '数据中现在的数字' }),
  status: Type.Union([Type.Literal('ok'), Type.Literal('data-changed'), Type.Literal('differs'), Type.Literal('not-found')], {
    description: (Object.keys(FIGURE_STATUS_NAMES) as FigureStatus[]).map((s) => `${s} ${FIGURE_STATUS_NAMES[s]}`).join('；'),
  }),
  statusName: Type.String({ description: '状态的中文名称' }),
  source: Type.String({ description: '数据来源' }),
  link: Type.Union([Type.String(), Type.Null()], { description: '数据明细的查询地址' }),
});

/** The figures of the text against the data. */
export const TextFiguresSchema = Type.Object({
  drafted: Type.Union([Type.Object({
    at: Type.String(), by: Type.String(), version: Type.Integer(), asOf: Type.String(),
  }), Type.Null()], { description: '最近一次按数据起草的时间、人员、生成的版本和数据截止日期；从未起草为 null' }),
  asOf: Type.String({ description: '本次比对的数据截止日期' }),
  figures: Type.Array(TextFigureSchema),
});
export type TextFiguresResponse = Static<typeof TextFiguresSchema>;

const DraftTextBody = Type.Object({
  baseVersion: Type.Integer({ minimum: 1, maximum: MAX_ID, description: '所依据的版本号；报告其间已被他人保存为更新的版本时返回 409（STALE_VERSION）' }),
  asOf,
}, { additionalProperties: false });

/** The answer of a drafting: the new version and its figures. */
export const DraftTextSchema = Type.Object({ report: ReportSummarySchema, figures: TextFiguresSchema });

function viewOf(view: TextFiguresView): TextFiguresResponse {
  return { ...view, figures: view.figures.map((f) => ({ ...f, statusName: FIGURE_STATUS_NAMES[f.status] })) };
}

/** Registers the report-text routes. */
export const reportTextRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  app.post('/api/reports/:id/draft-text', {
    validatorCompiler: optionalBodyCompiler,
    schema: {
      tags: TAGS, summary: '按平台数据起草报告正文第一、六部分（生成新版本）',
      description: '以平台数据（表二、表三、表四的数据，各渠道主动公开条数，信息处理费，保密审查与检查清理，建议提案，政务服务大厅数据等）'
        + '起草第一部分“总体情况”和第六部分“其他需要报告的事项”，替换这两部分的原有内容，其余部分和表格不变，保存为一个新版本；'
        + '每个数字均标注来源。数据不足时 400；已发布或审核中的报告 409。',
      params: IdParams, body: DraftTextBody,
      response: { 200: DraftTextSchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    const { baseVersion, asOf: day } = request.body;
    const result = await inTransaction(ctx, (trx) => reportText(trx, ctx.clock).draft(request.params.id, baseVersion, actor, day));
    return { report: summaryOf(result.report), figures: viewOf(result.view) };
  });

  app.get('/api/reports/:id/text-figures', {
    schema: {
      tags: TAGS, summary: '正文中的数字与数据比对',
      description: '在当前正文中找出按数据起草时写入的每个数字，与现在的数据比对：一致、数据已变化（正文仍为起草时的数字）、'
        + '正文中的数字与数据不一致、正文中已找不到。',
      params: IdParams, querystring: Type.Object({ asOf }, { additionalProperties: false }),
      response: { 200: TextFiguresSchema, ...errorResponses(400, 404) },
    },
  }, async (request) => viewOf(await reportText(ctx.db.db, ctx.clock).figures(request.params.id, request.query.asOf)));
};
