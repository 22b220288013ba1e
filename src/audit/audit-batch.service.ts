/**
 * Use cases of the saved bulk audits: store an upload as a batch (bytes once by SHA-256), audit stored files again,
 * list batches and their files, a file's detail, decide on a finding (an event: who, when, old → new), stop and
 * re-run. The edge opens the transaction and passes it in; the reading itself is the runner's
 * (audit-batch-runner.ts), off the request.
 *
 * Scope: a batch belongs to the agency in which it was made (the grant of 核查年度报告); decisions are keyed by
 * that agency, the file's SHA-256 and the finding's fingerprint, so the same file read again — in a re-run or a new
 * upload — shows the decisions already made.
 */
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import type { Kysely } from 'kysely';
import type { Actor } from '../core/actor.js';
import type { Clock } from '../core/clock.js';
import { ConflictError, NotFoundError, ValidationError } from '../core/errors.js';
import type { ParseResult } from '../core/parse/parse-types.js';
import { lockRow } from '../db/locks.js';
import type { Database } from '../db/schema.js';
import { insertBlobIfAbsent } from '../disclosure/item.repository.js';
import { MAX_PARSE_BYTES, parseReportFile } from '../parse/parse-file.js';
import {
  batchCounts, currentDecisions, filesByIds, findBatch, findFile, findingsOfReads, findRead, insertBatch, insertBatchEvent,
  insertDecision, insertFiles, isIntakeError, listBatches, listFiles, lockBatch, moveBatch, releaseClaims, resetFiles,
  type AuditBatchRow, type AuditDecisionRow, type AuditFileListRow, type BatchCountsRow,
} from './audit-batch.repository.js';
import {
  AUDIT_BATCH_STATE_LABELS, AUDIT_DECISION_LABELS, AUDIT_FILE_STATE_LABELS, AUDIT_SEVERITY_LABELS, MAX_AUDIT_FILES, MAX_BATCH_FILES, MAX_DECISION_NOTE,
  type AuditBatch, type AuditDecisionRequest, type AuditFileDetail, type AuditFileRow, type AuditFilesFilter, type AuditFinding,
  type AuditFindingCell, type AuditSeverity,
} from './audit-batch-model.js';
import type { IntakeEntry, PendingEntry } from './audit-intake.js';
import { blankSummaries, detailTables, formatLabelOf, type CompactResult } from './audit-findings.js';

type Q = Kysely<Database>;

/** A file of a new batch, its bytes already stored by hash; `error`: refused at intake (the batch lists it failed). */
interface StoredFile {
  name: string;
  size: number;
  sha256: string;
  error?: string;
}

/**
 * Reads one report file. The default parses on the calling thread; the server passes the worker pool's reader
 * (src/parse/parse-pool.ts) — swapping is this one function.
 */
export type AuditReader = (bytes: Uint8Array, name: string) => Promise<ParseResult>;

/** Parses in this thread (tests, and until the pool is wired). */
export const defaultAuditReader: AuditReader = (bytes, name) => parseReportFile(bytes, name);

/** One file of an upload (a zip already expanded: `name` is then the path inside it). */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * A file of a batch as given to create(): its bytes, an entry the zip intake refused (`{ name, error }`: stored as a
 * failed file with that message), or a planned zip entry inflated only when it is stored (audit-intake.ts
 * planIntake), so an upload of many zipped reports never holds more than one inflated file at a time.
 */
export type UploadEntry = UploadedFile | IntakeEntry | PendingEntry;

const loaded = (entry: UploadEntry): IntakeEntry => ('load' in entry ? entry.load() : entry);

/** Empty bytes: the blob of a file refused at intake (a file row needs a blob; its hash is the empty content's). */
const NOTHING = new Uint8Array(0);

/** The SHA-256 of bytes, hex. */
export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const TOO_MANY = `一次最多核查 ${MAX_AUDIT_FILES} 个文件，请分批上传`;
const TOO_MANY_ENTRIES = `一次最多核查 ${MAX_BATCH_FILES} 个文件（含压缩包中的文件），请分批上传`;
const NO_FILES = '没有上传文件：请至少选择一个年度报告文件（Word、PDF、网页或文本）或压缩包';

/** The message of a file over the size limit. */
export const tooLargeFile = (name: string, size?: number) =>
  `文件“${name}”过大${size ? `（${(size / 1024 / 1024).toFixed(1)} MB）` : ''}：每个年度报告文件不得超过 ${MAX_PARSE_BYTES / 1024 / 1024} MB`;

