/**
 * TypeBox schemas of the item import and export routes (item-import.routes.ts).
 */
import { Type, type Static } from 'typebox';
import { idSchema } from '../reports/report.schema.js';

/** The agency in the path. */
export const AgencyItemsParams = Type.Object({ id: idSchema('机关编号') });

const flag = (description: string) => Type.Boolean({ default: false, description });

/** Options of an import. */
export const ItemImportQuery = Type.Object({
  skipRefused: flag('为 true 时导入无误的行、跳过被拒绝的行；默认有任何一行被拒绝即不导入'),
  dryRun: flag('为 true 时只检查，不保存'),
  fileName: Type.Optional(Type.String({ maxLength: 255, description: '文件名（以原始请求体上传时用于提示；multipart 上传时取表单中的文件名）' })),
});

const Problem = Type.Object({
  row: Type.Integer({ description: '行号（按表格的行号，表头为第 1 行；0 表示整个文件）' }),
  column: Type.String({ description: '列名（中文表头）' }),
  message: Type.String({ description: '中文说明，含行号和列名' }),
});

/** The report of an import. */
export const ItemImportReportSchema = Type.Object({
  fileName: Type.String(),
  rows: Type.Integer({ description: '文件中的数据行数' }),
  imported: Type.Integer({ description: '已导入（试导入时为可导入）的条数' }),
  stored: Type.Boolean({ description: '是否已保存' }),
  dryRun: Type.Boolean(),
  refusedRows: Type.Integer({ description: '被拒绝的行数' }),
  refused: Type.Array(Problem, { description: '被拒绝的原因，每行每列一条' }),
  warnings: Type.Array(Problem, { description: '提示（不妨碍导入），如同一年度文号重复、正文中删除的不安全内容' }),
  indexNos: Type.Union([Type.Object({ first: Type.String(), last: Type.String() }), Type.Null()], { description: '已导入的第一个和最后一个索引号' }),
  message: Type.String({ description: '结果的中文说明' }),
});
export type ItemImportReportJson = Static<typeof ItemImportReportSchema>;

/** Options of an item export. */
export const ItemExportQuery = Type.Object({
  state: Type.Union([Type.Literal('published'), Type.Literal('all')], { default: 'published', description: 'published 仅已发布的信息（默认）；all 全部状态（另加“状态”列）' }),
  withoutIndexNo: flag('为 true 时不填索引号（用于导入另一机关，由其按模板重新编号）'),
});
