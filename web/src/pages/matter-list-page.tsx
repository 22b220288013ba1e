/**
 * 办事指南: the agency's matter list with filters (theme, level, office, flag, state, words), links to each matter's
 * editor, a new matter, the whole list as Excel, and the import of a list with upload progress and the report of
 * refused rows (nothing is stored while a row is refused, unless 只导入无误的行 is ticked).
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Input, Progress, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import type { Agency } from '../api-types.js';
import { api } from '../api.js';
import { ErrorAlert } from '../components/problem-list.js';
import { ItemStateTag } from '../components/item-state-tag.js';
import { MATTER_FLAG_KEYS, MATTER_FLAGS, SERVICE_LEVELS } from '../../../src/core/matters/matter-lists.js';
import { matterApi, matterFiles, uploadMatterList, type MatterFilter, type MatterImportReport, type MatterListResponse, type MatterThemeResponse } from '../matter-api.js';
import { navigate, routeHref } from '../router.js';
import { agenciesWhere, useCan, useSession } from '../session.js';

const PAGE = 20;

/** The import panel: pick a file, see progress, read the report. */
function ImportPanel({ agencyId, onDone }: { agencyId: number; onDone: () => void }) {
  const [skipRefused, setSkipRefused] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<MatterImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const upload = async (file: File) => {
    setError(null); setReport(null); setProgress(0);
    try {
      const r = await uploadMatterList(agencyId, file, { skipRefused, dryRun: false }, setProgress);
      setReport(r);
      if (r.stored) onDone();
    } catch (e) { setError(e); } finally { setProgress(null); }
  };
  return (
    <section className="gk-panel gk-gap" aria-labelledby="gk-import-title">
      <Typography.Title level={2} className="gk-h2" id="gk-import-title">导入事项清单（Excel）</Typography.Title>
      <p className="gk-note">表头与“导出 Excel”相同。新的事项编码新增事项，已有的生成新版本；导入的均为草稿，须经审核后发布。</p>
      <Space wrap>
        <Upload accept=".xlsx" showUploadList={false} beforeUpload={(file) => { void upload(file); return false; }}>
          <Button disabled={progress !== null}>选择文件并导入</Button>
        </Upload>
        <Checkbox checked={skipRefused} onChange={(e) => setSkipRefused(e.target.checked)}>只导入无误的行</Checkbox>
      </Space>
      {progress !== null && <Progress percent={Math.round(progress * 100)} status="active" aria-label="上传进度" />}
      {error !== null && <div className="gk-gap"><ErrorAlert error={error} title="导入失败" onClose={() => setError(null)} /></div>}
      {report && (
        <div className="gk-gap">
          <Alert type={report.stored ? 'success' : 'warning'} showIcon title={report.message} />
          {report.refused.length > 0 && (
            <Table size="small" className="gk-gap" rowKey={(p) => `${p.row}-${p.column}-${p.message}`} pagination={{ pageSize: 20 }} caption="被拒绝的行"
              dataSource={report.refused} columns={[{ title: '行', dataIndex: 'row', width: 60 }, { title: '列', dataIndex: 'column', width: 140 }, { title: '原因', dataIndex: 'message' }]} />
          )}
        </div>
      )}
    </section>
  );
}

