/**
 * The live 主动公开基本目录 of an agency: a tree of categories the office edits (add, rename, move, reorder, tie
 * to an Art. 20 item, archive — never delete) and starting templates applied into it. Every change is a
 * disclosure event (old → new). The agency row is locked first, so concurrent edits of one catalogue run one
 * after the other (no cycle from two crossing moves). Versions and their review: catalogue-versions.ts.
 */
import type { Kysely } from 'kysely';
import { findAgencyRow } from '../agencies/agency.repository.js';
import type { Actor } from '../core/actor.js';
import type { Clock } from '../core/clock.js';
import {
  BASIC_CHANNELS, CATALOGUE_TEMPLATES, isCatalogueTemplateKey, walkTemplate, type TemplateNode,
} from '../core/disclosure/catalogue-templates.js';
import { buildTree, wouldCycle, type CatalogueNodeFlat, type CatalogueTreeNode } from '../core/disclosure/catalogue-tree.js';
import { ART20_ITEMS } from '../core/disclosure/item-labels.js';
import { ConflictError, NotFoundError, ValidationError } from '../core/errors.js';
import { MAX_CYCLE_DAYS } from '../core/disclosure/update-cycles.js';
import { lockRow } from '../db/locks.js';
import type { Database } from '../db/schema.js';
import {
  childRows, findNodeRow, insertNodeRow, itemsUnderNode, listNodeRows, siblingNamed, updateNodeRow,
} from './catalogue.repository.js';
import type { CatalogueNodeRow } from './disclosure.table.js';
import { insertDisclosureEvent } from './review.repository.js';

const MAX_NAME = 60;
const NAMED = 5;
/** Longest element fields of a node, counted as their stored JSON (the template's longest is a few hundred). */
export const MAX_DETAILS_CHARS = 10_000;

/** A new node as it comes in. */
export interface NewNodeInput {
  parentId: number | null;
  name: string;
  art20Item?: string | null;
  details?: Record<string, unknown> | null;
  /** Place among the new siblings (0 = first); last when absent. */
  position?: number;
}

/** A change of a node's own fields (absent: unchanged; art20Item/details null: removed). */
export interface NodeChange {
  name?: string;
  art20Item?: string | null;
  details?: Record<string, unknown> | null;
}

/** What applying a template did. */
export interface TemplateApplied {
  template: string;
  added: number;
  kept: number;
}

/** A stored row as a flat node. */
export function flatOf(row: CatalogueNodeRow): CatalogueNodeFlat {
  return {
    id: row.id, parentId: row.parent_id, name: row.name, art20Item: row.art20_item, position: row.position,
    details: row.details ? JSON.parse(row.details) as Record<string, unknown> : null, archived: row.archived === 1,
  };
}

function checkName(raw: string): string {
  const name = (raw ?? '').trim();
  if (name === '') throw new ValidationError('请填写类目名称', { field: 'name' });
  if (name.length > MAX_NAME) throw new ValidationError(`类目名称不能超过 ${MAX_NAME} 个字，实际为 ${name.length} 个字`, { field: 'name' });
  return name;
}

function checkArt20(item: string | null | undefined): string | null {
  if (item === null || item === undefined || item === '') return null;
  if (!Object.hasOwn(ART20_ITEMS, item)) {
    throw new ValidationError(`对应的条例第二十条事项“${item}”不存在，应为第（一）至（十五）项之一（1—15）`, { field: 'art20Item' });
  }
  return item;
}

