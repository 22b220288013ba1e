/**
 * One 核查批次: while its files are read, the progress (“正在读取 12/40：某局2021年报.docx”, asked once a second)
 * with 停止; then the results table — agency, year, format, errors, warnings, missing, recovered, undecided and the
 * state or the Chinese reason a file could not be read — with filters and sorting (errors first by default),
 * downloads (XLSX, CSV, HTML) and 重新核查.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { App, Breadcrumb, Button, Dropdown, Input, InputNumber, Popconfirm, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import { auditApi, auditExportUrl } from '../audit-api.js';
import { countsText, fileStatusText, progressPercent, progressText } from '../audit-helpers.js';
import { fileSize } from '../disclosure-labels.js';
import { formatTime } from '../labels.js';
import { routeHref } from '../router.js';
import type { AuditBatch, AuditFileRow, AuditFilesFilter, AuditLabels, AuditSort } from '../schema-types.js';
import { ErrorAlert } from '../components/problem-list.js';
import { BATCH_STATE_CLASS } from './audit-list-page.js';

const EXPORTS = [
  { key: 'xlsx', label: 'Excel 表格（.xlsx）' },
  { key: 'csv', label: 'CSV 文件（.csv）' },
  { key: 'html', label: '网页（.html）' },
] as const;

/** Columns the server sorts by, keyed by the table's column keys. */
const SORTABLE: Record<string, AuditSort> = { name: 'name', agency: 'agency', year: 'year', errors: 'errors' };

/** Options of a label map. */
const optionsOf = (map: Record<string, string> | undefined) => Object.entries(map ?? {}).map(([value, label]) => ({ value, label }));

