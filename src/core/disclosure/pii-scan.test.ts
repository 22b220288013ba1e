import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { residentIdCheckChar, usccCheckChar } from '../applications/identity.js';
import {
  PII_KINDS, PII_KIND_NAMES, isOldResidentId, luhnValid, maskAddressToTown, maskBankCard, maskIdLike, maskLandline,
  maskMatches, scanText, type PiiKind,
} from './pii-scan.js';

/** A valid 18-digit ID from its first 17 digits. */
const id = (first17: string) => first17 + residentIdCheckChar(first17);
/** A valid 统一社会信用代码 from its first 17 characters. */
const uscc = (first17: string) => first17 + usccCheckChar(first17);
/** A card number completed with its Luhn digit. */
function card(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return body + d;
  throw new Error('unreachable');
}
const kinds = (text: string) => scanText(text).map((m) => `${m.kind}:${m.text}`);
const only = (text: string, kind: PiiKind) => scanText(text).filter((m) => m.kind === kind).map((m) => m.text);

describe('PII kinds', () => {
  it('are data with Chinese names, personal or information only', () => {
    assert.equal(PII_KIND_NAMES['resident-id'], '居民身份证号码');
    assert.equal(PII_KINDS.find((k) => k.kind === 'uscc-organisation')?.personal, false);
    assert.ok(PII_KINDS.every((k) => /[\u4e00-\u9fff]/.test(k.name)));
  });
});

describe('居民身份证号码', () => {
  it('finds an 18-digit number with a valid check digit, also with a final X', () => {
    const a = id('37100219900101123');
    assert.deepEqual(kinds(`身份证号：${a}。`), [`resident-id:${a}`]);
    assert.deepEqual(kinds('110105194912310021 与 11010519491231002X'), ['resident-id:11010519491231002X']);
    assert.deepEqual(only('11010519491231002x', 'resident-id'), ['11010519491231002x']);
  });
  it('rejects a wrong check digit, an impossible date and an unknown region', () => {
    const good = id('37100219900101123');
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    assert.deepEqual(only(bad, 'resident-id'), []);
    assert.deepEqual(only(id('37100219900230123'), 'resident-id'), []); // 30 February
    assert.deepEqual(only(id('99100219900101123'), 'resident-id'), []);
  });
  it('finds the old 15-digit form with a real date', () => {
    assert.equal(isOldResidentId('371002900101123'), true);
    assert.equal(isOldResidentId('371002901301123'), false);
    assert.deepEqual(only('旧身份证 371002900101123', 'resident-id'), ['371002900101123']);
    assert.deepEqual(only('371002901301123', 'resident-id'), []);
  });
  it('does not take a number that is part of a longer code', () => {
    assert.deepEqual(kinds(`A${id('37100219900101123')}`), []);
    assert.deepEqual(kinds(`${id('37100219900101123')}9`), []);
  });
  it('masks as 35*************123 (item 39)', () => {
    const m = scanText(id('35010219851231001'))[0]!;
    assert.equal(m.masked, `35*************${m.text.slice(-3)}`);
    assert.equal(maskIdLike('350102198512310016'), '35*************016');
  });
});

describe('统一社会信用代码', () => {
  it('reports a 个体工商户 code (92…) as personal data, an organisation as information', () => {
    const person = uscc('92371002MA3C12345');
    const company = uscc('91371002MA3C12345');
    assert.deepEqual(kinds(`经营者代码 ${person}`), [`uscc-individual:${person}`]);
    assert.deepEqual(kinds(`公司代码 ${company}`), [`uscc-organisation:${company}`]);
  });
  it('validates published example codes (the check character of GB 32100, weights 3^i mod 31)', () => {
    // Examples from Hutool's CreditCodeUtil tests: companies, so information only.
    assert.deepEqual(kinds('91310110666007217T 91350100M000100Y43'), ['uscc-organisation:91310110666007217T', 'uscc-organisation:91350100M000100Y43']);
  });
  it('rejects a wrong check character', () => {
    const good = uscc('92371002MA3C12345');
    assert.deepEqual(kinds(good.slice(0, 17) + (good[17] === '1' ? '2' : '1')), []);
  });
  it('does not report a 索引号 (code/year-sequence)', () => {
    const agency = uscc('11371002MB2857203');
    assert.deepEqual(kinds(`索引号：${agency}/2019-00001`), []);
    assert.deepEqual(kinds('索引号：11371002MB2857203X/2019-00001'), []);
  });
});

