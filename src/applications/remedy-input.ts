/**
 * Checks of a reconsideration or lawsuit as entered (table 四): its dates (not before the application's
 * receipt, a decision not before the filing) and its result (维持 / 纠正 / 其他 / 尚未审结).
 */
import { dayNumber } from '../core/calendar/civil-date.js';
import { ValidationError } from '../core/errors.js';
import type { Remedy } from './application-view.js';

/** A remedy date: a real date, not before the receipt of the application. */
export function remedyDate(value: unknown, label: string, field: string, receivedOn: string): string {
  try {
    dayNumber(value as string, label);
  } catch (e) {
    if (e instanceof ValidationError) throw new ValidationError(e.message, { field });
    throw e;
  }
  const date = value as string;
  if (date < receivedOn) throw new ValidationError(`${label}（${date}）早于收到申请日期（${receivedOn}）`, { field });
  return date;
}

/** The result and its date; a decided result needs a date on or after the filing, a pending one none. */
export function remedyResult(result: unknown, decidedOn: unknown, filedOn: string, receivedOn: string): { result: Remedy['result']; decided_on: string | null } {
  const r = (result ?? 'pending') as string;
  if (!['upheld', 'corrected', 'other', 'pending'].includes(r)) {
    throw new ValidationError(`未知的审理结果“${r}”，应为 upheld（维持）、corrected（纠正）、other（其他）或 pending（尚未审结）`, { field: 'result' });
  }
  if (r === 'pending') {
    if (decidedOn !== undefined && decidedOn !== null) throw new ValidationError('尚未审结的案件不能填写审结日期', { field: 'decidedOn' });
    return { result: 'pending', decided_on: null };
  }
  const date = remedyDate(decidedOn, '审结日期', 'decidedOn', receivedOn);
  if (date < filedOn) throw new ValidationError(`审结日期（${date}）早于提起日期（${filedOn}）`, { field: 'decidedOn' });
  return { result: r as Remedy['result'], decided_on: date };
}
