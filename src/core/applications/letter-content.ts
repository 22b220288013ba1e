/**
 * The words of the letters sent to an applicant: the reply (告知书) for each decision of the controlled
 * list (条例 Art. 36–39, 30, 35) and the fee notice (收费通知, 条例 Art. 42; 国办函〔2020〕109号). Pure: the
 * renderers in src/letters/ set these on the page (title, 文号, salutation, body, remedies, signature, date).
 *
 * Every letter names its legal basis and the applicant's remedies (条例 Art. 51): administrative
 * reconsideration within 60 days (《行政复议法》第二十条) or a lawsuit within 6 months (《行政诉讼法》第四十六条).
 */
import { ValidationError } from '../errors.js';
import { chineseDate, isValidDate } from '../report/dates.js';
import { FEE_RULES, REGULATIONS } from './legal-basis.js';
import { basisText, getDecision, type DecisionDef, type DecisionKey } from './outcomes.js';
import type { FeeQuote } from './fees.js';

/** A letter ready to be set on the page. */
export interface LetterContent {
  /** 政府信息公开申请答复告知书, 政府信息不予公开告知书, … */
  title: string;
  /** The 文号 line: 依申请公开〔2025〕12号. */
  docNo: string;
  /** 张三： */
  salutation: string;
  /** Body paragraphs in order (the fee notice's band lines are paragraphs of their own). */
  paragraphs: string[];
  /** The applicant's remedies (条例 Art. 51). */
  remedies: string;
  /** 特此告知。 / 特此通知。 */
  closing: string;
  /** The signing agency. */
  signature: string;
  /** The date under the signature: 2025年10月13日. */
  date: string;
  /** The same date as YYYY-MM-DD (file metadata, storage). */
  issuedOn: string;
  /** 附注 below the date (GB/T 9704 §7.3.6): （联系人：王五，联系电话：0631-5200000）. */
  note?: string;
}

/** Who may hear a reconsideration and which court a lawsuit goes to; defaults name them generically. */
export interface RemedyBodies {
  /** The reconsideration body (行政复议机关), e.g. 某某市人民政府. */
  reconsiderationBody?: string;
  /** The court, full name, e.g. 某某市某某区人民法院. */
  court?: string;
}

/** What a reply letter is made from. */
export interface ReplyLetterInput extends RemedyBodies {
  agencyName: string;
  caseNo: string;
  applicantName: string;
  /** Date of receipt (条例 Art. 31), YYYY-MM-DD. */
  receivedOn: string;
  /** What was asked for, as the applicant described it. */
  subject: string;
  decision: DecisionKey | DecisionDef;
  /** Date of the reply, YYYY-MM-DD; not before receipt. */
  decidedOn: string;
  /** Where or how the information is provided, the reasons, the right agency's name and contacts… */
  details?: string;
  /** A fee charged and paid for this application (元). */
  feeAmount?: number;
  /** 机关代字 of the 文号; default 依申请公开. */
  docPrefix?: string;
  /** Contact line (联系人、联系电话), printed as the 附注 below the date. */
  contact?: string;
}

/** What a fee notice is made from. */
export interface FeeNoticeInput extends RemedyBodies {
  agencyName: string;
  caseNo: string;
  applicantName: string;
  /** Date of receipt of the application, YYYY-MM-DD (named in the opening when given). */
  receivedOn?: string;
  subject?: string;
  /** The computed fee (fees.ts feeForNotice). */
  fee: FeeQuote;
  /** Date of the notice, YYYY-MM-DD. */
  noticeDate: string;
  /** The payment period as the notice writes it; 20个工作日 by the fee rules. */
  payWithin?: string;
  /** Last day to pay, YYYY-MM-DD (computed on the working-day calendar by the caller). */
  payByDate: string;
  /** How to pay: account, place, hours. */
  payment?: string;
  /** Whether the reply period stops while payment is pending (a setting; not settled nationally). */
  clockStopped?: boolean;
  docPrefix?: string;
  contact?: string;
}

