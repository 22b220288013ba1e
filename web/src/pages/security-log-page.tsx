/**
 * 安全审计日志 (audit admin): newest first; filters by event type, login and date range (days in
 * China time); older records page in by `beforeId`; 导出 Excel downloads the same filters as .xlsx.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, DatePicker, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Agency, SecurityEventInfo, SecurityLogFilter } from '../api-types.js';
import { api, securityLogXlsxUrl } from '../api.js';
import { formatTime } from '../labels.js';
import { SECURITY_EVENT_TYPES, detailParts, targetText } from '../security-detail.js';
import { ErrorAlert } from '../components/problem-list.js';

const PAGE = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The start of a China day (YYYY-MM-DD) as the server's ISO time; `next` gives the following day's start. */
export function chinaDayStart(date: string, next = false): string {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + (next ? DAY_MS : 0)).toISOString();
}

interface Filters {
  type?: string;
  login: string;
  /** Inclusive China days. */
  fromDay?: string;
  toDay?: string;
}

/** The server's filter of the chosen days: from the first day's start to the start of the day after the last. */
export function logFilter(f: Filters): SecurityLogFilter {
  return {
    type: f.type || undefined,
    login: f.login.trim() || undefined,
    from: f.fromDay ? chinaDayStart(f.fromDay) : undefined,
    to: f.toDay ? chinaDayStart(f.toDay, true) : undefined,
  };
}

/** The security log screen. */
export function SecurityLogPage() {
  const [filters, setFilters] = useState<Filters>({ login: '' });
  const [applied, setApplied] = useState<Filters>({ login: '' });
  const [events, setEvents] = useState<SecurityEventInfo[]>([]);
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  const fetchPage = useCallback(async (f: Filters, beforeId?: number) => {
    setLoading(true);
    try {
      const page = await api.securityLog({ ...logFilter(f), beforeId, limit: PAGE });
      setEvents((list) => (beforeId ? [...list, ...page] : page));
      setMore(page.length === PAGE);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => { void fetchPage(applied); }, [applied, fetchPage]);
  useEffect(() => { api.agencies().then(setAgencies, () => setAgencies([])); }, []);

  const agencyNames = useMemo(() => new Map(agencies.map((a) => [a.id, a.name])), [agencies]);

  const columns: TableColumnsType<SecurityEventInfo> = [
    { title: '时间', dataIndex: 'at', key: 'at', width: 150, render: (t: string) => <span className="gk-nowrap">{formatTime(t)}</span> },
    { title: '事件', dataIndex: 'typeName', key: 'type', width: 130 },
    {
      title: '结果', dataIndex: 'success', key: 'success', width: 70,
      render: (ok: boolean) => (ok ? <Tag className="gk-tag-ok">成功</Tag> : <Tag className="gk-tag-fail">失败</Tag>),
    },
    { title: '操作人', dataIndex: 'actorName', key: 'actor', width: 90, render: (n: string | null) => n ?? '—' },
    { title: '登录名', dataIndex: 'login', key: 'login', width: 100, render: (n: string | null) => n ?? '—' },
    { title: '对象', dataIndex: 'target', key: 'target', width: 170, render: (t: string | null) => targetText(t) || '—' },
    {
      title: '详情', key: 'detail',
      render: (_, e) => {
        const parts = detailParts(e, agencyNames);
        return parts.length ? <span className="gk-detail">{parts.join('；')}</span> : '—';
      },
    },
    { title: '来源地址', dataIndex: 'ip', key: 'ip', width: 120, render: (ip: string | null) => ip ?? '—' },
  ];

  const last = events[events.length - 1];

  return (
    <div className="gk-page gk-page-wide">
      <div className="gk-page-head">
        <Typography.Title level={1} className="gk-page-title">安全审计日志</Typography.Title>
        <Button href={securityLogXlsxUrl(logFilter(applied))} download>导出 Excel</Button>
      </div>
      <div className="gk-panel">
        <form className="gk-filters gk-log-filters" onSubmit={(e) => { e.preventDefault(); setApplied(filters); }}>
          <Space wrap>
            <Select aria-label="事件类型" placeholder="全部事件" allowClear style={{ width: 180 }} value={filters.type}
              onChange={(v?: string) => setFilters((f) => ({ ...f, type: v }))}
              options={Object.entries(SECURITY_EVENT_TYPES).map(([value, label]) => ({ value, label }))} />
            <Input aria-label="登录名" placeholder="登录名" allowClear style={{ width: 160 }} value={filters.login}
              onChange={(e) => setFilters((f) => ({ ...f, login: e.target.value }))} />
            <DatePicker.RangePicker aria-label="日期范围" placeholder={['起始日期', '截止日期']}
              onChange={(_, days) => setFilters((f) => ({ ...f, fromDay: days[0] || undefined, toDay: days[1] || undefined }))} />
            <Button type="primary" htmlType="submit">查询</Button>
          </Space>
        </form>
        {error !== null && <div className="gk-form-error"><ErrorAlert error={error} title="安全审计日志加载失败" /></div>}
        <Table<SecurityEventInfo>
          rowKey="id" size="small" loading={loading} columns={columns} dataSource={events} pagination={false} scroll={{ x: 1100 }}
          locale={{ emptyText: '没有符合条件的记录。' }}
        />
        <div className="gk-log-more">
          <span className="gk-muted">已显示 {events.length} 条（新的在前）</span>
          {more && last && <Button onClick={() => void fetchPage(applied, last.id)} loading={loading}>加载更早的记录</Button>}
        </div>
      </div>
    </div>
  );
}
