/**
 * 迎检自查: before an inspector does (国办秘函〔2019〕19号), the office sees which portal columns are empty, about to
 * go stale (yellow) or stale (red) against their update cycle, when the home page was last updated, and what would
 * fail the site outright today — by agency and by office; a supervisor ticks 包括下级机关 to see the whole subtree.
 */
import { useEffect, useState } from 'react';
import { Alert, Checkbox, InputNumber, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import type { Agency } from '../api-types.js';
import { api } from '../api.js';
import { formatDate } from '../labels.js';
import type { AgencyReadiness, PortalReadiness, ReadinessColumn, ReadinessOffice } from '../schema-types.js';
import { agenciesWhere, useSession } from '../session.js';
import { ErrorAlert } from '../components/problem-list.js';

/** Solid colours with white text (contrast ≥ 4.5:1): red stale, amber due soon, grey empty, green in order. */
const STATE_COLORS: Record<ReadinessColumn['state'], string> = {
  stale: '#a8071a', 'due-soon': '#8a5a00', empty: '#595959', ok: '#2e7031',
};

/** When a column is due, in words. */
function dueText(c: ReadinessColumn): string {
  if (c.daysLeft === null || c.dueOn === null) return c.state === 'empty' ? '尚无信息' : '—';
  return c.daysLeft < 0 ? `${formatDate(c.dueOn)}（已超期 ${-c.daysLeft} 天）` : `${formatDate(c.dueOn)}（还有 ${c.daysLeft} 天）`;
}

/** One agency: the verdict, the counts, the columns and the offices. */
function AgencyBlock({ a }: { a: AgencyReadiness }) {
  return (
    <section className="gk-gap" aria-labelledby={`readiness-${a.agencyId}`}>
      <Typography.Title level={2} id={`readiness-${a.agencyId}`} style={{ fontSize: 20 }}>{a.agencyName}</Typography.Title>
      {a.failures.length > 0
        ? <Alert type="error" showIcon title="按单项否决指标，目前会被判为不合格" description={<ul>{a.failures.map((f) => <li key={f}>{f}</li>)}</ul>} />
        : <Alert type="success" showIcon title="按单项否决指标，目前未发现不合格项" />}
      <p className="gk-note">
        空白栏目 {a.counts.empty} 个，即将超期 {a.counts.dueSoon} 个，已超期 {a.counts.stale} 个，正常 {a.counts.ok} 个；
        首页最近更新：{a.homeLastUpdated ? `${formatDate(a.homeLastUpdated)}（${a.homeDaysAgo} 天前）` : '从未发布'}。
      </p>
      {/* A focusable scrolling region (not antd's own scroll): on a phone the table scrolls sideways by keyboard too. */}
      <div className="gk-scroll" tabIndex={0} role="region" aria-label={`${a.agencyName}：栏目更新情况`}>
      <Table<ReadinessColumn> size="small" pagination={false} rowKey="nodeId" dataSource={a.columns} style={{ minWidth: 860 }}
        caption={`${a.agencyName}：栏目更新情况`} locale={{ emptyText: '尚未建立主动公开目录' }}
        columns={[
          { title: '栏目', dataIndex: 'path' },
          { title: '状态', dataIndex: 'stateName', render: (n: string, c) => <Tag color={STATE_COLORS[c.state]}>{n}</Tag> },
          { title: '更新周期', dataIndex: 'cycleDays', render: (d: number | null, c) => <span title={c.cycleBasis}>{d === null ? '不设周期' : `${d} 天`}</span> },
          { title: '最近发布', dataIndex: 'lastPublishedOn', render: (d: string | null) => (d ? formatDate(d) : '—') },
          { title: '应更新日期', key: 'due', render: (_: unknown, c) => dueText(c) },
          { title: '已发布信息', dataIndex: 'items' },
          { title: '科室', dataIndex: 'offices', render: (o: string[]) => o.join('、') || '—' },
        ]} />
      </div>
      {a.offices.length > 0 && (
        <Table<ReadinessOffice> className="gk-gap" size="small" pagination={false} rowKey="office" dataSource={a.offices}
          caption={`${a.agencyName}：按科室`}
          columns={[
            { title: '科室', dataIndex: 'office' },
            { title: '负责栏目', dataIndex: 'columns' },
            { title: '即将超期', dataIndex: 'dueSoon' },
            { title: '已超期', dataIndex: 'stale' },
          ]} />
      )}
    </section>
  );
}

/** The readiness screen. */
export function PortalReadinessPage() {
  const session = useSession();
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [agencyId, setAgencyId] = useState<number | undefined>(session?.user.agencyId);
  const [subtree, setSubtree] = useState(false);
  const [warnDays, setWarnDays] = useState<number | null>(null);
  const [data, setData] = useState<PortalReadiness | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => { api.agencies().then(setAgencies, setError); }, []);
  useEffect(() => {
    if (agencyId === undefined) return;
    let live = true;
    setLoading(true);
    api.portalReadiness(agencyId, { subtree, warnDays: warnDays ?? undefined })
      .then((d) => { if (live) { setData(d); setError(null); } }, (e: unknown) => { if (live) { setData(null); setError(e); } })
      .finally(() => { if (live) setLoading(false); });
    return () => { live = false; };
  }, [agencyId, subtree, warnDays]);

  return (
    <div className="gk-page">
      <div className="gk-page-head">
        <Typography.Title level={1} className="gk-page-title">迎检自查</Typography.Title>
      </div>
      <Space wrap className="gk-filters">
        <Select aria-label="机关" placeholder="请选择机关" showSearch={{ optionFilterProp: 'label' }} style={{ width: 300, maxWidth: '100%' }}
          value={agencyId} onChange={(v: number) => setAgencyId(v)}
          options={agenciesWhere('item.read', agencies, session).map((a) => ({ value: a.id, label: a.name }))} />
        <Checkbox checked={subtree} onChange={(e) => setSubtree(e.target.checked)}>包括下级机关</Checkbox>
        <label className="gk-inline-label">
          <span>到期前提示天数</span>
          <InputNumber aria-label="到期前提示天数" min={0} max={365} precision={0} placeholder="周期的20%" value={warnDays}
            onChange={(v) => setWarnDays(typeof v === 'number' ? v : null)} style={{ width: 120 }} />
        </label>
      </Space>
      <p className="gk-note">
        依据国办秘函〔2019〕19号《政府网站与政务新媒体检查指标》：空白栏目 5 个及以上、首页两周未更新、动态要闻类栏目两周未更新或通知公告和政策文件类栏目六个月未更新的栏目 5 个及以上，均为单项否决。
        {data && ` 统计日期：${formatDate(data.today)}。`}
      </p>
      {error !== null && <div className="gk-gap"><ErrorAlert error={error} title="加载失败" onClose={() => setError(null)} /></div>}
      {loading && !data && <Spin />}
      {data?.agencies.map((a) => <AgencyBlock key={a.agencyId} a={a} />)}
    </div>
  );
}
