/**
 * Remedies (table 四): a reconsideration or lawsuit linked to the case it arises from, and its result — under
 * the period lock, each an event of the case.
 */
import type { Actor } from '../core/actor.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import { findRemedyRow, insertApplicationEventRow, insertRemedyRow, listRemedyRows, updateApplicationRow, updateRemedyRow } from './application.repository.js';
import { remedyOf, type Remedy } from './application-view.js';
import { caseSteps, type CaseContext, type ChangeOptions } from './case-context.js';
import { remedyDate, remedyResult } from './remedy-input.js';

/** A remedy as entered. */
export interface RemedyInput {
  kind: 'reconsideration' | 'lawsuit';
  afterReconsideration?: boolean;
  filedOn: string;
  result?: Remedy['result'];
  decidedOn?: string | null;
}

/** Adding remedies to a case and recording their results. */
export function caseRemedies(c: CaseContext) {
  const { db, clock } = c;
  const { lockedRow, underLock } = caseSteps(c);

  /**
   * Links a reconsideration or lawsuit to the case it arises from (table 四). A lawsuit after
   * reconsideration needs a reconsideration of this case on record.
   */
  async function addRemedy(id: number, input: RemedyInput, actor: Actor, options: ChangeOptions = {}): Promise<Remedy> {
    const current = await lockedRow(id);
    if (input.kind !== 'reconsideration' && input.kind !== 'lawsuit') {
      throw new ValidationError(`未知的救济类型“${String(input.kind)}”，应为 reconsideration（行政复议）或 lawsuit（行政诉讼）`, { field: 'kind' });
    }
    const after = input.afterReconsideration === true;
    if (after && input.kind !== 'lawsuit') throw new ValidationError('只有行政诉讼可以标明“复议后起诉”', { field: 'afterReconsideration' });
    const existing = await listRemedyRows(db, id);
    if (after && !existing.some((r) => r.kind === 'reconsideration')) {
      throw new ValidationError('本申请没有登记行政复议，不能标明“复议后起诉”；请先登记行政复议', { field: 'afterReconsideration' });
    }
    const filedOn = remedyDate(input.filedOn, '提起日期', 'filedOn', current.received_on);
    const outcome = remedyResult(input.result, input.decidedOn, filedOn, current.received_on);
    const at = clock();
    return underLock({ agencyId: current.agency_id, receivedOn: current.received_on, applicationId: id }, options, actor, async () => {
      const remedyId = await insertRemedyRow(db, {
        application_id: id, kind: input.kind, after_reconsideration: after ? 1 : 0, filed_on: filedOn, ...outcome, created_at: at,
      });
      const remedy = remedyOf((await findRemedyRow(db, remedyId))!);
      await insertApplicationEventRow(db, {
        application_id: id, at, actor: actor.name, actor_id: actor.id, type: 'remedy-added', on_date: filedOn, data: JSON.stringify(remedy), old: null, new: JSON.stringify(remedy),
      });
      await updateApplicationRow(db, id, { updated_at: at });
      return { value: remedy, applicationId: id };
    });
  }

  /** Records the result of a reconsideration or lawsuit (维持 / 纠正 / 其他, or back to 尚未审结). */
  async function decideRemedy(
    remedyId: number, input: { result: Remedy['result']; decidedOn?: string | null }, actor: Actor, options: ChangeOptions = {},
  ): Promise<Remedy> {
    const remedy = await findRemedyRow(db, remedyId);
    if (!remedy) throw new NotFoundError(`未找到编号为 ${remedyId} 的行政复议或行政诉讼`);
    const current = await lockedRow(remedy.application_id);
    const found = (await findRemedyRow(db, remedyId))!;
    const outcome = remedyResult(input.result, input.decidedOn, found.filed_on, current.received_on);
    const before = remedyOf(found);
    return underLock({ agencyId: current.agency_id, receivedOn: current.received_on, applicationId: found.application_id }, options, actor, async () => {
      await updateRemedyRow(db, remedyId, outcome);
      const after = remedyOf((await findRemedyRow(db, remedyId))!);
      const at = clock();
      await insertApplicationEventRow(db, {
        application_id: found.application_id, at, actor: actor.name, actor_id: actor.id, type: 'remedy-decided', on_date: outcome.decided_on ?? found.filed_on,
        data: JSON.stringify({ remedyId, ...input }), old: JSON.stringify(before), new: JSON.stringify(after),
      });
      await updateApplicationRow(db, found.application_id, { updated_at: at });
      return { value: after, applicationId: found.application_id };
    });
  }

  return { addRemedy, decideRemedy };
}
