import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fromInterchange } from '../interchange/from-interchange.js';
import { newReport } from '../report/new-report.js';
import type { ReportDocument } from '../report/report-model.js';
import { checkReport } from './check-report.js';
import { extractNarrativeFigures } from './narrative.js';

const load = (path: string): ReportDocument =>
  fromInterchange(JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')));
const seed = () => load('../../demo/huancui-approval-bureau-2019.json');
const full2021 = () => load('../../../test/fixtures/full-2021.json');

/** A 2021 report whose section 三 holds the given paragraphs. */
function withProse(...paragraphs: string[]): ReportDocument {
  const doc = newReport('某区某局', 2021);
  doc.sections.find((s) => s.key === '三')!.paragraphs = paragraphs;
  return doc;
}
const figures = (doc: ReportDocument) => extractNarrativeFigures(doc).map((f) => [f.figureId, f.value]);

describe('extractNarrativeFigures', () => {
  it('finds what the seed states: no applications, no reconsideration, no litigation', () => {
    const found = extractNarrativeFigures(seed());
    assert.deepEqual(found.map((f) => [f.figureId, f.value, f.section, f.partHeading]), [
      ['received', 0, '一', '（三）政府信息公开申请办理情况'],
      ['reconsideration', 0, '一', '（六）监督保障情况'],
      ['litigation', 0, '一', '（六）监督保障情况'],
    ]);
    assert.equal(found[0]!.sentence, '2019年度，环翠区行政审批服务局未收到群众主动要求政府信息公开的申请');
    assert.match(found[1]!.sentence, /^2019年，本单位严格按照《条例》要求开展政府信息公开工作，未发生对本单位有关政府信息公开事务的行政复议案/);
  });

  it('does not read other counts of the seed as figures (1件政协提案, 受理窗口264个, 42万余件)', () => {
    const sentences = extractNarrativeFigures(seed()).map((f) => f.sentence);
    assert.ok(!sentences.some((s) => /政协提案|受理窗口|42万/.test(s)));
    assert.deepEqual(figures(withProse('本单位共答复了1件政协提案。', '共设置了综合受理窗口264个。', '一窗办理业务42万余件。')), []);
    assert.deepEqual(figures(withProse('共收到政府信息公开申请0件，答复了1件政协提案。')), [['received', 0]]);
  });

  it('reads Arabic, full-width and Chinese numerals, one figure per sentence each', () => {
    const doc = withProse(
      '本年度共收到政府信息公开申请十二件，上年结转二件；结转下年度继续办理一件。',
      '本机关被申请行政复议一百零五件，行政诉讼案件共计１２件。',
    );
    assert.deepEqual(figures(doc), [['received', 12], ['carried-in', 2], ['carried-out', 1], ['reconsideration', 105], ['litigation', 12]]);
    const [first] = extractNarrativeFigures(doc);
    assert.equal(first!.sentence, '本年度共收到政府信息公开申请十二件，上年结转二件');
    assert.equal(first!.section, '三');
    assert.equal(first!.partHeading, undefined);
  });

  it('reads “none” statements as 0 and tells reconsideration applications from disclosure applications', () => {
    assert.deepEqual(figures(withProse('本年度收到行政复议申请3件。')), [['reconsideration', 3]]);
    assert.deepEqual(figures(withProse('本年度未收到行政复议申请。')), [['reconsideration', 0]]);
    assert.deepEqual(figures(withProse('本年度无政府信息公开申请，无上年结转申请。')), [['received', 0], ['carried-in', 0]]);
    assert.deepEqual(figures(withProse('被申请行政复议1件，未发生政府信息公开行政诉讼。')), [['reconsideration', 1], ['litigation', 0]]);
    assert.deepEqual(figures(withProse('另有3件结转下年度办理。')), [['carried-out', 3]]);
  });

  it('finds the figures the complete fixture states, in the preamble-to-section order', () => {
    assert.deepEqual(figures(full2021()), [
      ['received', 32], ['carried-in', 5], ['carried-out', 5], ['reconsideration', 2], ['litigation', 2],
    ]);
  });
});

describe('narrative against tables (rule 10)', () => {
  it('passes when the prose matches, on the seed and the complete fixture', () => {
    for (const doc of [seed(), full2021()]) {
      const narrative = checkReport(doc).results.filter((r) => r.ruleId === 'narrative');
      assert.ok(narrative.length >= 3);
      assert.ok(narrative.every((r) => r.status === 'pass'), JSON.stringify(narrative.filter((r) => r.status !== 'pass')));
    }
  });

  it('warns when a stated figure differs from the table, quoting the sentence', () => {
    const doc = full2021();
    const part = doc.sections.find((s) => s.key === '一')!.parts.find((p) => p.heading === '（二）依申请公开情况')!;
    part.paragraphs = part.paragraphs.map((p) => p.replace('收到政府信息公开申请32件', '收到政府信息公开申请三十件'));
    const checks = checkReport(doc);
    assert.equal(checks.ok, true);
    assert.equal(checks.warnings, 1);
    const r = checks.results.find((x) => x.id === 'narrative:received')!;
    assert.equal(r.status, 'fail');
    assert.equal(r.severity, 'warning');
    assert.equal(r.left, 30);
    assert.equal(r.right, 32);
    assert.equal(r.expression, '正文所述 = 表三“一（总计）”：30 ≠ 32');
    assert.match(r.message!, /“一、总体情况”的“（二）依申请公开情况”写明“2021年，本局共收到政府信息公开申请三十件，其中自然人申请18件，法人或其他组织申请14件”/);
    assert.deepEqual(r.cells.map((c) => [c.key, c.value]), [['三:received:total', 32]]);
  });

  it('compares with blank cells too, and says they are blank', () => {
    const doc = withProse('本年度共收到政府信息公开申请5件。');
    const r = checkReport(doc).results.find((x) => x.id === 'narrative:received')!;
    assert.equal(r.status, 'fail');
    assert.equal(r.right, 0);
    assert.equal(r.expression, '正文所述 = 表三“一（总计）”：5 ≠ 空白');
    assert.match(r.message!, /空白单元格 1 个.*表三“一（总计）”/);
    const none = checkReport(withProse('本年度未收到政府信息公开申请。')).results.find((x) => x.id === 'narrative:received')!;
    assert.equal(none.status, 'pass');
    assert.match(none.message!, /空白/);
  });

  it('numbers repeated statements of the same figure', () => {
    const doc = withProse('本年度共收到政府信息公开申请5件。', '全年新收政府信息公开申请5件。');
    const ids = checkReport(doc).results.filter((r) => r.ruleId === 'narrative').map((r) => r.id);
    assert.deepEqual(ids, ['narrative:received', 'narrative:received#2']);
  });
});

describe('narrative patterns stay narrow', () => {
  it('does not read 无论/无法 as “none”', () => {
    assert.deepEqual(figures(withProse('无论是行政复议还是行政诉讼，均依法应诉。')), []);
  });
});
