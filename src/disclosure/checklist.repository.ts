/**
 * SQL of the monthly checklist (互联网信息发布每月检查清理清单): the list per agency and month, its entries (one per
 * item publication of the month) and the rows they show.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ChecklistEntryTable, MonthlyChecklistTable } from './disclosure.table.js';

export type ChecklistRecord = Selectable<MonthlyChecklistTable>;
export type ChecklistEntryRecord = Selectable<ChecklistEntryTable>;

/** An entry with what it shows: the publication, the item's 索引号 and title. */
export interface ChecklistEntryView extends ChecklistEntryRecord {
  channel: string;
  published_on: string;
  publisher: string;
  subject_id: number;
  subject_version: number;
  withdrawn_at: string | null;
  withdrawal_reason: string | null;
  index_no: string | null;
  title: string;
}

/**
 * Creates the list of an agency and month unless it exists (the unique constraint on agency and month makes
 * concurrent creations one row: the later insert does nothing), then returns it.
 */
export async function ensureChecklist(db: Kysely<Database>, agencyId: number, month: string, at: string): Promise<{ list: ChecklistRecord; created: boolean }> {
  const inserted = await db.insertInto('monthly_checklists')
    .values({ agency_id: agencyId, month, state: 'open', created_at: at, signed_at: null, signed_by: null, signed_by_id: null })
    .onConflict((oc) => oc.columns(['agency_id', 'month']).doNothing())
    .returningAll().executeTakeFirst();
  if (inserted) return { list: inserted, created: true };
  return { list: (await findChecklist(db, agencyId, month))!, created: false };
}

/** The list of an agency and month, or undefined. */
export async function findChecklist(db: Kysely<Database>, agencyId: number, month: string): Promise<ChecklistRecord | undefined> {
  return db.selectFrom('monthly_checklists').selectAll().where('agency_id', '=', agencyId).where('month', '=', month).executeTakeFirst();
}

/** An agency's lists, latest month first. */
export async function listChecklists(db: Kysely<Database>, agencyId: number): Promise<ChecklistRecord[]> {
  return db.selectFrom('monthly_checklists').selectAll().where('agency_id', '=', agencyId).orderBy('month', 'desc').execute();
}

/**
 * Adds an entry for every item publication of an agency published on a day in [from, until) that is not on the
 * list yet, in one statement (the unique constraint on list and publication keeps each once, also against a
 * concurrent producer). Returns how many were added.
 */
export async function addMonthEntries(db: Kysely<Database>, checklistId: number, agencyId: number, from: string, until: string): Promise<number> {
  const rows = await db.insertInto('checklist_entries')
    .columns(['checklist_id', 'publication_id', 'decision', 'reason', 'decided_by', 'decided_by_id', 'decided_at'])
    .expression(db.selectFrom('channel_publications')
      .select((eb) => [
        eb.val(checklistId).as('checklist_id'), 'id as publication_id', eb.lit(null).as('decision'), eb.lit(null).as('reason'),
        eb.lit(null).as('decided_by'), eb.lit(null).as('decided_by_id'), eb.lit(null).as('decided_at'),
      ])
      .where('agency_id', '=', agencyId).where('subject_kind', '=', 'item')
      .where('published_on', '>=', from).where('published_on', '<', until)
      .orderBy('id'))
    .onConflict((oc) => oc.columns(['checklist_id', 'publication_id']).doNothing())
    .returning('id').execute();
  return rows.length;
}

/** The entries of a list with what they show, in order of publication day, then publication. */
export async function entryViews(db: Kysely<Database>, checklistId: number): Promise<ChecklistEntryView[]> {
  return entryViewQuery(db, checklistId).orderBy('p.published_on').orderBy('p.id').execute();
}

/** One entry of a list with its publication and item, or undefined (not on that list). */
export async function findEntryView(db: Kysely<Database>, checklistId: number, entryId: number): Promise<ChecklistEntryView | undefined> {
  return entryViewQuery(db, checklistId).where('e.id', '=', entryId).executeTakeFirst();
}

function entryViewQuery(db: Kysely<Database>, checklistId: number) {
  return db.selectFrom('checklist_entries as e')
    .innerJoin('channel_publications as p', 'p.id', 'e.publication_id')
    .innerJoin('items as i', 'i.id', 'p.subject_id')
    .selectAll('e')
    .select([
      'p.channel', 'p.published_on', 'p.actor as publisher', 'p.subject_id', 'p.subject_version', 'p.withdrawn_at', 'p.withdrawal_reason',
      'i.index_no', 'i.title',
    ])
    .where('e.checklist_id', '=', checklistId);
}

/** Records a decision once per state: only while the entry is undecided or kept (a withdrawal is final). */
export async function setDecision(db: Kysely<Database>, entryId: number, values: {
  decision: string; reason: string | null; decided_by: string; decided_by_id: number | null; decided_at: string;
}): Promise<boolean> {
  const result = await db.updateTable('checklist_entries').set(values)
    .where('id', '=', entryId)
    .where((eb) => eb.or([eb('decision', 'is', null), eb('decision', '=', 'keep')]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Signs a list off once: a conditional update on its state. */
export async function signChecklist(db: Kysely<Database>, checklistId: number, values: { signed_at: string; signed_by: string; signed_by_id: number | null }): Promise<boolean> {
  const result = await db.updateTable('monthly_checklists').set({ ...values, state: 'signed' })
    .where('id', '=', checklistId).where('state', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** An agency's full name, or undefined. */
export async function agencyName(db: Kysely<Database>, agencyId: number): Promise<string | undefined> {
  return (await db.selectFrom('agencies').select('name').where('id', '=', agencyId).executeTakeFirst())?.name;
}
