/**
 * The CJK fonts of the PDF report, embedded from the @fontsource npm packages (Noto Serif SC for
 * 宋体/仿宋 text, Noto Sans SC for 黑体 headings): nothing is downloaded and no system font is
 * needed. Each family's main face is the package's "chinese-simplified" file (about 8 000
 * characters: GB 2312, ASCII, full-width punctuation). A character it lacks (①, →, a rare
 * character in an agency's name) is set in the numbered unicode-range slice of the same font that
 * holds it, found through the package's unicode.json and checked with fontkit, so every character
 * of a report gets a real glyph and a ToUnicode entry. Font bytes are read once per process.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { woffToSfnt } from './woff-to-sfnt.js';

/** The two type families of the report. */
export type FamilyKey = 'serif' | 'sans';

/** One font file of a @fontsource package: the slice ("chinese-simplified", "[97]", "latin") and weight. */
interface FaceSpec {
  pkg: 'noto-serif-sc' | 'noto-sans-sc';
  slice: string;
  weight: number;
}

/** Weights of each family: normal text and the `bold: true` face. */
const FAMILIES: Record<FamilyKey, { pkg: FaceSpec['pkg']; normal: number; bold: number }> = {
  // 400 reads like 仿宋/宋体 at 16 pt; 700 gives the heavy 小标宋 look of the title.
  serif: { pkg: 'noto-serif-sc', normal: 400, bold: 700 },
  // 500 is close to the colour of 黑体 headings beside a serif body.
  sans: { pkg: 'noto-sans-sc', normal: 500, bold: 700 },
};

/** pdfmake family names: the main faces, and `Gk<Family>~<slice>` for a fallback slice. */
const FAMILY_NAME: Record<FamilyKey, string> = { serif: 'GkSerif', sans: 'GkSans' };

const MAIN_SLICE = 'chinese-simplified';

/** The fontkit font surface used here (fontkit ships no types). */
interface FontkitFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
  ascent: number;
  descent: number;
  unitsPerEm: number;
}
interface Fontkit {
  create(buffer: Buffer): FontkitFont;
}

const requireHere = createRequire(import.meta.url);

/**
 * fontkit is pdfkit's own dependency (pdfmake → pdfkit → fontkit): resolved from pdfkit's place
 * so the glyph checks use the very library that embeds the fonts, however npm laid out the tree.
 */
let fontkitModule: Fontkit | null = null;
function fontkit(): Fontkit {
  if (!fontkitModule) {
    const pdfkitPath = createRequire(requireHere.resolve('pdfmake')).resolve('pdfkit');
    fontkitModule = createRequire(pdfkitPath)('fontkit') as Fontkit;
  }
  return fontkitModule;
}

const packageDirs = new Map<string, string>();
function packageDir(pkg: string): string {
  let dir = packageDirs.get(pkg);
  if (!dir) {
    dir = dirname(requireHere.resolve(`@fontsource/${pkg}/package.json`));
    packageDirs.set(pkg, dir);
  }
  return dir;
}

/** File name of a face inside its package's files/ folder. */
export function faceFileName(face: FaceSpec): string {
  const slice = face.slice.replace(/^\[(\d+)\]$/, '$1');
  return `${face.pkg}-${slice}-${face.weight}-normal.woff`;
}

/** Name under which a face is stored in pdfmake's virtual file system. */
function virtualName(face: FaceSpec): string {
  return `gongkai-fonts/${faceFileName(face).replace(/\.woff$/, '.ttf')}`;
}

interface LoadedFace {
  bytes: Buffer;
  font: FontkitFont;
}

/** Font bytes (unpacked) and parsed fonts, kept for the life of the process (about 10 MB a face). */
const faces = new Map<string, LoadedFace>();

/** Reads a face from node_modules (once) and parses it for glyph checks. */
function loadFace(face: FaceSpec): LoadedFace {
  const name = faceFileName(face);
  let loaded = faces.get(name);
  if (!loaded) {
    // Stored unpacked: pdfkit then reads glyphs in place instead of inflating a table per glyph.
    const bytes = woffToSfnt(readFileSync(join(packageDir(face.pkg), 'files', name)));
    loaded = { bytes, font: fontkit().create(bytes) };
    faces.set(name, loaded);
  }
  return loaded;
}

