/**
 * The report's prose drafted from the data: section 一 (总体情况, in the five parts the national formats'
 * instructions name — 主动公开, 依申请公开, 政府信息管理, 平台建设, 监督保障) and section 六 (其他需要报告的事项:
 * fees under 国办函〔2020〕109号, 建议提案 under the format's instruction for section 六) in formal Chinese, each
 * figure marked: where it stands in the text (the words before it and its unit), its value and the data behind it.
 * The officer then edits the prose freely; `locateFigures` finds each marked figure again in the edited text and
 * says whether it still states the data (a figure that changed in the data is flagged, not silently rewritten).
 *
 * Pure: the figures come in as arguments (counted by the features that own the data). Sentences whose figures
 * are unknown are left out rather than written with a blank, so the draft never states what the platform
 * does not know. Sentences that tables 三/四 also hold use the words the narrative checks read
 * (core/format/narrative-figures.ts), so the checks tie the prose to the tables.
 */
import type { SectionKey } from '../format/format-types.js';
import type { ReportDocument, SectionPart } from './report-model.js';

/** A figure the platform knows, offered to the text. */
export interface TextFigure {
  /** Stable key, e.g. `applications.received`. */
  key: string;
  /** What it counts, in Chinese. */
  label: string;
  value: number;
  /** Unit written after the number: 件, 条, 元, %, 个, 项 … */
  unit: string;
  /** Decimal places written (shares 1, amounts 2); integers by default. */
  decimals?: number;
  /** Where the figure comes from, in Chinese (the data and the day counted). */
  source: string;
  /** Address of the data behind it (API or admin page), or null. */
  link: string | null;
}

/** A figure as placed in the drafted text. */
export interface FigureMark {
  key: string;
  label: string;
  /** The value written when the text was drafted. */
  value: number;
  unit: string;
  decimals: number;
  /** The section it was written in. */
  section: SectionKey;
  /** The words right before the number in its clause: how it is found again after edits. For a zero stated in
   * words (“未收到政府信息公开申请”), the whole phrase. */
  anchor: string;
  /** The figure is a zero stated in words: found when the phrase is still in the text. */
  zero?: boolean;
  source: string;
  link: string | null;
}

/** The drafted sections (parts with paragraphs) and the marks of every figure written. */
export interface DraftedText {
  sections: Array<{ key: SectionKey; parts: SectionPart[] }>;
  marks: FigureMark[];
}

/** Where a marked figure stands in the current text against the current data. */
export type FigureStatus = 'ok' | 'data-changed' | 'differs' | 'not-found';

/** Chinese names of the statuses (shown to users). */
export const FIGURE_STATUS_NAMES: Readonly<Record<FigureStatus, string>> = {
  ok: '与数据一致',
  'data-changed': '数据已变化，正文仍为起草时的数字',
  differs: '正文中的数字与数据不一致',
  'not-found': '正文中已找不到该数字（可能已改写或删除）',
};

/** A marked figure located in the current text. */
export interface LocatedFigure extends FigureMark {
  /** The number the text states now, or null when it is not found. */
  written: number | null;
  /** The figure in the data now, or null when the data no longer has it. */
  current: number | null;
  status: FigureStatus;
}

/** What the drafter needs besides the figures. */
export interface DraftInput {
  year: number;
  figures: ReadonlyMap<string, TextFigure>;
}

/** Punctuation that starts a clause: an anchor never reaches back over it. */
const CLAUSE_START = /[，、；：。（）,;:()“”]/;
const MAX_ANCHOR = 16;

/** Writes a number as the report does: integers plain, shares and amounts with their decimals. */
export function writeNumber(value: number, decimals = 0): string {
  return decimals > 0 ? value.toFixed(decimals) : String(Math.round(value));
}

/** Builds one paragraph, recording each figure's anchor. */
class Paragraph {
  private text = '';
  readonly marks: Array<Omit<FigureMark, 'section'>> = [];
  constructor(private readonly figures: ReadonlyMap<string, TextFigure>) {}

  /** Appends words. */
  t(words: string): this {
    this.text += words;
    return this;
  }

  /** Appends a figure (number and unit), marked; the caller checks it exists. */
  f(key: string): this {
    const fig = this.figures.get(key);
    if (!fig) throw new Error(`draft-text: figure ${key} missing`);
    let start = this.text.length;
    while (start > 0 && !CLAUSE_START.test(this.text[start - 1]!) && this.text.length - start < MAX_ANCHOR) start--;
    const anchor = this.text.slice(start);
    const decimals = fig.decimals ?? 0;
    this.text += writeNumber(fig.value, decimals) + fig.unit;
    this.marks.push({ key, label: fig.label, value: fig.value, unit: fig.unit, decimals, anchor, source: fig.source, link: fig.link });
    return this;
  }

