import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from '../errors.js';
import { cellDef, getFormat, tableOf } from '../format/registry.js';
import { chineseNumber, citationText, provisionText } from './legal-basis.js';
import { DECISIONS, basisText, decisionsForRow, getDecision, rowForFormat, type DecisionKey } from './outcomes.js';

describe('legal citations', () => {
  it('writes article numbers and provisions as statutes do', () => {
    assert.deepEqual([1, 2, 10, 14, 16, 20, 30, 36, 42, 99].map(chineseNumber),
      ['一', '二', '十', '十四', '十六', '二十', '三十', '三十六', '四十二', '九十九']);
    assert.equal(provisionText({ source: 'regulations', article: 36, item: 1 }), '第三十六条第（一）项');
    assert.equal(provisionText({ source: 'regulations', article: 16, paragraph: 2 }), '第十六条第二款');
    assert.equal(citationText([{ source: 'regulations', article: 42 }, { source: 'fee-rules' }]),
      '《中华人民共和国政府信息公开条例》第四十二条及《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）');
  });
});

describe('decisions → table 三 rows', () => {
  // The mapping table of spec annual-report.md, row by row.
  const mapping: Array<[DecisionKey, string, string]> = [
    ['already-public', 'r1', '第三十六条第（一）项'],
    ['disclosed', 'r1', '第三十六条第（二）项'],
    ['partially-disclosed', 'r2', '第三十七条'],
    ['withheld-state-secret', 'r3-1', '第十四条、第三十六条第（三）项'],
    ['withheld-prohibited-by-law', 'r3-2', '第十四条、第三十六条第（三）项'],
    ['withheld-security-stability', 'r3-3', '第十四条、第三十六条第（三）项'],
    ['withheld-third-party', 'r3-4', '第十五条、第三十二条、第三十六条第（三）项'],
    ['withheld-internal-affairs', 'r3-5', '第十六条第一款、第三十六条第（三）项'],
    ['withheld-process-information', 'r3-6', '第十六条第二款、第三十六条第（三）项'],
    ['withheld-enforcement-file', 'r3-7', '第十六条第二款、第三十六条第（三）项'],
    ['special-query-regime', 'r3-8', '第三十六条第（七）项'],
    ['does-not-exist', 'r4-1', '第三十六条第（四）项'],
    ['not-this-agency', 'r4-1', '第三十六条第（五）项'],
    ['requires-new-processing', 'r4-2', '第三十八条'],
    ['unclear-after-correction', 'r4-3', '第三十条'],
    ['petition-complaint-report', 'r5-1', '第三十九条第一款'],
    ['repeated-application', 'r5-2', '第三十六条第（六）项'],
    ['published-works', 'r5-3', '第三十九条第二款'],
    ['unjustified-mass-requests', 'r5-4', '第三十五条'],
    ['confirm-or-reissue', 'r5-5', '第二条'],
    ['correction-not-made', 'r6-1', '第三十条'],
    ['fee-not-paid', 'r6-2', '第四十二条及《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）'],
  ];

  it('maps every decision of the spec to its row and basis', () => {
    for (const [key, row, provisions] of mapping) {
      const d = getDecision(key);
      assert.equal(d.row, row, key);
      assert.equal(basisText(d), `依据《中华人民共和国政府信息公开条例》${provisions}`, key);
    }
    assert.equal(getDecision('withdrawn').row, 'r6-3');
    assert.equal(basisText('withdrawn'), '');
    assert.equal(getDecision('other').row, 'r6-3');
    assert.deepEqual(decisionsForRow('r4-1').map((d) => d.key), ['does-not-exist', 'not-this-agency']);
  });

  it('covers every result row of the 2021 format exactly, with unique Chinese names', () => {
    const rows = tableOf(getFormat('2021'), '三').blocks[0]!.rows.filter((r) => r.role === 'result').map((r) => r.key);
    assert.deepEqual([...new Set(DECISIONS.map((d) => d.row))], rows);
    assert.equal(new Set(DECISIONS.map((d) => d.name)).size, DECISIONS.length);
    for (const d of DECISIONS) assert.match(d.statement, /^[\u4e00-\u9fff]/, d.key);
  });

  it('folds 2021 （六）1–3 into 2019 （六） and keeps every other row', () => {
    for (const d of DECISIONS) {
      assert.equal(rowForFormat(d.key, '2021'), d.row, d.key);
      const in2019 = rowForFormat(d.key, '2019');
      assert.equal(in2019, d.row.startsWith('r6-') ? 'r6' : d.row, d.key);
      assert.ok(cellDef(getFormat('2019'), `三:${in2019}:total`), in2019);
    }
  });

  it('rejects a decision outside the controlled list', () => {
    assert.throws(() => getDecision('approved'), (e: unknown) =>
      e instanceof ValidationError && /未知的办理结果“approved”/.test(e.message));
    assert.throws(() => rowForFormat('nope' as DecisionKey, '2019'), ValidationError);
  });
});
