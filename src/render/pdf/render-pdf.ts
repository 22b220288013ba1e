/**
 * The annual report as a PDF laid out like a published government document (GB/T 9704-2012):
 * A4 with a 156 mm × 225 mm text area, 22 lines a page; title in 二号 heavy serif (the 小标宋
 * look), body in 三号 serif with a two-character first-line indent, first-level headings in sans
 * (黑体), second-level in bold serif; each section's table after its text, from the shared layout;
 * signature and date at the end; page numbers “— 1 —” centred below the text. Fonts are Noto
 * Serif/Sans SC embedded (subset) from npm, so the file reads the same everywhere.
 *
 * Text is broken into lines here (pdf-measure.ts, with the Chinese line-breaking rules) and each
 * line handed to pdfmake whole (`noWrap`), so the file holds one text drawing per line, as a word
 * processor writes it, rather than one per character as pdfmake's own line breaking gives; a
 * justified line is spread to the full width by character spacing.
 */
import pdfMake from 'pdfmake';
import type { Content, ContentStack, ContentText, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { TableId } from '../../core/format/format-types.js';
import { getFormat } from '../../core/format/registry.js';
import type { ReportDocument } from '../../core/report/report-model.js';
import { closingLines, titleLines } from '../print-layout.js';
import { layoutTable } from '../table-layout.js';
import { createFontSet, lineHeightFor, setWidth, type FamilyKey, type FontSet } from './pdf-fonts.js';
import { justifySpacing, wrapLines } from './pdf-measure.js';
import { pdfTable, splitBlocks, type BuiltTable, type PdfTableOptions } from './pdf-table.js';

/** Points in a millimetre. */
const PT_PER_MM = 72 / 25.4;
const mm = (value: number) => value * PT_PER_MM;

/** Margins (GB/T 9704 §5.2.1): top 37 mm, right 26 mm, bottom 35 mm, left 28 mm. */
const MARGINS: [number, number, number, number] = [mm(28), mm(37), mm(26), mm(35)]; // pdfmake order: left, top, right, bottom
const TEXT_WIDTH = mm(156);

/** Line pitch: 225 mm / 22 lines ≈ 29 pt (GB/T 9704 §5.2.2). */
const PITCH = mm(225) / 22;

/** Sizes in points: 二号 22, 三号 16, 四号 14 (page number). */
const SIZE = { title: 22, body: 16, pageNumber: 14 } as const;

/** Width of one body character, for two-character indents. */
const BODY_CHAR = SIZE.body;

/**
 * How each table is set: table 三 has ten columns and about 28 rows, so 9 pt keeps its long
 * labels on one or two lines; tables 二 and 四 use 10 pt.
 */
const TABLE_OPTIONS: Record<TableId, Omit<PdfTableOptions, 'textWidth'>> = {
  二: { fontSize: 10, minRowHeight: mm(6.5), paddingX: 3 },
  三: { fontSize: 9, minRowHeight: mm(5), paddingX: 1 },
  四: { fontSize: 10, minRowHeight: mm(7), paddingX: 1.5 },
};

/** How a block of text is set by `ReportContent.lines`. */
interface LineStyle {
  fontSize: number;
  lineHeight: number;
  bold?: boolean;
  alignment?: 'left' | 'center' | 'right' | 'justify';
  /** First-line indent in points. */
  indent?: number;
  /** Width the lines fill, in points (the text width unless given). */
  width?: number;
  margin?: [number, number, number, number];
}

/** Room left at the end of every line (points), so rounding never takes a line past the margin. */
const LINE_SLACK = 0.1;

/** Builds the content of one report; `fonts` collects the faces it uses. */
class ReportContent {
  /** Heights of the nodes (tables, heading + table) to keep on one page when they fit, by pdfmake id. */
  readonly keepWhole = new Map<string, number>();
  private readonly lineHeight: Record<FamilyKey, number>;

  constructor(private readonly report: ReportDocument, private readonly fonts: FontSet) {
    this.lineHeight = { serif: lineHeightFor('serif', SIZE.body, PITCH), sans: lineHeightFor('sans', SIZE.body, PITCH) };
  }

  /**
   * A text broken into lines here, each line one pdfmake text that does not wrap: one text
   * drawing per line. A justified text's lines but the last get the character spacing that makes
   * them fill the width. One line gives one text node, more a stack of them.
   */
  private lines(value: string, family: FamilyKey, style: LineStyle): ContentText | ContentStack {
    const { fontSize, lineHeight, bold = false, alignment = 'left', indent = 0, width = TEXT_WIDTH, margin } = style;
    const measure = (s: string) => setWidth(s, family, fontSize, bold);
    const lines = wrapLines(value, width - LINE_SLACK, measure, { firstLineIndent: indent, breakUrls: true });
    const nodes = lines.map((line, i): ContentText => {
      const runs = this.fonts.runs(line, family);
      const node: ContentText = { text: runs, noWrap: true };
      if (i === 0 && indent) node.leadingIndent = indent;
      if (alignment === 'justify' && i < lines.length - 1) {
        const spacing = justifySpacing(line, measure(line), width - (i === 0 ? indent : 0), typeof runs === 'string' ? 1 : runs.length);
        if (spacing > 0) node.characterSpacing = spacing;
      }
      return node;
    });
    const shared = {
      font: this.fonts.family(family), fontSize, lineHeight, ...(bold ? { bold } : {}),
      alignment: alignment === 'justify' ? 'left' as const : alignment, ...(margin ? { margin } : {}),
    };
    return nodes.length === 1 ? { ...nodes[0]!, ...shared } : { stack: nodes, ...shared };
  }

  /** A body paragraph per line of text (a paragraph that still holds line breaks keeps them), justified. */
  private paragraphs(text: string): Content[] {
    return text.split(/\r?\n/).filter((line) => line.trim() !== '').map((line) => this.lines(line.trim(), 'serif', {
      fontSize: SIZE.body, lineHeight: this.lineHeight.serif, alignment: 'justify', indent: 2 * BODY_CHAR,
    }));
  }

  /**
   * A heading, kept with what follows (pageBreakRule): one line as one text; a heading too long
   * for a line is left to pdfmake to wrap, as one node, so the rule still sees it as one.
   */
  private heading(text: string, family: FamilyKey, level: number, bold: boolean): Content {
    const style = { fontSize: SIZE.body, lineHeight: this.lineHeight[family], ...(bold ? { bold } : {}) };
    const node = this.lines(text, family, { ...style, indent: 2 * BODY_CHAR });
    if ('text' in node) return { ...node, headlineLevel: level };
    return {
      text: this.fonts.runs(text, family), font: this.fonts.family(family), ...style, leadingIndent: 2 * BODY_CHAR, headlineLevel: level,
    } as ContentText;
  }

  /** First-level heading (一、总体情况): 黑体, indented two characters, kept with what follows. */
  private heading1(text: string): Content {
    return this.heading(text, 'sans', 1, false);
  }

  /** Second-level heading (（一）概述): bold serif, indented two characters. */
  private heading2(text: string): Content {
    return this.heading(text, 'serif', 2, true);
  }

  /** The title, broken after the agency name when it does not fit on one line, then one empty line. */
  private title(): Content {
    return {
      stack: titleLines(this.report).map((line) =>
        this.lines(line, 'serif', { fontSize: SIZE.title, bold: true, alignment: 'center', lineHeight: 1.2 })),
      margin: [0, 0, 0, PITCH],
    };
  }

  /** A table from the shared layout; table 二 as one pdfmake table per 第二十条 block. */
  private table(id: TableId): BuiltTable[] {
    const options: PdfTableOptions = { ...TABLE_OPTIONS[id], textWidth: TEXT_WIDTH };
    return splitBlocks(layoutTable(this.report, id)).map((part, i) => {
      const tableId = `gk-table-${id}-${i + 1}`;
      const built = pdfTable(part, { ...options, id: tableId, continues: i > 0 }, this.fonts);
      this.keepWhole.set(tableId, built.height);
      return built;
    });
  }

  /** Signature and date (print-layout.ts places them, as in the Word report), one empty line below the text. */
  private closing(): Content[] {
    const lines = closingLines(this.report);
    if (lines.length === 0) return [];
    return [{
      stack: lines.map(({ text, rightChars }) => this.lines(text, 'serif', {
        fontSize: SIZE.body, lineHeight: this.lineHeight.serif, alignment: 'right',
        width: TEXT_WIDTH - rightChars * BODY_CHAR, margin: [0, 0, rightChars * BODY_CHAR, 0],
      })),
      margin: [0, PITCH, 0, 0],
      unbreakable: true,
    }];
  }

  /** Title, preamble, the sections with their parts and tables, closing. */
  build(): Content[] {
    const format = getFormat(this.report.format);
    const out: Content[] = [this.title()];
    for (const text of this.report.preamble) out.push(...this.paragraphs(text));
    for (const section of this.report.sections) {
      const heading = this.heading1(section.heading);
      const text: Content[] = [];
      for (const paragraph of section.paragraphs) text.push(...this.paragraphs(paragraph));
      for (const part of section.parts) {
        if (part.heading.trim()) text.push(this.heading2(part.heading.trim()));
        for (const paragraph of part.paragraphs) text.push(...this.paragraphs(paragraph));
      }
      // The official format prints the table right after the section's text, without a caption;
      // table 二's blocks follow each other flush, their rules meeting.
      const tables = format.tables.filter((t) => t.section === section.key).flatMap((t) => this.table(t.id));
      if (text.length === 0 && tables.length > 0) {
        // A heading straight above its table moves to a new page with it.
        const first = tables.shift()!;
        const id = `gk-section-${section.key}`;
        this.keepWhole.set(id, PITCH + first.height);
        out.push(Object.assign({ stack: [heading, first.node] }, { id }) as Content);
      } else {
        out.push(heading, ...text);
      }
      out.push(...tables.map((t) => t.node));
      if (format.tables.some((t) => t.section === section.key)) out.push({ text: '', margin: [0, 0, 0, PITCH / 2] });
    }
    out.push(...this.closing());
    return out;
  }
}

type PageBreakBefore = NonNullable<TDocumentDefinitions['pageBreakBefore']>;

/**
 * Keeps a heading with the text after it, and starts a table (or a heading with its table) on a
 * new page when it would not fit in the rest of this one but fits on a page whole; a longer table
 * breaks between rows, its header rows repeated. Table heights are the ones pdf-table computed
 * (pdfmake reports only where a table starts).
 */
function pageBreakRule(keepWhole: Map<string, number>): PageBreakBefore {
  return (node, queries) => {
    if (node.headlineLevel) return queries.getFollowingNodesOnPage().length === 0;
    const id = (node as { id?: string }).id;
    const height = id ? keepWhole.get(id) : undefined;
    if (height === undefined) return false;
    const { verticalRatio, pageInnerHeight } = node.startPosition;
    const remaining = (1 - verticalRatio) * pageInnerHeight;
    return verticalRatio > 0.02 && height > remaining && height <= pageInnerHeight;
  };
}

/** pdfmake's virtual file system (not in its Node typings). */
interface VirtualFs {
  existsSync(name: string): boolean;
  writeFileSync(name: string, content: Buffer): void;
}

let policiesSet = false;

/** Renders a report as a PDF file. */
export async function renderPdf(report: ReportDocument): Promise<Buffer> {
  const fonts = createFontSet();
  const builder = new ReportContent(report, fonts);
  const content = builder.build();
  const pageNumberText = (n: number) => `— ${n} —`;
  // Page numbers use the same faces; register their characters before the fonts are handed over.
  fonts.runs(pageNumberText(1234567890), 'serif');

  if (!policiesSet) {
    // A report never refers to files or addresses: pdfmake may read neither (fonts come from its virtual file system).
    pdfMake.setUrlAccessPolicy(() => false);
    pdfMake.setLocalAccessPolicy(() => false);
    policiesSet = true;
  }
  const vfs = (pdfMake as unknown as { virtualfs: VirtualFs }).virtualfs;
  for (const [name, bytes] of fonts.files) if (!vfs.existsSync(name)) vfs.writeFileSync(name, bytes);
  pdfMake.addFonts(fonts.fonts);

  const agency = report.agency.name;
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: MARGINS,
    language: 'zh-CN',
    info: {
      title: report.title,
      author: agency,
      subject: `${report.year}年政府信息公开工作年度报告`,
      keywords: '政府信息公开;年度报告',
      creator: 'Gongkai',
      producer: 'Gongkai (pdfmake)',
      // A fixed date keeps the bytes of a report's PDF the same on every download.
      ...(report.issuedOn ? { creationDate: new Date(`${report.issuedOn}T00:00:00+08:00`) } : {}),
    },
    defaultStyle: { font: fonts.family('serif'), fontSize: SIZE.body },
    content,
    // The page number sits about 7 mm below the text area (GB/T 9704 §7.5), centred.
    footer: (page: number) => ({
      text: fonts.runs(pageNumberText(page), 'serif'), noWrap: true, font: fonts.family('serif'), fontSize: SIZE.pageNumber,
      alignment: 'center', margin: [0, mm(7), 0, 0],
    }) as Content,
    pageBreakBefore: pageBreakRule(builder.keepWhole),
  };
  return pdfMake.createPdf(doc).getBuffer();
}
