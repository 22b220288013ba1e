import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { digitsOf, isValueText, readValue } from './read-values.js';

describe('readValue', () => {
  it('reads blanks of every kind as blank, never 0', () => {
    for (const raw of ['', ' ', '\u2002', '\u3000', '\u00a0', '&nbsp;', ' &nbsp; ', '\t\n']) {
      assert.deepEqual(readValue(raw, 'count'), { value: null, status: 'blank' }, JSON.stringify(raw));
    }
  });

  it('keeps placeholders as written and reports them', () => {
    for (const raw of ['/', '／', '-', '－', '—', '–', '无']) {
      const read = readValue(` ${raw} `, 'count');
      assert.deepEqual(read.value, { written: raw });
      assert.equal(read.status, 'placeholder');
      assert.match(read.note!, /按原文保留/);
    }
  });

  it('reads counts with full-width digits and thousands separators', () => {
    assert.deepEqual(readValue('17302', 'count'), { value: 17302, status: 'read' });
    assert.deepEqual(readValue('１７３０２', 'count'), { value: 17302, status: 'read' });
    assert.deepEqual(readValue('17,302', 'count'), { value: 17302, status: 'read' });
    assert.deepEqual(readValue('17，302', 'count'), { value: 17302, status: 'read' });
    assert.deepEqual(readValue('\u20020', 'count'), { value: 0, status: 'read' });
  });

  it('reads signed changes and rejects negative counts', () => {
    assert.deepEqual(readValue('-2', 'signed'), { value: -2, status: 'read' });
    assert.deepEqual(readValue('－2', 'signed'), { value: -2, status: 'read' });
    assert.deepEqual(readValue('+5', 'signed'), { value: 5, status: 'read' });
    assert.equal(readValue('-2', 'count').status, 'unreadable');
  });

  it('reads amounts with their unit and decimals where the kind allows', () => {
    assert.deepEqual(readValue('165.51万元', 'amount'), { value: { amount: 165.51, unit: '万元' }, status: 'read' });
    assert.deepEqual(readValue('186,400元', 'amount'), { value: { amount: 186400, unit: '元' }, status: 'read' });
    assert.deepEqual(readValue('12', 'amount'), { value: { amount: 12, unit: null }, status: 'read' });
    assert.deepEqual(readValue('12.36', 'decimal'), { value: 12.36, status: 'read' });
    assert.equal(readValue('12.36万元', 'decimal').value, 12.36);
    assert.equal(readValue('12.36', 'count').status, 'unreadable');
    assert.equal(readValue('12元', 'count').status, 'unreadable');
  });

  it('keeps anything else as unreadable with its text', () => {
    const read = readValue('约20', 'count');
    assert.equal(read.status, 'unreadable');
    assert.equal(read.value, null);
    assert.match(read.note!, /“约20”/);
  });
});

describe('value text', () => {
  it('tells values from labels', () => {
    for (const t of ['0', '１２', '—', '', '\u2002', '165.51万元', '21710000218']) assert.ok(isValueText(t), t);
    for (const t of ['规章', '（七）总计', '1.属于国家秘密', '本年新收政府信息公开申请数量'.repeat(3)]) assert.ok(!isValueText(t), t);
  });

  it('gives the digits of a run-together cell', () => {
    assert.equal(digitsOf('21710000218'), '21710000218');
    assert.equal(digitsOf('２１７ 1'), '2171');
    assert.equal(digitsOf('12.5'), null);
  });
});
