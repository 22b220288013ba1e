/**
 * 更正 of a published annual report, on every database: a correction needs a reason, goes through the chain as a
 * new version, is published as the current version with its reason and date, the earlier version stays public;
 * while it is prepared the public sees the published version; only one correction is open at a time, also when
 * two officers start one at the same moment.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { agencyService } from '../../src/agencies/agency.service.js';
import { operator } from '../../src/core/actor.js';
import { steppingClock } from '../../src/core/clock.js';
import { ConflictError, ValidationError } from '../../src/core/errors.js';
import { reportService } from '../../src/reports/report.service.js';
import { correctionNotice } from '../../src/reports/report-correction.js';
import { forEachDialect } from '../db-helpers.js';
import { approveReport } from '../report-chain-helpers.js';

const clock = steppingClock('2025-02-10T02:00:00.000Z');
const code = (c: string) => (e: unknown) => e instanceof ConflictError && e.code === c;

forEachDialect('report correction (更正)', (ctx) => {
  let agencyId: number;
  let reportId: number;
  const inTrx = <T>(work: (svc: ReturnType<typeof reportService>) => Promise<T>) => ctx.db.transaction().execute((trx) => work(reportService(trx, clock)));

  before(async () => {
    agencyId = (await agencyService(ctx.db, clock).create({ name: '某区行政审批服务局', kind: 'department' }, operator('test'))).id;
    const reports = reportService(ctx.db, clock);
    const draft = await reports.create({ agencyId, year: 2024 }, operator('起草人'));
    await reports.update(draft.id, { ...draft.document, issuedOn: '2025-01-20', cells: { ...draft.document.cells, '二:licensing:decisions': 120 } }, operator('起草人'));
    await approveReport(ctx.db, draft.id);
    reportId = (await inTrx((svc) => svc.publish(draft.id, operator('发布人')))).id;
  });

  it('refuses a correction without a reason, and of a report never published; nothing stored', async () => {
    const reports = reportService(ctx.db, clock);
    const before = await reports.versionCount(reportId);
    await assert.rejects(inTrx((svc) => svc.startCorrection(reportId, '  ', operator('起草人'))),
      (e: unknown) => e instanceof ValidationError && /更正说明/.test(e.message) && e.details.place?.field === 'reason');
    assert.equal(await reports.versionCount(reportId), before);
    assert.equal((await reports.get(reportId)).status, 'published');
    const other = await reports.create({ agencyId, year: 2023 }, operator('起草人'));
    await assert.rejects(inTrx((svc) => svc.startCorrection(other.id, '数字填错', operator('起草人'))), code('REPORT_NOT_PUBLISHED'));
  });

  it('only one of two simultaneous starts succeeds; the public still sees the published version meanwhile', async () => {
    const results = await Promise.allSettled([
      inTrx((svc) => svc.startCorrection(reportId, '表二行政许可处理数填写有误', operator('甲'))),
      inTrx((svc) => svc.startCorrection(reportId, '表二行政许可处理数填写有误', operator('乙'))),
    ]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1, JSON.stringify(results.map((r) => r.status === 'rejected' ? String(r.reason) : 'ok')));
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.ok(code('CORRECTION_OPEN')(refused.reason), String(refused.reason));
    const reports = reportService(ctx.db, clock);
    const now = await reports.get(reportId);
    assert.equal(now.status, 'draft');
    assert.equal(now.reviewState, 'draft');
    assert.equal(now.version, 3);
    assert.equal(now.publishedVersion, 2);
    assert.equal((await reports.corrections(reportId)).length, 1);
    const pub = (await reports.published(reportId))!;
    assert.equal(pub.report.version, 2);
    assert.equal(pub.report.status, 'published');
    assert.deepEqual(pub.corrections, []);
    // Still listed on the portal and still the published record for the period lock.
    assert.deepEqual((await reports.list({ agencyId, onPortal: true })).map((r) => r.id), [reportId]);
  });

  it('publishes the corrected version through the chain: current on the portal, with its reason and date; the earlier one kept', async () => {
    const reports = reportService(ctx.db, clock);
    const draft = await reports.get(reportId);
    await reports.update(reportId, { ...draft.document, cells: { ...draft.document.cells, '二:licensing:decisions': 126 } }, operator('起草人'), null, { baseVersion: 3 });
    await assert.rejects(inTrx((svc) => svc.publish(reportId, operator('发布人'))), code('REVIEW_INCOMPLETE'));
    await approveReport(ctx.db, reportId);
    const done = await inTrx((svc) => svc.publish(reportId, operator('发布人')));
    assert.equal(done.status, 'published');
    assert.equal(done.publishedVersion, 4);
    assert.ok(done.correctedAt);
    assert.ok(done.publishedAt! < done.correctedAt!, 'the first publication time is kept');
    const pub = (await reports.published(reportId))!;
    assert.equal(pub.report.document.cells['二:licensing:decisions'], 126);
    assert.deepEqual(pub.earlierVersions, [2]);
    assert.equal(pub.corrections.length, 1);
    assert.match(correctionNotice(pub.corrections[0]!), /^本报告已于 2025 年 2 月 10 日更正（更正说明：表二行政许可处理数填写有误）$/);
    assert.equal((await reports.getVersion(reportId, 2)).document.cells['二:licensing:decisions'], 120);
    const types = (await reports.events(reportId)).map((e) => e.type);
    assert.ok(types.includes('correction-started') && types.at(-1) === 'correction-published', types.join());
    // Immutable again until the next correction.
    await assert.rejects(reports.update(reportId, draft.document, operator('起草人')), code('REPORT_PUBLISHED'));
    // A second correction starts from the corrected version.
    const again = await inTrx((svc) => svc.startCorrection(reportId, '再次更正：成文日期', operator('起草人')));
    assert.equal(again.version, 5);
    assert.equal((await reports.getVersion(reportId, 5)).document.cells['二:licensing:decisions'], 126);
  });
});
