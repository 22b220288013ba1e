/**
 * TypeBox schemas of the 建议提案 API: they validate requests, serialize responses, document the API (OpenAPI)
 * and give the web UI its types. The rules (dates, lengths, the deadline) are checked by proposal-input.ts and the
 * service, with Chinese messages naming the field.
 */
import { Type, type TSchema } from 'typebox';
import { idSchema, MAX_ID } from '../reports/report.schema.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const day = (description: string) => Type.String({ maxLength: 10, description: `${description}（YYYY-MM-DD）` });

export const AgencyParams = Type.Object({ agencyId: idSchema('机关编号') });
export const ProposalParams = Type.Object({ agencyId: idSchema('机关编号'), id: idSchema('建议提案编号') });
export const YearParams = Type.Object({ agencyId: idSchema('机关编号'), year: Type.Integer({ minimum: 2000, maximum: 2200, description: '年度' }) });

export const ProposalKindSchema = Type.Union([Type.Literal('npc'), Type.Literal('cppcc')], { description: '类别：npc 人大代表建议、cppcc 政协提案' });
export const ProposalStateSchema = Type.Union([Type.Literal('handling'), Type.Literal('answered'), Type.Literal('feedback')], {
  description: '状态：handling 办理中、answered 已答复、feedback 已反馈',
});
export const FeedbackSchema = Type.Union([Type.Literal('satisfied'), Type.Literal('basically'), Type.Literal('unsatisfied')], {
  description: '代表委员意见：satisfied 满意、basically 基本满意、unsatisfied 不满意',
});

export const ListProposalsQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2200, description: '年度（当年交办、答复或公开的）' })),
  state: Type.Optional(ProposalStateSchema),
});

const editable = {
  sourceNo: Type.String({ maxLength: 200, description: '人大或政协给出的编号，如“第 45 号”' }),
  title: Type.String({ maxLength: 1000, description: '标题（案由）' }),
  proposer: Type.String({ maxLength: 1000, description: '提出的代表或委员（或代表团、党派团体）' }),
  receivedOn: day('收到日期'),
  assignedOn: Type.Optional(day('交办日期，缺省为收到日期')),
  leadOffice: Type.String({ maxLength: 300, description: '主办科室' }),
  coOffices: Type.Optional(Type.Array(Type.String({ maxLength: 300 }), { maxItems: 100, description: '会办单位' })),
  dueOn: Type.Optional(Nullable(day('交办机关另定的答复期限；缺省为交办之日起三个月'))),
};

export const RegisterProposalBody = Type.Object({ kind: ProposalKindSchema, ...editable }, { additionalProperties: false });
export const EditProposalBody = Type.Object(editable, { additionalProperties: false });

export const AnswerBody = Type.Object({
  answeredOn: day('答复日期'),
  replyText: Type.String({ maxLength: 100_000, description: '答复函内容' }),
  lateReason: Type.Optional(Nullable(Type.String({ maxLength: 5000, description: '逾期理由（答复晚于期限时必填）' }))),
}, { additionalProperties: false });

export const FeedbackBody = Type.Object({
  feedback: FeedbackSchema,
  feedbackOn: day('反馈日期'),
  note: Type.Optional(Nullable(Type.String({ maxLength: 5000, description: '反馈说明' }))),
}, { additionalProperties: false });

export const ResultBody = Type.Object({
  itemId: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID, description: '关联本机关已起草的信息；缺省时由答复内容生成一条信息草稿' })),
  categoryId: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: MAX_ID, description: '生成的信息草稿所属目录类目' }))),
}, { additionalProperties: false });

export const ProposalSchema = Type.Object({
  id: Type.Integer(),
  agencyId: Type.Integer(),
  regNo: Type.String({ description: '登记号' }),
  kind: ProposalKindSchema,
  kindName: Type.String(),
  sourceNo: Type.String(),
  title: Type.String(),
  proposer: Type.String(),
  receivedOn: Type.String(),
  assignedOn: Type.String(),
  leadOffice: Type.String(),
  coOffices: Type.Array(Type.String()),
  dueBase: Type.String({ description: '答复期限的日历日期（交办之日起三个月或另定）' }),
  dueSet: Type.Boolean({ description: '答复期限是否由交办机关另定' }),
  dueOn: Nullable(Type.String({ description: '答复期限（遇节假日顺延至下一工作日）；待定时为 null' })),
  duePendingYear: Nullable(Type.Integer({ description: '答复期限待录入节假日安排的年度' })),
  state: ProposalStateSchema,
  stateName: Type.String(),
  answeredOn: Nullable(Type.String()),
  replyText: Nullable(Type.String()),
  lateReason: Nullable(Type.String()),
  feedback: Nullable(FeedbackSchema),
  feedbackName: Nullable(Type.String()),
  feedbackOn: Nullable(Type.String()),
  feedbackNote: Nullable(Type.String()),
  resultItemId: Nullable(Type.Integer({ description: '公开办理结果的主动公开信息编号' })),
  resultPublishedOn: Nullable(Type.String({ description: '办理结果在门户网站公开的日期' })),
  createdAt: Type.String(),
  updatedAt: Type.String(),
}, { description: '建议提案' });

export const ProposalEventSchema = Type.Object({
  id: Type.Integer(), at: Type.String(), actor: Type.String(), type: Type.String(), old: Type.Unknown(), new: Type.Unknown(),
});

const WarningItem = Type.Object({
  id: Type.Integer(), regNo: Type.String(), kindName: Type.String(), title: Type.String(), leadOffice: Type.String(),
  dueOn: Type.String(), workingDaysLeft: Type.Integer({ description: '距答复期限的工作日数（负数为已逾期）' }),
});

export const ProposalWarningsSchema = Type.Object({
  today: Type.String(),
  dueSoonUntil: Type.String(),
  overdue: Type.Array(WarningItem),
  dueSoon: Type.Array(WarningItem),
  pending: Nullable(Type.Object({
    year: Type.Integer(), title: Type.String(),
    proposals: Type.Array(Type.Object({ id: Type.Integer(), regNo: Type.String(), title: Type.String(), dueBase: Type.String() })),
  })),
}, { description: '建议提案答复期限预警' });

const KindCounts = Type.Object({
  received: Type.Integer({ description: '当年交办' }), answered: Type.Integer({ description: '当年答复' }),
  answeredOnTime: Type.Integer({ description: '当年按期答复' }), resultsPublished: Type.Integer({ description: '当年公开办理结果' }),
});

export const YearCountsSchema = Type.Object({
  year: Type.Integer(), npc: KindCounts, cppcc: KindCounts, text: Type.String({ description: '年度报告第六部分的表述' }),
}, { description: '年度报告第六部分“建议和提案办理情况”的数据' });
