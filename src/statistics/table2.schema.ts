/**
 * TypeBox schemas of table 二 （规章、规范性文件 counted from the items; the other Art. 20 counts entered with
 * their source) and of the counts of proactive publications by channel, category and month. The service
 * checks years, days and cells and names them in Chinese.
 */
import { Type } from 'typebox';
import { FormatIdSchema, MAX_ID, ReportSummarySchema } from '../reports/report.schema.js';

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const AgencyParams = Type.Object({ agencyId: Type.Integer({ minimum: 1, maximum: MAX_ID, description: '机关编号' }) });

const year = Type.Integer({ minimum: 1900, maximum: 9999, description: '年度，如 2025' });
const asOf = Type.Optional(Type.String({ pattern: DATE_PATTERN, description: '截止日期（YYYY-MM-DD）' }));

export const NormativeQuery = Type.Object({
  year, asOf, format: Type.Optional(FormatIdSchema),
}, { additionalProperties: false });

export const NormativeItemsQuery = Type.Object({
  year, asOf, format: Type.Optional(FormatIdSchema),
  cell: Type.String({ minLength: 1, maxLength: 100, description: '单元格键，如 二:rules:issued（规章“本年制发件数”）' }),
}, { additionalProperties: false });

const cellFields = {
  key: Type.String({ description: '单元格键' }),
  row: Type.Array(Type.String(), { description: '行标签（含“第二十条第（一）项”）' }),
  column: Type.Array(Type.String(), { description: '列标签' }),
};

export const NormativeCountsSchema = Type.Object({
  agencyId: Type.Integer(),
  year: Type.Integer(),
  format: FormatIdSchema,
  asOf: Type.String({ description: '截止日期：此日以后的制发、废止、发布不计入' }),
  cells: Type.Array(Type.Object({ ...cellFields, value: Type.Integer({ minimum: 0 }), drillDown: Type.String({ description: '该单元格对应信息的查询地址' }) })),
}, { description: '表二第二十条第（一）项（规章、行政规范性文件），由主动公开信息的数据统计' });

export const NormativeItemSchema = Type.Object({
  id: Type.Integer({ description: '信息编号' }),
  indexNo: Nullable(Type.String({ description: '索引号' })),
  title: Type.String({ description: '标题' }),
  docNo: Nullable(Type.String({ description: '文号' })),
  madeOn: Type.String({ description: '制发日期（未填写时为成文日期）' }),
  repealedOn: Nullable(Type.String({ description: '废止或失效日期' })),
  validity: Type.String({ description: '有效性：valid 有效、repealed 废止、expired 失效' }),
  publishedOn: Nullable(Type.String({ description: '发布日期' })),
  origin: Type.String({ description: '来源：platform 本平台发布、imported 平台启用前已发布（导入）' }),
});

export const NormativeItemsSchema = Type.Object({
  cell: Type.Object(cellFields),
  value: Type.Integer({ minimum: 0, description: '单元格数值（即下列信息条数）' }),
  items: Type.Array(NormativeItemSchema),
});

export const Art20Query = Type.Object({
  year,
  asOf: Type.Optional(Type.String({ pattern: DATE_PATTERN, description: '截止日期（YYYY-MM-DD）：只计此日（北京时间）结束前录入的数值；缺省为全部' })),
}, { additionalProperties: false });

export const Art20Body = Type.Object({
  year,
  cell: Type.String({ minLength: 1, maxLength: 100, description: '表二单元格键，如 二:licensing:decisions（行政许可“本年处理决定数量”）；第二十条第（一）项由数据统计，不能录入' }),
  value: Type.Number({ description: '数值：件数为非负整数；收费金额以万元计，可有小数；2019 年格式“本年增/减”可为负数' }),
  source: Type.String({ minLength: 1, maxLength: 500, description: '数值来源（必填），如 行政许可办件系统年度统计' }),
}, { additionalProperties: false });

export const Art20EntrySchema = Type.Object({
  id: Type.Integer(),
  cell: Type.String({ description: '单元格键' }),
  row: cellFields.row,
  column: cellFields.column,
  value: Type.Number(),
  source: Type.String(),
  enteredAt: Type.String(),
  enteredBy: Type.String(),
});

