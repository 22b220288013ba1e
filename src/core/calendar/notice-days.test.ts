/**
 * Entering a year's arrangement: the real 2018 notice (国办发明电〔2017〕12号) is accepted as typed;
 * mistakes are listed with their places.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from '../errors.js';
import { NOTICE_2018 } from '../../../test/fixtures/notice-2018.js';
import { noticeDays } from './notice-days.js';

describe('noticeDays', () => {
  it('accepts a real notice and returns its days in date order', () => {
    const days = noticeDays(2018, NOTICE_2018);
    assert.equal(days.length, NOTICE_2018.length);
    assert.deepEqual(days[0], { date: '2018-01-01', kind: 'off', name: '元旦' });
    assert.deepEqual(days.at(-1), { date: '2018-10-07', kind: 'off', name: '国庆节' });
    assert.ok(days.every((d, i) => i === 0 || days[i - 1]!.date < d.date));
    // The previous December's New Year days belong to the notice (the 2019 notice).
    assert.equal(noticeDays(2019, [{ date: '2018-12-29', kind: 'work', name: '元旦调休上班' }, { date: '2019-01-01', kind: 'off', name: '元旦' }]).length, 2);
  });

  it('lists every mistake with its place', () => {
    const input = [
      { date: '2018-01-01', kind: 'off', name: '元旦' },
      { date: '2019-01-01', kind: 'off', name: '元旦' },
      { date: '2018-02-11', kind: 'holiday', name: '春节' },
      { date: '2018/02/24', kind: 'work', name: '春节调休上班' },
      'x',
      { date: '2018-02-15', kind: 'off', name: '春节', note: 1 },
      { date: '2018-02-16', kind: 'off' },
    ];
    assert.throws(() => noticeDays(2018, input), (e: ValidationError) => {
      assert.equal(e.message, '2018 年节假日安排有误（6 处）');
      assert.deepEqual((e.details.problems ?? []).map((p) => [p.place?.index, p.message]), [
        [1, '2019-01-01 不属于 2018 年的节假日安排（应为 2018 年内的日期，或 2017 年 12 月的元旦调休日）'],
        [2, '2018-02-11 的类型“holiday”无效，应为 off（放假）或 work（调休上班）'],
        [3, '日期“2018/02/24”无效，应为 YYYY-MM-DD'],
        [4, '应为 { date, kind, name } 对象'],
        [5, '未知字段：note（只允许 date、kind、name）'],
        [6, '2018-02-16 缺少名称（如“春节”“国庆节”“春节调休上班”）'],
      ]);
      return true;
    });
  });

  it('refuses duplicates, weekday make-up days, an arrangement without days off, a bad year', () => {
    assert.throws(() => noticeDays(2018, [...NOTICE_2018, { date: '2018-10-01', kind: 'off', name: '国庆节' }]), (e: ValidationError) =>
      e.details.problems?.[0]?.message === '2018-10-01 重复出现');
    assert.throws(() => noticeDays(2018, [...NOTICE_2018, { date: '2018-10-08', kind: 'work', name: '国庆节调休上班' }]), (e: ValidationError) =>
      e.details.problems?.[0]?.message === '2018-10-08 为星期一，本即工作日，不应列为调休上班');
    assert.throws(() => noticeDays(2018, [{ date: '2018-02-11', kind: 'work', name: '春节调休上班' }]), (e: ValidationError) =>
      /没有任何放假日期/.test(e.details.problems?.[0]?.message ?? ''));
    assert.throws(() => noticeDays(2018, {}), /应为日期列表/);
    assert.throws(() => noticeDays(18, NOTICE_2018), /年度应为 1999 至 2100 之间/);
  });
});
