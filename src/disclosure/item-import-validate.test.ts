import assert from 'node:assert/strict';
import { test } from 'node:test';
import { columnOfHeader } from './item-import-columns.js';
import { decodeCsv, parseCsv } from './item-import-read.js';
import { categoryKey, docNoKey, parseLooseDate } from './item-import-validate.js';

test('dates as people write them become YYYY-MM-DD; impossible ones are null', () => {
  for (const text of ['2019-03-05', '2019/3/5', '2019.3.5', '2019年3月5日', '２０１９年３月５日', ' 2019-3-5 ', '20190305', '2019-03-05 10:30', '2019-03-05T00:00:00Z']) {
    assert.equal(parseLooseDate(text), '2019-03-05', text);
  }
  for (const text of ['2019-02-30', '2019-13-01', '2019-00-10', '2019-04-31', '19-3-5', '三月五日', '2019', '1900-01-01']) assert.equal(parseLooseDate(text), null, text);
  assert.equal(parseLooseDate('2020-02-29'), '2020-02-29');
  assert.equal(parseLooseDate('2019-02-29'), null);
});

test('headers are matched without spaces, marks or full-width letters; category paths and 文号 compared alike', () => {
  assert.equal(columnOfHeader(' 标 题 '), 'title');
  assert.equal(columnOfHeader('*发布日期（必填）'), 'publishedOn');
  assert.equal(columnOfHeader('索引号\u3000'), 'indexNo');
  assert.equal(columnOfHeader('栏目'), null);
  assert.equal(categoryKey(' 政策法规 ／ 规范性文件 '), '政策法规/规范性文件');
  assert.equal(categoryKey('政策法规>规范性文件'), categoryKey('政策法规/规范性文件'));
  assert.equal(docNoKey('威环审批发[2019]3号', '2019'), docNoKey('威环审批发〔2019〕3号 ', '2019'));
  assert.notEqual(docNoKey('威环审批发〔2019〕3号', '2019'), docNoKey('威环审批发〔2019〕3号', '2020'));
});

test('CSV: quotes, doubled quotes, line breaks inside a field, CRLF, tabs; encodings detected', () => {
  assert.deepEqual(parseCsv('a,b\r\n"x,1","say ""hi""\nthere"\r\n'), [['a', 'b'], ['x,1', 'say "hi"\nthere']]);
  assert.deepEqual(parseCsv('a\tb\n1\t2'), [['a', 'b'], ['1', '2']]);
  assert.equal(decodeCsv(Buffer.from([0xef, 0xbb, 0xbf, 0xe6, 0xa0, 0x87])), '标');
  assert.equal(decodeCsv(Buffer.from([0xb1, 0xea, 0xcc, 0xe2])), '标题');
  assert.equal(decodeCsv(Buffer.from('标题')), '标题');
});
