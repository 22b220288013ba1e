/**
 * Row types of proactive disclosure (主动公开). Nothing is hard-deleted; every change is a row in
 * `disclosure_events` (who, when, old → new).
 *
 * - `catalogue_nodes`: the live tree of an agency's 主动公开基本目录 (edited by the office; a node is archived,
 *   never deleted). Items point at a node. `catalogue_versions` are snapshots of the tree submitted for review;
 *   the last published one is the catalogue the public sees.
 * - `guide_versions`: the 政府信息公开指南 (条例 Art. 12), one structured document per version.
 * - `items` + `item_versions`: 政府信息 and every version of it. `index_no` (索引号) is null until first
 *   publication, then never changes. `published_version` is the version the public sees (a new draft of a
 *   published item does not take it off the channels until it is published itself).
 * - `blobs`: attachment bytes, stored once by SHA-256 (several app instances share one database, so files live
 *   there, not on one machine's disk).
 * - `review_steps`: the chain (src/core/disclosure/review-chain.ts) for any subject kind: item | catalogue |
 *   guide | report; append-only. The 保密审查表 is the `form` of a secrecy-review step.
 * - `pii_findings`: what the scan found in a version's body and attachments; each resolved before the secrecy
 *   review can pass.
 * - `channel_publications`: publishing one version of a subject to one channel, and its withdrawal.
 * - `monthly_checklists` + `checklist_entries`: 互联网信息发布每月检查清理清单.
 * - `art20_counts`: the other Art. 20 rows of table 二, entered per agency and year as counts with their source;
 *   the latest entry at or before a date wins (reports are computed as of a date).
 */
import type { Generated, Insertable, Selectable } from 'kysely';

export interface CatalogueNodeTable {
  id: Generated<number>;
  agency_id: number;
  parent_id: number | null;
  name: string;
  /** Art. 20 item '1' … '15' the category is tied to, or null. */
  art20_item: string | null;
  /** Order among siblings. */
  position: number;
  /** Free description (公开内容要素, 依据, 时限 …) for 基层 catalogues: JSON text or null. */
  details: string | null;
  archived: number;
  created_at: string;
  updated_at: string;
}

export interface CatalogueVersionTable {
  id: Generated<number>;
  agency_id: number;
  version: number;
  /** The tree as JSON text: [{id, name, art20Item, details, children}]. */
  tree: string;
  /** ReviewState. */
  state: string;
  created_at: string;
  created_by: string;
  created_by_id: number | null;
  published_at: string | null;
}

export interface GuideVersionTable {
  id: Generated<number>;
  agency_id: number;
  version: number;
  /** The guide as JSON text (sections and contact fields). */
  content: string;
  state: string;
  created_at: string;
  created_by: string;
  created_by_id: number | null;
  published_at: string | null;
}

export interface ItemTable {
  id: Generated<number>;
  agency_id: number;
  /** 索引号: null until first published; unique; never changes or is reused. */
  index_no: string | null;
  /** ReviewState of the current version. */
  state: string;
  /** The version being worked on (1, 2, …). */
  version: number;
  /** The version the public sees, or null before first publication. */
  published_version: number | null;
  /** Who drafted the item (the office's 经办人). */
  drafter_id: number | null;
  drafter_name: string;
  /** The drafting office (科室), for Art. 26 warnings by office. */
  office: string | null;
  category_id: number | null;
  title: string;
  /** 内容概述 (条例 Art. 12). */
  summary: string;
  /** 发布机构 (full official name). */
  issuer: string;
  /** 文号, e.g. 威环审批发〔2019〕3号. */
  doc_no: string | null;
  /** 成文日期 / 生成日期 (YYYY-MM-DD): starts the Art. 26 clock. */
  written_on: string;
  /** The day the item was made or last changed in substance (Art. 26 clock start); defaults to written_on. */
  changed_on: string;
  /** Art. 26 due date: 20 working days after changed_on (stored, recomputed with the calendar). */
  due_on: string | null;
  /** 发布日期: first publication. */
  published_on: string | null;
  /** 主题分类 as gov.cn prints it, `一级\二级` (src/core/disclosure/themes.ts), or null. */
  theme: string | null;
  /** 主题词, separated by spaces. */
  keywords: string;
  /** DisclosureAttribute. */
  disclosure: string;
  /** Sanitised HTML. */
  body_html: string;
  /** JSON text: [{hash, fileName, fileType, size}]. */
  attachments: string;
  /** Validity. */
  validity: string;
  /** NormativeKind or null. */
  normative_kind: string | null;
  made_on: string | null;
  amended_on: string | null;
  repealed_on: string | null;
  /** The item this one is the 解读 of (same agency), as the current version says; null when none. */
  interprets_item_id: number | null;
  /** ItemOrigin. */
  origin: string;
  created_at: string;
  updated_at: string;
}

