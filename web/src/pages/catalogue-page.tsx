/**
 * 主动公开基本目录: the agency's catalogue tree as it stands (the editing routes arrive with the catalogue branch).
 */
import { useEffect, useState } from 'react';
import { Empty, Tree, Typography } from 'antd';
import { disclosureApi } from '../disclosure-api.js';
import { ART20_ITEMS } from '../disclosure-labels.js';
import type { CatalogueNode } from '../disclosure-types.js';
import { useSession } from '../session.js';
import { ErrorAlert } from '../components/problem-list.js';

interface TreeData { key: number; title: string; children: TreeData[] }

function treeData(nodes: readonly CatalogueNode[]): TreeData[] {
  return nodes.map((n) => ({
    key: n.id,
    title: `${n.name}${n.art20Item ? `（${ART20_ITEMS[n.art20Item]?.slice(0, 4) ?? ''}）` : ''}${n.archived ? '（已归档）' : ''}`,
    children: treeData(n.children),
  }));
}

/** The catalogue screen. */
export function CataloguePage() {
  const session = useSession();
  const [tree, setTree] = useState<CatalogueNode[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (session) void disclosureApi.catalogue(session.user.agencyId).then((t) => setTree(t.nodes)).catch(setError);
  }, [session]);
  return (
    <div className="gk-page">
      <div className="gk-page-head"><Typography.Title level={1} className="gk-page-title">主动公开基本目录</Typography.Title></div>
      {error !== null && <ErrorAlert error={error} title="目录加载失败" />}
      <div className="gk-panel">
        {tree && tree.length === 0 ? <Empty description="尚未建立目录。" /> : tree && <Tree treeData={treeData(tree)} defaultExpandAll />}
      </div>
    </div>
  );
}
