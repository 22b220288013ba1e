/**
 * The demo's report in the 2019 format drafted from the data (issue 12): the bureau's 2020 report
 * (国办公开办函〔2019〕60号, the format of report years 2019–2020) as a draft — 40 demo items of 2020 published
 * through the chain, the year's other table 二 counts entered with their source, tables 二/三/四 filled from the
 * data, sections 一 and 六 drafted from it (every figure marked), and the parts a person writes (the preamble,
 * section 五, the date of issue) written as a bureau would. It passes every check; the disclosure office edits it
 * in the admin UI and sends it up the chain. All figures are DEMO VALUES.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../core/actor.js';
import { fixedClock } from '../core/clock.js';
import { ConflictError } from '../core/errors.js';
import { getFormat } from '../core/format/registry.js';
import { findUserByLogin } from '../auth/user.repository.js';
import { ensureCalendar } from '../calendar/calendar-seed.js';
import type { Database } from '../db/schema.js';
import { reportText } from '../reports/report-text.js';
import { reportService } from '../reports/report.service.js';
import { enterArt20Count, enteredCells } from '../statistics/table2.service.js';
import { addDemoItems } from './demo-items-generator.js';

/** The year and the day the draft is counted as of. */
const YEAR = 2020;
const AS_OF = `${YEAR}-12-31`;
const SOURCE = '审批服务平台年度统计（演示数据）';

/** Demo values of the entered table 二 cells of the 2019 format (项目数量, 增减, 处理决定, 收费, 采购). */
const ENTERED: Readonly<Record<string, number>> = {
  '二:licensing:prev-count': 226, '二:licensing:change': -3, '二:licensing:decisions': 17302,
  '二:other-services:prev-count': 22, '二:other-services:change': 1, '二:other-services:decisions': 2251,
  '二:penalty:prev-count': 0, '二:penalty:change': 0, '二:penalty:decisions': 0,
  '二:coercion:prev-count': 0, '二:coercion:change': 0, '二:coercion:decisions': 0,
  '二:fees:prev-count': 1, '二:fees:change': 0,
  '二:procurement:projects': 1, '二:procurement:amount': 96.5,
};

const PREAMBLE = [
  `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式（试行）〉的通知》（国办公开办函〔2019〕60号）要求编制。`,
  `本报告所列数据的统计期限自${YEAR}年1月1日起至${YEAR}年12月31日止。本报告电子版可在环翠区人民政府门户网站查阅或下载。`,
];

const SECTION_FIVE = [
  '（一）存在的主要问题：政策解读形式较为单一，图解、视频等解读方式运用不够；办事指南的更新与事项调整的衔接还不够及时。',
  '（二）改进情况：丰富政策解读形式，对重要政策文件同步制作图文解读；建立办事指南随事项调整同步更新的工作机制，确保公开内容准确、及时。',
];

async function demoActor(db: Kysely<Database>, login: string): Promise<Actor> {
  const user = await findUserByLogin(db, login);
  if (!user) throw new ConflictError(`缺少演示用户 ${login}，无法生成演示报告草稿`, 'DEMO_USER_MISSING');
  return { id: user.id, name: user.name };
}

/**
 * Makes the bureau's 2020 draft report from the data in the caller's transaction (the demo users and the seed
 * catalogue must exist). Returns the report's number.
 */
export async function addDemoDraftReport(trx: Kysely<Database>, bureau: { id: number; name: string }): Promise<{ reportId: number }> {
  const clock = fixedClock(`${YEAR + 1}-01-15T02:00:00.000Z`);
  // The items' due dates need the working-day calendar (seeded from chinese-days if still empty).
  await ensureCalendar(trx, clock);
  await addDemoItems(trx, bureau.id, 40, YEAR);
  const office = await demoActor(trx, 'gongkai');
  // Entered at the year's end, so they count as of 31 December (the figures stay reproducible).
  const entered = fixedClock(`${YEAR}-12-30T02:00:00.000Z`);
  for (const cell of enteredCells(getFormat('2019'))) {
    const value = ENTERED[cell.key];
    if (value === undefined) continue;
    await enterArt20Count(trx, { agencyId: bureau.id, year: YEAR, cell: cell.key, value, source: SOURCE }, office, entered());
  }
  const reports = reportService(trx, clock);
  const created = await reports.create({ agencyId: bureau.id, year: YEAR }, office);
  const filled = await reports.fillFromData(created.id, office, AS_OF, { baseVersion: created.version });
  const drafted = await reportText(trx, clock).draft(created.id, filled.report.version, office, AS_OF);
  // What a person writes: the preamble, section 五 and the date of issue (the text drafted from the data stays).
  const doc = drafted.report.document;
  const written = {
    ...doc,
    issuedOn: `${YEAR + 1}-01-15`,
    preamble: PREAMBLE,
    sections: doc.sections.map((s) => (s.key === '五' ? { ...s, paragraphs: SECTION_FIVE, parts: [] } : s)),
  };
  await reports.update(created.id, written, office, '演示数据：填写前言、第五部分和成文日期', { baseVersion: drafted.report.version });
  return { reportId: created.id };
}
