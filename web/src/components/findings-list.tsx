/**
 * What the scan found in the version under secrecy review (personal data in the body and attachments, hidden
 * sheets, comments, tracked changes …), each with its place and masked text. Each must be resolved — removed
 * from the content, or confirmed with a reason — before the secrecy review can pass.
 */
import { useState } from 'react';
import { Button, Input, Modal, Tag } from 'antd';
import type { Finding } from '../disclosure-types.js';
import { formatTime } from '../labels.js';

/** Where a finding is, in words: the source (正文, 附件“…”) unless the place already names it. */
export function findingPlace(f: Pick<Finding, 'sourceName' | 'place'>): string {
  return f.place.startsWith(f.sourceName) ? f.place : `${f.sourceName} ${f.place}`;
}

/** How many findings are still open. */
export function openFindings(findings: readonly Finding[]): number {
  return findings.filter((f) => f.resolution === null).length;
}

/** The findings with their resolve actions (none when `readOnly`). */
export function FindingsList({ findings, onResolve, readOnly }: {
  findings: Finding[];
  onResolve: (finding: Finding, resolution: 'removed' | 'confirmed', reason?: string) => Promise<void>;
  readOnly?: boolean;
}) {
  const [confirming, setConfirming] = useState<Finding | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  if (findings.length === 0) return <p className="gk-muted">扫描未发现个人信息或隐藏内容。</p>;
  return (
    <>
      <ol className="gk-findings" aria-label="扫描发现的问题">
        {findings.map((f) => (
          <li key={f.id} className={f.resolution === null ? 'gk-finding gk-finding-open' : 'gk-finding'}>
            <div className="gk-finding-head">
              <strong>{f.kindName}</strong>
              <span className="gk-muted">位置：{findingPlace(f)}</span>
              {f.resolution === null ? <Tag color="#a8071a">待处理</Tag>
                : <Tag color="#2e7031">{f.resolutionName ?? f.resolution}</Tag>}
            </div>
            <div className="gk-finding-excerpt">{f.excerpt}</div>
            {f.resolution !== null && (
              <div className="gk-muted">
                {f.resolvedBy} 于 {formatTime(f.resolvedAt)} {f.resolution === 'removed' ? '确认已从内容中删除' : `确认可以公开，理由：${f.reason ?? ''}`}
              </div>
            )}
            {f.resolution === null && !readOnly && (
              <div className="gk-finding-actions">
                <Button size="small" onClick={() => void onResolve(f, 'removed')}>已从内容中删除</Button>
                <Button size="small" onClick={() => { setConfirming(f); setReason(''); }}>确认可以公开…</Button>
              </div>
            )}
          </li>
        ))}
      </ol>
      <Modal open={confirming !== null} title="确认该项可以公开" okText="确认" cancelText="取消"
        okButtonProps={{ disabled: reason.trim() === '', loading: busy }} onCancel={() => setConfirming(null)}
        onOk={async () => {
          if (!confirming) return;
          setBusy(true);
          try { await onResolve(confirming, 'confirmed', reason.trim()); setConfirming(null); } finally { setBusy(false); }
        }}>
        {confirming && <p>{confirming.kindName}（{findingPlace(confirming)}）：{confirming.excerpt}</p>}
        <label className="gk-field-label" htmlFor="gk-finding-reason">确认理由（必填）</label>
        <Input.TextArea id="gk-finding-reason" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}
