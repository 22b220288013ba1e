/**
 * TypeBox schemas of the item API (政府信息, the review chain, findings, Art. 26 warnings, 待我处理): they validate
 * requests, serialise responses and document the API (OpenAPI at /docs). The admin UI imports the static types.
 */
import { Type, type Static, type TSchema, type TUnsafe } from 'typebox';
import { CHANNEL_KEYS, CHANNELS } from '../core/disclosure/channels.js';
import { DISCLOSURE_ATTRIBUTES, NORMATIVE_KINDS, VALIDITIES } from '../core/disclosure/item-labels.js';
import { REVIEW_STATES, REVIEW_STEPS, type ReviewStep } from '../core/disclosure/review-chain.js';
import { idSchema, MAX_ID } from '../reports/report.schema.js';

/** One of the keys of a label map, typed as their union, described with the Chinese names. */
const keys = <O extends Record<string, string>>(o: O, description: string) =>
  Type.Union(Object.keys(o).map((k) => Type.Literal(k)), { description: `${description}：${Object.entries(o).map(([k, v]) => `${k}=${v}`).join('，')}` }) as unknown as TUnsafe<Extract<keyof O, string>>;
const date = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: `${description}（YYYY-MM-DD）` });
const nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()]);

export const StateSchema = keys(REVIEW_STATES, '状态');
export const ReviewStepSchema = keys(Object.fromEntries(Object.entries(REVIEW_STEPS).map(([k, v]) => [k, v.name])) as Record<ReviewStep, string>, '审核环节');
export const ChannelSchema = keys(CHANNELS, '发布渠道');

export const ItemIdParams = Type.Object({ id: idSchema('政府信息编号') });
export const AgencyItemsParams = Type.Object({ agencyId: idSchema('机关编号') });
export const AttachmentParams = Type.Object({ id: idSchema('政府信息编号'), hash: Type.String({ pattern: '^[0-9a-f]{64}$', description: '附件内容的 SHA-256' }) });
export const FindingParams = Type.Object({ id: idSchema('政府信息编号'), findingId: idSchema('扫描发现编号') });

/** The fields a drafter writes (all optional on edit). */
const fieldProps = {
  summary: Type.String({ maxLength: 2000, description: '内容概述（条例第十二条）' }),
  categoryId: nullable(idSchema('栏目（主动公开目录节点）编号')),
  issuer: Type.String({ minLength: 1, maxLength: 200, description: '发布机构（默认为本机关全称）' }),
  docNo: nullable(Type.String({ maxLength: 100, description: '文号，如 威环审批发〔2019〕3号' })),
  changedOn: date('变更日期：内容变更之日，第二十六条期限由此起算（默认为成文日期）'),
  theme: nullable(Type.String({ maxLength: 60, description: '主题分类（src/core/disclosure/themes.ts），写作“一级\\二级”，如“综合政务\\政务公开”' })),
  keywords: Type.String({ maxLength: 200, description: '主题词，以空格分隔' }),
  disclosure: keys(DISCLOSURE_ATTRIBUTES, '公开属性'),
  bodyHtml: Type.String({ maxLength: 2_000_000, description: '正文（富文本 HTML，保存时清理脚本和事件属性）' }),
  validity: keys(VALIDITIES, '有效性'),
  normativeKind: nullable(keys(NORMATIVE_KINDS, '规章或行政规范性文件')),
  madeOn: nullable(date('制定日期')),
  amendedOn: nullable(date('修改日期')),
  repealedOn: nullable(date('废止日期')),
  office: nullable(Type.String({ maxLength: 100, description: '起草科室（第二十六条预警按科室统计）' })),
  interprets: nullable(idSchema('解读对象：本文为其解读的本机关政府信息编号')),
};

export const CreateItemBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 300, description: '标题' }),
  writtenOn: date('成文日期'),
  ...Object.fromEntries(Object.entries(fieldProps).map(([k, v]) => [k, Type.Optional(v)])) as { [K in keyof typeof fieldProps]: ReturnType<typeof Type.Optional<(typeof fieldProps)[K]>> },
}, { additionalProperties: false });

export const EditItemBody = Type.Object({
  baseVersion: Type.Integer({ minimum: 1, maximum: MAX_ID, description: '编辑所依据的版本号（不是当前版本时拒绝保存：409 STALE_VERSION）' }),
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 300, description: '标题' })),
  writtenOn: Type.Optional(date('成文日期')),
  ...Object.fromEntries(Object.entries(fieldProps).map(([k, v]) => [k, Type.Optional(v)])) as { [K in keyof typeof fieldProps]: ReturnType<typeof Type.Optional<(typeof fieldProps)[K]>> },
}, { additionalProperties: false });

export const ItemListQuery = Type.Object({
  state: Type.Optional(StateSchema),
  categoryId: Type.Optional(idSchema('栏目编号')),
  office: Type.Optional(Type.String({ maxLength: 100, description: '起草科室' })),
  q: Type.Optional(Type.String({ maxLength: 100, description: '在标题、文号、索引号中查找' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, description: '页码（从 1 开始）' })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: '每页条数（默认 20）' })),
});

