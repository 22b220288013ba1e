/**
 * 版本与记录: the saved versions and the event log (who, when, what changed).
 */
import { useEffect, useState } from 'react';
import { Table, Typography } from 'antd';
import type { ReportEvent, ReportVersionInfo } from '../api-types.js';
import { api } from '../api.js';
import { describeChange } from '../history.js';
import { eventLabel, formatTime } from '../labels.js';
import { ErrorAlert } from './problem-list.js';

/** The history tab of a report; reloads when `version` changes. */
export function HistoryView({ reportId, version }: { reportId: number; version: number }) {
  const [versions, setVersions] = useState<ReportVersionInfo[]>([]);
  const [events, setEvents] = useState<ReportEvent[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    setLoading(true);
    Promise.all([api.versions(reportId), api.events(reportId)])
      .then(([v, e]) => { if (live) { setVersions(v); setEvents(e); setError(null); } })
      .catch((e: unknown) => { if (live) setError(e); })
      .finally(() => { if (live) setLoading(false); });
    return () => { live = false; };
  }, [reportId, version]);

  return (
    <div className="gk-history">
      {error !== null && <ErrorAlert error={error} title="记录加载失败" />}
      <Typography.Title level={2} className="gk-h2">版本</Typography.Title>
      <Table<ReportVersionInfo> size="small" rowKey="version" loading={loading} pagination={false}
        dataSource={[...versions].sort((a, b) => b.version - a.version)}
        columns={[
          { title: '版本', dataIndex: 'version', width: 90, render: (v: number) => `第 ${v} 版` },
          { title: '保存时间', dataIndex: 'createdAt', width: 170, render: (t: string) => formatTime(t) },
          { title: '操作人', dataIndex: 'actor', width: 140 },
          { title: '说明', dataIndex: 'note', render: (n: string | null) => n ?? '' },
        ]} />
      <Typography.Title level={2} className="gk-h2 gk-gap">操作记录</Typography.Title>
      <Table<ReportEvent> size="small" rowKey="id" loading={loading} pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={[...events].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id))}
        columns={[
          { title: '时间', dataIndex: 'at', width: 170, render: (t: string) => formatTime(t) },
          { title: '操作人', dataIndex: 'actor', width: 140 },
          { title: '事项', dataIndex: 'type', width: 140, render: (t: string) => eventLabel(t) },
          {
            title: '变更内容', key: 'change',
            render: (_: unknown, e) => {
              const lines = describeChange(e.old, e.new);
              return lines.length === 0 ? '' : <ul className="gk-change">{lines.map((l, i) => <li key={i}>{l}</li>)}</ul>;
            },
          },
        ]} />
    </div>
  );
}
