/**
 * 行政复议、行政诉讼 arising from a case (table 四): kind, date filed, result, date decided.
 */
import { Table, Typography } from 'antd';
import type { Remedy } from '../api-types.js';
import { REMEDY_KIND_LABELS, REMEDY_RESULT_LABELS } from '../application-labels.js';
import { formatDate } from '../labels.js';

/** The remedies of a case. */
export function CaseRemedies({ remedies }: { remedies: Remedy[] }) {
  return (
    <section className="gk-panel" aria-labelledby="gk-remedies-title">
      <Typography.Title level={2} className="gk-h2" id="gk-remedies-title">行政复议、行政诉讼</Typography.Title>
      {remedies.length === 0 ? <p className="gk-note">未登记行政复议或行政诉讼。</p> : (
        <Table<Remedy> size="small" rowKey="id" pagination={false} dataSource={remedies}
          columns={[
            {
              title: '类型', dataIndex: 'kind',
              render: (k: Remedy['kind'], r) => `${REMEDY_KIND_LABELS[k] ?? k}${r.kind === 'lawsuit' && r.afterReconsideration ? '（复议后起诉）' : ''}`,
            },
            { title: '提起日期', dataIndex: 'filedOn', render: (d: string) => formatDate(d) },
            { title: '结果', dataIndex: 'result', render: (r: Remedy['result']) => REMEDY_RESULT_LABELS[r] ?? r },
            { title: '审结日期', dataIndex: 'decidedOn', render: (d: string | null) => formatDate(d) || '—' },
          ]} />
      )}
    </section>
  );
}
