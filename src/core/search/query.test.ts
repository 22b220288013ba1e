import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { queryCutter } from '../../search/search-tokens.js';
import { numberKey, mayBeNumber } from './doc-number.js';
import { escapeHtml } from '../escape-html.js';
import { highlight, snippet } from './highlight.js';
import { MAX_QUERY_CHARS, MAX_TERMS, parseSearchQuery } from './query.js';

const parse = (q: string) => parseSearchQuery(q, queryCutter);

describe('search query parsing', () => {
  it('cuts Chinese into words, a long word into the sub-words a document surely holds', () => {
    assert.deepEqual(parse('生态环境').terms, ['生态', '环境']);
    assert.deepEqual(parse('生态环境').highlights, ['生态环境', '生态', '环境']);
    assert.deepEqual(parse('大气 污染').terms, ['大气', '污染']);
    assert.deepEqual(parse('ＡＢＣ１２3').terms, ['abc123']);
  });

  it('keeps quoted phrases (ASCII and Chinese quotes), their words searched too', () => {
    const q = parse('"实施方案" 通知 “组织实施”');
    assert.deepEqual(q.phrases, ['实施方案', '组织实施']);
    assert.ok(['实施', '方案', '通知', '组织'].every((w) => q.terms.includes(w)));
  });

  it('turns FTS syntax into nothing: quotes, stars, NEAR, colons, apostrophes, parentheses, operators', () => {
    for (const raw of ['"', '"""', '*', 'NEAR', 'NEAR()', ':', "'", '()', 'AND OR NOT', '^-+~', '。，！？']) {
      const q = parse(raw);
      assert.deepEqual([q.empty, q.terms, q.phrases], [true, [], []], raw);
    }
    assert.deepEqual(parse('"大气 污染').terms, ['大气', '污染']);
    assert.deepEqual(parse('大气* OR (污染)').terms, ['大气', '污染']);
    // Every word is only letters and digits.
    for (const t of parse(`a"b*c:d'e(f)g-h 中"文`).terms) assert.match(t, /^[\p{L}\p{N}]+$/u);
  });

  it('cuts a very long query with a note, and caps the number of words', () => {
    const q = parse('政府信息公开'.repeat(2000));
    assert.equal([...q.text].length, MAX_QUERY_CHARS);
    assert.match(q.notes[0]!, /检索词过长/);
    const many = parse(Array.from({ length: 40 }, (_, i) => `词${i}`).join(' '));
    assert.ok(many.terms.length <= MAX_TERMS);
  });
});

describe('文号 and 索引号 keys', () => {
  it('fold brackets, widths and spaces', () => {
    const key = numberKey('威环审批发〔2021〕12号');
    for (const typed of ['威环审批发[2021]12号', '威环审批发【2021】12号', '威环审批发 (2021) 12 号', '威环审批发［２０２１］１２号', '威环审批发（2021）12号']) {
      assert.equal(numberKey(typed), key, typed);
    }
    assert.equal(numberKey('  '), null);
    assert.equal(mayBeNumber('政府信息'), false);
    assert.equal(mayBeNumber('国办发〔2019〕61号'), true);
  });
});

describe('highlighting', () => {
  it('escapes everything but the marks', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    assert.equal(highlight('<b>环境</b>保护', ['环境']), '&lt;b&gt;<mark>环境</mark>&lt;/b&gt;保护');
    assert.equal(highlight('生态环境保护', ['生态', '生态环境']), '<mark>生态环境</mark>保护');
    assert.equal(highlight('ABC abc', ['abc']), '<mark>ABC</mark> <mark>abc</mark>');
    assert.equal(highlight('a.b', ['.']), 'a<mark>.</mark>b');
    assert.equal(highlight('政务服务事项', ['政务', '服务']), '<mark>政务服务</mark>事项');
  });

  it('cuts a snippet around the first match', () => {
    const text = `${'前言'.repeat(100)}关键内容${'后文'.repeat(100)}`;
    const s = snippet(text, ['关键']);
    assert.match(s, /^….*<mark>关键<\/mark>内容.*…$/);
    assert.equal(snippet('短文', ['无']), '短文');
    assert.equal(snippet('a\n\n  b', []), 'a b');
  });
});