describe('telephone numbers', () => {
  it('finds mobile numbers with +86 and separators', () => {
    for (const n of ['13812345678', '+86 13812345678', '+8613812345678', '0086-13812345678', '138-1234-5678', '138 1234 5678']) {
      assert.deepEqual(only(`电话${n}。`, 'mobile'), [n], n);
    }
  });
  it('reads full-width digits as typed with a Chinese input method, keeping the offsets', () => {
    const text = '电话：１３８１２３４５６７８。';
    const [m] = scanText(text);
    assert.equal(m?.kind, 'mobile');
    assert.equal(m?.text, '１３８１２３４５６７８');
    assert.equal(m?.masked, '138****5678');
    assert.equal(maskMatches(text, scanText(text)), '电话：138****5678。');
  });
  it('masks mobiles as 138****1234', () => {
    assert.equal(scanText('手机13812341234')[0]!.masked, '138****1234');
    assert.equal(scanText('手机138-1234-1234')[0]!.masked, '138-****-1234');
  });
  it('does not take 12x numbers, longer digit runs or mixed separators', () => {
    assert.deepEqual(kinds('12812345678'), []);
    assert.deepEqual(kinds('138123456789'), []);
    assert.deepEqual(kinds('138-1234 5678'), []);
  });
  it('finds landlines with an area code', () => {
    for (const n of ['0631-5201234', '010-62345678', '(0631)5201234', '（0631）5201234', '0631 5201234', '021-62345678转801']) {
      assert.deepEqual(only(`电话：${n}`, 'landline'), [n], n);
    }
    assert.equal(maskLandline('0631-5201234'), '0631-***1234');
  });
});

describe('bank card numbers', () => {
  it('finds 16–19 digits passing Luhn, grouped or not', () => {
    const c19 = card('622202123456789012');
    const c16 = card('436742123456789');
    assert.deepEqual(only(`卡号${c19}`, 'bank-card'), [c19]);
    const grouped = c16.replace(/(\d{4})(?=\d)/g, '$1 ');
    assert.deepEqual(only(`卡号 ${grouped}`, 'bank-card'), [grouped]);
    assert.equal(maskBankCard(grouped), `${c16.slice(0, 4)} **** **** ${c16.slice(-4)}`);
  });
  it('rejects numbers failing Luhn and valid ID numbers', () => {
    const c = card('622202123456789012');
    const bad = c.slice(0, -1) + ((Number(c.slice(-1)) + 1) % 10);
    assert.deepEqual(only(bad, 'bank-card'), []);
    const idNo = id('37100219900101123');
    assert.deepEqual(kinds(idNo).map((k) => k.split(':')[0]), ['resident-id']);
  });
});

describe('names and addresses next to numbers', () => {
  it('finds the name and address of a 公示 row and masks the address to the 街道', () => {
    const row = `张三\t${id('37100219900101123')}\t13812345678\t山东省威海市环翠区竹岛街道青岛北路1号`;
    const found = scanText(row);
    assert.deepEqual(found.map((m) => m.kind), ['name-near-number', 'resident-id', 'mobile', 'address-near-number']);
    assert.equal(found[0]!.masked, '张*');
    assert.equal(found[3]!.masked, '山东省威海市环翠区竹岛街道****');
  });
  it('finds a labelled name inside running text', () => {
    assert.deepEqual(only('联系人：李明华，电话13912345678。', 'name-near-number'), ['李明华']);
  });
  it('does not take names or addresses without a number nearby', () => {
    assert.deepEqual(kinds('张三 住在 环翠区青岛北路1号'), []);
  });
  it('does not take words that are part of a longer sentence', () => {
    assert.deepEqual(only('请拨打咨询电话0631-5201234了解详情', 'name-near-number'), []);
  });
  it('masks addresses without a town down to the county', () => {
    assert.equal(maskAddressToTown('威海市环翠区青岛北路1号'), '威海市环翠区****');
  });
});

describe('no false positives on ordinary government text', () => {
  it('leaves 文号, dates, amounts, years and 索引号 alone', () => {
    const text = [
      '威环审批发〔2019〕3号', '鲁政办字〔2020〕115号', '2019年3月5日', '2019-03-05', '20190305',
      '金额 1,234,567.89 元', '合计 12345678.00 万元', '索引号 11371002MB2857203X/2019-00001',
      '第 2019001 期', '邮编 264200', '共 1336 条', '2019-00001', '预算 13800000000 元', '¥13812345678',
      '合计 6222021234567890128.50', '15000000000万元',
    ].join('\n');
    assert.deepEqual(kinds(text), []);
  });
});

describe('maskMatches', () => {
  it('replaces each match by its masked form or by nothing', () => {
    const text = '电话13812345678，卡号无。';
    const matches = scanText(text);
    assert.equal(maskMatches(text, matches), '电话138****5678，卡号无。');
    assert.equal(maskMatches(text, matches, 'nothing'), '电话，卡号无。');
  });
});
