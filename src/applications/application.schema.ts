/**
 * TypeBox schemas of the application API: request validation, response serialization and the OpenAPI
 * documentation from one source. The rules of the procedure (dates, deadlines, one extension …) are
 * checked by the service and the pure clock, which name the field in formal Chinese.
 */
import { Type, type TUnsafe } from 'typebox';
import { APPLICANT_TYPES } from '../core/applications/applicant-types.js';
import { CHANNEL_NAMES } from '../core/applications/receipt-date.js';
import { IDENTITY_KIND_NAMES } from '../core/applications/identity.js';
import { EVENT_NAMES } from '../core/applications/case-events.js';
import { MAX_ID } from '../reports/report.schema.js';
import { STATE_NAMES } from './application-view.js';

const DATE = { pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: '日期 YYYY-MM-DD' };
const date = (description: string) => Type.String({ ...DATE, description: `${description}（YYYY-MM-DD）` });
/** One of `values`; typed as their union when they are literals (an `Object.keys` list stays `string`). */
const literals = <const T extends readonly string[]>(values: T, description: string) =>
  Type.Union(values.map((v) => Type.Literal(v)), { description }) as unknown as TUnsafe<T[number]>;
const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableDate = Type.Union([Type.String(), Type.Null()]);

export const ApplicationIdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: MAX_ID, description: '申请编号' }) });
export const RemedyParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: MAX_ID, description: '申请编号' }),
  remedyId: Type.Integer({ minimum: 1, maximum: MAX_ID, description: '行政复议或行政诉讼编号' }),
});

export const ChannelSchema = literals(Object.keys(CHANNEL_NAMES),
  `申请渠道（条例第三十一条）：${Object.entries(CHANNEL_NAMES).map(([k, v]) => `${k} ${v}`).join('、')}`);

export const StateSchema = literals(Object.keys(STATE_NAMES),
  `案件状态：${Object.entries(STATE_NAMES).map(([k, v]) => `${k} ${v}`).join('、')}`);

export const ListApplicationsQuery = Type.Object({
  agencyId: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID, description: '机关编号' })),
  state: Type.Optional(StateSchema),
  open: Type.Optional(Type.Boolean({ description: '只列未办结的申请' })),
  receivedFrom: Type.Optional(date('收到申请日期起')),
  receivedTo: Type.Optional(date('收到申请日期止')),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, description: '最多返回条数（默认 500）' })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_ID })),
}, { additionalProperties: false });

/** An override of the period lock: a change that alters a published report's table 三/四 needs one. */
export const OverrideSchema = Type.Object({
  reason: Type.String({ minLength: 4, maxLength: 2000, description: '变更理由' }),
}, { additionalProperties: false, description: '已发布年度报告的统计期间已锁定：将改变其表三、表四数据的变更须由具有“领导”角色的登录用户批准并写明理由，批准人记为该用户' });

export const ReceiveBody = Type.Object({
  agencyId: Type.Integer({ minimum: 1, maximum: MAX_ID, description: '受理机关编号' }),
  channel: ChannelSchema,
  evidence: Type.Object({
    handedInOn: Type.Optional(date('当面提交日期')),
    signedForOn: Type.Optional(date('邮寄签收日期')),
    confirmedOn: Type.Optional(date('平常信函与申请人确认日期，或互联网、传真双方确认日期')),
  }, { additionalProperties: false, description: '确定收到申请日期的依据（条例第三十一条）' }),
  applicantType: Type.String({
    description: `申请人类型：${APPLICANT_TYPES.map((t) => `${t.type}（${t.column}）`).join('、')}`,
  }),
  applicant: Type.Object({
    name: Type.String({ minLength: 1, maxLength: 200, description: '姓名或名称' }),
    idType: Type.Optional(literals(Object.keys(IDENTITY_KIND_NAMES),
      `身份证明类型：${Object.entries(IDENTITY_KIND_NAMES).map(([k, v]) => `${k} ${v}`).join('、')}（缺省：自然人为居民身份证，其他为统一社会信用代码）`)),
    idNumber: Type.String({ minLength: 1, maxLength: 50, description: '身份证明号码' }),
    phone: Type.Optional(NullableString),
    address: Type.Optional(NullableString),
    email: Type.Optional(NullableString),
  }, { additionalProperties: false }),
  subject: Type.String({ minLength: 1, maxLength: 2000, description: '申请公开的政府信息的名称、文号或者便于查询的其他特征性描述' }),
  formWanted: Type.String({ minLength: 1, maxLength: 200, description: '获取信息的方式、途径' }),
  office: Type.Optional(Type.String({ maxLength: 100, description: '承办科室' })),
  handler: Type.Optional(Type.String({ maxLength: 100, description: '承办人' })),
  override: Type.Optional(OverrideSchema),
}, { additionalProperties: false });

