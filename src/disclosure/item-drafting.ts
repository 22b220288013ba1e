/**
 * Writing an item (政府信息): create, edit. Every save is a new version with its snapshot in `item_versions`
 * (nothing is overwritten); a save names the version it was edited from and a stale one is refused. The body is
 * sanitised (what was removed is reported), a 文号 used twice in one agency and year is warned about, and the
 * Art. 26 due date is computed on the working-day calendar.
 */
import type { Kysely } from 'kysely';
import { findAgencyRow } from '../agencies/agency.repository.js';
import type { Actor } from '../core/actor.js';
import { isValidDate } from '../core/calendar/civil-date.js';
import { UncoveredYearError, workingDaysDeadline, type WorkCalendar } from '../core/calendar/work-calendar.js';
import { assertEditable, type ReviewState } from '../core/disclosure/review-chain.js';
import { isTheme, normaliseTheme } from '../core/disclosure/themes.js';
import {
  DISCLOSURE_ATTRIBUTES, NORMATIVE_KINDS, VALIDITIES, type DisclosureAttribute, type NormativeKind, type Validity,
} from '../core/disclosure/item-labels.js';
import { ConflictError, NotFoundError, ValidationError } from '../core/errors.js';
import { lockRow } from '../db/locks.js';
import type { Database } from '../db/schema.js';
import type { ItemRow } from './disclosure.table.js';
import { cleanBody } from './item-inspection.js';
import {
  findCategoryRow, findItemRow, insertItemRow, insertItemVersionRow, itemsWithDocNo, updateItemRow,
} from './item.repository.js';
import { insertDisclosureEvent } from './review.repository.js';

/** 条例 Art. 26: published within 20 working days of being made or changed. */
export const ART26_WORKING_DAYS = 20;

/** The China (UTC+8) date of an instant. */
export function chinaDay(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
}

/** An attachment of a version. */
export interface ItemAttachment {
  hash: string;
  fileName: string;
  fileType: string;
  size: number;
}

/** The fields a drafter writes. */
export interface ItemFields {
  title: string;
  summary: string;
  categoryId: number | null;
  issuer: string;
  docNo: string | null;
  writtenOn: string;
  changedOn: string;
  theme: string | null;
  keywords: string;
  disclosure: DisclosureAttribute;
  bodyHtml: string;
  validity: Validity;
  normativeKind: NormativeKind | null;
  madeOn: string | null;
  amendedOn: string | null;
  repealedOn: string | null;
  office: string | null;
  /** The item (same agency) this one is the 解读 of; null or absent when it is not a 解读. */
  interprets?: number | null;
}

/** A version as stored in `item_versions.snapshot`. */
export interface ItemSnapshot extends ItemFields {
  attachments: ItemAttachment[];
  /** Set when this version only removes found personal data from the version named (a redaction). */
  redactionOf?: number;
}

/** Something the drafter should look at (the save went through). */
export interface SaveWarning {
  code: 'DUPLICATE_DOC_NO' | 'BODY_SANITISED';
  message: string;
  field: string;
}

/** What a save returns: the item row and the warnings. */
export interface SaveResult {
  item: ItemRow;
  warnings: SaveWarning[];
}

/** The fields of a stored item. */
export function fieldsOf(row: ItemRow): ItemFields {
  return {
    title: row.title, summary: row.summary, categoryId: row.category_id, issuer: row.issuer, docNo: row.doc_no,
    writtenOn: row.written_on, changedOn: row.changed_on, theme: row.theme, keywords: row.keywords,
    disclosure: row.disclosure as DisclosureAttribute, bodyHtml: row.body_html, validity: row.validity as Validity,
    normativeKind: row.normative_kind as NormativeKind | null, madeOn: row.made_on, amendedOn: row.amended_on,
    repealedOn: row.repealed_on, office: row.office, interprets: row.interprets_item_id,
  };
}

/** The attachments of a stored item. */
export function attachmentsOf(row: Pick<ItemRow, 'attachments'>): ItemAttachment[] {
  return JSON.parse(row.attachments) as ItemAttachment[];
}

