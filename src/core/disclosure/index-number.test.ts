import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_INDEX_TEMPLATE, formatIndexNo, parseIndexNo, templateProblem, validateIndexTemplate } from './index-number.js';

const code = '11371002MB2858591X';

test('the default template writes 统一社会信用代码/年份-5位序号 and reads it back', () => {
  const no = formatIndexNo(DEFAULT_INDEX_TEMPLATE, { code, year: 2019, seq: 3 });
  assert.equal(no, '11371002MB2858591X/2019-00003');
  assert.deepEqual(parseIndexNo(DEFAULT_INDEX_TEMPLATE, no), { code, year: 2019, seq: 3 });
  // A sequence past the width is written in full, never cut, and still read back.
  assert.equal(formatIndexNo(DEFAULT_INDEX_TEMPLATE, { code, year: 2019, seq: 123456 }), `${code}/2019-123456`);
  assert.equal(parseIndexNo(DEFAULT_INDEX_TEMPLATE, `${code}/2019-123456`)!.seq, 123456);
});

test('a number in another scheme is not read as the template', () => {
  assert.equal(parseIndexNo(DEFAULT_INDEX_TEMPLATE, '000014349-2017-00110'), null);
  assert.equal(parseIndexNo(DEFAULT_INDEX_TEMPLATE, `${code}/2019-00000`), null);
  assert.equal(parseIndexNo(DEFAULT_INDEX_TEMPLATE, `${code}/19-00001`), null);
});

test('other templates: literal characters are escaped, {seq} without width', () => {
  const t = 'WH.{year}.{seq}({code})';
  const no = formatIndexNo(t, { code: 'ABC', year: 2021, seq: 7 });
  assert.equal(no, 'WH.2021.7(ABC)');
  assert.deepEqual(parseIndexNo(t, no), { code: 'ABC', year: 2021, seq: 7 });
  assert.equal(parseIndexNo(t, 'WHx2021.7(ABC)'), null);
  assert.deepEqual(parseIndexNo('{year}-{seq:4}', '2020-0012'), { code: '', year: 2020, seq: 12 });
});

test('a template that cannot give unique numbers is refused in Chinese', () => {
  assert.equal(templateProblem(DEFAULT_INDEX_TEMPLATE), null);
  assert.match(templateProblem('{code}/{year}')!, /序号占位符/);
  assert.match(templateProblem('{code}/{seq:5}')!, /年份占位符/);
  assert.match(templateProblem('{code}/{year}-{seq:5}-{seq}')!, /恰好含有一个序号/);
  assert.match(templateProblem('{code}/{year}-{num}')!, /不认识的占位符“\{num\}”/);
  assert.match(templateProblem('{code}/{year-{seq}')!, /不认识的占位符|没有对应/);
  assert.match(templateProblem('{code}/{year}{seq:5}')!, /分隔符/);
  assert.match(templateProblem('{code}/{year}-{seq:0}')!, /1 到 10/);
  assert.match(templateProblem('  ')!, /不能为空/);
  assert.throws(() => validateIndexTemplate('{year}}{seq}'), /没有对应的“\{”/);
});