/** Unicode ranges of the numbered and named slices of a package (its unicode.json), parsed once. */
const sliceRanges = new Map<string, Array<{ slice: string; ranges: Array<[number, number]> }>>();
function slicesOf(pkg: FaceSpec['pkg']): Array<{ slice: string; ranges: Array<[number, number]> }> {
  let slices = sliceRanges.get(pkg);
  if (!slices) {
    const json = JSON.parse(readFileSync(join(packageDir(pkg), 'unicode.json'), 'utf8')) as Record<string, string>;
    slices = Object.entries(json).map(([slice, text]) => ({
      slice,
      ranges: text.split(',').map((part): [number, number] => {
        const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
        return [parseInt(from!, 16), parseInt(to ?? from!, 16)];
      }),
    }));
    sliceRanges.set(pkg, slices);
  }
  return slices;
}

/** The faces (normal, bold) of a family in one slice. */
function familyFaces(family: FamilyKey, slice: string, pkg = FAMILIES[family].pkg): { normal: FaceSpec; bold: FaceSpec } {
  const f = FAMILIES[family];
  return { normal: { pkg, slice, weight: f.normal }, bold: { pkg, slice, weight: f.bold } };
}

/** Whether both faces of a family slice hold a glyph for a code point. */
function covers(pair: { normal: FaceSpec; bold: FaceSpec }, cp: number): boolean {
  return loadFace(pair.normal).font.hasGlyphForCodePoint(cp) && loadFace(pair.bold).font.hasGlyphForCodePoint(cp);
}

/** Code points that need no glyph (line breaks, tabs, other controls). */
const isControl = (cp: number) => cp < 0x20 || (cp >= 0x7f && cp < 0xa0);

/** pdfmake's font dictionary entry: virtual file names of the normal and bold faces. */
export interface FontFiles {
  normal: string;
  bold: string;
  italics: string;
  bolditalics: string;
}

/** An inline run of text in one pdfmake font family. */
export interface TextRun {
  text: string;
  font?: string;
}

/**
 * The fonts of one document: which pdfmake family sets each character, the font dictionary and
 * the files to put in pdfmake's virtual file system.
 */
export interface FontSet {
  /** pdfmake family name of a family's main faces (GkSerif, GkSans). */
  family(key: FamilyKey): string;
  /** A text as pdfmake inlines: a plain string when the main faces hold every character. */
  runs(text: string, key: FamilyKey): string | TextRun[];
  /** pdfmake `fonts` dictionary: family name → virtual file names. */
  fonts: Record<string, FontFiles>;
  /** Virtual file name → font bytes, for pdfmake's virtual file system. */
  files: Map<string, Buffer>;
  /** Characters passed to `runs` that no embedded face holds (they print as an empty box). */
  missing: string[];
}

/**
 * Finds the family (main or a fallback slice) that holds a character for a family key: the
 * family's main faces, else the slice of the same package whose unicode-range holds it, else the
 * other package's main faces or slice (a sans glyph in a serif text beats an empty box).
 */
function familyForChar(key: FamilyKey, cp: number): { name: string; faces: { normal: FaceSpec; bold: FaceSpec } } | null {
  const order: Array<[FamilyKey, FaceSpec['pkg']]> = [[key, FAMILIES[key].pkg], [key, FAMILIES[key === 'serif' ? 'sans' : 'serif'].pkg]];
  for (const [family, pkg] of order) {
    const main = familyFaces(family, MAIN_SLICE, pkg);
    if (covers(main, cp)) {
      return { name: pkg === FAMILIES[family].pkg ? FAMILY_NAME[family] : `${FAMILY_NAME[family]}~${pkg}`, faces: main };
    }
    for (const { slice, ranges } of slicesOf(pkg)) {
      if (!ranges.some(([from, to]) => cp >= from && cp <= to)) continue;
      const faces = familyFaces(family, slice, pkg);
      if (covers(faces, cp)) return { name: `${FAMILY_NAME[family]}~${pkg === FAMILIES[family].pkg ? '' : `${pkg}~`}${slice}`, faces };
    }
  }
  return null;
}

/** Which family sets a character, per family key and code point (stable for the process). */
const charFamily = new Map<string, { name: string; faces: { normal: FaceSpec; bold: FaceSpec } } | null>();

function resolveChar(key: FamilyKey, cp: number) {
  const id = `${key}:${cp}`;
  if (!charFamily.has(id)) charFamily.set(id, familyForChar(key, cp));
  return charFamily.get(id)!;
}

/**
 * A font set for one document: `runs` assigns every character to a family that holds it and
 * registers the faces used, so after the content is built `fonts` and `files` list exactly the
 * faces the document needs (the two main families always).
 */
