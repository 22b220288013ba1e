/**
 * The shapes of the saved bulk audits (TypeBox, with their static types and the Chinese labels of states,
 * severities and decisions, so the UI never shows an English key): what the services build and the API sends.
 * The routes' schemas (audit-batch.schema.ts) re-export them, so the admin UI reads them from there; they live here,
 * beside the use cases, because the services (below the HTTP layer) build these values.
 */
import { Type, type Static } from 'typebox';

/** A batch's state: reading (files being read), done (every file read or failed), stopped (by a person). */
export const AUDIT_BATCH_STATE_LABELS = { reading: '正在读取', done: '已完成', stopped: '已停止' } as const;
/** A file's state in a batch. */
export const AUDIT_FILE_STATE_LABELS = { pending: '等待读取', reading: '正在读取', done: '已读取', failed: '无法读取' } as const;
/** What a finding is. */
export const AUDIT_SEVERITY_LABELS = { error: '错误', warning: '警告', missing: '缺失', recovered: '已恢复' } as const;
/** The filter `severity` of a batch's files: a finding kind, or unreadable (the file could not be read). */
export const AUDIT_SEVERITY_FILTER_LABELS = { ...AUDIT_SEVERITY_LABELS, unreadable: '无法读取' } as const;
/** A person's decision on a finding. */
export const AUDIT_DECISION_LABELS = { confirmed: '确认问题', dismissed: '不是问题' } as const;
/** How a cell of the detail was read. */
export const AUDIT_CELL_STATE_LABELS = { read: '已读取', recovered: '已恢复', missing: '缺失', blank: '空白' } as const;
/** The national formats by their short names. */
export const AUDIT_FORMAT_LABELS = { 2019: '2019 格式（试行）', 2021: '2021 格式' } as const;
/** The sort keys of a batch's files. */
export const AUDIT_SORT_LABELS = { errors: '按问题数', name: '按文件名', agency: '按机关', year: '按年度' } as const;

/** Most files in one upload request (parts; also the most file ids audited again at once). */
export const MAX_AUDIT_FILES = 500;

/**
 * Most files read from one upload once its zips are expanded (audit-intake.ts INTAKE_LIMITS.maxFiles): past it,
 * each archive gives one failed file saying how many of its files were not read.
 */
export const MAX_BATCH_FILES = 2000;
/** Longest note of a decision. */
export const MAX_DECISION_NOTE = 500;


export const AuditBatchStateSchema = Type.Union([Type.Literal('reading'), Type.Literal('done'), Type.Literal('stopped')], { description: '核查批次状态：reading 正在读取、done 已完成、stopped 已停止' });
export const AuditFileStateSchema = Type.Union([Type.Literal('pending'), Type.Literal('reading'), Type.Literal('done'), Type.Literal('failed')], { description: '文件状态：pending 等待读取、reading 正在读取、done 已读取、failed 无法读取' });
export const AuditSeveritySchema = Type.Union([Type.Literal('error'), Type.Literal('warning'), Type.Literal('missing'), Type.Literal('recovered')], { description: '问题类别：error 错误、warning 警告、missing 缺失、recovered 已恢复' });
export const AuditSeverityFilterSchema = Type.Union([Type.Literal('error'), Type.Literal('warning'), Type.Literal('missing'), Type.Literal('recovered'), Type.Literal('unreadable')], { description: '按问题类别筛选文件（unreadable：无法读取的文件）' });
export const AuditDecisionKindSchema = Type.Union([Type.Literal('confirmed'), Type.Literal('dismissed')], { description: '核查结论：confirmed 确认问题、dismissed 不是问题' });
export const AuditCellStateSchema = Type.Union([Type.Literal('read'), Type.Literal('recovered'), Type.Literal('missing'), Type.Literal('blank')], { description: '单元格读取情况' });
export const AuditFormatSchema = Type.Union([Type.Literal('2019'), Type.Literal('2021')], { description: '国家格式' });
export const AuditSortSchema = Type.Union([Type.Literal('errors'), Type.Literal('name'), Type.Literal('agency'), Type.Literal('year')], { description: '排序：errors 按问题数（默认，错误、警告、缺失依次从多到少）、name 文件名、agency 机关、year 年度' });

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

/** Who did something: the signed-in user. */
export const AuditActorSchema = Type.Object({ id: Type.Union([Type.Integer(), Type.Null()]), name: Type.String() });

/** Counts of a batch. */
export const AuditCountsSchema = Type.Object({
  reports: Type.Integer({ description: '已读取的报告数' }),
  errors: Type.Integer({ description: '错误总数' }),
  warnings: Type.Integer({ description: '警告总数' }),
  missing: Type.Integer({ description: '缺失总数' }),
  recovered: Type.Integer({ description: '已恢复的单元格数' }),
  unreadable: Type.Integer({ description: '无法读取的文件数' }),
});

