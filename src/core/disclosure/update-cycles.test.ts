import assert from 'node:assert/strict';
import { test } from 'node:test';
import { columnState, inspectionFailures, updateCycleOf } from './update-cycles.js';

test('default cycles by name follow 国办秘函〔2019〕19号; a category may set its own', () => {
  assert.equal(updateCycleOf('工作动态').days, 14);
  assert.equal(updateCycleOf('要闻').days, 14);
  assert.equal(updateCycleOf('通知公告').days, 183);
  assert.equal(updateCycleOf('其他政策文件').days, 183);
  assert.equal(updateCycleOf('政府信息公开工作年度报告').days, 366);
  assert.equal(updateCycleOf('机构职能').days, null);
  assert.equal(updateCycleOf('政务服务大厅建设').days, 183);
  assert.match(updateCycleOf('工作动态').basis, /国办秘函〔2019〕19号/);
  assert.deepEqual(updateCycleOf('工作动态', 30), { days: 30, basis: '本类目设定：30 天内应有更新' });
  // Not a positive whole number: the default stays.
  for (const own of [0, -3, 1.5, '30', null]) assert.equal(updateCycleOf('工作动态', own).days, 14);
});

test('a column is empty, in order, due soon (20 % of the cycle or given days) or stale', () => {
  const news = updateCycleOf('工作动态');
  assert.equal(columnState(null, news, '2026-03-01').state, 'empty');
  assert.deepEqual(columnState('2026-03-01', news, '2026-03-05'), { state: 'ok', dueOn: '2026-03-15', daysLeft: 10 });
  // 20 % of 14 days is 3 (rounded up): due on 03-15, yellow from 03-12.
  assert.equal(columnState('2026-03-01', news, '2026-03-11').state, 'ok');
  assert.equal(columnState('2026-03-01', news, '2026-03-12').state, 'due-soon');
  assert.equal(columnState('2026-03-01', news, '2026-03-15').state, 'due-soon');
  assert.deepEqual(columnState('2026-03-01', news, '2026-03-16'), { state: 'stale', dueOn: '2026-03-15', daysLeft: -1 });
  assert.equal(columnState('2026-03-01', news, '2026-03-06', 10).state, 'due-soon');
  // No cycle: only emptiness counts.
  assert.equal(columnState('2010-01-01', updateCycleOf('机构职能'), '2026-03-01').state, 'ok');
});

test('the site fails with ≥5 empty or ≥5 stale columns or a home page two weeks old', () => {
  assert.deepEqual(inspectionFailures({ empty: 4, stale: 4 }, '2026-03-01', '2026-03-15'), []);
  const failures = inspectionFailures({ empty: 5, stale: 5 }, '2026-03-01', '2026-03-16');
  assert.equal(failures.length, 3);
  assert.match(failures[0]!, /空白栏目 5 个/);
  assert.match(failures[1]!, /超期未更新栏目 5 个/);
  assert.match(failures[2]!, /首页已 15 天未更新/);
  assert.deepEqual(inspectionFailures({ empty: 0, stale: 0 }, null, '2026-03-16'), ['门户从未发布信息']);
});
