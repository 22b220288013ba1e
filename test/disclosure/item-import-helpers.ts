/**
 * Helpers of the item import tests: an agency with a 统一社会信用代码 and a small catalogue, spreadsheets made in
 * memory (XLSX, CSV in UTF-8 or GB18030), and counts of what an import stores.
 */
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';

/** A 统一社会信用代码 of the right shape. */
export const CODE = '11371002MB2858591X';
export const AT = '2026-01-15T08:00:00.000Z';

let agencies = 0;

/**
 * An agency with a 统一社会信用代码 (its own, unless given or null: 索引号 are unique across agencies) and its catalogue:
 * 政策法规/{规范性文件,其他文件}, 机构职能, archived 旧栏目.
 */
export async function agencyWithCatalogue(db: Kysely<Database>, name: string, given?: string | null, template: string | null = null) {
  const code = given === undefined ? `11371002MB28${String(++agencies).padStart(5, '0')}X` : given;
  const agency = await db.insertInto('agencies').values({ name, parent_id: null, kind: 'department', created_at: AT, created_by: 'test', archived: 0, credit_code: code, index_template: template })
    .returning('id').executeTakeFirstOrThrow();
  const agencyId = Number(agency.id);
  return { agencyId, code: code ?? '', nodes: await addCatalogue(db, agencyId) };
}

/** The test catalogue of an agency: 政策法规/{规范性文件,其他文件}, 机构职能, archived 旧栏目 (node ids by key). */
export async function addCatalogue(db: Kysely<Database>, agencyId: number) {
  const node = async (nodeName: string, parentId: number | null, position: number, archived = 0, art20: string | null = null) => Number((await db.insertInto('catalogue_nodes').values({
    agency_id: agencyId, parent_id: parentId, name: nodeName, art20_item: art20, position, details: null, archived, created_at: AT, updated_at: AT,
  }).returning('id').executeTakeFirstOrThrow()).id);
  const policy = await node('政策法规', null, 1, 0, '1');
  const normative = await node('规范性文件', policy, 1, 0, '1');
  const other = await node('其他文件', policy, 2);
  const functions = await node('机构职能', null, 2, 0, '2');
  const old = await node('旧栏目', null, 3, 1);
  return { policy, normative, other, functions, old };
}

/** The import headers in order. */
export const HEADERS = ['索引号', '标题', '内容概述', '目录分类', '发布机构', '文号', '成文日期', '发布日期', '主题分类', '主题词', '公开属性', '有效性', '文件类型', '制定日期', '修订日期', '废止日期', '正文'];

/** A good row; `over` changes cells by header. */
export function row(n: number, over: Record<string, string> = {}): string[] {
  const base: Record<string, string> = {
    索引号: '', 标题: `关于第 ${n} 项工作的通知`, 内容概述: `第 ${n} 项工作的安排`, 目录分类: '政策法规/其他文件', 发布机构: '威海市环翠区行政审批服务局',
    文号: `威环审批发〔2019〕${n}号`, 成文日期: '2019-03-01', 发布日期: '2019-03-05', 主题分类: '综合政务', 主题词: '审批 通知', 公开属性: '主动公开',
    有效性: '有效', 文件类型: '', 制定日期: '', 修订日期: '', 废止日期: '', 正文: `<p>第 ${n} 项工作。</p>`,
  };
  return HEADERS.map((h) => over[h] ?? base[h]!);
}

/** An XLSX workbook with these rows under the headers. */
export async function xlsxOf(rows: string[][], headers: string[] = HEADERS): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('信息');
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** CSV text of these rows under the headers. */
export function csvOf(rows: string[][], headers: string[] = HEADERS): string {
  const quote = (c: string) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return [headers, ...rows].map((r) => r.map(quote).join(',')).join('\r\n');
}

let gbTable: Map<string, number[]> | null = null;

/** Encodes text as GB18030 (two-byte codes and ASCII, which is all the test files use), as Excel saves a CSV on a Chinese Windows. */
export function gb18030(text: string): Buffer {
  if (!gbTable) {
    gbTable = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbTable.has(ch)) gbTable.set(ch, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbTable.get(ch);
      if (!pair) throw new Error(`no GB18030 two-byte code for ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

/** What the import stores, counted. */
export async function counts(db: Kysely<Database>, agencyId?: number) {
  const count = async (table: 'items' | 'item_versions' | 'channel_publications' | 'disclosure_events') => {
    let q = db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
    if (agencyId !== undefined && table !== 'item_versions') q = q.where('agency_id', '=', agencyId);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  return { items: await count('items'), versions: await count('item_versions'), publications: await count('channel_publications'), events: await count('disclosure_events') };
}