export const FeeSchema = Type.Object({
  method: literals(['by-application', 'by-volume'], '计收方式：by-application 按件计收、by-volume 按量计收'),
  pages: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000000, description: '按量计收：页数' })),
  earlierInMonth: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000000, description: '按件计收：同一申请人本月此前申请件数（缺省由系统统计）' })),
  count: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000000, description: '按件计收：本申请计费件数（缺省 1）' })),
}, { additionalProperties: false });

export const EventBody = Type.Object({
  type: literals(Object.keys(EVENT_NAMES).filter((t) => t !== 'received'),
    `事件类型：${Object.entries(EVENT_NAMES).filter(([k]) => k !== 'received').map(([k, v]) => `${k} ${v}`).join('、')}`),
  date: date('事件发生日期'),
  correctionDeadline: Type.Optional(date('补正期限')),
  lateReason: Type.Optional(Type.String({ description: '逾期补正的正当理由' })),
  party: Type.Optional(Type.String({ description: '被征求意见的第三方或机关' })),
  days: Type.Optional(Type.Integer({ minimum: -1000, maximum: 1000, description: '延长的工作日数（不超过 20）' })),
  approver: Type.Optional(Type.String({ maxLength: 100, description: '不必填写：延期由具有“领导”角色的登录用户登记，批准人记为该用户' })),
  reason: Type.Optional(Type.String({ description: '延期或延迟答复的理由' })),
  replyBy: Type.Optional(date('延迟答复期限（条例第三十五条）')),
  receivedOn: Type.Optional(date('收费通知送达日期')),
  fee: Type.Optional(FeeSchema),
  decision: Type.Optional(Type.String({ description: '处理决定（受控列表的键，如 disclosed、does-not-exist）' })),
  particulars: Type.Optional(Type.String({ description: '告知书须载明的事项：获取途径、负责机关或理由' })),
  override: Type.Optional(OverrideSchema),
}, { additionalProperties: false });

export const RemedyBody = Type.Object({
  kind: literals(['reconsideration', 'lawsuit'], 'reconsideration 行政复议、lawsuit 行政诉讼'),
  afterReconsideration: Type.Optional(Type.Boolean({ description: '行政诉讼是否为复议后起诉' })),
  filedOn: date('提起日期'),
  result: Type.Optional(literals(['upheld', 'corrected', 'other', 'pending'], '结果：upheld 维持、corrected 纠正、other 其他、pending 尚未审结（缺省）')),
  decidedOn: Type.Optional(Type.Union([date('审结日期'), Type.Null()])),
  override: Type.Optional(OverrideSchema),
}, { additionalProperties: false });

export const RemedyResultBody = Type.Object({
  result: literals(['upheld', 'corrected', 'other', 'pending'], '结果：upheld 维持、corrected 纠正、other 其他、pending 尚未审结'),
  decidedOn: Type.Optional(Type.Union([date('审结日期'), Type.Null()])),
  override: Type.Optional(OverrideSchema),
}, { additionalProperties: false });

export const WarningsQuery = Type.Object({
  agencyId: Type.Integer({ minimum: 1, maximum: MAX_ID, description: '机关编号' }),
  today: Type.Optional(date('今天（缺省为当前日期）')),
}, { additionalProperties: false });

const caseFields = {
  id: Type.Integer(), agencyId: Type.Integer(), agencyName: Type.String(), caseNo: Type.String({ description: '登记号' }),
  channel: Type.String(), receivedOn: Type.String(), applicantType: Type.String({ description: '表三列键' }),
  applicantTypeName: Type.String(), subject: Type.String(), formWanted: Type.String(),
  state: Type.String(), stateName: Type.String(), dueOn: NullableDate, decision: NullableString,
  resultRow: Type.Union([Type.String({ description: '表三结果行（2021 格式）' }), Type.Null()]), decidedOn: NullableDate, closedOn: NullableDate,
  feeMethod: NullableString, feeAmount: Type.Union([Type.Integer({ description: '信息处理费（元）' }), Type.Null()]),
  receivedBy: Type.String({ description: '登记人' }),
  office: Type.Union([Type.String({ description: '承办科室' }), Type.Null()]), handler: Type.Union([Type.String({ description: '承办人' }), Type.Null()]),
  createdAt: Type.String(), updatedAt: Type.String(),
};