export const ItemSummarySchema = Type.Object({
  id: Type.Integer(), agencyId: Type.Integer(), indexNo: nullable(Type.String({ description: '索引号（首次发布时生成）' })),
  state: StateSchema, stateName: Type.String({ description: '状态中文名' }), version: Type.Integer({ description: '当前版本' }),
  publishedVersion: nullable(Type.Integer({ description: '公众看到的版本' })), title: Type.String(), docNo: nullable(Type.String()),
  categoryId: nullable(Type.Integer()), categoryName: nullable(Type.String()), office: nullable(Type.String()),
  drafterId: nullable(Type.Integer()), drafterName: Type.String(), writtenOn: Type.String(), dueOn: nullable(Type.String({ description: '第二十六条发布期限' })),
  publishedOn: nullable(Type.String({ description: '发布日期' })), origin: Type.String({ description: 'platform=本平台发布，imported=导入' }),
  updatedAt: Type.String(),
});

export const AttachmentSchema = Type.Object({ hash: Type.String(), fileName: Type.String(), fileType: Type.String(), size: Type.Integer() });

export const ItemStepSchema = Type.Object({
  id: Type.Integer(), version: Type.Integer(), step: Type.String({ description: 'submit | first-review | secrecy-review | sign-off | publish' }),
  stepName: Type.String(), decision: nullable(Type.String()), decisionName: nullable(Type.String()), reason: nullable(Type.String()),
  comment: nullable(Type.String()), form: nullable(Type.Record(Type.String(), Type.Unknown(), { description: '保密审查表' })),
  actor: Type.String(), actorId: nullable(Type.Integer()), at: Type.String(),
});

export const FindingSchema = Type.Object({
  id: Type.Integer(), version: Type.Integer(), source: Type.String({ description: 'body 或 attachment:<hash>' }), sourceName: Type.String(),
  kind: Type.String(), kindName: Type.String(), place: Type.String({ description: '位置（中文）' }), excerpt: Type.String({ description: '发现的内容（已脱敏）' }),
  resolution: nullable(Type.Union([Type.Literal('removed'), Type.Literal('confirmed')])), resolutionName: nullable(Type.String()),
  reason: nullable(Type.String()), resolvedBy: nullable(Type.String()), resolvedAt: nullable(Type.String()),
});

export const PublicationSchema = Type.Object({
  id: Type.Integer(), version: Type.Integer(), channel: Type.String(), channelName: Type.String(), publishedOn: Type.String(),
  publishedAt: Type.String(), actor: Type.String(), withdrawnAt: nullable(Type.String()), withdrawnBy: nullable(Type.String()),
  withdrawalReason: nullable(Type.String()),
});

export const ItemDetailSchema = Type.Object({
  ...ItemSummarySchema.properties,
  summary: Type.String(), issuer: Type.String(), changedOn: Type.String(), theme: nullable(Type.String()), keywords: Type.String(),
  disclosure: Type.String(), bodyHtml: Type.String(), validity: Type.String(), normativeKind: nullable(Type.String()),
  madeOn: nullable(Type.String()), amendedOn: nullable(Type.String()), repealedOn: nullable(Type.String()),
  interprets: nullable(Type.Integer({ description: '解读对象（本文为其解读的政府信息编号）' })),
  interpretsTitle: nullable(Type.String({ description: '解读对象的标题' })),
  attachments: Type.Array(AttachmentSchema),
  versions: Type.Array(Type.Object({ version: Type.Integer(), createdAt: Type.String(), createdBy: Type.String(), redactionOf: nullable(Type.Integer({ description: '仅删除扫描发现内容的版本：所依据的版本' })) })),
  steps: Type.Array(ItemStepSchema),
  findings: Type.Array(FindingSchema, { description: '当前版本的扫描发现' }),
  publications: Type.Array(PublicationSchema),
});

/** Something the drafter should look at after a save (the save went through). */
export const SaveWarningSchema = Type.Object({ code: Type.String({ description: 'DUPLICATE_DOC_NO | BODY_SANITISED' }), message: Type.String(), field: Type.String() });

/** A save: the item and what the drafter should look at. */
export const ItemSaveSchema = Type.Object({ item: ItemDetailSchema, warnings: Type.Array(SaveWarningSchema) });

export const ItemPageSchema = Type.Object({ total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), items: Type.Array(ItemSummarySchema) });

export const SubmitBody = Type.Object({ comment: Type.Optional(nullable(Type.String({ maxLength: 1000 }))) }, { additionalProperties: false });

export const ReviewBody = Type.Object({
  step: ReviewStepSchema,
  decision: Type.Union([Type.Literal('pass'), Type.Literal('return')], { description: 'pass=通过，return=退回（须填理由）' }),
  reason: Type.Optional(nullable(Type.String({ maxLength: 1000, description: '退回理由' }))),
  comment: Type.Optional(nullable(Type.String({ maxLength: 1000, description: '审核意见' }))),
  form: Type.Optional(nullable(Type.Record(Type.String(), Type.Unknown(), { description: '互联网信息发布保密审查表（保密审查通过时必填，见 SecrecyReviewFormSchema）' }))),
}, { additionalProperties: false });

