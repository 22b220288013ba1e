/**
 * Batch intake for a bulk audit (issue 11): turns an upload — many files, ZIP archives among them — into the list
 * of files to read, each `{ name, bytes }` or `{ name, error }` (a Chinese message for that one file; the batch
 * goes on). Used by the CLI audit (`gongkai audit 某局.zip`, audit-run.ts) and by the saved-audit API.
 *
 * Signature:
 *   planIntake(files: Iterable<UploadFile>, limits?: Partial<IntakeLimits>): PendingEntry[]
 *     Lists what will be read, in order, without inflating any file: each PendingEntry has its `name` and a
 *     `load()` that inflates that one file now (synchronously, under the caps) and returns an IntakeEntry; it never
 *     throws. Call load() when the file is about to be read, and drop the bytes after: memory stays at one file
 *     per reader however large the archive. (Nested archives are inflated while planning, within the budget.)
 *   intakeEntries(files, limits?): Generator<IntakeEntry> — the same, loaded one by one as iterated.
 * Then read each `{ name, bytes }` on the parse pool (src/parse/parse-pool.ts: parseInWorker for the whole result,
 * or sharedParsePool().summarize for the audit row and problems only, with `move: true`), a few at a time, and turn
 * each `{ name, error }` into a row with fileErrorResult(name, error) — as auditFiles in audit-run.ts does.
 *
 * What it does (decisions):
 * - An upload file is expanded as an archive when it is a ZIP that is not an Office package (no
 *   `[Content_Types].xml`; a .docx is a ZIP too) — by its content, whatever its name; a file named .zip that is no
 *   ZIP becomes an error. Entries are named `某局.zip/2021/报告.docx`, sorted by path inside each archive.
 * - Archives inside archives are expanded up to `maxDepth` levels (2: an archive and the archives in it); a deeper
 *   one becomes one error entry.
 * - At most `maxFiles` files (2,000) are read per upload (one planIntake call), across archives: a batch is read on
 *   the worker pool in a few minutes and its rows stay readable. Each archive with files past the cap gives ONE
 *   error entry after its files, named after the archive, saying how many files were not read (a loose file past
 *   the cap gives its own entry). The CLI plans each archive on disk alone, so there the cap is per archive.
 * - Zip bombs are refused before inflating by safe-zip.ts (ZIP64, a part compressed more than 300× — the whole
 *   archive); every part is inflated under its declared size; a part declaring more than `maxFileBytes` (50 MB, as
 *   parseReportFile) is refused without inflating; the total inflated per upload is capped (`maxTotalBytes`,
 *   2 GB), files past it are refused one by one with the reason.
 * - Skipped silently: folders, `__MACOSX/`, hidden names (`.DS_Store`, `._x`), `Thumbs.db`, `desktop.ini`, Office
 *   lock files `~$*` — as audit-run.ts skips them in folders.
 * - Names not flagged UTF-8 (ZIP files made on Chinese Windows) are decoded as GB18030 unless they are valid UTF-8;
 *   `..`, `.`, empty and drive segments and backslashes are neutralised, control characters removed: a name is
 *   only ever a label (nothing is written to disk), but it must not pretend to be elsewhere.
 *
 * Pure apart from zlib (no file system, database or clock). Synchronous: inflating a 50 MB part takes ~0.1 s; a
 * server that expands large uploads should do it off the request thread or part by part (load() per file).
 */
import { SafeZip, ZipError, mib } from '../parse/safe-zip.js';
import { MAX_PARSE_BYTES, tooLargeMessage } from '../parse/parse-file.js';

/** One uploaded (or given) file. */
export interface UploadFile {
  name: string;
  bytes: Uint8Array;
}

/** A file to read, or why it cannot be read (Chinese, without the name, which the entry carries). */
export type IntakeEntry = { name: string; bytes: Uint8Array; error?: undefined } | { name: string; error: string; bytes?: undefined };

/** A file planned for reading: its name now, its bytes when loaded. */
export interface PendingEntry {
  readonly name: string;
  /** Inflates the file (or returns its error); never throws. Load each entry once. */
  load(): IntakeEntry;
}

/** Caps of one upload. */
export interface IntakeLimits {
  /** Files read per upload [2,000]. */
  maxFiles: number;
  /** Levels of archives expanded: 1 = only uploaded archives, 2 = also archives inside them [2]. */
  maxDepth: number;
  /** Bytes inflated per upload, all archives together [2 GiB]. */
  maxTotalBytes: number;
  /** Entries in one archive's directory [65,535, the most a ZIP without ZIP64 holds]. */
  maxZipEntries: number;
  /** Largest file inside an archive [MAX_PARSE_BYTES, 50 MB: what parseReportFile reads]. */
  maxFileBytes: number;
}

