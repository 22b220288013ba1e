import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FORMATS } from '../format/registry.js';
import { labelsMatch, matchBody, normalizeLabel, splitNumbering, TRADITIONAL_TO_SIMPLIFIED, withoutParentheses } from './normalize-label.js';

/** Every Han character of every label, caption, header and section heading of every format. */
function labelCharacters(): Set<string> {
  const chars = new Set<string>();
  const add = (text: string | undefined) => { for (const ch of text ?? '') if (/\p{Script=Han}/u.test(ch)) chars.add(ch); };
  for (const format of FORMATS) {
    for (const table of format.tables) {
      add(table.corner);
      add(table.columnCaption);
      for (const block of table.blocks) {
        add(block.caption);
        add(block.rowHeader);
        block.columns.forEach((c) => c.path.forEach(add));
        block.rows.forEach((r) => r.path.forEach(add));
      }
    }
    for (const section of format.sections) [section.heading, ...section.variants].forEach(add);
  }
  return chars;
}

/**
 * Label characters that are written the same in traditional and simplified script. A label
 * character not in this list must have its traditional form in TRADITIONAL_TO_SIMPLIFIED.
 */
const SAME_IN_BOTH_SCRIPTS = new Set(
  '第二十一信息容本年新作量公外章性文件五上目增理定行政可其他管服事六八收九金府集中列的勾稽加之和等三四申人情自然法或商企科研社益律度果予以部分只形不家秘密禁止危及安全保方合程案查提供掌握相有成需要另正仍明投重求出版物由大反具已取七下持尚未直接起概述主到存在改工措施告效位元逾期再按通知用',
);

describe('normalizeLabel', () => {
  it('removes whitespace of every width, including line breaks inside labels', () => {
    assert.equal(normalizeLabel('（三）不予\n公开'), '(三)不予公开');
    assert.equal(normalizeLabel(' 本年新\u3000制作 数量\u2002\u00a0'), '本年新制作数量');
    assert.equal(normalizeLabel('规\u200b章'), '规章');
  });

  it('makes full-width digits, letters, brackets and punctuation half-width', () => {
    assert.equal(normalizeLabel('第二十条第（一）项'), '第二十条第(一)项');
    assert.equal(normalizeLabel('本年增／减'), '本年增/减');
    assert.equal(normalizeLabel('本年收费金额（单位：万元）'), '本年收费金额(单位:万元)');
    assert.equal(normalizeLabel('ＬＥＤ１２'), 'LED12');
  });

  it('unifies the numbering styles of items and sections', () => {
    assert.equal(normalizeLabel('１．属于国家秘密'), '1.属于国家秘密');
    assert.equal(normalizeLabel('1、属于国家秘密'), '1.属于国家秘密');
    assert.equal(normalizeLabel('1.属于国家秘密'), '1.属于国家秘密');
    assert.equal(normalizeLabel('一.本年新收政府信息公开申请数量'), '一、本年新收政府信息公开申请数量');
    assert.equal(normalizeLabel('(一)予以公开'), normalizeLabel('（一）予以公开'));
    // A decimal is not numbering.
    assert.equal(normalizeLabel('12.36'), '12.36');
  });

  it('unifies quotes and makes traditional characters simplified', () => {
    assert.equal(normalizeLabel('3.危及「三安全一穩定」'), normalizeLabel('3.危及“三安全一稳定”'));
    assert.equal(normalizeLabel('第二十條第（一）項'), '第二十条第(一)项');
    assert.equal(normalizeLabel('四、政府信息公開行政復議、行政訴訟情況'), '四、政府信息公开行政复议、行政诉讼情况');
    assert.equal(normalizeLabel('2.沒有現成信息需要另行製作'), '2.没有现成信息需要另行制作');
  });

  it('covers every label character that has a traditional form (derived from the format definitions)', () => {
    const simplified = new Set(Object.values(TRADITIONAL_TO_SIMPLIFIED));
    const unclassified = [...labelCharacters()].filter((ch) => !simplified.has(ch) && !SAME_IN_BOTH_SCRIPTS.has(ch));
    assert.deepEqual(unclassified, [], `label characters neither mapped nor known to be the same in both scripts: ${unclassified.join('')}`);
    for (const [traditional, simple] of Object.entries(TRADITIONAL_TO_SIMPLIFIED)) {
      assert.equal(normalizeLabel(traditional), simple);
      assert.ok(!SAME_IN_BOTH_SCRIPTS.has(traditional) || traditional === simple, `${traditional} is listed as the same in both scripts`);
    }
    // Every label, written with the traditional forms, normalizes to the simplified label.
    const toTraditional = new Map<string, string>();
    for (const [t, s] of Object.entries(TRADITIONAL_TO_SIMPLIFIED)) if (!toTraditional.has(s) && t !== s) toTraditional.set(s, t);
    for (const format of FORMATS) {
      for (const section of format.sections) {
        const traditional = [...section.heading].map((ch) => toTraditional.get(ch) ?? ch).join('');
        assert.equal(normalizeLabel(traditional), normalizeLabel(section.heading));
      }
    }
  });
});

describe('label matching', () => {
  it('splits the numbering off a label', () => {
    assert.deepEqual(splitNumbering('(三)不予公开'), { ordinal: 3, body: '不予公开' });
    assert.deepEqual(splitNumbering('四、结转下年度继续办理'), { ordinal: 4, body: '结转下年度继续办理' });
    assert.deepEqual(splitNumbering('12.重复申请'), { ordinal: 12, body: '重复申请' });
    assert.deepEqual(splitNumbering('规章'), { ordinal: null, body: '规章' });
  });

  it('tolerates 规范性文件 for 行政规范性文件 and another numbering style, never another ordinal', () => {
    assert.equal(matchBody('行政规范性文件'), '规范性文件');
    assert.ok(labelsMatch('规范性文件', '行政规范性文件'));
    assert.ok(labelsMatch('(七)总计', '(七)总计'));
    assert.ok(labelsMatch('七、总计', '(七)总计'));
    assert.ok(labelsMatch('总计', '(七)总计'));
    assert.ok(!labelsMatch('(六)总计', '(七)总计'));
    assert.ok(!labelsMatch('2.重复申请', '1.重复申请'));
  });

  it('drops parenthesized parts for header stems', () => {
    assert.equal(withoutParentheses('本年收费金额(单位:万元)'), '本年收费金额');
  });
});
