/**
 * The demo items generator (src/demo/demo-items-generator.ts): the same plan for the same seed, realistic 文号 in
 * order, every item published on the portal through the recorded chain by the demo people (the publication
 * invariant's check finds nothing), clearly demo; bad counts refused with nothing written. Both databases.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { operator } from '../../src/core/actor.js';
import { systemClock } from '../../src/core/clock.js';
import { calendarService } from '../../src/calendar/calendar.service.js';
import { DEMO_BUREAU, ensureDemoData } from '../../src/demo/seed-demo.js';
import { addDemoItems, DEMO_ITEM_NOTE, demoItemPlans } from '../../src/demo/demo-items-generator.js';
import { ValidationError } from '../../src/core/errors.js';
import { forEachDialect } from '../db-helpers.js';

forEachDialect('demo items generator', (ctx) => {
  let bureauId = 0;
  before(async () => {
    await ensureDemoData(ctx.db, systemClock);
    await calendarService(ctx.db).seedIfEmpty(operator('测试准备'));
    bureauId = (await ctx.db.selectFrom('agencies').select('id').where('name', '=', DEMO_BUREAU).executeTakeFirstOrThrow()).id;
  });

  test('the plan is deterministic and realistic', async () => {
    const calendar = await calendarService(ctx.db, systemClock).load();
    const a = demoItemPlans(300, 2024, calendar);
    assert.deepEqual(demoItemPlans(300, 2024, calendar), a);
    assert.notDeepEqual(demoItemPlans(300, 2024, calendar, 7), a);
    assert.equal(a.length, 300);
    const fa = a.filter((p) => p.docNo?.startsWith('威环审批发'));
    assert.ok(fa.length > 10);
    assert.deepEqual(fa.map((p) => p.docNo), fa.map((_, i) => `威环审批发〔2024〕${i + 1}号`));
    assert.match(fa[0]!.title, /^关于印发《环翠区.+（2024年版）》的通知$/);
    assert.ok(a.some((p) => p.normative && /^威环审批规〔2024〕\d+号$/.test(p.docNo ?? '')));
    for (const p of a) {
      assert.ok(p.writtenOn <= p.publishOn && p.publishOn.startsWith('2024-'), `${p.writtenOn} ${p.publishOn}`);
      assert.ok(p.bodyHtml.includes(DEMO_ITEM_NOTE));
    }
    assert.deepEqual([...a.map((p) => p.publishOn)].sort(), a.map((p) => p.publishOn));
  });

  test('adds items through the chain onto the portal; bad counts change nothing', async () => {
    for (const bad of [0, -1, 2001, 1.5]) {
      await assert.rejects(ctx.db.transaction().execute((trx) => addDemoItems(trx, bureauId, bad)), ValidationError);
    }
    const started = performance.now();
    const { items } = await ctx.db.transaction().execute((trx) => addDemoItems(trx, bureauId, 40));
    const ms = performance.now() - started;
    console.log(`# 40 demo items through the chain: ${ms.toFixed(0)} ms (${ctx.dialect})`);
    assert.equal(items, 40);
    const rows = await ctx.db.selectFrom('items').selectAll().where('agency_id', '=', bureauId).execute();
    assert.equal(rows.length, 40);
    for (const r of rows) {
      assert.equal(r.state, 'published');
      assert.match(r.index_no ?? '', /\/2024-\d{5}$/);
      assert.match(r.summary, /^演示数据：/);
    }
    const publications = await ctx.db.selectFrom('channel_publications').selectAll().where('subject_kind', '=', 'item').execute();
    assert.equal(publications.length, 40);
    assert.ok(publications.every((p) => p.channel === 'portal' && p.published_on.startsWith('2024-')));
    const steps = await ctx.db.selectFrom('review_steps').select(['step', 'actor']).where('subject_kind', '=', 'item').execute();
    for (const step of ['submit', 'first-review', 'secrecy-review', 'sign-off', 'publish']) {
      assert.equal(steps.filter((s) => s.step === step).length, 40, step);
    }
  });
});
