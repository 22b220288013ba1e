/**
 * Row types of the 政务服务事项 tables (migrations 0022 and 0023):
 * - `matter_offices`: the agency's 实施主体 / 承办科室 a matter names (an import row naming another is refused).
 * - `matter_themes`: the national theme lists (自然人, 法人; src/core/matters/matter-lists.ts), editable; archived, never deleted.
 * - `matters` + `matter_versions`: a matter and every version of its guide (the whole document as JSON, plus the
 *   columns the portal filters and the hall's shares count by). `published_on` on a version is the day it went on
 *   the portal; the matter list as of a day is each matter's newest version published by then.
 * - `service_halls`: the halls and points of each service level; `hall_months`: a hall's figures of a month
 *   (one row per hall and month, a correction recorded as an event old → new).
 */
import type { Generated, Insertable, Selectable } from 'kysely';

export interface MatterOfficeTable {
  id: Generated<number>;
  agency_id: number;
  name: string;
  archived: number;
  created_at: string;
  created_by: string;
}

export interface MatterThemeTable {
  id: Generated<number>;
  /** 'person' | 'legal'. */
  audience: string;
  code: string;
  name: string;
  position: number;
  archived: number;
  updated_at: string;
  updated_by: string;
}

export interface MatterTable {
  id: Generated<number>;
  agency_id: number;
  /** 事项编码 (unique in the agency). */
  code: string;
  /** The current version's name (lists, messages). */
  name: string;
  /** ReviewState of the current version. */
  state: string;
  version: number;
  /** The version the public sees, or null before first publication. */
  published_version: number | null;
  drafter_id: number | null;
  /** How the matter came: platform (drafted here) or import (from a spreadsheet). */
  origin: string;
  created_at: string;
  updated_at: string;
}

export interface MatterVersionTable {
  id: Generated<number>;
  matter_id: number;
  version: number;
  /** The Matter (src/core/matters/matter.ts) as JSON text. */
  content: string;
  name: string;
  code: string;
  type: string;
  office: string;
  /** Theme keys separated and enclosed by spaces: ' person:005 legal:010 ' (filtered with LIKE '% key %'). */
  themes: string;
  /** Service levels, the same way: ' district town '. */
  levels: string;
  online: number;
  fully_online: number;
  at_most_once: number;
  zero_visit: number;
  mail_delivery: number;
  created_at: string;
  created_by: string;
  created_by_id: number | null;
  /** The day this version went on the portal (YYYY-MM-DD), or null. */
  published_on: string | null;
  /** 1: this version abolishes the matter (事项取消); once published the guide is withdrawn from that day. */
  abolished: Generated<number>;
  /** Why the matter is abolished (an abolishing version only). */
  abolish_reason: string | null;
}

export interface ServiceHallTable {
  id: Generated<number>;
  agency_id: number;
  name: string;
  /** ServiceLevel. */
  level: string;
  archived: number;
  created_at: string;
  created_by: string;
}

export interface HallMonthTable {
  id: Generated<number>;
  hall_id: number;
  /** YYYY-MM. */
  month: string;
  /** 窗口数. */
  windows: number | null;
  /** 进驻事项数. */
  matters: number | null;
  /** 办件量. */
  transactions: number | null;
  /** 快递送达证照数. */
  certificates_mailed: number | null;
  /** Where the figures come from ('entered' | 'import' | 'demo'). */
  source: string;
  updated_at: string;
  updated_by: string;
  updated_by_id: number | null;
}

export type MatterRow = Selectable<MatterTable>;
export type NewMatterRow = Insertable<MatterTable>;
export type MatterVersionRow = Selectable<MatterVersionTable>;
export type NewMatterVersionRow = Insertable<MatterVersionTable>;
export type ServiceHallRow = Selectable<ServiceHallTable>;
export type HallMonthRow = Selectable<HallMonthTable>;
