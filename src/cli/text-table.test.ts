import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { displayWidth, formatTable, pad } from './text-table.js';

describe('text-table', () => {
  it('counts full-width characters as two columns', () => {
    assert.equal(displayWidth('abc'), 3);
    assert.equal(displayWidth('机关'), 4);
    assert.equal(displayWidth('（一）'), 6);
    assert.equal(displayWidth('2019年'), 6);
    assert.equal(displayWidth('\u3000'), 2);
    assert.equal(pad('草稿', 6), '草稿  ');
    assert.equal(pad('12', 4, 'right'), '  12');
  });

  it('aligns columns of mixed Chinese and ASCII text', () => {
    const text = formatTable([{ header: '编号', align: 'right' }, { header: '机关' }, { header: '年度' }], [
      ['1', '威海市环翠区行政审批服务局', '2019'],
      ['12', '某局', '2021'],
    ]);
    assert.equal(text, [
      '编号  机关                        年度',
      '----  --------------------------  ----',
      '   1  威海市环翠区行政审批服务局  2019',
      '  12  某局                        2021',
    ].join('\n'));
  });
});
