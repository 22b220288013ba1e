/**
 * The consistency checks of an annual report (spec: 勾稽关系). Hard rules (errors) must hold before a
 * report is submitted; soft rules (warnings) are shown with their evidence and never silently fixed.
 *
 * - Rules 1–4 (hard) and 7–9 (soft, cross-year) are the format's equation rules (format.rules).
 * - Rule 5 (hard): value kinds; rule 11 (soft): blanks, placeholders, empty 五, fees without figures.
 * - Rule 6 (a partially disclosed application counts only in （二）, so each application has exactly
 *   one result row) is structural: table 三 has exactly one row per outcome and rule 3 makes the
 *   results total equal the sum of those rows, so no separate result is emitted for it.
 * - Rule 10 (soft): figures stated in the prose against the tables.
 */
import { getFormat } from '../format/registry.js';
import type { ReportDocument } from '../report/report-model.js';
import type { CheckReport, CheckResult } from './check-types.js';
import { equationResults } from './equation-checks.js';
import { narrativeResults } from './narrative.js';
import { valueResults } from './value-checks.js';

export type { CheckCell, CheckReport, CheckResult } from './check-types.js';

/**
 * Checks a report. `previous` is the same agency's report for the year before, used by the
 * cross-year rules (skipped, with a message, when absent).
 */
export function checkReport(report: ReportDocument, options: { previous?: ReportDocument | null } = {}): CheckReport {
  const format = getFormat(report.format);
  const results: CheckResult[] = [
    ...equationResults(report, format, options.previous ?? null),
    ...valueResults(report, format),
    ...narrativeResults(report, format),
  ];
  let hardFailures = 0;
  let warnings = 0;
  for (const r of results) {
    if (r.status !== 'fail') continue;
    if (r.severity === 'error') hardFailures++;
    else warnings++;
  }
  return { results, hardFailures, warnings, ok: hardFailures === 0 };
}
