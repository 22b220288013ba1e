/**
 * TypeBox schemas of the monthly checklist API (互联网信息发布每月检查清理清单).
 */
import { Type } from 'typebox';
import { CHECKLIST_DECISIONS, MAX_REASON_CHARS } from '../core/disclosure/checklist.js';
import { idSchema } from '../reports/report.schema.js';

/** A month in a path: checked by the service (a clear Chinese message for a wrong format). */
const monthSchema = Type.String({ maxLength: 20, description: '月份，格式为“年-月”，如 2026-03' });

export const AgencyParams = Type.Object({ id: idSchema('机构编号') });
export const ChecklistParams = Type.Object({ id: idSchema('机构编号'), month: monthSchema });
export const EntryParams = Type.Object({ id: idSchema('机构编号'), month: monthSchema, entryId: idSchema('条目编号') });
export const ChecklistFileParams = Type.Object({
  id: idSchema('机构编号'), month: monthSchema,
  ext: Type.Union([Type.Literal('xlsx'), Type.Literal('docx')], { description: '文件类型：xlsx（Excel）或 docx（Word）' }),
});

export const ProduceBody = Type.Object({ month: Type.String({ maxLength: 20, description: '月份，格式为“年-月”，如 2026-03' }) }, { additionalProperties: false });

export const DecideBody = Type.Object({
  decision: Type.Union([Type.Literal('keep'), Type.Literal('withdraw')], { description: `检查结论：keep ${CHECKLIST_DECISIONS.keep}、withdraw ${CHECKLIST_DECISIONS.withdraw}` }),
  reason: Type.Optional(Type.Union([Type.String({ maxLength: MAX_REASON_CHARS }), Type.Null()], { description: '撤回理由（撤回时必填）' })),
}, { additionalProperties: false });

const nullable = <T extends ReturnType<typeof Type.String>>(s: T) => Type.Union([s, Type.Null()]);

export const ChecklistEntrySchema = Type.Object({
  id: Type.Integer(),
  publicationId: Type.Integer({ description: '发布记录编号' }),
  itemId: Type.Integer({ description: '信息编号' }),
  itemVersion: Type.Integer({ description: '发布的版本' }),
  indexNo: nullable(Type.String({ description: '索引号' })),
  title: Type.String({ description: '标题' }),
  channel: Type.String({ description: '发布渠道' }),
  publishedOn: Type.String({ description: '发布日期' }),
  publisher: Type.String({ description: '发布人' }),
  withdrawnAt: nullable(Type.String({ description: '撤回时间' })),
  decision: Type.Union([Type.Literal('keep'), Type.Literal('withdraw'), Type.Null()], { description: '检查结论（未检查为 null）' }),
  reason: nullable(Type.String({ description: '撤回理由' })),
  decidedBy: nullable(Type.String({ description: '检查人' })),
  decidedAt: nullable(Type.String({ description: '检查时间' })),
});

const summaryFields = {
  id: Type.Integer(),
  agencyId: Type.Integer(),
  month: Type.String({ description: '月份' }),
  state: Type.Union([Type.Literal('open'), Type.Literal('signed')], { description: 'open 待签字、signed 已签字（签字后不可修改）' }),
  createdAt: Type.String(),
  signedAt: nullable(Type.String({ description: '签字时间' })),
  signedBy: nullable(Type.String({ description: '审核签字人' })),
};

export const ChecklistSummarySchema = Type.Object(summaryFields);
export const ChecklistSchema = Type.Object({ ...summaryFields, agencyName: Type.String(), entries: Type.Array(ChecklistEntrySchema) });
