/**
 * 主动公开基本目录 and 政府信息公开指南 of an agency, with its disclosure settings:
 * - the catalogue tree as the office edits it: add a category (top level or under the chosen one), rename, tie
 *   to an Art. 20 item, move up/down or under another category, archive (never delete), apply a template; then
 *   submit the tree as a version through the review chain, and publish it;
 * - the guide (guide-editor.tsx);
 * - the agency's 统一社会信用代码 and 索引号 template (disclosure-settings-form.tsx).
 * Names of Art. 20 items are the core's; every refusal is the server's Chinese message.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Empty, Input, Select, Space, Switch, Tabs, Tree, TreeSelect, Typography } from 'antd';
import type { Agency } from '../api-types.js';
import { api } from '../api.js';
import { disclosureApi } from '../disclosure-api.js';
import { ART20_ITEMS } from '../disclosure-labels.js';
import type { CatalogueNode, CatalogueTemplateInfo, CatalogueVersion, CatalogueVersionSummary } from '../disclosure-types.js';
import { agenciesWhere, useCan, useSession } from '../session.js';
import { ErrorAlert } from '../components/problem-list.js';
import { VersionReview } from '../components/version-review.js';
import { GuideEditor } from '../components/guide-editor.js';
import { DisclosureSettingsForm } from '../components/disclosure-settings-form.js';

/** The number of an Art. 20 item as the law prints it: （十五）. */
export function art20Number(key: string): string {
  return /^（[^）]+）/.exec(ART20_ITEMS[key] ?? '')?.[0] ?? key;
}

interface TreeData { key: number; title: string; children: TreeData[] }

function treeData(nodes: readonly CatalogueNode[]): TreeData[] {
  return nodes.map((n) => ({
    key: n.id,
    title: `${n.name}${n.art20Item ? `（第二十条${art20Number(n.art20Item)}）` : ''}${n.archived ? '（已归档）' : ''}`,
    children: treeData(n.children),
  }));
}

/** A node and where it sits: its parent's id and its siblings. */
export function locate(nodes: readonly CatalogueNode[], id: number, parentId: number | null = null):
  { node: CatalogueNode; parentId: number | null; siblings: readonly CatalogueNode[] } | null {
  for (const n of nodes) {
    if (n.id === id) return { node: n, parentId, siblings: nodes };
    const found = locate(n.children, id, n.id);
    if (found) return found;
  }
  return null;
}

/** Ids of a node and everything under it (a node cannot move under itself). */
function subtreeIds(node: CatalogueNode): Set<number> {
  const ids = new Set([node.id]);
  for (const c of node.children) for (const id of subtreeIds(c)) ids.add(id);
  return ids;
}

interface ParentOption { value: number; title: string; disabled?: boolean; children: ParentOption[] }
function parentOptions(nodes: readonly CatalogueNode[], exclude: Set<number>): ParentOption[] {
  return nodes.filter((n) => !n.archived).map((n) => ({
    value: n.id, title: n.name, disabled: exclude.has(n.id), children: parentOptions(n.children, exclude),
  }));
}

const ART20_OPTIONS = Object.entries(ART20_ITEMS).map(([value, label]) => ({ value, label }));

