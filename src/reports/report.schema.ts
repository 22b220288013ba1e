/**
 * TypeBox schemas of the report API: they validate requests, serialize responses and document
 * the API (OpenAPI at /docs) from one source.
 */
import { Type, type TSchema } from 'typebox';
import { InterchangeReportSchema } from '../core/interchange/interchange-schema.js';

/** The error body every failing route returns (src/http/error-handler.ts). */
export const ErrorSchema = Type.Object(
  {
    code: Type.String({ description: '稳定的错误代码，如 VALIDATION_FAILED、NOT_FOUND、CONFLICT' }),
    message: Type.String({ description: '面向用户的中文说明，指明问题及位置' }),
    problems: Type.Optional(
      Type.Array(
        Type.Object({
          message: Type.String(),
          place: Type.Optional(
            Type.Object(
              {
                field: Type.Optional(Type.String()),
                cell: Type.Optional(Type.Object({ table: Type.String(), row: Type.Array(Type.String()), column: Type.Array(Type.String()) })),
                index: Type.Optional(Type.Integer()),
                line: Type.Optional(Type.Integer()),
              },
              { description: '问题所在位置：字段、单元格或行号' },
            ),
          ),
        }),
        { description: '全部问题（上限 50 条）' },
      ),
    ),
  },
  { description: '错误' },
);

/** Error responses a route may give, keyed by status code. */
export function errorResponses(...codes: Array<400 | 404 | 409 | 413 | 415>): Record<number, TSchema> {
  return Object.fromEntries(codes.map((c) => [c, ErrorSchema]));
}

/**
 * The largest id (and version) a path may name: ids are `integer` columns (PostgreSQL int4), so a
 * larger number can name nothing; it is refused by validation (400) before it reaches the database,
 * where PostgreSQL would fail on it (out of range) and JavaScript would round it.
 */
export const MAX_ID = 2147483647;

/** An id in a path: 1 … MAX_ID. */
export const idSchema = (description: string) => Type.Integer({ minimum: 1, maximum: MAX_ID, description });

export const IdParams = Type.Object({ id: idSchema('报告编号') });

export const ReportStatusSchema = Type.Union([Type.Literal('draft'), Type.Literal('checked'), Type.Literal('published')], {
  description: '状态：draft 草稿、checked 已校验、published 已发布（发布后不可修改）',
});

export const FormatIdSchema = Type.Union([Type.Literal('2019'), Type.Literal('2021')], {
  description: '国家格式：2019 试行格式（2019、2020 年度）或 2021 格式（2021 年度起）',
});

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const summaryProperties = {
  id: Type.Integer(),
  agencyId: Type.Integer(),
  agencyName: Type.String(),
  year: Type.Integer(),
  format: FormatIdSchema,
  status: ReportStatusSchema,
  version: Type.Integer({ description: '当前版本号（每次保存加一）' }),
  issuedOn: Nullable(Type.String({ description: '成文日期 YYYY-MM-DD' })),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  publishedAt: Nullable(Type.String()),
  reviewState: Type.Union(
    [Type.Literal('draft'), Type.Literal('first-review'), Type.Literal('secrecy-review'), Type.Literal('sign-off'),
      Type.Literal('approved'), Type.Literal('published'), Type.Literal('returned')],
    { description: '审核状态：draft 草稿、first-review 待初审、secrecy-review 待保密审查、sign-off 待核审签发、approved 已签发待发布、published 已发布、returned 已退回' },
  ),
  reviewStateName: Type.String({ description: '审核状态名称' }),
  reviewVersion: Type.Union([Type.Integer({ description: '送审或已签发的版本号' }), Type.Null()]),
  publishedVersion: Type.Union([Type.Integer({ description: '门户网站上公开的版本号（更正期间仍为原发布版本）' }), Type.Null()]),
  correctedAt: Type.Union([Type.String({ description: '最近一次更正发布的时间' }), Type.Null()]),
};

