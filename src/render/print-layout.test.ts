import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fromInterchange } from '../core/interchange/from-interchange.js';
import { newReport } from '../core/report/new-report.js';
import { closingLines, printedWidth, titleLines } from './print-layout.js';

const seed = () => fromInterchange(JSON.parse(readFileSync(new URL('../demo/huancui-approval-bureau-2019.json', import.meta.url), 'utf8')));

test('printed width: CJK and full-width characters 1, ASCII ½', () => {
  assert.equal(printedWidth('2020年1月18日'), 6.5);
  assert.equal(printedWidth('（一）'), 3);
});

test('a long title breaks after the agency name; a short or unrelated one stays whole', () => {
  assert.deepEqual(titleLines(seed()), ['威海市环翠区行政审批服务局', '2019年政府信息公开工作年度报告']);
  const report = newReport('某局', 2023);
  report.title = '某局2023年年度报告';
  assert.deepEqual(titleLines(report), ['某局2023年年度报告']);
  report.title = '关于某某市某某区人民政府办公室2023年政府信息公开工作的年度报告';
  assert.deepEqual(titleLines(report), [report.title]);
});

test('closing: signature two characters from the right, the date starting two characters to the right of it', () => {
  assert.deepEqual(closingLines(seed()), [
    { text: '威海市环翠区行政审批服务局', rightChars: 2 },
    { text: '2020年1月18日', rightChars: 6.5 },
  ]);
  const report = newReport('某某局', 2021);
  report.signature = '某某局';
  report.issuedOn = '2022-01-05';
  // A date wider than the signature: the date stands two characters from the right and the
  // signature moves left so that the date still starts two characters to the right of it.
  assert.deepEqual(closingLines(report), [{ text: '某某局', rightChars: 7 }, { text: '2022年1月5日', rightChars: 2 }]);
  report.signature = null;
  assert.deepEqual(closingLines(report), [{ text: '2022年1月5日', rightChars: 2 }]);
  report.issuedOn = null;
  assert.deepEqual(closingLines(report), []);
});
