/**
 * 待我处理: for every step of the review chain the signed-in person may take (初审, 保密审查, 核审签发, 发布; for
 * items and 办事指南 — a new guide, a change or an abolition — and, as they join, the catalogue, the guide and the
 * annual report), how many wait and which;
 * each opens the subject. Task names are the server's. The start page of reviewers.
 */
import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Empty, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { disclosureApi } from '../disclosure-api.js';
import type { Inbox, InboxEntry } from '../disclosure-types.js';
import { formatTime } from '../labels.js';
import { routeHref, type Route } from '../router.js';
import { useCan } from '../session.js';
import { ErrorAlert } from '../components/problem-list.js';
import { ItemStateTag } from '../components/item-state-tag.js';

/** Where a waiting subject is handled. */
export function entryRoute(entry: Pick<InboxEntry, 'kind' | 'id' | 'agencyId'>): Route {
  switch (entry.kind) {
    case 'report': return { name: 'report', id: entry.id };
    case 'matter': return { name: 'matter', agencyId: entry.agencyId, id: entry.id };
    case 'catalogue': case 'guide': return { name: 'catalogue' };
    default: return { name: 'item', id: entry.id };
  }
}

const columns: TableColumnsType<InboxEntry> = [
  { title: '标题', key: 'title', render: (_, e) => <a href={routeHref(entryRoute(e))}>{e.title}</a> },
  { title: '版本', dataIndex: 'version', key: 'version', width: 70, render: (v: number) => `第 ${v} 版` },
  { title: '经办人', dataIndex: 'drafterName', key: 'drafter', width: 110 },
  { title: '状态', key: 'state', width: 130, render: (_, e) => <ItemStateTag state={e.state} /> },
  { title: '更新时间', dataIndex: 'updatedAt', key: 'updated', width: 160, render: (t: string) => formatTime(t) },
];

/** The inbox screen. */
export function InboxPage() {
  const [inbox, setInbox] = useState<Inbox | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const mayDraft = useCan('item.draft');

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setInbox(await disclosureApi.inbox());
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => { void load(); }, [load]);

  const groups = inbox?.tasks ?? [];
  const total = inbox?.total ?? 0;
  const anchor = (key: string) => `gk-inbox-${key.replace(/[^a-z-]/g, '-')}`;
  return (
    <div className="gk-page">
      <div className="gk-page-head">
        <Typography.Title level={1} className="gk-page-title">待我处理</Typography.Title>
        <div className="gk-head-actions">
          <Button onClick={() => void load()}>刷新</Button>
          {mayDraft && <Button type="primary" href={routeHref({ name: 'item-new' })}>起草信息</Button>}
        </div>
      </div>
      {error !== null && <div className="gk-gap gk-form-error"><ErrorAlert error={error} title="待办事项加载失败" onClose={() => setError(null)} /></div>}
      {groups.length > 0 && (
        <ul className="gk-inbox-counts" aria-label="待办数量">
          {groups.map((g) => (
            <li key={g.key}>
              <button type="button" className="gk-inbox-count" disabled={g.count === 0}
                onClick={() => document.getElementById(anchor(g.key))?.scrollIntoView()}>
                <span>{g.name}</span> <Badge count={g.count} showZero color={g.count > 0 ? '#a8071a' : '#5f6670'} />
              </button>
            </li>
          ))}
        </ul>
      )}
      {!loading && total === 0 && error === null && (
        <div className="gk-panel"><Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="目前没有等待您处理的事项。" /></div>
      )}
      {groups.filter((g) => g.count > 0).map((g) => (
        <section key={g.key} className="gk-panel gk-gap" id={anchor(g.key)} aria-labelledby={`${anchor(g.key)}-h`}>
          <Typography.Title level={2} className="gk-h2" id={`${anchor(g.key)}-h`}>{g.name}（{g.count} 件）</Typography.Title>
          {g.entries.length < g.count && <p className="gk-note">显示最早的 {g.entries.length} 件。</p>}
          <Table<InboxEntry> rowKey={(e) => `${e.kind}${e.id}`} size="small" columns={columns} dataSource={g.entries as InboxEntry[]} scroll={{ x: 760 }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }} />
        </section>
      ))}
    </div>
  );
}
