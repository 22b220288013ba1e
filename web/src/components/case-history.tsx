/**
 * 办理记录: every change of a case — when it was recorded, who recorded it, what (with the date it took
 * effect) and the stored fields old → new.
 */
import { Table, Typography } from 'antd';
import type { ApplicationEvent } from '../api-types.js';
import { caseChangeLines, caseEventLabel } from '../application-labels.js';
import { formatDate, formatTime } from '../labels.js';

/** The history table of a case, newest first. */
export function CaseHistory({ events, loading }: { events: ApplicationEvent[]; loading?: boolean }) {
  const sorted = [...events].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id));
  return (
    <section className="gk-panel" aria-labelledby="gk-history-title">
      <Typography.Title level={2} className="gk-h2" id="gk-history-title">办理记录</Typography.Title>
      <Table<ApplicationEvent> size="small" rowKey="id" scroll={{ x: 680 }} loading={loading} dataSource={sorted}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '登记时间', dataIndex: 'at', width: 150, render: (t: string) => formatTime(t) },
          { title: '操作人', dataIndex: 'actor', width: 130 },
          {
            title: '事项', dataIndex: 'type', width: 200,
            render: (t: string, e) => <>{caseEventLabel(t)}<div className="gk-muted">{formatDate(e.onDate)}</div></>,
          },
          {
            title: '变更（原 → 新）', key: 'change',
            render: (_: unknown, e) => {
              const lines = caseChangeLines(e.old, e.new, e.type);
              return lines.length === 0 ? '' : <ul className="gk-change">{lines.map((l, i) => <li key={i}>{l}</li>)}</ul>;
            },
          },
        ]} />
    </section>
  );
}
