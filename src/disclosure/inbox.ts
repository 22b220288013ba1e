/**
 * "待我处理": what waits for the signed-in person, per step they hold the permission for, across the agencies
 * they hold it in. Items now; the catalogue, the guide and the annual report plug in an `InboxSource` of their own
 * (listed in INBOX_SOURCES below).
 */
import type { Kysely } from 'kysely';
import type { Permission } from '../core/access/permissions.js';
import { REVIEW_STATES, REVIEW_STEPS, type ReviewState } from '../core/disclosure/review-chain.js';
import type { Database } from '../db/schema.js';
import { countItemsInState, listItemsInState } from './item.repository.js';
import type { SubjectKind } from './review.service.js';

/** Who asks: their user id and the agencies where they hold a permission. */
export interface InboxPerson {
  userId: number;
  agenciesWith(permission: Permission): Promise<number[]>;
}

/** Something waiting. */
export interface InboxEntry {
  kind: SubjectKind;
  id: number;
  agencyId: number;
  title: string;
  state: ReviewState;
  stateName: string;
  version: number;
  drafterName: string;
  updatedAt: string;
}

/** One task (a step of one kind of subject) with its count and the first entries. */
export interface InboxTask {
  kind: SubjectKind;
  /** Task key, e.g. 'item:first-review'. */
  key: string;
  /** Chinese name, e.g. 政府信息·科室负责人初审. */
  name: string;
  permission: Permission;
  count: number;
  entries: InboxEntry[];
}

/** A kind of subject that contributes tasks to the inbox. */
export interface InboxSource {
  kind: SubjectKind;
  tasks(db: Kysely<Database>, person: InboxPerson): Promise<InboxTask[]>;
}

/** What an item task looks for: the permission, the state, whether only the person's own drafts count. */
const ITEM_TASKS: ReadonlyArray<{ key: string; name: string; permission: Permission; state: ReviewState; own: boolean }> = [
  ...(Object.entries(REVIEW_STEPS) as Array<[string, (typeof REVIEW_STEPS)[keyof typeof REVIEW_STEPS]]>).map(([key, def]) => ({
    key, name: def.name, permission: def.permission as Permission, state: def.state as ReviewState, own: false,
  })),
  { key: 'publish', name: '发布', permission: 'item.publish', state: 'approved', own: false },
  { key: 'returned', name: '退回修改', permission: 'item.draft', state: 'returned', own: true },
];

/** Items waiting for a step the person may take (their own drafts are not theirs to review, so not listed). */
export const itemInboxSource: InboxSource = {
  kind: 'item',
  async tasks(db, person) {
    const out: InboxTask[] = [];
    for (const t of ITEM_TASKS) {
      const agencies = await person.agenciesWith(t.permission);
      if (agencies.length === 0) continue;
      const who = t.own ? { drafterId: person.userId } : t.key === 'publish' ? {} : { notDrafterId: person.userId };
      const rows = await listItemsInState(db, agencies, t.state, who);
      const count = await countItemsInState(db, agencies, t.state, who);
      out.push({
        kind: 'item', key: `item:${t.key}`, name: `政府信息·${t.name}`, permission: t.permission, count,
        entries: rows.map((r) => ({
          kind: 'item', id: r.id, agencyId: r.agency_id, title: r.title, state: r.state as ReviewState,
          stateName: REVIEW_STATES[r.state as ReviewState], version: r.version, drafterName: r.drafter_name, updatedAt: r.updated_at,
        })),
      });
    }
    return out;
  },
};

/**
 * THE HOOK: every kind of subject in the inbox, in the order shown. The catalogue, the guide and the annual report
 * add their `InboxSource` here (e.g. `catalogueInboxSource` from catalogue-inbox.ts).
 */
export const INBOX_SOURCES: readonly InboxSource[] = [itemInboxSource];

/** The inbox of a person: every task of every source they hold the permission for, with the total. */
export async function inbox(db: Kysely<Database>, person: InboxPerson, sources: readonly InboxSource[] = INBOX_SOURCES): Promise<{ total: number; tasks: InboxTask[] }> {
  const tasks = (await Promise.all(sources.map((s) => s.tasks(db, person)))).flat();
  return { total: tasks.reduce((n, t) => n + t.count, 0), tasks };
}
