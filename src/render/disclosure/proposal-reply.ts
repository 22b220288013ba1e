/**
 * The reply letter (答复函) of a 人大代表建议 or 政协提案 as Word: the title naming the proposal, the text as the office
 * wrote it (each line a paragraph, indented two characters), the agency and the date at the right. Set with the
 * report's styles (docx-kit.ts); the words are the office's, nothing is added but the heading and the signature.
 */
import { docxLine, docxTitle, packDocx } from './docx-kit.js';

/** What the letter is made of. */
export interface ReplyLetter {
  /** 人大代表建议 | 政协提案. */
  kindName: string;
  sourceNo: string;
  title: string;
  agencyName: string;
  /** YYYY-MM-DD. */
  answeredOn: string;
  replyText: string;
}

const chineseDay = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** The title of the letter: 关于政协提案第 45 号“…”的答复. */
export function replyTitle(l: Pick<ReplyLetter, 'kindName' | 'sourceNo' | 'title'>): string {
  return `关于${l.kindName}${l.sourceNo}“${l.title}”的答复`;
}

/** Renders the reply letter as a .docx file. */
export function renderReplyDocx(l: ReplyLetter): Promise<Buffer> {
  const lines = l.replyText.split(/\r?\n/).map((t) => t.trim()).filter(Boolean);
  return packDocx({ title: replyTitle(l), creator: l.agencyName, keywords: `${l.kindName};答复` }, [
    docxTitle(replyTitle(l)),
    ...lines.map((t, i) => docxLine(t, { indent: i > 0 || !/[：:]$/.test(t) })),
    docxLine(l.agencyName, { align: 'right', before: 600 }),
    docxLine(chineseDay(l.answeredOn), { align: 'right' }),
  ]);
}
