import { operator } from '../core/actor.js';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { forEachDialect } from '../../test/db-helpers.js';
import { agencyService } from '../agencies/agency.service.js';
import { fixedClock } from '../core/clock.js';
import { NotFoundError } from '../core/errors.js';
import { fromInterchange } from '../core/interchange/from-interchange.js';
import { toInterchange } from '../core/interchange/to-interchange.js';
import { reportReview } from '../reports/report-review.js';
import { reportService } from '../reports/report.service.js';
import { DEMO_BUREAU, DEMO_GOVERNMENT, ensureDemoData } from './seed-demo.js';

const clock = fixedClock('2024-03-01T00:00:00.000Z');
const fixture = JSON.parse(readFileSync(new URL('./huancui-approval-bureau-2019.json', import.meta.url), 'utf8'));

forEachDialect('demo data and seed import', (ctx) => {
  it('seeds the government, its bureau and the published 2019 report, once', async () => {
    const { db } = await ctx.fresh();
    assert.equal(await ensureDemoData(db, clock), true);
    assert.equal(await ensureDemoData(db, clock), false);
    const agencies = await agencyService(db, clock).list();
    assert.deepEqual(agencies.map((a) => [a.name, a.kind]), [[DEMO_GOVERNMENT, 'government'], [DEMO_BUREAU, 'department']]);
    assert.equal(agencies[1]!.parentId, agencies[0]!.id);
    const reports = reportService(db, clock);
    const list = await reports.list();
    assert.equal(list.length, 1);
    const [summary] = list;
    assert.deepEqual({ ...summary, id: 0, agencyId: 0 }, {
      id: 0, agencyId: 0, agencyName: DEMO_BUREAU, year: 2019, format: '2019', status: 'published', version: 1,
      issuedOn: '2020-01-18', createdAt: '2020-01-18T00:00:00.000Z', updatedAt: '2020-01-18T00:00:00.000Z',
      publishedAt: '2020-01-18T00:00:00.000Z', reviewState: 'published', reviewStateName: '已发布', reviewVersion: 1, publishedVersion: 1, correctedAt: null,
    });
    const events = await reports.events(summary!.id);
    assert.deepEqual(events.map((e) => [e.type, e.actor]), [['imported', '演示数据'], ['published', '周专员']]);
    // The seed went through the chain, recorded by the demo users (never a bypass), and onto the portal.
    const chain = await reportReview(db, summary!.id);
    assert.deepEqual(chain.steps.map((s) => [s.step, s.decision, s.actor, s.at.slice(0, 10)]), [
      ['submit', null, '李经办', '2020-01-16'], ['first-review', 'pass', '王科长', '2020-01-16'],
      ['secrecy-review', 'pass', '赵保密', '2020-01-17'], ['sign-off', 'pass', '孙局长', '2020-01-17'],
      ['publish', null, '周专员', '2020-01-18'],
    ]);
    const onPortal = await db.selectFrom('channel_publications').selectAll().where('subject_kind', '=', 'report').execute();
    assert.deepEqual(onPortal.map((p) => [p.channel, p.published_on, p.actor]), [['portal', '2020-01-18', '周专员']]);
    assert.deepEqual(toInterchange((await reports.get(summary!.id)).document), fixture);
  });

  it('adds nothing to a database that already has agencies', async () => {
    const { db } = await ctx.fresh();
    await agencyService(db, clock).create({ name: '已有机关', kind: 'government' }, operator('test'));
    assert.equal(await ensureDemoData(db, clock), false);
    assert.equal((await agencyService(db, clock).list()).length, 1);
    assert.equal((await reportService(db, clock).list()).length, 0);
  });

  it('imports the seed by agency name and round-trips it exactly; a re-import is a new version', async () => {
    const { db } = await ctx.fresh();
    const reports = reportService(db, clock);
    const doc = fromInterchange(fixture);
    await assert.rejects(reports.importDocument(doc, {}, operator('test')), (e: unknown) =>
      e instanceof NotFoundError && e.message.includes(DEMO_BUREAU));
    const gov = await agencyService(db, clock).create({ name: DEMO_GOVERNMENT, kind: 'government' }, operator('test'));
    await agencyService(db, clock).create({ name: DEMO_BUREAU, kind: 'department', parentId: gov.id }, operator('test'));
    const first = await reports.importDocument(doc, {}, operator('test'));
    assert.equal(first.status, 'draft');
    assert.deepEqual(toInterchange((await reports.get(first.id)).document), fixture);
    const again = await reports.importDocument(doc, {}, operator('test'));
    assert.equal(again.id, first.id);
    assert.equal(again.version, 2);
    const last = (await reports.events(first.id)).at(-1)!;
    assert.equal(last.type, 'imported');
    assert.deepEqual(last.new, { version: 2, changed: [] });
    // The published seed passes every hard rule today as well.
    assert.equal((await reports.check(first.id, operator('test'))).checks.ok, true);
  });
});
