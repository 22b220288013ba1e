/**
 * The date an application counts as received, by channel (条例 Art. 31). The answer period of Art. 33 runs
 * from this date (the day itself not counted), so it is fixed by rule from the evidence, never typed freely.
 */
import { dayNumber } from '../calendar/civil-date.js';
import { ValidationError } from '../errors.js';

/**
 * How an application arrived. Art. 27–29: in writing, including letters and electronic messages; an oral
 * application is recorded in writing by the office and handed in person.
 */
export type Channel = 'in-person' | 'registered-post' | 'ordinary-letter' | 'online' | 'fax' | 'email';

/** Chinese names of the channels, for letters and lists. */
export const CHANNEL_NAMES: Readonly<Record<Channel, string>> = {
  'in-person': '当面提交',
  'registered-post': '邮寄（需签收）',
  'ordinary-letter': '平常信函',
  online: '互联网渠道',
  fax: '传真',
  email: '电子邮件',
};

/** The evidence dates an office records; which one fixes the receipt depends on the channel. */
export interface ReceiptEvidence {
  /** In person: the day the applicant handed the application in. */
  handedInOn?: string;
  /** Post needing a signature: the day the office signed for it. */
  signedForOn?: string;
  /** Ordinary letter: the day the office confirmed with the applicant; online, fax, email: the day both sides confirmed. */
  confirmedOn?: string;
}

/** The receipt date with the rule that fixed it. */
export interface ReceiptDate {
  date: string;
  /** 条例第三十一条第（二）项：以平常信函提交的，以与申请人确认之日为收到申请之日. */
  rule: string;
}

/** Per channel: the evidence field that fixes the date, its label, and the rule of Art. 31. */
const RULES: Readonly<Record<Channel, { field: keyof ReceiptEvidence; label: string; rule: string }>> = {
  // 条例 Art. 31(1)
  'in-person': { field: 'handedInOn', label: '当面提交日期', rule: '条例第三十一条第（一）项：当面提交的，以提交之日为收到申请之日' },
  // 条例 Art. 31(2), first half
  'registered-post': { field: 'signedForOn', label: '签收日期', rule: '条例第三十一条第（二）项：以邮寄方式提交的，以行政机关签收之日为收到申请之日' },
  // 条例 Art. 31(2), second half: the office confirms with the applicant on the day the letter arrives
  'ordinary-letter': { field: 'confirmedOn', label: '与申请人确认日期', rule: '条例第三十一条第（二）项：以平常信函等无需签收的方式提交的，以与申请人确认之日为收到申请之日' },
  // 条例 Art. 31(3): internet channels (the online form, e-mail) and the office's fax
  online: { field: 'confirmedOn', label: '双方确认日期', rule: '条例第三十一条第（三）项：通过互联网渠道提交的，以双方确认之日为收到申请之日' },
  email: { field: 'confirmedOn', label: '双方确认日期', rule: '条例第三十一条第（三）项：通过互联网渠道（电子邮件）提交的，以双方确认之日为收到申请之日' },
  fax: { field: 'confirmedOn', label: '双方确认日期', rule: '条例第三十一条第（三）项：通过政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日' },
};

/** The evidence a channel needs: the field that fixes the receipt date, its label and the rule (条例 Art. 31). */
export function receiptEvidenceOf(channel: Channel): { field: keyof ReceiptEvidence; label: string; rule: string } {
  return RULES[channel];
}

/** Whether `value` is a known channel. */
export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(RULES, value);
}

/**
 * The receipt date of an application by its channel and evidence (条例 Art. 31). Unknown channel, or
 * the evidence the channel needs missing or not a date → ValidationError naming the field.
 */
export function receiptDate(channel: Channel, evidence: ReceiptEvidence): ReceiptDate {
  if (!isChannel(channel)) {
    throw new ValidationError(
      `未知的申请渠道“${String(channel)}”，应为：${Object.entries(CHANNEL_NAMES).map(([k, v]) => `${v}（${k}）`).join('、')}`,
      { field: 'channel' },
    );
  }
  const { field, label, rule } = RULES[channel];
  const date = evidence[field];
  if (date === undefined || date === null || date === '') {
    throw new ValidationError(`申请渠道为“${CHANNEL_NAMES[channel]}”时须填写${label}（${rule}）`, { field });
  }
  try {
    dayNumber(date, label);
  } catch (e) {
    if (e instanceof ValidationError) throw new ValidationError(e.message, { field });
    throw e;
  }
  return { date, rule };
}
