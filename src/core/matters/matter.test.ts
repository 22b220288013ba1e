import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ValidationError } from '../errors.js';
import { validateMatter } from './matter.js';
import { matterShares, percent } from './matter-shares.js';
import { hallYear } from './hall-figures.js';

const context = { offices: new Set(['社会事务审批科']), themes: new Set(['person:060', 'legal:005']) };
const good = {
  name: '结婚登记', code: 'DEMO0001', type: 'confirmation', handlingKind: 'immediate', office: '社会事务审批科', legalBasis: ['《婚姻登记条例》第四条'],
  audiences: ['person'], themes: ['person:060'], levels: ['district'], conditions: '双方自愿，达到法定婚龄', materials: [
    { name: '居民户口簿', kind: 'original', copies: 1, medium: 'paper', blankForm: null, sample: null },
  ], procedure: ['申请', '审查', '登记'], statutoryDays: null, promisedDays: 0, fee: { charged: false, standard: '', basis: '' },
  place: '区婚姻登记处', hours: '工作日', consultation: '0631-0000000', complaint: '12345', onlineUrl: '', visits: 1,
  flags: { online: false, fullyOnline: false, atMostOnce: true, zeroVisit: false, mailDelivery: false }, faq: '',
};

test('a complete matter passes, normalised', () => {
  const m = validateMatter({ ...good, name: '  结婚登记 ', legalBasis: ['《婚姻登记条例》第四条', ''] }, context);
  assert.equal(m.name, '结婚登记');
  assert.deepEqual(m.legalBasis, ['《婚姻登记条例》第四条']);
});

test('every problem named in Chinese at once: legal basis, time limits, office, theme, flags', () => {
  try {
    validateMatter({
      ...good, legalBasis: [], handlingKind: 'promised', statutoryDays: 10, promisedDays: 20, office: '某科', themes: ['legal:005', 'person:999'],
      flags: { ...good.flags, fullyOnline: true }, visits: 1,
    }, context);
    assert.fail('should refuse');
  } catch (e) {
    assert.ok(e instanceof ValidationError);
    const messages = (e.details.problems ?? []).map((p) => p.message);
    assert.ok(messages.includes('事项缺少设定依据：请写明设定该事项的法律、法规或规章'));
    assert.ok(messages.includes('承诺办结时限（20 个工作日）不能长于法定办结时限（10 个工作日）'));
    assert.ok(messages.includes('实施主体“某科”不在本机关登记的实施主体名单中'));
    assert.ok(messages.includes('主题分类“legal:005”与所选服务对象不符'));
    assert.ok(messages.includes('主题分类“person:999”不存在或已停用'));
    assert.ok(messages.includes('全程网办的事项必须可网办'));
    assert.ok(messages.includes('全程网办的事项到现场次数应为 0，现为 1 次'));
  }
});

test('shares to one decimal, half up, as the seed states them', () => {
  assert.equal(percent(569, 803), 70.9);
  assert.equal(percent(118, 120), 98.3);
  assert.equal(percent(1, 8), 12.5);
  assert.equal(percent(0, 0), null);
  const s = matterShares({ total: 892, online: 803, fullyOnline: 569, atMostOnce: 877, zeroVisit: 0, mailDelivery: 10 });
  assert.deepEqual([s.online.percent, s.fullyOnlineOfOnline.percent, s.atMostOnce.percent], [90, 70.9, 98.3]);
});

test('a hall year: stock figures from the last entered month, flows summed, blank stays blank', () => {
  const y = hallYear([
    { hallId: 1, month: '2019-01', windows: 150, matters: 900, transactions: 100, certificatesMailed: null },
    { hallId: 1, month: '2019-12', windows: 160, matters: null, transactions: 200, certificatesMailed: 5 },
    { hallId: 2, month: '2019-06', windows: null, matters: null, transactions: null, certificatesMailed: null },
  ]);
  assert.deepEqual([y.windows, y.transactions, y.certificatesMailed], [160, 300, 5]);
  assert.deepEqual(y.halls.find((h) => h.hallId === 1), { hallId: 1, windows: 160, matters: 900, transactions: 300, certificatesMailed: 5, months: 2 });
  assert.deepEqual(hallYear([]), { windows: null, transactions: null, certificatesMailed: null, halls: [] });
});
