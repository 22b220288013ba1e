/**
 * ZIP archives for the intake tests, written byte by byte so a test can give any name bytes (GBK without the UTF-8
 * flag, as Chinese Windows writes them), any declared size (a part that lies about its size) and thousands of
 * entries quickly. Stored or deflated parts; no ZIP64, no encryption.
 */
import { crc32, deflateRawSync } from 'node:zlib';

/** One part: its name (text, written as UTF-8 with the flag, or raw bytes without it) and content. */
export interface ZipPart {
  name: string | Uint8Array;
  data: Uint8Array | string;
  /** Deflate the part [false: stored]. */
  deflate?: boolean;
  /** Declare this uncompressed size instead of the true one (a lying part). */
  declaredSize?: number;
}

/** A ZIP archive of the parts, in order. */
export function makeZip(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const utf8 = typeof part.name === 'string';
    const name = typeof part.name === 'string' ? Buffer.from(part.name, 'utf8') : Buffer.from(part.name);
    const data = typeof part.data === 'string' ? Buffer.from(part.data, 'utf8') : Buffer.from(part.data);
    const body = part.deflate ? deflateRawSync(data) : data;
    const size = part.declaredSize ?? data.length;
    const flags = utf8 ? 0x800 : 0;
    const method = part.deflate ? 8 : 0;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(part.deflate ? size : body.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(flags, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(body.length, 20);
    entry.writeUInt32LE(part.deflate ? size : body.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += 30 + name.length + body.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** A minimal PNG signature and header: an image, whatever its name says. */
export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