/** A batch of audited files. */
export const AuditBatchSchema = Type.Object({
  id: Type.Integer(),
  agencyId: Type.Integer({ description: '核查所属机关（权限范围）' }),
  title: Type.String(),
  createdAt: Type.String(),
  createdBy: AuditActorSchema,
  state: AuditBatchStateSchema,
  stateLabel: Type.String(),
  total: Type.Integer({ description: '文件数' }),
  done: Type.Integer({ description: '已处理（读取或无法读取）的文件数' }),
  failed: Type.Integer({ description: '无法读取的文件数' }),
  current: Nullable(Type.String({ description: '正在读取的文件' })),
  counts: AuditCountsSchema,
});

/** One file of a batch with its summary. */
export const AuditFileRowSchema = Type.Object({
  id: Type.Integer(),
  batchId: Type.Integer(),
  name: Type.String({ description: '文件名（压缩包内的文件为其路径）' }),
  size: Type.Integer(),
  sha256: Type.String(),
  state: AuditFileStateSchema,
  stateLabel: Type.String(),
  error: Nullable(Type.String({ description: '无法读取的原因（中文）' })),
  agencyName: Nullable(Type.String()),
  year: Nullable(Type.Integer()),
  format: Nullable(AuditFormatSchema),
  formatLabel: Nullable(Type.String()),
  title: Nullable(Type.String()),
  sourceUrl: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  errors: Type.Integer(),
  warnings: Type.Integer(),
  missing: Type.Integer(),
  recovered: Type.Integer(),
  undecided: Type.Integer({ description: '尚无核查结论的问题数' }),
  readMs: Nullable(Type.Integer({ description: '读取用时（毫秒）' })),
});

/** A decision on a finding. */
export const AuditDecisionSchema = Type.Object({
  kind: AuditDecisionKindSchema,
  kindLabel: Type.String(),
  note: Type.String(),
  by: AuditActorSchema,
  at: Type.String(),
});

/** A cell a finding is about. */
export const AuditFindingCellSchema = Type.Object({
  key: Type.String({ description: '单元格编号，如 三:received:total' }),
  label: Type.String({ description: '单元格的正式标签，如 表三“一、本年新收政府信息公开申请数量”行“总计”列' }),
  value: Nullable(Type.String({ description: '读出的值；空白为 null' })),
});

/** A finding of a file: a failed rule, missing cells, recovered cells. */
export const AuditFindingSchema = Type.Object({
  fingerprint: Type.String({ description: '问题的稳定标识（规则和单元格，不含数值），同一文件重新读取后不变' }),
  severity: AuditSeveritySchema,
  severityLabel: Type.String(),
  ruleTitle: Type.String(),
  message: Type.String({ description: '中文说明：问题、所涉单元格及其数值' }),
  expression: Nullable(Type.String()),
  cells: Type.Array(AuditFindingCellSchema),
  decision: Nullable(AuditDecisionSchema),
});

/** A cell of a table in the detail. */
export const AuditDetailCellSchema = Type.Object({
  key: Type.String(),
  value: Nullable(Type.String()),
  state: AuditCellStateSchema,
  how: Nullable(Type.String({ description: '如何读出（恢复、缺失的说明）' })),
  findingFingerprints: Type.Array(Type.String()),
});

/** A statistical table of the detail. */
export const AuditDetailTableSchema = Type.Object({
  id: Type.String({ description: '二、三 或 四' }),
  title: Type.String(),
  columns: Type.Array(Type.String()),
  rows: Type.Array(Type.Object({ label: Type.String(), cells: Type.Array(AuditDetailCellSchema) })),
});

/** A figure in the prose against its cell. */
export const AuditNarrativeSchema = Type.Object({
  figureId: Type.String(),
  title: Type.String({ description: '规则' }),
  sentence: Type.String({ description: '正文中的句子' }),
  section: Type.String(),
  stated: Type.Number({ description: '正文所述数字' }),
  cells: Type.Array(AuditFindingCellSchema),
  ok: Nullable(Type.Boolean({ description: '与表格一致为 true，不一致为 false，无法比较为 null' })),
});

/** The detail of one file. */
export const AuditFileDetailSchema = Type.Object({
  ...AuditFileRowSchema.properties,
  tables: Type.Array(AuditDetailTableSchema),
  blanks: Type.Array(Type.Object({ table: Type.String(), summary: Type.String() })),
  findings: Type.Array(AuditFindingSchema),
  notes: Type.Array(Type.String()),
  narrative: Type.Array(AuditNarrativeSchema),
});

/** GET /api/audits/:id */
export const AuditBatchPageSchema = Type.Object({ batch: AuditBatchSchema, files: Type.Array(AuditFileRowSchema) });
/** GET /api/audits */
export const AuditBatchListSchema = Type.Array(AuditBatchSchema);

