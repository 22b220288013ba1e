/**
 * 索引号 (the identifier of a government information item) from an agency's template. There is no national format
 * (portal-and-security.md A3 §14); the common one is 统一社会信用代码 + '/' + year + '-' + 5-digit sequence
 * (Guangdong: 11441700007280420Y/2021-00050). 目录编制规范: 索引号 is mandatory and unique, so a template must hold
 * a sequence, and the year too, because the sequence restarts each year (scope `index-no:<agencyId>:<year>`).
 *
 * Placeholders: `{code}` (统一社会信用代码), `{year}` (four digits), `{seq}` or `{seq:N}` (the sequence, zero-padded
 * to N digits; a number longer than N is written in full, never cut).
 */
import { ValidationError } from '../errors.js';

/** The default template: 统一社会信用代码/年份-5位序号. */
export const DEFAULT_INDEX_TEMPLATE = '{code}/{year}-{seq:5}';

/** What a 索引号 is made of. */
export interface IndexNoParts {
  code: string;
  year: number;
  seq: number;
}

type Token =
  | { kind: 'text'; text: string }
  | { kind: 'code' }
  | { kind: 'year' }
  | { kind: 'seq'; width: number };

/** A template that cannot be used, with why (in Chinese), or null when it is fine. */
export function templateProblem(template: string): string | null {
  try {
    tokens(template);
    return null;
  } catch (error) {
    if (error instanceof ValidationError) return error.message;
    throw error;
  }
}

/** Refuses a template that cannot give unique numbers (ValidationError naming the field 索引号模板). */
export function validateIndexTemplate(template: string): void {
  tokens(template);
}

function refuse(message: string): never {
  throw new ValidationError(`索引号模板有误：${message}`, { field: 'index_template' });
}

const cache = new Map<string, Token[]>();

function tokens(template: string): Token[] {
  const known = cache.get(template);
  if (known) return known;
  if (template.trim() === '') refuse('模板不能为空。');
  const out: Token[] = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    const ch = template[i]!;
    if (ch === '}') refuse(`第 ${i + 1} 个字符“}”没有对应的“{”。`);
    if (ch !== '{') {
      text += ch;
      i++;
      continue;
    }
    const end = template.indexOf('}', i);
    if (end < 0) refuse(`第 ${i + 1} 个字符“{”没有对应的“}”。`);
    const name = template.slice(i + 1, end);
    if (text) out.push({ kind: 'text', text });
    text = '';
    if (name === 'code') out.push({ kind: 'code' });
    else if (name === 'year') out.push({ kind: 'year' });
    else if (name === 'seq') out.push({ kind: 'seq', width: 1 });
    else if (/^seq:\d+$/.test(name)) {
      const width = Number(name.slice(4));
      if (width < 1 || width > 10) refuse(`序号位数应在 1 到 10 之间，“{${name}}”不可用。`);
      out.push({ kind: 'seq', width });
    } else refuse(`不认识的占位符“{${name}}”，可用的有 {code}（统一社会信用代码）、{year}（年份）、{seq:5}（序号，5 位）。`);
    i = end + 1;
  }
  if (text) out.push({ kind: 'text', text });
  const count = (kind: Token['kind']) => out.filter((t) => t.kind === kind).length;
  if (count('seq') !== 1) refuse('必须恰好含有一个序号占位符 {seq:5}，否则索引号不能唯一。');
  if (count('year') !== 1) refuse('必须恰好含有一个年份占位符 {year}（序号每年重新编起）。');
  if (count('code') > 1) refuse('统一社会信用代码占位符 {code} 只能出现一次。');
  for (let k = 1; k < out.length; k++) {
    if (out[k]!.kind !== 'text' && out[k - 1]!.kind !== 'text') refuse('两个占位符之间需要分隔符（如“/”或“-”），否则索引号无法拆分。');
  }
  cache.set(template, out);
  return out;
}

/** Writes the 索引号 of `parts` by `template` (validated; ValidationError if unusable). */
export function formatIndexNo(template: string, parts: IndexNoParts): string {
  if (!Number.isInteger(parts.seq) || parts.seq < 1) throw new RangeError(`index sequence must be a positive integer: ${parts.seq}`);
  if (!Number.isInteger(parts.year) || parts.year < 1000 || parts.year > 9999) throw new RangeError(`index year must have four digits: ${parts.year}`);
  return tokens(template).map((t) => {
    switch (t.kind) {
      case 'text': return t.text;
      case 'code': return parts.code;
      case 'year': return String(parts.year);
      case 'seq': return String(parts.seq).padStart(t.width, '0');
    }
  }).join('');
}

const patterns = new Map<string, { regex: RegExp; order: Array<'code' | 'year' | 'seq'> }>();

function pattern(template: string) {
  const known = patterns.get(template);
  if (known) return known;
  const order: Array<'code' | 'year' | 'seq'> = [];
  const source = tokens(template).map((t) => {
    if (t.kind === 'text') return t.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    order.push(t.kind);
    if (t.kind === 'code') return '(.+?)';
    if (t.kind === 'year') return '(\\d{4})';
    return `(\\d{${t.width},})`;
  }).join('');
  const made = { regex: new RegExp(`^${source}$`), order };
  patterns.set(template, made);
  return made;
}

/**
 * Reads a 索引号 written by `template` back into its parts, or null if it was not written by it (a number from an
 * old site in another scheme). A template without {code} gives code ''.
 */
export function parseIndexNo(template: string, indexNo: string): IndexNoParts | null {
  const { regex, order } = pattern(template);
  const match = regex.exec(indexNo);
  if (!match) return null;
  const parts: IndexNoParts = { code: '', year: 0, seq: 0 };
  order.forEach((kind, k) => {
    const value = match[k + 1]!;
    if (kind === 'code') parts.code = value;
    else parts[kind] = Number(value);
  });
  if (parts.seq < 1) return null;
  return parts;
}