/** The matter list. */
export function MatterListPage() {
  const session = useSession();
  const mayDraft = useCan('item.draft');
  const mayImport = useCan('item.import');
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [agencyId, setAgencyId] = useState<number | undefined>(session?.user.agencyId);
  const [filter, setFilter] = useState<MatterFilter>({});
  const [words, setWords] = useState('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<MatterListResponse | null>(null);
  const [themes, setThemes] = useState<MatterThemeResponse[]>([]);
  const [offices, setOffices] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [showImport, setShowImport] = useState(false);
  const [reload, setReload] = useState(0);

  useEffect(() => { api.agencies().then(setAgencies, setError); }, []);
  useEffect(() => {
    if (agencyId === undefined) return;
    matterApi.themes(agencyId).then((t) => setThemes(t.filter((x) => !x.archived)), setError);
    matterApi.offices(agencyId).then((o) => setOffices(o.map((x) => x.name)), setError);
  }, [agencyId]);
  useEffect(() => {
    if (agencyId === undefined) return;
    let live = true;
    matterApi.list(agencyId, { ...filter, offset: (page - 1) * PAGE, limit: PAGE })
      .then((d) => { if (live) { setData(d); setError(null); } }, (e: unknown) => { if (live) setError(e); });
    return () => { live = false; };
  }, [agencyId, filter, page, reload]);

  const set = (patch: MatterFilter) => { setFilter((f) => ({ ...f, ...patch })); setPage(1); };
  const themeName = (key: string) => themes.find((t) => t.key === key)?.name ?? key;
  return (
    <div className="gk-page">
      <div className="gk-page-head">
        <Typography.Title level={1} className="gk-page-title">办事指南</Typography.Title>
        {agencyId !== undefined && (
          <Space wrap>
            {mayDraft && <Button type="primary" onClick={() => navigate({ name: 'matter-new', agencyId })}>新建事项</Button>}
            <a className="ant-btn" href={matterFiles(agencyId, 0).xlsx}>导出 Excel</a>
            {mayImport && <Button onClick={() => setShowImport((v) => !v)}>{showImport ? '收起导入' : '导入 Excel'}</Button>}
            <a href={routeHref({ name: 'service-halls' })}>政务服务大厅数据</a>
          </Space>
        )}
      </div>
      <Space wrap className="gk-filters">
        <Select aria-label="机关" placeholder="请选择机关" style={{ width: 280, maxWidth: '100%' }} value={agencyId} onChange={(v: number) => { setAgencyId(v); setPage(1); }}
          options={agenciesWhere('item.read', agencies, session).map((a) => ({ value: a.id, label: a.name }))} />
        <Input.Search aria-label="事项名称或编码" placeholder="事项名称或编码" allowClear style={{ width: 220 }} value={words}
          onChange={(e) => setWords(e.target.value)} onSearch={(v) => set({ q: v || undefined })} />
        <Select aria-label="主题分类" placeholder="主题分类" allowClear style={{ width: 220 }} value={filter.theme} onChange={(v?: string) => set({ theme: v })}
          options={[{ label: '自然人', options: themes.filter((t) => t.audience === 'person').map((t) => ({ value: t.key, label: t.name })) },
            { label: '法人', options: themes.filter((t) => t.audience === 'legal').map((t) => ({ value: t.key, label: t.name })) }]} />
        <Select aria-label="服务层级" placeholder="服务层级" allowClear style={{ width: 200 }} value={filter.level} onChange={(v?: string) => set({ level: v })}
          options={Object.entries(SERVICE_LEVELS).map(([value, label]) => ({ value, label }))} />
        <Select aria-label="实施主体" placeholder="实施主体" allowClear style={{ width: 180 }} value={filter.office} onChange={(v?: string) => set({ office: v })}
          options={offices.map((o) => ({ value: o, label: o }))} />
        <Select aria-label="办理方式" placeholder="办理方式" allowClear style={{ width: 150 }} value={filter.flag} onChange={(v?: string) => set({ flag: v })}
          options={MATTER_FLAG_KEYS.map((k) => ({ value: k, label: MATTER_FLAGS[k] }))} />
      </Space>
      {showImport && agencyId !== undefined && <ImportPanel agencyId={agencyId} onDone={() => setReload((n) => n + 1)} />}
      {error !== null && <div className="gk-gap"><ErrorAlert error={error} title="加载失败" onClose={() => setError(null)} /></div>}
      <div className="gk-scroll gk-gap" tabIndex={0} role="region" aria-label="事项清单">
        <Table size="small" rowKey="id" dataSource={data?.matters ?? []} style={{ minWidth: 900 }} caption={data ? `共 ${data.total} 项` : undefined}
          pagination={{ current: page, pageSize: PAGE, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: '事项编码', dataIndex: 'code', width: 170 },
            { title: '事项名称', dataIndex: 'name', render: (n: string, m) => <a href={routeHref({ name: 'matter', agencyId: m.agencyId, id: m.id })}>{n}</a> },
            { title: '实施主体', dataIndex: 'office', width: 130 },
            { title: '主题分类', dataIndex: 'themes', render: (t: string[]) => t.map(themeName).join('、') },
            { title: '办理方式', dataIndex: 'flags', render: (f: Record<string, boolean>) => MATTER_FLAG_KEYS.filter((k) => f[k]).map((k) => <Tag key={k}>{MATTER_FLAGS[k]}</Tag>) },
            {
              title: '状态', dataIndex: 'state', width: 130,
              render: (s: string, r: MatterListResponse['matters'][number]) => (
                <>{r.abolishing && s === 'published' ? <Tag color="red">已取消</Tag> : <ItemStateTag state={s as never} />}
                  {r.abolishing && s !== 'published' && <Tag color="orange">取消事项</Tag>}</>
              ),
            },
            { title: '发布版本', dataIndex: 'publishedVersion', width: 90, render: (v: number | null) => (v === null ? '未发布' : `第 ${v} 版`) },
          ]} />
      </div>
    </div>
  );
}
