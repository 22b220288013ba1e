/**
 * An agency's 索引号 settings from the command line (`gongkai item set-code`): its 统一社会信用代码 (GB 32100, the
 * check character verified) and its template (it must give unique numbers). The change is an event of the agency
 * (old → new) of the same type and shape as the disclosure-settings API's.
 *
 * TODO(issue 9): the catalogue engineer's disclosure-settings.service.ts does the same for the API; when it lands,
 * `gongkai item set-code` calls it and this file goes.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../core/actor.js';
import type { Clock } from '../core/clock.js';
import { validateCreditCode } from '../core/disclosure/credit-code.js';
import { DEFAULT_INDEX_TEMPLATE, validateIndexTemplate } from '../core/disclosure/index-number.js';
import { NotFoundError } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import { findImportAgency, insertEvent } from './item-import.repository.js';

/** The settings after a change. */
export interface IndexSettings {
  creditCode: string | null;
  /** The template in force (the default when none is set). */
  template: string;
}

/** Sets the agency's code and/or template (undefined: unchanged; template null: back to the default). */
export async function setIndexSettings(
  db: Kysely<Database>, clock: Clock, agencyId: number, change: { creditCode?: string; template?: string | null }, actor: Actor,
): Promise<IndexSettings> {
  const agency = await findImportAgency(db, agencyId);
  if (!agency) throw new NotFoundError(`找不到编号为 ${agencyId} 的机关。`);
  const creditCode = change.creditCode === undefined ? agency.creditCode : validateCreditCode(change.creditCode);
  const template = change.template === undefined ? agency.indexTemplate : change.template === null ? null : change.template.trim();
  if (template !== null) validateIndexTemplate(template);
  await db.updateTable('agencies').set({ credit_code: creditCode, index_template: template }).where('id', '=', agencyId).execute();
  await insertEvent(db, {
    agencyId, subjectKind: 'agency', subjectId: agencyId, type: 'settings-changed', actor: actor.name, actorId: actor.id, at: clock(),
    data: { old: { creditCode: agency.creditCode, indexTemplate: agency.indexTemplate }, new: { creditCode, indexTemplate: template } },
  });
  return { creditCode, template: template ?? DEFAULT_INDEX_TEMPLATE };
}