  /** Appends a zero stated in words (the narrative checks read these phrases as 0), marked by the phrase. */
  z(key: string, phrase: string): this {
    const fig = this.figures.get(key);
    if (!fig) throw new Error(`draft-text: figure ${key} missing`);
    this.text += phrase;
    this.marks.push({ key, label: fig.label, value: 0, unit: fig.unit, decimals: fig.decimals ?? 0, anchor: phrase, zero: true, source: fig.source, link: fig.link });
    return this;
  }

  toString(): string {
    return this.text;
  }
}

/** What a paragraph writer knows: which figures exist, their values, the year and the channel figures. */
interface DraftContext {
  has: (...keys: string[]) => boolean;
  value: (key: string) => number | null;
  year: number;
  /** Channel figures present (`publications.channel.<key>`) with the channel's words. */
  channels: Array<[string, string]>;
}

/** A part: heading and paragraph writers; a writer returns null when its figures are unknown. */
interface PartPlan {
  heading: string;
  paragraphs: Array<(p: Paragraph, c: DraftContext) => Paragraph | null>;
}

/** Joins clauses of a list "其中A件、B件" from the figures present (and, with `nonZero`, above zero). */
function listClauses(p: Paragraph, items: Array<[string, string]>, c: DraftContext, nonZero = false): void {
  const present = items.filter(([key]) => c.has(key) && (!nonZero || (c.value(key) ?? 0) > 0));
  present.forEach(([key, words], i) => {
    p.t(i === 0 ? `，其中${words}` : `、${words}`).f(key);
  });
}

/** The outcome rows of table 三 in the order the format lists them. */
const OUTCOMES: Array<[string, string]> = [
  ['applications.granted', '予以公开'], ['applications.partly', '部分公开'], ['applications.refused', '不予公开'],
  ['applications.unable', '无法提供'], ['applications.not-processed', '不予处理'], ['applications.other', '其他处理'],
];