export interface ItemVersionTable {
  id: Generated<number>;
  item_id: number;
  version: number;
  /** Every field of the item as written in this version (JSON text). */
  snapshot: string;
  created_at: string;
  created_by: string;
  created_by_id: number | null;
}

export interface BlobTable {
  /** SHA-256 hex of the bytes. */
  hash: string;
  size: number;
  /** Detected file type: pdf | docx | xlsx | wps | ofd | png | jpeg | gif | … */
  file_type: string;
  content: Uint8Array;
  /** The visible text the inspection extracted at upload (indexed for search when published); null before 0016. */
  text: string | null;
  created_at: string;
}

export interface ReviewStepTable {
  id: Generated<number>;
  /** item | catalogue | guide | report. */
  subject_kind: string;
  subject_id: number;
  subject_version: number;
  /** ChainAct. */
  step: string;
  /** 'pass' | 'return' (null for submit and publish). */
  decision: string | null;
  reason: string | null;
  comment: string | null;
  /** The 保密审查表 of a secrecy-review step (JSON text), else null. */
  form: string | null;
  actor: string;
  actor_id: number | null;
  at: string;
}

export interface PiiFindingTable {
  id: Generated<number>;
  item_id: number;
  item_version: number;
  /** 'body' or 'attachment:<hash>'. */
  source: string;
  /** Finding kind key of src/core/disclosure/pii-scan.ts / src/inspect. */
  kind: string;
  /** Where, in Chinese (第 3 段, 工作表“名单”第 5 行 …). */
  place: string;
  /** The found text, masked. */
  excerpt: string;
  /** null (open) | 'removed' | 'confirmed'. */
  resolution: string | null;
  resolution_reason: string | null;
  resolved_by: string | null;
  resolved_by_id: number | null;
  resolved_at: string | null;
}

export interface ChannelPublicationTable {
  id: Generated<number>;
  agency_id: number;
  subject_kind: string;
  subject_id: number;
  subject_version: number;
  /** Channel key. */
  channel: string;
  /** The day it was published there (YYYY-MM-DD): counts by month and year. */
  published_on: string;
  published_at: string;
  actor: string;
  actor_id: number | null;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdrawn_by_id: number | null;
  withdrawal_reason: string | null;
}

export interface MonthlyChecklistTable {
  id: Generated<number>;
  agency_id: number;
  /** YYYY-MM. */
  month: string;
  /** 'open' | 'signed'. */
  state: string;
  created_at: string;
  signed_at: string | null;
  signed_by: string | null;
  signed_by_id: number | null;
}

export interface ChecklistEntryTable {
  id: Generated<number>;
  checklist_id: number;
  publication_id: number;
  /** null (not yet checked) | 'keep' | 'withdraw'. */
  decision: string | null;
  reason: string | null;
  decided_by: string | null;
  decided_by_id: number | null;
  decided_at: string | null;
}

export interface Art20CountTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  /** The table 二 cell the count is for, as the format's cell key. */
  cell: string;
  value: number;
  /** Where the figure comes from (e.g. 行政许可办件系统年度统计). */
  source: string;
  entered_at: string;
  entered_by: string;
  entered_by_id: number | null;
}

export interface DisclosureEventTable {
  id: Generated<number>;
  agency_id: number;
  /** item | catalogue | guide | checklist | publication | report. */
  subject_kind: string;
  subject_id: number;
  type: string;
  /** JSON text {old, new} or other detail. */
  data: string | null;
  actor: string;
  actor_id: number | null;
  at: string;
}

export type ItemRow = Selectable<ItemTable>;
export type NewItemRow = Insertable<ItemTable>;
export type ReviewStepRow = Selectable<ReviewStepTable>;
export type ChannelPublicationRow = Selectable<ChannelPublicationTable>;
export type PiiFindingRow = Selectable<PiiFindingTable>;
export type CatalogueNodeRow = Selectable<CatalogueNodeTable>;
export type Art20CountRow = Selectable<Art20CountTable>;
