import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeLabel } from './normalize-label.js';
import { dateAtEnd, readStructure, sectionHeadingKey } from './read-sections.js';
import type { SourceBlock } from './source-types.js';

const paras = (...texts: string[]): SourceBlock[] => texts.map((text, i) => ({ kind: 'paragraph', text, where: { line: i + 1 } }));

describe('sectionHeadingKey', () => {
  const key = (text: string, current: Parameters<typeof sectionHeadingKey>[1] = null) => sectionHeadingKey(normalizeLabel(text), current);

  it('accepts the canonical headings and the listed variants', () => {
    assert.equal(key('一、总体情况'), '一');
    assert.equal(key('一、概述'), '一');
    assert.equal(key('五、存在问题和改进措施', '四'), '五');
    assert.equal(key('五、政府信息公开工作存在的主要问题及改进情况', '四'), '五');
    assert.equal(key('四、政府信息公開行政復議、行政訴訟情況', '三'), '四');
    assert.equal(key('二.主动公开政府信息情况', '一'), '二');
  });

  it('accepts numbered headings worded differently, in order', () => {
    assert.equal(key('五、存在的不足及下一步工作打算', '四'), '五');
    assert.equal(key('三、政府信息公开申请办理情况', '二'), '三');
    assert.equal(key('六、其他事项', '五'), '六');
  });

  it('never takes table row labels, sentences or earlier numbers as headings', () => {
    assert.equal(key('四、结转下年度继续办理', '三'), null);
    assert.equal(key('二、上年结转政府信息公开申请数量', '三'), null);
    assert.equal(key('二、网上政务大厅公开。一是依托政府网站发布信息。', '一'), null);
    assert.equal(key('二、建设情况', '三'), null);
  });
});

describe('dateAtEnd', () => {
  it('reads Arabic, full-width and Chinese-numeral dates', () => {
    assert.deepEqual(dateAtEnd('2020年1月18日        '), { date: '2020-01-18', before: '' });
    assert.deepEqual(dateAtEnd('２０２２年１月２０日'), { date: '2022-01-20', before: '' });
    assert.deepEqual(dateAtEnd('二〇二〇年一月十八日'), { date: '2020-01-18', before: '' });
    assert.deepEqual(dateAtEnd('二○二一年十二月三十一日'), { date: '2021-12-31', before: '' });
    assert.deepEqual(dateAtEnd('威海市环翠区行政审批服务局 2020年1月18日'), { date: '2020-01-18', before: '威海市环翠区行政审批服务局' });
    assert.equal(dateAtEnd('2020年2月30日'), null);
    assert.equal(dateAtEnd('统计期限自2019年1月1日起至2019年12月31日止。'), null);
  });
});

describe('readStructure', () => {
  it('reads title, agency on its own line, preamble, sections, parts, signature and date', () => {
    const s = readStructure(paras(
      '某某县教育局', '2020年政府信息公开工作年度报告', '本报告依据条例编制。',
      '一、总体情况', '（一）主动公开情况', '2020年主动公开信息12条。', '（二）依申请公开情况', '收到申请3件。',
      '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况', '（一）存在的主要问题：解读不够。', '六、其他需要报告的事项', '无。',
      '某某县教育局', '二〇二一年一月十五日',
    ));
    assert.equal(s.title, '某某县教育局2020年政府信息公开工作年度报告');
    assert.equal(s.agency, '某某县教育局');
    assert.equal(s.year, 2020);
    assert.equal(s.issuedOn, '2021-01-15');
    assert.equal(s.signature, '某某县教育局');
    assert.deepEqual(s.preamble, ['本报告依据条例编制。']);
    assert.deepEqual(s.sections.map((x) => x.key), ['一', '二', '三', '四', '五', '六']);
    assert.deepEqual(s.sections[0]!.parts, [
      { heading: '（一）主动公开情况', paragraphs: ['2020年主动公开信息12条。'] },
      { heading: '（二）依申请公开情况', paragraphs: ['收到申请3件。'] },
    ]);
    // A numbered paragraph with a colon is prose, not a part heading.
    assert.deepEqual(s.sections[4]!.paragraphs, ['（一）存在的主要问题：解读不够。']);
    assert.deepEqual(s.sections[5]!.paragraphs, ['无。']);
    assert.equal(s.found.get('三')!.line, 10);
  });

  it('reads a title with the year first and keeps traditional characters as written', () => {
    const s = readStructure(paras('2019年某某市某某區財政局政府信息公開工作年度報告', '一、總體情況'));
    assert.equal(s.year, 2019);
    assert.equal(s.agency, '某某市某某區財政局');
    assert.equal(s.title, '2019年某某市某某區財政局政府信息公開工作年度報告');
  });

  it('keeps table captions and header lines out of the prose', () => {
    const s = readStructure(paras('二、主动公开政府信息情况', '第二十条第（一）项', '信息内容 本年制发件数 本年废止件数 现行有效件数', '三、本年度办理结果', '说明文字。'));
    assert.deepEqual(s.sections[0]!.paragraphs, ['说明文字。']);
    assert.deepEqual([...s.tableText], [1, 2, 3]);
  });
});
