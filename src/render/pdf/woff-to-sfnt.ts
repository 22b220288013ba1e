/**
 * Unpacks a WOFF 1.0 font into the plain TrueType/OpenType (sfnt) file it wraps, with Node's
 * zlib. fontkit can read WOFF itself, but it inflates a table (in pure JavaScript) on every
 * access — for a CJK font that is the 5 MB glyf table once per glyph, minutes per document —
 * while an sfnt is read in place.
 */
import { inflateSync } from 'node:zlib';

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const WOFF_HEADER = 44;
const WOFF_ENTRY = 20;
const SFNT_HEADER = 12;
const SFNT_ENTRY = 16;

/** Whether bytes are a WOFF 1.0 file. */
export function isWoff(bytes: Buffer): boolean {
  return bytes.length >= WOFF_HEADER && bytes.readUInt32BE(0) === WOFF_SIGNATURE;
}

/**
 * Converts a WOFF 1.0 file to the sfnt it wraps: the same tables, decompressed, each 4-byte
 * aligned, in the order of the WOFF directory (sorted by tag, as sfnt requires). Throws on a
 * malformed file instead of producing a font that would render wrong.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (!isWoff(woff)) throw new Error('不是 WOFF 字体文件');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  if (WOFF_HEADER + numTables * WOFF_ENTRY > woff.length) throw new Error('WOFF 字体表目录不完整');

  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = WOFF_HEADER + i * WOFF_ENTRY;
    const tag = woff.readUInt32BE(at);
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const checksum = woff.readUInt32BE(at + 16);
    if (offset + compLength > woff.length) throw new Error('WOFF 字体表超出文件范围');
    const raw = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(raw) : raw;
    if (data.length !== origLength) throw new Error('WOFF 字体表解压后长度不符');
    return { tag, checksum, data };
  });

  const padded = (n: number) => (n + 3) & ~3;
  const size = SFNT_HEADER + numTables * SFNT_ENTRY + tables.reduce((s, t) => s + padded(t.data.length), 0);
  const out = Buffer.alloc(size);
  // Offset table: searchRange etc. as the OpenType spec derives them from the table count.
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange, 10);

  let offset = SFNT_HEADER + numTables * SFNT_ENTRY;
  tables.forEach((table, i) => {
    const at = SFNT_HEADER + i * SFNT_ENTRY;
    out.writeUInt32BE(table.tag, at);
    out.writeUInt32BE(table.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(table.data.length, at + 12);
    table.data.copy(out, offset);
    offset += padded(table.data.length);
  });
  return out;
}
