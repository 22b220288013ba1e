/**
 * Row types of the saved bulk audits (migration 0019, src/db/migrations/audits.ts):
 * - `audit_batches`: a batch of report files audited together in an agency's scope; `run` counts its re-runs.
 * - `audit_batch_events`: what happened to a batch (created, stopped, re-run, resumed, done), who and when.
 * - `audit_files`: one file of a batch (bytes in `blobs` by SHA-256), its state, the reader's claim, and a copy of
 *   its latest read's summary (so lists filter and sort in SQL); a file the zip intake refused (a zip bomb, too deep, past
 *   the cap) is stored 'failed' with its message and no read (its blob the empty content), and stays so.
 * - `audit_reads`: every read of a file (append-only): the summary, the compact result the detail shows, the figures.
 * - `audit_findings`: the findings of a read, each with its fingerprint (rule + cells).
 * - `audit_decisions`: decisions on findings as events (old → new) keyed by (agency, sha256, fingerprint): the
 *   latest event is the current decision.
 */
import type { Generated, Selectable } from 'kysely';

export interface AuditBatchTable {
  id: Generated<number>;
  agency_id: number;
  title: string;
  state: 'reading' | 'done' | 'stopped';
  run: number;
  created_at: string;
  created_by: string;
  created_by_id: number | null;
  updated_at: string;
}

export interface AuditBatchEventTable {
  id: Generated<number>;
  batch_id: number;
  type: 'created' | 'stopped' | 'rerun' | 'done';
  old_state: string | null;
  new_state: string;
  run: number;
  actor: string;
  actor_id: number | null;
  at: string;
}

export interface AuditFileTable {
  id: Generated<number>;
  batch_id: number;
  position: number;
  name: string;
  size: number;
  sha256: string;
  state: 'pending' | 'reading' | 'done' | 'failed';
  claim: string | null;
  claimed_at: string | null;
  read_id: number | null;
  error: string | null;
  agency_name: string | null;
  year: number | null;
  format: string | null;
  title: string | null;
  source_url: string | null;
  published_at: string | null;
  errors: Generated<number>;
  warnings: Generated<number>;
  missing: Generated<number>;
  recovered: Generated<number>;
  read_ms: number | null;
}

export interface AuditReadTable {
  id: Generated<number>;
  file_id: number;
  run: number;
  sha256: string;
  state: 'done' | 'failed';
  error: string | null;
  agency_name: string | null;
  year: number | null;
  format: string | null;
  /** JSON: the compact result (src/audit/audit-findings.ts CompactResult). */
  result: string;
  /** JSON: the numeric cells by key (for comparisons across years and agencies). */
  figures: string;
  read_ms: number;
  read_at: string;
}

export interface AuditFindingTable {
  id: Generated<number>;
  read_id: number;
  file_id: number;
  position: number;
  fingerprint: string;
  severity: 'error' | 'warning' | 'missing' | 'recovered';
  rule_title: string;
  message: string;
  expression: string | null;
  /** JSON: [{ key, label, value }]. */
  cells: string;
}

export interface AuditDecisionTable {
  id: Generated<number>;
  agency_id: number;
  sha256: string;
  fingerprint: string;
  kind: 'confirmed' | 'dismissed';
  note: string;
  old_kind: string | null;
  old_note: string | null;
  file_id: number;
  actor: string;
  actor_id: number | null;
  at: string;
}

export type AuditBatchRow = Selectable<AuditBatchTable>;
export type AuditFileRowDb = Selectable<AuditFileTable>;
export type AuditReadRow = Selectable<AuditReadTable>;
export type AuditFindingRow = Selectable<AuditFindingTable>;
export type AuditDecisionRow = Selectable<AuditDecisionTable>;
