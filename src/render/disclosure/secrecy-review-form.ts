/**
 * The 互联网信息发布保密审查表 of one version of an item, as Word and PDF: a one-page ruled form in the order the
 * review goes (起草 → 科室负责人初审 → 保密审查 → 领导核审签发), so the signed paper and the record agree. A step
 * not yet taken prints blank (never "否"): the form can be printed while the review is under way.
 */
import { CHANNELS, type Channel } from '../../core/disclosure/channels.js';
import { SECRECY_QUESTIONS, type SecrecyReviewForm } from '../../core/disclosure/secrecy-form.js';
import { docxTextWidth, docxTitle, packDocx } from './docx-kit.js';
import { chineseDate } from './disclosure-item.js';
import { formDocxTable, formPdfTable, label, spacer, value, type FormRow } from './form-grid.js';
import { A4_WIDTH, creationDate, pdfText, pt, renderPdf } from './pdf-kit.js';

/** The form's title. */
export const SECRECY_FORM_TITLE = '互联网信息发布保密审查表';

/** Who took a step, on which day, with what opinion. */
export interface ReviewSignature {
  by: string;
  /** YYYY-MM-DD. */
  on: string;
  /** 意见 (the pass comment or the conclusion); may be empty. */
  opinion: string;
}

/** One finding of the personal-data scan and how it was resolved. */
export interface SecrecyFindingLine {
  /** Where, in Chinese (正文第 3 段, 附件“名单.xlsx”工作表“名单”第 5 行). */
  place: string;
  /** What kind, in Chinese (居民身份证号码, 手机号码 …). */
  kind: string;
  /** The found text, masked. */
  excerpt: string;
  resolution: 'removed' | 'confirmed' | null;
  /** The reason given when confirmed as fit to publish. */
  reason: string | null;
}

/** Everything the form shows. */
export interface SecrecyReviewSheet {
  title: string;
  /** 索引号, or null before it is assigned. */
  indexNo: string | null;
  /** 发布机构. */
  issuer: string;
  /** 起草科室, or null. */
  office: string | null;
  /** 起草人. */
  drafter: string;
  /** The day the version was submitted for review (YYYY-MM-DD). */
  draftedOn: string;
  /** 拟发布渠道; when empty, the channels the secrecy form answered for. */
  channels: Channel[];
  firstReview: ReviewSignature | null;
  secrecyReview: (ReviewSignature & { form: SecrecyReviewForm }) | null;
  findings: SecrecyFindingLine[];
  signOff: ReviewSignature | null;
}

const yesNo = (answer: boolean | undefined) => (answer === undefined ? '' : answer ? '是' : '否');

/** A finding as one line: 1. 正文第 3 段 居民身份证号码（1101**********1234）：已删除. */
export function findingLine(f: SecrecyFindingLine, n: number): string {
  const outcome = f.resolution === 'removed' ? '已删除'
    : f.resolution === 'confirmed' ? `确认可公开，理由：${f.reason ?? ''}` : '尚未处理';
  return `${n}. ${f.place} ${f.kind}${f.excerpt ? `（${f.excerpt}）` : ''}：${outcome}`;
}

/** The intended channels: as given, else those the reviewer answered for. */
const channelsOf = (s: SecrecyReviewSheet): Channel[] =>
  s.channels.length ? s.channels : (Object.keys(s.secrecyReview?.form.channelsFit ?? {}) as Channel[]);

/** An opinion cell: three lines high while blank, so a printed form has room to write by hand. */
const opinion = (text: string | undefined) => value(text || '\n\n', 3);

/** The form's rows on a four-column grid (label, value, label, value). */
export function secrecyFormRows(s: SecrecyReviewSheet): FormRow[] {
  const form = s.secrecyReview?.form;
  const channels = channelsOf(s);
  const q = SECRECY_QUESTIONS;
  const section = (text: string): FormRow => [{ text, span: 4, label: true }];
  return [
    [label('信息标题'), value(s.title, 3)],
    [label('索引号'), value(s.indexNo ?? '（发布时赋号）', 3)],
    [label('发布机构'), value(s.issuer), label('起草科室'), value(s.office ?? '')],
    [label('起草人'), value(s.drafter), label('起草日期'), value(chineseDate(s.draftedOn))],
    [label('拟发布渠道'), value(channels.map((c) => CHANNELS[c]).join('、'), 3)],
    section('科室负责人初审'),
    [label('初审意见'), opinion(s.firstReview?.opinion)],
    [label('初审人'), value(s.firstReview?.by ?? ''), label('初审日期'), value(chineseDate(s.firstReview?.on))],
    section('保密审查'),
    [label(q.stateSecret), value(yesNo(form?.stateSecret)), label(q.workSecret), value(yesNo(form?.workSecret))],
    [label(q.personalInfo), value(yesNo(form?.personalInfo)), label(q.tradeSecret), value(yesNo(form?.tradeSecret))],
    [label('是否适合在各拟发布渠道发布'), value(form ? channels.map((c) => `${CHANNELS[c]}：${yesNo(form.channelsFit[c])}`).join('\n') : '', 3)],
    [label('个人信息等扫描发现及处理情况'), value(s.findings.length ? s.findings.map((f, i) => findingLine(f, i + 1)).join('\n') : s.secrecyReview ? '未发现' : '', 3)],
    [label('审查结论'), opinion(form?.conclusion)],
    [label('审查人'), value(s.secrecyReview?.by ?? ''), label('审查日期'), value(chineseDate(s.secrecyReview?.on))],
    section('领导核审签发'),
    [label('签发意见'), opinion(s.signOff?.opinion)],
    [label('签发人'), value(s.signOff?.by ?? ''), label('签发日期'), value(chineseDate(s.signOff?.on))],
  ];
}

const COLUMNS = [24, 26, 24, 26];

/** The form as a .docx file. */
export async function renderSecrecyReviewDocx(s: SecrecyReviewSheet): Promise<Buffer> {
  return packDocx({ title: `${SECRECY_FORM_TITLE}（${s.title}）`, creator: s.issuer, keywords: '政府信息公开;保密审查' }, [
    docxTitle(SECRECY_FORM_TITLE, 36),
    formDocxTable(secrecyFormRows(s), COLUMNS, docxTextWidth(), 22),
    spacer(),
  ]);
}

/** The form as a PDF file with its fonts embedded. */
export async function renderSecrecyReviewPdf(s: SecrecyReviewSheet): Promise<Buffer> {
  const t = pdfText();
  return renderPdf(t, {
    pageMargins: [pt(25), pt(22), pt(22), pt(18)],
    info: { title: SECRECY_FORM_TITLE, subject: s.title, author: s.issuer, creator: 'Gongkai', producer: 'Gongkai (pdfmake)', creationDate: creationDate(s.draftedOn) },
    content: [
      t.text(SECRECY_FORM_TITLE, { fontSize: 18, bold: true, alignment: 'center', margin: [0, 0, 0, 10] }),
      formPdfTable(t, secrecyFormRows(s), COLUMNS, A4_WIDTH - pt(47), 11),
    ],
  }, 11);
}
