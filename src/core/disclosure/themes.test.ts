import assert from 'node:assert/strict';
import { it } from 'node:test';
import { isTheme, normaliseTheme, THEMES, THEME_VALUES } from './themes.js';

it('has the 22 top classes of gov.cn, unique, with unique second levels', () => {
  assert.equal(THEMES.length, 22);
  assert.equal(new Set(THEMES.map((t) => t.name)).size, 22);
  assert.equal(new Set(THEME_VALUES).size, THEME_VALUES.length);
  for (const t of THEMES) assert.equal(new Set(t.children).size, t.children.length, t.name);
});

it('accepts the path as gov.cn prints it and as people type it', () => {
  assert.ok(isTheme('综合政务\\政务公开'));
  assert.ok(isTheme('综合政务／政务公开'));
  assert.ok(isTheme('财政、金融、审计'));
  assert.equal(normaliseTheme(' 综合政务 ＼ 政务公开 '), '综合政务\\政务公开');
  assert.ok(!isTheme('综合政务\\不存在'));
  assert.ok(!isTheme('政务公开'));
});
