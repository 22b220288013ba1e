/**
 * 待我处理: for every step of the review chain the signed-in person may take (初审, 保密审查, 核审签发, 发布) and
 * their own returned drafts, how many items wait and which; each opens the item at that step. The start page of
 * reviewers.
 */
import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Empty, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { disclosureApi } from '../disclosure-api.js';
import { CHAIN_ACTS, REVIEW_STATES, REVIEW_STEPS } from '../disclosure-labels.js';
import type { Inbox, ItemSummary } from '../disclosure-types.js';
import { formatDate } from '../labels.js';
import { routeHref } from '../router.js';
import { useCan } from '../session.js';
import { ErrorAlert } from '../components/problem-list.js';
import { ItemStateTag } from '../components/item-state-tag.js';

type GroupKey = Inbox['groups'][number]['step'];

/** The heading of an inbox group, in the chain's own words. */
export function groupTitle(step: GroupKey): string {
  if (step === 'publish') return `待${CHAIN_ACTS.publish}`;
  if (step === 'returned') return `${REVIEW_STATES.returned}待修改`;
  return `待${REVIEW_STEPS[step].name}`;
}

const columns: TableColumnsType<ItemSummary> = [
  { title: '标题', key: 'title', render: (_, i) => <a href={routeHref({ name: 'item', id: i.id })}>{i.title}</a> },
  { title: '科室', dataIndex: 'office', key: 'office', width: 120, render: (o: string | null) => o || '—' },
  { title: '经办人', dataIndex: 'drafterName', key: 'drafter', width: 100 },
  { title: '状态', key: 'state', width: 130, render: (_, i) => <ItemStateTag state={i.state} /> },
  { title: '公开期限', dataIndex: 'dueOn', key: 'due', width: 140, render: (d: string | null) => (d ? formatDate(d) : '—') },
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

  const groups = inbox?.groups ?? [];
  const total = groups.reduce((s, g) => s + g.count, 0);
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
            <li key={g.step}>
              <button type="button" className="gk-inbox-count" disabled={g.count === 0}
                onClick={() => document.getElementById(`gk-inbox-${g.step}`)?.scrollIntoView()}>
                <span>{groupTitle(g.step)}</span> <Badge count={g.count} showZero color={g.count > 0 ? '#a8071a' : '#5f6670'} />
              </button>
            </li>
          ))}
        </ul>
      )}
      {!loading && total === 0 && error === null && (
        <div className="gk-panel"><Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="目前没有等待您处理的事项。" /></div>
      )}
      {groups.filter((g) => g.count > 0).map((g) => (
        <section key={g.step} className="gk-panel gk-gap" id={`gk-inbox-${g.step}`} aria-labelledby={`gk-inbox-h-${g.step}`}>
          <Typography.Title level={2} className="gk-h2" id={`gk-inbox-h-${g.step}`}>{groupTitle(g.step)}（{g.count} 件）</Typography.Title>
          <Table<ItemSummary> rowKey="id" size="small" columns={columns} dataSource={g.items} scroll={{ x: 760 }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }} />
        </section>
      ))}
    </div>
  );
}