function columnsOf(f: ItemFields, attachments: readonly ItemAttachment[]) {
  return {
    title: f.title, summary: f.summary, category_id: f.categoryId, issuer: f.issuer, doc_no: f.docNo, written_on: f.writtenOn,
    changed_on: f.changedOn, theme: f.theme, keywords: f.keywords, disclosure: f.disclosure, body_html: f.bodyHtml,
    attachments: JSON.stringify(attachments), validity: f.validity, normative_kind: f.normativeKind, made_on: f.madeOn,
    amended_on: f.amendedOn, repealed_on: f.repealedOn, office: f.office,
    interprets_item_id: f.interprets ?? null,
  };
}

const text = (v: string | null | undefined): string | null => (v === undefined || v === null || v.trim() === '' ? null : v.trim());

function checkDate(value: string | null, field: string, name: string): void {
  if (value !== null && !isValidDate(value)) throw new ValidationError(`${name}“${value}”不是有效日期（应为 YYYY-MM-DD）`, { field });
}

/** Checks the fields and normalises them; the body comes back sanitised with notes of what was removed. */
function checkFields(f: ItemFields): { fields: ItemFields; warnings: SaveWarning[] } {
  const title = f.title?.trim() ?? '';
  if (title === '') throw new ValidationError('请填写标题', { field: 'title' });
  if (title.length > 300) throw new ValidationError('标题不能超过 300 字', { field: 'title' });
  if (!f.issuer?.trim()) throw new ValidationError('请填写发布机构', { field: 'issuer' });
  checkDate(f.writtenOn, 'writtenOn', '成文日期');
  checkDate(f.changedOn, 'changedOn', '变更日期');
  checkDate(f.madeOn, 'madeOn', '制定日期');
  checkDate(f.amendedOn, 'amendedOn', '修改日期');
  checkDate(f.repealedOn, 'repealedOn', '废止日期');
  if (f.changedOn < f.writtenOn) throw new ValidationError(`变更日期 ${f.changedOn} 早于成文日期 ${f.writtenOn}`, { field: 'changedOn' });
  if (!Object.hasOwn(DISCLOSURE_ATTRIBUTES, f.disclosure)) throw new ValidationError(`公开属性“${f.disclosure}”不存在`, { field: 'disclosure' });
  if (!Object.hasOwn(VALIDITIES, f.validity)) throw new ValidationError(`有效性“${f.validity}”不存在`, { field: 'validity' });
  if (f.normativeKind !== null && !Object.hasOwn(NORMATIVE_KINDS, f.normativeKind)) {
    throw new ValidationError(`文件类别“${f.normativeKind}”不存在（应为规章或行政规范性文件）`, { field: 'normativeKind' });
  }
  const theme = text(f.theme) === null ? null : normaliseTheme(f.theme!);
  if (theme !== null && !isTheme(theme)) {
    throw new ValidationError(`主题分类“${f.theme}”不在 22 个主题分类中（写作“一级\\二级”，如“综合政务\\政务公开”）`, { field: 'theme' });
  }
  const body = cleanBody(f.bodyHtml ?? '');
  const warnings: SaveWarning[] = body.removed.map((r) => ({ code: 'BODY_SANITISED', message: `正文中的${r}已被删除`, field: 'bodyHtml' }));
  return {
    fields: {
      ...f, title, summary: f.summary?.trim() ?? '', issuer: f.issuer.trim(), docNo: text(f.docNo), theme,
      keywords: f.keywords?.trim() ?? '', office: text(f.office), bodyHtml: body.html, interprets: f.interprets ?? null,
    },
    warnings,
  };
}

async function checkCategory(trx: Kysely<Database>, agencyId: number, categoryId: number | null): Promise<void> {
  if (categoryId === null) return;
  const node = await findCategoryRow(trx, categoryId);
  if (!node || node.agency_id !== agencyId) throw new ValidationError(`栏目（编号 ${categoryId}）不是本机关主动公开目录中的栏目`, { field: 'categoryId' });
  if (node.archived) throw new ValidationError(`栏目“${node.name}”已停用，请选择其他栏目`, { field: 'categoryId' });
}

