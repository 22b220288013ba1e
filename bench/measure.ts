/**
 * A tiny benchmark harness: warm up, run an operation repeatedly, report the median.
 * Figures are printed, never asserted (performance is measured by benchmarks, not timed tests).
 */
import { performance } from 'node:perf_hooks';

export interface Figure {
  name: string;
  medianMs: number;
  runs: number;
  target?: number;
}

/** Runs `fn` `warmup` times, then `runs` times, and returns the median wall time in ms. */
export async function measure(name: string, fn: () => unknown, options: { runs?: number; warmup?: number; target?: number } = {}): Promise<Figure> {
  const runs = options.runs ?? 50;
  for (let i = 0; i < (options.warmup ?? 3); i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return { name, medianMs: median(times), runs, target: options.target };
}

/** The median of some durations. */
export function median(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Formats a duration for the table: µs below 1 ms. */
export function formatMs(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
}