function checkDetails(details: Record<string, unknown> | null | undefined): string | null {
  if (details === null || details === undefined) return null;
  const channels = details.channels;
  if (channels !== undefined) {
    const unknown = Array.isArray(channels) ? channels.find((c) => !(BASIC_CHANNELS as readonly unknown[]).includes(c)) : channels;
    if (unknown !== undefined) {
      throw new ValidationError(`公开渠道和载体“${String(unknown)}”不在可选范围内（${BASIC_CHANNELS.join('、')}）`, { field: 'details.channels' });
    }
  }
  const cycle = details.updateCycleDays;
  // The column's own update cycle (src/core/disclosure/update-cycles.ts; 国办秘函〔2019〕19号).
  if (cycle !== undefined && cycle !== null && !(typeof cycle === 'number' && Number.isInteger(cycle) && cycle >= 1 && cycle <= MAX_CYCLE_DAYS)) {
    throw new ValidationError(`更新周期应为 1 至 ${MAX_CYCLE_DAYS} 之间的整数天数，实际为“${String(cycle)}”`, { field: 'details.updateCycleDays' });
  }
  const stored = JSON.stringify(details);
  if ([...stored].length > MAX_DETAILS_CHARS) {
    throw new ValidationError(`基层目录要素过长：合计不能超过 ${MAX_DETAILS_CHARS} 字（现有 ${[...stored].length} 字）`, { field: 'details' });
  }
  return stored;
}