/** Titles by decision: a letter's name tells the applicant at a glance what kind of answer it is. */
function titleFor(d: DecisionDef): string {
  if (d.closure === 'abandoned') return '政府信息公开申请视为放弃告知书';
  if (d.closure === 'withdrawn') return '政府信息公开申请终止处理告知书';
  if (d.key === 'special-query-regime') return '政府信息公开申请答复告知书';
  if (d.row.startsWith('r3-')) return '政府信息不予公开告知书';
  if (d.key === 'does-not-exist') return '政府信息不存在告知书';
  if (d.key === 'not-this-agency') return '非本机关政府信息告知书';
  if (d.row.startsWith('r5-')) return '政府信息公开申请不予处理告知书';
  return '政府信息公开申请答复告知书';
}

/**
 * Decision sentences where the statement of the controlled list reads as a rule rather than as a
 * sentence addressed to the applicant.
 */
const LETTER_STATEMENT: Partial<Record<DecisionKey, string>> = {
  disclosed: '您申请公开的政府信息属于可以公开的政府信息，本机关决定予以公开',
  'not-this-agency': '您申请公开的信息不属于本机关负责公开的政府信息',
  other: '本机关对您的政府信息公开申请作如下处理：',
};

/** Where a decision's particular is introduced otherwise than its kind's default lead. */
const LEAD_FOR: Partial<Record<DecisionKey, string>> = {
  'already-public': '获取方式、途径：',
  'partially-disclosed': '不予公开部分的理由：',
  'special-query-regime': '办理途径：',
  'published-works': '获取途径：',
};

/** How the particular a decision needs is introduced (条例 Art. 36). */
const DETAIL_LEAD: Record<NonNullable<DecisionDef['needs']>, string> = {
  where: '获取方式、途径和时间：',
  reason: '理由：',
  agency: '负责公开该政府信息的行政机关：',
};

function requireDate(value: unknown, field: string, label: string): string {
  if (typeof value !== 'string' || !isValidDate(value)) {
    throw new ValidationError(`${label}应为有效日期（YYYY-MM-DD），实际为“${String(value)}”`, { field });
  }
  return value;
}

function requireText(value: unknown, field: string, label: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new ValidationError(`${label}不能为空`, { field });
  return value.trim();
}

/** The 文号: 依申请公开〔2025〕12号 — the serial is the case number's trailing digits, else the whole number. */
export function letterDocNo(caseNo: string, date: string, prefix = '依申请公开'): string {
  const serial = /(\d+)$/.exec(caseNo)?.[1];
  return `${prefix}〔${date.slice(0, 4)}〕${serial ? String(Number(serial)) : caseNo}号`;
}

/**
 * The remedies paragraph (条例 Art. 51; 《行政复议法》第二十条: 60 days; 《行政诉讼法》第四十六条: 6 months).
 */
export function remediesText(bodies: RemedyBodies = {}, names = { act: '本答复', letter: '本告知书' }): string {
  const body = bodies.reconsiderationBody?.trim() || '有管辖权的行政复议机关';
  const court = bodies.court?.trim() || '有管辖权的人民法院';
  return `如对${names.act}不服，可以在收到${names.letter}之日起60日内向${body}申请行政复议，` +
    `或者在收到${names.letter}之日起6个月内向${court}提起行政诉讼。`;
}

/** The contact line as a 附注 in full-width parentheses, when given. */
function noteOf(contact: string | undefined): { note?: string } {
  const text = contact?.trim().replace(/^（(.*)）$/, '$1').replace(/[。；]$/, '');
  return text ? { note: `（${text}）` } : {};
}

const ensureStop = (text: string) => (/[。！？；]$/.test(text) ? text : `${text}。`);

function opening(receivedOn: string | undefined, caseNo: string, subject: string | undefined): string {
  const when = receivedOn ? `本机关于${chineseDate(receivedOn)}收到您提出的` : '关于您提出的';
  const what = subject ? `，申请获取“${subject.trim()}”` : '';
  return `${when}政府信息公开申请（申请编号：${caseNo}）${what}。`;
}

