/**
 * 政务服务大厅数据: the dashboard of a year — the matter list's shares as of a day (最多跑一次, 可网办, 全程网办 of the
 * 可网办, as the seed reports them), matters per theme and service level, each hall's windows, matters, transactions and
 * certificates mailed — the monthly entry of a hall's figures, the halls and points of each level, the 实施主体 and
 * the theme lists (rename, stop, add a local theme).
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Input, InputNumber, Select, Space, Table, Typography, Upload } from 'antd';
import type { Agency } from '../api-types.js';
import { api } from '../api.js';
import { ErrorAlert } from '../components/problem-list.js';
import { SERVICE_LEVELS } from '../../../src/core/matters/matter-lists.js';
import { matterApi, uploadHallFigures, type MatterThemeResponse, type ServiceDashboardResponse } from '../matter-api.js';
import { agenciesWhere, useCan, useSession } from '../session.js';

const pct = (p: number | null) => (p === null ? '—' : `${p}%`);
const num = (n: number | null) => (n === null ? '未填报' : n.toLocaleString('zh-CN'));

/** The service hall screen. */
export function ServiceHallPage() {
  const session = useSession();
  const mayEdit = useCan('catalogue.edit');
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [agencyId, setAgencyId] = useState<number | undefined>(session?.user.agencyId);
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const [data, setData] = useState<ServiceDashboardResponse | null>(null);
  const [themes, setThemes] = useState<MatterThemeResponse[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [entry, setEntry] = useState<{ hallId?: number; month: string; windows: number | null; matters: number | null; transactions: number | null; certificatesMailed: number | null }>({ month: '', windows: null, matters: null, transactions: null, certificatesMailed: null });
  const [hall, setHall] = useState<{ name: string; level: string }>({ name: '', level: 'town' });
  const [office, setOffice] = useState('');

  useEffect(() => { api.agencies().then(setAgencies, setError); }, []);
  useEffect(() => {
    if (agencyId === undefined) return;
    matterApi.dashboard(agencyId, year).then((d) => { setData(d); setError(null); }, setError);
    matterApi.themes(agencyId).then(setThemes, setError);
  }, [agencyId, year, reload]);
  const act = async (call: () => Promise<unknown>, message: string) => {
    try { await call(); setDone(message); setError(null); setReload((n) => n + 1); } catch (e) { setError(e); }
  };
  const s = data?.matters.shares;
  return (
    <div className="gk-page">
      <div className="gk-page-head"><Typography.Title level={1} className="gk-page-title">政务服务大厅数据</Typography.Title></div>
      <Space wrap className="gk-filters">
        <Select aria-label="机关" placeholder="请选择机关" style={{ width: 280, maxWidth: '100%' }} value={agencyId} onChange={(v: number) => setAgencyId(v)}
          options={agenciesWhere('item.read', agencies, session).map((a) => ({ value: a.id, label: a.name }))} />
        <label className="gk-inline-label"><span>年度</span>
          <InputNumber aria-label="年度" min={2000} max={2100} value={year} onChange={(v) => typeof v === 'number' && setYear(v)} /></label>
      </Space>
      {error !== null && <div className="gk-gap"><ErrorAlert error={error} title="未能完成" onClose={() => setError(null)} /></div>}
      {done && <Alert className="gk-gap" type="success" showIcon title={done} closable onClose={() => setDone(null)} />}
      {data && s && (
        <>
          <section className="gk-panel gk-gap" aria-labelledby="gk-shares">
            <Typography.Title level={2} className="gk-h2" id="gk-shares">事项清单（截至 {data.asOf}，共 {data.matters.counts.total} 项已发布事项）</Typography.Title>
            <ul className="gk-share-list">
              <li>最多跑一次<strong>{pct(s.atMostOnce.percent)}</strong>{s.atMostOnce.count} / {s.atMostOnce.of} 项</li>
              <li>可网办<strong>{pct(s.online.percent)}</strong>{s.online.count} / {s.online.of} 项</li>
              <li>全程网办（占可网办）<strong>{pct(s.fullyOnlineOfOnline.percent)}</strong>{s.fullyOnlineOfOnline.count} / {s.fullyOnlineOfOnline.of} 项</li>
              <li>全程网办（占全部）<strong>{pct(s.fullyOnline.percent)}</strong>{s.fullyOnline.count} / {s.fullyOnline.of} 项</li>
              <li>零跑腿<strong>{s.zeroVisit.count} 项</strong></li>
              <li>快递送达<strong>{s.mailDelivery.count} 项</strong></li>
            </ul>
            <p className="gk-note">窗口 {num(data.totals.windows)} 个，全年办件 {num(data.totals.transactions)} 件，快递送达证照 {num(data.totals.certificatesMailed)} 件（这些数据可供年度报告引用）。</p>
            <Table size="small" pagination={false} rowKey="level" caption="按服务层级" dataSource={data.levels}
              columns={[{ title: '服务层级', dataIndex: 'levelName' }, { title: '事项数', dataIndex: 'count' }]} />
            <Table size="small" className="gk-gap" pagination={{ pageSize: 10 }} rowKey="key" caption="按主题分类" dataSource={data.themes}
              columns={[{ title: '主题分类', dataIndex: 'name' }, { title: '代码', dataIndex: 'key' }, { title: '事项数', dataIndex: 'count' }]} />
          </section>
          <section className="gk-panel gk-gap" aria-labelledby="gk-halls">
            <Typography.Title level={2} className="gk-h2" id="gk-halls">服务大厅（{year} 年）</Typography.Title>
            <div className="gk-scroll" tabIndex={0} role="region" aria-label="服务大厅数据">
              <Table size="small" pagination={false} rowKey="id" dataSource={data.halls} style={{ minWidth: 760 }}
                columns={[
                  { title: '大厅或站点', dataIndex: 'name' }, { title: '层级', dataIndex: 'levelName' },
                  { title: '窗口数', dataIndex: 'windows', render: num }, { title: '进驻事项', dataIndex: 'matters', render: num },
                  { title: '办件量', dataIndex: 'transactions', render: num }, { title: '快递送达证照', dataIndex: 'certificatesMailed', render: num },
                  { title: '已填报月份', dataIndex: 'monthsEntered' },
                ]} />
            </div>
            {mayEdit && agencyId !== undefined && (
              <form className="gk-gap" aria-label="填报月度数据" onSubmit={(e) => { e.preventDefault(); if (entry.hallId) void act(() => matterApi.enterMonth(agencyId, entry.hallId!, entry.month, { windows: entry.windows, matters: entry.matters, transactions: entry.transactions, certificatesMailed: entry.certificatesMailed }), `已填报 ${entry.month} 的数据`); }}>
                <Space wrap>
                  <Select aria-label="大厅或站点" placeholder="大厅或站点" style={{ width: 240 }} value={entry.hallId} onChange={(v: number) => setEntry({ ...entry, hallId: v })}
                    options={data.halls.map((h) => ({ value: h.id, label: h.name }))} />
                  <Input aria-label="月份" placeholder="月份，如 2019-12" style={{ width: 140 }} value={entry.month} onChange={(e) => setEntry({ ...entry, month: e.target.value })} />
                  {(['windows', 'matters', 'transactions', 'certificatesMailed'] as const).map((k) => (
                    <InputNumber key={k} aria-label={{ windows: '窗口数', matters: '进驻事项数', transactions: '办件量', certificatesMailed: '快递送达证照数' }[k]}
                      placeholder={{ windows: '窗口数', matters: '进驻事项数', transactions: '办件量', certificatesMailed: '快递送达证照' }[k]} min={0}
                      value={entry[k]} onChange={(v) => setEntry({ ...entry, [k]: typeof v === 'number' ? v : null })} />
                  ))}
                  <Button htmlType="submit" disabled={!entry.hallId || !entry.month}>填报</Button>
                  <Upload accept=".xlsx" showUploadList={false} beforeUpload={(file) => {
                    uploadHallFigures(agencyId, file).then((r) => {
                      if (r.stored) { setDone(r.message); setReload((n) => n + 1); } else setError(new Error(`${r.message}${r.refused.map((p) => `；${p.message}`).join('')}`));
                    }, setError);
                    return false;
                  }}><Button>从 Excel 导入月度数据</Button></Upload>
                </Space>
              </form>
            )}
          </section>
        </>
      )}
      {mayEdit && agencyId !== undefined && (
        <section className="gk-panel gk-gap" aria-labelledby="gk-lists">
          <Typography.Title level={2} className="gk-h2" id="gk-lists">大厅、实施主体和主题分类</Typography.Title>
          <Space wrap>
            <Input aria-label="新大厅或站点名称" placeholder="新大厅或站点名称" value={hall.name} onChange={(e) => setHall({ ...hall, name: e.target.value })} />
            <Select aria-label="服务层级" style={{ width: 200 }} value={hall.level} onChange={(v: string) => setHall({ ...hall, level: v })} options={Object.entries(SERVICE_LEVELS).map(([value, label]) => ({ value, label }))} />
            <Button onClick={() => void act(() => matterApi.addHall(agencyId, hall.name, hall.level), `已登记“${hall.name}”`)}>登记大厅或站点</Button>
          </Space>
          <Space wrap className="gk-gap">
            <Input aria-label="新实施主体名称" placeholder="新实施主体（科室）名称" value={office} onChange={(e) => setOffice(e.target.value)} />
            <Button onClick={() => void act(() => matterApi.addOffice(agencyId, office), `已登记实施主体“${office}”`)}>登记实施主体</Button>
          </Space>
          <Table size="small" className="gk-gap" rowKey="key" pagination={{ pageSize: 10 }} caption="主题分类（国家目录，可改名、停用或增加地方特色分类）" dataSource={themes}
            columns={[
              { title: '服务对象', dataIndex: 'audienceName', width: 90 }, { title: '代码', dataIndex: 'code', width: 70 }, { title: '名称', dataIndex: 'name' },
              { title: '状态', dataIndex: 'archived', width: 80, render: (a: boolean) => (a ? '已停用' : '使用中') },
              { title: '操作', key: 'op', width: 90, render: (_: unknown, t) => (
                <Button size="small" onClick={() => void act(() => matterApi.saveTheme(agencyId, { audience: t.audience, code: t.code, name: t.name, archived: !t.archived }), `已${t.archived ? '启用' : '停用'}“${t.name}”`)}>{t.archived ? '启用' : '停用'}</Button>
              ) },
            ]} />
        </section>
      )}
    </div>
  );
}
