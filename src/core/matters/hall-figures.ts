/**
 * The service halls' figures of a year as the seed reports them (“区政务服务大厅和8个镇街便民服务大厅共设置了综合受理窗口
 * 264个，已入驻区大厅……事项946项……一窗办理业务42万余件……快递免费送证496余件”): windows and matters are stock figures (the
 * year's last entered month of each hall), transactions and certificates mailed are flows (the sum of the months).
 * Pure: the entered rows come in. Blank is not zero: a hall with no month entered contributes nothing, and a year with
 * nothing entered gives null, never 0.
 */

/** One hall's month as entered. */
export interface HallMonthFigure {
  hallId: number;
  month: string;
  windows: number | null;
  matters: number | null;
  transactions: number | null;
  certificatesMailed: number | null;
}

/** A hall's year. */
export interface HallYear { hallId: number; windows: number | null; matters: number | null; transactions: number | null; certificatesMailed: number | null; months: number }

/** The year's totals over all halls. */
export interface HallYearTotals { windows: number | null; transactions: number | null; certificatesMailed: number | null; halls: HallYear[] }

const add = (a: number | null, b: number | null) => (b === null ? a : (a ?? 0) + b);

/** Sums a year's months per hall and over the halls. */
export function hallYear(rows: readonly HallMonthFigure[]): HallYearTotals {
  const halls = new Map<number, HallYear>();
  for (const r of [...rows].sort((a, b) => a.month.localeCompare(b.month))) {
    const h = halls.get(r.hallId) ?? { hallId: r.hallId, windows: null, matters: null, transactions: null, certificatesMailed: null, months: 0 };
    if (r.windows !== null) h.windows = r.windows;
    if (r.matters !== null) h.matters = r.matters;
    h.transactions = add(h.transactions, r.transactions);
    h.certificatesMailed = add(h.certificatesMailed, r.certificatesMailed);
    h.months += 1;
    halls.set(r.hallId, h);
  }
  let windows: number | null = null;
  let transactions: number | null = null;
  let certificatesMailed: number | null = null;
  for (const h of halls.values()) {
    windows = add(windows, h.windows);
    transactions = add(transactions, h.transactions);
    certificatesMailed = add(certificatesMailed, h.certificatesMailed);
  }
  return { windows, transactions, certificatesMailed, halls: [...halls.values()] };
}

/** YYYY-MM, a real month. */
export function isMonth(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}
