/**
 * Demo data for a fresh installation: 环翠区人民政府, its department 威海市环翠区行政审批服务局, and the
 * bureau's real published 2019 annual report, so the portal shows something true on first start.
 */
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { addDemoDisclosure } from './demo-disclosure.js';
import { addDemoUsers } from './demo-users.js';
import { agencyService } from '../agencies/agency.service.js';
import { operator, type Actor } from '../core/actor.js';
import type { Clock } from '../core/clock.js';
import { fromInterchange } from '../core/interchange/from-interchange.js';
import type { ReportDocument } from '../core/report/report-model.js';
import type { Database } from '../db/schema.js';
import { insertEventRow, updateReportRow } from '../reports/report.repository.js';
import { reportService } from '../reports/report.service.js';
import { reportReviewAdapter, reviewReport, submitReport } from '../reports/report-review.js';
import { publishToChannels } from '../disclosure/review.service.js';
import { ensureCalendar } from '../calendar/calendar-seed.js';
import { addDemoDraftReport } from './demo-draft-report.js';
import { playDemoDisclosureYear } from './demo-disclosure-year.js';
import { addDemoItems } from './demo-items-generator.js';
import { addDemoMatters } from './demo-matters.js';

export const DEMO_GOVERNMENT = '环翠区人民政府';
export const DEMO_BUREAU = '威海市环翠区行政审批服务局';
export const DEMO_ACTOR: Actor = operator('演示数据');
const SEED_URL = new URL('./huancui-approval-bureau-2019.json', import.meta.url);

/** The seed report (2019, published 2020-01-18) as a document. */
export function loadSeedReport(): ReportDocument {
  return fromInterchange(JSON.parse(readFileSync(SEED_URL, 'utf8')), '演示数据');
}

/** A demo user as the actor of a recorded act. */
async function demoActor(trx: Kysely<Database>, login: string): Promise<Actor> {
  const user = await trx.selectFrom('users').select(['id', 'name']).where('login', '=', login).executeTakeFirstOrThrow();
  return { id: Number(user.id), name: user.name };
}

/**
 * The seed report's way to publication, recorded as the chain runs it (条例 Art. 50, 先审查、后公开): submitted by
 * the 经办人, 初审 by the 科室负责人, 保密审查 by the 保密审查员 (portal found fit), 签发 by the 领导, published on the
 * portal by the 信息公开专职人员 on its date of issue — the demo users, never a bypass.
 */
async function recordSeedChain(trx: Kysely<Database>, reportId: number): Promise<void> {
  const [jingban, kezhang, baomi, lingdao, gongkai] = await Promise.all(
    ['jingban', 'kezhang', 'baomi', 'lingdao', 'gongkai'].map((login) => demoActor(trx, login)),
  );
  await submitReport(trx, reportId, jingban!, new Date('2020-01-16T01:00:00.000Z'), '演示数据：2019 年度报告送审');
  await reviewReport(trx, reportId, { step: 'first-review', decision: 'pass', comment: '数据核对无误' }, kezhang!, new Date('2020-01-16T06:00:00.000Z'));
  await reviewReport(trx, reportId, {
    step: 'secrecy-review', decision: 'pass', comment: '不涉及国家秘密、工作秘密和个人隐私',
    form: { channelsFit: { portal: true }, conclusion: '经审查，不涉密，同意在政府网站公开' },
  }, baomi!, new Date('2020-01-17T02:00:00.000Z'));
  await reviewReport(trx, reportId, { step: 'sign-off', decision: 'pass', comment: '同意发布' }, lingdao!, new Date('2020-01-17T07:00:00.000Z'));
  await publishToChannels(trx, reportReviewAdapter, reportId, ['portal'], gongkai!, new Date('2020-01-18T00:00:00.000Z'), '2020-01-18');
}

/** What the demo data includes beyond the agencies, users, catalogue, guide and the 2019 report. */
export interface DemoOptions {
  /**
   * Also play the scripted 2025 year of proactive disclosure (src/demo/demo-disclosure-year.ts: 92 items through
   * the chain on every channel, the monthly checklists, the 2025 report published; about 0.6 s on SQLite). The
   * server's start asks for it; the CLI and most tests do not (their fixtures expect the bureau without items).
   */
  disclosureYear?: boolean;
  /**
   * Also generate this many demo items of 2024 through the chain onto the portal (src/demo/demo-items-generator.ts),
   * so the public site has a few hundred items to look at (issue 10); about 14 ms an item on SQLite, first start only.
   */
  generatedItems?: number;
  /**
   * Also make the bureau's 2020 report in the 2019 format as a draft filled and written from the data
   * (src/demo/demo-draft-report.ts: 40 items of 2020, entered counts, sections 一 and 六 drafted; about 0.3 s).
   */
  draftReport?: boolean;
  /**
   * Also add the bureau's 政务服务事项 (src/demo/demo-matters.ts): offices, halls with 2019's figures and 120 matters
   * published through the chain in 2019. The server's start asks for it; tests of matters do.
   */
  matters?: boolean;
}

/**
 * Adds the demo agencies and the published 2019 report when the database has no agency at all;
 * otherwise does nothing. Runs in one transaction (inside the caller's, if any). Returns whether
 * it seeded.
 */
export async function ensureDemoData(db: Kysely<Database>, clock: Clock, options: DemoOptions = {}): Promise<boolean> {
  const work = async (trx: Kysely<Database>): Promise<boolean> => {
    const agencies = agencyService(trx, clock);
    if (!(await agencies.isEmpty())) return false;
    const government = await agencies.create({ name: DEMO_GOVERNMENT, kind: 'government', parentId: null }, DEMO_ACTOR);
    const bureau = await agencies.create({ name: DEMO_BUREAU, kind: 'department', parentId: government.id }, DEMO_ACTOR);
    const seed = loadSeedReport();
    // The report was issued and published on its date of issue; its history carries that date,
    // not the moment of seeding.
    const publishedAt = `${seed.issuedOn}T00:00:00.000Z`;
    const reports = reportService(trx, () => publishedAt);
    const report = await reports.importDocument(seed, { agencyId: bureau.id }, DEMO_ACTOR, '演示数据：导入已发布的 2019 年度报告');
    await addDemoUsers(trx, clock, { government: government.id, bureau: bureau.id }, DEMO_ACTOR);
    await recordSeedChain(trx, report.id);
    // Recorded as published as it was in reality, without re-running today's checks: the original
    // leaves many cells blank, which the checks rightly report but which do not undo a publication.
    await updateReportRow(trx, report.id, { status: 'published', published_at: publishedAt, updated_at: publishedAt, published_version: report.version });
    const publisher = await demoActor(trx, 'gongkai');
    await insertEventRow(trx, {
      report_id: report.id, at: publishedAt, actor: publisher.name, actor_id: publisher.id, type: 'published',
      old: JSON.stringify({ status: 'draft' }),
      new: JSON.stringify({
        status: 'published', version: report.version, issuedOn: seed.issuedOn, channel: 'portal', note: '演示数据：原报告已于成文日期发布',
      }),
    });
    await addDemoDisclosure(trx, clock, bureau);
    if (options.disclosureYear) {
      // The year's items need the working-day calendar (Art. 26 due dates), seeded here if still empty.
      await ensureCalendar(trx, clock);
      await playDemoDisclosureYear(trx, bureau);
    }
    if (options.generatedItems) await addDemoItems(trx, bureau.id, options.generatedItems, 2024);
    if (options.draftReport) await addDemoDraftReport(trx, bureau);
    if (options.matters) await addDemoMatters(trx, bureau.id, DEMO_ACTOR);
    return true;
  };
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
