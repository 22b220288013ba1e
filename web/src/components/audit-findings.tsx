/**
 * The findings of an audited file, errors first: what is wrong (with its cells and values), the current decision
 * with who and when, and 确认问题 / 不是问题 — the latter with a required note, in a dialog. Selecting a finding
 * shows its cells in the tables.
 */
import { useState } from 'react';
import { Button, Input, Modal, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { decisionNoteProblem, orderFindings } from '../audit-helpers.js';
import { formatTime } from '../labels.js';
import type { AuditDecisionKind, AuditFinding } from '../schema-types.js';
import { ErrorAlert } from './problem-list.js';

interface Props {
  findings: readonly AuditFinding[];
  selected: string | null;
  onSelect: (finding: AuditFinding | null) => void;
  /** The server's words for decisions (confirmed, dismissed). */
  decisionLabels: Record<string, string>;
  /** Saves a decision; resolves with the finding as stored. */
  onDecide: (finding: AuditFinding, kind: AuditDecisionKind, note: string) => Promise<void>;
}

const SEVERITY_CLASS: Record<AuditFinding['severity'], string> = { error: 'gk-tag-fail', warning: 'gk-tag-warn', missing: 'gk-tag-off', recovered: 'gk-tag-role' };

/** The findings table with the decision dialog. */
export function AuditFindings({ findings, selected, onSelect, decisionLabels, onDecide }: Props) {
  // The finding being decided stays set while the dialog closes (its title names it until it is gone).
  const [deciding, setDeciding] = useState<{ finding: AuditFinding; kind: AuditDecisionKind } | null>(null);
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const start = (finding: AuditFinding, kind: AuditDecisionKind) => {
    setDeciding({ finding, kind });
    setOpen(true);
    setNote(finding.decision?.kind === kind ? finding.decision.note : '');
    setProblem(null);
    setError(null);
  };

  const save = async () => {
    if (!deciding) return;
    const p = decisionNoteProblem(deciding.kind, note);
    setProblem(p);
    if (p) return;
    setSaving(true);
    try {
      await onDecide(deciding.finding, deciding.kind, note.trim());
      setOpen(false);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const columns: TableColumnsType<AuditFinding> = [
    { title: '类别', key: 'severity', width: 76, render: (_, f) => <Tag className={SEVERITY_CLASS[f.severity]}>{f.severityLabel}</Tag> },
    {
      title: '问题', key: 'what',
      render: (_, f) => (
        <div className="gk-audit-finding">
          <div className="gk-result-title">{f.ruleTitle}</div>
          <div className="gk-audit-message">{f.message}</div>
          {f.expression && <div className="gk-audit-expression">{f.expression}</div>}
          {f.cells.length > 0 && (
            <Button size="small" type="link" className="gk-audit-show" aria-pressed={selected === f.fingerprint}
              onClick={() => onSelect(selected === f.fingerprint ? null : f)}>
              {selected === f.fingerprint ? '取消标出' : `在表中标出（${f.cells.length} 个单元格）`}
            </Button>
          )}
        </div>
      ),
    },
    {
      title: '核查结论', key: 'decision', width: 190,
      render: (_, f) => (
        <div className="gk-audit-decision">
          {f.decision ? (
            <>
              <Tag className={f.decision.kind === 'confirmed' ? 'gk-tag-fail' : 'gk-tag-ok'}>{f.decision.kindLabel}</Tag>
              <div className="gk-muted">{f.decision.by.name}，{formatTime(f.decision.at)}</div>
              {f.decision.note && <div className="gk-audit-note">{f.decision.note}</div>}
            </>
          ) : <span className="gk-muted">待确认</span>}
          <div className="gk-row-actions gk-audit-decide">
            <Button size="small" onClick={() => start(f, 'confirmed')} aria-label={`${decisionLabels.confirmed ?? ''}：${f.ruleTitle}`}>{decisionLabels.confirmed}</Button>
            <Button size="small" onClick={() => start(f, 'dismissed')} aria-label={`${decisionLabels.dismissed ?? ''}：${f.ruleTitle}`}>{decisionLabels.dismissed}</Button>
          </div>
        </div>
      ),
    },
  ];

  return (
    <>
      <Table<AuditFinding> rowKey="fingerprint" size="small" columns={columns} dataSource={orderFindings(findings)} className="gk-audit-findings"
        rowClassName={(f) => (f.fingerprint === selected ? 'gk-audit-row-selected' : '')}
        pagination={{ pageSize: 8, hideOnSinglePage: true, showSizeChanger: false, showTotal: (n) => `共 ${n} 项` }}
        locale={{ emptyText: '未发现问题。' }} />
      <Modal open={open} title={deciding ? `${decisionLabels[deciding.kind] ?? ''}：${deciding.finding.ruleTitle}` : '核查结论'}
        okText="保存" cancelText="取消" onOk={() => void save()} onCancel={() => setOpen(false)} confirmLoading={saving} destroyOnHidden>
        {deciding && <p className="gk-audit-message">{deciding.finding.message}</p>}
        <label className="gk-field-label" htmlFor="audit-decision-note">
          说明{deciding?.kind === 'dismissed' ? '（必填：为什么不是问题）' : '（可选）'}
        </label>
        <Input.TextArea id="audit-decision-note" rows={3} maxLength={500} showCount value={note}
          aria-invalid={problem ? true : undefined} aria-describedby={problem ? 'audit-decision-problem' : undefined}
          onChange={(e) => { setNote(e.target.value); setProblem(null); }} />
        {problem && <p className="gk-field-error gk-gap" id="audit-decision-problem" role="alert">{problem}</p>}
        {error !== null && <div className="gk-gap"><ErrorAlert error={error} title="未能保存核查结论" /></div>}
      </Modal>
    </>
  );
}
