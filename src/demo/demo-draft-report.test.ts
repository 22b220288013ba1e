/**
 * The demo's 2019-format draft (issue 12): the bureau's 2020 report filled from the data with its sections 一 and
 * 六 drafted from it, passing every check, every figure of the text found and equal to the data.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachDialect } from '../../test/db-helpers.js';
import { checkReport } from '../core/checks/check-report.js';
import { fixedClock } from '../core/clock.js';
import { reportText } from '../reports/report-text.js';
import { reportService } from '../reports/report.service.js';
import { addDemoDraftReport } from './demo-draft-report.js';
import { DEMO_BUREAU, ensureDemoData } from './seed-demo.js';

const clock = fixedClock('2026-12-05T00:00:00.000Z');

forEachDialect('demo 2019-format draft report', (ctx) => {
  it('is a 2020 draft in the 2019 format whose drafted text carries the data’s figures and passes every check', async () => {
    const { db } = await ctx.fresh();
    await ensureDemoData(db, clock);
    const bureau = await db.selectFrom('agencies').select(['id', 'name']).where('name', '=', DEMO_BUREAU).executeTakeFirstOrThrow();
    const { reportId } = await db.transaction().execute((trx) => addDemoDraftReport(trx, bureau));
    const reports = reportService(db, clock);
    const report = await reports.get(reportId);
    assert.deepEqual([report.year, report.format, report.status], [2020, '2019', 'draft']);
    const previous = (await reports.findByAgencyYear(bureau.id, 2019))!;
    const checks = checkReport(report.document, { previous: previous.document });
    assert.deepEqual(checks.results.filter((r) => r.status === 'fail').map((r) => r.title), []);
    const one = report.document.sections.find((s) => s.key === '一')!.parts.map((p) => p.paragraphs.join('')).join('');
    assert.match(one, /2020年，本机关主动公开政府信息40条/);
    assert.match(one, /未收到政府信息公开申请/);
    assert.match(one, /全年作出行政许可决定17302件/);
    const view = await reportText(db, clock).figures(reportId, '2020-12-31');
    assert.ok(view.figures.length >= 6);
    assert.deepEqual(view.figures.filter((f) => f.status !== 'ok').map((f) => f.key), []);
  });
});
