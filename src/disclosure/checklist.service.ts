/**
 * The monthly checklist (互联网信息发布每月检查清理清单) as use cases: produce the list of an agency and month (every
 * item publication of that month, once), decide keep / withdraw per entry (a withdrawal takes the item off that
 * channel through withdrawPublication), sign it off once every entry is decided. Each takes the caller's
 * transaction; each change is a `disclosure_events` row of the list (subject_kind 'checklist').
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../core/actor.js';
import {
  assertCanSignOff, assertChecklistOpen, beijingDate, checkDecision, monthRange, type ChecklistDecision,
} from '../core/disclosure/checklist.js';
import { ConflictError, NotFoundError } from '../core/errors.js';
import { lockRow } from '../db/locks.js';
import type { Database } from '../db/schema.js';
import type { ChecklistSheet } from '../render/disclosure/monthly-checklist.js';
import {
  addMonthEntries, agencyName, ensureChecklist, entryViews, findChecklist, findEntryView, listChecklists, setDecision, signChecklist,
  type ChecklistEntryView, type ChecklistRecord,
} from './checklist.repository.js';
import { withdrawPublication } from './publication-withdrawal.js';
import { insertDisclosureEvent } from './review.repository.js';

/** One publication of the month on the list, with its check. */
export interface ChecklistEntry {
  id: number;
  publicationId: number;
  itemId: number;
  itemVersion: number;
  indexNo: string | null;
  title: string;
  channel: string;
  publishedOn: string;
  publisher: string;
  /** When the publication was withdrawn (by this list or otherwise), or null. */
  withdrawnAt: string | null;
  decision: ChecklistDecision | null;
  reason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

/** The list of an agency and month. */
export interface MonthlyChecklist {
  id: number;
  agencyId: number;
  agencyName: string;
  /** YYYY-MM. */
  month: string;
  state: 'open' | 'signed';
  createdAt: string;
  signedAt: string | null;
  signedBy: string | null;
  entries: ChecklistEntry[];
}

/** A list without its entries (the list of months). */
export type ChecklistSummary = Omit<MonthlyChecklist, 'entries' | 'agencyName'>;

const entryOf = (e: ChecklistEntryView): ChecklistEntry => ({
  id: e.id, publicationId: e.publication_id, itemId: e.subject_id, itemVersion: e.subject_version, indexNo: e.index_no, title: e.title,
  channel: e.channel, publishedOn: e.published_on, publisher: e.publisher, withdrawnAt: e.withdrawn_at,
  decision: e.decision as ChecklistDecision | null, reason: e.reason, decidedBy: e.decided_by, decidedAt: e.decided_at,
});

const summaryOf = (l: ChecklistRecord): ChecklistSummary => ({
  id: l.id, agencyId: l.agency_id, month: l.month, state: l.state as 'open' | 'signed', createdAt: l.created_at, signedAt: l.signed_at, signedBy: l.signed_by,
});

async function assemble(db: Kysely<Database>, list: ChecklistRecord): Promise<MonthlyChecklist> {
  return {
    ...summaryOf(list),
    agencyName: (await agencyName(db, list.agency_id)) ?? '',
    entries: (await entryViews(db, list.id)).map(entryOf),
  };
}

async function requireAgency(db: Kysely<Database>, agencyId: number): Promise<void> {
  if ((await agencyName(db, agencyId)) === undefined) throw new NotFoundError(`机构 ${agencyId} 不存在`);
}

/** The list of a month, locked for the rest of the transaction (NotFoundError when not produced yet). */
async function lockedList(trx: Kysely<Database>, agencyId: number, month: string): Promise<ChecklistRecord> {
  const { month: m } = monthRange(month);
  const found = await findChecklist(trx, agencyId, m);
  if (!found) throw new NotFoundError(`${m} 的检查清理清单尚未生成`);
  await lockRow(trx, 'monthly_checklists', found.id);
  // Read again after the lock: a sign-off committed while we waited is seen.
  return (await findChecklist(trx, agencyId, m))!;
}

/**
 * Produces the list of an agency and month: creates it once and adds an entry for every item publication of
 * that month not on it yet (a publication recorded later in the month is added by producing again). A signed
 * list is returned as it is. Safe to call twice and at the same time: the unique constraints and the row lock
 * keep one list and one entry per publication.
 */
export async function produceChecklist(trx: Kysely<Database>, agencyId: number, month: string, actor: Actor, now: Date): Promise<MonthlyChecklist> {
  const range = monthRange(month);
  await requireAgency(trx, agencyId);
  const at = now.toISOString();
  const { list, created } = await ensureChecklist(trx, agencyId, range.month, at);
  await lockRow(trx, 'monthly_checklists', list.id);
  const current = (await findChecklist(trx, agencyId, range.month))!;
  if (current.state === 'open') {
    const added = await addMonthEntries(trx, current.id, agencyId, range.from, range.until);
    if (created || added > 0) {
      await insertDisclosureEvent(trx, {
        agency_id: agencyId, subject_kind: 'checklist', subject_id: current.id, type: created ? 'checklist-produced' : 'checklist-extended',
        data: { month: range.month, added }, actor: actor.name, actor_id: actor.id, at,
      });
    }
  }
  return assemble(trx, current);
}

/** The list of an agency and month (NotFoundError when it has not been produced). */
export async function getChecklist(db: Kysely<Database>, agencyId: number, month: string): Promise<MonthlyChecklist> {
  const { month: m } = monthRange(month);
  const list = await findChecklist(db, agencyId, m);
  if (!list) throw new NotFoundError(`${m} 的检查清理清单尚未生成`);
  return assemble(db, list);
}

/** An agency's lists, latest month first. */
export async function listAgencyChecklists(db: Kysely<Database>, agencyId: number): Promise<ChecklistSummary[]> {
  await requireAgency(db, agencyId);
  return (await listChecklists(db, agencyId)).map(summaryOf);
}

/**
 * Records the check of one entry. `withdraw` needs a reason and withdraws the publication from its channel
 * (once; one already withdrawn elsewhere is only recorded); a withdrawal is final, a `keep` may still become a
 * withdrawal until the list is signed. Refused on a signed list.
 */
export async function decideEntry(
  trx: Kysely<Database>, agencyId: number, month: string, entryId: number, input: { decision: unknown; reason?: unknown }, actor: Actor, now: Date,
): Promise<MonthlyChecklist> {
  const list = await lockedList(trx, agencyId, month);
  assertChecklistOpen(list.state);
  const { decision, reason } = checkDecision(input.decision, input.reason);
  const entry = await findEntryView(trx, list.id, entryId);
  if (!entry) throw new NotFoundError(`检查清理清单中没有第 ${entryId} 号条目`);
  if (entry.decision === 'withdraw') throw new ConflictError(`“${entry.title}”已撤回，检查结论不能再修改`, 'ENTRY_WITHDRAWN');
  if (decision === 'keep' && entry.withdrawn_at !== null) {
    throw new ConflictError(`“${entry.title}”已从该渠道撤回，不能记为保留`, 'PUBLICATION_WITHDRAWN');
  }
  if (decision === 'withdraw' && entry.withdrawn_at === null) await withdrawPublication(trx, entry.publication_id, reason!, actor, now);
  const at = now.toISOString();
  if (!(await setDecision(trx, entry.id, { decision, reason, decided_by: actor.name, decided_by_id: actor.id, decided_at: at }))) {
    throw new ConflictError(`“${entry.title}”已被他人处理，请刷新后重试`, 'CHECKLIST_STALE');
  }
  await insertDisclosureEvent(trx, {
    agency_id: agencyId, subject_kind: 'checklist', subject_id: list.id, type: 'checklist-decided',
    data: { entryId: entry.id, publicationId: entry.publication_id, old: entry.decision, new: decision, reason }, actor: actor.name, actor_id: actor.id, at,
  });
  return assemble(trx, list);
}

/** Signs the list off as the signed-in actor, once, when every entry is decided; its entries are frozen after. */
export async function signOffChecklist(trx: Kysely<Database>, agencyId: number, month: string, actor: Actor, now: Date): Promise<MonthlyChecklist> {
  const list = await lockedList(trx, agencyId, month);
  assertCanSignOff(list.state, await entryViews(trx, list.id));
  const at = now.toISOString();
  if (!(await signChecklist(trx, list.id, { signed_at: at, signed_by: actor.name, signed_by_id: actor.id }))) {
    throw new ConflictError('该月检查清理清单已签字，不能重复签字', 'CHECKLIST_SIGNED');
  }
  await insertDisclosureEvent(trx, {
    agency_id: agencyId, subject_kind: 'checklist', subject_id: list.id, type: 'checklist-signed',
    data: { month: list.month, old: 'open', new: 'signed' }, actor: actor.name, actor_id: actor.id, at,
  });
  return assemble(trx, (await findChecklist(trx, agencyId, list.month))!);
}

/** The list as the renderers take it (dates of acts in Beijing time). */
export function checklistSheet(list: MonthlyChecklist): ChecklistSheet {
  return {
    agency: list.agencyName,
    month: list.month,
    signedBy: list.signedBy,
    signedOn: list.signedAt ? beijingDate(list.signedAt) : null,
    rows: list.entries.map((e) => ({
      indexNo: e.indexNo, title: e.title, channel: e.channel, publishedOn: e.publishedOn, publisher: e.publisher,
      decision: e.decision, reason: e.reason, checker: e.decidedBy, checkedOn: e.decidedAt ? beijingDate(e.decidedAt) : null,
    })),
  };
}
