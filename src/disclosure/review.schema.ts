/**
 * TypeBox schemas the catalogue and the guide share: a reviewer's decision, a publication to channels, and the
 * review record of a version (its steps and channels).
 */
import { Type } from 'typebox';
import { CHANNEL_KEYS, CHANNELS } from '../core/disclosure/channels.js';
import { REVIEW_STATES, REVIEW_STEPS, type ReviewState, type ReviewStep } from '../core/disclosure/review-chain.js';
import { idSchema } from '../reports/report.schema.js';
import { SecrecyReviewFormSchema } from './secrecy-form.schema.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

/** A string from a fixed list (typed as the list's union). */
export const literalUnion = <T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], description });

/** The state of a version. */
export const ReviewStateSchema = literalUnion(Object.keys(REVIEW_STATES) as ReviewState[], `审核状态：${Object.entries(REVIEW_STATES).map(([k, v]) => `${k} ${v}`).join('、')}`);

/** A reviewer's decision on the current step. */
export const ReviewDecisionBody = Type.Object({
  step: literalUnion(Object.keys(REVIEW_STEPS) as ReviewStep[], `审核环节：${Object.entries(REVIEW_STEPS).map(([k, v]) => `${k} ${v.name}`).join('、')}`),
  decision: Type.Union([Type.Literal('pass'), Type.Literal('return')], { description: 'pass 通过、return 退回（须写明理由）' }),
  reason: Type.Optional(Nullable(Type.String({ maxLength: 500, description: '退回理由' }))),
  comment: Type.Optional(Nullable(Type.String({ maxLength: 500, description: '审核意见' }))),
  form: Type.Optional(Nullable(SecrecyReviewFormSchema)),
}, { additionalProperties: false });

/** Publishing a version to channels. */
export const PublishBody = Type.Object({
  channels: Type.Array(literalUnion(CHANNEL_KEYS, `发布渠道：${CHANNEL_KEYS.map((c) => `${c} ${CHANNELS[c]}`).join('、')}`), { minItems: 1, maxItems: CHANNEL_KEYS.length }),
}, { additionalProperties: false });

/** Submitting for review. */
export const SubmitBody = Type.Object({
  comment: Type.Optional(Nullable(Type.String({ maxLength: 500, description: '提交说明' }))),
}, { additionalProperties: false });

/** Path: an agency and a version number. */
export const AgencyVersionParams = Type.Object({ agencyId: idSchema('机关编号'), version: idSchema('版本号') });
/** Path: an agency. */
export const AgencyParams = Type.Object({ agencyId: idSchema('机关编号') });

/** The review record of a version. */
export const ChainRecordProperties = {
  steps: Type.Array(Type.Object({
    step: Type.String(), stepName: Type.String(), decision: Nullable(Type.String()), decisionName: Nullable(Type.String()),
    reason: Nullable(Type.String()), comment: Nullable(Type.String()), actor: Type.String(), at: Type.String(),
  }), { description: '该版本的审核记录（提交、初审、保密审查、核审签发、发布）' }),
  publications: Type.Array(Type.Object({
    channel: Type.String(), channelName: Type.String(), publishedOn: Type.String(), actor: Type.String(),
    withdrawnAt: Nullable(Type.String()), withdrawalReason: Nullable(Type.String()),
  }), { description: '该版本的发布渠道记录' }),
};

/** The common fields of a version in lists. */
export const VersionSummaryProperties = {
  id: Type.Integer(), agencyId: Type.Integer(), version: Type.Integer(), state: ReviewStateSchema, stateName: Type.String(),
  createdAt: Type.String(), createdBy: Type.String(), publishedAt: Nullable(Type.String()),
};
