import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from '../errors.js';
import { receiptDate, type Channel, type ReceiptEvidence } from './receipt-date.js';

describe('receipt date by channel (条例 Art. 31)', () => {
  // A letter posted 09-24, signed for 09-26, confirmed with the applicant 09-29.
  const evidence: ReceiptEvidence = { handedInOn: '2025-09-25', signedForOn: '2025-09-26', confirmedOn: '2025-09-29' };

  it('takes the date the rule of the channel names', () => {
    const cases: Array<[Channel, string, RegExp]> = [
      ['in-person', '2025-09-25', /第三十一条第（一）项：当面提交的，以提交之日为收到申请之日/],
      ['registered-post', '2025-09-26', /第三十一条第（二）项：以邮寄方式提交的，以行政机关签收之日/],
      ['ordinary-letter', '2025-09-29', /第三十一条第（二）项：以平常信函等无需签收的方式提交的，以与申请人确认之日/],
      ['online', '2025-09-29', /第三十一条第（三）项：通过互联网渠道提交的，以双方确认之日/],
      ['email', '2025-09-29', /互联网渠道（电子邮件）/],
      ['fax', '2025-09-29', /传真提交的，以双方确认之日/],
    ];
    for (const [channel, date, rule] of cases) {
      const r = receiptDate(channel, evidence);
      assert.equal(r.date, date, channel);
      assert.match(r.rule, rule, channel);
    }
  });

  it('requires the evidence the channel needs', () => {
    const cases: Array<[Channel, ReceiptEvidence, RegExp, string]> = [
      ['registered-post', { handedInOn: '2025-09-25' }, /^申请渠道为“邮寄（需签收）”时须填写签收日期/, 'signedForOn'],
      ['ordinary-letter', { signedForOn: '2025-09-26' }, /须填写与申请人确认日期/, 'confirmedOn'],
      ['online', {}, /须填写双方确认日期/, 'confirmedOn'],
      ['in-person', { handedInOn: '2025-13-01' }, /当面提交日期“2025-13-01”不是有效日期/, 'handedInOn'],
    ];
    for (const [channel, ev, message, field] of cases) {
      assert.throws(() => receiptDate(channel, ev), (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        assert.match(e.message, message);
        assert.equal(e.details.place?.field, field);
        return true;
      }, channel);
    }
    assert.throws(() => receiptDate('carrier-pigeon' as Channel, evidence), /未知的申请渠道“carrier-pigeon”/);
  });
});
