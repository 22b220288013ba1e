/**
 * 信息处理费 (条例 Art. 42; 《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号).
 *
 * Free by default. Where quantity or frequency clearly exceeds a reasonable range a fee may be charged,
 * by application (按件, per applicant per calendar month) or by volume (按量, pages of one application),
 * one method per application and never both (fee rules Art. 3), each computed progressively over bands
 * (超额累进). Amounts are whole 元.
 */
import { ValidationError } from '../errors.js';

/** The two methods of the fee rules. */
export type FeeMethod = 'by-application' | 'by-volume';

/** A band of the progressive scale: units `from`…`to` (to null = open) at `price` 元 each. */
export interface FeeBandDef {
  from: number;
  to: number | null;
  price: number;
}

/** The part of a charge that falls in one band, for the fee notice (收费通知). */
export interface FeeLine {
  from: number;
  to: number;
  units: number;
  price: number;
  amount: number;
  /** 第11—30件：20件×100元/件＝2000元 / 第1—30页：30页免费. */
  text: string;
}

/** A computed fee: the method, what was counted, the total in 元 and the breakdown by band. */
export interface FeeQuote {
  method: FeeMethod;
  /** Units charged by this quote: the applications (件) of this case, or the pages (页). */
  units: number;
  /** By application: the applicant's applications earlier in the same calendar month. */
  earlierInMonth?: number;
  amount: number;
  lines: FeeLine[];
  basis: string;
}

/**
 * By application (fee rules Art. 4): per applicant, cumulative in one calendar month: 1–10 free; 11–30 at
 * 100元; from 31 on, bands of 10, each 100元 a piece more than the one before (31–40 at 200, 41–50 at 300 …).
 */
export function applicationBand(n: number): FeeBandDef {
  if (n <= 10) return { from: 1, to: 10, price: 0 };
  if (n <= 30) return { from: 11, to: 30, price: 100 };
  const k = Math.floor((n - 31) / 10);
  return { from: 31 + 10 * k, to: 40 + 10 * k, price: 200 + 100 * k };
}

/** By volume (fee rules Art. 5), pages of one application: 1–30 free; 31–100 at 10元; 101–200 at 20元; 201+ at 40元. */
export const VOLUME_BANDS: readonly FeeBandDef[] = [
  { from: 1, to: 30, price: 0 },
  { from: 31, to: 100, price: 10 },
  { from: 101, to: 200, price: 20 },
  { from: 201, to: null, price: 40 },
];

function volumeBand(n: number): FeeBandDef {
  return VOLUME_BANDS.find((b) => n >= b.from && (b.to === null || n <= b.to))!;
}

/** Splits units first…last into lines by band and prices them. */
function charge(first: number, last: number, bandOf: (n: number) => FeeBandDef, unit: '件' | '页'): FeeLine[] {
  const lines: FeeLine[] = [];
  for (let from = first; from <= last;) {
    const band = bandOf(from);
    const to = band.to === null ? last : Math.min(band.to, last);
    const units = to - from + 1;
    const amount = units * band.price;
    const range = from === to ? `第${from}${unit}` : `第${from}—${to}${unit}`;
    const text = band.price === 0
      ? `${range}：${units}${unit}免费`
      : `${range}：${units}${unit}×${band.price}元/${unit}＝${amount}元`;
    lines.push({ from, to, units, price: band.price, amount, text });
    from = to + 1;
  }
  return lines;
}

function wholeNumber(value: unknown, field: string, label: string, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new ValidationError(`${label}应为不小于 ${min} 的整数，实际为“${String(value)}”`, { field });
  }
  return value;
}

/**
 * The fee by application for `count` applications (件; one application may be split into several by the
 * “一事一申请” principle, fee rules Art. 4) of an applicant who already made `earlierInMonth` in the same
 * calendar month. The whole month's total is `feeByApplication(0, n)`: 45 → 5500元.
 */
export function feeByApplication(earlierInMonth: number, count = 1): FeeQuote {
  wholeNumber(earlierInMonth, 'earlierInMonth', '本月此前申请件数', 0);
  wholeNumber(count, 'count', '计费件数', 1);
  const lines = charge(earlierInMonth + 1, earlierInMonth + count, applicationBand, '件');
  return {
    method: 'by-application', units: count, earlierInMonth,
    amount: lines.reduce((s, l) => s + l.amount, 0), lines,
    basis: '《政府信息公开信息处理费管理办法》第四条（按件计收）',
  };
}

/** The fee by volume for one application of `pages` pages: 250 → 4700元. */
export function feeByVolume(pages: number): FeeQuote {
  wholeNumber(pages, 'pages', '页数', 1);
  const lines = charge(1, pages, volumeBand, '页');
  return {
    method: 'by-volume', units: pages,
    amount: lines.reduce((s, l) => s + l.amount, 0), lines,
    basis: '《政府信息公开信息处理费管理办法》第五条（按量计收）',
  };
}

/** What the office enters to charge a fee on one application: one method only. */
export type FeeInput =
  | { method: 'by-application'; earlierInMonth: number; count?: number }
  | { method: 'by-volume'; pages: number };

/**
 * The fee for one application from what the office entered. Both methods at once (fee rules Art. 3: 不得
 * 同时按照两种标准重复计算) or an unknown method → ValidationError.
 */
export function quoteFee(input: FeeInput): FeeQuote {
  const raw = input as Partial<Record<string, unknown>>;
  if (raw.method === 'by-application') {
    if (raw.pages !== undefined) throw bothMethods();
    return feeByApplication(raw.earlierInMonth as number, (raw.count as number | undefined) ?? 1);
  }
  if (raw.method === 'by-volume') {
    if (raw.earlierInMonth !== undefined || raw.count !== undefined) throw bothMethods();
    return feeByVolume(raw.pages as number);
  }
  throw new ValidationError(`未知的信息处理费计收方式“${String(raw.method)}”，应为按件计收（by-application）或按量计收（by-volume）`, { field: 'method' });
}

function bothMethods(): ValidationError {
  return new ValidationError('同一申请只能选择按件计收或按量计收中的一种，不得同时按照两种标准计算（《政府信息公开信息处理费管理办法》第三条）', { field: 'method' });
}

/**
 * The fee for a fee notice (收费通知): as `quoteFee`, but an application that falls entirely within the
 * free range cannot be charged → ValidationError naming the free range.
 */
export function feeForNotice(input: FeeInput): FeeQuote {
  const quote = quoteFee(input);
  if (quote.amount === 0) {
    const free = quote.method === 'by-application'
      ? `同一申请人一个自然月内累计申请10件以下（含10件）不收费，本件为本月第${(quote.earlierInMonth ?? 0) + quote.units}件`
      : `同一申请30页以下（含30页）不收费，本件为${quote.units}页`;
    throw new ValidationError(`该申请在免费范围内，不得收取信息处理费：${free}`, { field: 'fee' });
  }
  return quote;
}