/** The catalogue service on a database handle or transaction. */
export function catalogueService(db: Kysely<Database>, clock: Clock) {
  const event = (agencyId: number, nodeId: number, type: string, data: unknown, actor: Actor, at: string) =>
    insertDisclosureEvent(db, { agency_id: agencyId, subject_kind: 'catalogue-node', subject_id: nodeId, type, data, actor: actor.name, actor_id: actor.id, at });

  async function lockAgency(agencyId: number): Promise<void> {
    if (!(await lockRow(db, 'agencies', agencyId))) throw new NotFoundError(`机关（编号 ${agencyId}）不存在`);
  }

  async function nodeOf(agencyId: number, nodeId: number): Promise<CatalogueNodeRow> {
    const row = await findNodeRow(db, nodeId);
    if (!row || row.agency_id !== agencyId) throw new NotFoundError(`本机关的主动公开基本目录中没有编号为 ${nodeId} 的类目`);
    return row;
  }

  async function parentOf(agencyId: number, parentId: number | null): Promise<CatalogueNodeRow | null> {
    if (parentId === null) return null;
    const row = await findNodeRow(db, parentId);
    if (!row || row.agency_id !== agencyId) {
      throw new ValidationError(`上级类目（编号 ${parentId}）不在本机关的主动公开基本目录中`, { field: 'parentId' });
    }
    if (row.archived === 1) throw new ValidationError(`上级类目“${row.name}”已归档，不能在其下添加或移入类目`, { field: 'parentId' });
    return row;
  }

  async function refuseDuplicate(agencyId: number, parentId: number | null, name: string, except?: number): Promise<void> {
    const twin = await siblingNamed(db, agencyId, parentId, name, except);
    if (twin) throw new ConflictError(`同一上级类目下已有名为“${name}”的类目`, 'DUPLICATE_NAME');
  }

  /** Renumbers the siblings under `parentId` with `nodeId` placed at `position` (0-based; last when absent). */
  async function place(agencyId: number, parentId: number | null, nodeId: number, position: number | undefined, at: string): Promise<number> {
    const siblings = (await childRows(db, agencyId, parentId)).filter((s) => s.id !== nodeId);
    const index = position === undefined ? siblings.length : Math.max(0, Math.min(position, siblings.length));
    const ordered = [...siblings.slice(0, index).map((s) => s.id), nodeId, ...siblings.slice(index).map((s) => s.id)];
    for (const [k, id] of ordered.entries()) {
      const current = siblings.find((s) => s.id === id);
      if (current && current.position === k) continue;
      await updateNodeRow(db, id, { position: k, updated_at: at });
    }
    return index;
  }

  async function insertTree(agencyId: number, parentId: number | null, nodes: readonly TemplateNode[], start: number, at: string): Promise<number> {
    let added = 0;
    for (const [k, node] of nodes.entries()) {
      const row = await insertNodeRow(db, {
        agency_id: agencyId, parent_id: parentId, name: node.name, art20_item: node.art20Item ?? null, position: start + k,
        details: node.details ? JSON.stringify(node.details) : null, archived: 0, created_at: at, updated_at: at,
      });
      added += 1 + await insertTree(agencyId, row.id, node.children ?? [], 0, at);
    }
    return added;
  }

  /** Adds the template's nodes missing by name at each level under `parentId`; returns [added, kept]. */
  async function merge(agencyId: number, parentId: number | null, nodes: readonly TemplateNode[], at: string): Promise<[number, number]> {
    let added = 0;
    let kept = 0;
    for (const node of nodes) {
      const siblings = await childRows(db, agencyId, parentId);
      const same = siblings.find((s) => s.name === node.name);
      if (same) {
        kept++;
        const [a, k] = await merge(agencyId, same.id, node.children ?? [], at);
        added += a;
        kept += k;
      } else {
        added += await insertTree(agencyId, parentId, [node], siblings.length, at);
      }
    }
    return [added, kept];
  }

  return {
    /** The agency's catalogue as a tree (archived nodes only when asked). */
    async tree(agencyId: number, withArchived = false): Promise<CatalogueTreeNode[]> {
      const rows = await listNodeRows(db, agencyId, withArchived);
      if (rows.length === 0 && !(await findAgencyRow(db, agencyId))) throw new NotFoundError(`机关（编号 ${agencyId}）不存在`);
      return buildTree(rows.map(flatOf));
    },

    /** Adds a category under a parent (null: a root). */
    async addNode(agencyId: number, input: NewNodeInput, actor: Actor): Promise<CatalogueNodeFlat> {
      await lockAgency(agencyId);
      const name = checkName(input.name);
      const art20 = checkArt20(input.art20Item);
      const details = checkDetails(input.details);
      await parentOf(agencyId, input.parentId);
      await refuseDuplicate(agencyId, input.parentId, name);
      const at = clock();
      const row = await insertNodeRow(db, {
        agency_id: agencyId, parent_id: input.parentId, name, art20_item: art20, position: 0, details, archived: 0, created_at: at, updated_at: at,
      });
      await place(agencyId, input.parentId, row.id, input.position, at);
      const added = flatOf((await findNodeRow(db, row.id))!);
      await event(agencyId, row.id, 'node-added', { old: null, new: { ...added } }, actor, at);
      return added;
    },

    /** Renames a category, ties it to an Art. 20 item or unties it, or changes its element fields. */
    async updateNode(agencyId: number, nodeId: number, change: NodeChange, actor: Actor): Promise<CatalogueNodeFlat> {
      await lockAgency(agencyId);
      const row = await nodeOf(agencyId, nodeId);
      if (row.archived === 1) throw new ConflictError(`类目“${row.name}”已归档，不能修改`, 'NODE_ARCHIVED');
      const set: Partial<CatalogueNodeRow> = {};
      if (change.name !== undefined) {
        const name = checkName(change.name);
        if (name !== row.name) {
          await refuseDuplicate(agencyId, row.parent_id, name, nodeId);
          set.name = name;
        }
      }
      if (change.art20Item !== undefined) set.art20_item = checkArt20(change.art20Item);
      if (change.details !== undefined) set.details = checkDetails(change.details);
      const old: Record<string, unknown> = {};
      const now: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(set) as Array<[keyof CatalogueNodeRow, unknown]>) {
        if (row[key] === value) continue;
        old[key] = row[key];
        now[key] = value;
      }
      if (Object.keys(now).length === 0) return flatOf(row);
      const at = clock();
      await updateNodeRow(db, nodeId, { ...now, updated_at: at });
      const type = 'name' in now && Object.keys(now).length === 1 ? 'node-renamed'
        : 'art20_item' in now && Object.keys(now).length === 1 ? (now.art20_item === null ? 'node-untied' : 'node-tied') : 'node-changed';
      await event(agencyId, nodeId, type, { old, new: now }, actor, at);
      return flatOf((await findNodeRow(db, nodeId))!);
    },

    /**
     * Moves a category under another parent of the same agency (null: to the roots) and/or to another place among
     * its siblings. Refuses a move under itself or one of its descendants.
     */
    async moveNode(agencyId: number, nodeId: number, target: { parentId: number | null; position?: number }, actor: Actor): Promise<CatalogueNodeFlat> {
      await lockAgency(agencyId);
      const row = await nodeOf(agencyId, nodeId);
      if (row.archived === 1) throw new ConflictError(`类目“${row.name}”已归档，不能移动`, 'NODE_ARCHIVED');
      const parent = await parentOf(agencyId, target.parentId);
      const all = await listNodeRows(db, agencyId, true);
      if (wouldCycle(new Map(all.map((n) => [n.id, n.parent_id])), nodeId, target.parentId)) {
        throw new ValidationError(
          parent?.id === nodeId ? `不能把类目“${row.name}”移到它自己下面` : `不能把类目“${row.name}”移到它的下级类目“${parent?.name}”下面`,
          { field: 'parentId' },
        );
      }
      if (target.parentId !== row.parent_id) await refuseDuplicate(agencyId, target.parentId, row.name, nodeId);
      const at = clock();
      if (target.parentId !== row.parent_id) await updateNodeRow(db, nodeId, { parent_id: target.parentId, updated_at: at });
      const index = await place(agencyId, target.parentId, nodeId, target.position, at);
      await event(agencyId, nodeId, target.parentId === row.parent_id ? 'node-reordered' : 'node-moved', {
        old: { parentId: row.parent_id, position: row.position }, new: { parentId: target.parentId, position: index },
      }, actor, at);
      return flatOf((await findNodeRow(db, nodeId))!);
    },

    /** Archives a category (never deleted); refused while it still has categories or items under it, naming them. */
    async archiveNode(agencyId: number, nodeId: number, actor: Actor): Promise<CatalogueNodeFlat> {
      await lockAgency(agencyId);
      const row = await nodeOf(agencyId, nodeId);
      if (row.archived === 1) throw new ConflictError(`类目“${row.name}”已归档`, 'NODE_ARCHIVED');
      const children = await childRows(db, agencyId, nodeId);
      if (children.length > 0) {
        const names = children.slice(0, NAMED).map((c) => `“${c.name}”`).join('、');
        throw new ConflictError(
          `类目“${row.name}”下还有 ${children.length} 个下级类目（${names}${children.length > NAMED ? '等' : ''}），请先移走或归档`, 'NODE_NOT_EMPTY',
        );
      }
      const items = await itemsUnderNode(db, nodeId, NAMED);
      if (items.count > 0) {
        const names = items.titles.map((t) => `“${t}”`).join('、');
        throw new ConflictError(
          `类目“${row.name}”下还有 ${items.count} 条政府信息（${names}${items.count > NAMED ? '等' : ''}），请先改归其他类目`, 'NODE_NOT_EMPTY',
        );
      }
      const at = clock();
      await updateNodeRow(db, nodeId, { archived: 1, updated_at: at });
      await event(agencyId, nodeId, 'node-archived', { old: { archived: false }, new: { archived: true } }, actor, at);
      return { ...flatOf(row), archived: true };
    },

    /**
     * Applies a template: into an empty catalogue as it is, otherwise merged by name (a category of the same name
     * under the same parent is kept and the template's missing children added under it).
     */
    async applyTemplate(agencyId: number, key: string, actor: Actor): Promise<TemplateApplied> {
      if (!isCatalogueTemplateKey(key)) {
        throw new ValidationError(`模板“${key}”不存在，可选：${Object.values(CATALOGUE_TEMPLATES).map((t) => `${t.key}（${t.name}）`).join('、')}`, { field: 'template' });
      }
      await lockAgency(agencyId);
      const template = CATALOGUE_TEMPLATES[key];
      const at = clock();
      const [added, kept] = await merge(agencyId, null, template.roots, at);
      // The whole tree's change: subject 'catalogue-tree' of the agency (node events are per node).
      await insertDisclosureEvent(db, {
        agency_id: agencyId, subject_kind: 'catalogue-tree', subject_id: agencyId, type: 'template-applied',
        data: { old: null, new: { template: key, name: template.name, added, kept, templateNodes: [...walkTemplate(template.roots)].length } },
        actor: actor.name, actor_id: actor.id, at,
      });
      return { template: key, added, kept };
    },
  };
}

/** The catalogue service type. */
export type CatalogueService = ReturnType<typeof catalogueService>;