/** The default caps (see the file header). */
export const INTAKE_LIMITS: IntakeLimits = {
  maxFiles: 2000,
  maxDepth: 2,
  maxTotalBytes: 2 * 1024 ** 3,
  maxZipEntries: 65_535,
  maxFileBytes: MAX_PARSE_BYTES,
};

/** Largest archive read whole (the CLI refuses a larger .zip before reading it). */
export const MAX_ARCHIVE_BYTES = 1024 ** 3;

const SYSTEM_NAMES = new Set(['thumbs.db', 'desktop.ini', 'ehthumbs.db']);

/** Whether an entry path is a system or hidden file that no one means to audit. */
export function isSystemEntry(path: string): boolean {
  const parts = path.split('/');
  const base = parts.at(-1) ?? '';
  return parts.some((p) => p === '__MACOSX' || p.startsWith('.')) || base.startsWith('~$') || SYSTEM_NAMES.has(base.toLowerCase());
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030');

/**
 * An entry's name as people wrote it. safe-zip.ts decodes names not flagged UTF-8 as latin1, byte for byte: the
 * bytes are recovered and read as UTF-8 when they are valid UTF-8 (some tools omit the flag), else as GB18030 (the
 * code page of Chinese Windows, whose built-in ZIP and WinRAR write it).
 */
export function decodeEntryName(latin1: string, utf8Flag = false): string {
  // A character past U+00FF means safe-zip decoded the name as UTF-8 (flagged) already.
  if (utf8Flag || !/[\u0080-\u00ff]/.test(latin1) || /[^\u0000-\u00ff]/.test(latin1)) return latin1;
  const bytes = Buffer.from(latin1, 'latin1');
  try {
    return utf8Strict.decode(bytes);
  } catch {
    return gb18030.decode(bytes);
  }
}

/** A path inside an archive made safe to show: `/` separators, no `..`/`.`/empty/drive segments, no controls. */
export function neutralisePath(path: string): string {
  const parts = path.replace(/\\/g, '/').split('/')
    // eslint-disable-next-line no-control-regex
    .map((p) => p.replace(/[\u0000-\u001f\u007f]/g, '').trim())
    .filter((p, i) => p !== '' && p !== '.' && p !== '..' && !(i === 0 && /^[a-z]:$/i.test(p)));
  return parts.join('/') || '未命名文件';
}

/** Whether bytes begin as a ZIP archive (a local file header, or the end record of an empty archive). */
export const isZipMagic = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && ((b[2] === 0x03 && b[3] === 0x04) || (b[2] === 0x05 && b[3] === 0x06));
const zipNamed = (name: string) => /\.zip$/i.test(name);

/** The shared state of one upload: files planned and bytes inflated so far. */
interface Budget {
  limits: IntakeLimits;
  planned: number;
  inflated: number;
}

const errorEntry = (name: string, error: string): PendingEntry => ({ name, load: () => ({ name, error }) });

/** Why an archive could not be opened, for its one entry. */
function openError(error: unknown): string {
  if (error instanceof ZipError) {
    if (error.problem === 'zip-bomb') return `压缩包被拒绝，未解压：${error.message}`;
    if (error.problem === 'encrypted') return '压缩包已加密（设有密码），无法读取；请解除密码后重新打包上传';
    return `压缩包已损坏，无法打开：${error.message}`;
  }
  return `压缩包无法打开（${error instanceof Error ? error.message : String(error)}）`;
}

/**
 * Opens `bytes` as an archive when it is one: a ZIP that is not an Office or OFD package. Returns null for a file
 * to read as it is, an Error for a file named .zip that cannot be opened (its message for the entry).
 */
function openArchive(name: string, bytes: Uint8Array, limits: IntakeLimits): SafeZip | Error | null {
  if (!isZipMagic(bytes)) return zipNamed(name) ? new ZipError('corrupt', '不是 ZIP 格式的压缩包（文件头不符）') : null;
  let zip: SafeZip;
  try {
    // The declared total is judged per file below (only the files actually read count), not over the whole
    // directory: an archive of 10,000 reports is read up to the cap, not refused as a bomb.
    zip = SafeZip.open(bytes, { maxUnzippedBytes: Number.MAX_SAFE_INTEGER, maxZipEntries: limits.maxZipEntries });
  } catch (error) {
    // A damaged package that is not named .zip goes to the reader, which names what it is (a broken DOCX).
    return zipNamed(name) ? (error as Error) : null;
  }
  // An Office or OFD package (a .docx, even one named .zip) is a document for the reader, not an archive.
  return zip.has('[Content_Types].xml') || zip.has('OFD.xml') ? null : zip;
}

/** Plans one archive's files (recursively for nested archives) into `out`. */
function planArchive(zipName: string, zip: SafeZip, depth: number, budget: Budget, out: PendingEntry[]): void {
  const { limits } = budget;
  const files = zip.names()
    .map((raw) => ({ raw, path: neutralisePath(decodeEntryName(raw)) }))
    .filter((f) => !isSystemEntry(f.path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (files.length === 0) {
    out.push(errorEntry(zipName, zip.names().length === 0 ? '压缩包中没有文件' : '压缩包中没有可读取的文件（只有文件夹或系统文件）'));
    return;
  }
  for (const [i, file] of files.entries()) {
    if (budget.planned >= limits.maxFiles) {
      const left = files.length - i;
      out.push(errorEntry(zipName, `压缩包中另有 ${left} 个文件未读取：每次最多读取 ${limits.maxFiles} 个文件，请将其余文件分批上传`));
      return;
    }
    const name = `${zipName}/${file.path}`;
    const size = zip.size(file.raw) ?? 0;
    if (zipNamed(file.path)) {
      if (depth >= limits.maxDepth) {
        budget.planned++;
        out.push(errorEntry(name, `压缩包嵌套超过 ${limits.maxDepth} 层，未展开；请解压后上传其中的文件`));
        continue;
      }
      const inner = inflate(zip, file.raw, size, budget, MAX_ARCHIVE_BYTES);
      if ('error' in inner) {
        budget.planned++;
        out.push(errorEntry(name, inner.error));
        continue;
      }
      const opened = openArchive(name, inner.bytes, limits);
      if (opened instanceof SafeZip) {
        planArchive(name, opened, depth + 1, budget, out);
        continue;
      }
      budget.planned++;
      if (opened instanceof Error) out.push(errorEntry(name, openError(opened)));
      else out.push({ name, load: () => ({ name, bytes: inner.bytes }) });
      continue;
    }
    budget.planned++;
    out.push({ name, load: () => loadEntry(zip, file.raw, name, size, budget) });
  }
}

/** Inflates one part under the caps: its declared size first, then the upload's total. */
function inflate(zip: SafeZip, raw: string, size: number, budget: Budget, maxBytes: number): { bytes: Uint8Array } | { error: string } {
  if (size > maxBytes) {
    return { error: maxBytes === MAX_ARCHIVE_BYTES ? `压缩包过大（解压后 ${mib(size)}），超过 ${mib(MAX_ARCHIVE_BYTES)}，未展开；请分成几个压缩包上传` : tooLargeMessage(size) };
  }
  if (budget.inflated + size > budget.limits.maxTotalBytes) {
    return { error: `本次上传解压后的总量超过上限 ${mib(budget.limits.maxTotalBytes)}，该文件未解压；请分批上传` };
  }
  try {
    const bytes = zip.read(raw);
    if (bytes === null) return { error: '压缩包中找不到该文件' };
    budget.inflated += bytes.length;
    return { bytes };
  } catch (error) {
    if (error instanceof ZipError) return { error: error.problem === 'zip-bomb' ? `${error.message}，该文件未读取` : error.message };
    return { error: `无法解压（${(error as Error).message}）` };
  }
}

function loadEntry(zip: SafeZip, raw: string, name: string, size: number, budget: Budget): IntakeEntry {
  const result = inflate(zip, raw, size, budget, budget.limits.maxFileBytes);
  return 'error' in result ? { name, error: result.error } : { name, bytes: result.bytes };
}

/**
 * Lists the files of an upload to read, in order (see the file header): archives expanded, errors as entries.
 * Nothing is inflated except nested archives; each entry's load() inflates its file. Never throws.
 */
export function planIntake(files: Iterable<UploadFile>, limits: Partial<IntakeLimits> = {}): PendingEntry[] {
  const budget: Budget = { limits: { ...INTAKE_LIMITS, ...limits }, planned: 0, inflated: 0 };
  const out: PendingEntry[] = [];
  for (const file of files) {
    const opened = openArchive(file.name, file.bytes, budget.limits);
    if (opened instanceof SafeZip) {
      if (budget.planned >= budget.limits.maxFiles) {
        out.push(errorEntry(file.name, `压缩包未读取：每次最多读取 ${budget.limits.maxFiles} 个文件，请分批上传`));
        continue;
      }
      planArchive(file.name, opened, 1, budget, out);
      continue;
    }
    if (budget.planned >= budget.limits.maxFiles) {
      out.push(errorEntry(file.name, `未读取：每次最多读取 ${budget.limits.maxFiles} 个文件，请分批上传`));
      continue;
    }
    budget.planned++;
    if (opened instanceof Error) out.push(errorEntry(file.name, openError(opened)));
    else out.push({ name: file.name, load: () => ({ name: file.name, bytes: file.bytes }) });
  }
  return out;
}

/** The files of an upload, loaded one by one as iterated (planIntake, then load()). */
export function* intakeEntries(files: Iterable<UploadFile>, limits: Partial<IntakeLimits> = {}): Generator<IntakeEntry> {
  for (const entry of planIntake(files, limits)) yield entry.load();
}
