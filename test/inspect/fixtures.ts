/**
 * Attachments generated for the inspection tests (no binaries committed): DOCX packages from raw
 * WordprocessingML (jszip), XLSX workbooks from exceljs, PDFs written byte by byte (Helvetica text,
 * optional image, optional extra objects), ZIP packages with doctored sizes.
 */
import { deflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { residentIdCheckChar } from '../../src/core/applications/identity.js';
import { luhnValid } from '../../src/core/disclosure/pii-scan.js';

/** A valid 18-digit ID number from its first 17 digits. */
export const idNumber = (first17 = '37100219900101123') => first17 + residentIdCheckChar(first17);

/** A card number completed with its Luhn digit. */
export function cardNumber(body = '622202123456789012'): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return body + d;
  throw new Error('unreachable');
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** A paragraph of plain text. */
export const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
/** A table of plain-text cells. */
export const table = (rows: string[][]) => `<w:tbl>${rows.map((r) => `<w:tr>${r.map((c) => `<w:tc>${p(c)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;

/** A .docx with the given body XML and optional comments and properties. */
export async function makeDocx(body: string, options: { comments?: Array<{ author: string; text: string }>; core?: string; app?: string; embedded?: string[]; styles?: string } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', RELS);
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
  if (options.comments) {
    zip.file('word/comments.xml', `<?xml version="1.0" encoding="UTF-8"?><w:comments ${W}>${options.comments.map((c, i) => `<w:comment w:id="${i}" w:author="${c.author}">${p(c.text)}</w:comment>`).join('')}</w:comments>`);
  }
  if (options.core) {
    zip.file('docProps/core.xml', `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">${options.core}</cp:coreProperties>`);
  }
  if (options.app) {
    zip.file('docProps/app.xml', `<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">${options.app}</Properties>`);
  }
  for (const name of options.embedded ?? []) zip.file(`word/embeddings/${name}`, 'PK');
  if (options.styles) zip.file('word/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>${options.styles}</w:styles>`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** An .xlsx built with exceljs by `build`. */
export async function makeXlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * Rewrites the uncompressed size of a part in a ZIP's central directory and local header (a
 * package that lies about its sizes).
 */
export function setDeclaredSize(zip: Uint8Array, partName: string, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 < out.length; i++) {
    if (view.getUint32(i, true) === 0x02014b50) {
      const nameLength = view.getUint16(i + 28, true);
      const name = Buffer.from(out.subarray(i + 46, i + 46 + nameLength)).toString('utf8');
      if (name !== partName) continue;
      view.setUint32(i + 24, size, true);
      const local = view.getUint32(i + 42, true);
      view.setUint32(local + 22, size, true);
    }
  }
  return out;
}

/** A PDF page: its content stream and whether it uses the image /Im1. */
export interface PdfPageSpec {
  content: string;
}

/**
 * A PDF written by hand: one Helvetica font /F1, a 2×2 grey image /Im1 available to every page,
 * `extra` objects appended (their dictionaries as written), `catalogExtra` added to the catalog and
 * `trailerExtra` to the trailer.
 */
export function makePdf(pages: PdfPageSpec[], options: { catalogExtra?: string; extra?: string[]; trailerExtra?: string } = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => { objects.push(body); return objects.length; };
  const catalog = add('');
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const image = add('<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\x80\x80\x80\x80\nendstream');
  const kids: number[] = [];
  for (const page of pages) {
    const stream = add(`<< /Length ${Buffer.byteLength(page.content, 'latin1')} >>\nstream\n${page.content}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> /XObject << /Im1 ${image} 0 R >> >> /Contents ${stream} 0 R >>`));
  }
  for (const extra of options.extra ?? []) add(extra);
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R ${options.catalogExtra ?? ''} >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => { offsets.push(Buffer.byteLength(out, 'latin1')); out += `${i + 1} 0 obj\n${body}\nendobj\n`; });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R ${options.trailerExtra ?? ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** Text drawn at (x, y) in Helvetica 12 (ASCII only), with an optional rendering mode. */
export const pdfText = (x: number, y: number, text: string, mode = 0) => `BT /F1 12 Tf ${mode} Tr ${x} ${y} Td (${text}) Tj ET`;
/** The image /Im1 drawn over the box (x, y, w, h). */
export const pdfImage = (x: number, y: number, w: number, h: number) => `q ${w} 0 0 ${h} ${x} ${y} cm /Im1 Do Q`;

/** An object stream (/ObjStm, FlateDecode) holding one object with the given body. */
export function objectStream(objectNumber: number, body: string): string {
  const header = `${objectNumber} 0 `;
  const data = deflateSync(Buffer.from(header + body, 'latin1')).toString('latin1');
  return `<< /Type /ObjStm /N 1 /First ${header.length} /Filter /FlateDecode /Length ${data.length} >>\nstream\n${data}\nendstream`;
}

/** An .ofd package: OFD.xml with an author, one Content.xml per page of text objects (each line a list of cells). */
export async function makeOfd(pages: string[][][], author?: string): Promise<Uint8Array> {
  const zip = new JSZip();
  const ns = 'xmlns:ofd="http://www.ofdspec.org/2016"';
  zip.file('OFD.xml', `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ${ns} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>1</ofd:DocID>${author ? `<ofd:Author>${author}</ofd:Author>` : ''}</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`);
  zip.file('Doc_0/Document.xml', `<?xml version="1.0" encoding="UTF-8"?><ofd:Document ${ns}/>`);
  pages.forEach((lines, n) => {
    let id = 1;
    const objects = lines.flatMap((cells, row) => cells.map((cell, col) => `<ofd:TextObject ID="${id++}" Boundary="${20 + col * 40} ${20 + row * 10} 40 10" Font="1" Size="3.5"><ofd:TextCode X="0" Y="3">${cell}</ofd:TextCode></ofd:TextObject>`));
    zip.file(`Doc_0/Pages/Page_${n}/Content.xml`, `<?xml version="1.0" encoding="UTF-8"?><ofd:Page ${ns}><ofd:Content><ofd:Layer ID="0">${objects.join('')}</ofd:Layer></ofd:Content></ofd:Page>`);
  });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
