/**
 * Bench section for issue 9 Deliver 10: importing 10,000 items of an old site from one generated XLSX (bodies of a
 * few paragraphs of HTML, every column filled, 10 % with their own 索引号), target ≥ 1,000 items/s — reading and
 * checking the file, then storing items, versions, portal publications and the event in one transaction. Each run
 * is rolled back, so every run starts alike. SQLite in a temporary file; PostgreSQL in a throwaway database when
 * reachable.
 */
import ExcelJS from 'exceljs';
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import { operator } from '../src/core/actor.js';
import { migrate } from '../src/db/migrations.js';
import type { Database } from '../src/db/schema.js';
import { ITEM_COLUMNS } from '../src/disclosure/item-import-columns.js';
import { readItemFile } from '../src/disclosure/item-import-read.js';
import { importItems } from '../src/disclosure/item-import.service.js';
import { databases } from './application-tables.js';
import { measure, median, type Figure } from './measure.js';

const ITEMS = 10_000;
const RUNS = 3;
const AT = '2026-01-15T08:00:00.000Z';
const CODE = '11371002MB2858591X';
const ROLLBACK = Symbol('rollback');
const CATEGORIES = ['政策法规/规范性文件', '政策法规/其他文件', '机构职能', '行政许可/办理结果'];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The generated file: 10,000 rows of every column. */
async function generatedXlsx(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('信息');
  sheet.addRow(ITEM_COLUMNS.map((c) => c.header));
  for (let i = 1; i <= ITEMS; i++) {
    const year = 2015 + (i % 10);
    const written = `${year}-${pad(1 + (i % 12))}-${pad(1 + (i % 27))}`;
    const published = `${year}-${pad(1 + (i % 12))}-${pad(2 + (i % 27))}`;
    const cells: Record<string, string> = {
      索引号: i % 10 === 0 ? `${CODE}/${year}-${pad(50_000 + i, 5)}` : '',
      标题: `关于做好第 ${i} 项行政审批服务工作的通知`,
      内容概述: `第 ${i} 项工作的目标、措施和要求`,
      目录分类: CATEGORIES[i % CATEGORIES.length]!,
      发布机构: '威海市环翠区行政审批服务局',
      文号: `威环审批发〔${year}〕${i}号`,
      成文日期: written, 发布日期: published, 主题分类: '综合政务', 主题词: '行政审批 服务 通知',
      公开属性: '主动公开', 有效性: i % 7 === 0 ? '废止' : '有效', 文件类型: i % 5 === 0 ? '行政规范性文件' : '',
      制定日期: i % 5 === 0 ? written : '', 修订日期: '', 废止日期: i % 35 === 0 ? published : '',
      正文: `<p>各科室：</p><p>${'根据《中华人民共和国政府信息公开条例》和上级有关要求，现就有关事项通知如下。'.repeat(4)}</p><p>特此通知。</p>`,
    };
    sheet.addRow(ITEM_COLUMNS.map((c) => cells[c.header] ?? ''));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function agencyWithCatalogue(db: Kysely<Database>): Promise<number> {
  const agencyId = Number((await db.insertInto('agencies').values({
    name: '基准测试局（信息导入）', parent_id: null, kind: 'department', created_at: AT, created_by: 'bench', archived: 0, credit_code: CODE,
  }).returning('id').executeTakeFirstOrThrow()).id);
  const ids = new Map<string, number>();
  let position = 0;
  for (const path of CATEGORIES) {
    let parent: number | null = null;
    const segments = path.split('/');
    for (let k = 0; k < segments.length; k++) {
      const key = segments.slice(0, k + 1).join('/');
      if (!ids.has(key)) {
        const row = await db.insertInto('catalogue_nodes').values({
          agency_id: agencyId, parent_id: parent, name: segments[k]!, art20_item: null, position: ++position, details: null, archived: 0, created_at: AT, updated_at: AT,
        }).returning('id').executeTakeFirstOrThrow();
        ids.set(key, Number(row.id));
      }
      parent = ids.get(key)!;
    }
  }
  return agencyId;
}

/** The figures: reading the file, and reading + importing it per database; with items/s lines printed. */
export async function itemImportFigures(): Promise<Figure[]> {
  const file = await generatedXlsx();
  console.log(`数据（信息导入）：${ITEMS.toLocaleString('en')} 条信息的 XLSX（${(file.length / 2 ** 20).toFixed(1)} MiB），每条含全部列和约 200 字的 HTML 正文`);
  const figures: Figure[] = [await measure('item import: read + sanitise 10k XLSX', () => readItemFile(file, 'items.xlsx'), { runs: RUNS, warmup: 1 })];
  for (const { label, db, drop } of await databases()) {
    try {
      await migrate(db.db);
      const agencyId = await agencyWithCatalogue(db.db);
      const times: number[] = [];
      for (let run = 0; run <= RUNS; run++) {
        await db.db.transaction().execute(async (trx) => {
          const start = performance.now();
          const parsed = await readItemFile(file, 'items.xlsx');
          const report = await importItems(trx, () => AT, parsed, { agencyId, fileName: 'items.xlsx' }, operator('bench'));
          if (report.imported !== ITEMS) throw new Error(`bench import stored ${report.imported} of ${ITEMS}: ${report.message} ${report.refused.slice(0, 3).map((r) => r.message).join(' ')}`);
          if (run > 0) times.push(performance.now() - start); // run 0 warms up
          throw ROLLBACK;
        }).catch((e: unknown) => { if (e !== ROLLBACK) throw e; });
      }
      figures.push({ name: `item import 10k XLSX (${label})`, medianMs: median(times), runs: RUNS, target: ITEMS });
    } finally {
      await drop();
    }
  }
  for (const f of figures.filter((x) => x.name.startsWith('item import 10k'))) {
    const rate = ITEMS / (f.medianMs / 1000);
    console.log(`${f.name}: ${rate.toFixed(0)} items/s（目标 ≥ 1,000 items/s）${rate >= 1000 ? ' ok' : ' SLOW'}`);
  }
  return figures;
}
