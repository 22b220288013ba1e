import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ValidationError } from '../errors.js';
import { creditCodeCheckChar, creditCodeProblem, validateCreditCode } from './credit-code.js';

test('the check character of GB 32100-2015 (the standard\'s worked example and a published code)', () => {
  // GB 32100-2015 example: 91350100M000100Y4 → 3 (the example shows 91350100M000100Y4Z is wrong).
  assert.equal(creditCodeCheckChar('91350100M000100Y4'), '3');
  assert.equal(creditCodeProblem('91350100M000100Y43'), null);
  // Guangdong's 索引号 example 11441700007280420Y/2021-00050 starts with a real agency code.
  assert.equal(creditCodeProblem('11441700007280420Y'), null);
});

test('a wrong check character, length or character is refused in Chinese naming 统一社会信用代码', () => {
  assert.match(creditCodeProblem('91350100M000100Y4A')!, /统一社会信用代码校验位不正确：第 18 位应为“3”，实际为“A”/);
  assert.match(creditCodeProblem('91350100M000100Y4Z')!, /第 18 位“Z”不是允许的字符/);
  assert.match(creditCodeProblem('9135010')!, /应为 18 位/);
  assert.match(creditCodeProblem('91350100M00010OY43')!, /第 15 位“O”/);
  assert.throws(() => validateCreditCode('11441700007280420X'), (e: unknown) => e instanceof ValidationError && /统一社会信用代码/.test(e.message));
  assert.equal(validateCreditCode(' 11441700007280420y '), '11441700007280420Y');
});