/** A 解读 interprets another item of the same agency, never itself (the target need not be published yet). */
async function checkInterprets(trx: Kysely<Database>, agencyId: number, target: number | null | undefined, itemId: number | null): Promise<void> {
  if (target === null || target === undefined) return;
  if (target === itemId) throw new ValidationError('解读对象不能是本文自身', { field: 'interprets' });
  const row = await findItemRow(trx, target);
  if (!row) throw new ValidationError(`解读对象（编号 ${target}）不存在`, { field: 'interprets' });
  if (row.agency_id !== agencyId) throw new ValidationError(`解读对象“${row.title}”不是本机关的政府信息`, { field: 'interprets' });
}

async function docNoWarnings(trx: Kysely<Database>, agencyId: number, f: ItemFields, itemId: number | null): Promise<SaveWarning[]> {
  if (f.docNo === null) return [];
  const year = Number(f.writtenOn.slice(0, 4));
  const same = await itemsWithDocNo(trx, agencyId, f.docNo, year, itemId);
  return same.length === 0 ? [] : [{
    code: 'DUPLICATE_DOC_NO', field: 'docNo',
    message: `文号“${f.docNo}”在本机关 ${year} 年已有：${same.map((s) => `“${s.title}”`).join('、')}，请核实`,
  }];
}

/** The Art. 26 due date (条例 Art. 26: 20 working days after the day made or changed); null past the calendar. */
export function dueOn(calendar: WorkCalendar, changedOn: string): string | null {
  try {
    return workingDaysDeadline(calendar, changedOn, ART26_WORKING_DAYS);
  } catch (e) {
    if (e instanceof UncoveredYearError && e.afterCovered) return null;
    if (e instanceof ValidationError) throw new ValidationError(e.message, { field: 'changedOn' });
    throw e;
  }
}

/** What a new item starts from: defaults for the fields not given. */
export type ItemInput = Partial<ItemFields> & Pick<ItemFields, 'title' | 'writtenOn'>;

/** Creates an item as a draft (version 1) written by the actor. */
export async function createItem(
  trx: Kysely<Database>, agencyId: number, input: ItemInput, actor: Actor, calendar: WorkCalendar, at: string,
): Promise<SaveResult> {
  const agency = await findAgencyRow(trx, agencyId);
  if (!agency) throw new NotFoundError(`未找到编号为 ${agencyId} 的机关`);
  const { fields, warnings } = checkFields({
    summary: '', categoryId: null, issuer: agency.name, docNo: null, changedOn: input.writtenOn, theme: null, keywords: '',
    disclosure: 'active', bodyHtml: '', validity: 'valid', normativeKind: null, madeOn: null, amendedOn: null, repealedOn: null,
    office: null, interprets: null, ...input,
  });
  await checkCategory(trx, agencyId, fields.categoryId);
  await checkInterprets(trx, agencyId, fields.interprets, null);
  warnings.push(...await docNoWarnings(trx, agencyId, fields, null));
  const item = await insertItemRow(trx, {
    agency_id: agencyId, index_no: null, state: 'draft', version: 1, published_version: null,
    drafter_id: actor.id, drafter_name: actor.name, due_on: dueOn(calendar, fields.changedOn), published_on: null,
    origin: 'platform', created_at: at, updated_at: at, ...columnsOf(fields, []),
  });
  await insertItemVersionRow(trx, { item_id: item.id, version: 1, snapshot: { ...fields, attachments: [] }, created_at: at, created_by: actor.name, created_by_id: actor.id });
  await insertDisclosureEvent(trx, {
    agency_id: agencyId, subject_kind: 'item', subject_id: item.id, type: 'created',
    data: { version: 1, new: { title: fields.title } }, actor: actor.name, actor_id: actor.id, at,
  });
  return { item, warnings };
}

/** Loads and locks an item (PostgreSQL row lock; SQLite serialises writers). */
export async function lockedItem(trx: Kysely<Database>, id: number): Promise<ItemRow> {
  await lockRow(trx, 'items', id);
  const row = await findItemRow(trx, id);
  if (!row) throw new NotFoundError(`未找到编号为 ${id} 的政府信息`);
  return row;
}

