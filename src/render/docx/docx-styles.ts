/**
 * Page, fonts and paragraph styles of the Word report, following the layout of Chinese official
 * documents (GB/T 9704-2012 党政机关公文格式): A4, text area 156 mm × 225 mm, title in 二号
 * 小标宋, body in 三号 仿宋 with 22 lines a page, headings in 黑体 and 楷体, page numbers
 * “— 1 —” in 四号 宋体. Styles carry the fonts so a user editing in Word or WPS finds named styles.
 */
import { AlignmentType, LineRuleType, type IParagraphStyleOptions, type IStylesOptions } from 'docx';

/** Twips (1/20 pt) in a millimetre. */
const TWIPS_PER_MM = 1440 / 25.4;

/** Converts millimetres to whole twips. */
export const mm = (value: number): number => Math.round(value * TWIPS_PER_MM);

/** A4 portrait in twips (210 mm × 297 mm). */
export const PAGE = { width: 11906, height: 16838 } as const;

/** Margins (GB/T 9704 §5.2.1: 天头 37 mm, 订口 28 mm; bottom and outer edge give a 156 mm × 225 mm area). */
export const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } as const;

/** Width of the text area, which tables fill. */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/** Fixed line pitch: 225 mm / 22 lines ≈ 28.95 pt (GB/T 9704 §5.2.2). */
export const LINE_PITCH = 579;

/** Font sizes in half-points (docx `size`): 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt, 小五 9 pt. */
export const SIZE = { title: 44, body: 32, pageNumber: 28, table: 21, tableSmall: 18 } as const;

/**
 * Font names as Chinese offices have them installed. Each is declared in the font table with the
 * font that Word, WPS and LibreOffice substitute when it is missing (方正小标宋简体 → 宋体, …).
 */
export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  table: '宋体',
  latin: 'Times New Roman',
} as const;

/** Explicit fonts for every script, so CJK text never falls back to a Latin font. */
export function fonts(eastAsia: string, latin: string = FONT.latin) {
  return { eastAsia, ascii: latin, hAnsi: latin, cs: latin, hint: 'eastAsia' };
}

/** Width of one body character (三号 = 16 pt), used for 2-character indents. */
export const BODY_CHAR = 320;

/** Paragraph style ids used by the renderer. */
export const STYLE = {
  title: 'GkTitle',
  body: 'GkBody',
  heading1: 'GkHeading1',
  heading2: 'GkHeading2',
  table: 'GkTableText',
  closing: 'GkClosing',
  pageNumber: 'GkPageNumber',
} as const;

const exactLines = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

const paragraphStyles: IParagraphStyleOptions[] = [
  {
    id: STYLE.body, name: '报告正文', basedOn: 'Normal', next: STYLE.body, quickFormat: true,
    paragraph: {
      alignment: AlignmentType.JUSTIFIED, spacing: exactLines,
      indent: { firstLine: 2 * BODY_CHAR, firstLineChars: 200 },
    },
    run: { font: fonts(FONT.body), size: SIZE.body },
  },
  {
    id: STYLE.title, name: '报告标题', basedOn: 'Normal', next: STYLE.body, quickFormat: true,
    paragraph: {
      alignment: AlignmentType.CENTER, keepNext: true, keepLines: true,
      // Title lines a little apart, then one empty body line before the text (GB/T 9704 §7.3.3).
      spacing: { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: LINE_PITCH },
    },
    // Digits in the title are set in the title font too (2019年), as printed titles are.
    run: { font: fonts(FONT.title, FONT.title), size: SIZE.title },
  },
  {
    id: STYLE.heading1, name: '一级标题', basedOn: STYLE.body, next: STYLE.body, quickFormat: true,
    paragraph: { keepNext: true, keepLines: true, outlineLevel: 0 },
    run: { font: fonts(FONT.heading1), size: SIZE.body },
  },
  {
    id: STYLE.heading2, name: '二级标题', basedOn: STYLE.body, next: STYLE.body, quickFormat: true,
    paragraph: { keepNext: true, keepLines: true, outlineLevel: 1 },
    run: { font: fonts(FONT.heading2), size: SIZE.body },
  },
  {
    id: STYLE.table, name: '表格文字', basedOn: 'Normal',
    paragraph: {
      alignment: AlignmentType.CENTER, indent: { firstLine: 0, firstLineChars: 0 },
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
    },
    run: { font: fonts(FONT.table), size: SIZE.table },
  },
  {
    id: STYLE.closing, name: '落款', basedOn: STYLE.body, next: STYLE.closing,
    paragraph: { alignment: AlignmentType.RIGHT, indent: { firstLine: 0, firstLineChars: 0 }, keepNext: true },
    run: { font: fonts(FONT.body), size: SIZE.body },
  },
  {
    id: STYLE.pageNumber, name: '页码', basedOn: 'Normal',
    paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
    // 四号半角宋体阿拉伯数字 (GB/T 9704 §7.5).
    run: { font: fonts(FONT.table, FONT.table), size: SIZE.pageNumber },
  },
];

/** The document's styles: defaults in 仿宋 三号 with Chinese language tags, plus the report styles. */
export const STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: fonts(FONT.body), size: SIZE.body, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
      paragraph: { spacing: exactLines },
    },
  },
  paragraphStyles,
};

/** One font-table entry: the name, the font used when it is missing, and its classification. */
interface FontEntry {
  name: string;
  altName?: string;
  charset: string;
  /** roman = serif (宋, 仿宋, 楷), swiss = sans (黑体): what a substituting program looks for. */
  family: 'roman' | 'swiss';
  pitch: 'variable' | 'fixed';
  panose?: string;
}

const FONT_ENTRIES: FontEntry[] = [
  { name: 'Times New Roman', charset: '00', family: 'roman', pitch: 'variable', panose: '02020603050405020304' },
  { name: '宋体', altName: 'SimSun', charset: '86', family: 'roman', pitch: 'variable', panose: '02010600030101010101' },
  { name: '方正小标宋简体', altName: '宋体', charset: '86', family: 'roman', pitch: 'variable' },
  { name: '仿宋_GB2312', altName: '仿宋', charset: '86', family: 'roman', pitch: 'variable' },
  { name: '仿宋', altName: 'FangSong', charset: '86', family: 'roman', pitch: 'variable', panose: '02010609060101010101' },
  { name: '黑体', altName: 'SimHei', charset: '86', family: 'swiss', pitch: 'variable', panose: '02010609060101010101' },
  { name: '楷体_GB2312', altName: '楷体', charset: '86', family: 'roman', pitch: 'variable' },
  { name: '楷体', altName: 'KaiTi', charset: '86', family: 'roman', pitch: 'variable', panose: '02010609060101010101' },
];

/**
 * word/fontTable.xml declaring every font used, with w:altName naming the substitute, so a
 * computer without 方正小标宋简体 or the _GB2312 fonts shows 宋体, 仿宋 or 楷体 rather than a
 * Latin fallback. (The docx package writes an empty font table.)
 */
export function fontTableXml(): string {
  const w = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const entries = FONT_ENTRIES.map((f) =>
    `<w:font w:name="${f.name}">${f.altName ? `<w:altName w:val="${f.altName}"/>` : ''}` +
    `${f.panose ? `<w:panose1 w:val="${f.panose}"/>` : ''}<w:charset w:val="${f.charset}"/>` +
    `<w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="${w}">${entries}</w:fonts>`;
}
