/**
 * 行政复议、行政诉讼 arising from a case (table 四): kind, date filed, result, date decided; a person who
 * handles cases records a result from here.
 */
import { useState } from 'react';
import { Button, Table, Typography } from 'antd';
import type { Remedy } from '../api-types.js';
import { REMEDY_KIND_LABELS, REMEDY_RESULT_LABELS } from '../application-labels.js';
import { formatDate } from '../labels.js';
import { RemedyResultDialog } from './case-remedy-form.js';

/** The remedies of a case; with `applicationId` and `onChanged`, each can have its result recorded. */
export function CaseRemedies({ remedies, applicationId, onChanged }: { remedies: Remedy[]; applicationId?: number; onChanged?: () => void }) {
  const [deciding, setDeciding] = useState<Remedy | null>(null);
  const editable = applicationId !== undefined && onChanged !== undefined;
  return (
    <section className="gk-panel" aria-labelledby="gk-remedies-title">
      <Typography.Title level={2} className="gk-h2" id="gk-remedies-title">行政复议、行政诉讼</Typography.Title>
      {remedies.length === 0 ? <p className="gk-note">未登记行政复议或行政诉讼。</p> : (
        <div className="gk-scroll" tabIndex={0} role="region" aria-label="行政复议、行政诉讼列表">
        <Table<Remedy> size="small" rowKey="id" pagination={false} dataSource={remedies}
          columns={[
            {
              title: '类型', dataIndex: 'kind',
              render: (k: Remedy['kind'], r) => `${REMEDY_KIND_LABELS[k] ?? k}${r.kind === 'lawsuit' && r.afterReconsideration ? '（复议后起诉）' : ''}`,
            },
            { title: '提起日期', dataIndex: 'filedOn', render: (d: string) => formatDate(d) },
            { title: '结果', dataIndex: 'result', render: (r: Remedy['result']) => REMEDY_RESULT_LABELS[r] ?? r },
            { title: '审结日期', dataIndex: 'decidedOn', render: (d: string | null) => formatDate(d) || '—' },
            ...(editable ? [{
              title: '操作', key: 'action',
              render: (_: unknown, r: Remedy) => (
                <Button size="small" onClick={() => setDeciding(r)}
                  aria-label={`${r.result === 'pending' ? '登记结果' : '更正结果'}：${REMEDY_KIND_LABELS[r.kind] ?? ''}（${formatDate(r.filedOn)}）`}>
                  {r.result === 'pending' ? '登记结果' : '更正结果'}
                </Button>
              ),
            }] : []),
          ]} />
        </div>
      )}
      {editable && deciding && (
        <RemedyResultDialog applicationId={applicationId} remedy={deciding} onClose={() => setDeciding(null)}
          onDecided={() => { setDeciding(null); onChanged(); }} />
      )}
    </section>
  );
}