/** The catalogue editor. */
function CatalogueEditor({ agencyId }: { agencyId: number }) {
  const { message, modal } = App.useApp();
  const mayEdit = useCan('catalogue.edit');
  const [tree, setTree] = useState<CatalogueNode[]>([]);
  const [showArchived, setShowArchived] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const [name, setName] = useState('');
  const [newName, setNewName] = useState('');
  const [moveTo, setMoveTo] = useState<number | null | undefined>(undefined);
  const [templates, setTemplates] = useState<CatalogueTemplateInfo[]>([]);
  const [template, setTemplate] = useState<string | undefined>(undefined);
  const [versions, setVersions] = useState<CatalogueVersionSummary[]>([]);
  const [current, setCurrent] = useState<CatalogueVersion | null>(null);
  const [error, setError] = useState<{ title: string; error: unknown } | null>(null);

  const load = useCallback(async () => {
    try {
      const [t, v] = await Promise.all([disclosureApi.catalogue(agencyId, showArchived), disclosureApi.catalogueVersions(agencyId)]);
      setTree(t.nodes);
      setVersions(v);
      const latest = v[v.length - 1] ?? null;
      setCurrent(latest ? await disclosureApi.catalogueVersion(agencyId, latest.version) : null);
    } catch (e) {
      setError({ title: '目录加载失败', error: e });
    }
  }, [agencyId, showArchived]);
  useEffect(() => { void load(); }, [load]);
  useEffect(() => { void disclosureApi.catalogueTemplates().then(setTemplates, () => setTemplates([])); }, []);

  const at = useMemo(() => (selected === null ? null : locate(tree, selected)), [tree, selected]);
  useEffect(() => { setName(at?.node.name ?? ''); setMoveTo(undefined); }, [at?.node.id, at?.node.name]);

  const act = async (title: string, call: () => Promise<unknown>, done: string) => {
    try {
      await call();
      setError(null);
      message.success(done);
      await load();
    } catch (e) {
      setError({ title, error: e });
    }
  };

  const move = (delta: number) => {
    if (!at) return;
    const index = at.siblings.findIndex((s) => s.id === at.node.id);
    const position = index + delta;
    if (position < 0 || position >= at.siblings.length) return;
    void act('未能调整顺序', () => disclosureApi.moveNode(agencyId, at.node.id, { parentId: at.parentId, position }), '已调整顺序');
  };

  return (
    <>
      {error !== null && <div className="gk-gap gk-form-error"><ErrorAlert error={error.error} title={error.title} onClose={() => setError(null)} /></div>}
      <div className="gk-columns gk-gap">
        <section className="gk-panel gk-grow" aria-labelledby="gk-tree-title">
          <div className="gk-panel-head">
            <Typography.Title level={2} className="gk-h2" id="gk-tree-title">目录类目</Typography.Title>
            <label className="gk-switch">
              <Switch checked={showArchived} onChange={setShowArchived} aria-label="显示已归档类目" />
              <span aria-hidden="true">显示已归档类目</span>
            </label>
          </div>
          {tree.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未建立目录，可套用模板或逐项添加。" /> : (
            <Tree<TreeData> treeData={treeData(tree)} defaultExpandAll blockNode selectedKeys={selected === null ? [] : [selected]}
              onSelect={(keys) => setSelected(keys.length ? Number(keys[0]) : null)} aria-label="目录类目树" />
          )}
        </section>
        {mayEdit && (
          <section className="gk-panel gk-side" aria-labelledby="gk-node-title">
            <Typography.Title level={2} className="gk-h2" id="gk-node-title">{at ? `类目：${at.node.name}` : '添加一级类目'}</Typography.Title>
            {at && !at.node.archived && (
              <>
                <label className="gk-field-label" htmlFor="gk-node-name">名称</label>
                <Space.Compact style={{ width: '100%' }}>
                  <Input id="gk-node-name" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
                  <Button disabled={name.trim() === '' || name === at.node.name}
                    onClick={() => void act('未能改名', () => disclosureApi.updateNode(agencyId, at.node.id, { name: name.trim() }), '已改名')}>改名</Button>
                </Space.Compact>
                <label className="gk-field-label gk-gap" htmlFor="gk-node-art20">对应条例第二十条事项</label>
                <Select id="gk-node-art20" style={{ width: '100%' }} allowClear placeholder="不对应" value={at.node.art20Item ?? undefined}
                  options={ART20_OPTIONS} popupMatchSelectWidth={false}
                  onChange={(v?: string) => void act('未能修改', () => disclosureApi.updateNode(agencyId, at.node.id, { art20Item: v ?? null }), '已修改对应事项')} />
                <Space wrap className="gk-gap">
                  <Button onClick={() => move(-1)} disabled={at.siblings[0]?.id === at.node.id}>上移</Button>
                  <Button onClick={() => move(1)} disabled={at.siblings[at.siblings.length - 1]?.id === at.node.id}>下移</Button>
                </Space>
                <label className="gk-field-label gk-gap" htmlFor="gk-node-move">移到其他类目之下</label>
                <Space.Compact style={{ width: '100%' }}>
                  <TreeSelect<number> id="gk-node-move" style={{ width: '100%' }} placeholder="选择新的上级类目" allowClear treeDefaultExpandAll
                    treeData={parentOptions(tree, subtreeIds(at.node))} value={moveTo ?? undefined} onChange={(v) => setMoveTo(v ?? undefined)} />
                  <Button disabled={moveTo === undefined} onClick={() => void act('未能移动', () => disclosureApi.moveNode(agencyId, at.node.id, { parentId: moveTo ?? null }), '已移动')}>移动</Button>
                </Space.Compact>
                <Button className="gk-gap" onClick={() => void act('未能移动', () => disclosureApi.moveNode(agencyId, at.node.id, { parentId: null }), '已移为一级类目')}
                  disabled={at.parentId === null}>移为一级类目</Button>
                <Button className="gk-gap" danger onClick={() => modal.confirm({
                  title: `归档类目“${at.node.name}”？`, content: '归档后不再用于新信息，已有记录保留。类目下还有未归档的下级类目或信息时不能归档。',
                  okText: '归档', cancelText: '取消', okButtonProps: { danger: true },
                  onOk: () => act('未能归档', () => disclosureApi.archiveNode(agencyId, at.node.id), '已归档'),
                })}>归档</Button>
              </>
            )}
            <label className="gk-field-label gk-gap" htmlFor="gk-node-new">{at && !at.node.archived ? `在“${at.node.name}”下添加类目` : '新类目名称'}</label>
            <Space.Compact style={{ width: '100%' }}>
              <Input id="gk-node-new" maxLength={200} value={newName} onChange={(e) => setNewName(e.target.value)} />
              <Button type="primary" disabled={newName.trim() === ''} onClick={() => void act('未能添加类目',
                () => disclosureApi.addNode(agencyId, { parentId: at && !at.node.archived ? at.node.id : null, name: newName.trim() }).then(() => setNewName('')), '已添加类目')}>添加</Button>
            </Space.Compact>
            {at && <Button type="link" className="gk-gap" onClick={() => setSelected(null)}>改为添加一级类目</Button>}
            <div className="gk-gap gk-template">
              <label className="gk-field-label" htmlFor="gk-template">套用模板</label>
              <Space.Compact style={{ width: '100%' }}>
                <Select id="gk-template" style={{ width: '100%' }} placeholder="选择模板" value={template} onChange={setTemplate}
                  options={templates.map((t) => ({ value: t.key, label: `${t.name}（${t.nodeCount} 个类目）` }))} />
                <Button disabled={!template} onClick={() => void act('未能套用模板', async () => {
                  const r = await disclosureApi.applyTemplate(agencyId, template!);
                  message.info(`新增 ${r.added} 个类目，保留同名类目 ${r.kept} 个`);
                }, '已套用模板')}>套用</Button>
              </Space.Compact>
              <p className="gk-note gk-gap">目录为空时整体套用；已有目录时按名称合并，同名类目保留。</p>
            </div>
            <Button className="gk-gap" type="primary" block onClick={() => void act('未能提交审核', () => disclosureApi.submitCatalogue(agencyId), '目录已提交审核')}>
              提交目录审核
            </Button>
          </section>
        )}
      </div>
      {current && (
        <VersionReview what="目录" version={current}
          onReview={async (body) => { await disclosureApi.reviewCatalogue(agencyId, current.version, body); await load(); }}
          onPublish={async (channels) => { await disclosureApi.publishCatalogue(agencyId, current.version, channels); await load(); }} />
      )}
      {versions.length > 1 && (
        <p className="gk-note gk-gap">共 {versions.length} 个版本：{versions.map((v) => `第 ${v.version} 版 ${v.stateName}`).join('；')}</p>
      )}
    </>
  );
}

