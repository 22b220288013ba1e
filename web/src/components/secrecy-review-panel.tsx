/**
 * 办公室保密审查: the scan's findings (each resolved before anything else), the 互联网信息发布保密审查表, then
 * 通过 (enabled only when every finding is resolved and the form is complete) or 退回 with a reason.
 */
import { useState } from 'react';
import { Typography } from 'antd';
import { REVIEW_STEPS } from '../disclosure-labels.js';
import type { Finding, ItemDetail, ReviewBody } from '../disclosure-types.js';
import { FindingsList, openFindings } from './findings-list.js';
import { ReviewDecision } from './review-decision.js';
import { EMPTY_SECRECY_DRAFT, SecrecyReviewFormFields, formOf, formProblem, type SecrecyDraft } from './secrecy-review-form.js';

/** Why 通过 is not possible yet, or null. */
export function passBlocked(findings: readonly Finding[], draft: SecrecyDraft): string | null {
  const open = openFindings(findings);
  if (open > 0) return `还有 ${open} 项扫描发现尚未处理：请逐项确认已从内容中删除，或写明理由确认可以公开。`;
  const missing = formProblem(draft);
  return missing ? `${missing}。` : null;
}

/** The secrecy review panel. */
export function SecrecyReviewPanel({ item, findings, onResolve, onDecide, busy }: {
  item: ItemDetail;
  findings: Finding[];
  onResolve: (finding: Finding, resolution: 'removed' | 'confirmed', reason?: string) => Promise<void>;
  onDecide: (body: ReviewBody) => Promise<void> | void;
  busy?: boolean;
}) {
  const [draft, setDraft] = useState<SecrecyDraft>(EMPTY_SECRECY_DRAFT);
  const name = REVIEW_STEPS['secrecy-review'].name;
  return (
    <section className="gk-panel" aria-labelledby="gk-secrecy-title">
      <Typography.Title level={2} className="gk-h2" id="gk-secrecy-title">{name}：第 {item.version} 版</Typography.Title>
      <Typography.Title level={3} className="gk-h3">扫描发现（{findings.length} 项，待处理 {openFindings(findings)} 项）</Typography.Title>
      <FindingsList findings={findings} onResolve={onResolve} />
      <SecrecyReviewFormFields value={draft} onChange={setDraft} />
      <ReviewDecision stepName={name} busy={busy} blocked={passBlocked(findings, draft)}
        onPass={(comment) => void onDecide({ step: 'secrecy-review', decision: 'pass', form: formOf(draft), ...(comment ? { comment } : {}) })}
        onReturn={(reason, comment) => void onDecide({ step: 'secrecy-review', decision: 'return', reason, ...(comment ? { comment } : {}) })} />
    </section>
  );
}
