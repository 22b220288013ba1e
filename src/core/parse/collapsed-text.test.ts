import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { segmentCollapsed, splitProse } from './collapsed-text.js';
import { compactText, findOneTypo, ordinalBefore, originalSlice } from './compact-text.js';
import { readValueTokens } from './collapsed-tables.js';
import { publicationTime, takeCrawlHeader } from './crawl-header.js';
import { lookAlike } from './report-kind.js';
import type { SourceBlock } from './source-types.js';

const para = (text: string): SourceBlock => ({ kind: 'paragraph', text, where: { line: 1 } });
const tablesOf = (blocks: SourceBlock[]) => blocks.flatMap((b) => (b.kind === 'table' ? [b.table.rows.map((r) => r.map((c) => c.text))] : []));

describe('compact text', () => {
  it('folds (no whitespace, half-width, simplified) and keeps the original offsets', () => {
    const c = compactText('一、 本年 新收\u3000１２ 條');
    assert.equal(c.text, '一、本年新收12条');
    assert.equal(originalSlice(c, 2, 6), '本年 新收');
  });

  it('finds a label with one misspelt character, and the ordinal glued to the digits before it', () => {
    assert.deepEqual(findOneTypo('表头本年废纸件数现行', '本年废止件数', 0, 10), { start: 2, end: 8, typo: '本年废纸件数' });
    assert.equal(findOneTypo('本年新制作数量', '本年废止件数', 0, 7), null);
    const text = '不掌握相关政府信息1200000122.没有现成';
    assert.equal(ordinalBefore(text, text.indexOf('没有'), 2), text.indexOf('2.没有'));
    assert.equal(ordinalBefore('(三)不予公开', 3, 3), 0);
  });

  it('reads value tokens as spaced, stopping at prose and leaving a glued ordinal to its label', () => {
    const read = (s: string) => readValueTokens(compactText(s), 0, compactText(s).text.length).tokens;
    assert.deepEqual(read('10 0 00 0 1 二、上年'), ['10', '0', '00', '0', '1']);
    assert.deepEqual(read('140 03 0 017'), ['140', '03', '0', '017']);
    assert.deepEqual(read('１２ 16220.85 / — 3'), ['12', '16220.85', '/', '-', '3']);
    assert.deepEqual(read('226-3 19876'), ['226', '-3', '19876']);
    assert.deepEqual(read('3000003 2021年，本局'), ['3000003']);
    assert.deepEqual(read('00000002.其他法律'), ['0000000']);
    assert.deepEqual(read('193000022(三)不予公开'), ['193000022']);
    assert.deepEqual(read('无。'), []);
  });
});

describe('splitProse', () => {
  it('breaks after sentences, headings and the title; keeps spaces inside a sentence; joins a broken heading', () => {
    const text = '某局2020年政府信息公开工作年度报告 根据条例编制。 一、总体情况 2020年，本局共收到 218 件申请。 三、收到和处理政府信息 公开申请情况 （一）概述 无 某某局 2021年1月25日';
    assert.deepEqual(splitProse(text).map((p) => p.text), [
      '某局2020年政府信息公开工作年度报告', '根据条例编制。', '一、总体情况', '2020年，本局共收到 218 件申请。',
      '三、收到和处理政府信息公开申请情况', '（一）概述', '无', '某某局 2021年1月25日',
    ]);
  });
});

