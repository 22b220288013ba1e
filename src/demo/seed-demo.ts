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

export const DEMO_GOVERNMENT = '环翠区人民政府';
export const DEMO_BUREAU = '威海市环翠区行政审批服务局';
export const DEMO_ACTOR: Actor = operator('演示数据');
const SEED_URL = new URL('./huancui-approval-bureau-2019.json', import.meta.url);

/** The seed report (2019, published 2020-01-18) as a document. */
export function loadSeedReport(): ReportDocument {
  return fromInterchange(JSON.parse(readFileSync(SEED_URL, 'utf8')), '演示数据');
}

/**
 * Adds the demo agencies and the published 2019 report when the database has no agency at all;
 * otherwise does nothing. Runs in one transaction (inside the caller's, if any). Returns whether
 * it seeded.
 */
export async function ensureDemoData(db: Kysely<Database>, clock: Clock): Promise<boolean> {
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
    // Recorded as published as it was in reality, without re-running today's checks: the original
    // leaves many cells blank, which the checks rightly report but which do not undo a publication.
    await updateReportRow(trx, report.id, { status: 'published', published_at: publishedAt, updated_at: publishedAt });
    await insertEventRow(trx, {
      report_id: report.id, at: publishedAt, actor: DEMO_ACTOR.name, actor_id: null, type: 'published',
      old: JSON.stringify({ status: 'draft' }),
      new: JSON.stringify({ status: 'published', version: report.version, issuedOn: seed.issuedOn, note: '演示数据：原报告已于成文日期发布' }),
    });
    await addDemoUsers(trx, clock, { government: government.id, bureau: bureau.id }, DEMO_ACTOR);
    await addDemoDisclosure(trx, clock, bureau);
    return true;
  };
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
