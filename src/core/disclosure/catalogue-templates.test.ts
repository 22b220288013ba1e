import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BASIC_CHANNELS, CATALOGUE_TEMPLATES, DEFAULT_TIME_LIMIT, walkTemplate } from './catalogue-templates.js';
import { ART20_ITEMS } from './item-labels.js';

test('the seed template: the six categories of the seed bureau, each with second-level categories', () => {
  const roots = CATALOGUE_TEMPLATES.seed.roots;
  assert.deepEqual(roots.map((r) => r.name), ['机构职能', '工作资讯', '政策法规', '业务工作', '统计数据', '信息公开年报']);
  const tie = Object.fromEntries(roots.map((r) => [r.name, r.art20Item]));
  assert.deepEqual([tie['政策法规'], tie['机构职能'], tie['业务工作'], tie['统计数据']], ['1', '2', '5', '4']);
  for (const root of roots) assert.ok((root.children ?? []).length >= 1, root.name);
});

test('the basic-26 template: 26 areas, each with 一级事项 carrying every element field', () => {
  const roots = CATALOGUE_TEMPLATES['basic-26'].roots;
  assert.equal(roots.length, 26);
  assert.equal(new Set(roots.map((r) => r.name)).size, 26);
  for (const area of roots) {
    assert.ok((area.children ?? []).length >= 3, area.name);
    for (const entry of area.children!) {
      const d = entry.details!;
      assert.ok(d.content && d.basis && d.subject, `${area.name}/${entry.name}`);
      assert.equal(d.timeLimit, DEFAULT_TIME_LIMIT);
      assert.ok(d.channels.length >= 1 && d.channels.every((c) => (BASIC_CHANNELS as readonly string[]).includes(c)));
      assert.ok(['全社会', '特定群体'].includes(d.audience) && d.mode === '主动' && d.levels.length >= 1);
    }
  }
});

test('every Art. 20 tie of every template is an item （一）…（十五）; names are unique among siblings', () => {
  for (const template of Object.values(CATALOGUE_TEMPLATES)) {
    for (const node of walkTemplate(template.roots)) {
      if (node.art20Item !== undefined) assert.ok(Object.hasOwn(ART20_ITEMS, node.art20Item), node.name);
      const names = (node.children ?? []).map((c) => c.name);
      assert.equal(new Set(names).size, names.length, node.name);
    }
  }
});
