/**
 * The 互联网信息发布保密审查表 as data: what the secrecy reviewer (办公室保密审查) answers for one version of an
 * item before it may go on the internet (保守国家秘密法 Art. 31 and its 实施条例: information is reviewed for
 * secrets before it is published on the internet; 条例 Art. 17: 先审查、后公开). Stored as the `form` JSON of
 * the secrecy-review step (review_steps.form); rendered by src/render/disclosure/secrecy-review-form.ts.
 */
import { ValidationError } from '../errors.js';
import { CHANNELS, isChannel, type Channel } from './channels.js';

/**
 * The reviewer's answers. Each "contains" question is true when the content contains that kind of
 * information; `channelsFit` holds, for each channel the item is meant for (拟发布渠道), whether it is fit to be
 * published there; `conclusion` is the 审查结论 in the reviewer's words.
 */
export interface SecrecyReviewForm {
  /** 是否涉及国家秘密. */
  stateSecret: boolean;
  /** 是否涉及工作秘密. */
  workSecret: boolean;
  /** 是否涉及个人信息. */
  personalInfo: boolean;
  /** 是否涉及商业秘密. */
  tradeSecret: boolean;
  /** 是否适合在各拟发布渠道发布: one entry per intended channel (the keys are the intended channels). */
  channelsFit: Partial<Record<Channel, boolean>>;
  /** 审查结论. */
  conclusion: string;
}

/** The four "contains" questions in the order of the printed form, with their Chinese labels. */
export const SECRECY_QUESTIONS = {
  stateSecret: '是否涉及国家秘密',
  workSecret: '是否涉及工作秘密',
  personalInfo: '是否涉及个人信息',
  tradeSecret: '是否涉及商业秘密',
} as const satisfies Record<keyof Omit<SecrecyReviewForm, 'channelsFit' | 'conclusion'>, string>;

/** Longest accepted conclusion, in characters (it is printed in one cell of a one-page form). */
export const MAX_CONCLUSION_CHARS = 500;

/**
 * Reads a form from untrusted JSON (a request body or a stored row) and checks it: every question answered
 * with true/false, at least one known channel, a conclusion of 1…500 characters. Throws a ValidationError
 * naming the field (`form.stateSecret`, `form.channelsFit.wechat`, `form.conclusion`).
 */
export function parseSecrecyForm(value: unknown, field = 'form'): SecrecyReviewForm {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError('保密审查表应为对象', { field });
  }
  const v = value as Record<string, unknown>;
  const answers = {} as Record<keyof typeof SECRECY_QUESTIONS, boolean>;
  for (const [key, label] of Object.entries(SECRECY_QUESTIONS) as Array<[keyof typeof SECRECY_QUESTIONS, string]>) {
    if (typeof v[key] !== 'boolean') throw new ValidationError(`保密审查表“${label}”应选择“是”或“否”`, { field: `${field}.${key}` });
    answers[key] = v[key] as boolean;
  }
  const fit = v.channelsFit;
  if (typeof fit !== 'object' || fit === null || Array.isArray(fit) || Object.keys(fit).length === 0) {
    throw new ValidationError('保密审查表应写明是否适合在各拟发布渠道发布（至少一个渠道）', { field: `${field}.channelsFit` });
  }
  const channelsFit: Partial<Record<Channel, boolean>> = {};
  for (const [key, answer] of Object.entries(fit)) {
    if (!isChannel(key)) throw new ValidationError(`保密审查表中的发布渠道“${key}”不存在`, { field: `${field}.channelsFit.${key}` });
    if (typeof answer !== 'boolean') {
      throw new ValidationError(`保密审查表“是否适合在${CHANNELS[key]}发布”应选择“是”或“否”`, { field: `${field}.channelsFit.${key}` });
    }
    channelsFit[key] = answer;
  }
  const conclusion = typeof v.conclusion === 'string' ? v.conclusion.trim() : '';
  if (!conclusion) throw new ValidationError('保密审查表应填写审查结论', { field: `${field}.conclusion` });
  if ([...conclusion].length > MAX_CONCLUSION_CHARS) {
    throw new ValidationError(`审查结论不能超过 ${MAX_CONCLUSION_CHARS} 字`, { field: `${field}.conclusion` });
  }
  return { ...answers, channelsFit, conclusion };
}
