/**
 * Automatic list numbers of a Word document. A heading typed as 一、总体情况 carries its number in
 * the text, but one set with Word's numbering (directly or through its style) carries only
 * 总体情况; the number lives in numbering.xml. This computes the label Word would print
 * (一、 （三） 1. ①) for each numbered paragraph, in document order, so the text reads as printed.
 */
import { child, childElements, type XmlElement } from './xml-lite.js';

interface Level { start: number; format: string; text: string; suffix: string }
interface Instance { abstractId: string; overrides: Map<number, { start?: number; level?: Level }> }

const DIGITS = '〇一二三四五六七八九';
const LEGAL = '零壹贰叁肆伍陆柒捌玖';
const STEMS = '甲乙丙丁戊己庚辛壬癸';

/** A number in Chinese counting (一 … 十 十一 … 二十 … 一百零一 …). */
export function chineseCounting(n: number, digits = DIGITS, ten = '十', hundred = '百'): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1000) return String(n);
  if (n < 10) return digits[n]!;
  if (n < 100) {
    const tens = Math.floor(n / 10);
    return `${tens === 1 && digits === DIGITS ? '' : digits[tens]}${ten}${n % 10 ? digits[n % 10] : ''}`;
  }
  const rest = n % 100;
  const head = `${digits[Math.floor(n / 100)]}${hundred}`;
  if (rest === 0) return head;
  if (rest < 10) return `${head}${digits === DIGITS ? '零' : digits[0]}${digits[rest]}`;
  return `${head}${rest < 20 ? digits[1] : ''}${chineseCounting(rest, digits, ten, hundred)}`;
}

function roman(n: number): string {
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  let rest = n;
  for (const [value, symbol] of table) while (rest >= value) { out += symbol; rest -= value; }
  return out;
}

function letters(n: number): string {
  // Word repeats the letter: A … Z, AA … ZZ.
  const letter = String.fromCharCode(65 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** Formats one counter in a numbering format (w:numFmt). */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting': case 'chineseCountingThousand': case 'japaneseCounting': case 'taiwaneseCounting':
    case 'ideographDigital': case 'taiwaneseDigital': case 'koreanCounting':
      return chineseCounting(n);
    case 'chineseLegalSimplified': case 'ideographLegalTraditional': case 'japaneseLegal':
      return chineseCounting(n, LEGAL, '拾', '佰');
    case 'ideographTraditional': return n >= 1 && n <= 10 ? STEMS[n - 1]! : String(n);
    case 'decimalFullWidth': case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle': case 'decimalEnclosedCircleChinese': case 'ideographEnclosedCircle':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen': return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop': return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'decimalZero': return n < 10 ? `0${n}` : String(n);
    case 'upperLetter': return letters(n);
    case 'lowerLetter': return letters(n).toLowerCase();
    case 'upperRoman': return roman(n);
    case 'lowerRoman': return roman(n).toLowerCase();
    case 'bullet': case 'none': return '';
    default: return String(n);
  }
}

const val = (el: XmlElement | undefined): string | undefined => el?.attrs['w:val'];
const int = (text: string | undefined, fallback: number): number => {
  const n = text === undefined ? NaN : parseInt(text, 10);
  return Number.isFinite(n) ? n : fallback;
};

function readLevel(lvl: XmlElement): Level {
  return {
    start: int(val(child(lvl, 'w:start')), 1),
    format: val(child(lvl, 'w:numFmt')) ?? 'decimal',
    text: val(child(lvl, 'w:lvlText')) ?? '',
    suffix: val(child(lvl, 'w:suff')) ?? 'tab',
  };
}

/** The list numbers of one document, counted in document order. */
export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly instances = new Map<string, Instance>();
  private readonly styleNumbers = new Map<string, { numId: string; ilvl: number }>();
  private readonly counters = new Map<string, number[]>();

  constructor(numbering: XmlElement | null, styles: XmlElement | null) {
    if (numbering) {
      for (const a of childElements(numbering, 'w:abstractNum')) {
        const levels = new Map<number, Level>();
        for (const lvl of childElements(a, 'w:lvl')) levels.set(int(lvl.attrs['w:ilvl'], 0), readLevel(lvl));
        this.abstracts.set(a.attrs['w:abstractNumId'] ?? '', levels);
      }
      for (const num of childElements(numbering, 'w:num')) {
        const overrides = new Map<number, { start?: number; level?: Level }>();
        for (const o of childElements(num, 'w:lvlOverride')) {
          const startOverride = child(o, 'w:startOverride');
          const lvl = child(o, 'w:lvl');
          overrides.set(int(o.attrs['w:ilvl'], 0), {
            start: startOverride ? int(val(startOverride), 1) : undefined,
            level: lvl ? readLevel(lvl) : undefined,
          });
        }
        this.instances.set(num.attrs['w:numId'] ?? '', { abstractId: val(child(num, 'w:abstractNumId')) ?? '', overrides });
      }
    }
    if (styles) this.readStyles(styles);
  }

  /** Numbering set by paragraph styles, following each style's basedOn chain. */
  private readStyles(styles: XmlElement): void {
    const byId = new Map<string, XmlElement>();
    for (const s of childElements(styles, 'w:style')) if (s.attrs['w:type'] === 'paragraph') byId.set(s.attrs['w:styleId'] ?? '', s);
    for (const id of byId.keys()) {
      let style = byId.get(id);
      for (let depth = 0; style && depth < 20; depth++) {
        const numPr = child(child(style, 'w:pPr'), 'w:numPr');
        const numId = val(child(numPr, 'w:numId'));
        if (numId !== undefined) {
          this.styleNumbers.set(id, { numId, ilvl: int(val(child(numPr, 'w:ilvl')), 0) });
          break;
        }
        const basedOn = val(child(style, 'w:basedOn'));
        style = basedOn === undefined ? undefined : byId.get(basedOn);
      }
    }
  }

  /**
   * The label Word prints before a paragraph with these properties (with the space that follows
   * it), or '' when the paragraph is not numbered. Advances the list's counters.
   */
  label(pPr: XmlElement | undefined): string {
    const numPr = child(pPr, 'w:numPr');
    const style = this.styleNumbers.get(val(child(pPr, 'w:pStyle')) ?? '');
    const numId = val(child(numPr, 'w:numId')) ?? style?.numId;
    if (numId === undefined || numId === '0') return '';
    const ilvl = Math.min(8, Math.max(0, int(val(child(numPr, 'w:ilvl')), style?.ilvl ?? 0)));
    const instance = this.instances.get(numId);
    if (!instance) return '';
    const level = (i: number) => instance.overrides.get(i)?.level ?? this.abstracts.get(instance.abstractId)?.get(i);
    const start = (i: number) => instance.overrides.get(i)?.start ?? level(i)?.start ?? 1;
    const current = level(ilvl);
    if (!current) return '';

    const counters = this.counters.get(numId) ?? [];
    counters[ilvl] = counters[ilvl] === undefined ? start(ilvl) : counters[ilvl]! + 1;
    counters.length = ilvl + 1; // deeper levels restart
    this.counters.set(numId, counters);
    if (current.format === 'bullet') return '';
    const text = current.text.replace(/%([1-9])/g, (_, k: string) => {
      const i = Number(k) - 1;
      return formatNumber(counters[i] ?? start(i), level(i)?.format ?? 'decimal');
    });
    return text === '' ? '' : current.suffix === 'nothing' ? text : `${text} `;
  }
}
