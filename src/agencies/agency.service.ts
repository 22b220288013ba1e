/**
 * Agencies (机关): the bodies that publish annual reports. They form a tree: a government
 * (人民政府), its departments (工作部门) and their subordinate units (下属单位).
 */
import type { Actor } from '../core/actor.js';
import type { Kysely } from 'kysely';
import { systemClock, type Clock } from '../core/clock.js';
import { ConflictError, NotFoundError, ValidationError } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import {
  countAgencyRows, findAgencyRow, findAgencyRowByName, insertAgencyRow, listAgencyRows,
} from './agency.repository.js';
import type { AgencyRow } from './agency.table.js';

export type AgencyKind = 'government' | 'department' | 'unit';

/** The kinds and their Chinese names. */
export const AGENCY_KINDS: Readonly<Record<AgencyKind, string>> = {
  government: '人民政府',
  department: '政府工作部门',
  unit: '下属单位',
};

export interface Agency {
  id: number;
  name: string;
  parentId: number | null;
  kind: AgencyKind;
  createdAt: string;
}

/** An agency with its subordinate agencies. */
export interface AgencyNode extends Agency {
  children: AgencyNode[];
}

export interface NewAgencyInput {
  name: string;
  parentId?: number | null;
  kind: AgencyKind;
}

const MAX_NAME_LENGTH = 100;

function toAgency(row: AgencyRow): Agency {
  return { id: row.id, name: row.name, parentId: row.parent_id, kind: row.kind as AgencyKind, createdAt: row.created_at };
}

/** Which kinds may sit directly under which: departments under a government, units under either. */
const ALLOWED_PARENTS: Readonly<Record<AgencyKind, readonly AgencyKind[]>> = {
  government: ['government'],
  department: ['government'],
  unit: ['department', 'government'],
};

/** Arranges agencies into trees (roots first, children by name), e.g. for a picker. */
export function agencyTree(agencies: Agency[]): AgencyNode[] {
  const nodes = new Map(agencies.map((a) => [a.id, { ...a, children: [] as AgencyNode[] }]));
  const roots: AgencyNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: AgencyNode[]) => {
    list.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err?.code === '23505' || err?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(err?.message ?? '');
}

/** Agency operations on a database or transaction; the clock stamps created_at. */
export function agencyService(db: Kysely<Database>, clock: Clock = systemClock) {
  async function get(id: number): Promise<Agency> {
    const row = Number.isSafeInteger(id) ? await findAgencyRow(db, id) : undefined;
    if (!row) throw new NotFoundError(`未找到机关：编号 ${id}`);
    return toAgency(row);
  }

  return {
    /** All agencies in tree order: each parent before its children, siblings by name. */
    async list(): Promise<Agency[]> {
      const flat: Agency[] = [];
      const walk = (nodes: AgencyNode[]) => nodes.forEach(({ children, ...a }) => { flat.push(a); walk(children); });
      walk(agencyTree((await listAgencyRows(db)).map(toAgency)));
      return flat;
    },

    /** The agencies as trees. */
    async tree(): Promise<AgencyNode[]> {
      return agencyTree((await listAgencyRows(db)).map(toAgency));
    },

    get,

    /** Finds an agency by numeric id or exact name; NotFoundError otherwise. */
    async resolve(ref: string): Promise<Agency> {
      const text = String(ref).trim();
      if (/^\d+$/.test(text)) {
        const row = await findAgencyRow(db, Number(text));
        if (row) return toAgency(row);
      }
      const row = text ? await findAgencyRowByName(db, text) : undefined;
      if (!row) throw new NotFoundError(`未找到机关：${text || '（空）'}`);
      return toAgency(row);
    },

    /** The agency with exactly this name, or null. */
    async findByName(name: string): Promise<Agency | null> {
      const row = await findAgencyRowByName(db, String(name).trim());
      return row ? toAgency(row) : null;
    },

    /** Whether any agency exists (the demo data is added to an empty database only). */
    async isEmpty(): Promise<boolean> {
      return (await countAgencyRows(db)) === 0;
    },

    /**
     * Registers an agency. The name must be non-empty and unique (ConflictError
     * 'AGENCY_EXISTS'); the parent must exist and suit the kind.
     */
    async create(input: NewAgencyInput, actor: Actor): Promise<Agency> {
      const name = typeof input.name === 'string' ? input.name.trim() : '';
      if (!name) throw new ValidationError('机关名称不能为空', { field: 'name' });
      if (name.length > MAX_NAME_LENGTH) {
        throw new ValidationError(`机关名称过长（${name.length} 字），不得超过 ${MAX_NAME_LENGTH} 字`, { field: 'name' });
      }
      if (!Object.hasOwn(AGENCY_KINDS, input.kind)) {
        throw new ValidationError(
          `机关类型“${String(input.kind)}”无效，应为 ${Object.entries(AGENCY_KINDS).map(([k, v]) => `${k}（${v}）`).join('、')}`,
          { field: 'kind' },
        );
      }
      const parentId = input.parentId ?? null;
      if (parentId !== null) {
        const parent = Number.isSafeInteger(parentId) ? await findAgencyRow(db, parentId) : undefined;
        if (!parent) throw new ValidationError(`上级机关不存在：编号 ${parentId}`, { field: 'parentId' });
        const kind = parent.kind as AgencyKind;
        if (!ALLOWED_PARENTS[input.kind].includes(kind)) {
          throw new ValidationError(
            `${AGENCY_KINDS[input.kind]}不能隶属于${AGENCY_KINDS[kind]}“${parent.name}”`, { field: 'parentId' });
        }
      } else if (input.kind === 'unit') {
        throw new ValidationError('下属单位必须指定上级机关', { field: 'parentId' });
      }
      if (await findAgencyRowByName(db, name)) throw new ConflictError(`机关“${name}”已存在`, 'AGENCY_EXISTS');
      try {
        const row = await insertAgencyRow(db, {
          name, parent_id: parentId, kind: input.kind, created_at: clock(), created_by: actor.name, created_by_id: actor.id, archived: 0,
        });
        return toAgency(row);
      } catch (e) {
        // Two requests racing for the same name: the unique constraint decides.
        if (isUniqueViolation(e)) throw new ConflictError(`机关“${name}”已存在`, 'AGENCY_EXISTS');
        throw e;
      }
    },
  };
}

export type AgencyService = ReturnType<typeof agencyService>;
