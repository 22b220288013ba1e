import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from '../errors.js';
import { feeByApplication, feeByVolume, feeForNotice, quoteFee, type FeeInput } from './fees.js';

describe('fee by application (按件计收, per applicant per calendar month)', () => {
  it('totals a month progressively: the spec example and the band edges', () => {
    const cases: Array<[number, number]> = [
      [1, 0], [10, 0], [11, 100], [30, 2000], [31, 2200], [40, 4000], [41, 4300], [45, 5500], [50, 7000], [51, 7400],
      [60, 11000], [61, 11500],
    ];
    for (const [n, amount] of cases) assert.equal(feeByApplication(0, n).amount, amount, `${n}件`);
  });

  it('charges one application at the price of its place in the month', () => {
    const cases: Array<[number, number]> = [[0, 0], [9, 0], [10, 100], [29, 100], [30, 200], [39, 200], [40, 300], [44, 300], [50, 400]];
    for (const [earlier, amount] of cases) assert.equal(feeByApplication(earlier).amount, amount, `第${earlier + 1}件`);
  });

  it('breaks 45 applications down by band for the fee notice', () => {
    assert.deepEqual(feeByApplication(0, 45).lines.map((l) => l.text), [
      '第1—10件：10件免费',
      '第11—30件：20件×100元/件＝2000元',
      '第31—40件：10件×200元/件＝2000元',
      '第41—45件：5件×300元/件＝1500元',
    ]);
    // An application split into 3 (一事一申请) after 28 earlier ones this month: 29th–31st.
    const split = feeByApplication(28, 3);
    assert.equal(split.amount, 400);
    assert.deepEqual(split.lines.map((l) => l.text), ['第29—30件：2件×100元/件＝200元', '第31件：1件×200元/件＝200元']);
  });
});

describe('fee by volume (按量计收, pages of one application)', () => {
  it('computes the spec example and the band edges', () => {
    const cases: Array<[number, number]> = [
      [1, 0], [30, 0], [31, 10], [100, 700], [101, 720], [200, 2700], [201, 2740], [250, 4700],
    ];
    for (const [pages, amount] of cases) assert.equal(feeByVolume(pages).amount, amount, `${pages}页`);
  });

  it('breaks 250 pages down by band', () => {
    assert.deepEqual(feeByVolume(250).lines.map((l) => [l.from, l.to, l.price, l.amount]), [
      [1, 30, 0, 0], [31, 100, 10, 700], [101, 200, 20, 2000], [201, 250, 40, 2000],
    ]);
    assert.equal(feeByVolume(250).lines[3]!.text, '第201—250页：50页×40元/页＝2000元');
  });
});

describe('fee notices', () => {
  it('quotes either method', () => {
    assert.equal(quoteFee({ method: 'by-volume', pages: 250 }).amount, 4700);
    assert.equal(quoteFee({ method: 'by-application', earlierInMonth: 44 }).amount, 300);
    assert.equal(feeForNotice({ method: 'by-volume', pages: 31 }).amount, 10);
  });

  it('refuses a fee on a free application', () => {
    assert.throws(() => feeForNotice({ method: 'by-application', earlierInMonth: 9 }), (e: unknown) =>
      e instanceof ValidationError && e.message === '该申请在免费范围内，不得收取信息处理费：同一申请人一个自然月内累计申请10件以下（含10件）不收费，本件为本月第10件');
    assert.throws(() => feeForNotice({ method: 'by-volume', pages: 30 }), (e: unknown) =>
      e instanceof ValidationError && /同一申请30页以下（含30页）不收费，本件为30页/.test(e.message));
  });

  it('refuses both methods at once, unknown methods and bad numbers', () => {
    const bad: Array<[unknown, RegExp]> = [
      [{ method: 'by-application', earlierInMonth: 20, pages: 50 }, /不得同时按照两种标准/],
      [{ method: 'by-volume', pages: 50, earlierInMonth: 20 }, /不得同时按照两种标准/],
      [{ method: 'per-hour', hours: 3 }, /未知的信息处理费计收方式“per-hour”/],
      [{ method: 'by-volume', pages: 0 }, /页数应为不小于 1 的整数，实际为“0”/],
      [{ method: 'by-volume', pages: 12.5 }, /页数应为不小于 1 的整数/],
      [{ method: 'by-application', earlierInMonth: -1 }, /本月此前申请件数应为不小于 0 的整数/],
      [{ method: 'by-application', earlierInMonth: 20, count: 0 }, /计费件数应为不小于 1 的整数/],
    ];
    for (const [input, message] of bad) {
      assert.throws(() => feeForNotice(input as FeeInput), (e: unknown) => e instanceof ValidationError && message.test(e.message), JSON.stringify(input));
    }
  });
});