export const ReportSummarySchema = Type.Object(summaryProperties, { description: '报告概要' });

/** The interchange schema without its $id, so that it can be embedded in several routes. */
const { $id: _id, ...interchangeWithoutId } = InterchangeReportSchema as typeof InterchangeReportSchema & { $id?: string };
export const InterchangeDocumentSchema = interchangeWithoutId as typeof InterchangeReportSchema;

/**
 * The body of a save (PUT /api/reports/:id): the interchange document plus the version it was edited
 * from. The document part is read by fromInterchange; `baseVersion` is taken off first.
 */
export const SaveReportBody = Type.Object(
  {
    baseVersion: Type.Integer({
      minimum: 1, maximum: MAX_ID,
      description: '所依据的版本号：读取报告时的 version。报告已被他人保存为更新的版本时返回 409（STALE_VERSION），并列出其间修改的单元格和字段',
    }),
    ...InterchangeDocumentSchema.properties,
  },
  { description: '交换格式 JSON，另加 baseVersion（所依据的版本号）' },
);

export const ReportDetailSchema = Type.Object(
  { ...summaryProperties, document: InterchangeDocumentSchema },
  { description: '报告概要及其完整内容（交换格式，空白单元格为 null）' },
);

export const ListReportsQuery = Type.Object({
  agencyId: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID, description: '机关编号' })),
  year: Type.Optional(Type.Integer({ minimum: 1, maximum: 9999, description: '报告年度' })),
  status: Type.Optional(ReportStatusSchema),
});

export const CreateReportBody = Type.Object(
  {
    agencyId: Type.Integer({ minimum: 1, maximum: MAX_ID, description: '机关编号' }),
    year: Type.Integer({ minimum: 1900, maximum: 2100, description: '报告年度（如 2019）' }),
    format: Type.Optional(FormatIdSchema),
  },
  { additionalProperties: false },
);

export const ImportQuery = Type.Object({
  agencyId: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID, description: '机关编号；省略时按文件中的 agency.name 查找机关' })),
});

export const VersionParams = Type.Object({
  id: idSchema('报告编号'),
  version: idSchema('版本号'),
});

/** The body of POST /api/reports/:id/correct: the reason of the correction (published with it). */
export const CorrectReportBody = Type.Object({
  reason: Type.String({ maxLength: 2000, description: '更正说明（至少 4 个字，随更正后的报告在门户网站公开）' }),
}, { additionalProperties: false });

/** A correction (更正) of a published report. */
export const ReportCorrectionSchema = Type.Object({
  id: Type.Integer(),
  fromVersion: Type.Integer({ description: '被更正的已发布版本号' }),
  reason: Type.String({ description: '更正说明' }),
  startedAt: Type.String(),
  startedBy: Type.String(),
  publishedVersion: Type.Union([Type.Integer({ description: '更正后发布的版本号' }), Type.Null()]),
  publishedAt: Type.Union([Type.String({ description: '更正发布时间；进行中为 null' }), Type.Null()]),
}, { description: '年度报告更正' });

/** A published report's earlier version to download: id, version and type. */
export const VersionDownloadParams = Type.Object({
  id: idSchema('报告编号'),
  version: idSchema('版本号'),
  ext: Type.Union([Type.Literal('html'), Type.Literal('docx'), Type.Literal('pdf'), Type.Literal('json')], {
    description: '文件类型：html、docx、pdf 或 json（交换格式）',
  }),
});

export const DownloadParams = Type.Object({
  id: idSchema('报告编号'),
  ext: Type.Union([Type.Literal('html'), Type.Literal('docx'), Type.Literal('pdf'), Type.Literal('json')], {
    description: '文件类型：html、docx、pdf 或 json（交换格式）',
  }),
});

/** A cell value as stored: null (blank), a number, an amount with unit, or a placeholder as written. */
export const CellValueSchema = Type.Union([
  Type.Null(),
  Type.Number(),
  Type.Object({ amount: Type.Number(), unit: Nullable(Type.String()) }),
  Type.Object({ written: Type.String() }),
]);

