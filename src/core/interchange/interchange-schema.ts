/**
 * JSON Schema of the interchange document, written with TypeBox so that the HTTP API validates,
 * types and documents it (OpenAPI) from this one source. Served at /schema/report-interchange.json.
 */
import { Type, type Static } from 'typebox';
import { INTERCHANGE_KIND, INTERCHANGE_VERSION } from './interchange-types.js';

const Labels = Type.Array(Type.String({ minLength: 1 }), { description: '官方标签，由外到内' });

export const InterchangeCellSchema = Type.Object(
  {
    table: Type.Union([Type.Literal('二'), Type.Literal('三'), Type.Literal('四')], { description: '表号' }),
    row: Labels,
    column: Labels,
    value: Type.Union([Type.Number(), Type.Null(), Type.String()], {
      description: '数值；null 表示空白单元格；字符串仅限按原样保留的占位符（/、-、—、无）',
    }),
    unit: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: '金额单位（如 万元、元）' })),
    extra: Type.Optional(Type.Boolean({ description: '格式之外的地方自设行（仅表二），原样保留' })),
  },
  { additionalProperties: false, description: '表格单元格' },
);

const Paragraphs = Type.Array(Type.String());

export const InterchangeReportSchema = Type.Object(
  {
    kind: Type.Literal(INTERCHANGE_KIND),
    version: Type.Literal(INTERCHANGE_VERSION),
    format: Type.Union([Type.Literal('2019'), Type.Literal('2021')], { description: '国家格式：2019 试行格式或 2021 格式' }),
    agency: Type.Object({ name: Type.String({ minLength: 1 }) }),
    year: Type.Integer({ minimum: 2019, maximum: 2100 }),
    title: Type.String(),
    issuedOn: Type.Union([Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), Type.Null()], { description: '成文日期 YYYY-MM-DD' }),
    preamble: Paragraphs,
    sections: Type.Array(
      Type.Object({
        key: Type.Union([Type.Literal('一'), Type.Literal('二'), Type.Literal('三'), Type.Literal('四'), Type.Literal('五'), Type.Literal('六')]),
        heading: Type.String(),
        paragraphs: Paragraphs,
        parts: Type.Array(Type.Object({ heading: Type.String(), paragraphs: Paragraphs })),
      }),
    ),
    signature: Type.Union([Type.String(), Type.Null()]),
    cells: Type.Array(InterchangeCellSchema),
  },
  {
    $id: 'https://gongkai.local/schema/report-interchange.json',
    title: '政府信息公开工作年度报告交换格式',
    description: '年度报告的公开交换格式：章节文本与全部表格单元格（按官方标签定位，null 为空白）。',
  },
);

export type InterchangeReportStatic = Static<typeof InterchangeReportSchema>;
