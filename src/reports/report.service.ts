/**
 * Annual reports: create, import, edit (every save a new version and an event), check and publish.
 * Status moves draft → checked → published; a published report is immutable (its record is the
 * statutory publication, 条例 Art. 49–50). Services return domain types, never rows.
 */
import type { Actor } from '../core/actor.js';
import type { Kysely } from 'kysely';
import { agencyService } from '../agencies/agency.service.js';
import { checkReport, type CheckReport } from '../core/checks/check-report.js';
import type { Clock } from '../core/clock.js';
import { ConflictError, NotFoundError, ValidationError } from '../core/errors.js';
import type { FormatId } from '../core/format/format-types.js';
import { formatForYear, getFormat } from '../core/format/registry.js';
import { newReport } from '../core/report/new-report.js';
import type { ReportDocument } from '../core/report/report-model.js';
import type { Database } from '../db/schema.js';
import { applicationTables, withApplicationTables, type ApplicationTables } from '../statistics/statistics.service.js';
import { dataCells, type FilledCell } from './report-fill.js';
import { failedErrors, MAX_NAMED_FAILURES, refuseUnfit } from './report-fitness.js';
import { normalizeDocument } from './report-document.js';
import { diffDocuments } from './report-diff.js';
import { indexPublishedReport } from './report-search.js';
import { checkBase, chinaDay, chinaTime, loadDocument } from './report-versions.js';
import { lockRow } from '../db/locks.js';
import { assertCanPublish } from '../core/disclosure/review-chain.js';
import { publishToChannels } from '../disclosure/review.service.js';
import { assertReportEditable, reportReviewAdapter, reviewStateOf, submitReport } from './report-review.js';
import { correctionReason, earlierPublishedVersions, reportCorrections, startCorrection, type ReportCorrection } from './report-correction.js';
import {
  closeCorrectionRow, countVersionRows, publicVersionOf, findReportRow, findReportRowByAgencyYear, insertEventRow, insertReportRow,
  insertVersionRow, listCurrentDocumentRows, listEventRows, listReportRows, listVersionRows, updateReportRow, type ReportWithAgencyRow,
} from './report.repository.js';

export * from './report-types.js';
import { REPORT_STATUSES, toSummary, type ReportEvent, type ReportFilter, type ReportStatus, type ReportSummary, type ReportVersionInfo, type StoredReport } from './report-types.js';

type Q = Kysely<Database>;



const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));
const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err?.code === '23505' || /^SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)$/.test(err?.code ?? '') || /UNIQUE constraint failed/.test(err?.message ?? '');
}

function publishedError(row: ReportWithAgencyRow): ConflictError {
  return new ConflictError(`${row.agency_name}${row.year}年度报告已发布，不能修改（已发布的报告不可更改）`, 'REPORT_PUBLISHED');
}

function changedError(): ConflictError {
  return new ConflictError('年度报告已被他人同时修改，请刷新后重试', 'REPORT_CHANGED');
}

/** Options of a save: the version the edited document was based on (checked when given). */
export interface SaveOptions {
  baseVersion?: number;
}

