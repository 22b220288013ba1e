/**
 * TypeBox schemas of the matter API (政务服务事项、办事指南, issue 12) and the hall's figures. A matter's content is
 * checked by the core's validateMatter, which names every problem in Chinese; the request schema only asks for an
 * object so that those messages, not generic ones, reach the office. Response types are derived from these schemas
 * (the admin UI imports them).
 */
import { Type, type Static } from 'typebox';
import { AUDIENCES, HANDLING_KINDS, MATERIAL_KINDS, MATTER_FLAGS, MATTER_TYPES, SERVICE_LEVELS } from '../core/matters/matter-lists.js';
import { ChainRecordProperties, literalUnion, ReviewStateSchema } from '../disclosure/review.schema.js';
import { idSchema, MAX_ID } from '../reports/report.schema.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const keys = <T extends Record<string, string>>(o: T) => Object.keys(o) as Array<keyof T & string>;
const Flags = Type.Object(Object.fromEntries(keys(MATTER_FLAGS).map((k) => [k, Type.Boolean({ description: MATTER_FLAGS[k] })])) as Record<keyof typeof MATTER_FLAGS, ReturnType<typeof Type.Boolean>>);
const FileRef = Nullable(Type.Object({ hash: Type.String(), fileName: Type.String() }));

/** A matter and its guide. */
export const MatterSchema = Type.Object({
  name: Type.String({ description: '事项名称' }),
  code: Type.String({ description: '事项编码' }),
  type: literalUnion(keys(MATTER_TYPES), '事项类型'),
  handlingKind: literalUnion(keys(HANDLING_KINDS), '办件类型'),
  office: Type.String({ description: '实施主体' }),
  legalBasis: Type.Array(Type.String(), { description: '设定依据（逐条）' }),
  audiences: Type.Array(literalUnion(keys(AUDIENCES), '服务对象')),
  themes: Type.Array(Type.String(), { description: '主题分类（person:005 形式）' }),
  levels: Type.Array(literalUnion(keys(SERVICE_LEVELS), '服务层级')),
  conditions: Type.String({ description: '受理条件' }),
  materials: Type.Array(Type.Object({
    name: Type.String(), kind: literalUnion(keys(MATERIAL_KINDS), '提交要求'), copies: Type.Integer(),
    medium: literalUnion(['paper', 'electronic', 'both'], '材料形式'), blankForm: FileRef, sample: FileRef,
  }), { description: '申请材料' }),
  procedure: Type.Array(Type.String(), { description: '办理流程（逐条）' }),
  statutoryDays: Nullable(Type.Integer({ description: '法定办结时限（工作日）' })),
  promisedDays: Type.Integer({ description: '承诺办结时限（工作日）' }),
  fee: Type.Object({ charged: Type.Boolean(), standard: Type.String(), basis: Type.String() }),
  place: Type.String(), hours: Type.String(), consultation: Type.String(), complaint: Type.String(), onlineUrl: Type.String(),
  visits: Type.Integer({ description: '到现场次数' }),
  flags: Flags,
  faq: Type.String(),
}, { description: '事项及其办事指南' });

export const MatterSummarySchema = Type.Object({
  id: Type.Integer(), agencyId: Type.Integer(), code: Type.String(), name: Type.String(), type: Type.String(), office: Type.String(),
  state: ReviewStateSchema, stateName: Type.String(), version: Type.Integer(), publishedVersion: Nullable(Type.Integer()),
  publishedOn: Nullable(Type.String()), themes: Type.Array(Type.String()), levels: Type.Array(Type.String()), flags: Flags, updatedAt: Type.String(),
  abolishing: Type.Boolean({ description: '当前版本为取消事项（经审核发布后事项取消）' }),
});

export const MatterListSchema = Type.Object({ total: Type.Integer(), matters: Type.Array(MatterSummarySchema) });

export const MatterViewSchema = Type.Object({
  id: Type.Integer(), agencyId: Type.Integer(), state: ReviewStateSchema, stateName: Type.String(), version: Type.Integer(),
  shownVersion: Type.Integer(), publishedVersion: Nullable(Type.Integer()), createdAt: Type.String(), createdBy: Type.String(),
  publishedOn: Nullable(Type.String()), content: MatterSchema,
  abolition: Nullable(Type.Object({ reason: Type.String() }, { description: '所示版本为取消事项时的取消理由' })),
  abolished: Nullable(Type.Object({ on: Type.String(), reason: Type.String() }, { description: '事项已取消（取消版本已发布）：取消日期和理由' })),
  versions: Type.Array(Type.Object({ version: Type.Integer(), name: Type.String(), createdAt: Type.String(), createdBy: Type.String(), publishedOn: Nullable(Type.String()), abolishing: Type.Boolean() })),
  ...ChainRecordProperties,
});

