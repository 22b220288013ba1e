import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FORMATS } from '../../core/format/registry.js';
import { createFontSet, textWidth } from './pdf-fonts.js';
import { isWoff, woffToSfnt } from './woff-to-sfnt.js';

const require = createRequire(import.meta.url);
const seedText = readFileSync(new URL('../../demo/huancui-approval-bureau-2019.json', import.meta.url), 'utf8');

/** Every label of every format (headings, captions, row and column labels, notes). */
const formatText = JSON.stringify(FORMATS);

/** Characters a report prints besides its own text: full-width punctuation, dashes, page numbers. */
const printed = '（）“”‘’、。：；，／《》〔〕！？—·％　0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.,:;/()%+-年月日';

test('WOFF unpacks to a TrueType file fontkit reads with the same glyphs', () => {
  const path = require.resolve('@fontsource/noto-serif-sc/files/noto-serif-sc-latin-400-normal.woff');
  const woff = readFileSync(path);
  assert.ok(isWoff(woff));
  const sfnt = woffToSfnt(woff);
  assert.equal(sfnt.readUInt32BE(0), 0x00010000, 'TrueType outlines');
  const fontkit = createRequire(createRequire(require.resolve('pdfmake')).resolve('pdfkit'))('fontkit') as {
    create(b: Buffer): { numGlyphs: number; hasGlyphForCodePoint(cp: number): boolean; glyphForCodePoint(cp: number): { advanceWidth: number } };
  };
  const [a, b] = [fontkit.create(woff), fontkit.create(sfnt)];
  assert.equal(b.numGlyphs, a.numGlyphs);
  for (const ch of 'Ag0%') assert.equal(b.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth, a.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth);
  assert.throws(() => woffToSfnt(Buffer.from('not a font at all, just some bytes here to be long enough')), /不是 WOFF/);
});

test('the embedded faces hold every character of the seed, the format labels and the usual punctuation', () => {
  const fonts = createFontSet();
  for (const family of ['serif', 'sans'] as const) {
    fonts.runs(seedText, family);
    fonts.runs(formatText, family);
    fonts.runs(printed, family);
  }
  assert.deepEqual(fonts.missing, []);
});

test('a character the main face lacks is set in the font slice that holds it', () => {
  const fonts = createFontSet();
  // ① ② → are not in the chinese-simplified file; the numbered unicode-range slices hold them.
  const runs = fonts.runs('其中:①借助②通过→公开', 'serif');
  assert.ok(Array.isArray(runs));
  const fallback = runs.filter((r) => r.font);
  assert.deepEqual(fallback.map((r) => r.text).join(''), '①②→');
  for (const r of fallback) {
    assert.match(r.font!, /^GkSerif~/);
    assert.ok(fonts.fonts[r.font!], 'the slice is registered for pdfmake');
  }
  assert.equal(runs.map((r) => r.text).join(''), '其中:①借助②通过→公开');
  // Text the main face holds stays a plain string.
  assert.equal(fonts.runs('第二十条第（九）项 165.51万元', 'serif'), '第二十条第（九）项 165.51万元');
  // Every registered face is in the virtual files, loaded from node_modules.
  for (const files of Object.values(fonts.fonts)) {
    assert.ok(fonts.files.has(files.normal) && fonts.files.has(files.bold));
  }
});

test('advance widths: Chinese characters one em, digits narrower', () => {
  assert.equal(textWidth('政府信息', 'serif', 10), 40);
  const digits = textWidth('2019', 'serif', 10);
  assert.ok(digits > 15 && digits < 30, `四个数字宽 ${digits}`);
});
