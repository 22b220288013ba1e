import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupRowSpan, mergeColumnPaths, mergeRowLabels } from './merge-labels.js';

test('column paths: shared labels span their columns, a short path spans down to the last header row', () => {
  const paths = [['申请人情况', '自然人'], ['申请人情况', '法人或其他组织', '商业企业'], ['申请人情况', '法人或其他组织', '科研机构'], ['申请人情况', '总计']];
  assert.deepEqual(mergeColumnPaths(paths, [1, 1, 2, 1]), [
    [{ text: '申请人情况', rowSpan: 1, colSpan: 5 }],
    [{ text: '自然人', rowSpan: 2, colSpan: 1 }, { text: '法人或其他组织', rowSpan: 1, colSpan: 3 }, { text: '总计', rowSpan: 2, colSpan: 1 }],
    [{ text: '商业企业', rowSpan: 1, colSpan: 1 }, { text: '科研机构', rowSpan: 1, colSpan: 2 }],
  ]);
  assert.deepEqual(mergeColumnPaths([], []), [[]]);
});

test('row labels: a group label is printed once down its rows, the innermost spans the label columns left', () => {
  const paths = [['一、新收申请'], ['三、办理结果', '（一）予以公开'], ['三、办理结果', '（三）不予公开', '1.国家秘密'], ['三、办理结果', '（三）不予公开', '2.其他'], ['四、结转']];
  assert.equal(groupRowSpan(paths, 1, 0), 3);
  assert.equal(groupRowSpan(paths, 2, 0), 0);
  assert.equal(groupRowSpan(paths, 2, 1), 2);
  assert.deepEqual(mergeRowLabels(paths, 0, 3), [{ text: '一、新收申请', rowSpan: 1, colSpan: 3, innermost: true }]);
  assert.deepEqual(mergeRowLabels(paths, 1, 3), [
    { text: '三、办理结果', rowSpan: 3, colSpan: 1, innermost: false },
    { text: '（一）予以公开', rowSpan: 1, colSpan: 2, innermost: true },
  ]);
  assert.deepEqual(mergeRowLabels(paths, 2, 3), [
    { text: '（三）不予公开', rowSpan: 2, colSpan: 1, innermost: false },
    { text: '1.国家秘密', rowSpan: 1, colSpan: 1, innermost: true },
  ]);
  assert.deepEqual(mergeRowLabels(paths, 3, 3), [{ text: '2.其他', rowSpan: 1, colSpan: 1, innermost: true }]);
  // Labels beyond the label columns are joined into the last one; no label columns, no labels.
  assert.deepEqual(mergeRowLabels([paths[2]!], 0, 2).map((l) => l.text), ['三、办理结果', '（三）不予公开1.国家秘密']);
  assert.deepEqual(mergeRowLabels(paths, 0, 0), []);
});