export const MatterParams = Type.Object({ agencyId: idSchema('机关编号'), id: idSchema('事项编号') });
export const MatterVersionQuery = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID, description: '版本号（默认当前版本）' })) });
export const CreateMatterBody = Type.Object({ content: Type.Record(Type.String(), Type.Unknown(), { description: '事项内容，结构见 MatterSchema' }) }, { additionalProperties: false });
export const AbolishMatterBody = Type.Object({
  baseVersion: Type.Integer({ minimum: 1, maximum: MAX_ID, description: '取消所依据的当前版本号' }),
  reason: Type.String({ maxLength: 500, description: '取消理由（如：依据某文件取消该事项）' }),
}, { additionalProperties: false });

export const SaveMatterBody = Type.Object({
  baseVersion: Type.Integer({ minimum: 1, maximum: MAX_ID, description: '修改所依据的版本号' }),
  content: Type.Record(Type.String(), Type.Unknown(), { description: '事项内容，结构见 MatterSchema' }),
}, { additionalProperties: false });
export const MatterListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })), theme: Type.Optional(Type.String({ maxLength: 20 })),
  level: Type.Optional(Type.String({ maxLength: 20 })), office: Type.Optional(Type.String({ maxLength: 100 })),
  type: Type.Optional(Type.String({ maxLength: 30 })), flag: Type.Optional(literalUnion(keys(MATTER_FLAGS), '办理方式')),
  state: Type.Optional(Type.String({ maxLength: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});

export const OfficeSchema = Type.Object({ id: Type.Integer(), name: Type.String() });
export const OfficeBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });
export const ThemeSchema = Type.Object({
  id: Type.Integer(), audience: literalUnion(keys(AUDIENCES), '服务对象'), audienceName: Type.String(), code: Type.String(), name: Type.String(),
  key: Type.String(), archived: Type.Boolean(),
});
export const ThemeBody = Type.Object({
  audience: Type.String({ maxLength: 10 }), code: Type.String({ maxLength: 3 }), name: Type.String({ maxLength: 50 }), archived: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

export const HallSchema = Type.Object({ id: Type.Integer(), name: Type.String(), level: literalUnion(keys(SERVICE_LEVELS), '服务层级'), levelName: Type.String() });
export const HallBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), level: Type.String({ maxLength: 20 }) }, { additionalProperties: false });
const Count = Nullable(Type.Integer());
export const HallMonthBody = Type.Object({
  windows: Type.Optional(Count), matters: Type.Optional(Count), transactions: Type.Optional(Count), certificatesMailed: Type.Optional(Count),
}, { additionalProperties: false });
export const HallMonthParams = Type.Object({ agencyId: idSchema('机关编号'), hallId: idSchema('服务大厅编号'), month: Type.String({ pattern: '^\\d{4}-\\d{2}$', description: '月份（YYYY-MM）' }) });
export const HallMonthSchema = Type.Object({ hallId: Type.Integer(), month: Type.String(), windows: Count, matters: Count, transactions: Count, certificatesMailed: Count });

const Share = Type.Object({ count: Type.Integer(), of: Type.Integer(), percent: Nullable(Type.Number()) });
export const DashboardQuery = Type.Object({
  year: Type.Integer({ minimum: 2000, maximum: 2100 }), asOf: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: '事项清单的截止日期（默认年末）' })),
});
export const DashboardSchema = Type.Object({
  year: Type.Integer(), asOf: Type.String(),
  matters: Type.Object({
    counts: Type.Object({ total: Type.Integer(), online: Type.Integer(), fullyOnline: Type.Integer(), atMostOnce: Type.Integer(), zeroVisit: Type.Integer(), mailDelivery: Type.Integer() }),
    shares: Type.Object({ atMostOnce: Share, online: Share, fullyOnlineOfOnline: Share, fullyOnline: Share, zeroVisit: Share, mailDelivery: Share }),
  }),
  themes: Type.Array(Type.Object({ key: Type.String(), name: Type.String(), count: Type.Integer() })),
  levels: Type.Array(Type.Object({ level: Type.String(), levelName: Type.String(), count: Type.Integer() })),
  halls: Type.Array(Type.Object({
    id: Type.Integer(), name: Type.String(), level: Type.String(), levelName: Type.String(), windows: Count, matters: Count, transactions: Count,
    certificatesMailed: Count, monthsEntered: Type.Integer(),
  })),
  months: Type.Array(Type.Object({ hallId: Type.Integer(), hallName: Type.String(), month: Type.String(), windows: Count, matters: Count, transactions: Count, certificatesMailed: Count })),
  totals: Type.Object({ windows: Count, transactions: Count, certificatesMailed: Count }),
});

export type MatterContent = Static<typeof MatterSchema>;
export type MatterViewResponse = Static<typeof MatterViewSchema>;
export type MatterListResponse = Static<typeof MatterListSchema>;
export type MatterThemeResponse = Static<typeof ThemeSchema>;
export type ServiceHallResponse = Static<typeof HallSchema>;
export type ServiceDashboardResponse = Static<typeof DashboardSchema>;
