/**
 * Intake of a disclosure application (条例 Art. 27–31): the applicant type and identity checked, the receipt
 * date fixed by channel, the deadline computed and stored, the case numbered — under the period lock.
 */
import type { Actor } from '../core/actor.js';
import { parseApplicantType } from '../core/applications/applicant-types.js';
import { receiptDate, type Channel, type ReceiptEvidence } from '../core/applications/case-clock.js';
import { checkIdentity, type IdentityKind } from '../core/applications/identity.js';
import { ConflictError, NotFoundError, ValidationError } from '../core/errors.js';
import { nextNumber } from '../db/sequences.js';
import { countCaseNumbersWithPrefix, insertApplicationEventRow, insertApplicationRow, queryCodeExists } from './application.repository.js';
import type { EventInput } from './application-procedure.js';
import { caseQueries } from './application-queries.js';
import type { ApplicationDetail } from './application-view.js';
import { caseSteps, type CaseContext, type ChangeOptions } from './case-context.js';
import { chinaDate, clockFields, isUniqueViolation, newQueryCode, optional, required, snapshot } from './case-record.js';

/** What the office (or the online form) enters to register an application. */
export interface ReceiveInput {
  agencyId: number;
  channel: Channel;
  /** The evidence date the channel needs (条例 Art. 31). */
  evidence: ReceiptEvidence;
  /** 自然人 / 商业企业 … or the column key (natural, commercial …). */
  applicantType: string;
  applicant: {
    name: string;
    /** Default: 居民身份证 for a natural person, 统一社会信用代码 for an organisation. */
    idType?: IdentityKind;
    idNumber: string;
    phone?: string | null;
    address?: string | null;
    email?: string | null;
  };
  subject: string;
  formWanted: string;
  /** 承办科室 and 承办人, when known at intake. */
  office?: string | null;
  handler?: string | null;
}

/** Registering an application. */
export function caseIntake(c: CaseContext) {
  const { db, clock, pii } = c;
  const { clockOrPending, underLock } = caseSteps(c);
  const { get } = caseQueries(c);

  async function agencyExists(agencyId: number): Promise<void> {
    const found = await db.selectFrom('agencies').select('id').where('id', '=', agencyId).executeTakeFirst();
    if (!found) throw new NotFoundError(`未找到编号为 ${agencyId} 的机关`);
  }

  /**
   * Registers an application (条例 Art. 27–31): checks the applicant type (table 三's columns), the identity
   * number (居民身份证 check digit, 统一社会信用代码 check character), the channel and its evidence date; fixes the
   * receipt date by channel, computes and stores the reply deadline, and numbers the case.
   */
  async function receive(input: ReceiveInput, actor: Actor, options: ChangeOptions = {}): Promise<ApplicationDetail> {
    const type = parseApplicantType(input.applicantType);
    const a = input.applicant ?? ({} as ReceiveInput['applicant']);
    const name = required(a.name, type.natural ? '申请人姓名' : '申请人名称', 'applicant.name', 200);
    const idType: IdentityKind = a.idType ?? (type.natural ? 'resident-id' : 'uscc');
    if (!['resident-id', 'uscc', 'other'].includes(idType)) throw new ValidationError(`未知的身份证明类型“${String(idType)}”`, { field: 'applicant.idType' });
    if (type.natural && idType === 'uscc') throw new ValidationError('自然人的身份证明应为居民身份证或其他身份证件，不能为统一社会信用代码', { field: 'applicant.idType' });
    if (!type.natural && idType === 'resident-id') throw new ValidationError(`申请人类型为“${type.type}”时，身份证明应为统一社会信用代码或其他证明文件`, { field: 'applicant.idType' });
    const idNumber = required(a.idNumber, '身份证明号码', 'applicant.idNumber', 50).toUpperCase();
    const today = chinaDate(clock());
    const idCheck = checkIdentity(idType, idNumber, { today }); // 条例 Art. 29: 申请人的身份证明
    if (!idCheck.ok) throw new ValidationError(idCheck.reason, { field: 'applicant.idNumber' });
    const email = optional(a.email, '电子邮箱', 'applicant.email');
    if (email !== null && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new ValidationError(`电子邮箱“${email}”格式不正确`, { field: 'applicant.email' });
    const subject = required(input.subject, '申请公开的政府信息内容描述', 'subject');
    const formWanted = required(input.formWanted, '获取信息的方式和途径', 'formWanted', 200);
    const office = optional(input.office, '承办科室', 'office', 100);
    const handler = optional(input.handler, '承办人', 'handler', 100);
    const { date: receivedOn } = receiptDate(input.channel, input.evidence ?? {}); // 条例 Art. 31
    if (receivedOn > today) throw new ValidationError(`收到申请日期（${receivedOn}）晚于今天（${today}）`, { field: 'evidence' });
    const event: EventInput = { type: 'received', date: receivedOn, channel: input.channel };
    const computed = clockOrPending([event], {});
    await agencyExists(input.agencyId);

    const year = receivedOn.slice(0, 4);
    // The agency's sequence of the year, advanced under a row lock: concurrent applications never share a number.
    // A sequence first used on an existing database continues after the cases numbered before it.
    const serial = await nextNumber(db, `case-no:${input.agencyId}:${year}`,
      async () => (await countCaseNumbersWithPrefix(db, input.agencyId, `${year}-`)) + 1);
    const caseNo = `${year}-${String(serial).padStart(4, '0')}`;
    let queryCode = newQueryCode();
    while (await queryCodeExists(db, queryCode)) queryCode = newQueryCode();
    const at = clock();
    const fields = clockFields(computed);
    // A case received within a published year alters that report's 一 (and 四): the period lock decides.
    const id = await underLock({ agencyId: input.agencyId, receivedOn, applicationId: null }, options, actor, async () => {
      const created = await insertApplicationRow(db, pii, {
        agency_id: input.agencyId, case_no: caseNo, query_code: queryCode, channel: input.channel, received_on: receivedOn,
        applicant_type: type.column, subject, form_wanted: formWanted, ...fields, fee_method: null, fee_amount: null,
        received_by: actor.name, office, handler, created_at: at, updated_at: at,
      }, {
        name, id_type: idType, id_number: idNumber, phone: optional(a.phone, '联系电话', 'applicant.phone', 50),
        address: optional(a.address, '通信地址', 'applicant.address'), email,
      }).catch((e: unknown) => {
        // Two applications numbered at the same moment (PostgreSQL, concurrent transactions): one gets the number.
        // The sequence rules this out; only a number entered by other means can still be in the way.
        if (isUniqueViolation(e)) throw new ConflictError(`登记号 ${caseNo} 已被另一件申请使用，请重新提交；如再次出现，请联系系统管理员核对登记号`, 'CASE_NUMBER_TAKEN');
        throw e;
      });
      await insertApplicationEventRow(db, {
        application_id: created, at, actor: actor.name, actor_id: actor.id, type: 'received', on_date: receivedOn, data: JSON.stringify(event), old: null,
        new: JSON.stringify({ caseNo, ...snapshot({ ...fields, fee_method: null, fee_amount: null }) }),
      });
      return { value: created, applicationId: created };
    });
    return get(id);
  }

  return { receive };
}
