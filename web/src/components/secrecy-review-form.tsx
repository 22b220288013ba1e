/**
 * The 互联网信息发布保密审查表 the secrecy reviewer fills before passing: the four questions (是/否), the intended
 * channels with 是否适合 for each, and the conclusion. The questions and channel names are the core's
 * (src/core/disclosure/secrecy-form.ts, channels.ts). `formProblem` says what is still missing, in Chinese.
 */
import { Checkbox, Input, Radio } from 'antd';
import { CHANNEL_KEYS, CHANNELS, SECRECY_QUESTIONS } from '../disclosure-labels.js';
import type { Channel, SecrecyReviewForm } from '../disclosure-types.js';

type Question = keyof typeof SECRECY_QUESTIONS;

/** A form being filled: answers may still be missing. */
export interface SecrecyDraft {
  answers: Partial<Record<Question, boolean>>;
  channels: Channel[];
  fit: Partial<Record<Channel, boolean>>;
  conclusion: string;
}

/** An empty form. */
export const EMPTY_SECRECY_DRAFT: SecrecyDraft = { answers: {}, channels: [], fit: {}, conclusion: '' };

/** What is still missing before the form is complete, or null. */
export function formProblem(d: SecrecyDraft): string | null {
  const open = (Object.keys(SECRECY_QUESTIONS) as Question[]).filter((q) => d.answers[q] === undefined);
  if (open.length > 0) return `保密审查表“${SECRECY_QUESTIONS[open[0]!]}”尚未选择`;
  if (d.channels.length === 0) return '保密审查表尚未选择拟发布渠道';
  const unanswered = d.channels.find((c) => d.fit[c] === undefined);
  if (unanswered) return `保密审查表“是否适合在${CHANNELS[unanswered]}发布”尚未选择`;
  if (d.conclusion.trim() === '') return '保密审查表尚未填写审查结论';
  return null;
}

/** The complete form as the API takes it (call only when formProblem is null). */
export function formOf(d: SecrecyDraft): SecrecyReviewForm {
  const channelsFit: Partial<Record<Channel, boolean>> = {};
  for (const c of d.channels) channelsFit[c] = d.fit[c] === true;
  return {
    stateSecret: d.answers.stateSecret === true, workSecret: d.answers.workSecret === true,
    personalInfo: d.answers.personalInfo === true, tradeSecret: d.answers.tradeSecret === true,
    channelsFit, conclusion: d.conclusion.trim(),
  };
}

const yesNo = [{ value: true, label: '是' }, { value: false, label: '否' }];

/** The form. */
export function SecrecyReviewFormFields({ value, onChange }: { value: SecrecyDraft; onChange: (next: SecrecyDraft) => void }) {
  return (
    <fieldset className="gk-section gk-secrecy-form">
      <legend>互联网信息发布保密审查表</legend>
      <table className="gk-secrecy-table">
        <tbody>
          {(Object.entries(SECRECY_QUESTIONS) as Array<[Question, string]>).map(([q, label]) => (
            <tr key={q}>
              <th scope="row" id={`gk-q-${q}`}>{label}</th>
              <td>
                <Radio.Group aria-labelledby={`gk-q-${q}`} options={yesNo} value={value.answers[q]}
                  onChange={(e) => onChange({ ...value, answers: { ...value.answers, [q]: e.target.value as boolean } })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="gk-gap">
        <span className="gk-field-label" id="gk-secrecy-channels">拟发布渠道</span>
        <Checkbox.Group aria-labelledby="gk-secrecy-channels" value={value.channels}
          options={CHANNEL_KEYS.map((c) => ({ value: c, label: CHANNELS[c] }))}
          onChange={(v) => onChange({ ...value, channels: CHANNEL_KEYS.filter((c) => (v as Channel[]).includes(c)) })} />
      </div>
      {value.channels.length > 0 && (
        <table className="gk-secrecy-table gk-gap">
          <tbody>
            {value.channels.map((c) => (
              <tr key={c}>
                <th scope="row" id={`gk-fit-${c}`}>是否适合在{CHANNELS[c]}发布</th>
                <td>
                  <Radio.Group aria-labelledby={`gk-fit-${c}`} options={yesNo} value={value.fit[c]}
                    onChange={(e) => onChange({ ...value, fit: { ...value.fit, [c]: e.target.value as boolean } })} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="gk-gap">
        <label className="gk-field-label" htmlFor="gk-secrecy-conclusion">审查结论</label>
        <Input.TextArea id="gk-secrecy-conclusion" rows={3} maxLength={500} showCount value={value.conclusion}
          onChange={(e) => onChange({ ...value, conclusion: e.target.value })} />
      </div>
    </fieldset>
  );
}