/** The fields that differ between two versions (for the stale-save message and the event). */
function changedFields(a: ItemFields, b: ItemFields): Array<keyof ItemFields> {
  return (Object.keys(a) as Array<keyof ItemFields>).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

/**
 * Writes version n+1 of a locked item from new fields and attachments. A draft or a returned item stays in its
 * state; a published item gets a new draft (the public keeps the published version until this one is published);
 * a redaction (only found text removed, by the reviewer) keeps the state the review is in.
 */
export async function writeVersion(
  trx: Kysely<Database>, item: ItemRow, fields: ItemFields, attachments: readonly ItemAttachment[], actor: Actor,
  calendar: WorkCalendar | null, at: string, options: { redactionOf?: number; type?: string } = {},
): Promise<ItemRow> {
  const state = item.state as ReviewState;
  if (options.redactionOf === undefined && state !== 'published') assertEditable(state);
  const nextState = options.redactionOf !== undefined ? state : state === 'published' ? 'draft' : state;
  const version = item.version + 1;
  const due = calendar && fields.changedOn !== item.changed_on ? dueOn(calendar, fields.changedOn) : item.due_on;
  const ok = await updateItemRow(trx, item.id, item.version, { ...columnsOf(fields, attachments), version, state: nextState, due_on: due, updated_at: at });
  if (!ok) throw new ConflictError(`“${item.title}”已被他人修改，请刷新后重试`, 'STALE_VERSION');
  const snapshot: ItemSnapshot = { ...fields, attachments: [...attachments], ...(options.redactionOf !== undefined ? { redactionOf: options.redactionOf } : {}) };
  await insertItemVersionRow(trx, { item_id: item.id, version, snapshot, created_at: at, created_by: actor.name, created_by_id: actor.id });
  const before = fieldsOf(item);
  const changed = changedFields(before, fields);
  // Old → new of each changed field; the body (long) as its length, the whole text is in the versions' snapshots.
  const valuesOf = (f: ItemFields) => Object.fromEntries(changed.map((k) =>
    [k, k === 'bodyHtml' ? `（${f.bodyHtml.length} 字符）` : f[k]])) as Record<string, unknown>;
  const names = (list: readonly ItemAttachment[]) => list.map((a) => a.fileName);
  const oldAttachments = attachmentsOf(item);
  const attachmentsChanged = JSON.stringify(names(oldAttachments)) !== JSON.stringify(names(attachments));
  await insertDisclosureEvent(trx, {
    agency_id: item.agency_id, subject_kind: 'item', subject_id: item.id, type: options.type ?? 'edited',
    data: {
      version, changed: attachmentsChanged ? [...changed, 'attachments'] : changed,
      old: { version: item.version, state: item.state, ...valuesOf(before), ...(attachmentsChanged ? { attachments: names(oldAttachments) } : {}) },
      new: { version, state: nextState, ...valuesOf(fields), ...(attachmentsChanged ? { attachments: names(attachments) } : {}) },
    },
    actor: actor.name, actor_id: actor.id, at,
  });
  return (await findItemRow(trx, item.id))!;
}

/** Edits an item: the fields given replace the stored ones; refused when `baseVersion` is not the current version. */
export async function editItem(
  trx: Kysely<Database>, id: number, baseVersion: number, patch: Partial<ItemFields>, actor: Actor, calendar: WorkCalendar, at: string,
): Promise<SaveResult> {
  const item = await lockedItem(trx, id);
  if (baseVersion !== item.version) {
    throw new ConflictError(
      `“${item.title}”已有更新的版本（第 ${item.version} 版，您编辑的是第 ${baseVersion} 版），请刷新后重新修改`, 'STALE_VERSION',
    );
  }
  const { fields, warnings } = checkFields({ ...fieldsOf(item), ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) });
  await checkCategory(trx, item.agency_id, fields.categoryId);
  await checkInterprets(trx, item.agency_id, fields.interprets, item.id);
  warnings.push(...await docNoWarnings(trx, item.agency_id, fields, item.id));
  return { item: await writeVersion(trx, item, fields, attachmentsOf(item), actor, calendar, at), warnings };
}
