/**
 * Bench section for issue 12: importing 5,000 matters from one generated XLSX (every column filled, the demo plan's
 * flags and lists) — reading the file, checking every row against the offices and themes, storing matters and
 * versions and the event in one transaction (rolled back, so every run starts alike); and rendering one A4 guide PDF
 * with its QR code. SQLite in a temporary file; PostgreSQL in a throwaway database when reachable.
 */
import ExcelJS from 'exceljs';
import { performance } from 'node:perf_hooks';
import { operator } from '../src/core/actor.js';
import { migrate } from '../src/db/migrations.js';
import { demoMatter } from '../src/demo/demo-matters.js';
import { DEMO_OFFICES } from '../src/demo/demo-matters-plan.js';
import { MATTER_COLUMNS, rowOfMatter } from '../src/matters/matter-columns.js';
import { readMatterFile } from '../src/matters/matter-import-read.js';
import { importMatters } from '../src/matters/matter-import.service.js';
import { NATIONAL_THEMES } from '../src/core/matters/matter-lists.js';
import { renderMatterGuidePdf } from '../src/render/matters/matter-guide-pdf.js';
import { databases } from './application-tables.js';
import { measure, median, type Figure } from './measure.js';

const MATTERS = 5_000;
const RUNS = 3;
const AT = '2026-01-15T08:00:00.000Z';
const ROLLBACK = Symbol('rollback');
const themeName = (key: string) => NATIONAL_THEMES.find((t) => `${t.audience}:${t.code}` === key)?.name ?? key;

async function generatedXlsx(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('事项清单');
  sheet.addRow(MATTER_COLUMNS.map((c) => c.header));
  for (let i = 1; i <= MATTERS; i++) {
    const m = demoMatter(1 + ((i - 1) % 120));
    sheet.addRow(rowOfMatter({ ...m, code: `BENCH${String(i).padStart(6, '0')}`, name: `${m.name}（第 ${i} 项）` }, themeName));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The figures: the import per database, and one guide PDF. */
export async function matterFigures(): Promise<Figure[]> {
  const file = await generatedXlsx();
  console.log(`数据（事项导入）：${MATTERS.toLocaleString('en')} 项事项的 XLSX（${(file.length / 2 ** 20).toFixed(1)} MiB），每项含全部列`);
  const figures: Figure[] = [];
  for (const { label, db, drop } of await databases()) {
    try {
      await migrate(db.db);
      const agencyId = Number((await db.db.insertInto('agencies').values({
        name: '基准测试局（事项导入）', parent_id: null, kind: 'department', created_at: AT, created_by: 'bench', archived: 0,
      }).returning('id').executeTakeFirstOrThrow()).id);
      await db.db.insertInto('matter_offices').values(DEMO_OFFICES.map((name) => ({ agency_id: agencyId, name, archived: 0, created_at: AT, created_by: 'bench' }))).execute();
      const times: number[] = [];
      for (let run = 0; run <= RUNS; run++) {
        await db.db.transaction().execute(async (trx) => {
          const start = performance.now();
          const parsed = await readMatterFile(file, 'matters.xlsx');
          const report = await importMatters(trx, () => AT, parsed, { agencyId, fileName: 'matters.xlsx' }, operator('bench'));
          if (report.created !== MATTERS) throw new Error(`bench import stored ${report.created} of ${MATTERS}: ${report.message} ${report.refused.slice(0, 3).map((r) => r.message).join(' ')}`);
          if (run > 0) times.push(performance.now() - start);
          throw ROLLBACK;
        }).catch((e: unknown) => { if (e !== ROLLBACK) throw e; });
      }
      figures.push({ name: `matter import 5k XLSX (${label})`, medianMs: median(times), runs: RUNS });
    } finally {
      await drop();
    }
  }
  for (const f of figures) console.log(`${f.name}: ${(MATTERS / (f.medianMs / 1000)).toFixed(0)} matters/s`);
  const guide = { matter: demoMatter(1), agencyName: '威海市环翠区行政审批服务局', url: 'https://www.example.gov.cn/matters/1', version: 1, publishedOn: '2019-01-02', themeName };
  figures.push(await measure('matter guide A4 PDF with QR code', () => renderMatterGuidePdf(guide), { runs: 10, warmup: 2 }));
  return figures;
}
