/**
 * 依申请公开 list: the deadline warnings on top, then the cases (applicant masked by the server) with their
 * state, reply deadline and handler; filters by agency and “仅未办结”. Beside the application warnings, the
 * proactive-disclosure warnings (条例 Art. 26) for those who may read items, so one look shows every deadline.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Agency, AgencyWarnings, ApplicationFilter, ApplicationSummary } from '../api-types.js';
import { api } from '../api.js';
import { dueOnText, stateColor } from '../application-labels.js';
import { formatDate } from '../labels.js';
import { navigate, routeHref } from '../router.js';
import { ErrorAlert } from '../components/problem-list.js';
import { ApplicationWarningsPanel } from '../components/application-warnings-panel.js';
import { ItemWarningsPanel } from '../components/item-warnings-panel.js';
import { disclosureApi } from '../disclosure-api.js';
import type { ItemWarnings } from '../disclosure-types.js';
import { useCan } from '../session.js';

/** Warnings of the chosen agency, or of every agency with a listed case when none is chosen. */
/** The chosen agency's warnings, or every agency's from one request (never one request per agency). */
async function loadWarnings(agencies: Agency[], agencyId?: number): Promise<AgencyWarnings[]> {
  if (agencyId === undefined) return api.allApplicationWarnings();
  const agencyName = agencies.find((a) => a.id === agencyId)?.name ?? `机关 ${agencyId}`;
  return [{ agencyId, agencyName, warnings: await api.applicationWarnings(agencyId) }];
}

/** The case list screen. */
export function ApplicationListPage() {
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [cases, setCases] = useState<ApplicationSummary[]>([]);
  const [warnings, setWarnings] = useState<AgencyWarnings[]>([]);
  const [filter, setFilter] = useState<ApplicationFilter>({ open: true });
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const mayRegister = useCan('application.register');
  const mayReadItems = useCan('item.read');
  const [itemWarnings, setItemWarnings] = useState<ItemWarnings | null>(null);

  useEffect(() => {
    if (!mayReadItems) return;
    disclosureApi.itemWarnings(filter.agencyId).then(setItemWarnings, () => setItemWarnings(null));
  }, [mayReadItems, filter.agencyId]);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const [a, c] = await Promise.all([api.agencies(), api.applications(filter)]);
      setAgencies(a);
      setCases(c);
      setWarnings(await loadWarnings(a, filter.agencyId));
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [filter]);

  useEffect(() => { void load(); }, [load]);

  const overdue = useMemo(() => new Set(warnings.flatMap((w) => w.warnings.groups.flatMap((g) => g.overdue.map((i) => i.id)))), [warnings]);

  const columns: TableColumnsType<ApplicationSummary> = useMemo(() => [
    {
      title: '登记号', dataIndex: 'caseNo', key: 'caseNo', width: 120,
      render: (no: string, c) => <a href={routeHref({ name: 'application', id: c.id })}>{no}</a>,
    },
    ...(filter.agencyId === undefined ? [{ title: '机关', dataIndex: 'agencyName', key: 'agency' }] : []),
    { title: '收到日期', dataIndex: 'receivedOn', key: 'receivedOn', width: 140, render: (d: string) => formatDate(d) },
    { title: '申请人', key: 'applicant', width: 110, render: (_: unknown, c) => c.applicant.name },
    { title: '类型', dataIndex: 'applicantTypeName', key: 'type', width: 120 },
    {
      title: '状态', dataIndex: 'stateName', key: 'state', width: 150,
      render: (name: string, c) => <Tag color={stateColor(c.state)}>{name}</Tag>,
    },
    {
      title: '答复期限', dataIndex: 'dueOn', key: 'dueOn', width: 210, className: 'gk-nowrap',
      render: (d: string | null, c) => (d === null ? <span className="gk-muted">{dueOnText(c, formatDate)}</span>
        : overdue.has(c.id) ? <span className="gk-overdue">{formatDate(d)}（已逾期）</span> : formatDate(d)),
    },
    {
      title: '承办科室/承办人', key: 'office',
      render: (_: unknown, c) => (c.office || c.handler ? `${c.office ?? '未指定科室'} / ${c.handler ?? '未指定承办人'}` : <span className="gk-muted">未分配</span>),
    },
  ], [filter.agencyId, overdue]);

  return (
    <div className="gk-page">
      <div className="gk-page-head">
        <Typography.Title level={1} className="gk-page-title">依申请公开</Typography.Title>
        {mayRegister && <Button type="primary" href={routeHref({ name: 'application-new' })}>登记申请</Button>}
      </div>
      <Space wrap className="gk-filters">
        <Select
          aria-label="按机关筛选" placeholder="全部机关" allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 300 }}
          value={filter.agencyId} onChange={(v?: number) => setFilter((f) => ({ ...f, agencyId: v }))}
          options={agencies.map((a) => ({ value: a.id, label: a.name }))}
        />
        <label className="gk-switch">
          <Switch checked={filter.open === true} onChange={(on) => setFilter((f) => ({ ...f, open: on }))} aria-label="仅未办结" />
          <span aria-hidden="true">仅未办结</span>
        </label>
      </Space>
      {error !== null && <ErrorAlert error={error} title="申请列表加载失败" />}
      <ApplicationWarningsPanel items={warnings} loading={loading} />
      {mayReadItems && <ItemWarningsPanel warnings={itemWarnings} compact />}
      <div className="gk-panel gk-gap">
        <Table<ApplicationSummary>
          rowKey="id" size="middle" scroll={{ x: 960 }} loading={loading} columns={columns} dataSource={cases}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 件申请` }}
          locale={{ emptyText: filter.open ? '暂无未办结的申请。' : '暂无申请。' }}
          onRow={(c) => ({ onDoubleClick: () => navigate({ name: 'application', id: c.id }) })}
        />
      </div>
    </div>
  );
}
