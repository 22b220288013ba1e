/**
 * Choosing a category (栏目) from the agency's 主动公开基本目录 tree; archived categories are not offered for
 * new choices but an item already filed under one still shows its name.
 */
import { TreeSelect } from 'antd';
import type { CatalogueNode } from '../disclosure-types.js';

interface TreeOption { value: number; title: string; disabled?: boolean; children: TreeOption[] }

function optionsOf(nodes: readonly CatalogueNode[], keep: number | null): TreeOption[] {
  return nodes
    .filter((n) => !n.archived || n.id === keep || n.children.some((c) => c.id === keep))
    .map((n) => ({ value: n.id, title: n.name, disabled: n.archived, children: optionsOf(n.children, keep) }));
}

/** The name of a category by id, searched through the tree. */
export function categoryName(nodes: readonly CatalogueNode[], id: number | null): string | null {
  if (id === null) return null;
  for (const n of nodes) {
    if (n.id === id) return n.name;
    const found = categoryName(n.children, id);
    if (found) return found;
  }
  return null;
}

/** The category picker. */
export function CatalogueSelect({ tree, value, onChange, id, placeholder = '请选择目录类别', allowClear, style }: {
  tree: readonly CatalogueNode[];
  value: number | null | undefined;
  onChange: (id: number | null) => void;
  id?: string;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
}) {
  return (
    <TreeSelect<number> id={id} aria-label={placeholder} treeData={optionsOf(tree, value ?? null)} value={value ?? undefined}
      onChange={(v) => onChange(v ?? null)} placeholder={placeholder} allowClear={allowClear} treeDefaultExpandAll
      showSearch treeNodeFilterProp="title" style={style} />
  );
}
