/**
 * A reviewer's decision on one step of the chain (初审, 保密审查, 核审签发): 通过, or 退回 with a reason that must be
 * written (the core refuses a return without one; the button stays off until there is text). An optional
 * 审核意见 goes with either. Once signed off and before publication, the leader may only take the sign-off back
 * (撤回签发, with a reason): the version goes back to its drafter.
 */
import { useState } from 'react';
import { Alert, Button, Input, Space } from 'antd';

/** The decision bar; `blocked` says why 通过 is not possible yet (e.g. findings still open). */
export function ReviewDecision({ stepName, onPass, onReturn, blocked, busy, takeBack }: {
  stepName: string;
  onPass: (comment: string) => void;
  onReturn: (reason: string, comment: string) => void;
  blocked?: string | null;
  busy?: boolean;
  /** 撤回签发: a signed-off version not yet published can only be taken back (returned with a reason). */
  takeBack?: boolean;
}) {
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [comment, setComment] = useState('');
  return (
    <div className="gk-decision">
      <label className="gk-field-label" htmlFor="gk-review-comment">审核意见（可选）</label>
      <Input.TextArea id="gk-review-comment" rows={2} maxLength={500} value={comment} onChange={(e) => setComment(e.target.value)} />
      {blocked && <Alert className="gk-gap" type="warning" showIcon title={blocked} />}
      {returning && (
        <div className="gk-gap">
          <label className="gk-field-label" htmlFor="gk-return-reason">{takeBack ? '撤回签发的理由（必填）' : '退回理由（必填）'}</label>
          <Input.TextArea id="gk-return-reason" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)}
            aria-required="true" status={reason.trim() === '' ? 'warning' : undefined} />
        </div>
      )}
      <Space className="gk-gap" wrap>
        {!returning ? (
          <>
            {!takeBack && <Button type="primary" disabled={!!blocked} loading={busy} onClick={() => onPass(comment.trim())}>{stepName}通过</Button>}
            <Button danger onClick={() => setReturning(true)}>{takeBack ? '撤回签发' : '退回经办人'}</Button>
          </>
        ) : (
          <>
            <Button danger type="primary" disabled={reason.trim() === ''} loading={busy} onClick={() => onReturn(reason.trim(), comment.trim())}>{takeBack ? '确认撤回签发' : '确认退回'}</Button>
            <Button onClick={() => { setReturning(false); setReason(''); }}>取消退回</Button>
          </>
        )}
      </Space>
    </div>
  );
}
