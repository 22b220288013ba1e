/**
 * TypeBox schemas of the guide API (政府信息公开指南, 条例 Art. 12). A saved guide is checked by the core's
 * validateGuide, which names every missing or malformed field in Chinese; the request schema only asks for an
 * object so that those messages, not generic ones, reach the office.
 */
import { Type, type Static } from 'typebox';
import { MAX_ID } from '../reports/report.schema.js';
import { ChainRecordProperties, VersionSummaryProperties } from './review.schema.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const text = (description: string) => Type.String({ description });
const lines = (description: string) => Type.Array(Type.String(), { description });

/** The guide's content. */
export const GuideSchema = Type.Object({
  classification: text('信息分类与编排体系'),
  proactive: Type.Object({ description: text('主动公开信息的获取方式'), channels: lines('主动公开渠道（逐条）') }),
  onRequest: Type.Object({
    howToApply: text('申请方式'), forms: text('申请表的获取方式'), channels: lines('申请的提交渠道（逐条）'),
    timeLimits: text('答复期限'), fees: text('收费说明（国办函〔2020〕109号）'),
  }),
  office: Type.Object({
    name: text('工作机构名称'), address: text('办公地址'), officeHours: text('办公时间'), phone: text('联系电话'),
    postcode: text('邮政编码（6 位数字）'), fax: text('传真（可空）'), email: text('电子邮箱（可空）'), website: text('网址（可空）'),
  }),
  remedies: Type.Object({ supervision: text('监督方式'), reconsideration: text('行政复议'), litigation: text('行政诉讼') }),
}, { description: '政府信息公开指南' });

export const SaveGuideBody = Type.Object({
  baseVersion: Type.Integer({ minimum: 0, maximum: MAX_ID, description: '修改所依据的版本号（读取指南时的 version；尚无版本时为 0）' }),
  content: Type.Record(Type.String(), Type.Unknown(), { description: '指南内容，结构见 GuideSchema（缺项和格式错误逐项以中文指出）' }),
}, { additionalProperties: false });

export const GuideVersionSummarySchema = Type.Object(VersionSummaryProperties, { description: '指南版本' });

export const GuideVersionSchema = Type.Object({
  ...VersionSummaryProperties,
  id: Nullable(Type.Integer({ description: '尚未保存（默认草稿）时为 null' })),
  version: Type.Integer({ description: '版本号；0 表示尚未保存过的默认草稿' }),
  createdAt: Nullable(Type.String()),
  createdBy: Nullable(Type.String()),
  content: GuideSchema,
  ...ChainRecordProperties,
}, { description: '指南版本（含内容和审核记录）' });

/** A guide version as the API returns it (for the admin UI). */
export type GuideVersionView = Static<typeof GuideVersionSchema>;
/** PUT /api/agencies/:agencyId/guide */
export type SaveGuideRequest = Static<typeof SaveGuideBody>;
