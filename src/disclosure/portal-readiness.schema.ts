/**
 * TypeBox schemas of the portal readiness report (GET /api/agencies/:agencyId/portal-readiness): one source for
 * validation, the OpenAPI document and the admin UI's types (web/src/pages/portal-readiness-page.tsx).
 */
import { Type, type Static, type TSchema } from 'typebox';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** Query: the whole subtree (a supervisor) and the yellow warning window. */
export const ReadinessQuery = Type.Object({
  subtree: Type.Optional(Type.Boolean({ description: '包括下级机关（仅列出有查看权限的机关）' })),
  warnDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365, description: '到期前多少天起提示“即将超期”；不填为更新周期的 20%' })),
});

export const ReadinessColumnSchema = Type.Object({
  nodeId: Type.Integer(),
  path: Type.String({ description: '栏目（上级 / 本级）' }),
  cycleDays: Nullable(Type.Integer({ description: '更新周期（天）；无周期为 null' })),
  cycleBasis: Type.String({ description: '周期依据' }),
  lastPublishedOn: Nullable(Type.String({ description: '最近一次在门户发布的日期' })),
  items: Type.Integer({ description: '已发布信息条数' }),
  state: Type.Union([Type.Literal('empty'), Type.Literal('due-soon'), Type.Literal('stale'), Type.Literal('ok')]),
  stateName: Type.String(),
  dueOn: Nullable(Type.String({ description: '应更新日期' })),
  daysLeft: Nullable(Type.Integer({ description: '距应更新日期天数（负数为已超期天数）' })),
  offices: Type.Array(Type.String(), { description: '发布了该栏目信息的科室' }),
});

export const ReadinessOfficeSchema = Type.Object({
  office: Type.String(), columns: Type.Integer(), dueSoon: Type.Integer(), stale: Type.Integer(),
});

export const AgencyReadinessSchema = Type.Object({
  agencyId: Type.Integer(),
  agencyName: Type.String(),
  homeLastUpdated: Nullable(Type.String({ description: '门户最近一次发布信息的日期（首页更新）' })),
  homeDaysAgo: Nullable(Type.Integer()),
  counts: Type.Object({ empty: Type.Integer(), dueSoon: Type.Integer(), stale: Type.Integer(), ok: Type.Integer() }),
  failures: Type.Array(Type.String(), { description: '按国办秘函〔2019〕19号单项否决指标，目前会判为不合格的原因' }),
  columns: Type.Array(ReadinessColumnSchema),
  offices: Type.Array(ReadinessOfficeSchema),
});

export const PortalReadinessSchema = Type.Object({
  today: Type.String(),
  warnDays: Nullable(Type.Integer()),
  agencies: Type.Array(AgencyReadinessSchema),
});

export type PortalReadinessBody = Static<typeof PortalReadinessSchema>;
export type AgencyReadinessBody = Static<typeof AgencyReadinessSchema>;
