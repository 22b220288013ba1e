/**
 * TypeBox schemas of an agency's disclosure settings (统一社会信用代码, 索引号 template).
 */
import { Type, type Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

/** The settings as the API returns them. */
export const SettingsSchema = Type.Object({
  agencyId: Type.Integer(), agencyName: Type.String(),
  creditCode: Nullable(Type.String({ description: '统一社会信用代码（18 位）' })),
  indexTemplate: Nullable(Type.String({ description: '索引号模板（null：使用默认模板）' })),
  effectiveTemplate: Type.String({ description: '实际使用的索引号模板' }),
  defaultTemplate: Type.String(),
  example: Nullable(Type.String({ description: '按模板生成的本年度第一个索引号示例（模板含 {code} 而未填写统一社会信用代码时为 null）' })),
}, { description: '机关的政务公开设置' });

/** PUT body. */
export const SettingsBody = Type.Object({
  creditCode: Nullable(Type.String({ maxLength: 40, description: '统一社会信用代码（GB 32100-2015，校验第 18 位）；null 或空：未填写' })),
  indexTemplate: Nullable(Type.String({ maxLength: 100, description: '索引号模板，占位符 {code}（统一社会信用代码）、{year}（年份）、{seq:5}（序号，5 位）；null 或空：默认模板' })),
}, { additionalProperties: false });


/** The settings as the API returns them (for the admin UI). */
export type DisclosureSettingsView = Static<typeof SettingsSchema>;
/** PUT /api/agencies/:agencyId/disclosure-settings */
export type DisclosureSettingsRequest = Static<typeof SettingsBody>;