const SECTION_ONE: PartPlan[] = [
  {
    heading: '（一）主动公开情况',
    paragraphs: [
      (p, c) => {
        if (!c.has('publications.total')) return null;
        p.t(`${c.year}年，本机关主动公开政府信息`).f('publications.total');
        // One channel holds them all: named without repeating the number.
        if (c.channels.length === 1) p.t(`，均通过${c.channels[0]![1]}公开`);
        else listClauses(p, c.channels.map(([k, words]): [string, string] => [k, `通过${words}公开`]), c);
        p.t('。');
        const normative: Array<[string, string]> = [
          ['normative.issued', '全年制发行政规范性文件'], ['normative.repealed', '废止'], ['normative.in-force', '现行有效行政规范性文件'],
        ];
        const stated = normative.filter(([k]) => (c.value(k) ?? 0) > 0);
        stated.forEach(([k, words], i) => p.t(i === 0 ? words.replace(/^废止$/, '全年废止行政规范性文件') : `，${words}`).f(k));
        if (stated.length) p.t('。');
        if ((c.value('licensing.decisions') ?? 0) > 0) p.t('全年作出行政许可决定').f('licensing.decisions').t('。');
        return p;
      },
    ],
  },
  {
    heading: '（二）依申请公开情况',
    paragraphs: [
      (p, c) => {
        if (!c.has('applications.received')) return null;
        const received = c.value('applications.received')!;
        const carriedIn = c.value('applications.carried-in');
        if (received === 0) p.t(`${c.year}年，本机关`).z('applications.received', '未收到政府信息公开申请');
        else {
          p.t(`${c.year}年，本机关共收到政府信息公开申请`).f('applications.received');
          listClauses(p, [['applications.received.natural', '自然人申请'], ['applications.received.legal', '法人或其他组织申请']], c, true);
        }
        if (carriedIn === 0) p.t('，').z('applications.carried-in', '无上年结转的政府信息公开申请');
        else if (carriedIn !== null) p.t('；上年结转政府信息公开申请').f('applications.carried-in');
        p.t('。');
        if (c.has('applications.decided') && c.value('applications.decided')! > 0) {
          p.t('全年办结申请').f('applications.decided');
          listClauses(p, OUTCOMES, c, true);
          if (c.value('applications.carried-out') === 0) p.t('，').z('applications.carried-out', '没有需要结转下年度办理的申请');
          else if (c.has('applications.carried-out')) p.t('；结转下年度继续办理').f('applications.carried-out');
          p.t('。');
        } else if ((c.value('applications.carried-out') ?? 0) > 0) {
          p.t('结转下年度继续办理').f('applications.carried-out').t('。');
        }
        // Fees charged are also stated here; none charged is said once, in section 六.
        if (c.has('fees.amount') && (c.value('fees.cases') ?? 0) > 0) {
          p.t('全年对').f('fees.cases').t('申请收取信息处理费，共计').f('fees.amount').t('。');
        }
        return p;
      },
    ],
  },
  {
    heading: '（三）政府信息管理情况',
    paragraphs: [
      (p, c) => {
        if (!c.has('management.secrecy-reviews') && !c.has('management.checklists')) return null;
        p.t('坚持“先审查、后公开”，严格落实初审、保密审查、核审签发程序');
        if (c.has('management.secrecy-reviews')) p.t('，全年经保密审查后公开政府信息').f('management.secrecy-reviews');
        p.t('。');
        if (c.has('management.checklists')) {
          p.t('按月开展已公开信息检查清理，全年完成每月检查清理').f('management.checklists');
          if (c.has('management.withdrawn')) p.t('，撤下不宜继续公开的信息').f('management.withdrawn');
          p.t('。');
        }
        return p;
      },
    ],
  },
  {
    heading: '（四）政府信息公开平台建设情况',
    paragraphs: [
      (p, c) => {
        if (!c.has('hall.matters') && !c.has('hall.online')) return null;
        p.t('依托政务服务网和政务服务大厅推进办事指南同源发布');
        if (c.has('hall.matters')) p.t('，纳入办事指南的政务服务事项').f('hall.matters');
        if (c.has('hall.one-visit-share')) p.t('，“最多跑一次”事项占比').f('hall.one-visit-share');
        if (c.has('hall.online')) p.t('；可网办事项').f('hall.online');
        if (c.has('hall.online-share')) p.t('，占比').f('hall.online-share');
        if (c.has('hall.fully-online')) p.t('；可全程网办事项').f('hall.fully-online');
        if (c.has('hall.fully-online-share')) p.t('，占比').f('hall.fully-online-share');
        p.t('。');
        if (c.has('hall.windows')) p.t('政务服务大厅共设置综合受理窗口').f('hall.windows').t('。');
        if (c.has('hall.transactions')) p.t('全年各大厅办理业务').f('hall.transactions');
        if (c.has('hall.mailed')) p.t(c.has('hall.transactions') ? '，免费快递送达证照' : '全年免费快递送达证照').f('hall.mailed');
        if (c.has('hall.transactions') || c.has('hall.mailed')) p.t('。');
        return p;
      },
    ],
  },
  {
    heading: '（五）监督保障情况',
    paragraphs: [
      (p, c) => {
        if (!c.has('remedies.reconsideration', 'remedies.litigation')) return null;
        const reconsideration = c.value('remedies.reconsideration')!;
        const litigation = c.value('remedies.litigation')!;
        if (reconsideration === 0 && litigation === 0) {
          p.t(`${c.year}年，`).z('remedies.reconsideration', '未发生因政府信息公开工作被申请行政复议')
            .t('、').z('remedies.litigation', '未被提起行政诉讼').t('的情况');
        } else {
          p.t(`${c.year}年，`);
          if (reconsideration === 0) p.z('remedies.reconsideration', '未因政府信息公开工作被申请行政复议');
          else {
            p.t('因政府信息公开工作被申请行政复议').f('remedies.reconsideration');
            listClauses(p, [
              ['remedies.reconsideration.upheld', '结果维持'], ['remedies.reconsideration.corrected', '结果纠正'],
              ['remedies.reconsideration.other', '其他结果'], ['remedies.reconsideration.pending', '尚未审结'],
            ], c, true);
          }
          p.t('；');
          if (litigation === 0) p.z('remedies.litigation', '未被提起行政诉讼');
          else {
            p.t('被提起行政诉讼').f('remedies.litigation');
            listClauses(p, [['remedies.litigation.direct', '未经复议直接起诉'], ['remedies.litigation.after', '复议后起诉']], c, true);
          }
        }
        p.t('。');
        return p;
      },
    ],
  },
];

