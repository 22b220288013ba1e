/**
 * Row types of the `agencies` table. Agencies form a tree: a government, its departments and
 * their subordinate units. Rows are never deleted; `archived` (0/1) hides one.
 */
import type { Generated, Insertable, Selectable } from 'kysely';

export interface AgencyTable {
  id: Generated<number>;
  name: string;
  parent_id: number | null;
  /** 'government' | 'department' | 'unit' */
  kind: string;
  created_at: string;
  created_by: string;
  /** The signed-in user who created it; null for a local operator. */
  created_by_id?: number | null;
  /** 0 or 1. */
  archived: number;
  /** 统一社会信用代码 (18 characters), the default prefix of the agency's 索引号. */
  credit_code?: string | null;
  /** 索引号 template, e.g. '{code}/{year}-{seq:5}'; null = that default. */
  index_template?: string | null;
}

export type AgencyRow = Selectable<AgencyTable>;
export type NewAgencyRow = Insertable<AgencyTable>;
