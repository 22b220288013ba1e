/**
 * 报告核查: the batches the supervisor audited (title, time, by whom, progress, counts), 新建核查 (upload many
 * reports or zips, or audit earlier files again) and the comparisons across years and agencies.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Progress, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { auditApi } from '../audit-api.js';
import { progressPercent } from '../audit-helpers.js';
import { formatTime } from '../labels.js';
import { navigate, routeHref } from '../router.js';
import type { AuditBatch } from '../schema-types.js';
import { AuditNewDialog } from '../components/audit-new-dialog.js';
import { ErrorAlert } from '../components/problem-list.js';

/** Tag colours of a batch's state (AA contrast). */
export const BATCH_STATE_CLASS: Record<AuditBatch['state'], string> = { reading: 'gk-tag-role', done: 'gk-tag-ok', stopped: 'gk-tag-warn' };

/** The batch list screen. */
export function AuditListPage() {
  const [batches, setBatches] = useState<AuditBatch[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [dialog, setDialog] = useState(false);

  const load = useCallback(async () => {
    try {
      setBatches(await auditApi.batches());
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => { void load(); }, [load]);
  // While a batch is being read, its progress here moves too (every 2 s).
  const reading = batches.some((b) => b.state === 'reading');
  useEffect(() => {
    if (!reading) return;
    const timer = setInterval(() => void load(), 2000);
    return () => clearInterval(timer);
  }, [reading, load]);

  const columns: TableColumnsType<AuditBatch> = useMemo(() => [
    { title: '核查名称', key: 'title', render: (_, b) => <a href={routeHref({ name: 'audit-batch', id: b.id })}>{b.title}</a> },
    { title: '开始时间', dataIndex: 'createdAt', key: 'createdAt', width: 150, render: (t: string) => formatTime(t) },
    { title: '核查人', key: 'by', width: 100, render: (_, b) => b.createdBy.name },
    {
      title: '进度', key: 'progress', width: 190,
      render: (_, b) => (
        <div>
          <Tag className={BATCH_STATE_CLASS[b.state]}>{b.stateLabel}</Tag>
          <span className="gk-muted">{b.done}/{b.total}</span>
          {b.state === 'reading' && <Progress percent={progressPercent(b)} size="small" aria-label={`读取进度（${b.title}）`} />}
        </div>
      ),
    },
    { title: '报告', key: 'reports', width: 64, align: 'right', render: (_, b) => b.counts.reports },
    { title: '无法读取', key: 'unreadable', width: 84, align: 'right', render: (_, b) => b.counts.unreadable },
    { title: '错误', key: 'errors', width: 64, align: 'right', render: (_, b) => <span className={b.counts.errors ? 'gk-overdue' : ''}>{b.counts.errors}</span> },
    { title: '警告', key: 'warnings', width: 64, align: 'right', render: (_, b) => b.counts.warnings },
    { title: '缺失', key: 'missing', width: 64, align: 'right', render: (_, b) => b.counts.missing },
    { title: '恢复', key: 'recovered', width: 64, align: 'right', render: (_, b) => b.counts.recovered },
  ], []);

  return (
    <div className="gk-page">
      <div className="gk-page-head">
        <Typography.Title level={1} className="gk-page-title">报告核查</Typography.Title>
        <Space wrap>
          <Button href={routeHref({ name: 'audit-compare' })}>对比分析</Button>
          <Button type="primary" onClick={() => setDialog(true)}>新建核查</Button>
        </Space>
      </div>
      <p className="gk-note">上传所辖机关已发布的政府信息公开工作年度报告（可一次上传多个文件或压缩包），系统逐份读取统计表并核对勾稽关系；核查结果和确认结论会保存下来，同一文件重新核查时沿用。</p>
      {error !== null && <div className="gk-form-error"><ErrorAlert error={error} title="核查批次加载失败" onClose={() => setError(null)} /></div>}
      <div className="gk-panel">
        {!loading && batches.length === 0 ? <p className="gk-empty">尚无核查批次。点击“新建核查”上传年度报告。</p> : (
        <Table<AuditBatch> rowKey="id" size="middle" loading={loading} columns={columns} dataSource={batches}
          scroll={batches.length ? { x: 1000 } : undefined}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 个核查批次` }}
          onRow={(b) => ({ onDoubleClick: () => navigate({ name: 'audit-batch', id: b.id }) })} />
        )}
      </div>
      <AuditNewDialog open={dialog} batches={batches} onClose={() => setDialog(false)}
        onCreated={(b) => { setDialog(false); navigate({ name: 'audit-batch', id: b.id }); }} />
    </div>
  );
}
