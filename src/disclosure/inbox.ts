/**
 * "待我处理": what waits for the signed-in person, per step they hold the permission for, across the agencies
 * they hold it in. Items and matters (办事指南) now; the catalogue, the guide and the annual report can plug in an
 * `InboxSource` of their own (registerInboxSource below).
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

/** A task of the chain: the permission, the state, whether only the person's own drafts count. */
export interface ChainTask { key: string; name: string; permission: Permission; state: ReviewState; own: boolean }

/** The chain's tasks, the same for every kind of subject that goes through it (items, matters…). */
const CHAIN_TASKS: readonly ChainTask[] = [
  ...(Object.entries(REVIEW_STEPS) as Array<[string, (typeof REVIEW_STEPS)[keyof typeof REVIEW_STEPS]]>).map(([key, def]) => ({
    key, name: def.name, permission: def.permission as Permission, state: def.state as ReviewState, own: false,
  })),
  { key: 'publish', name: '发布', permission: 'item.publish', state: 'approved', own: false },
  { key: 'returned', name: '退回修改', permission: 'item.draft', state: 'returned', own: true },
];

/** Who a task lists: the person's own versions (returned to them), or anyone's but theirs (the chain refuses a
 * reviewer who wrote the version), or anyone's (publishing). */
export interface TaskWho {
  own?: number;
  notOwn?: number;
}

/** What a kind of subject answers for one task: the first entries and the whole count. */
type TaskRows = (db: Kysely<Database>, agencyIds: number[], state: ReviewState, who: TaskWho) => Promise<{ entries: InboxEntry[]; count: number }>;

/**
 * The chain's tasks of one kind of subject for a person: each step they hold the permission for, in the agencies
 * they hold it in. `label` names the kind in the task's name (政府信息·科室负责人初审).
 */
export async function chainInboxTasks(db: Kysely<Database>, person: InboxPerson, kind: SubjectKind, label: string, rows: TaskRows): Promise<InboxTask[]> {
  const out: InboxTask[] = [];
  for (const t of CHAIN_TASKS) {
    const agencies = await person.agenciesWith(t.permission);
    if (agencies.length === 0) continue;
    const who: TaskWho = t.own ? { own: person.userId } : t.key === 'publish' ? {} : { notOwn: person.userId };
    const { entries, count } = await rows(db, agencies, t.state, who);
    out.push({ kind, key: `${kind}:${t.key}`, name: `${label}·${t.name}`, permission: t.permission, count, entries });
  }
  return out;
}

/** Items waiting for a step the person may take (their own drafts are not theirs to review, so not listed). */
export const itemInboxSource: InboxSource = {
  kind: 'item',
  tasks: (db, person) => chainInboxTasks(db, person, 'item', '政府信息', async (q, agencies, state, who) => {
    const filter = { drafterId: who.own, notDrafterId: who.notOwn };
    const rows = await listItemsInState(q, agencies, state, filter);
    return {
      count: await countItemsInState(q, agencies, state, filter),
      entries: rows.map((r) => ({
        kind: 'item', id: r.id, agencyId: r.agency_id, title: r.title, state: r.state as ReviewState,
        stateName: REVIEW_STATES[r.state as ReviewState], version: r.version, drafterName: r.drafter_name, updatedAt: r.updated_at,
      })),
    };
  }),
};

/**
 * THE HOOK: every kind of subject in the inbox, in the order shown. Items are here; a feature above this one (the
 * matters) adds its source with registerInboxSource when its module loads, as search sources do.
 */
const INBOX_SOURCES: InboxSource[] = [itemInboxSource];

/** Adds a kind of subject to the inbox (once per kind; a second registration of the kind replaces the first). */
export function registerInboxSource(source: InboxSource): void {
  const at = INBOX_SOURCES.findIndex((s) => s.kind === source.kind);
  if (at >= 0) INBOX_SOURCES[at] = source;
  else INBOX_SOURCES.push(source);
}

/** The inbox of a person: every task of every source they hold the permission for, with the total. */
export async function inbox(db: Kysely<Database>, person: InboxPerson, sources: readonly InboxSource[] = INBOX_SOURCES): Promise<{ total: number; tasks: InboxTask[] }> {
  const tasks = (await Promise.all(sources.map((s) => s.tasks(db, person)))).flat();
  return { total: tasks.reduce((n, t) => n + t.count, 0), tasks };
}
