/**
 * TypeBox schemas of the calendar API: request validation, response serialization and the OpenAPI
 * documentation from one source. The rules of a year's arrangement (real dates, dates of that year,
 * make-up working days only on weekends, no date twice …) are checked by `noticeDays`
 * (src/core/calendar/notice-days.ts), which names every problem with its place in formal Chinese.
 */
import { Type } from 'typebox';
import { NOTICE_YEARS } from '../core/calendar/notice-days.js';
import { DAY_KIND_NAMES, MAX_WORKING_DAYS } from '../core/calendar/work-calendar.js';

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const date = (description: string) => Type.String({ pattern: DATE_PATTERN, description: `${description}（YYYY-MM-DD）` });

export const CalendarYearParams = Type.Object({
  year: Type.Integer({ minimum: NOTICE_YEARS.min, maximum: NOTICE_YEARS.max, description: '年度（四位数字）' }),
});

const DayKindSchema = Type.Union([Type.Literal('off'), Type.Literal('work')], {
  description: `类型：${Object.entries(DAY_KIND_NAMES).map(([k, v]) => `${k} ${v}`).join('、')}`,
});

/** One exception to the Monday–Friday rule as a notice arranges it. */
export const CalendarDaySchema = Type.Object({
  date: date('日期'),
  kind: DayKindSchema,
  name: Type.String({ description: '名称，如“春节”“国庆节”“春节调休上班”' }),
});

/** One covered year with its days off and make-up working days. */
export const CalendarYearSchema = Type.Object({
  year: Type.Integer(),
  source: Type.String({ description: '来源：数据包名称及版本，或国务院办公厅通知及录入人' }),
  updatedAt: Type.String({ description: '录入或更正时间（ISO 8601）' }),
  days: Type.Array(CalendarDaySchema, { description: '该年度通知安排的放假日和调休上班日，按日期排列' }),
});

/** The covered years, each with its source and how many days its notice arranges. */
export const CalendarYearsSchema = Type.Object({
  coveredYears: Type.Union([
    Type.Object({ from: Type.Integer(), to: Type.Integer() }),
    Type.Null(),
  ], { description: '已覆盖的年度范围（含首尾）；尚未录入任何年度时为 null' }),
  years: Type.Array(Type.Object({
    year: Type.Integer(),
    source: Type.String(),
    updatedAt: Type.String(),
    offDays: Type.Integer({ description: '放假日数' }),
    workDays: Type.Integer({ description: '调休上班日数' }),
  })),
});

/**
 * A year's notice as an administrator enters it: the same content as the CLI's set-year file. The
 * body is checked field by field by the route and `noticeDays` (every problem with its place), so
 * this schema documents it and does not strip or coerce anything.
 */
export const SetYearBody = Type.Object({
  year: Type.Optional(Type.Integer({ description: '年度；填写时须与路径中的年度一致' })),
  source: Type.Optional(Type.String({ maxLength: 200, description: '来源，如通知文号“国办发明电〔2025〕7号”；缺省为“国务院办公厅 YYYY 年部分节假日安排的通知（录入人 录入）”' })),
  days: Type.Array(CalendarDaySchema, { description: '通知安排的全部放假日和调休上班日（可含上一年 12 月的元旦调休日）' }),
}, { additionalProperties: false });

const ProblemSchema = Type.Object({
  message: Type.String(),
  place: Type.Optional(Type.Object({ field: Type.Optional(Type.String()), index: Type.Optional(Type.Integer()) })),
});

/** The entered year and what happened to the stored deadlines of open cases. */
export const SetYearResponse = Type.Object({
  ...CalendarYearSchema.properties,
  recomputed: Type.Object({
    checked: Type.Integer({ description: '重新计算答复期限的未办结申请件数' }),
    changed: Type.Integer({ description: '其中答复期限或状态发生变化的件数（每件记录一条办理记录）' }),
    failures: Type.Array(ProblemSchema, { description: '新日历无法计算的申请（保持原状）及原因' }),
  }, { description: '日历变更后重新计算的未办结申请答复期限' }),
});

export const DeadlineQuery = Type.Object({
  from: date('起算日期，如收到申请之日；当日不计入'),
  workingDays: Type.Integer({ minimum: 0, maximum: MAX_WORKING_DAYS, description: '工作日天数，如 20' }),
  explain: Type.Optional(Type.Boolean({ description: '为 true 时列出经过的每一日是否计入及原因' })),
}, { additionalProperties: false });

/** One day looked at while counting. */
export const DayExplanationSchema = Type.Object({
  date: Type.String(),
  counted: Type.Boolean({ description: '是否计为工作日' }),
  reason: Type.String({ description: '周六、周日、春节假期、春节调休上班、工作日等' }),
});

export const DeadlineSchema = Type.Object({
  from: Type.String(),
  workingDays: Type.Integer(),
  deadline: Type.String({ description: '期限届满日（起算当日不计入，自次日起计算）' }),
  explain: Type.Optional(Type.Array(DayExplanationSchema, { description: '自次日起至届满日经过的每一日' })),
});
