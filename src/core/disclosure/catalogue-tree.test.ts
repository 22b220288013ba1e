import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTree, countNodes, snapshotOf, wouldCycle, type CatalogueNodeFlat } from './catalogue-tree.js';

const flat = (id: number, parentId: number | null, position: number, art20Item: string | null = null): CatalogueNodeFlat =>
  ({ id, parentId, name: `n${id}`, art20Item, position, details: null, archived: false });

test('buildTree orders siblings by position, names the Art. 20 item; snapshotOf keeps ids, names, ties', () => {
  const tree = buildTree([flat(3, 1, 1), flat(1, null, 1), flat(2, null, 0, '4'), flat(4, 1, 0)]);
  assert.deepEqual(tree.map((n) => n.id), [2, 1]);
  assert.deepEqual(tree[1]!.children.map((n) => n.id), [4, 3]);
  assert.equal(tree[0]!.art20Name, '（四）国民经济和社会发展统计信息');
  assert.equal(countNodes(tree), 4);
  assert.deepEqual(snapshotOf(tree)[0], { id: 2, name: 'n2', art20Item: '4', details: null, children: [] });
});

test('wouldCycle: under itself or a descendant is a cycle; elsewhere is not', () => {
  const parentOf = new Map<number, number | null>([[1, null], [2, 1], [3, 2], [4, null]]);
  assert.equal(wouldCycle(parentOf, 1, 1), true);
  assert.equal(wouldCycle(parentOf, 1, 3), true);
  assert.equal(wouldCycle(parentOf, 3, 1), false);
  assert.equal(wouldCycle(parentOf, 1, 4), false);
  assert.equal(wouldCycle(parentOf, 1, null), false);
});
