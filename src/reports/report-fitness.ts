/**
 * Whether a report could be published: no hard rule fails and it has a date of issue. Checked when it is
 * submitted for review (reviewers sign off only what could be published) and again when it is published.
 */
import type { CheckReport } from '../core/checks/check-report.js';
import { ConflictError } from '../core/errors.js';
import type { ReportDocument } from '../core/report/report-model.js';

/** Failed hard rules named in a refusal, at most this many (the rest are counted). */
export const MAX_NAMED_FAILURES = 10;

/** The hard rules a check found broken. */
export const failedErrors = (checks: CheckReport) => checks.results.filter((r) => r.severity === 'error' && r.status === 'fail');

/** Refuses a report that breaks a hard rule (REPORT_HAS_ERRORS, naming the rules) or has no date of issue (REPORT_NOT_DATED). */
export function refuseUnfit(doc: ReportDocument, checks: CheckReport, act: '发布' | '提交审核'): void {
  const failed = failedErrors(checks);
  if (failed.length > 0) {
    const titles = [...new Set(failed.map((r) => r.title))];
    const more = titles.length > MAX_NAMED_FAILURES ? `等 ${titles.length} 项` : '';
    throw new ConflictError(
      `年度报告存在 ${failed.length} 处错误，不能${act}：${titles.slice(0, MAX_NAMED_FAILURES).join('；')}${more}`,
      'REPORT_HAS_ERRORS',
      failed.map((r) => ({ message: `${r.title}：${r.values ?? r.expression}`, place: r.cells[0] ? { cell: r.cells[0] } : undefined })),
    );
  }
  if (!doc.issuedOn) throw new ConflictError(`年度报告尚未填写成文日期，不能${act}`, 'REPORT_NOT_DATED');
}
