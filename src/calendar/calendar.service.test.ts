/**
 * The stored calendar on SQLite and PostgreSQL: seeding from chinese-days, loading for deadline
 * arithmetic, entering a year's notice (the real 2018 one), corrections with their history, and
 * refusals that change nothing.
 */
import { operator } from '../core/actor.js';
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachDialect } from '../../test/db-helpers.js';
import { NOTICE_2018 } from '../../test/fixtures/notice-2018.js';
import { steppingClock } from '../core/clock.js';
import { addWorkingDays, isWorkingDay } from '../core/calendar/work-calendar.js';
import { ValidationError } from '../core/errors.js';
import { chineseDaysCalendar } from './calendar-source.js';
import { ensureCalendar } from './calendar-seed.js';
import { calendarService } from './calendar.service.js';

const clock = () => steppingClock('2026-01-05T01:00:00.000Z');

forEachDialect('calendarService', (ctx) => {
  it('seeds once when two starts seed at the same time', async () => {
    const { db } = await ctx.fresh();
    const seeded = await Promise.all([ensureCalendar(db, clock(), operator('a')), ensureCalendar(db, clock(), operator('b'))]);
    assert.deepEqual(seeded.sort(), [false, true]);
    assert.equal((await calendarService(db, clock()).events()).length, 8);
  });

  it('seeds an empty database once from chinese-days and loads the 2019–2026 calendar', async () => {
    const { db } = await ctx.fresh();
    const calendar = calendarService(db, clock());
    assert.equal((await calendar.load()).coveredYears, null);
    assert.equal(await ensureCalendar(db, clock(), operator('system')), true);
    assert.equal(await ensureCalendar(db, clock(), operator('system')), false);
    const cal = await calendar.load();
    assert.deepEqual(cal.coveredYears, { from: 2019, to: 2026 });
    assert.equal(cal.days.length, chineseDaysCalendar().days.length);
    assert.equal(addWorkingDays(cal, '2025-09-26', 20).date, '2025-10-30');
    assert.equal(addWorkingDays(cal, '2024-12-20', 20).date, '2025-01-20');
    assert.equal(isWorkingDay(cal, '2018-12-29'), true);
    const events = await calendar.events();
    assert.deepEqual(events.map((e) => [e.year, e.type, e.actor]), [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026].map((y) => [y, 'seeded', 'system']));
    assert.equal(events[0]!.old, null);
    assert.deepEqual((events[0]!.new as { days: unknown[] }).days[0], { date: '2018-12-29', kind: 'work', name: '元旦调休上班' });
    const y2019 = await calendar.getYear(2019);
    assert.match(y2019.source, /^chinese-days /);
    assert.equal(y2019.updatedAt, '2026-01-05T01:00:00.000Z');
    assert.deepEqual(y2019.days.slice(0, 2).map((d) => d.date), ['2018-12-29', '2018-12-30']);
  });

  it('enters a year from its State Council notice (2018), adjoining the covered years', async () => {
    const { db } = await ctx.fresh();
    const calendar = calendarService(db, clock());
    await calendar.seedIfEmpty(operator('system'));
    await assert.rejects(calendar.load().then((cal) => isWorkingDay(cal, '2018-09-29')), (e: Error) =>
      e.message === '日历未覆盖 2018 年：请先录入国务院办公厅公布的该年度节假日安排');
    await db.transaction().execute((trx) => calendarService(trx, clock()).setYear(2018, NOTICE_2018, operator('admin'), { source: '国办发明电〔2017〕12号' }));
    const cal = await calendar.load();
    assert.deepEqual(cal.coveredYears, { from: 2018, to: 2026 });
    // Received Friday 2018-09-28: Saturday and Sunday were make-up days, then 国庆节 1–7 October.
    const { date, explain } = addWorkingDays(cal, '2018-09-28', 20);
    assert.equal(date, '2018-10-31');
    assert.deepEqual(explain.slice(0, 3).map((d) => [d.date, d.counted, d.reason]), [
      ['2018-09-29', true, '国庆节调休上班'], ['2018-09-30', true, '国庆节调休上班'], ['2018-10-01', false, '国庆节假期'],
    ]);
    const year = await calendar.getYear(2018);
    assert.equal(year.source, '国办发明电〔2017〕12号');
    assert.equal(year.days.length, NOTICE_2018.length);
    // 2018-12-29 to 31 stay with the 2019 notice.
    assert.equal((await calendar.getYear(2019)).days[0]!.date, '2018-12-29');
    const [event] = await calendar.events(2018);
    assert.equal(event!.type, 'year-set');
    assert.equal(event!.actor, 'admin');
    assert.equal(event!.old, null);
    assert.equal((event!.new as { days: unknown[] }).days.length, NOTICE_2018.length);
  });

  it('corrects an entered year, keeping the old arrangement in the event', async () => {
    const { db } = await ctx.fresh();
    const calendar = calendarService(db, clock());
    await calendar.seedIfEmpty(operator('system'));
    const before = await calendar.getYear(2026);
    // Enter the same notice again by hand, this time naming the notice.
    await calendar.setYear(2026, before.days, operator('admin'), { source: '国办发明电〔2025〕7号' });
    const after = await calendar.getYear(2026);
    assert.deepEqual(after.days, before.days);
    assert.equal(after.source, '国办发明电〔2025〕7号');
    const events = await calendar.events(2026);
    assert.deepEqual(events.map((e) => e.type), ['seeded', 'year-set']);
    const old = events[1]!.old as { source: string; covered: boolean; days: unknown[] };
    assert.equal(old.source, before.source);
    assert.equal(old.covered, true);
    assert.deepEqual(old.days, before.days);
    // A correction that drops a day off takes effect at once.
    await calendar.setYear(2026, before.days.filter((d) => d.date !== '2026-10-08'), operator('admin'));
    assert.equal(isWorkingDay(await calendar.load(), '2026-10-08'), true);
    assert.match((await calendar.getYear(2026)).source, /admin 录入/);
  });

  it('refuses, changing nothing: a gap year, a date of another notice, bad days, an uncovered year to show', async () => {
    const { db } = await ctx.fresh();
    const calendar = calendarService(db, clock());
    await calendar.seedIfEmpty(operator('system'));
    const eventsBefore = (await calendar.events()).length;
    await assert.rejects(calendar.setYear(2028, [{ date: '2028-01-01', kind: 'off', name: '元旦' }], operator('admin')), (e: unknown) =>
      e instanceof ValidationError && e.message === '2028 年与已录入的年度不相连（现有日历覆盖 2019 年至 2026 年）：请先录入 2027 年的节假日安排');
    await assert.rejects(calendar.setYear(2018, [...NOTICE_2018, { date: '2018-12-29', kind: 'work', name: '元旦调休上班' }], operator('admin')), (e: unknown) =>
      e instanceof ValidationError && e.details.problems?.[0]?.message === '2018-12-29 已由 2019 年的节假日安排列为“元旦调休上班”');
    await assert.rejects(calendar.setYear(2018, [{ date: '2018-10-08', kind: 'work', name: '国庆节调休上班' }], operator('admin')), ValidationError);
    await assert.rejects(calendar.getYear(2027), (e: unknown) =>
      e instanceof ValidationError && e.message === '日历未覆盖 2027 年：请先录入国务院办公厅公布的该年度节假日安排');
    assert.equal((await calendar.events()).length, eventsBefore);
    assert.deepEqual((await calendar.load()).coveredYears, { from: 2019, to: 2026 });
  });
});