export function createFontSet(): FontSet {
  const fonts: Record<string, FontFiles> = {};
  const files = new Map<string, Buffer>();
  const missing = new Set<string>();
  const register = (name: string, pair: { normal: FaceSpec; bold: FaceSpec }) => {
    if (fonts[name]) return;
    for (const face of [pair.normal, pair.bold]) files.set(virtualName(face), loadFace(face).bytes);
    fonts[name] = {
      normal: virtualName(pair.normal), bold: virtualName(pair.bold),
      // Chinese typesetting has no italic: italics map to the upright faces.
      italics: virtualName(pair.normal), bolditalics: virtualName(pair.bold),
    };
  };
  for (const key of ['serif', 'sans'] as const) register(FAMILY_NAME[key], familyFaces(key, MAIN_SLICE));

  return {
    family: (key) => FAMILY_NAME[key],
    runs(value, key) {
      const main = FAMILY_NAME[key];
      const out: TextRun[] = [];
      let plain = true;
      for (const ch of value) {
        const cp = ch.codePointAt(0)!;
        let name = main;
        if (!isControl(cp)) {
          const found = resolveChar(key, cp);
          if (found) {
            name = found.name;
            register(name, found.faces);
          } else {
            missing.add(ch);
          }
        }
        if (name !== main) plain = false;
        const last = out[out.length - 1];
        if (last && (last.font ?? main) === name) last.text += ch;
        else out.push(name === main ? { text: ch } : { text: ch, font: name });
      }
      return plain ? value : out;
    },
    fonts,
    files,
    get missing() {
      return [...missing];
    },
  };
}

/**
 * Line-height factor for pdfmake that gives a family a line pitch in points at a font size
 * (pdfmake multiplies the font's own ascender-to-descender height by it).
 */
export function lineHeightFor(key: FamilyKey, fontSize: number, pitch: number): number {
  return pitch / (lineHeightEm(key) * fontSize);
}

/** Height of a line of a family's main face in ems (ascender to descender), as pdfmake counts it. */
export function lineHeightEm(key: FamilyKey): number {
  const font = loadFace(familyFaces(key, MAIN_SLICE).normal).font;
  return (font.ascent - font.descent) / font.unitsPerEm;
}

const advances = new Map<string, number>();

/**
 * Printed width of a text in points in a family's normal face (advance widths; Chinese text has
 * no kerning). A character the main face lacks counts one em, as the fallback faces set it.
 */
export function textWidth(text: string, key: FamilyKey, fontSize: number): number {
  const font = loadFace(familyFaces(key, MAIN_SLICE).normal).font;
  let ems = 0;
  for (const ch of text) {
    const id = `${key}:${ch}`;
    let w = advances.get(id);
    if (w === undefined) {
      const cp = ch.codePointAt(0)!;
      w = font.hasGlyphForCodePoint(cp) ? font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm : 1;
      advances.set(id, w);
    }
    ems += w;
  }
  return ems * fontSize;
}

/** The fontkit layout surface used by `setWidth` (fontkit ships no types). */
interface FontkitLayout {
  layout(text: string): { advanceWidth: number };
}

const layoutWidths = new Map<string, number>();

/**
 * Printed width of a text in points exactly as pdfkit sets it: the family's normal or bold face,
 * laid out by fontkit (kerning of Latin letters and digits included) in chunks ending at a space,
 * as pdfkit measures. A character the main face lacks counts one em, as the fallback faces set it.
 */
export function setWidth(text: string, key: FamilyKey, fontSize: number, bold = false): number {
  const id = `${key}:${bold ? 'b' : 'n'}:${text}`;
  let ems = layoutWidths.get(id);
  if (ems === undefined) {
    const faces = familyFaces(key, MAIN_SLICE);
    const font = loadFace(bold ? faces.bold : faces.normal).font as FontkitFont & FontkitLayout;
    ems = 0;
    let chunk = '';
    const flush = () => {
      if (chunk !== '') ems! += font.layout(chunk).advanceWidth / font.unitsPerEm;
      chunk = '';
    };
    for (const ch of text) {
      if (!font.hasGlyphForCodePoint(ch.codePointAt(0)!)) {
        flush();
        ems += isControl(ch.codePointAt(0)!) ? 0 : 1;
        continue;
      }
      chunk += ch;
      if (ch === ' ' || ch === '\t') flush();
    }
    flush();
    if (layoutWidths.size > 50_000) layoutWidths.clear();
    layoutWidths.set(id, ems);
  }
  return ems * fontSize;
}
