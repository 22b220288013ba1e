/**
 * Calendar API (工作日日历): the covered years and their days off and make-up working days, an
 * administrator entering a year's State Council notice (with the stored deadlines of open cases
 * recomputed in the same transaction), and the deadline arithmetic with its explanation. The rules
 * live in src/core/calendar/ and src/calendar/calendar.service.ts; this file only serves them.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { enterHolidayYear } from '../applications/holiday-year.js';
import { addWorkingDays } from '../core/calendar/work-calendar.js';
import { ValidationError } from '../core/errors.js';
import { actorOf, inTransaction, settingsOf, type AppContext } from '../http/context.js';
import { documentBodyCompiler } from '../http/json-body.js';
import { errorResponses } from '../reports/report.schema.js';
import {
  CalendarYearParams, CalendarYearSchema, CalendarYearsSchema, DeadlineQuery, DeadlineSchema, SetYearBody, SetYearResponse,
} from './calendar.schema.js';
import { calendarService } from './calendar.service.js';

const TAGS = ['工作日日历'];

const NOTICE_KEYS = new Set(['year', 'source', 'days']);
const MAX_SOURCE_LENGTH = 200;

/** A year's notice as sent, its top level checked (the days are checked by `noticeDays` in the service). */
export interface NoticeInput {
  source?: string;
  days: unknown;
}

/**
 * Checks the top level of a year's notice sent to `PUT /api/calendar/:year` — the same content as the
 * CLI's set-year file: an object with `days`, optionally `year` (equal to the path's) and `source`
 * (text). Anything else → ValidationError naming the field.
 */
export function noticeInput(year: number, body: unknown): NoticeInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ValidationError('请求体应为对象：{ "days": [{ "date", "kind", "name" }, …] }', { field: 'body' });
  }
  const notice = body as Record<string, unknown>;
  const unknownKeys = Object.keys(notice).filter((k) => !NOTICE_KEYS.has(k));
  if (unknownKeys.length > 0) {
    throw new ValidationError(`请求体含有不允许的字段：${unknownKeys.join('、')}（只允许 year、source、days）`, { field: unknownKeys[0] });
  }
  if (notice.year !== undefined && notice.year !== year) {
    throw new ValidationError(`请求体中的年度（${String(notice.year)}）与路径中的年度（${year}）不一致`, { field: 'year' });
  }
  if (notice.source !== undefined && typeof notice.source !== 'string') {
    throw new ValidationError('来源（source）应为文字，如通知文号', { field: 'source' });
  }
  const source = notice.source as string | undefined;
  if (source !== undefined && source.length > MAX_SOURCE_LENGTH) {
    throw new ValidationError(`来源（source）不得超过 ${MAX_SOURCE_LENGTH} 个字符`, { field: 'source' });
  }
  if (notice.days === undefined) throw new ValidationError('请求体缺少必填字段“days”（该年度全部放假日和调休上班日）', { field: 'days' });
  return { source, days: notice.days };
}

/** Registers the /api/calendar routes. */
export const calendarRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const read = () => calendarService(ctx.db.db, ctx.clock);

  app.get('/api/calendar/years', {
    schema: {
      tags: TAGS, summary: '已覆盖的年度及其来源',
      description: '日历覆盖的年度范围之外的日期不能计算期限（不会按“仅周末休息”推算）。',
      response: { 200: CalendarYearsSchema, ...errorResponses(400) },
    },
  }, async () => {
    const calendar = read();
    const coveredYears = await calendar.years();
    const years = [];
    if (coveredYears) {
      for (let year = coveredYears.from; year <= coveredYears.to; year++) {
        const { source, updatedAt, days } = await calendar.getYear(year);
        const offDays = days.filter((d) => d.kind === 'off').length;
        years.push({ year, source, updatedAt, offDays, workDays: days.length - offDays });
      }
    }
    return { coveredYears, years };
  });

  app.get('/api/calendar/deadline', {
    schema: {
      tags: TAGS, summary: '计算期限：起算日期之后第 N 个工作日',
      description: '起算当日不计入，自次日起计算（《民法典》第二百零一条）。explain=true 时列出经过的每一日及是否计入的原因。日期超出已覆盖年度时返回 400。',
      querystring: DeadlineQuery, response: { 200: DeadlineSchema, ...errorResponses(400) },
    },
  }, async (request) => {
    const { from, workingDays, explain } = request.query;
    const result = addWorkingDays(await read().load(), from, workingDays);
    return { from, workingDays, deadline: result.date, ...(explain ? { explain: result.explain } : {}) };
  });

  app.get('/api/calendar/:year', {
    schema: {
      tags: TAGS, summary: '某年度的放假日和调休上班日', params: CalendarYearParams,
      response: { 200: CalendarYearSchema, ...errorResponses(400) },
    },
  }, async (request) => read().getYear(request.params.year));

  app.put('/api/calendar/:year', {
    schema: {
      tags: TAGS, summary: '录入或更正某年度的节假日安排（国务院办公厅通知）',
      description: [
        '以该年度通知安排的全部放假日和调休上班日替换该年度的安排；年度须与已覆盖年度相连。',
        '日历与未办结申请的答复期限在同一事务中更新：期限或状态发生变化的申请各记录一条办理记录，响应中给出重新计算的件数。',
        '数据有误时返回 400，列出全部问题及位置，不作任何变更。',
      ].join(''),
      params: CalendarYearParams, body: SetYearBody, response: { 200: SetYearResponse, ...errorResponses(400) },
    },
    // The body is checked by noticeInput and noticeDays, which report every problem with its place.
    validatorCompiler: documentBodyCompiler,
  }, async (request) => {
    const { year } = request.params;
    const notice = noticeInput(year, request.body);
    const actor = actorOf(request);
    const { entered, recomputed } = await inTransaction(ctx, (trx) =>
      enterHolidayYear(trx, ctx.clock, settingsOf(ctx), year, notice.days, actor, notice.source));
    return { ...entered, recomputed };
  });
};
