/**
 * 建议提案 API under /api/agencies/:agencyId/proposals: list, register, correct, answer, feedback, prepare the
 * published result, history, warnings and the yearly counts of the annual report's section 六. Each change runs
 * in one transaction opened here, with the working-day calendar as stored.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { calendarService } from '../calendar/calendar.service.js';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { chinaDay } from '../disclosure/item-drafting.js';
import { actorOf, inTransaction, type AppContext } from '../http/context.js';
import { errorResponses } from '../reports/report.schema.js';
import { agencyService } from '../agencies/agency.service.js';
import { ConflictError } from '../core/errors.js';
import { FILE_TYPES, sendFile } from '../disclosure/send-file.js';
import { renderReplyDocx, replyTitle } from '../render/disclosure/proposal-reply.js';
import {
  AgencyParams, AnswerBody, EditProposalBody, FeedbackBody, ListProposalsQuery, ProposalEventSchema, ProposalParams, ProposalSchema,
  ProposalWarningsSchema, RegisterProposalBody, ResultBody, YearCountsSchema, YearParams,
} from './proposal.schema.js';
import { proposalService } from './proposal.service.js';

const TAGS = ['建议提案'];

/** Registers the proposal routes. */
export const proposalRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const service = async (q: Kysely<Database>) => proposalService(q, ctx.clock, await calendarService(q, ctx.clock).load());
  const read = () => service(ctx.db.db);
  const write = <T>(work: (svc: Awaited<ReturnType<typeof service>>) => Promise<T>) => inTransaction(ctx, async (trx) => work(await service(trx)));
  const one = { params: ProposalParams, response: { 200: ProposalSchema, ...errorResponses(400, 404, 409) } };

  app.get('/api/agencies/:agencyId/proposals', {
    schema: { tags: TAGS, summary: '建议提案列表', params: AgencyParams, querystring: ListProposalsQuery, response: { 200: Type.Array(ProposalSchema), ...errorResponses(400, 404) } },
  }, async (request) => (await read()).list(request.params.agencyId, request.query));

  app.post('/api/agencies/:agencyId/proposals', {
    schema: {
      tags: TAGS, summary: '登记交办的建议提案',
      description: '答复期限缺省为交办之日起三个月（遇节假日顺延至下一工作日）；该年度节假日安排尚未录入时，期限待定并在预警中列出。',
      params: AgencyParams, body: RegisterProposalBody, response: { 201: ProposalSchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const created = await write((svc) => svc.register(request.params.agencyId, request.body, actor));
    return reply.code(201).send(created);
  });

  app.get('/api/agencies/:agencyId/proposals/:id', { schema: { tags: TAGS, summary: '查看建议提案', ...one } },
    async (request) => (await read()).get(request.params.agencyId, request.params.id));

  app.put('/api/agencies/:agencyId/proposals/:id', {
    schema: { tags: TAGS, summary: '更正登记内容（办理中）', body: EditProposalBody, ...one },
  }, async (request) => {
    const actor = actorOf(request);
    return write((svc) => svc.edit(request.params.agencyId, request.params.id, request.body, actor));
  });

  app.post('/api/agencies/:agencyId/proposals/:id/answer', {
    schema: {
      tags: TAGS, summary: '登记答复', description: '答复日期晚于答复期限时须写明逾期理由（lateReason）；期限待定时须先录入该年度节假日安排。',
      body: AnswerBody, ...one,
    },
  }, async (request) => {
    const actor = actorOf(request);
    return write((svc) => svc.answer(request.params.agencyId, request.params.id, request.body, actor));
  });

  app.post('/api/agencies/:agencyId/proposals/:id/feedback', {
    schema: { tags: TAGS, summary: '登记代表委员反馈意见', body: FeedbackBody, ...one },
  }, async (request) => {
    const actor = actorOf(request);
    return write((svc) => svc.feedback(request.params.agencyId, request.params.id, request.body, actor));
  });

  app.post('/api/agencies/:agencyId/proposals/:id/result', {
    schema: {
      tags: TAGS, summary: '准备公开办理结果',
      description: '由答复内容生成一条主动公开信息草稿（或关联已起草的信息），经初审、保密审查、核审签发后在门户网站发布，即为公开办理结果。',
      body: ResultBody, ...one,
    },
  }, async (request) => {
    const actor = actorOf(request);
    return write((svc) => svc.prepareResult(request.params.agencyId, request.params.id, request.body, actor));
  });

  app.get('/api/agencies/:agencyId/proposals/:id/reply.docx', {
    schema: {
      tags: TAGS, summary: '下载答复函（Word）', params: ProposalParams,
      response: { 200: { description: '答复函 Word 文件', content: { [FILE_TYPES.docx]: { schema: Type.String({ format: 'binary' }) } } }, ...errorResponses(400, 404, 409) },
    },
  }, async (request, reply) => {
    const p = await (await read()).get(request.params.agencyId, request.params.id);
    if (p.replyText === null || p.answeredOn === null) throw new ConflictError(`建议提案 ${p.regNo} 尚未答复，没有答复函`, 'PROPOSAL_STATE');
    const agency = await agencyService(ctx.db.db, ctx.clock).get(p.agencyId);
    const letter = { kindName: p.kindName, sourceNo: p.sourceNo, title: p.title, agencyName: agency.name, answeredOn: p.answeredOn, replyText: p.replyText };
    return sendFile(reply, await renderReplyDocx(letter), 'docx', `${replyTitle(letter)}.docx`, `proposal-${p.id}-reply.docx`);
  });

  app.get('/api/agencies/:agencyId/proposals/:id/events', {
    schema: { tags: TAGS, summary: '建议提案办理记录', params: ProposalParams, response: { 200: Type.Array(ProposalEventSchema), ...errorResponses(400, 404) } },
  }, async (request) => (await read()).events(request.params.agencyId, request.params.id));

  app.get('/api/agencies/:agencyId/proposal-warnings', {
    schema: { tags: TAGS, summary: '答复期限预警', params: AgencyParams, response: { 200: ProposalWarningsSchema, ...errorResponses(400, 404) } },
  }, async (request) => (await read()).warnings(request.params.agencyId, chinaDay(ctx.clock())));

  app.get('/api/agencies/:agencyId/proposal-counts/:year', {
    schema: { tags: TAGS, summary: '年度建议提案办理数据（年度报告第六部分）', params: YearParams, response: { 200: YearCountsSchema, ...errorResponses(400, 404) } },
  }, async (request) => (await read()).yearCounts(request.params.agencyId, request.params.year));
};
