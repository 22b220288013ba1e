/**
 * 更正 of a published report: the button that starts a correction with its reason (published with the corrected
 * report), the notice while a correction is in progress (the portal still shows the published version), and the
 * corrections published so far.
 */
import { useEffect, useState } from 'react';
import { Alert } from 'antd';
import type { ReportSummary } from '../api-types.js';
import { correctionApi, type ReportCorrection } from '../proposal-api.js';
import { formatTime } from '../labels.js';
import { ReasonDialogButton } from './reason-dialog-button.js';

/** Whether a report is being corrected: it was published, and its current version is a new draft. */
export function correcting(report: Pick<ReportSummary, 'status' | 'publishedVersion'>): boolean {
  return report.status !== 'published' && report.publishedVersion !== null;
}

/** The 更正 button of a published report (for those who may edit reports). */
export function CorrectButton({ report, onStarted }: { report: ReportSummary; onStarted: () => void }) {
  return (
    <ReasonDialogButton button="更正" title="更正已发布的报告" okText="开始更正" fieldId="correction-reason"
      intro={<>以已发布的第 {report.publishedVersion ?? report.version} 版为基础生成新的草稿版本；修改、检查后须重新经初审、保密审查、核审签发后发布。
        更正期间门户网站仍显示原发布版本；发布后门户网站注明更正日期和更正说明，原版本仍可下载。</>}
      label="更正说明（至少 4 个字，将随更正后的报告公开）" failed="未能开始更正" success="已开始更正：请修改报告，检查后提交审核"
      act={async (reason) => { await correctionApi.start(report.id, reason); onStarted(); }} />
  );
}

/** The correction notice and history of a report (nothing for a report never corrected). */
export function CorrectionNotes({ report }: { report: ReportSummary }) {
  const [corrections, setCorrections] = useState<ReportCorrection[]>([]);
  useEffect(() => {
    if (report.publishedVersion !== null) correctionApi.list(report.id).then(setCorrections, () => setCorrections([]));
  }, [report.id, report.publishedVersion, report.status, report.version]);
  const open = corrections.find((c) => c.publishedAt === null);
  const done = corrections.filter((c) => c.publishedAt !== null);
  if (!open && done.length === 0) return null;
  return (
    <div className="gk-gap">
      {open && correcting(report) && <Alert type="warning" showIcon title={`正在更正（更正说明：${open.reason}）`}
        description={`门户网站仍显示已发布的第 ${report.publishedVersion} 版；本草稿须检查并经初审、保密审查、核审签发后发布，方替换原版本。`} />}
      {done.length > 0 && <Alert type="info" showIcon title="更正记录"
        description={<ul>{done.map((c) => <li key={c.id}>{formatTime(c.publishedAt)} 发布更正（第 {c.fromVersion} 版 → 第 {c.publishedVersion} 版）：{c.reason}</li>)}</ul>} />}
    </div>
  );
}