/** The batch screen. */
export function AuditBatchPage({ id }: { id: number }) {
  const { message } = App.useApp();
  const [batch, setBatch] = useState<AuditBatch | null>(null);
  const [files, setFiles] = useState<AuditFileRow[]>([]);
  const [labels, setLabels] = useState<AuditLabels | null>(null);
  const [filter, setFilter] = useState<AuditFilesFilter>({});
  const [agencyText, setAgencyText] = useState('');
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'stop' | 'rerun' | null>(null);
  const asking = useRef(false);

  const load = useCallback(async () => {
    if (asking.current) return;
    asking.current = true;
    try {
      const page = await auditApi.batch(id, filter);
      setBatch(page.batch);
      setFiles(page.files);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      asking.current = false;
      setLoading(false);
    }
  }, [id, filter]);
  useEffect(() => { void load(); }, [load]);
  useEffect(() => { auditApi.labels().then(setLabels, () => setLabels(null)); }, []);

  // Once a second while the files are read.
  const reading = batch?.state === 'reading';
  useEffect(() => {
    if (!reading) return;
    const timer = setInterval(() => void load(), 1000);
    return () => clearInterval(timer);
  }, [reading, load]);

  const act = async (kind: 'stop' | 'rerun') => {
    setBusy(kind);
    try {
      setBatch(kind === 'stop' ? await auditApi.stop(id) : await auditApi.rerun(id));
      message.success(kind === 'stop' ? '已停止读取，未读取的文件保持等待状态' : '已开始重新核查');
      await load();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const columns: TableColumnsType<AuditFileRow> = useMemo(() => {
    const sortOrder = (key: string) => ((filter.sort ?? 'errors') === SORTABLE[key] ? (filter.order === 'asc' ? 'ascend' as const : 'descend' as const) : null);
    return [
      {
        title: '文件', key: 'name', sorter: true, sortOrder: sortOrder('name'),
        render: (_, f) => (
          <div className="gk-audit-file">
            {f.state === 'done' ? <a href={routeHref({ name: 'audit-file', batchId: id, fileId: f.id })}>{f.name}</a> : <span>{f.name}</span>}
            <span className="gk-muted"> {fileSize(f.size)}</span>
          </div>
        ),
      },
      {
        title: '机关', key: 'agency', sorter: true, sortOrder: sortOrder('agency'),
        render: (_, f) => (f.agencyName
          ? <a href={routeHref({ name: 'audit-compare', agency: f.agencyName })} title={`对比${f.agencyName}各年度报告`}>{f.agencyName}</a> : '—'),
      },
      { title: '年度', key: 'year', width: 76, sorter: true, sortOrder: sortOrder('year'), render: (_, f) => f.year ?? '—' },
      { title: '格式', key: 'format', width: 130, render: (_, f) => f.formatLabel ?? '—' },
      {
        title: '错误', key: 'errors', width: 76, align: 'right', sorter: true, sortOrder: sortOrder('errors'),
        render: (_, f) => (f.state === 'done' ? <span className={f.errors ? 'gk-overdue' : ''}>{f.errors}</span> : '—'),
      },
      { title: '警告', key: 'warnings', width: 60, align: 'right', render: (_, f) => (f.state === 'done' ? f.warnings : '—') },
      { title: '缺失', key: 'missing', width: 60, align: 'right', render: (_, f) => (f.state === 'done' ? f.missing : '—') },
      { title: '恢复', key: 'recovered', width: 60, align: 'right', render: (_, f) => (f.state === 'done' ? f.recovered : '—') },
      { title: '待确认', key: 'undecided', width: 70, align: 'right', render: (_, f) => (f.state === 'done' ? f.undecided : '—') },
      {
        title: '状态/错误信息', key: 'state', width: 260,
        render: (_, f) => (f.state === 'failed'
          ? <span className="gk-audit-failed">{fileStatusText(f)}</span>
          : <Tag className={f.state === 'done' ? 'gk-tag-ok' : f.state === 'reading' ? 'gk-tag-role' : 'gk-tag-off'}>{f.stateLabel}</Tag>),
      },
    ];
  }, [filter.sort, filter.order, id]);

  const onTableChange: TableProps<AuditFileRow>['onChange'] = (_p, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.columnKey ? SORTABLE[String(s.columnKey)] : undefined;
    if (!s?.order || !key) setFilter((f) => ({ ...f, sort: undefined, order: undefined }));
    else setFilter((f) => ({ ...f, sort: key, order: s.order === 'ascend' ? 'asc' : 'desc' }));
  };

  if (!batch) {
    return <div className="gk-page">{error !== null ? <ErrorAlert error={error} title="核查批次加载失败" /> : <p className="gk-loading">正在加载…</p>}</div>;
  }
  const filtered = [filter.severity, filter.state, filter.agency, filter.year, filter.format].some((v) => v !== undefined);
  return (
    <div className="gk-page gk-page-wide">
      <Breadcrumb items={[{ title: <a href={routeHref({ name: 'audits' })}>报告核查</a> }, { title: batch.title }]} />
      <div className="gk-report-head">
        <div>
          <Typography.Title level={1} className="gk-page-title">{batch.title}</Typography.Title>
          <Space wrap size={[12, 4]} className="gk-meta">
            <Tag className={BATCH_STATE_CLASS[batch.state]}>{batch.stateLabel}</Tag>
            <span>{batch.createdBy.name} 于 {formatTime(batch.createdAt)} 开始</span>
            <span>{countsText(batch)}</span>
          </Space>
        </div>
        <Space wrap className="gk-actions">
          {reading ? (
            <Button danger loading={busy === 'stop'} onClick={() => void act('stop')}>停止读取</Button>
          ) : (
            <Popconfirm title="重新核查" description="将重新读取本批次的全部文件，已作出的确认结论保留。确认？" okText="重新核查" cancelText="取消"
              onConfirm={() => act('rerun')}>
              <Button loading={busy === 'rerun'}>重新核查</Button>
            </Popconfirm>
          )}
          <Dropdown menu={{ items: EXPORTS.map((d) => ({ key: d.key, label: <a href={auditExportUrl(id, d.key)} download>{d.label}</a> })) }}>
            <Button>下载结果</Button>
          </Dropdown>
        </Space>
      </div>
      {(reading || batch.state === 'stopped') && (
        <div className="gk-panel gk-audit-progress" aria-live="polite">
          <div>{progressText(batch)}</div>
          <Progress percent={progressPercent(batch)} status={reading ? 'active' : 'normal'} aria-label="读取进度" />
        </div>
      )}
      {error !== null && <div className="gk-gap gk-form-error"><ErrorAlert error={error} title="操作未成功" onClose={() => setError(null)} /></div>}
      <div className="gk-panel gk-gap">
        <Space wrap className="gk-filters">
          <Select aria-label="按问题类别筛选" placeholder="全部问题类别" allowClear style={{ width: 150 }} value={filter.severity}
            onChange={(v) => setFilter((f) => ({ ...f, severity: v }))} options={optionsOf(labels?.severities) as { value: NonNullable<AuditFilesFilter['severity']>; label: string }[]} />
          <Select aria-label="按状态筛选" placeholder="全部状态" allowClear style={{ width: 130 }} value={filter.state}
            onChange={(v) => setFilter((f) => ({ ...f, state: v }))} options={optionsOf(labels?.fileStates) as { value: NonNullable<AuditFilesFilter['state']>; label: string }[]} />
          <Input.Search aria-label="按机关名称筛选" placeholder="机关名称" allowClear style={{ width: 200 }} value={agencyText}
            onChange={(e) => { setAgencyText(e.target.value); if (!e.target.value) setFilter((f) => ({ ...f, agency: undefined })); }}
            onSearch={(q) => setFilter((f) => ({ ...f, agency: q.trim() || undefined }))} />
          <InputNumber aria-label="按年度筛选" placeholder="年度" min={1990} max={2200} style={{ width: 100 }} value={filter.year ?? null}
            onChange={(v) => setFilter((f) => ({ ...f, year: typeof v === 'number' && v >= 1990 ? v : undefined }))} />
          <Select aria-label="按格式筛选" placeholder="全部格式" allowClear style={{ width: 160 }} value={filter.format}
            onChange={(v) => setFilter((f) => ({ ...f, format: v }))} options={optionsOf(labels?.formats) as { value: NonNullable<AuditFilesFilter['format']>; label: string }[]} />
        </Space>
        <Table<AuditFileRow> rowKey="id" size="small" loading={loading} columns={columns} dataSource={files} onChange={onTableChange}
          scroll={files.length ? { x: 1200 } : undefined} rowClassName={(f) => (f.state === 'failed' ? 'gk-audit-row-failed' : '')}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 个文件` }}
          locale={{ emptyText: filtered ? '没有符合条件的文件。' : '本批次没有文件。' }} />
      </div>
    </div>
  );
}