/**
 * Checks an upload before anything is stored: at least one file, not too many (each file's size is checked as it
 * arrives). Zips are expanded first: the intake reads at most MAX_BATCH_FILES of their files and adds one failed
 * entry per archive for the rest, which are counted here too.
 */
export function checkUpload(files: readonly { name: string }[]): void {
  if (files.length === 0) throw new ValidationError(NO_FILES, { field: 'file' });
  if (files.length > MAX_BATCH_FILES + MAX_AUDIT_FILES) throw new ValidationError(TOO_MANY_ENTRIES, { field: 'file' });
  // An empty or unreadable file does not stop the batch: reading it says why (文件为空…), the others are read.
}

const titleOf = (files: readonly { name: string }[], at: string) =>
  `${at.slice(0, 10)} 核查 ${files.length} 个文件${files.length === 1 ? `（${files[0]!.name}）` : ''}`;

/** The batch as the API shows it. */
function batchView(row: AuditBatchRow, counts: BatchCountsRow | undefined): AuditBatch {
  return {
    id: row.id, agencyId: row.agency_id, title: row.title, createdAt: row.created_at,
    createdBy: { id: row.created_by_id, name: row.created_by },
    state: row.state, stateLabel: AUDIT_BATCH_STATE_LABELS[row.state],
    total: counts?.total ?? 0, done: counts?.done ?? 0, failed: counts?.failed ?? 0,
    current: row.state === 'reading' ? (counts?.current ?? null) : null,
    counts: {
      reports: counts?.reports ?? 0, errors: counts?.errors ?? 0, warnings: counts?.warnings ?? 0,
      missing: counts?.missing ?? 0, recovered: counts?.recovered ?? 0, unreadable: counts?.failed ?? 0,
    },
  };
}

/** A file row as the API shows it (the summary only once the file has been read in this run). */
export function fileView(row: AuditFileListRow): AuditFileRow {
  const read = row.state === 'done' || row.state === 'failed';
  const format = read && (row.format === '2019' || row.format === '2021') ? row.format : null;
  return {
    id: row.id, batchId: row.batch_id, name: row.name, size: row.size, sha256: row.sha256,
    state: row.state, stateLabel: AUDIT_FILE_STATE_LABELS[row.state], error: read ? row.error : null,
    agencyName: read ? row.agency_name : null, year: read ? row.year : null, format, formatLabel: formatLabelOf(format),
    title: read ? row.title : null, sourceUrl: read ? row.source_url : null, publishedAt: read ? row.published_at : null,
    errors: read ? row.errors : 0, warnings: read ? row.warnings : 0, missing: read ? row.missing : 0, recovered: read ? row.recovered : 0,
    undecided: row.state === 'done' ? row.undecided : 0, readMs: read ? row.read_ms : null,
  };
}

/** A decision event as the API shows it. */
function decisionView(row: AuditDecisionRow | undefined): AuditFinding['decision'] {
  if (!row) return null;
  return { kind: row.kind, kindLabel: AUDIT_DECISION_LABELS[row.kind], note: row.note, by: { id: row.actor_id, name: row.actor }, at: row.at };
}

/** A stored finding as the API shows it. */
function findingView(row: { fingerprint: string; severity: AuditSeverity; rule_title: string; message: string; expression: string | null; cells: string }, decision: AuditDecisionRow | undefined): AuditFinding {
  return {
    fingerprint: row.fingerprint, severity: row.severity, severityLabel: AUDIT_SEVERITY_LABELS[row.severity], ruleTitle: row.rule_title,
    message: row.message, expression: row.expression, cells: JSON.parse(row.cells) as AuditFindingCell[], decision: decisionView(decision),
  };
}

