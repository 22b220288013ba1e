import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPdf } from '../../test/corpus/pdf-helpers.js';
import { readPages } from './pdf-document.js';
import { documentOptions, pdfEngine } from './pdf-engine.js';
import { groupLines, multiply } from './pdf-text.js';

/** Text set with every positioning operator: Td, TD, T*, TL, ', ", Tc, Tw, Tz, Ts, TJ, cm, q/Q. */
const CONTENT = [
  'BT /F1 12 Tf 14 TL 72 720 Td (First line) Tj T* (Second line) Tj',
  '0 -28 TD (After TD) Tj T* (Leading from TD) Tj',
  'T* 2 Tc (Spaced) Tj 0 Tc',
  "(Quote line) '",
  '3 0 (Double quote) "',
  '0 Tw 0 Tc 150 Tz 0 -20 Td (Wide) Tj 100 Tz',
  '0 -20 Td [(Ke) 200 (rned) -1000 (gap)] TJ',
  '0 -20 Td 5 Ts (Raised) Tj 0 Ts ET',
  'q 2 0 0 2 50 100 cm BT /F1 10 Tf 0 0 Td (Scaled) Tj ET Q',
  'BT /F1 10 Tf 1 0 0 1 300 60 Tm (After Q) Tj ET',
].join('\n');

const pdf = () => buildPdf(
  [{ content: CONTENT, resources: '/Font << /F1 5 0 R >>' }],
  ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'],
);

test('text positions from the operator list agree with pdf.js text content', async () => {
  const [page] = await readPages(pdf());
  // pdf.js's own text layer for the same page, as the reference.
  const { pdfjs, worker } = await pdfEngine();
  const doc = await pdfjs.getDocument(documentOptions(new Uint8Array(pdf()), worker)).promise;
  const p = await doc.getPage(1);
  const viewport = p.getViewport({ scale: 1 }).transform;
  const items = (await p.getTextContent()).items.flatMap((item) => ('str' in item && item.str.trim() ? [item] : []));
  await doc.destroy();

  const lines = groupLines(page!.runs).map((l) => l.text);
  assert.deepEqual(lines, [
    'First line', 'Second line', 'After TD', 'Leading from TD', 'Spaced', 'Quote line', 'Double quote', 'Wide',
    'Kerned gap', 'Raised', 'Scaled', 'After Q',
  ]);
  for (const item of items) {
    const m = multiply(viewport, item.transform as number[]);
    const word = item.str.trim().split(' ')[0]!;
    const run = page!.runs.find((r) => r.text.startsWith(word.slice(0, 3)) && Math.abs(r.x - m[4]!) < 1 && Math.abs(r.y - m[5]!) < 1);
    assert.ok(run, `run for “${item.str}” at ${m[4]!.toFixed(1)}, ${m[5]!.toFixed(1)}`);
    assert.ok(Math.abs(run.size - Math.hypot(m[2]!, m[3]!)) < 0.01, `size of “${item.str}”`);
  }
  // Widths follow the font's metrics, character spacing and horizontal scaling.
  const width = (text: string) => groupLines(page!.runs).filter((l) => l.text === text).map((l) => l.x1 - l.x0)[0]!;
  const plain = width('Wide') / 1.5;
  assert.ok(Math.abs(plain - 12 * 0.001 * (944 + 222 + 556 + 556)) < 0.5, `Wide: ${plain}`);
  assert.ok(Math.abs(width('Spaced') - (12 * 0.001 * (667 + 556 + 556 + 500 + 556 + 556) + 5 * 2)) < 0.5, 'Spaced');
});
