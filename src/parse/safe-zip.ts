/**
 * Reading the ZIP packages of DOCX, XLSX and OFD files without being blown up by them (a "zip
 * bomb": a small file whose parts inflate to gigabytes). The central directory is read first and the
 * package refused BEFORE anything is inflated when it has too many entries, when the declared
 * uncompressed sizes add up past the limit, or when one part declares an absurd compression ratio.
 * While reading, every part is inflated with a hard output cap (zlib's maxOutputLength), so sizes
 * that lie are caught too, and the total inflated is capped. ZIP64, encrypted entries and methods
 * other than stored/deflate are refused (Office never writes them for documents of this size).
 *
 * Synchronous on purpose: it runs on a worker thread (inspect-pool.ts), one file at a time.
 */
import { inflateRawSync } from 'node:zlib';

/** Why a package cannot be read. */
export type ZipProblem = 'zip-bomb' | 'encrypted' | 'corrupt';

/** A package refused, with the reason in Chinese (without the file's name: the caller adds it). */
export class ZipError extends Error {
  constructor(readonly problem: ZipProblem, message: string) {
    super(message);
  }
}

/** Limits on what a package may unpack to. */
export interface ZipLimits {
  /** Total uncompressed bytes, declared and actually inflated. */
  maxUnzippedBytes: number;
  /** Entries in the central directory. */
  maxZipEntries: number;
  /** Largest uncompressed/compressed ratio of one part larger than RATIO_FLOOR. */
  maxRatio?: number;
}

/** Parts smaller than this are not judged by their ratio (tiny XML compresses well). */
const RATIO_FLOOR = 1024 * 1024;
/** Office XML compresses 5–30×, very repetitive sheets up to ~150×; bombs go past 1,000×. */
const DEFAULT_RATIO = 300;

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 0x1000000;

/** An opened package: its part names and a reader that inflates one part under the caps. */
export class SafeZip {
  private readonly entries = new Map<string, Entry>();
  private readonly lower = new Map<string, string>();
  private inflated = 0;

  private constructor(private readonly bytes: Uint8Array, private readonly limits: ZipLimits) {}

  /** Reads the central directory and checks the declared sizes. Throws ZipError. */
  static open(bytes: Uint8Array, limits: ZipLimits): SafeZip {
    const zip = new SafeZip(bytes, limits);
    zip.readDirectory();
    return zip;
  }

  /** The part names, in directory order. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  /** Whether the package has a part (names compared without case, as Office does). */
  has(name: string): boolean {
    return this.lower.has(name.toLowerCase());
  }

  /** A part's declared uncompressed size, or null when there is no such part (read() holds it to this). */
  size(name: string): number | null {
    const key = this.lower.get(name.toLowerCase());
    return key === undefined ? null : this.entries.get(key)?.size ?? null;
  }

  /** A part's text (UTF-8), or null when there is no such part. Throws ZipError past a cap. */
  text(name: string): string | null {
    const bytes = this.read(name);
    return bytes === null ? null : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  }