/** Report operations on a database or a transaction (the edge opens it for changes); the clock stamps every change. */
export function reportService(db: Kysely<Database>, clock: Clock) {
  async function loadRow(q: Q, id: number): Promise<ReportWithAgencyRow> {
    const row = Number.isSafeInteger(id) ? await findReportRow(q, id) : undefined;
    if (!row) throw new NotFoundError(`未找到年度报告：编号 ${id}`);
    return row;
  }

  /**
   * The report about to change, locked until the transaction ends (PostgreSQL; SQLite serialises
   * writers): concurrent saves, checks and publications of one report run one after the other, each
   * seeing what the one before it stored.
   */
  async function lockedRow(q: Q, id: number): Promise<ReportWithAgencyRow> {
    if (Number.isSafeInteger(id)) await lockRow(q, 'reports', id);
    return loadRow(q, id);
  }

  async function stored(q: Q, row: ReportWithAgencyRow): Promise<StoredReport> {
    return { ...toSummary(row), document: await loadDocument(q, row.id, row.current_version) };
  }

  async function event(q: Q, reportId: number, actor: Actor, type: string, old: unknown, next: unknown, at = clock()) {
    await insertEventRow(q, { report_id: reportId, at, actor: actor.name, actor_id: actor.id, type, old: json(old), new: json(next) });
  }

  async function previousDocument(q: Q, agencyId: number, year: number): Promise<ReportDocument | null> {
    const row = await findReportRowByAgencyYear(q, agencyId, year - 1);
    // Last year's figures as published (a correction of it in progress is not yet the record).
    return row ? loadDocument(q, row.id, publicVersionOf(row) ?? row.current_version) : null;
  }

  /** Inserts a new report with `doc` as version 1. */
  async function insertReport(q: Q, agencyId: number, doc: ReportDocument, actor: Actor, type: string, note: string | null) {
    const now = clock();
    let id: number;
    try {
      id = await insertReportRow(q, {
        agency_id: agencyId, year: doc.year, format: doc.format, status: 'draft', current_version: 1,
        issued_on: doc.issuedOn, created_at: now, updated_at: now, published_at: null,
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new ConflictError(`${doc.agency.name}${doc.year}年度报告已存在`, 'REPORT_EXISTS');
      throw e;
    }
    await insertVersionRow(q, { report_id: id, version: 1, document: JSON.stringify(doc), actor: actor.name, actor_id: actor.id, created_at: now, note });
    await event(q, id, actor, type, null, { version: 1, agencyId, year: doc.year, format: doc.format }, now);
    return stored(q, await loadRow(q, id));
  }

  /**
   * Saves `doc` as the next version of a report that is not published, with an event holding what
   * changed. A checked report becomes a draft again: its checks no longer describe its content.
   */
  async function saveVersion(q: Q, row: ReportWithAgencyRow, doc: ReportDocument, actor: Actor, type: string, note: string | null) {
    if (row.status === 'published') throw publishedError(row);
    // Under review the version the reviewers see may not change; after a return the edit is a new version
    // that must be submitted again (the chain's state stays “returned” until then).
    assertReportEditable(row);
    const now = clock();
    const before = await loadDocument(q, row.id, row.current_version);
    const version = row.current_version + 1;
    try {
      await insertVersionRow(q, { report_id: row.id, version, document: JSON.stringify(doc), actor: actor.name, actor_id: actor.id, created_at: now, note });
    } catch (e) {
      if (isUniqueViolation(e)) throw changedError();
      throw e;
    }
    const status: ReportStatus = row.status === 'checked' ? 'draft' : (row.status as ReportStatus);
    const updated = await updateReportRow(q, row.id, {
      current_version: version, format: doc.format, issued_on: doc.issuedOn, status, updated_at: now,
    }, row.current_version);
    if (updated !== 1) throw changedError();
    const change = diffDocuments(before, doc);
    await event(q, row.id, actor, type,
      { version: row.current_version, ...change.old }, { version, changed: change.changed, ...change.new }, now);
    if (status !== row.status) {
      await event(q, row.id, actor, 'status-changed', { status: row.status }, { status, reason: '内容已修改，需重新校验' }, now);
    }
    return stored(q, await loadRow(q, row.id));
  }

  async function runChecks(q: Q, row: ReportWithAgencyRow): Promise<{ doc: ReportDocument; checks: CheckReport }> {
    const doc = await loadDocument(q, row.id, row.current_version);
    return { doc, checks: checkReport(doc, { previous: await previousDocument(q, row.agency_id, row.year) }) };
  }



  return {
    /** Reports matching the filter, newest year first (no documents loaded). */
    async list(filter: ReportFilter = {}): Promise<ReportSummary[]> {
      if (filter.status !== undefined && !REPORT_STATUSES.includes(filter.status)) {
        throw new ValidationError(`报告状态“${String(filter.status)}”无效，应为 ${REPORT_STATUSES.join('、')}`, { field: 'status' });
      }
      return (await listReportRows(db, filter)).map(toSummary);
    },

    /** The titles of the reports of an agency with a status (their current versions'), by report id: one query. */
    async titles(filter: { agencyId: number; status?: ReportStatus; onPortal?: boolean }): Promise<Map<number, string>> {
      const rows = await listCurrentDocumentRows(db, filter);
      return new Map(rows.map((r) => [Number(r.id), (JSON.parse(r.document) as ReportDocument).title]));
    },

    /** A report with its current document. */
    async get(id: number): Promise<StoredReport> {
      return stored(db, await loadRow(db, id));
    },

    /** A report as it was at a given version (summary fields describe that version). */
    async getVersion(id: number, version: number): Promise<StoredReport> {
      const row = await loadRow(db, id);
      const document = await loadDocument(db, id, version);
      const info = (await listVersionRows(db, id)).find((v) => v.version === version)!;
      return { ...toSummary(row), version, format: document.format, issuedOn: document.issuedOn, updatedAt: info.created_at, document };
    },

    /** The saved versions of a report, oldest first. */
    async versions(id: number): Promise<ReportVersionInfo[]> {
      await loadRow(db, id);
      return (await listVersionRows(db, id)).map((v) => ({ version: v.version, createdAt: v.created_at, actor: v.actor, note: v.note }));
    },

    /** Number of saved versions (cheap; no documents loaded). */
    async versionCount(id: number): Promise<number> {
      await loadRow(db, id);
      return countVersionRows(db, id);
    },

    /** The audit trail of a report in order. */
    async events(id: number): Promise<ReportEvent[]> {
      await loadRow(db, id);
      return (await listEventRows(db, id)).map((e) => ({
        id: e.id, reportId: e.report_id, at: e.at, actor: e.actor, type: e.type, old: parse(e.old), new: parse(e.new),
      }));
    },

    /** The report of an agency for a year, or null. */
    async findByAgencyYear(agencyId: number, year: number): Promise<StoredReport | null> {
      const row = await findReportRowByAgencyYear(db, agencyId, year);
      return row ? stored(db, row) : null;
    },

    /** Starts an empty report (every cell blank) for an agency and year. */
    async create(input: { agencyId: number; year: number; format?: FormatId }, actor: Actor): Promise<StoredReport> {
      if (!Number.isInteger(input.year)) throw new ValidationError(`年度“${String(input.year)}”无效，应为整数（如 2019）`, { field: 'year' });
      formatForYear(input.year); // a year without a national format is refused even with an explicit format
      const format = input.format === undefined ? undefined : getFormat(input.format).id;
      const agency = await agencyService(db, clock).get(input.agencyId);
      if (await findReportRowByAgencyYear(db, agency.id, input.year)) {
        throw new ConflictError(`${agency.name}${input.year}年度报告已存在`, 'REPORT_EXISTS');
      }
      return insertReport(db, agency.id, newReport(agency.name, input.year, format), actor, 'created', null);
    },

    /**
     * Stores an imported document: the agency is `options.agencyId` or the one named in the
     * document. A new agency-year becomes a new report; an existing draft gets a new version; a
     * published report is refused (ConflictError REPORT_PUBLISHED). `authorize` is called with the
     * agency once it is known, before anything is written (the edge checks the importer's permission there).
     */
    async importDocument(
      doc: ReportDocument, options: { agencyId?: number; authorize?: (agencyId: number, q: Kysely<Database>) => Promise<void> }, actor: Actor, note: string | null = '导入',
    ): Promise<StoredReport> {
      const agencies = agencyService(db, clock);
      const name = typeof doc?.agency?.name === 'string' ? doc.agency.name.trim() : '';
      const agency = options.agencyId !== undefined ? await agencies.get(options.agencyId) : await agencies.findByName(name);
      if (!agency) throw new NotFoundError(`未找到机关：${name || '（报告未写明机关名称）'}；请先登记该机关，或导入时指定机关`);
      await options.authorize?.(agency.id, db);
      const normal = normalizeDocument(doc, agency.name);
      const found = await findReportRowByAgencyYear(db, agency.id, normal.year);
      if (!found) return insertReport(db, agency.id, normal, actor, 'imported', note);
      // An import replaces the content deliberately (a new version), but after any save in progress.
      return saveVersion(db, await lockedRow(db, found.id), normal, actor, 'imported', note);
    },

    /**
     * Saves a new version of a report that is not published. With `baseVersion` (the version the
     * document was edited from; the HTTP API requires it) a save based on an older version is refused
     * (ConflictError STALE_VERSION, listing what changed since) instead of silently overwriting it.
     */
    async update(id: number, doc: ReportDocument, actor: Actor, note: string | null = null, options: SaveOptions = {}): Promise<StoredReport> {
      const row = await lockedRow(db, id);
      if (row.status === 'published') throw publishedError(row);
      await checkBase(db, row, options.baseVersion);
      return saveVersion(db, row, normalizeDocument(doc, row.agency_name, row.year), actor, 'updated', note);
    },

    /**
     * Runs the checks against the agency's previous-year report. Without hard failures a draft
     * becomes checked; with any, a checked report returns to draft. Published reports only report.
     */
    async check(id: number, actor: Actor): Promise<{ report: StoredReport; checks: CheckReport }> {
      const row = await lockedRow(db, id);
      const { checks } = await runChecks(db, row);
      if (row.status === 'published') return { report: await stored(db, row), checks };
      const status: ReportStatus = checks.ok ? 'checked' : 'draft';
      const now = clock();
      if (status !== row.status && await updateReportRow(db, id, { status, updated_at: now }, row.current_version) !== 1) throw changedError();
      const failed = failedErrors(checks);
      await event(db, id, actor, 'checked', { status: row.status }, {
        status, version: row.current_version, hardFailures: checks.hardFailures, warnings: checks.warnings,
        failed: failed.slice(0, MAX_NAMED_FAILURES).map((r) => ({ id: r.id, title: r.title })),
      }, now);
      return { report: await stored(db, await loadRow(db, id)), checks };
    },

    /**
     * Submits the current version for 初审 (条例 Art. 50). Refused like a publication while a hard rule fails
     * (REPORT_HAS_ERRORS) or the date of issue is missing (REPORT_NOT_DATED): reviewers sign off only a report
     * that could be published, and a signed-off report cannot be edited any more.
     */
    async submit(id: number, actor: Actor, comment?: string | null): Promise<StoredReport> {
      const row = await lockedRow(db, id);
      if (row.status === 'published') throw publishedError(row);
      const { doc, checks } = await runChecks(db, row);
      refuseUnfit(doc, checks, '提交审核');
      await submitReport(db, id, actor, new Date(clock()), comment);
      return stored(db, await loadRow(db, id));
    },

    /**
     * Publishes a report on the portal (条例 Art. 50): refused unless the current version passed 初审, 保密审查
     * and 核审签发 (REVIEW_INCOMPLETE), while any hard rule fails (REPORT_HAS_ERRORS, naming the rules) or
     * without a date of issue (REPORT_NOT_DATED); the secrecy review must have found the portal fit
     * (CHANNEL_NOT_CLEARED). Records the publication on channel 'portal'. Afterwards the report is immutable.
     */
    async publish(id: number, actor: Actor): Promise<StoredReport> {
      const alreadyPublished = (row: ReportWithAgencyRow) => new ConflictError(
        `${row.agency_name}${row.year}年度报告已于 ${row.published_at ? chinaTime(row.published_at) : '此前'} 发布，不能重复发布`, 'REPORT_PUBLISHED',
      );
      const row = await lockedRow(db, id);
      if (row.status === 'published') throw alreadyPublished(row);
      assertCanPublish(reviewStateOf(row));
      const { doc, checks } = await runChecks(db, row);
      refuseUnfit(doc, checks, '发布');
      const now = clock();
      // The chain records the act (channel, day, who) and moves approved → published once.
      await publishToChannels(db, reportReviewAdapter, id, ['portal'], actor, new Date(now), chinaDay(now));
      // Only one transaction can move the row to published (the update skips a published row).
      // A correction (更正) keeps the first publication's time and records its own; the portal now shows this version.
      const correcting = publicVersionOf(row) !== null;
      const updated = await updateReportRow(db, id, {
        status: 'published', published_at: correcting ? row.published_at ?? now : now, updated_at: now,
        published_version: row.current_version, ...(correcting ? { corrected_at: now } : {}),
      }, row.current_version);
      if (updated !== 1) {
        const latest = await loadRow(db, id);
        throw latest.status === 'published' ? alreadyPublished(latest) : changedError();
      }
      if (correcting && await closeCorrectionRow(db, id, row.current_version, now) !== 1) throw changedError();
      await event(db, id, actor, correcting ? 'correction-published' : 'published', { status: row.status, ...(correcting ? { publishedVersion: publicVersionOf(row) } : {}) }, {
        status: 'published', version: row.current_version, issuedOn: doc.issuedOn, warnings: checks.warnings, channel: 'portal',
      }, now);
      // On the portal from this commit: searchable from the same commit.
      await indexPublishedReport(db, id, now);
      return stored(db, await loadRow(db, id));
    },

    /**
     * The report engine's use of the cases (issue 4 §7): replaces tables 三 and 四 of a report that is
     * not published with the figures the database computes from the agency's cases as of `asOf`
     * (default 31 December of the report year), saved as a new version with a note saying so.
     */
    async fillFromCases(id: number, actor: Actor, asOf?: string): Promise<{ report: StoredReport; tables: ApplicationTables }> {
      const row = await lockedRow(db, id);
      if (row.status === 'published') throw publishedError(row);
      const doc = await loadDocument(db, id, row.current_version);
      const tables = await applicationTables(db, { agencyId: row.agency_id, year: row.year, format: doc.format, asOf });
      const note = `表三、表四由依申请公开办理数据生成（截至 ${tables.asOf}）`;
      const report = await saveVersion(db, row, withApplicationTables(doc, tables), actor, 'filled-from-cases', note);
      return { report, tables };
    },

    /**
     * Fills tables 二, 三 and 四 of a report that is not published (and not under review) from the data as of
     * `asOf` (default: today in China), as one new version: table 二 （一） counted from the items, the other
     * table 二 cells from the latest entered Art. 20 counts, tables 三/四 from the cases (as fill-from-cases, taken
     * as of the earlier of `asOf` and 31 December). Entered counts for a cell the report's format lacks are left
     * out. With `baseVersion` a fill based on an older version than the current one is refused (STALE_VERSION).
     * Returns every cell filled and where its figure came from.
     */
    async fillFromData(id: number, actor: Actor, asOf?: string, options: SaveOptions = {}): Promise<{ report: StoredReport; asOf: string; filled: FilledCell[] }> {
      const row = await lockedRow(db, id);
      if (row.status === 'published') throw publishedError(row);
      assertReportEditable(row);
      await checkBase(db, row, options.baseVersion);
      const doc = await loadDocument(db, id, row.current_version);
      const day = asOf ?? chinaDay(clock());
      const { cells, filled } = await dataCells(db, { agencyId: row.agency_id, year: row.year }, doc, day);
      const note = `表二由主动公开信息数据和录入的第二十条数值、表三表四由依申请公开办理数据生成（截至 ${day}）`;
      const report = await saveVersion(db, row, { ...doc, cells: { ...doc.cells, ...cells } }, actor, 'filled-from-data', note);
      return { report, asOf: day, filled };
    },

    /**
     * Starts the correction (更正) of a published report with its reason (required; published with the corrected
     * report): the published version is copied into a new draft version, which goes through the chain and is
     * published as the current version. The portal keeps showing the published version meanwhile. Refused while a
     * correction is open (CORRECTION_OPEN: of two concurrent starts exactly one succeeds) or for an unpublished report.
     */
    async startCorrection(id: number, reason: unknown, actor: Actor): Promise<StoredReport> {
      const text = correctionReason(reason);
      const row = await lockedRow(db, id);
      const now = clock();
      const version = await startCorrection(db, row, text, actor, now);
      await event(db, id, actor, 'correction-started', { status: row.status, version: row.current_version }, { status: 'draft', version, reason: text }, now);
      return stored(db, await loadRow(db, id));
    },

    /** The corrections of a report, oldest first (an open one last, without its published version). */
    async corrections(id: number): Promise<ReportCorrection[]> {
      await loadRow(db, id);
      return reportCorrections(db, id);
    },

    /**
     * A report as the public sees it: its published version (also while a correction is being prepared), the
     * corrections published so far and the versions published before (still downloadable); null when the report
     * was never published.
     */
    async published(id: number): Promise<{ report: StoredReport; corrections: ReportCorrection[]; earlierVersions: number[] } | null> {
      const row = Number.isSafeInteger(id) ? await findReportRow(db, id) : undefined;
      const version = row ? publicVersionOf(row) : null;
      if (!row || version === null) return null;
      const document = await loadDocument(db, id, version);
      const corrections = (await reportCorrections(db, id)).filter((c) => c.publishedAt !== null);
      return {
        // The public never sees the draft of a correction: summary fields describe the published version.
        report: { ...toSummary(row), status: 'published', version, format: document.format, issuedOn: document.issuedOn, document },
        corrections, earlierVersions: earlierPublishedVersions(corrections),
      };
    },

    /** The same agency's report for the year before (its current version), or null. */
    previousDocument(agencyId: number, year: number): Promise<ReportDocument | null> {
      return previousDocument(db, agencyId, year);
    },
  };
}

export type ReportService = ReturnType<typeof reportService>;
export type { FilledCell };
