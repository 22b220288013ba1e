/**
 * The scripted year of the demo bureau (src/demo/demo-disclosure-year.ts, plan in demo-disclosure-plan.ts) on
 * SQLite and PostgreSQL, checked against counts MADE BY HAND from the plan (issue 9, "Done when", first bullet).
 * The expected numbers below are written out, not recomputed; how each was made is said next to it.
 *
 * The plan: 84 ordinary items, item n (0…83) in month ⌊n/7⌋+1, leaf ORDINARY_LEAVES[n mod 21], channels
 * COMBOS[n mod 7] with sizes [1, 2, 2, 2, 3, 2, 7] (19 publications a month, 228 a year; as 21 = 3 × 7, leaf L
 * gets its 4 items all on COMBOS[L mod 7]). 行政规范性文件: A, B made in 2024 (published 2024-12); C (Feb), D (Mar),
 * E (May), F (Jul), G (Sep), H (Oct) made in 2025, each on portal + reading point (2); C amended in August
 * (republished on both: 2); A repealed in June and D in November (republished on the portal: 1 each).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Kysely } from 'kysely';
import { fixedClock } from '../../src/core/clock.js';
import type { Database } from '../../src/db/schema.js';
import { getChecklist } from '../../src/disclosure/checklist.service.js';
import { ensureDemoData } from '../../src/demo/seed-demo.js';
import { reportReview } from '../../src/reports/report-review.js';
import { reportService } from '../../src/reports/report.service.js';
import { narrativeFigures } from '../../src/reports/narrative-figures.js';
import { publicationCounts } from '../../src/statistics/publication-counts.service.js';
import { computedTable2 } from '../../src/statistics/table2.service.js';
import { forEachDialect } from '../db-helpers.js';
import { publicationChainProblems } from '../http/publication-chain-check.js';

const clock = fixedClock('2026-02-02T00:00:00.000Z');

forEachDialect('the scripted year of the demo bureau (2025)', (ctx) => {
  let db: Kysely<Database>;
  let bureau: number;

  before(async () => {
    db = (await ctx.fresh()).db;
    assert.equal(await ensureDemoData(db, clock, { disclosureYear: true }), true);
    bureau = Number((await db.selectFrom('agencies').select('id').where('name', '=', '威海市环翠区行政审批服务局').executeTakeFirstOrThrow()).id);
  });

  test('publications by channel, with 公开栏 + LED together, match the hand count', async () => {
    const counts = await publicationCounts(db, { agencyId: bureau, year: 2025, by: 'channel' });
    const by = Object.fromEntries(counts.groups.map((g) => [g.key, g.publications]));
    assert.deepEqual(by, {
      // ordinary: combos 0,1,2,4,6 hold the portal, 12 months → 5 × 12 = 60; 规范性文件: 6 made + C amended + A, D repealed = 9
      // + the 政协提案's result (August)
      portal: 70,
      // combos 1, 6 → 24
      wechat: 24,
      // combos 2, 6 → 24
      'service-portal': 24,
      // combos 3, 4, 6 → 36 each
      'notice-board': 36,
      led: 36,
      // combos 5, 6 → 24
      print: 24,
      // combos 5, 6 → 24; 规范性文件: 6 made + C amended = 7
      'reading-point': 31,
    });
    assert.equal(by['notice-board']! + by.led!, 72);
    // 228 ordinary + 16 规范性文件 (6 × 2 + 2 + 1 + 1) + the 政协提案's result
    assert.deepEqual(counts.total, { publications: 245, items: 92 }); // items: 84 + C…H (6) + A (republished repealed) + the result
    const offered = await narrativeFigures(db, bureau, 2025);
    assert.equal(offered.find((f) => f.label.includes('公开栏和LED显示屏'))!.value, 72);
  });

  test('publications by month and by category match the hand count', async () => {
    const months = await publicationCounts(db, { agencyId: bureau, year: 2025, by: 'month' });
    assert.deepEqual(months.groups.map((g) => [g.key, g.publications]), [
      ['2025-01', 19], ['2025-02', 21] /* C */, ['2025-03', 21] /* D */, ['2025-04', 19], ['2025-05', 21] /* E */,
      ['2025-06', 20] /* A repealed */, ['2025-07', 21] /* F */, ['2025-08', 22] /* C amended, the 政协提案's result */, ['2025-09', 21] /* G */,
      ['2025-10', 21] /* H */, ['2025-11', 20] /* D repealed */, ['2025-12', 19],
    ]);
    const categories = await publicationCounts(db, { agencyId: bureau, year: 2025, by: 'category' });
    const by = Object.fromEntries(categories.groups.map((g) => [g.label, [g.items, g.publications]]));
    // Leaf L: 4 items × size of COMBOS[L mod 7].
    assert.deepEqual(by, {
      机构概况: [4, 4], 领导信息: [4, 8], 内设机构: [4, 8], 下属单位: [4, 8], 办公地址和联系方式: [4, 12], 工作动态: [4, 8],
      通知公告: [4, 28], 政务服务大厅建设: [4, 4], 便民服务信息: [4, 8], 规章: [4, 8], 其他政策文件: [4, 8], 政策解读: [4, 12],
      行政许可事项清单: [4, 8], 办事指南: [4, 28], 行政许可办理结果: [4, 4], 其他对外管理服务事项: [4, 8], 收费项目及标准: [4, 8],
      建议提案办理: [5, 9] /* + the 政协提案's result */, 审批服务统计: [4, 12], 部门预算决算: [4, 8], 政府信息公开工作年度报告: [4, 28],
      // C…H and A (repealed in 2025): 7 items, 16 publications
      行政规范性文件: [7, 16],
    });
  });

  test('table 二 （一） matches the hand count: 规范性文件 made 6, repealed 2, in force 6; no 规章 made by a district bureau', async () => {
    const t = await computedTable2(db, bureau, 2025, '2026-01-12');
    assert.deepEqual(t.cells, {
      '二:rules:issued': 0, '二:rules:repealed': 0, '二:rules:in-force': 0,
      // made: C, D, E, F, G, H; repealed: A (June), D (November); in force on 31 Dec: B, C, E, F, G, H
      '二:normative:issued': 6, '二:normative:repealed': 2, '二:normative:in-force': 6,
    });
  });

  test('each monthly checklist lists the month’s publications, is decided and signed; six withdrawals with reasons', async () => {
    // Entries = the month's publications; 撤回 where the plan withdraws (by the list or directly before it).
    const expected: Record<string, [number, number]> = {
      '2025-01': [19, 0], '2025-02': [21, 0], '2025-03': [21, 1], '2025-04': [19, 1], '2025-05': [21, 0], '2025-06': [20, 1],
      '2025-07': [21, 0], '2025-08': [22, 0], '2025-09': [21, 1], '2025-10': [21, 1], '2025-11': [20, 0], '2025-12': [19, 1],
    };
    for (const [month, [entries, withdrawn]] of Object.entries(expected)) {
      const list = await getChecklist(db, bureau, month);
      assert.equal(list.state, 'signed', month);
      assert.equal(list.signedBy, '赵保密', month);
      assert.equal(list.entries.length, entries, month);
      assert.equal(list.entries.filter((e) => e.decision === 'withdraw').length, withdrawn, month);
      assert.equal(list.entries.filter((e) => e.decision === 'keep').length, entries - withdrawn, month);
      for (const e of list.entries.filter((x) => x.decision === 'withdraw')) assert.ok(e.reason && e.withdrawnAt, `${month} ${e.title}`);
    }
    const withdrawn = await db.selectFrom('channel_publications').select(['channel', 'withdrawal_reason', 'withdrawn_by'])
      .where('withdrawn_at', 'is not', null).orderBy('published_on').execute();
    assert.deepEqual(withdrawn.map((w) => [w.channel, w.withdrawn_by]), [
      ['led', '赵保密'], ['wechat', '周专员'], ['notice-board', '赵保密'], ['led', '赵保密'], ['led', '周专员'], ['notice-board', '赵保密'],
    ]);
    assert.ok(withdrawn.every((w) => (w.withdrawal_reason ?? '').length > 0));
  });

  test('returns, the PII findings resolved, and every platform publication with the full chain', async () => {
    const returns = await db.selectFrom('review_steps').select(['step', 'reason', 'actor']).where('decision', '=', 'return').orderBy('id').execute();
    // By n: 4 (Jan, 初审), 12 (Feb, 签发), 25 (Apr, 初审), 35 (May, 保密审查: the attachment), 46 (Jul, 初审), 54 (Aug, 签发), 67 (Oct, 初审).
    assert.deepEqual(returns.map((r) => [r.step, r.actor]), [
      ['first-review', '王科长'], ['sign-off', '孙局长'], ['first-review', '王科长'], ['secrecy-review', '赵保密'],
      ['first-review', '王科长'], ['sign-off', '孙局长'], ['first-review', '王科长'],
    ]);
    assert.ok(returns.every((r) => (r.reason ?? '').length > 0));
    const notPublished = await db.selectFrom('items').select('title').where('state', '!=', 'published').execute();
    assert.deepEqual(notPublished, []);

    // Findings of the versions the public sees: two 许可结果 with an applicant's mobile, ID number and name (removed),
    // two 办事指南 with the office's landline (confirmed with a reason).
    const findings = await db.selectFrom('pii_findings').innerJoin('items', 'items.id', 'pii_findings.item_id')
      .select(['items.title', 'items.body_html', 'pii_findings.kind', 'pii_findings.resolution', 'pii_findings.resolution_reason'])
      .whereRef('pii_findings.item_version', '=', 'items.published_version').orderBy('pii_findings.id').execute();
    const tally = (resolution: string) => findings.filter((f) => f.resolution === resolution).map((f) => f.kind).sort();
    assert.deepEqual(tally('removed'), ['mobile', 'mobile', 'name-near-number', 'name-near-number', 'resident-id', 'resident-id']);
    assert.deepEqual(tally('confirmed'), ['landline', 'landline']);
    assert.equal(findings.length, 8);
    assert.ok(findings.filter((f) => f.resolution === 'confirmed').every((f) => (f.resolution_reason ?? '').length > 0));
    for (const f of findings.filter((x) => x.resolution === 'removed')) {
      assert.doesNotMatch(f.body_html, /13806311234|11010519491231002X|张某某/, f.title);
    }

    // The attachment of n = 35 named an applicant (their name and 居民身份证号码): found, the item returned, the
    // attachment replaced — the finding recorded as removed by the drafter; the replacement holds nothing.
    const inAttachments = await db.selectFrom('pii_findings').select(['kind', 'resolution', 'resolved_by'])
      .where('source', 'like', 'attachment:%').orderBy('kind').execute();
    assert.deepEqual(inAttachments.map((f) => [f.kind, f.resolution, f.resolved_by]), [
      ['name-near-number', 'removed', '李经办'], ['resident-id', 'removed', '李经办'],
    ]);

    const { problems, checked } = await publicationChainProblems(db);
    assert.deepEqual(problems, []);
    // 2024: A, B on two channels each (4); 2025: 245 (with the 政协提案's result)
    assert.equal(checked, 249);
  });

  test('the catalogue went through the chain and is on the portal, every leaf holding items', async () => {
    const steps = await db.selectFrom('review_steps').select(['step', 'decision', 'actor']).where('subject_kind', '=', 'catalogue').orderBy('id').execute();
    assert.deepEqual(steps.map((s) => [s.step, s.decision, s.actor]), [
      ['submit', null, '李经办'], ['first-review', 'pass', '王科长'], ['secrecy-review', 'pass', '赵保密'], ['sign-off', 'pass', '孙局长'], ['publish', null, '周专员'],
    ]);
    const onPortal = await db.selectFrom('channel_publications').select(['channel', 'published_on']).where('subject_kind', '=', 'catalogue').execute();
    assert.deepEqual(onPortal.map((p) => p.channel), ['portal']);
    // 22 leaves of the seed template (5 + 4 + 4 + 6 + 2 + 1), each with items; no item outside a leaf.
    const leaves = await db.selectFrom('catalogue_nodes as n').select('n.id').where('n.agency_id', '=', bureau)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('catalogue_nodes as c').select('c.id').whereRef('c.parent_id', '=', 'n.id')))).execute();
    assert.equal(leaves.length, 22);
    const used = new Set((await db.selectFrom('items').select('category_id').where('agency_id', '=', bureau).execute()).map((i) => Number(i.category_id)));
    assert.deepEqual([...used].sort(), leaves.map((l) => Number(l.id)).sort());
  });

  test('the 2025 report is filled from the data, passes every hard rule, went through the chain and is published', async () => {
    const reports = reportService(db, clock);
    const report = (await reports.findByAgencyYear(bureau, 2025))!;
    assert.equal(report.status, 'published');
    const cells = report.document.cells;
    assert.deepEqual(
      ['二:normative:issued', '二:normative:repealed', '二:normative:in-force', '二:rules:issued', '二:licensing:decisions'].map((k) => cells[k]),
      [6, 2, 6, 0, 18652],
    );
    const checks = (await reports.check(report.id, { id: null, name: '测试' })).checks;
    assert.equal(checks.hardFailures, 0, JSON.stringify(checks.results.filter((r) => r.status === 'fail' && r.severity === 'error')));
    const chain = await reportReview(db, report.id);
    assert.deepEqual(chain.steps.map((s) => [s.step, s.decision, s.actor]), [
      ['submit', null, '李经办'], ['first-review', 'pass', '王科长'], ['secrecy-review', 'pass', '赵保密'], ['sign-off', 'pass', '孙局长'], ['publish', null, '周专员'],
    ]);
    const versions = await reports.versions(report.id);
    assert.ok(versions.some((v) => /表二由主动公开信息数据/.test(v.note ?? '')), 'filled from the data');
  });
});