  /** A part's bytes, or null when there is no such part. Throws ZipError past a cap. */
  read(name: string): Uint8Array | null {
    const key = this.lower.get(name.toLowerCase());
    const entry = key === undefined ? undefined : this.entries.get(key);
    if (!entry) return null;
    const b = this.bytes;
    const at = entry.localOffset;
    if (at + 30 > b.length || u32(b, at) !== 0x04034b50) throw new ZipError('corrupt', `压缩包中部件“${entry.name}”的本地文件头损坏`);
    const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
    const end = start + entry.compressedSize;
    if (end > b.length) throw new ZipError('corrupt', `压缩包中部件“${entry.name}”的数据不完整`);
    const data = b.subarray(start, end);
    const budget = this.limits.maxUnzippedBytes - this.inflated;
    let out: Uint8Array;
    if (entry.method === 0) {
      out = data;
    } else {
      // One byte past the declared size: a part that inflates beyond it lied about its size.
      const cap = Math.min(entry.size, budget) + 1;
      try {
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, cap) });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
          throw new ZipError('zip-bomb', `压缩包中部件“${entry.name}”解压后超过声明的大小或总解压上限（疑似“压缩炸弹”）`);
        }
        throw new ZipError('corrupt', `压缩包中部件“${entry.name}”无法解压（数据损坏）`);
      }
    }
    if (out.length > entry.size || out.length > budget) {
      throw new ZipError('zip-bomb', `压缩包中部件“${entry.name}”解压后超过声明的大小或总解压上限（疑似“压缩炸弹”）`);
    }
    this.inflated += out.length;
    return out;
  }

  private readDirectory(): void {
    const b = this.bytes;
    // The end-of-central-directory record: 22 bytes plus a comment of up to 65,535.
    let eocd = -1;
    for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
      if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) { eocd = i; break; }
    }
    if (eocd < 0) throw new ZipError('corrupt', '不是完整的压缩包（找不到中央目录，文件可能不完整）');
    const count = u16(b, eocd + 10);
    const dirSize = u32(b, eocd + 12);
    const dirOffset = u32(b, eocd + 16);
    if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipError('zip-bomb', '压缩包使用 ZIP64 格式（条目或大小超出普通文档的范围）');
    if (count > this.limits.maxZipEntries) {
      throw new ZipError('zip-bomb', `压缩包含 ${count} 个部件，超过上限 ${this.limits.maxZipEntries} 个（疑似“压缩炸弹”）`);
    }
    if (dirOffset + dirSize > b.length) throw new ZipError('corrupt', '压缩包的中央目录损坏（文件可能不完整）');
    const maxRatio = this.limits.maxRatio ?? DEFAULT_RATIO;
    let declared = 0;
    let at = dirOffset;
    for (let n = 0; n < count; n++) {
      if (at + 46 > b.length || u32(b, at) !== 0x02014b50) throw new ZipError('corrupt', '压缩包的中央目录损坏');
      const flags = u16(b, at + 8);
      const method = u16(b, at + 10);
      const compressedSize = u32(b, at + 20);
      const size = u32(b, at + 24);
      const nameLength = u16(b, at + 28);
      const extraLength = u16(b, at + 30);
      const commentLength = u16(b, at + 32);
      const localOffset = u32(b, at + 42);
      const name = Buffer.from(b.buffer, b.byteOffset + at + 46, nameLength).toString(flags & 0x800 ? 'utf8' : 'latin1');
      at += 46 + nameLength + extraLength + commentLength;
      if (flags & 0x1) throw new ZipError('encrypted', '压缩包中的部件已加密');
      if (size === 0xffffffff || compressedSize === 0xffffffff) throw new ZipError('zip-bomb', `压缩包中部件“${name}”使用 ZIP64 大小（超出普通文档的范围）`);
      if (method !== 0 && method !== 8) throw new ZipError('corrupt', `压缩包中部件“${name}”使用了不支持的压缩方法（${method}）`);
      if (method === 0 && size !== compressedSize) throw new ZipError('corrupt', `压缩包中部件“${name}”的大小不一致`);
      declared += size;
      if (declared > this.limits.maxUnzippedBytes) {
        throw new ZipError('zip-bomb', `压缩包解压后超过 ${mib(this.limits.maxUnzippedBytes)}（声明的解压大小，疑似“压缩炸弹”）`);
      }
      if (size > RATIO_FLOOR && size / Math.max(1, compressedSize) > maxRatio) {
        throw new ZipError('zip-bomb', `压缩包中部件“${name}”压缩比异常（${Math.round(size / Math.max(1, compressedSize))} 倍，疑似“压缩炸弹”）`);
      }
      if (name.endsWith('/')) continue;
      this.entries.set(name, { name, method, compressedSize, size, localOffset });
      this.lower.set(name.toLowerCase(), name);
    }
  }
}

/** Bytes as MiB for messages. */
export function mib(bytes: number): string {
  return `${Math.round((bytes / 2 ** 20) * 10) / 10} MB`;
}