/** Query of GET /api/audits/:id. */
export const AuditFilesQuery = Type.Object({
  state: Type.Optional(AuditFileStateSchema),
  severity: Type.Optional(AuditSeverityFilterSchema),
  agency: Type.Optional(Type.String({ maxLength: 100, description: '机关名称包含' })),
  year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2200 })),
  format: Type.Optional(AuditFormatSchema),
  sort: Type.Optional(AuditSortSchema),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')], { description: '顺序' })),
});

/** PUT …/findings/:fingerprint */
export const AuditDecisionBody = Type.Object({
  kind: AuditDecisionKindSchema,
  note: Type.String({ maxLength: MAX_DECISION_NOTE, default: '', description: '说明（“不是问题”时必填）' }),
});

/** GET /api/audits/compare/agency: one agency across years. */
export const AuditCompareAgencyQuery = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100, description: '机关名称' }), format: Type.Optional(Type.Literal('xlsx')),
});
export const AuditCompareAgencySchema = Type.Object({
  agencyName: Type.String(),
  years: Type.Array(Type.Integer()),
  rows: Type.Array(Type.Object({
    key: Type.String(), label: Type.String(),
    values: Type.Array(Nullable(Type.Number())),
    changes: Type.Array(Nullable(Type.Number()), { description: '与上一年度相比的增减（第一年为 null）' }),
  })),
  carryOver: Type.Array(Type.Object({
    year: Type.Integer(), previousYear: Type.Integer(),
    carried: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), value: Nullable(Type.Number()) }), { description: '本年度“上年结转”各列' }),
    expected: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), value: Nullable(Type.Number()) }), { description: '上年度“结转下年度继续办理”各列' }),
    ok: Type.Boolean(),
  })),
});

/** GET /api/audits/compare/year: many agencies in one year. */
export const AuditCompareYearQuery = Type.Object({
  year: Type.Integer({ minimum: 1990, maximum: 2200 }), format: Type.Optional(Type.Literal('xlsx')),
});
export const AuditCompareYearSchema = Type.Object({
  year: Type.Integer(),
  columns: Type.Array(Type.Object({ key: Type.String(), label: Type.String() })),
  rows: Type.Array(Type.Object({
    agencyName: Type.String(), fileId: Type.Integer(),
    values: Type.Record(Type.String(), Nullable(Type.Number())),
  })),
});

/** The labels the UI shows (GET /api/audits/labels). */
export const AuditLabelsSchema = Type.Object({
  batchStates: Type.Record(Type.String(), Type.String()), fileStates: Type.Record(Type.String(), Type.String()),
  severities: Type.Record(Type.String(), Type.String()), decisions: Type.Record(Type.String(), Type.String()),
  cellStates: Type.Record(Type.String(), Type.String()), formats: Type.Record(Type.String(), Type.String()),
  sorts: Type.Record(Type.String(), Type.String()),
});

export type AuditBatchState = Static<typeof AuditBatchStateSchema>;
export type AuditFileState = Static<typeof AuditFileStateSchema>;
export type AuditSeverity = Static<typeof AuditSeveritySchema>;
export type AuditSeverityFilter = Static<typeof AuditSeverityFilterSchema>;
export type AuditDecisionKind = Static<typeof AuditDecisionKindSchema>;
export type AuditCellState = Static<typeof AuditCellStateSchema>;
export type AuditSort = Static<typeof AuditSortSchema>;
export type AuditActor = Static<typeof AuditActorSchema>;
export type AuditCounts = Static<typeof AuditCountsSchema>;
export type AuditBatch = Static<typeof AuditBatchSchema>;
export type AuditFileRow = Static<typeof AuditFileRowSchema>;
export type AuditDecision = Static<typeof AuditDecisionSchema>;
export type AuditFindingCell = Static<typeof AuditFindingCellSchema>;
export type AuditFinding = Static<typeof AuditFindingSchema>;
export type AuditDetailCell = Static<typeof AuditDetailCellSchema>;
export type AuditDetailTable = Static<typeof AuditDetailTableSchema>;
export type AuditNarrative = Static<typeof AuditNarrativeSchema>;
export type AuditFileDetail = Static<typeof AuditFileDetailSchema>;
export type AuditBatchPage = Static<typeof AuditBatchPageSchema>;
export type AuditFilesFilter = Static<typeof AuditFilesQuery>;
export type AuditDecisionRequest = Static<typeof AuditDecisionBody>;
export type AuditCompareAgency = Static<typeof AuditCompareAgencySchema>;
export type AuditCompareYear = Static<typeof AuditCompareYearSchema>;
export type AuditLabels = Static<typeof AuditLabelsSchema>;
