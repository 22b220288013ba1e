/**
 * The 主动公开基本目录 as a tree: building it from stored rows, the cycle check of a move, and the snapshot a
 * version stores. Pure.
 */
import { ART20_ITEMS } from './item-labels.js';

/** A node as the flat list holds it. */
export interface CatalogueNodeFlat {
  id: number;
  parentId: number | null;
  name: string;
  art20Item: string | null;
  position: number;
  details: Record<string, unknown> | null;
  archived: boolean;
}

/** A node of the tree with its children, in order. */
export interface CatalogueTreeNode extends CatalogueNodeFlat {
  /** The Art. 20 item's Chinese name, or null. */
  art20Name: string | null;
  children: CatalogueTreeNode[];
}

/** A node of a version's snapshot (what the public catalogue shows). */
export interface CatalogueSnapshotNode {
  id: number;
  name: string;
  art20Item: string | null;
  details: Record<string, unknown> | null;
  children: CatalogueSnapshotNode[];
}

/** The tree of flat nodes: roots first, siblings by position then id; a node whose parent is absent is a root. */
export function buildTree(flat: readonly CatalogueNodeFlat[]): CatalogueTreeNode[] {
  const byId = new Map<number, CatalogueTreeNode>();
  for (const n of flat) byId.set(n.id, { ...n, art20Name: n.art20Item ? ART20_ITEMS[n.art20Item] ?? null : null, children: [] });
  const roots: CatalogueTreeNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    (parent ? parent.children : roots).push(node);
  }
  const order = (list: CatalogueTreeNode[]) => {
    list.sort((a, b) => a.position - b.position || a.id - b.id);
    for (const n of list) order(n.children);
  };
  order(roots);
  return roots;
}

/** The snapshot of a tree (ids, names, ties, details, children). */
export function snapshotOf(tree: readonly CatalogueTreeNode[]): CatalogueSnapshotNode[] {
  return tree.map((n) => ({ id: n.id, name: n.name, art20Item: n.art20Item, details: n.details, children: snapshotOf(n.children) }));
}

/**
 * Whether putting `nodeId` under `newParentId` would make a cycle: the new parent is the node itself or one of
 * its descendants (found by walking up from the new parent).
 */
export function wouldCycle(parentOf: ReadonlyMap<number, number | null>, nodeId: number, newParentId: number | null): boolean {
  const seen = new Set<number>();
  for (let current = newParentId; current !== null && current !== undefined; current = parentOf.get(current) ?? null) {
    if (current === nodeId) return true;
    if (seen.has(current)) return true; // a stored cycle: refuse rather than loop
    seen.add(current);
  }
  return false;
}

/** Counts the nodes of a tree. */
export function countNodes(tree: readonly { children: readonly unknown[] }[]): number {
  return tree.reduce((sum, n) => sum + 1 + countNodes(n.children as { children: readonly unknown[] }[]), 0);
}
