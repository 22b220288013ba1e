/**
 * The clock is injected wherever a timestamp is recorded, so tests fix time and the core stays
 * free of hidden global state. Timestamps are ISO 8601 text in UTC (never JS Date values in SQL).
 */

/** Returns the current time as ISO 8601 text, e.g. 2024-03-01T08:00:00.000Z. */
export type Clock = () => string;

/** The real clock. */
export const systemClock: Clock = () => new Date().toISOString();

/** A clock that always returns the same instant (for tests and reproducible demo data). */
export function fixedClock(iso: string): Clock {
  if (Number.isNaN(Date.parse(iso))) throw new Error(`fixedClock: not an ISO timestamp: ${iso}`);
  return () => iso;
}

/** A clock that starts at `iso` and advances `stepMs` on every reading (tests that need order). */
export function steppingClock(iso: string, stepMs = 1000): Clock {
  let t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`steppingClock: not an ISO timestamp: ${iso}`);
  return () => {
    const now = new Date(t).toISOString();
    t += stepMs;
    return now;
  };
}
