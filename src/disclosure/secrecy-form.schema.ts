/**
 * TypeBox schema of the 互联网信息发布保密审查表 (SecrecyReviewForm, src/core/disclosure/secrecy-form.ts) for request
 * bodies and OpenAPI. The core's parseSecrecyForm checks the same rules with Chinese messages naming the field.
 */
import { Type, type Static } from 'typebox';
import { CHANNEL_KEYS, CHANNELS } from '../core/disclosure/channels.js';
import { MAX_CONCLUSION_CHARS, SECRECY_QUESTIONS } from '../core/disclosure/secrecy-form.js';

/** The form as it travels in JSON. */
export const SecrecyReviewFormSchema = Type.Object({
  stateSecret: Type.Boolean({ description: SECRECY_QUESTIONS.stateSecret }),
  workSecret: Type.Boolean({ description: SECRECY_QUESTIONS.workSecret }),
  personalInfo: Type.Boolean({ description: SECRECY_QUESTIONS.personalInfo }),
  tradeSecret: Type.Boolean({ description: SECRECY_QUESTIONS.tradeSecret }),
  channelsFit: Type.Object(
    Object.fromEntries(CHANNEL_KEYS.map((c) => [c, Type.Optional(Type.Boolean({ description: `是否适合在${CHANNELS[c]}发布` }))])),
    { additionalProperties: false, minProperties: 1, description: '是否适合在各拟发布渠道发布：键为拟发布渠道' },
  ),
  conclusion: Type.String({ minLength: 1, maxLength: MAX_CONCLUSION_CHARS, description: '审查结论' }),
}, { additionalProperties: false, description: '互联网信息发布保密审查表' });

/** The form's static type (the same shape as SecrecyReviewForm). */
export type SecrecyReviewFormBody = Static<typeof SecrecyReviewFormSchema>;
