import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectFormat, formatClues } from './detect-format.js';
import { normalizeLabel } from './normalize-label.js';

const texts = (...labels: string[]) => new Set(labels.map(normalizeLabel));

describe('formatClues', () => {
  it('derives the distinguishing labels of each format from the definitions', () => {
    const of = (id: string) => formatClues().filter((c) => c.format.id === id).map((c) => c.text);
    for (const label of ['本年新制作数量', '上一年项目数量', '本年增/减', '采购总金额', '第二十条第（九）项', '（六）其他处理']) {
      assert.ok(of('2019').includes(label), `2019: ${label}`);
    }
    for (const label of ['本年制发件数', '现行有效件数', '本年收费金额（单位：万元）', '3.其他']) {
      assert.ok(of('2021').includes(label), `2021: ${label}`);
    }
    // Labels both formats share, or that differ only as tolerated (规范性文件), decide nothing.
    for (const label of ['规章', '规范性文件', '行政规范性文件', '行政许可', '自然人', '结果维持']) {
      assert.ok(!of('2019').includes(label) && !of('2021').includes(label), label);
    }
    const other = formatClues().find((c) => c.text === '（六）其他处理')!;
    assert.equal(other.unless?.length, 3);
  });
});

describe('detectFormat', () => {
  it('recognizes the 2019 trial format from its labels, with evidence in Chinese', () => {
    const d = detectFormat(texts('第二十条第（一）项', '本年新制作数量', '本年新公开数量', '规章', '规范性文件'), 2019);
    assert.equal(d.format, '2019');
    assert.ok(d.confidence >= 0.9);
    assert.ok(d.evidence.some((e) => e.includes('“本年新制作数量”')));
  });

  it('recognizes the 2021 format from its labels, tolerant of numbering and width', () => {
    const d = detectFormat(texts('本年制发件数', '现行有效件数', '本年收费金额(单位：万元)', '3、其他'), null);
    assert.equal(d.format, '2021');
    assert.equal(d.evidence.length, 4);
  });

  it('takes a single （六）其他处理 row as 2019 only when the 2021 sub-rows are absent', () => {
    assert.equal(detectFormat(texts('（六）其他处理', '（七）总计'), null).format, '2019');
    const d = detectFormat(texts('（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '3.其他'), null);
    assert.equal(d.format, '2021');
    assert.ok(!d.evidence.some((e) => e.includes('单独一行')));
  });

  it('reads the labels of a table missing others (only table 三 of 2021)', () => {
    const d = detectFormat(texts('（六）其他处理', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'), 2022);
    assert.equal(d.format, '2021');
  });

  it('notes when the labels contradict the year (an agency may keep the older format)', () => {
    const d = detectFormat(texts('本年新制作数量', '采购总金额'), 2021);
    assert.equal(d.format, '2019');
    assert.ok(d.evidence.some((e) => e.includes('报告年度 2021 年默认使用 2021 格式')));
  });

  it('falls back to the report year when the labels are inconclusive', () => {
    const d = detectFormat(texts('规章', '自然人', '行政复议'), 2021);
    assert.equal(d.format, '2021');
    assert.equal(d.confidence, 0.4);
    assert.match(d.evidence.at(-1)!, /按报告年度 2021 年/);
    assert.equal(detectFormat(texts('规章'), 2020).format, '2019');
  });

  it('gives no format without labels or year', () => {
    const d = detectFormat(texts('规章'), null);
    assert.equal(d.format, null);
    assert.equal(d.confidence, 0);
  });
});
