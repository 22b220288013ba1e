import assert from 'node:assert/strict';
import { test } from 'node:test';
import { creditCodeCheckChar, creditCodeProblem } from './credit-code.js';

test('统一社会信用代码: length, characters and the GB 32100 check character', () => {
  // Published codes: 国家税务总局 and a Guangdong agency's 索引号 prefix (portal-and-security.md A3).
  assert.equal(creditCodeProblem('11100000000013127D'), null);
  assert.equal(creditCodeProblem('11441700007280420Y'), null);
  assert.equal(creditCodeCheckChar('91350100M000100Y4'), '3');
  assert.match(creditCodeProblem('11441700007280420X')!, /校验位应为 Y/);
  assert.match(creditCodeProblem('1144170000728042')!, /应为 18 位/);
  assert.match(creditCodeProblem('11441700007280420I')!, /不允许的字符/);
});