export const RemedySchema = Type.Object({
  id: Type.Integer(), applicationId: Type.Integer(), kind: Type.String(), afterReconsideration: Type.Boolean(),
  filedOn: Type.String(), result: Type.String(), decidedOn: NullableDate, createdAt: Type.String(),
});

export const ApplicationSummarySchema = Type.Object({
  ...caseFields,
  applicant: Type.Object({ name: Type.String(), idNumber: Type.String(), phone: Type.String(), address: Type.String() },
    { description: '申请人信息（已脱敏）' }),
});

export const ApplicationDetailSchema = Type.Object({
  ...caseFields,
  applicant: Type.Object({
    name: Type.String(), idType: Type.String(), idNumber: Type.String(), phone: NullableString, address: NullableString, email: NullableString,
  }, { description: '申请人信息：仅本机关信息公开专职人员、依申请公开承办人可见完整信息，其他角色为脱敏信息' }),
  queryCode: Type.Union([Type.String(), Type.Null()], { description: '申请人查询码（个人信息已脱敏时为 null）' }),
  personalData: Type.Union([Type.Literal('full'), Type.Literal('masked')], {
    description: 'full：完整个人信息（本机关信息公开专职人员、依申请公开承办人），每次查看均记入安全审计日志；masked：已脱敏',
  }),
  clock: Type.Unknown({ description: '答复期限及其计算过程（explain）' }),
  remedies: Type.Array(RemedySchema),
});

export const ApplicationEventSchema = Type.Object({
  id: Type.Integer(), applicationId: Type.Integer(), at: Type.String(), actor: Type.String(), type: Type.String(),
  onDate: Type.String(), data: Type.Unknown(), old: Type.Unknown(), new: Type.Unknown(),
});

const WarningItemSchema = Type.Object({
  id: Type.Integer(), caseNo: Type.String(), state: Type.String(), receivedOn: Type.String(), dueOn: Type.String(),
  workingDaysLeft: Type.Integer({ description: '距答复期限的工作日数（负数为已逾期）' }),
});

const PendingItemSchema = Type.Object({
  id: Type.Integer(), caseNo: Type.String(), state: Type.String(), receivedOn: Type.String(),
  office: Type.String({ description: '承办科室（未分配的为“未指定承办科室”）' }),
  handler: Type.String({ description: '承办人（未指定的为登记人）' }), assigned: Type.Boolean(),
});

/** Open cases whose deadline cannot be computed yet: it runs into a year whose holiday notice is not entered. */
export const PendingDeadlinesSchema = Type.Object({
  year: Type.Integer({ description: '尚未录入节假日安排的年度' }),
  title: Type.String({ description: '答复期限待定：尚未录入 YYYY 年节假日安排' }),
  count: Type.Integer({ description: '答复期限待定的申请件数' }),
  cases: Type.Array(PendingItemSchema, { description: '按收到日期排列' }),
}, { description: '答复期限待定的申请：录入该年度国务院办公厅节假日安排通知后自动计算' });

export const WarningsSchema = Type.Object({
  today: Type.String(), dueSoonUntil: Type.String(),
  pending: Type.Union([PendingDeadlinesSchema, Type.Null()], { description: '答复期限待定的申请（无则为 null）' }),
  offices: Type.Array(Type.Object({
    office: Type.String({ description: '承办科室（未分配的为“未指定承办科室”）' }), overdue: Type.Integer(), dueSoon: Type.Integer(),
  }), { description: '按承办科室汇总' }),
  groups: Type.Array(Type.Object({
    office: Type.String(), handler: Type.String({ description: '承办人（未指定的为登记人）' }), assigned: Type.Boolean(),
    overdue: Type.Array(WarningItemSchema), dueSoon: Type.Array(WarningItemSchema),
  }), { description: '按承办科室、承办人分组' }),
});

export const AllWarningsQuery = Type.Object({
  today: Type.Optional(date('今天（缺省为当前日期）')),
}, { additionalProperties: false });

export const AgencyWarningsSchema = Type.Array(Type.Object({
  agencyId: Type.Integer(), agencyName: Type.String(), warnings: WarningsSchema,
}), { description: '有已逾期、即将到期或答复期限待定的申请的各机关，按机关名称排列' });

export const AssignBody = Type.Object({
  office: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: '承办科室' })),
  handler: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: '承办人' })),
}, { additionalProperties: false });
