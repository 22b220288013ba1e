/**
 * Bench section for the review chain (issue 9, Deliver 3): publishing one item through the chain — created by the
 * drafter, submitted (body scanned), 初审, 保密审查 with the form, 签发 by three other people, published to the portal
 * and WeChat with its 索引号 — each act in its own transaction as the API runs it, with the same use cases. SQLite in a
 * temporary file (the default engine). Target: the whole chain under 100 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agencyService } from '../src/agencies/agency.service.js';
import { calendarService } from '../src/calendar/calendar.service.js';
import type { Actor } from '../src/core/actor.js';
import { operator } from '../src/core/actor.js';
import { systemClock } from '../src/core/clock.js';
import { openSqlite } from '../src/db/database.js';
import { migrate } from '../src/db/migrations.js';
import { createItem } from '../src/disclosure/item-drafting.js';
import { publishItem, reviewItem, submitItem } from '../src/disclosure/item-review.js';
import { measure, type Figure } from './measure.js';

const TARGET = 100;
const FORM = {
  stateSecret: false, workSecret: false, personalInfo: false, tradeSecret: false,
  channelsFit: { portal: true, wechat: true }, conclusion: '不涉及国家秘密、工作秘密、个人信息和商业秘密，同意公开',
};
const BODY = `<p>${'为进一步做好政府信息公开工作，根据《中华人民共和国政府信息公开条例》的规定，结合本单位实际，制定本方案。'.repeat(20)}</p>`.repeat(10);

/** The figure: one item through the whole chain. */
export async function itemFigures(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-items-'));
  const db = openSqlite(join(dir, 'bench.sqlite'));
  try {
    await migrate(db.db);
    const clock = systemClock;
    const agency = await agencyService(db.db, clock).create({ name: '威海市环翠区行政审批服务局', kind: 'department' }, operator('bench'));
    await db.db.updateTable('agencies').set({ credit_code: '11371002MB2850312X' }).where('id', '=', agency.id).execute();
    await db.db.transaction().execute((trx) => calendarService(trx, clock).seedIfEmpty(operator('bench')));
    const people: Record<string, Actor> = {
      drafter: { id: 1, name: '经办人' }, head: { id: 2, name: '科室负责人' }, secrecy: { id: 3, name: '保密审查员' },
      leader: { id: 4, name: '领导' }, publisher: { id: 5, name: '信息公开专职人员' },
    };
    const tx = <T>(work: (trx: typeof db.db) => Promise<T>) => db.db.transaction().execute(work);
    let n = 0;
    const chain = async () => {
      n++;
      const id = await tx(async (trx) => {
        const calendar = await calendarService(trx, clock).load();
        return (await createItem(trx, agency.id, { title: `基准测试信息${n}`, writtenOn: '2026-03-02', bodyHtml: BODY }, people.drafter!, calendar, clock())).item.id;
      });
      await tx((trx) => submitItem(trx, id, people.drafter!, clock));
      await tx((trx) => reviewItem(trx, id, { step: 'first-review', decision: 'pass' }, people.head!, clock));
      await tx((trx) => reviewItem(trx, id, { step: 'secrecy-review', decision: 'pass', form: FORM }, people.secrecy!, clock));
      await tx((trx) => reviewItem(trx, id, { step: 'sign-off', decision: 'pass' }, people.leader!, clock));
      await tx((trx) => publishItem(trx, id, ['portal', 'wechat'], people.publisher!, clock));
    };
    const figure = await measure('item through the chain (create→publish)', chain, { runs: 60, warmup: 5, target: TARGET });
    console.log(`主动公开：1 条信息（正文约 ${BODY.length} 字符）经起草、提交（扫描）、初审、保密审查、签发、发布到 2 个渠道：中位数 ${figure.medianMs.toFixed(1)} ms（目标 < ${TARGET} ms）`);
    return [figure];
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
