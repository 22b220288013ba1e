/**
 * Published content for the portal tests: a catalogue tree and a guide recorded as their last PUBLISHED versions
 * (the chain that publishes them is tested in catalogue-api / guide-api), and items taken through the real chain
 * (item-helpers: drafter → 初审 → 保密审查 → 签发 → published to the portal) or withdrawn through the service.
 */
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { operator } from '../../src/core/actor.js';
import { defaultGuide, type Guide } from '../../src/core/disclosure/guide.js';
import type { Database } from '../../src/db/schema.js';
import { withdrawPublication } from '../../src/disclosure/publication-withdrawal.js';
import { json } from './http-helpers.js';
import { approve, createItemAs, type ItemTestApp } from './item-helpers.js';

/** A category of the tree to create: name and children. */
export interface CategorySpec {
  name: string;
  children?: CategorySpec[];
}

/** Creates catalogue nodes and records the tree as the agency's last published catalogue version; returns name → id. */
export async function publishCatalogue(db: Kysely<Database>, agencyId: number, specs: CategorySpec[], version = 1): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const at = '2024-01-02T02:00:00.000Z';
  const make = async (list: CategorySpec[], parentId: number | null): Promise<unknown[]> => {
    const out: unknown[] = [];
    for (const [position, s] of list.entries()) {
      const id = Number((await db.insertInto('catalogue_nodes').values({
        agency_id: agencyId, parent_id: parentId, name: s.name, art20_item: null, position, details: null, archived: 0, created_at: at, updated_at: at,
      }).returning('id').executeTakeFirstOrThrow()).id);
      ids.set(s.name, id);
      out.push({ id, name: s.name, art20Item: null, details: null, children: await make(s.children ?? [], id) });
    }
    return out;
  };
  const tree = await make(specs, null);
  await db.insertInto('catalogue_versions').values({
    agency_id: agencyId, version, tree: JSON.stringify(tree), state: 'published', created_at: at, created_by: '测试', created_by_id: null, published_at: at,
  }).execute();
  return ids;
}

/** Records a guide as the agency's last published version (the default guide, changed by `change`). */
export async function publishGuide(db: Kysely<Database>, agencyId: number, agencyName: string, change: (g: Guide) => void = () => {}, version = 1): Promise<Guide> {
  const guide = defaultGuide(agencyName);
  change(guide);
  await db.insertInto('guide_versions').values({
    agency_id: agencyId, version, content: JSON.stringify(guide), state: 'published', created_at: '2024-01-03T02:00:00.000Z',
    created_by: '测试', created_by_id: null, published_at: '2024-01-03T02:00:00.000Z',
  }).execute();
  return guide;
}

/** Creates an item, takes it through the chain and publishes it to the portal; returns the item's detail. */
export async function publishedItem(t: ItemTestApp, body: Record<string, unknown>, attach?: (id: number) => Promise<void>): Promise<any> {
  const item = await createItemAs(t, t.people.drafter, body);
  if (attach) await attach(item.id);
  await approve(t, item.id);
  const res = await t.call(t.people.publisher, 'POST', `/api/items/${item.id}/publish`, { channels: ['portal'] });
  assert.equal(res.statusCode, 200, res.body);
  return json(await t.call(t.people.publisher, 'GET', `/api/items/${item.id}`));
}

/** Withdraws every active publication of an item (as the monthly checklist would). */
export async function withdrawItem(t: ItemTestApp, itemId: number): Promise<void> {
  const rows = await t.db.db.selectFrom('channel_publications').select('id')
    .where('subject_kind', '=', 'item').where('subject_id', '=', itemId).where('withdrawn_at', 'is', null).execute();
  for (const r of rows) {
    await t.db.db.transaction().execute((trx) => withdrawPublication(trx, r.id, '内容已过时效', operator('测试撤回'), new Date('2024-03-20T02:00:00.000Z')));
  }
}
