/**
 * 主动公开信息: the agency's items with their state, category, office, 索引号 and Art. 26 due date; filters by
 * state, category, office and a search of title and 文号; the Art. 26 warnings (公开时限预警) above the list.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Input, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Agency } from '../api-types.js';
import { api } from '../api.js';
import { disclosureApi, type ItemFilter } from '../disclosure-api.js';
import { REVIEW_STATES } from '../disclosure-labels.js';
import type { CatalogueNode, ItemSummary, ItemWarnings, ReviewState } from '../disclosure-types.js';
import { formatDate } from '../labels.js';
import { routeHref } from '../router.js';
import { agenciesWhere, useCan, useSession } from '../session.js';
import { ErrorAlert } from '../components/problem-list.js';
import { ItemStateTag } from '../components/item-state-tag.js';
import { CatalogueSelect } from '../components/catalogue-select.js';
import { ItemWarningsPanel } from '../components/item-warnings-panel.js';

const PAGE_SIZE = 20;

/** The item list screen. */
export function ItemListPage() {
  const session = useSession();
  const mayDraft = useCan('item.draft');
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [agencyId, setAgencyId] = useState<number | undefined>(session?.user.agencyId);
  const [tree, setTree] = useState<CatalogueNode[]>([]);
  const [items, setItems] = useState<ItemSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [warnings, setWarnings] = useState<ItemWarnings | null>(null);
  const [filter, setFilter] = useState<ItemFilter>({});
  const [search, setSearch] = useState('');
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    void api.agencies().then((a) => {
      const mine = agenciesWhere('item.read', a);
      setAgencies(mine);
      setAgencyId((id) => (id !== undefined && mine.some((m) => m.id === id) ? id : mine[0]?.id));
    }).catch(setError);
    void disclosureApi.itemWarnings().then(setWarnings).catch(() => setWarnings(null));
  }, []);

  useEffect(() => {
    if (agencyId === undefined) return;
    void disclosureApi.catalogue(agencyId).then((t) => setTree(t.nodes)).catch(() => setTree([]));
  }, [agencyId]);

  const load = useCallback(async () => {
    if (agencyId === undefined) return;
    setLoading(true);
    try {
      const answer = await disclosureApi.items(agencyId, { ...filter, page, pageSize: PAGE_SIZE });
      setItems(answer.items);
      setTotal(answer.total);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [agencyId, filter, page]);
  useEffect(() => { void load(); }, [load]);
  useEffect(() => { setPage(1); }, [agencyId, filter]);

  // Offices known from the warnings and the page shown (the API filters by any office written).
  const offices = useMemo(() => [...new Set([...items.map((i) => i.office), ...(warnings?.offices.map((o) => o.office) ?? [])]
    .filter((o): o is string => !!o))].sort(), [items, warnings]);

  const columns: TableColumnsType<ItemSummary> = [
    { title: '标题', key: 'title', render: (_, i) => <a href={routeHref({ name: 'item', id: i.id })}>{i.title}</a> },
    { title: '目录类别', key: 'category', width: 160, render: (_, i) => i.categoryName ?? '—' },
    { title: '科室', dataIndex: 'office', key: 'office', width: 110, render: (o: string | null) => o || '—' },
    { title: '状态', key: 'state', width: 120, render: (_, i) => <ItemStateTag state={i.state} /> },
    { title: '索引号', dataIndex: 'indexNo', key: 'indexNo', width: 220, render: (n: string | null) => n ?? <span className="gk-muted">发布时生成</span> },
    { title: '成文日期', dataIndex: 'writtenOn', key: 'writtenOn', width: 130, render: (d: string) => formatDate(d) },
    {
      title: '公开期限/发布日期', key: 'due', width: 150,
      render: (_, i) => (i.publishedOn ? `已于${formatDate(i.publishedOn)}发布` : i.dueOn ? formatDate(i.dueOn) : '—'),
    },
  ];

  return (
    <div className="gk-page">
      <div className="gk-page-head">
        <Typography.Title level={1} className="gk-page-title">主动公开信息</Typography.Title>
        {mayDraft && <Button type="primary" href={routeHref({ name: 'item-new' })}>起草信息</Button>}
      </div>
      <ItemWarningsPanel warnings={warnings} />
      {error !== null && <div className="gk-gap gk-form-error"><ErrorAlert error={error} title="信息列表加载失败" onClose={() => setError(null)} /></div>}
      <div className="gk-panel">
        <Space wrap className="gk-filters">
          {agencies.length > 1 && (
            <Select aria-label="机关" style={{ width: 260 }} value={agencyId} onChange={(v) => setAgencyId(v)}
              options={agencies.map((a) => ({ value: a.id, label: a.name }))} />
          )}
          <Select<ReviewState> aria-label="状态" placeholder="全部状态" allowClear style={{ width: 150 }} value={filter.state as ReviewState | undefined}
            onChange={(v) => setFilter((f) => ({ ...f, state: v }))}
            options={Object.entries(REVIEW_STATES).map(([value, label]) => ({ value: value as ReviewState, label }))} />
          <CatalogueSelect tree={tree} value={filter.categoryId ?? null} placeholder="全部目录类别" allowClear style={{ width: 220 }}
            onChange={(v) => setFilter((f) => ({ ...f, categoryId: v ?? undefined }))} />
          <Select aria-label="科室" placeholder="全部科室" allowClear style={{ width: 150 }} value={filter.office}
            onChange={(v) => setFilter((f) => ({ ...f, office: v }))} options={offices.map((o) => ({ value: o, label: o }))} />
          <Input.Search aria-label="查找信息" placeholder="按标题、文号或索引号查找" allowClear style={{ width: 260 }} value={search}
            onChange={(e) => setSearch(e.target.value)} onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() || undefined }))} />
        </Space>
        {!loading && items.length === 0 ? <p className="gk-empty">{Object.values(filter).some((v) => v !== undefined) ? '没有符合条件的信息。' : '暂无信息。'}</p> : (
          <Table<ItemSummary> rowKey="id" size="middle" loading={loading} columns={columns} dataSource={items} scroll={{ x: 1100 }}
            pagination={{ current: page, pageSize: PAGE_SIZE, total, onChange: setPage, hideOnSinglePage: true, showSizeChanger: false, showTotal: (n) => `共 ${n} 条信息` }} />
        )}
      </div>
    </div>
  );
}