export const Art20CountsSchema = Type.Object({
  asOf: Type.Union([Type.String(), Type.Null()]),
  current: Type.Array(Art20EntrySchema, { description: '每个单元格截至该日最后录入的数值（报告采用的数值）' }),
  history: Type.Array(Art20EntrySchema, { description: '全部录入记录（只增不改），按单元格、录入时间排列' }),
});

export const PublicationCountsQuery = Type.Object({
  year, asOf,
  by: Type.Union([Type.Literal('channel'), Type.Literal('category'), Type.Literal('month')], { description: '分组：channel 渠道、category 栏目、month 月份' }),
}, { additionalProperties: false });

export const PublicationCountsSchema = Type.Object({
  agencyId: Type.Integer(),
  year: Type.Integer(),
  by: Type.String(),
  start: Type.String(),
  end: Type.String(),
  total: Type.Object({
    publications: Type.Integer({ description: '发布次数（同一信息在两个渠道发布计两次）' }),
    items: Type.Integer({ description: '信息条数（不重复）' }),
  }),
  groups: Type.Array(Type.Object({
    key: Nullable(Type.String({ description: '渠道键、栏目编号（null 为未分类）或月份 YYYY-MM' })),
    label: Type.String(),
    publications: Type.Integer(),
    items: Type.Integer(),
    drillDown: Type.String({ description: '该数字对应信息的查询地址' }),
  })),
}, { description: '主动公开信息发布情况统计。已撤回的发布仍计入其发布当期（发布时已公开）。' });

export const PublicationItemsQuery = Type.Object({
  year, asOf,
  channel: Type.Optional(Type.String({ maxLength: 200, description: '渠道键；多个渠道以逗号分隔（如 notice-board,led）' })),
  category: Type.Optional(Type.String({ maxLength: 20, description: '栏目编号；none 为未分类' })),
  month: Type.Optional(Type.String({ maxLength: 7, description: '月份 YYYY-MM' })),
}, { additionalProperties: false });

export const PublicationItemsSchema = Type.Object({
  count: Type.Integer({ description: '发布次数' }),
  items: Type.Integer({ description: '信息条数（不重复）' }),
  publications: Type.Array(Type.Object({
    publicationId: Type.Integer(),
    itemId: Type.Integer(),
    indexNo: Nullable(Type.String()),
    title: Type.String(),
    docNo: Nullable(Type.String()),
    categoryId: Type.Union([Type.Integer(), Type.Null()]),
    categoryName: Nullable(Type.String()),
    channel: Type.String(),
    channelName: Type.String(),
    publishedOn: Type.String(),
    withdrawnAt: Nullable(Type.String({ description: '撤回时间（已撤回的发布仍计入发布当期）' })),
  })),
});

export const FillFromDataBody = Type.Object({
  asOf: Type.Optional(Type.String({ pattern: DATE_PATTERN, description: '截止日期（YYYY-MM-DD，不早于报告年度 1 月 1 日；缺省为今天）：此日以后发生或录入的不计入' })),
  baseVersion: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID, description: '所依据的版本号；报告其间已被他人保存为更新的版本时返回 409（STALE_VERSION）' })),
}, { additionalProperties: false, description: '可省略请求体' });

export const FillFromDataSchema = Type.Object({
  report: ReportSummarySchema,
  asOf: Type.String({ description: '截止日期' }),
  filled: Type.Array(Type.Object({
    cell: Type.String({ description: '单元格键' }),
    table: Type.String(),
    row: Type.Array(Type.String()),
    column: Type.Array(Type.String()),
    value: Type.Number(),
    from: Type.Union([Type.Literal('items'), Type.Literal('entered'), Type.Literal('cases')], {
      description: 'items 由主动公开信息统计、entered 录入的第二十条数值、cases 由依申请公开办理数据统计',
    }),
    source: Type.String({ description: '数据来源说明' }),
  }), { description: '已填写的单元格及其数据来源' }),
});

export const NarrativeFiguresSchema = Type.Array(Type.Object({
  label: Type.String({ description: '数字的含义' }),
  value: Type.Integer(),
  drillDown: Type.String({ description: '对应发布记录的查询地址' }),
}), { description: '供正文引用的数字（由发布记录统计）' });
