import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseChineseNumeral, parseFigure } from './chinese-numerals.js';

describe('Chinese numerals', () => {
  it('reads the numerals reports write', () => {
    const cases: Array<[string, number]> = [
      ['零', 0], ['〇', 0], ['一', 1], ['两', 2], ['九', 9], ['十', 10], ['十二', 12], ['二十', 20], ['二十三', 23],
      ['一百', 100], ['一百零五', 105], ['一百一十', 110], ['三百四十五', 345], ['一千零一十', 1010], ['两千三百', 2300],
      ['一千零五', 1005], ['一万', 10000], ['一万二千', 12000], ['十万', 100000], ['三万零二十', 30020],
      ['一亿二千万', 120000000], ['二〇二一', 2021],
    ];
    for (const [text, value] of cases) assert.equal(parseChineseNumeral(text), value, text);
  });

  it('refuses malformed numerals instead of guessing', () => {
    for (const text of ['', '三四十', '一十百', '百', '千五', '十x', '万', '一万万']) {
      assert.equal(parseChineseNumeral(text), null, text);
    }
  });

  it('reads Arabic, full-width and Chinese figures alike', () => {
    assert.equal(parseFigure('32'), 32);
    assert.equal(parseFigure('１２'), 12);
    assert.equal(parseFigure('０'), 0);
    assert.equal(parseFigure('十二'), 12);
    assert.equal(parseFigure('abc'), null);
  });
});
