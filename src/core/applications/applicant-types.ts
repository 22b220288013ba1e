/**
 * Applicant types (申请人情况), exactly the applicant columns of table 三 of the annual report, so that
 * every case lands in one column. Derived from TABLE3_COLUMNS: a new column there is a new type here.
 *
 * 条例 Art. 27: 公民、法人或者其他组织 may apply; the national formats split 法人或其他组织 into five kinds.
 */
import { ValidationError } from '../errors.js';
import { TABLE3_COLUMNS } from '../format/parts.js';

/** An applicant type as table 三 prints it (the innermost column label). */
export type ApplicantType = '自然人' | '商业企业' | '科研机构' | '社会公益组织' | '法律服务机构' | '其他';

/** Key of the table 三 column an applicant type counts in (cell key `三:r1:commercial`). */
export type ApplicantColumnKey = 'natural' | 'commercial' | 'research' | 'welfare' | 'legal' | 'other';

/** One applicant type with its table 三 column. */
export interface ApplicantTypeDef {
  type: ApplicantType;
  column: ApplicantColumnKey;
  /** Full column path as the format prints it: ['法人或其他组织', '商业企业']. */
  path: string[];
  /** A natural person (自然人) proves identity with a 居民身份证 or other document; others with a 统一社会信用代码. */
  natural: boolean;
}

/** The applicant types in table order (the `part` columns of table 三; 总计 is not a type). */
export const APPLICANT_TYPES: readonly ApplicantTypeDef[] = TABLE3_COLUMNS.filter((c) => c.role === 'part').map((c) => ({
  type: c.short as ApplicantType,
  column: c.key as ApplicantColumnKey,
  path: [...c.path],
  natural: c.key === 'natural',
}));

const byType = new Map<string, ApplicantTypeDef>(APPLICANT_TYPES.map((t) => [t.type, t]));
const byColumn = new Map<string, ApplicantTypeDef>(APPLICANT_TYPES.map((t) => [t.column, t]));

function unknownType(value: unknown, field: string): ValidationError {
  return new ValidationError(
    `未知的申请人类型“${String(value)}”，应为：${APPLICANT_TYPES.map((t) => t.type).join('、')}`,
    { field },
  );
}

/**
 * The applicant type named by `value`: the table 三 label (商业企业) or, for API clients, the column key
 * (commercial). Anything else, including the group label 法人或其他组织 alone → ValidationError.
 */
export function parseApplicantType(value: unknown, field = 'applicantType'): ApplicantTypeDef {
  const text = typeof value === 'string' ? value.trim() : value;
  const found = typeof text === 'string' ? byType.get(text) ?? byColumn.get(text) : undefined;
  if (!found) throw unknownType(value, field);
  return found;
}

/** The table 三 column key an applicant type counts in; unknown type → ValidationError. */
export function applicantColumn(type: unknown, field = 'applicantType'): ApplicantColumnKey {
  return parseApplicantType(type, field).column;
}

/** Whether `value` is one of the applicant types (label, not key). */
export function isApplicantType(value: unknown): value is ApplicantType {
  return typeof value === 'string' && byType.has(value);
}
