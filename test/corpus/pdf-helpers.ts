/**
 * Hand-made PDFs for the PDF reader's tests: a minimal PDF writer (pages from content streams,
 * with a correct cross-reference table) for files without a text layer, and a rewriter that
 * changes the drawing of a PDF our renderer made (pdfkit writes plain objects and Flate streams),
 * to imitate other producers: borders drawn as thin filled boxes, or no borders at all.
 */
import { deflateSync, inflateSync } from 'node:zlib';

/** One page of a hand-made PDF: its content stream and the resources it uses. */
export interface HandPage {
  content: string;
  /** The page's /Resources dictionary body, e.g. `/XObject << /Im1 5 0 R >>`. */
  resources?: string;
}

/**
 * Writes a minimal PDF (A4 pages). `objects` are extra objects numbered from 3 + 2 × pages
 * (so a page's resources can refer to them), given as their full text after “N 0 obj”.
 */
export function buildPdf(pages: HandPage[], objects: string[] = []): Buffer {
  const bodies: string[] = [];
  const kids = pages.map((_, i) => `${3 + i * 2} 0 R`).join(' ');
  bodies.push('<< /Type /Catalog /Pages 2 0 R >>');
  bodies.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  pages.forEach((page, i) => {
    bodies.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Contents ${4 + i * 2} 0 R /Resources << ${page.resources ?? ''} >> >>`);
    bodies.push(`<< /Length ${Buffer.byteLength(page.content, 'latin1')} >>\nstream\n${page.content}\nendstream`);
  });
  bodies.push(...objects);
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  bodies.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * Rewrites every Flate content stream of a pdfkit PDF with `edit` and writes the file again
 * with a new cross-reference table (pdfkit writes no object streams, so objects are plain text).
 */
export function rewritePdf(pdf: Uint8Array, edit: (content: string) => string): Buffer {
  const text = Buffer.from(pdf).toString('latin1');
  const objectPattern = /(\d+) 0 obj\n([\s\S]*?)\nendobj\n/g;
  const objects = new Map<number, string>();
  for (const m of text.matchAll(objectPattern)) {
    let body = m[2]!;
    const stream = /^(<<[\s\S]*?>>)\nstream\n([\s\S]*)\nendstream$/.exec(body);
    if (stream && /\/FlateDecode/.test(stream[1]!)) {
      const raw = Buffer.from(stream[2]!, 'latin1');
      let content: string | null = null;
      try { content = inflateSync(raw).toString('latin1'); } catch { content = null; }
      // Only page content streams (they hold text objects) are edited; fonts stay as they are.
      if (content !== null && /\bBT\b/.test(content)) {
        const packed = deflateSync(Buffer.from(edit(content), 'latin1')).toString('latin1');
        body = `${stream[1]!.replace(/\/Length \d+/, `/Length ${Buffer.byteLength(packed, 'latin1')}`)}\nstream\n${packed}\nendstream`;
      }
    }
    objects.set(Number(m[1]), body);
  }
  const trailer = /trailer\n(<<[\s\S]*?>>)\nstartxref/.exec(text)![1]!;
  const size = Math.max(...objects.keys()) + 1;
  let out = text.slice(0, text.indexOf('\n', text.indexOf('%PDF')) + 1);
  const offsets = new Map<number, number>();
  for (const [n, body] of [...objects.entries()].sort((a, b) => a[0] - b[0])) {
    offsets.set(n, Buffer.byteLength(out, 'latin1'));
    out += `${n} 0 obj\n${body}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${size}\n0000000000 65535 f \n`;
  for (let n = 1; n < size; n++) {
    const at = offsets.get(n);
    out += at === undefined ? '0000000000 65535 f \n' : `${String(at).padStart(10, '0')} 00000 n \n`;
  }
  out += `trailer\n${trailer}\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** pdfkit's stroked line: “x1 y1 m x2 y2 l”, colour and state, then S. */
const STROKED_LINE = /(-?[\d.]+) (-?[\d.]+) m\n(-?[\d.]+) (-?[\d.]+) l\n((?:[^\n]*\n)*?)S\n/g;

/** Table borders drawn as thin filled boxes (as Word, WPS and many converters draw them). */
export function bordersAsBoxes(content: string): string {
  return content.replace(STROKED_LINE, (_all, x1: string, y1: string, x2: string, y2: string) => {
    const [a, b, c, d] = [x1, y1, x2, y2].map(Number) as [number, number, number, number];
    const w = 0.5;
    const box = a === c
      ? `${a - w / 2} ${Math.min(b, d)} ${w} ${Math.abs(d - b)} re`
      : `${Math.min(a, c)} ${b - w / 2} ${Math.abs(c - a)} ${w} re`;
    return `q 0 0 0 rg ${box} f Q\n`;
  });
}

/** Table borders not drawn at all (tables set with spaces and tabs). */
export function withoutBorders(content: string): string {
  return content.replace(STROKED_LINE, '');
}

/** A small gray image drawn over the page: a “scan” without a text layer. */
export function scannedPage(): { page: HandPage; image: string } {
  const pixels = Buffer.alloc(8 * 8, 0xc0).toString('latin1');
  return {
    page: { content: 'q 595.28 0 0 841.89 0 0 cm /Im1 Do Q', resources: '/XObject << /Im1 5 0 R >>' },
    image: `<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 64 >>\nstream\n${pixels}\nendstream`,
  };
}

/**
 * The hand-made files of test/corpus/pdf/ (the tests check the files are exactly these):
 * a one-page “scan” (only an image), two pages of only vector paths, a small text PDF, and
 * that text PDF cut off after 70 % of its bytes.
 */
export function handMadeCorpus(): Record<string, Buffer> {
  const scan = scannedPage();
  const text = buildPdf(
    [{ content: 'BT /F1 12 Tf 72 720 Td (Annual report 2021) Tj ET', resources: '/Font << /F1 5 0 R >>' }],
    ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'],
  );
  return {
    'scan-image-only.pdf': buildPdf([scan.page], [scan.image]),
    'vector-only.pdf': buildPdf([
      { content: '0.5 w 50 700 m 545 700 l S 50 600 495 80 re S 100 100 200 50 re f' },
      { content: '1 0 0 RG 60 60 m 500 500 l S' },
    ]),
    'latin-text.pdf': text,
    'truncated.pdf': text.subarray(0, Math.floor(text.length * 0.7)),
  };
}