export const PublishBody = Type.Object({
  channels: Type.Array(ChannelSchema, { minItems: 1, maxItems: CHANNEL_KEYS.length, description: '发布渠道（须经保密审查认定适合）' }),
}, { additionalProperties: false });

export const ResolveBody = Type.Object({
  resolution: Type.Union([Type.Literal('removed'), Type.Literal('confirmed')], { description: 'removed=从内容中删除（正文即生成删除后的新版本），confirmed=确认可以公开（须填理由）' }),
  reason: Type.Optional(nullable(Type.String({ maxLength: 1000 }))),
}, { additionalProperties: false });

export const HistorySchema = Type.Object({
  steps: Type.Array(ItemStepSchema),
  events: Type.Array(Type.Object({
    id: Type.Integer(), type: Type.String(), typeName: Type.String(), data: nullable(Type.Record(Type.String(), Type.Unknown())),
    actor: Type.String(), actorId: nullable(Type.Integer()), at: Type.String(),
  })),
});

const WarningEntry = Type.Object({
  id: Type.Integer(), agencyId: Type.Integer(), agencyName: Type.String(), title: Type.String(), state: StateSchema, stateName: Type.String(),
  changedOn: Type.String(), dueOn: Type.String(), workingDaysLeft: Type.Integer({ description: '距期限的工作日数（负数为已超期）' }),
});
export const ItemVersionParams = Type.Object({ id: idSchema('政府信息编号'), version: idSchema('版本号') });

/** A stored version as written: its fields and attachments (for the history and comparing versions). */
export const ItemVersionSchema = Type.Object({
  version: Type.Integer(), createdAt: Type.String(), createdBy: Type.String(),
  redactionOf: nullable(Type.Integer({ description: '仅删除扫描发现内容的版本：所依据的版本' })),
  fields: Type.Object({ title: Type.String(), writtenOn: Type.String(), ...fieldProps }),
  attachments: Type.Array(AttachmentSchema),
});

export const ItemWarningsQuery = Type.Object({ agencyId: Type.Optional(idSchema('机关编号（不填为有权查看的全部机关）')) });
export const ItemWarningsSchema = Type.Object({
  today: Type.String(), dueSoonUntil: Type.String(),
  offices: Type.Array(Type.Object({ office: Type.String(), overdue: Type.Integer(), dueSoon: Type.Integer() })),
  groups: Type.Array(Type.Object({ office: Type.String(), person: Type.String(), overdue: Type.Array(WarningEntry), dueSoon: Type.Array(WarningEntry) })),
});

export const InboxSchema = Type.Object({
  total: Type.Integer(),
  tasks: Type.Array(Type.Object({
    kind: Type.String(), key: Type.String({ description: '如 item:first-review' }), name: Type.String(), permission: Type.String(), count: Type.Integer(),
    entries: Type.Array(Type.Object({
      kind: Type.String(), id: Type.Integer(), agencyId: Type.Integer(), title: Type.String(), state: StateSchema, stateName: Type.String(),
      version: Type.Integer(), drafterName: Type.String(), updatedAt: Type.String(),
    })),
  })),
});

export const LabelsSchema = Type.Object({
  states: Type.Record(Type.String(), Type.String()), steps: Type.Record(Type.String(), Type.String()), acts: Type.Record(Type.String(), Type.String()),
  decisions: Type.Record(Type.String(), Type.String()), channels: Type.Record(Type.String(), Type.String()),
  disclosure: Type.Record(Type.String(), Type.String()), validity: Type.Record(Type.String(), Type.String()),
  normativeKinds: Type.Record(Type.String(), Type.String()), origins: Type.Record(Type.String(), Type.String()),
  art20Items: Type.Record(Type.String(), Type.String()), findingResolutions: Type.Record(Type.String(), Type.String()),
});

export type ItemDetailBody = Static<typeof ItemDetailSchema>;
export type ItemSummaryBody = Static<typeof ItemSummarySchema>;
export type ItemSaveBody = Static<typeof ItemSaveSchema>;
export type ItemPageBody = Static<typeof ItemPageSchema>;
export type ItemFindingBody = Static<typeof FindingSchema>;
export type ItemHistoryBody = Static<typeof HistorySchema>;
export type ItemVersionBody = Static<typeof ItemVersionSchema>;
export type ItemWarningsBody = Static<typeof ItemWarningsSchema>;
export type InboxBody = Static<typeof InboxSchema>;
export type ReviewRequest = Static<typeof ReviewBody>;
export type EditItemRequest = Static<typeof EditItemBody>;
export type CreateItemRequest = Static<typeof CreateItemBody>;
export type DisclosureLabels = Static<typeof LabelsSchema>;
