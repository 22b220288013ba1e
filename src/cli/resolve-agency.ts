/**
 * Finds an agency named on the command line (by number or exact name); an unknown one is an error
 * that says how to list or add agencies.
 */
import { AGENCY_KINDS, type Agency } from '../agencies/agency.service.js';
import { NotFoundError } from '../core/errors.js';
import type { Services } from './cli-context.js';
import { CliError } from './cli-errors.js';

/** The hint printed under an unknown-agency error. */
export const AGENCY_HINT = '可运行“gongkai agency list”查看已有机关，或用“gongkai agency add 名称 --kind …”添加机关。';

/** Resolves an agency reference; NotFoundError becomes an error naming it with the hint. */
export async function resolveAgency(services: Services, ref: string): Promise<Agency> {
  try {
    return await services.agencies.resolve(ref.trim());
  } catch (e) {
    if (e instanceof NotFoundError) throw new CliError(`找不到机关“${ref}”。`, AGENCY_HINT);
    throw e;
  }
}

/** Chinese names of the agency kinds (as the agency service names them). */
export const KIND_NAMES = AGENCY_KINDS;