/**
 * The reply letter for a decision: opening (receipt date, case number, what was asked), the decision
 * with its legal basis, the particular it needs (where to get it, reasons, the right agency), the
 * remedies, the agency and the date. A reply dated before receipt, or a decision that needs a
 * particular given without it, → ValidationError.
 */
export function replyLetterContent(input: ReplyLetterInput): LetterContent {
  const d = typeof input.decision === 'string' ? getDecision(input.decision) : input.decision;
  const agencyName = requireText(input.agencyName, 'agencyName', '答复机关名称');
  const caseNo = requireText(input.caseNo, 'caseNo', '申请编号');
  const applicantName = requireText(input.applicantName, 'applicantName', '申请人姓名或名称');
  const receivedOn = requireDate(input.receivedOn, 'receivedOn', '收到申请日期');
  const decidedOn = requireDate(input.decidedOn, 'decidedOn', '答复日期');
  if (decidedOn < receivedOn) {
    throw new ValidationError(`答复日期 ${decidedOn} 早于收到申请日期 ${receivedOn}`, { field: 'decidedOn' });
  }
  const details = input.details?.trim() || '';
  // 条例 Art. 36 (2)–(3), (7), Art. 39 ¶2: the letter must say where to get it or why not; the right
  // agency is named only "能够确定的" (Art. 36 (5)), so it may be missing.
  if (d.needs && d.needs !== 'agency' && !details) {
    throw new ValidationError(`办理结果“${d.name}”的告知书须写明${DETAIL_LEAD[d.needs].slice(0, -1)}`, { field: 'details' });
  }

  const paragraphs = [opening(receivedOn, caseNo, input.subject)];
  let statement = LETTER_STATEMENT[d.key] ?? d.statement;
  // “其他处理”: the handling itself is the particular, written into the decision sentence.
  if (d.key === 'other') statement += details.replace(/[。；]$/, '');
  // A withdrawal needs no examination, and “经检索” already says how the agency found it.
  const lead = d.closure === 'withdrawn' || statement.startsWith('经') ? '' : '经审查，';
  const cited = basisText(d);
  const basis = cited ? `${cited}的规定` : `依据${REGULATIONS}的有关规定`;
  paragraphs.push(`${lead}${statement}。${basis}，现予告知。`);
  if (d.needs === 'agency') {
    paragraphs.push(details ? ensureStop(DETAIL_LEAD.agency + details) : '本机关无法确定负责公开该政府信息的行政机关。');
  } else if (d.needs && d.key !== 'other') {
    paragraphs.push(ensureStop((LEAD_FOR[d.key] ?? DETAIL_LEAD[d.needs]) + details));
  } else if (details && d.key !== 'other') {
    paragraphs.push(ensureStop(details));
  }
  if (input.feeAmount !== undefined) {
    if (!Number.isSafeInteger(input.feeAmount) || input.feeAmount <= 0) {
      throw new ValidationError(`信息处理费金额应为正整数（元），实际为“${String(input.feeAmount)}”`, { field: 'feeAmount' });
    }
    paragraphs.push(`本申请已依照${FEE_RULES}收取信息处理费${input.feeAmount}元。`);
  }

  return {
    ...noteOf(input.contact),
    title: titleFor(d),
    docNo: letterDocNo(caseNo, decidedOn, input.docPrefix),
    salutation: `${applicantName}：`,
    paragraphs,
    remedies: remediesText(input),
    closing: '特此告知。',
    signature: agencyName,
    date: chineseDate(decidedOn),
    issuedOn: decidedOn,
  };
}

const SERIAL = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * The fee notice (条例 Art. 42; 国办函〔2020〕109号): the method and why, one line per band of the
 * progressive scale, the total, the payment period (20 working days from the day after receipt of the
 * notice) and its last day, and that an unpaid fee means the application is treated as abandoned.
 */
