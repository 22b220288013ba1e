import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ValidationError } from '../errors.js';
import { parseSecrecyForm } from './secrecy-form.js';

const good = { stateSecret: false, workSecret: false, personalInfo: true, tradeSecret: false, channelsFit: { portal: true, wechat: false }, conclusion: ' 同意公开 ' };

test('a complete form is read with the conclusion trimmed', () => {
  assert.deepEqual(parseSecrecyForm(good), { ...good, conclusion: '同意公开' });
});

test('each bad answer names its field in Chinese', () => {
  const cases: Array<[unknown, string, RegExp]> = [
    [null, 'form', /应为对象/],
    [{ ...good, workSecret: 'no' }, 'form.workSecret', /是否涉及工作秘密/],
    [{ ...good, channelsFit: {} }, 'form.channelsFit', /拟发布渠道/],
    [{ ...good, channelsFit: { tv: true } }, 'form.channelsFit.tv', /不存在/],
    [{ ...good, channelsFit: { led: 1 } }, 'form.channelsFit.led', /LED显示屏/],
    [{ ...good, conclusion: '  ' }, 'form.conclusion', /审查结论/],
    [{ ...good, conclusion: '字'.repeat(501) }, 'form.conclusion', /500/],
  ];
  for (const [value, field, message] of cases) {
    assert.throws(() => parseSecrecyForm(value), (e: unknown) => e instanceof ValidationError && e.details.place?.field === field && message.test(e.message));
  }
});
