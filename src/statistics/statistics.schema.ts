/**
 * TypeBox schemas of the statistics API: tables 三 and 四 computed from the application cases, the
 * drill-down from a cell to its cases and the filling of a report's tables 三/四. The year, the day
 * the figures are taken and the cell key are checked by the service, which names them in Chinese.
 */
import { Type } from 'typebox';
import { FormatIdSchema, MAX_ID } from '../reports/report.schema.js';

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

export const AgencyIdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: MAX_ID, description: '机关编号' }) });

const tablesQueryFields = {
  year: Type.Integer({ minimum: 1, maximum: 9999, description: '统计年度，如 2025' }),
  asOf: Type.Optional(Type.String({ pattern: DATE_PATTERN, description: '统计截止日期（YYYY-MM-DD，须在该年度内；缺省为 12 月 31 日）' })),
  format: Type.Optional(FormatIdSchema),
};

export const TablesQuery = Type.Object(tablesQueryFields, { additionalProperties: false });

export const CellCasesQuery = Type.Object({
  ...tablesQueryFields,
  cell: Type.String({ minLength: 1, maxLength: 100, description: '单元格键，如 三:r1:natural（表三“（一）予以公开”行“自然人”列）' }),
}, { additionalProperties: false });

export const FillFromCasesBody = Type.Object({
  asOf: Type.Optional(Type.String({ pattern: DATE_PATTERN, description: '统计截止日期（YYYY-MM-DD，须在报告年度内；缺省为 12 月 31 日）' })),
}, { additionalProperties: false, description: '可省略请求体' });

const TableIdSchema = Type.Union([Type.Literal('三'), Type.Literal('四')], { description: '表三或表四' });

const cellLabelFields = {
  key: Type.String({ description: '单元格键' }),
  table: TableIdSchema,
  row: Type.Array(Type.String(), { description: '行标签（由外到内，与交换格式相同；表四为空）' }),
  column: Type.Array(Type.String(), { description: '列标签（由外到内，与交换格式相同）' }),
};

export const CellLabelSchema = Type.Object(cellLabelFields, { description: '单元格及其官方标签' });

export const ApplicationTablesSchema = Type.Object({
  agencyId: Type.Integer(),
  agencyName: Type.String(),
  year: Type.Integer(),
  format: FormatIdSchema,
  asOf: Type.String({ description: '统计截止日期：此日以后的处理决定、复议诉讼结果不计入' }),
  cells: Type.Array(Type.Object({ ...cellLabelFields, value: Type.Integer({ minimum: 0 }) }), {
    description: '表三、表四的全部单元格，按格式的阅读顺序（表、行、列）',
  }),
}, { description: '依申请公开办理数据生成的表三、表四' });

export const CellCasesSchema = Type.Object({
  cell: CellLabelSchema,
  value: Type.Integer({ minimum: 0, description: '单元格数值（即下列条目数；表四每项行政复议或行政诉讼一条）' }),
  cases: Type.Array(Type.Object({
    applicationId: Type.Integer({ description: '申请编号' }),
    caseNo: Type.String({ description: '登记号' }),
    receivedOn: Type.String({ description: '收到申请日期' }),
    state: Type.String({ description: '当前状态' }),
    stateName: Type.String({ description: '当前状态名称' }),
    remedyId: Type.Union([Type.Integer({ description: '行政复议或行政诉讼编号（表四）' }), Type.Null()]),
  }), { description: '计入该单元格的申请（不含申请人信息）' }),
}, { description: '单元格对应的申请' });