export function feeNoticeContent(input: FeeNoticeInput): LetterContent {
  const agencyName = requireText(input.agencyName, 'agencyName', '通知机关名称');
  const caseNo = requireText(input.caseNo, 'caseNo', '申请编号');
  const applicantName = requireText(input.applicantName, 'applicantName', '申请人姓名或名称');
  const noticeDate = requireDate(input.noticeDate, 'noticeDate', '通知日期');
  const payByDate = requireDate(input.payByDate, 'payByDate', '缴费截止日期');
  if (input.receivedOn !== undefined) {
    requireDate(input.receivedOn, 'receivedOn', '收到申请日期');
    if (noticeDate < input.receivedOn) {
      throw new ValidationError(`通知日期 ${noticeDate} 早于收到申请日期 ${input.receivedOn}`, { field: 'noticeDate' });
    }
  }
  if (payByDate <= noticeDate) {
    throw new ValidationError(`缴费截止日期 ${payByDate} 应晚于通知日期 ${noticeDate}`, { field: 'payByDate' });
  }
  const fee = input.fee;
  if (!fee || !Number.isSafeInteger(fee.amount) || fee.amount <= 0 || fee.lines.length === 0) {
    throw new ValidationError('收费通知须载明应缴纳的信息处理费（大于0元）及其计算明细', { field: 'fee' });
  }

  const paragraphs = [opening(input.receivedOn, caseNo, input.subject)];
  // The fee rules' citation without its method note: 《…管理办法》第四条.
  const basis = `依据${REGULATIONS}第四十二条及${fee.basis.replace(/（[^）]*）$/, '')}的规定`;
  const first = fee.lines[0]!.from;
  const last = fee.lines[fee.lines.length - 1]!.to;
  const charged = fee.method === 'by-application'
    ? `经审查，您在同一自然月内提出的政府信息公开申请数量明显超过合理范围。${basis}，本机关按件计收信息处理费。` +
      `${first === last ? `本件申请为您本月提出的第${first}件` : `本次计费的申请为您本月提出的第${first}—${last}件，共${fee.units}件`}，` +
      `按超额累进方式计算，应缴纳信息处理费${fee.amount}元。计算明细如下：`
    : `经审查，您申请公开的政府信息共${fee.units}页，数量明显超过合理范围。${basis}，本机关按量计收信息处理费，` +
      `按超额累进方式计算，应缴纳信息处理费${fee.amount}元。计算明细如下：`;
  paragraphs.push(charged);
  fee.lines.forEach((line, i) =>
    paragraphs.push(`（${SERIAL[i] ?? String(i + 1)}）${line.text}${i === fee.lines.length - 1 ? '。' : '；'}`));
  paragraphs.push(`合计：${fee.amount}元。`);
  const payWithin = input.payWithin?.trim() || '20个工作日';
  paragraphs.push(
    `请您自收到本通知之日的次日起${payWithin}内（即${chineseDate(payByDate)}前）缴纳上述费用` +
    `${input.payment?.trim() ? `，缴纳方式：${input.payment.trim().replace(/[。；]$/, '')}` : ''}。` +
    `逾期未缴纳的，依照${FEE_RULES}的规定视为放弃申请，本机关不再处理该政府信息公开申请。`,
  );
  if (input.clockStopped) paragraphs.push('自本通知发出之日起至您缴纳费用之日止的期间，不计入答复期限。');

  return {
    ...noteOf(input.contact),
    title: '政府信息公开信息处理费缴费通知书',
    docNo: letterDocNo(caseNo, noticeDate, input.docPrefix ?? '依申请公开收费'),
    salutation: `${applicantName}：`,
    paragraphs,
    remedies: remediesText(input, { act: '本收费决定', letter: '本通知书' }),
    closing: '特此通知。',
    signature: agencyName,
    date: chineseDate(noticeDate),
    issuedOn: noticeDate,
  };
}
