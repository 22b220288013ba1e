/**
 * 年度报告 list: every report with its agency, year, format, status, version and dates; filters
 * by agency, year and status; new report and import of an interchange file.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Agency, ReportStatus, ReportSummary } from '../api-types.js';
import { api, type ReportFilter } from '../api.js';
import { FORMAT_LABELS, STATUS_COLORS, STATUS_LABELS, formatDate, formatTime } from '../labels.js';
import { navigate, routeHref } from '../router.js';
import { useCan } from '../session.js';
import { ErrorAlert } from '../components/problem-list.js';
import { NewReportDialog } from '../components/new-report-dialog.js';
import { ImportDialog } from '../components/import-dialog.js';

/** Years offered in the filter: the national formats start with report year 2019. */
function yearOptions(reports: ReportSummary[]): number[] {
  const last = Math.max(new Date().getFullYear(), ...reports.map((r) => r.year));
  const years: number[] = [];
  for (let y = last; y >= 2019; y--) years.push(y);
  return years;
}

/** The report list screen. */
export function ReportListPage() {
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [reports, setReports] = useState<ReportSummary[]>([]);
  const [filter, setFilter] = useState<ReportFilter>({});
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [dialog, setDialog] = useState<'new' | 'import' | null>(null);
  const mayEdit = useCan('report.edit');
  const mayImport = useCan('report.import');

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const [a, r] = await Promise.all([api.agencies(), api.reports(filter)]);
      setAgencies(a);
      setReports(r);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [filter]);

  useEffect(() => { void load(); }, [load]);

  const columns: TableColumnsType<ReportSummary> = useMemo(() => [
    {
      title: '机关', dataIndex: 'agencyName', key: 'agency',
      render: (name: string, r) => <a href={routeHref({ name: 'report', id: r.id })}>{name}</a>,
    },
    { title: '年度', dataIndex: 'year', key: 'year', width: 80, sorter: (a, b) => a.year - b.year },
    { title: '格式', dataIndex: 'format', key: 'format', width: 130, render: (f: ReportSummary['format']) => FORMAT_LABELS[f] ?? f },
    {
      title: '状态', dataIndex: 'status', key: 'status', width: 90,
      render: (s: ReportStatus) => <Tag color={STATUS_COLORS[s]}>{STATUS_LABELS[s] ?? s}</Tag>,
    },
    { title: '版本', dataIndex: 'version', key: 'version', width: 70, render: (v: number) => `第 ${v} 版` },
    { title: '成文日期', dataIndex: 'issuedOn', key: 'issuedOn', width: 140, render: (d: string | null) => formatDate(d) || '—' },
    { title: '更新时间', dataIndex: 'updatedAt', key: 'updatedAt', width: 160, render: (t: string) => formatTime(t) },
  ], []);

  return (
    <div className="gk-page">
      <div className="gk-page-head">
        <Typography.Title level={1} className="gk-page-title">年度报告</Typography.Title>
        <Space>
          {mayImport && <Button onClick={() => setDialog('import')}>导入交换文件</Button>}
          {mayEdit && <Button type="primary" onClick={() => setDialog('new')}>新建报告</Button>}
        </Space>
      </div>
      <div className="gk-panel">
        <Space wrap className="gk-filters">
          <Select
            aria-label="按机关筛选" placeholder="全部机关" allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 280 }}
            value={filter.agencyId} onChange={(v?: number) => setFilter((f) => ({ ...f, agencyId: v }))}
            options={agencies.map((a) => ({ value: a.id, label: a.name }))}
          />
          <Select
            aria-label="按年度筛选" placeholder="全部年度" allowClear style={{ width: 140 }}
            value={filter.year} onChange={(v?: number) => setFilter((f) => ({ ...f, year: v }))}
            options={yearOptions(reports).map((y) => ({ value: y, label: `${y} 年度` }))}
          />
          <Select
            aria-label="按状态筛选" placeholder="全部状态" allowClear style={{ width: 140 }}
            value={filter.status} onChange={(v?: ReportStatus) => setFilter((f) => ({ ...f, status: v }))}
            options={(Object.keys(STATUS_LABELS) as ReportStatus[]).map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
          />
        </Space>
        {error !== null && <ErrorAlert error={error} title="报告列表加载失败" />}
        <Table<ReportSummary>
          rowKey="id" size="middle" loading={loading} columns={columns} dataSource={reports}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 份报告` }}
          locale={{ emptyText: '暂无报告。可新建报告或导入交换文件。' }}
          onRow={(r) => ({ onDoubleClick: () => navigate({ name: 'report', id: r.id }) })}
        />
      </div>
      <NewReportDialog open={dialog === 'new'} agencies={agencies} onClose={() => setDialog(null)}
        onCreated={(id) => (id === null ? void load() : navigate({ name: 'report', id }))} />
      <ImportDialog open={dialog === 'import'} onClose={() => setDialog(null)}
        onImported={(id) => (id === null ? void load() : navigate({ name: 'report', id }))} />
    </div>
  );
}
