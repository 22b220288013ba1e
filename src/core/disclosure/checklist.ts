/**
 * The rules of the 互联网信息发布每月检查清理清单 (the seed's monthly check of what the office put on the internet;
 * 政府网站与政务新媒体检查指标 asks for regular checks and clearing of outdated or wrong content): which month a
 * list covers, what a decision needs, when it may be signed off. Pure: the entries come in, a typed error or
 * nothing comes out.
 */
import { ConflictError, ValidationError } from '../errors.js';

/** Chinese names of the decisions (检查结论). */
export const CHECKLIST_DECISIONS = { keep: '保留', withdraw: '撤回' } as const;

/** A decision key. */
export type ChecklistDecision = keyof typeof CHECKLIST_DECISIONS;

/** Whether a string is a decision key. */
export function isChecklistDecision(value: unknown): value is ChecklistDecision {
  return typeof value === 'string' && Object.hasOwn(CHECKLIST_DECISIONS, value);
}

/** Chinese names of a list's states. */
export const CHECKLIST_STATES = { open: '待签字', signed: '已签字' } as const;

/** Longest reason accepted, in characters. */
export const MAX_REASON_CHARS = 500;

/**
 * Reads a month `YYYY-MM` (2000-01 … 2099-12) into the first day of it and of the next month, for comparing
 * `published_on` as text. Throws a ValidationError naming `month`.
 */
export function monthRange(month: unknown, field = 'month'): { month: string; from: string; until: string } {
  const m = typeof month === 'string' ? /^(20\d{2})-(0[1-9]|1[0-2])$/.exec(month) : null;
  if (!m) throw new ValidationError(`月份格式不正确：应为“年-月”，如 2026-03（收到 ${JSON.stringify(month ?? null)}）`, { field });
  const year = Number(m[1]);
  const mon = Number(m[2]);
  const next = mon === 12 ? `${year + 1}-01` : `${year}-${String(mon + 1).padStart(2, '0')}`;
  return { month: m[0], from: `${m[0]}-01`, until: `${next}-01` };
}

/** A decision as it comes in, checked: a withdrawal needs a reason, kept on record with the publication. */
export function checkDecision(decision: unknown, reason: unknown): { decision: ChecklistDecision; reason: string | null } {
  if (!isChecklistDecision(decision)) throw new ValidationError('检查结论应为“保留”（keep）或“撤回”（withdraw）', { field: 'decision' });
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (decision === 'withdraw' && !text) throw new ValidationError('撤回时必须填写撤回理由', { field: 'reason' });
  if ([...text].length > MAX_REASON_CHARS) throw new ValidationError(`撤回理由不能超过 ${MAX_REASON_CHARS} 字`, { field: 'reason' });
  return { decision, reason: text || null };
}

/** A list may be signed off once, when every entry is decided; after that its entries are frozen. */
export function assertCanSignOff(state: string, entries: ReadonlyArray<{ decision: string | null }>): void {
  if (state === 'signed') throw new ConflictError('该月检查清理清单已签字，不能重复签字', 'CHECKLIST_SIGNED');
  const open = entries.filter((e) => e.decision === null).length;
  if (open > 0) throw new ConflictError(`还有 ${open} 条信息未作出检查结论，全部检查后才能签字`, 'CHECKLIST_UNDECIDED');
}

/** Entries of a signed list are frozen. */
export function assertChecklistOpen(state: string): void {
  if (state === 'signed') throw new ConflictError('该月检查清理清单已签字，检查结论不能再修改', 'CHECKLIST_SIGNED');
}

/** The civil date in Beijing (UTC+8, no daylight saving) of an ISO instant: the day an act is dated. */
export function beijingDate(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}