const SECTION_SIX: PartPlan[] = [
  {
    heading: '（一）信息处理费收取情况',
    paragraphs: [
      (p, c) => {
        if (!c.has('fees.cases', 'fees.amount')) return null;
        // 国办函〔2020〕109号 and the 2021 format's instruction: section 六 reports the fees charged.
        if ((c.value('fees.cases') ?? 0) > 0) p.t(`${c.year}年，本机关依据《政府信息公开信息处理费管理办法》对`).f('fees.cases').t('申请收取信息处理费，共计').f('fees.amount').t('。');
        else p.t(`${c.year}年，本机关`).z('fees.cases', '未收取信息处理费').t('。');
        return p;
      },
    ],
  },
  {
    heading: '（二）建议和提案办理情况',
    paragraphs: [
      (p, c) => {
        if (!c.has('proposals.deputies', 'proposals.members')) return null;
        p.t(`${c.year}年，本机关承办人大代表建议`).f('proposals.deputies').t('、政协提案').f('proposals.members');
        if (c.has('proposals.published')) p.t('，已在门户网站公开办理结果').f('proposals.published');
        p.t('。');
        return p;
      },
    ],
  },
];

function draftSection(plans: PartPlan[], figures: ReadonlyMap<string, TextFigure>, c: DraftContext, section: SectionKey, marks: FigureMark[]): SectionPart[] {
  const parts: SectionPart[] = [];
  for (const plan of plans) {
    const paragraphs: string[] = [];
    for (const write of plan.paragraphs) {
      const p = write(new Paragraph(figures), c);
      if (!p) continue;
      paragraphs.push(p.toString());
      for (const m of p.marks) marks.push({ ...m, section });
    }
    if (paragraphs.length) parts.push({ heading: plan.heading, paragraphs });
  }
  return parts;
}

/**
 * Drafts sections 一 and 六 from the figures. Channel figures are `publications.channel.<key>` with the
 * channel's name in their label ("通过政府网站公开"); the others use the keys the plans above name.
 */
export function draftReportText(input: DraftInput): DraftedText {
  const { figures, year } = input;
  const c: DraftContext = {
    has: (...keys) => keys.every((k) => figures.has(k)),
    value: (key) => figures.get(key)?.value ?? null,
    year,
    channels: [...figures].filter(([key]) => key.startsWith('publications.channel.'))
      .map(([key, fig]): [string, string] => [key, fig.label.replace(/^其中通过/, '').replace(/公开（[^）]*）$/, '')]),
  };
  const marks: FigureMark[] = [];
  const one = draftSection(SECTION_ONE, figures, c, '一', marks);
  const six = draftSection(SECTION_SIX, figures, c, '六', marks);
  return { sections: [{ key: '一', parts: one }, { key: '六', parts: six }], marks };
}

/** The document with the drafted sections' parts in place of the old ones (headings and other sections kept). */
export function withDraftedText(doc: ReportDocument, drafted: DraftedText): ReportDocument {
  return {
    ...doc,
    sections: doc.sections.map((s) => {
      const d = drafted.sections.find((x) => x.key === s.key);
      return d && d.parts.length ? { ...s, paragraphs: [], parts: d.parts } : s;
    }),
  };
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** All the text of one section, parts included. */
function sectionText(doc: ReportDocument, key: SectionKey): string {
  const s = doc.sections.find((x) => x.key === key);
  if (!s) return '';
  return [...s.paragraphs, ...s.parts.flatMap((p) => [p.heading, ...p.paragraphs])].join('\n');
}

/**
 * Finds every marked figure in the current text (its anchor, then a number and its unit, spaces allowed) and
 * compares it with the data now: equal → ok; still the drafted value while the data moved → data-changed;
 * another number → differs; anchor gone → not-found.
 */
export function locateFigures(doc: ReportDocument, marks: readonly FigureMark[], current: ReadonlyMap<string, TextFigure>): LocatedFigure[] {
  return marks.map((mark) => {
    const text = sectionText(doc, mark.section);
    if (mark.zero) {
      const written = text.includes(mark.anchor) ? 0 : null;
      const now = current.get(mark.key)?.value ?? null;
      const status: FigureStatus = written === null ? 'not-found' : now === 0 ? 'ok' : 'data-changed';
      return { ...mark, written, current: now, status };
    }
    const pattern = new RegExp(`${escapeRegex(mark.anchor)}\\s*([0-9]+(?:\\.[0-9]+)?)\\s*${escapeRegex(mark.unit)}`);
    const found = pattern.exec(text);
    const written = found ? Number(found[1]) : null;
    const now = current.get(mark.key)?.value ?? null;
    const same = (a: number | null, b: number | null) =>
      a !== null && b !== null && writeNumber(a, mark.decimals) === writeNumber(b, mark.decimals);
    let status: FigureStatus;
    if (written === null) status = 'not-found';
    else if (same(written, now)) status = 'ok';
    else if (same(written, mark.value)) status = 'data-changed';
    else status = 'differs';
    return { ...mark, written, current: now, status };
  });
}
