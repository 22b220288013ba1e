/**
 * The hall's shares as the seed reports them (一“网”通办: “全区审批服务事项98.3%可实现‘最多跑一次’。实现可网办事项803项，
 * 占比90%；可全程网办事项569项，占比70.9%”): 最多跑一次 and 可网办 as a share of all matters in force; 全程网办 as a
 * share of the 可网办 matters (569 / 803 = 70.9 %, the seed's own arithmetic), and also of all matters, so a reader
 * can check either. Percentages to one decimal, half up, computed on integers (no float drift).
 */

/** The counts of the matter list as of a day. */
export interface MatterCounts {
  total: number;
  online: number;
  fullyOnline: number;
  atMostOnce: number;
  zeroVisit: number;
  mailDelivery: number;
}

/** A share: count, what it is taken of, and the percentage (one decimal) or null when the base is 0. */
export interface Share { count: number; of: number; percent: number | null }

/** The computed shares. */
export interface MatterShares {
  atMostOnce: Share;
  online: Share;
  /** Of the 可网办 matters (the seed's base). */
  fullyOnlineOfOnline: Share;
  fullyOnline: Share;
  zeroVisit: Share;
  mailDelivery: Share;
}

/** count / of as a percentage to one decimal, half up (98.333 → 98.3, 70.86 → 70.9). */
export function percent(count: number, of: number): number | null {
  if (of <= 0) return null;
  return Math.floor((count * 2000 + of) / (2 * of)) / 10;
}

const share = (count: number, of: number): Share => ({ count, of, percent: percent(count, of) });

/** The shares of a matter list's counts. */
export function matterShares(c: MatterCounts): MatterShares {
  return {
    atMostOnce: share(c.atMostOnce, c.total),
    online: share(c.online, c.total),
    fullyOnlineOfOnline: share(c.fullyOnline, c.online),
    fullyOnline: share(c.fullyOnline, c.total),
    zeroVisit: share(c.zeroVisit, c.total),
    mailDelivery: share(c.mailDelivery, c.total),
  };
}