export const CheckResultSchema = Type.Object({
  id: Type.String(),
  ruleId: Type.String(),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
  status: Type.Union([Type.Literal('pass'), Type.Literal('fail'), Type.Literal('skipped')]),
  title: Type.String(),
  expression: Type.String(),
  left: Nullable(Type.Number()),
  right: Nullable(Type.Number()),
  message: Type.Optional(Type.String()),
  equation: Type.Optional(Type.String()),
  values: Type.Optional(Type.String()),
  cells: Type.Array(
    Type.Object({
      key: Type.String(),
      table: Type.String(),
      row: Type.Array(Type.String()),
      column: Type.Array(Type.String()),
      value: CellValueSchema,
      side: Type.Optional(Type.Union([Type.Literal('left'), Type.Literal('right')])),
      of: Type.Union([Type.Literal('current'), Type.Literal('previous')]),
    }),
    { description: '涉及的单元格（证据）' },
  ),
});

export const CheckReportSchema = Type.Object({
  results: Type.Array(CheckResultSchema),
  hardFailures: Type.Integer({ description: '未通过的强制性校验数' }),
  warnings: Type.Integer({ description: '提示数' }),
  ok: Type.Boolean({ description: '无强制性校验失败' }),
});

export const CheckResponseSchema = Type.Object({ report: ReportSummarySchema, checks: CheckReportSchema });

export const ReportVersionInfoSchema = Type.Object({
  version: Type.Integer(),
  createdAt: Type.String(),
  actor: Type.String(),
  note: Nullable(Type.String()),
});

export const ReportEventSchema = Type.Object({
  id: Type.Integer(),
  reportId: Type.Integer(),
  at: Type.String(),
  actor: Type.String(),
  type: Type.String(),
  old: Type.Unknown(),
  new: Type.Unknown(),
});

export const SubmitReportBody = Type.Object({
  comment: Type.Optional(Type.Union([Type.String({ maxLength: 2000, description: '送审说明' }), Type.Null()])),
}, { additionalProperties: false, description: '可省略请求体' });

export const ReviewReportBody = Type.Object({
  step: Type.Union([Type.Literal('first-review'), Type.Literal('secrecy-review'), Type.Literal('sign-off')], {
    description: '审核环节：first-review 科室负责人初审、secrecy-review 办公室保密审查、sign-off 领导核审签发',
  }),
  decision: Type.Union([Type.Literal('pass'), Type.Literal('return')], { description: 'pass 通过、return 退回' }),
  reason: Type.Optional(Type.Union([Type.String({ maxLength: 2000, description: '退回理由（退回时必填）' }), Type.Null()])),
  comment: Type.Optional(Type.Union([Type.String({ maxLength: 2000, description: '审核意见' }), Type.Null()])),
  form: Type.Optional(Type.Union([Type.Object({
    channelsFit: Type.Optional(Type.Record(Type.String(), Type.Boolean(), { description: '各发布渠道是否适合发布；年度报告在政府网站发布，须含 portal: true' })),
  }, { additionalProperties: true, description: '互联网信息发布保密审查表（保密审查通过时必填）' }), Type.Null()])),
}, { additionalProperties: false });

export const ReviewStepSchema = Type.Object({
  id: Type.Integer(),
  version: Type.Integer({ description: '所审核的版本号' }),
  step: Type.String({ description: 'submit 提交审核、first-review 初审、secrecy-review 保密审查、sign-off 核审签发、publish 发布' }),
  decision: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  comment: Nullable(Type.String()),
  form: Type.Unknown(),
  actor: Type.String(),
  at: Type.String(),
});

export const ReportReviewSchema = Type.Object({
  state: Type.String(),
  stateName: Type.String(),
  version: Type.Union([Type.Integer(), Type.Null()]),
  steps: Type.Array(ReviewStepSchema),
}, { description: '年度报告的审核记录' });
