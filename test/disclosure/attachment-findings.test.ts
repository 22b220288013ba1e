/**
 * A finding in an attachment is removed by removing (or replacing) the attachment after a return (issue 9 §4):
 * on SQLite and PostgreSQL, resubmitting the version without it records the earlier version's finding as 已删除
 * (by the submitter, with an event), while a finding in an attachment still attached stays open. Found while
 * scripting the demo year: before the fix such a finding could never be resolved (resolveFinding refuses
 * 'removed' while the attachment is attached, and only findings of the version under review can be resolved).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { calendarService } from '../../src/calendar/calendar.service.js';
import { ensureCalendar } from '../../src/calendar/calendar-seed.js';
import { findUserByLogin } from '../../src/auth/user.repository.js';
import type { Actor } from '../../src/core/actor.js';
import { fixedClock } from '../../src/core/clock.js';
import { ensureDemoData } from '../../src/demo/seed-demo.js';
import { addAttachment, checkUpload, removeAttachment } from '../../src/disclosure/item-attachments.js';
import { createItem } from '../../src/disclosure/item-drafting.js';
import { reviewItem, submitItem } from '../../src/disclosure/item-review.js';
import { findItemRow, listFindingRows, listItemEventRows } from '../../src/disclosure/item.repository.js';
import { forEachDialect } from '../db-helpers.js';
import { idNumber, makePdf, pdfText } from '../inspect/fixtures.js';

const clock = fixedClock('2025-03-03T02:00:00.000Z');
const pdf = (text: string) => makePdf([{ content: pdfText(72, 700, text) }]);

forEachDialect('a finding in an attachment removed with the attachment', (ctx) => {
  test('resubmitting without the attachment records its finding as removed; one still attached stays open', async () => {
    const { db } = await ctx.fresh();
    await ensureDemoData(db, clock);
    await ensureCalendar(db, clock);
    const bureau = Number((await db.selectFrom('agencies').select('id').where('kind', '=', 'department').executeTakeFirstOrThrow()).id);
    const who = async (login: string): Promise<Actor> => { const u = (await findUserByLogin(db, login))!; return { id: u.id, name: u.name }; };
    const [drafter, head] = [await who('jingban'), await who('kezhang')];
    const calendar = await calendarService(db, clock).load();
    const { item } = await createItem(db, bureau, { title: '许可结果公示', writtenOn: '2025-03-03' }, drafter, calendar, clock());
    const withId = await checkUpload('名单.pdf', pdf(`Applicant ID ${idNumber()}`));
    const alsoId = await checkUpload('附表.pdf', pdf(`Second ID ${idNumber('11010519491231002')}`));
    await addAttachment(db, item.id, withId, drafter, clock());
    await addAttachment(db, item.id, alsoId, drafter, clock());
    assert.ok((await submitItem(db, item.id, drafter, clock)).findings >= 2);
    await reviewItem(db, item.id, { step: 'first-review', decision: 'return', reason: '附件含身份证号码，请删除' }, head, clock);
    // The drafter removes one attachment and resubmits: that attachment's finding is removed, the other's stays open.
    await removeAttachment(db, item.id, withId.hash, drafter, clock());
    await submitItem(db, item.id, drafter, clock);
    const row = (await findItemRow(db, item.id))!;
    const earlier = (await listFindingRows(db, item.id)).filter((f) => f.item_version < row.version);
    const gone = earlier.filter((f) => f.source === `attachment:${withId.hash}`);
    assert.ok(gone.length >= 1);
    assert.ok(gone.every((f) => f.resolution === 'removed' && f.resolved_by === '李经办' && /已删除或替换该附件/.test(f.resolution_reason ?? '')), JSON.stringify(gone));
    assert.ok(earlier.filter((f) => f.source === `attachment:${alsoId.hash}`).every((f) => f.resolution === null));
    // The current version is scanned afresh: the remaining attachment's finding is open there, to be resolved before the secrecy review.
    assert.ok((await listFindingRows(db, item.id, row.version)).some((f) => f.source === `attachment:${alsoId.hash}` && f.resolution === null));
    const events = (await listItemEventRows(db, item.id)).filter((e) => e.type === 'finding-resolved');
    assert.equal(events.length, gone.length);
  });
});