/** The catalogue and guide screen. */
export function CataloguePage() {
  const session = useSession();
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [agencyId, setAgencyId] = useState<number | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    void api.agencies().then((all) => {
      const mine = agenciesWhere('item.read', all);
      setAgencies(mine);
      setAgencyId(mine.find((a) => a.id === session?.user.agencyId)?.id ?? mine[0]?.id);
    }, setError);
  }, [session?.user.agencyId]);
  return (
    <div className="gk-page">
      <div className="gk-page-head">
        <Typography.Title level={1} className="gk-page-title">公开目录与指南</Typography.Title>
        {agencies.length > 1 && (
          <Select aria-label="机关" style={{ width: 280 }} value={agencyId} onChange={setAgencyId}
            options={agencies.map((a) => ({ value: a.id, label: a.name }))} />
        )}
      </div>
      {error !== null && <ErrorAlert error={error} title="机关加载失败" />}
      {agencyId === undefined ? (agencies.length === 0 && <Alert type="info" showIcon title="您没有查看主动公开目录的机关权限。" />) : (
        <Tabs items={[
          { key: 'catalogue', label: '公开目录', children: <CatalogueEditor key={agencyId} agencyId={agencyId} /> },
          { key: 'guide', label: '公开指南', children: <GuideEditor key={agencyId} agencyId={agencyId} /> },
          { key: 'settings', label: '索引号', children: <DisclosureSettingsForm key={agencyId} agencyId={agencyId} /> },
        ]} />
      )}
    </div>
  );
}
