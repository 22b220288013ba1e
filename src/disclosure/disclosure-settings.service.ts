/**
 * An agency's disclosure settings: its 统一社会信用代码 (GB 32100-2015, the check character verified) and its
 * 索引号 template (placeholders {code} {year} {seq:N}; src/core/disclosure/index-number.ts), from which items get
 * their 索引号 at publication. A change is a disclosure event (old → new); 索引号 already given never change.
 */
import type { Kysely } from 'kysely';
import { findAgencyRow, updateAgencyDisclosureSettings } from '../agencies/agency.repository.js';
import type { Actor } from '../core/actor.js';
import type { Clock } from '../core/clock.js';
import { validateCreditCode } from '../core/disclosure/credit-code.js';
import { DEFAULT_INDEX_TEMPLATE, formatIndexNo, templateProblem } from '../core/disclosure/index-number.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import { lockRow } from '../db/locks.js';
import type { Database } from '../db/schema.js';
import { insertDisclosureEvent } from './review.repository.js';

/** The settings as the API shows them. */
export interface DisclosureSettings {
  agencyId: number;
  agencyName: string;
  creditCode: string | null;
  /** The template as stored (null: the default). */
  indexTemplate: string | null;
  /** The template in force. */
  effectiveTemplate: string;
  defaultTemplate: string;
  /** The first 索引号 of the current year by the template in force (null without a credit code when the template needs one). */
  example: string | null;
}

/** The settings service on a transaction (or a handle, for reads). */
export function disclosureSettingsService(db: Kysely<Database>, clock: Clock) {
  async function view(agencyId: number): Promise<DisclosureSettings> {
    const row = await findAgencyRow(db, agencyId);
    if (!row) throw new NotFoundError(`机关（编号 ${agencyId}）不存在`);
    const template = row.index_template ?? DEFAULT_INDEX_TEMPLATE;
    const needsCode = template.includes('{code}');
    return {
      agencyId, agencyName: row.name, creditCode: row.credit_code ?? null, indexTemplate: row.index_template ?? null,
      effectiveTemplate: template, defaultTemplate: DEFAULT_INDEX_TEMPLATE,
      example: needsCode && !row.credit_code ? null
        : formatIndexNo(template, { code: row.credit_code ?? '', year: Number(clock().slice(0, 4)), seq: 1 }),
    };
  }

  return {
    get: view,

    /** Sets the credit code and template (null or blank: none / the default), each checked with a Chinese message. */
    async set(agencyId: number, input: { creditCode: string | null; indexTemplate: string | null }, actor: Actor): Promise<DisclosureSettings> {
      if (!(await lockRow(db, 'agencies', agencyId))) throw new NotFoundError(`机关（编号 ${agencyId}）不存在`);
      const creditCode = input.creditCode === null || input.creditCode.trim() === '' ? null : validateCreditCode(input.creditCode, 'creditCode');
      const template = input.indexTemplate === null || input.indexTemplate.trim() === '' ? null : input.indexTemplate.trim();
      if (template !== null) {
        const problem = templateProblem(template);
        if (problem) throw new ValidationError(problem, { field: 'indexTemplate' });
      }
      const before = await view(agencyId);
      if (before.creditCode === creditCode && before.indexTemplate === template) return before;
      await updateAgencyDisclosureSettings(db, agencyId, { credit_code: creditCode, index_template: template }, new Date(clock()));
      await insertDisclosureEvent(db, {
        agency_id: agencyId, subject_kind: 'agency', subject_id: agencyId, type: 'settings-changed',
        data: { old: { creditCode: before.creditCode, indexTemplate: before.indexTemplate }, new: { creditCode, indexTemplate: template } },
        actor: actor.name, actor_id: actor.id, at: clock(),
      });
      return view(agencyId);
    },
  };
}
