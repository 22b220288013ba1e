/**
 * 办理情况统计: tables 三 and 四 of an agency's year counted from the cases, laid out with the official
 * labels as the report prints them; each non-zero cell opens the list of the cases it counts (登记号,
 * 收到日期, 状态 — nothing personal), each linking to its case.
 */
import { useEffect, useMemo, useState } from 'react';
import { Drawer, InputNumber, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { SECTIONS } from '../../../src/core/format/parts.js';
import type { Agency } from '../api-types.js';
import { api } from '../api.js';
import { stateColor, todayInChina } from '../application-labels.js';
import { formatDate } from '../labels.js';
import { routeHref } from '../router.js';
import type { ApplicationTables, CellCases } from '../schema-types.js';
import { agenciesWhere, useSession } from '../session.js';
import { buildTableGrids, type GridValueCell } from '../table-grid.js';
import { ErrorAlert } from '../components/problem-list.js';
import { TableGridView } from '../components/table-grid-view.js';

/** The tables' headings as the format's sections name them. */
const HEADINGS: Record<string, string> = Object.fromEntries(SECTIONS.map((s) => [s.key, s.heading]));

/** The computed tables as interchange cells (label paths and value), with the cell keys by index. */
export function tableCells(tables: ApplicationTables) {
  return {
    cells: tables.cells.map((c) => ({ table: c.table, row: c.row, column: c.column, value: c.value })),
    keys: tables.cells.map((c) => c.key),
  };
}

type CaseEntry = CellCases['cases'][number];

/** The cases behind one cell. */
function CellCasesDrawer({ agencyId, year, cellKey, onClose }: { agencyId: number; year: number; cellKey: string; onClose: () => void }) {
  const [data, setData] = useState<CellCases | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    api.cellCases(agencyId, year, cellKey).then((d) => { if (live) setData(d); }, (e: unknown) => { if (live) setError(e); });
    return () => { live = false; };
  }, [agencyId, year, cellKey]);
  const title = data ? `表${data.cell.table}：${[...data.cell.row, ...data.cell.column].join(' / ')}` : '单元格对应的申请';
  return (
    <Drawer open title={title} onClose={onClose} size={520} className="gk-cell-drawer">
      {error !== null && <ErrorAlert error={error} title="加载失败" />}
      {!data && error === null && <Spin />}
      {data && (
        <>
          <p className="gk-note">共 {data.value} {data.cell.table === '四' ? '项（每项行政复议或行政诉讼一条）' : '件'}；不含申请人信息。</p>
          <Table<CaseEntry> size="small" pagination={false} dataSource={data.cases} rowKey={(c) => `${c.applicationId}-${c.remedyId ?? ''}`}
            columns={[
              { title: '登记号', dataIndex: 'caseNo', render: (no: string, c) => <a href={routeHref({ name: 'application', id: c.applicationId })}>{no}</a> },
              { title: '收到日期', dataIndex: 'receivedOn', render: (d: string) => formatDate(d) },
              { title: '状态', dataIndex: 'stateName', render: (n: string, c) => <Tag color={stateColor(c.state)}>{n}</Tag> },
            ]} />
        </>
      )}
    </Drawer>
  );
}

/** The statistics screen. */
export function StatisticsPage() {
  const session = useSession();
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [agencyId, setAgencyId] = useState<number | undefined>(session?.user.agencyId);
  const [year, setYear] = useState<number>(Number(todayInChina().slice(0, 4)));
  const [tables, setTables] = useState<ApplicationTables | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [cell, setCell] = useState<string | null>(null);

  useEffect(() => { api.agencies().then(setAgencies, setError); }, []);
  useEffect(() => { if (agencyId === undefined && session) setAgencyId(session.user.agencyId); }, [session, agencyId]);

  useEffect(() => {
    if (agencyId === undefined || !Number.isInteger(year) || year < 2008) return;
    let live = true;
    setLoading(true);
    api.applicationTables(agencyId, year)
      .then((t) => { if (live) { setTables(t); setError(null); } }, (e: unknown) => { if (live) { setTables(null); setError(e); } })
      .finally(() => { if (live) setLoading(false); });
    return () => { live = false; };
  }, [agencyId, year]);

  const { grids, keys } = useMemo(() => {
    if (!tables) return { grids: [], keys: [] as string[] };
    const { cells, keys: k } = tableCells(tables);
    return { grids: buildTableGrids(cells), keys: k };
  }, [tables]);

  const renderValue = (c: GridValueCell, label: string) => {
    const n = typeof c.value === 'number' ? c.value : 0;
    if (n === 0) return <span className="gk-value-text">{c.text}</span>;
    return (
      <button type="button" className="gk-cell-link" onClick={() => setCell(keys[c.index]!)} aria-label={`${label}：${n}，查看对应申请`}>
        {c.text}
      </button>
    );
  };

  return (
    <div className="gk-page">
      <div className="gk-page-head">
        <Typography.Title level={1} className="gk-page-title">办理情况统计</Typography.Title>
      </div>
      <Space wrap className="gk-filters">
        <Select aria-label="机关" placeholder="请选择机关" showSearch={{ optionFilterProp: 'label' }} style={{ width: 300, maxWidth: '100%' }}
          value={agencyId} onChange={(v: number) => setAgencyId(v)}
          options={agenciesWhere('statistics.read', agencies, session).map((a) => ({ value: a.id, label: a.name }))} />
        <label className="gk-inline-label">
          <span>年度</span>
          <InputNumber aria-label="年度" min={2008} max={2100} precision={0} value={year} onChange={(v) => { if (v) setYear(v); }} style={{ width: 110 }} />
        </label>
      </Space>
      <p className="gk-note">
        由依申请公开办理数据统计：按收到申请日期、处理决定及行政复议、行政诉讼，计至 {tables ? formatDate(tables.asOf) : `${year} 年 12 月 31 日`}。
        点击非零数字可查看计入该单元格的申请。
      </p>
      {error !== null && <div className="gk-gap"><ErrorAlert error={error} title="统计失败" onClose={() => setError(null)} /></div>}
      <div className="gk-panel">
        {loading && !tables ? <Spin /> : grids.map((grid) => (
          <section key={grid.table} className="gk-table-section" aria-label={HEADINGS[grid.table]}>
            <Typography.Title level={2} className="gk-table-title">{HEADINGS[grid.table] ?? `表${grid.table}`}</Typography.Title>
            <TableGridView grid={grid} readOnly highlighted={new Set()} onChange={() => {}} renderValue={renderValue} />
          </section>
        ))}
      </div>
      {cell && agencyId !== undefined && <CellCasesDrawer agencyId={agencyId} year={year} cellKey={cell} onClose={() => setCell(null)} />}
    </div>
  );
}