/** The service over one transaction (or the database, for reads). */
export function auditBatchService(db: Q, clock: Clock) {
  /** A batch, or 404. */
  async function batchRow(id: number): Promise<AuditBatchRow> {
    const row = await findBatch(db, id);
    if (!row) throw new NotFoundError(`未找到编号为 ${id} 的核查批次`);
    return row;
  }

  async function view(row: AuditBatchRow): Promise<AuditBatch> {
    return batchView(row, (await batchCounts(db, [row.id])).get(row.id));
  }

  async function fileRow(batchId: number, fileId: number): Promise<AuditFileListRow> {
    const file = await findFile(db, batchId, fileId);
    if (!file) throw new NotFoundError(`核查批次 ${batchId} 中没有编号为 ${fileId} 的文件`);
    return file;
  }

  /** Stores a file's bytes once by hash; the file as the batch lists it (an intake error: failed, empty blob). */
  async function storeBlob(entry: IntakeEntry, at: string): Promise<StoredFile> {
    const bytes = entry.bytes ?? NOTHING;
    const sha256 = sha256Of(bytes);
    const type = entry.error === undefined ? extname(entry.name).slice(1).toLowerCase() || 'report' : 'empty';
    await insertBlobIfAbsent(db, { hash: sha256, size: bytes.length, file_type: type.slice(0, 16), content: bytes, created_at: at });
    return { name: entry.name, size: bytes.length, sha256, error: entry.error };
  }

  /** Stores a new batch reading these files (already stored by hash; an intake error stays failed with its message). */
  async function store(agencyId: number, title: string | undefined, files: readonly StoredFile[], actor: Actor): Promise<AuditBatch> {
    const at = clock();
    const id = await insertBatch(db, {
      agency_id: agencyId, title: title?.trim() || titleOf(files, at), state: 'reading', run: 1,
      created_at: at, created_by: actor.name, created_by_id: actor.id, updated_at: at,
    });
    await insertFiles(db, files.map((f, i) => ({ batch_id: id, position: i + 1, name: f.name, size: f.size, sha256: f.sha256, intakeError: f.error })));
    await insertBatchEvent(db, { batch_id: id, type: 'created', old_state: null, new_state: 'reading', run: 1, actor: actor.name, actor_id: actor.id, at });
    return view(await batchRow(id));
  }

  return {
    batchRow,

    /**
     * A new batch of uploaded files (checked first: nothing is stored for a bad upload). Planned zip entries are
     * inflated one at a time as they are stored, and their bytes dropped before the next.
     */
    async create(input: { agencyId: number; title?: string; files: readonly UploadEntry[] }, actor: Actor): Promise<AuditBatch> {
      checkUpload(input.files);
      const at = clock();
      const stored: StoredFile[] = [];
      for (const entry of input.files) stored.push(await storeBlob(loaded(entry), at));
      return store(input.agencyId, input.title, stored, actor);
    },

    /** A new batch of files already uploaded (each in a batch the caller may audit: `mayAudit`). */
    async again(input: { agencyId: number; title?: string; fileIds: readonly number[] }, actor: Actor, mayAudit: (agencyId: number) => Promise<boolean>): Promise<AuditBatch> {
      if (input.fileIds.length > MAX_AUDIT_FILES) throw new ValidationError(TOO_MANY, { field: 'fileIds' });
      const ids = [...new Set(input.fileIds)];
      const rows = await filesByIds(db, ids);
      const allowed = new Map<number, boolean>();
      for (const row of rows) if (!allowed.has(row.agency_id)) allowed.set(row.agency_id, await mayAudit(row.agency_id));
      const found = new Set(rows.filter((r) => allowed.get(r.agency_id)).map((r) => r.id));
      const unknown = ids.filter((id) => !found.has(id));
      if (unknown.length) throw new NotFoundError(`未找到核查文件：${unknown.slice(0, 10).join('、')}${unknown.length > 10 ? ' 等' : ''}`);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return store(input.agencyId, input.title, ids.map((id) => byId.get(id)!)
        .map((r) => ({ name: r.name, size: r.size, sha256: r.sha256, error: isIntakeError(r) ? r.error ?? undefined : undefined })), actor);
    },

    /** The batches of these agencies, newest first. */
    async list(agencyIds: readonly number[]): Promise<AuditBatch[]> {
      const rows = await listBatches(db, agencyIds);
      const counts = await batchCounts(db, rows.map((r) => r.id));
      return rows.map((r) => batchView(r, counts.get(r.id)));
    },

    /** A batch with its files, filtered and sorted. */
    async page(id: number, filter: AuditFilesFilter = {}): Promise<{ batch: AuditBatch; files: AuditFileRow[] }> {
      const row = await batchRow(id);
      return { batch: await view(row), files: (await listFiles(db, id, filter)).map(fileView) };
    },

    /** One file's detail: its tables with each cell's reading, blanks, findings with decisions, notes, narrative. */
    async detail(batchId: number, fileId: number): Promise<AuditFileDetail> {
      const file = await fileRow(batchId, fileId);
      const row = fileView(file);
      const read = file.read_id !== null && (file.state === 'done' || file.state === 'failed') ? await findRead(db, file.read_id) : undefined;
      if (!read) return { ...row, tables: [], blanks: [], findings: [], notes: [], narrative: [] };
      const result = JSON.parse(read.result) as CompactResult;
      const decisions = await currentDecisions(db, file.agency_id, [file.sha256]);
      const findings = (await findingsOfReads(db, [read.id])).map((f) => findingView(f, decisions.get(`${file.sha256}:${f.fingerprint}`)));
      const tables = detailTables(result, findings);
      return { ...row, tables, blanks: blankSummaries(tables), findings, notes: result.notes, narrative: result.narrative };
    },

    /**
     * Decides on a finding of the file's current read: an event (who, when, old → new) under the batch's agency,
     * the file's SHA-256 and the fingerprint. A dismissal needs a note. The same decision again adds no event.
     */
    async decide(batchId: number, fileId: number, fingerprint: string, body: AuditDecisionRequest, actor: Actor): Promise<AuditFinding> {
      const batch = await batchRow(batchId);
      // Decisions of one agency one at a time: the event's “old” is the decision it replaces, whichever batch shows it.
      await lockRow(db, 'agencies', batch.agency_id);
      const file = await fileRow(batchId, fileId);
      const finding = file.read_id === null ? undefined : (await findingsOfReads(db, [file.read_id])).find((f) => f.fingerprint === fingerprint);
      if (!finding || file.state !== 'done') throw new NotFoundError('该文件的本次读取结果中没有这个问题（文件可能正在重新读取）');
      const note = (body.note ?? '').trim();
      if (note.length > MAX_DECISION_NOTE) throw new ValidationError(`说明不得超过 ${MAX_DECISION_NOTE} 个字`, { field: 'note' });
      if (body.kind === 'dismissed' && !note) throw new ValidationError('标记为“不是问题”时须填写说明（为什么不是问题）', { field: 'note' });
      const key = `${file.sha256}:${fingerprint}`;
      const current = (await currentDecisions(db, batch.agency_id, [file.sha256])).get(key);
      if (current && current.kind === body.kind && current.note === note) return findingView(finding, current);
      const stored = await insertDecision(db, {
        agency_id: batch.agency_id, sha256: file.sha256, fingerprint, kind: body.kind, note,
        old_kind: current?.kind ?? null, old_note: current?.note ?? null, file_id: file.id, actor: actor.name, actor_id: actor.id, at: clock(),
      });
      return findingView(finding, stored);
    },

    /** Stops reading: files not read yet stay pending, a file being read is put back (its result is dropped). */
    async stop(id: number, actor: Actor): Promise<AuditBatch> {
      const batch = await lockBatch(db, id);
      if (!batch) throw new NotFoundError(`未找到编号为 ${id} 的核查批次`);
      const at = clock();
      if (!(await moveBatch(db, id, 'reading', 'stopped', at))) throw new ConflictError(`核查批次“${batch.title}”${AUDIT_BATCH_STATE_LABELS[batch.state]}，无需停止`);
      await releaseClaims(db, id);
      await insertBatchEvent(db, { batch_id: id, type: 'stopped', old_state: 'reading', new_state: 'stopped', run: batch.run, actor: actor.name, actor_id: actor.id, at });
      return view(await batchRow(id));
    },

    /** Reads every file of the batch again (a new run; earlier reads are kept). */
    async rerun(id: number, actor: Actor): Promise<AuditBatch> {
      const batch = await lockBatch(db, id);
      if (!batch) throw new NotFoundError(`未找到编号为 ${id} 的核查批次`);
      const at = clock();
      if (!(await moveBatch(db, id, batch.state, 'reading', at, batch.run + 1))) throw new ConflictError('核查批次状态已改变，请刷新后重试');
      await resetFiles(db, id);
      await insertBatchEvent(db, { batch_id: id, type: 'rerun', old_state: batch.state, new_state: 'reading', run: batch.run + 1, actor: actor.name, actor_id: actor.id, at });
      return view(await batchRow(id));
    },

    /** Every file of a batch with its findings (decisions joined) for the exports, errors first. */
    async exportData(id: number): Promise<{ batch: AuditBatch; files: Array<{ file: AuditFileRow; findings: AuditFinding[] }> }> {
      const row = await batchRow(id);
      const files = await listFiles(db, id, { sort: 'errors' });
      const reads = files.filter((f) => f.state === 'done' && f.read_id !== null).map((f) => f.read_id!);
      const findings = await findingsOfReads(db, reads);
      const decisions = await currentDecisions(db, row.agency_id, files.map((f) => f.sha256));
      const byRead = new Map<number, typeof findings>();
      for (const f of findings) byRead.set(f.read_id, [...(byRead.get(f.read_id) ?? []), f]);
      return {
        batch: await view(row),
        files: files.map((f) => ({
          file: fileView(f),
          findings: f.state === 'done' && f.read_id !== null
            ? (byRead.get(f.read_id) ?? []).map((x) => findingView(x, decisions.get(`${f.sha256}:${x.fingerprint}`))) : [],
        })),
      };
    },
  };
}

/** The service's type. */
export type AuditBatchService = ReturnType<typeof auditBatchService>;