describe('segmentCollapsed', () => {
  it('cuts the issue’s sample run into table rows: glued, partly spaced, the ordinal taken from the digit run', () => {
    const text = '三、收到和处理政府信息公开申请情况 申请人情况 自然人 法人或其他组织 总计 商业企业 科研机构 社会公益组织 法律服务机构 其他 '
      + '一、本年新收政府信息公开申请数量 524000056二、上年结转政府信息公开申请数量 2000002三、本年度办 理结果 （一）予以公开 193000022'
      + '（二）部分公开（区分处理的，只计这一情形，不计其他情形） 10 0 00 0 1（三）不予公开 1.属于国家秘密 140 03 0 017 '
      + '（四）无法提供 1.本机关不掌握相关政府信息 1200000122.没有现成信息需要另行制作 200000 2 3.补正后申请内容仍不明确 '
      + '（五）不予处理 1.信访举报投诉类申请 0000000 四、政府信息公开行政复议、行政诉讼情况 无。';
    const out = segmentCollapsed([para('某局2020年政府信息公开工作年度报告 一、总体情况 概述。 二、主动公开政府信息情况 无。 '), para(text)]);
    assert.equal(out.collapsed, true);
    const [table3] = tablesOf(out.blocks);
    assert.deepEqual(table3, [
      ['一、本年新收政府信息公开申请数量', '524000056'],
      ['二、上年结转政府信息公开申请数量', '2000002'],
      ['（一）予以公开', '193000022'],
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '10', '0', '00', '0', '1'],
      ['1.属于国家秘密', '140', '03', '0', '017'],
      ['1.本机关不掌握相关政府信息', '120000012'],
      ['2.没有现成信息需要另行制作', '200000', '2'],
      ['3.补正后申请内容仍不明确'],
      ['1.信访举报投诉类申请', '0000000'],
    ]);
    const paragraphs = out.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    assert.ok(paragraphs.includes('三、收到和处理政府信息公开申请情况'));
    assert.ok(paragraphs.includes('四、政府信息公开行政复议、行政诉讼情况'));
    assert.ok(!paragraphs.some((p) => p.includes('自然人')), 'the header belongs to the table');
  });

  it('leaves documents with line structure as they are', () => {
    const blocks = [para('某局2020年政府信息公开工作年度报告'), para('一、总体情况'), para('正文。'.repeat(200))];
    const out = segmentCollapsed(blocks);
    assert.equal(out.collapsed, false);
    assert.equal(out.blocks, blocks);
  });
});

describe('crawler header', () => {
  it('takes the fields off, on lines or collapsed into the body, and keeps the rest of the body', () => {
    const lines = takeCrawlHeader([para('标题: 某局2022年政府信息公开工作年度报告'), para('发布时间: 2023-02-20 15:07'), para('文号:'),
      para('发布机构: 某局'), para('栏目: 政府信息公开年报'), para('原文链接: https://a.gov.cn/1.html'), para('-----'), para('正文')]);
    assert.deepEqual(lines.source, { title: '某局2022年政府信息公开工作年度报告', publishedAt: '2023-02-20 15:07', publisher: '某局', column: '政府信息公开年报', url: 'https://a.gov.cn/1.html' });
    assert.deepEqual(lines.blocks, [para('正文')]);
    const one = takeCrawlHeader([para('标题：平潭某局2021年报 发布时间：2022年1月5日 栏目：年报 原文链接：http://x.cn/a 某局2021年政府信息公开工作年度报告 一、总体情况')]);
    assert.equal(one.source?.title, '平潭某局2021年报');
    assert.equal(one.source?.url, 'http://x.cn/a');
    assert.equal(one.source?.publishedAt, '2022-01-05');
    assert.deepEqual(one.blocks.map((b) => (b as { text: string }).text.trim()), ['某局2021年政府信息公开工作年度报告 一、总体情况']);
  });

  it('is not found in a report that starts with its title, nor in one stray “时间：”', () => {
    const blocks = [para('某局2022年政府信息公开工作年度报告'), para('时间：2023年1月')];
    assert.equal(takeCrawlHeader(blocks).source, null);
    assert.equal(takeCrawlHeader([para('时间：2023年1月 某局')]).source, null);
    assert.equal(publicationTime('2023/2/5'), '2023-02-05');
  });
});

describe('lookAlike', () => {
  it('names other kinds of reports, never a 政府信息公开 report', () => {
    assert.equal(lookAlike('某某股份有限公司 2022年年度报告 证券代码：600000'), '企业（上市公司）年度报告');
    assert.equal(lookAlike('2023年政府工作报告 各位代表：'), '政府工作报告');
    assert.equal(lookAlike('某局2022年度部门决算'), '部门决算（预算）公开材料');
    assert.equal(lookAlike('某局2022年政府信息公开工作年度报告 …部门预算…'), null);
  });
});
