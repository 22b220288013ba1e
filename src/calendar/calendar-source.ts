/**
 * Where the seed calendar comes from: the chinese-days package's JSON file, read from
 * node_modules and converted by the pure `calendarFromChineseDays`. The only file access of the
 * calendar.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { calendarFromChineseDays, SEED_YEARS, type SeedCalendar } from '../core/calendar/seed-calendar.js';

const require = createRequire(import.meta.url);

/** The seed calendar and where it came from ("chinese-days 1.5.7"). */
export interface SourcedCalendar extends SeedCalendar {
  source: string;
}

/** Reads chinese-days's data and converts the years in `range` (default 2019–2026). */
export function chineseDaysCalendar(range: { from: number; to: number } = SEED_YEARS): SourcedCalendar {
  const file = require.resolve('chinese-days/dist/chinese-days.json');
  const { version } = JSON.parse(readFileSync(require.resolve('chinese-days/package.json'), 'utf8')) as { version: string };
  const calendar = calendarFromChineseDays(JSON.parse(readFileSync(file, 'utf8')), range);
  return { ...calendar, source: `chinese-days ${version}` };
}
