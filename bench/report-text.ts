/**
 * Bench section for the report's text drafted from the data (issue 12, Deliver 5): (a) the prose of sections 一
 * and 六 from the figures of a full report (pure: drafting and finding every figure again); (b) the whole use case
 * on SQLite in a temporary file — 300 published items on three channels and the tables counted from the data,
 * the text drafted and saved as a new version in one transaction, as the API runs it. Target: under 200 ms.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agencyService } from '../src/agencies/agency.service.js';
import { operator } from '../src/core/actor.js';
import { systemClock } from '../src/core/clock.js';
import { fromInterchange } from '../src/core/interchange/from-interchange.js';
import { cellFigures } from '../src/core/report/cell-figures.js';
import { draftReportText, locateFigures, withDraftedText, type TextFigure } from '../src/core/report/draft-text.js';
import { openSqlite } from '../src/db/database.js';
import { migrate } from '../src/db/migrations.js';
import { reportText } from '../src/reports/report-text.js';
import { reportService } from '../src/reports/report.service.js';
import { insertItem, insertPublication } from '../test/disclosure-fixtures.js';
import { measure, type Figure } from './measure.js';

const TARGET = 200;
const CHANNELS = ['portal', 'wechat', 'notice-board'];

/** The figures: drafting alone, and the whole use case with the counting in the database. */
export async function reportTextFigures(): Promise<Figure[]> {
  const doc = fromInterchange(JSON.parse(readFileSync(new URL('../test/fixtures/full-2021.json', import.meta.url), 'utf8')));
  const figures = new Map<string, TextFigure>(cellFigures(doc.format, doc.cells).map((f) => [f.key, { ...f, source: '表格', link: null }]));
  const pure = await measure('report text: draft + locate (pure)', () => {
    const drafted = draftReportText({ year: doc.year, figures });
    locateFigures(withDraftedText(doc, drafted), drafted.marks, figures);
  }, { runs: 500, warmup: 50, target: 5 });

  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-text-'));
  const db = openSqlite(join(dir, 'bench.sqlite'));
  try {
    await migrate(db.db);
    const clock = systemClock;
    const actor = operator('bench');
    const agency = await agencyService(db.db, clock).create({ name: '威海市环翠区行政审批服务局', kind: 'department' }, actor);
    for (let i = 0; i < 300; i++) {
      const day = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      const id = await insertItem(db.db, agency.id, { written_on: day, published_on: day });
      await insertPublication(db.db, agency.id, id, CHANNELS[i % 3]!, day);
    }
    const report = await db.db.transaction().execute((trx) => reportService(trx, clock).create({ agencyId: agency.id, year: 2025 }, actor));
    let version = report.version;
    const full = await measure('report text: draft from the data (SQLite)', async () => {
      const result = await db.db.transaction().execute((trx) => reportText(trx, clock).draft(report.id, version, actor, '2025-12-31'));
      version = result.report.version;
    }, { runs: 30, warmup: 3, target: TARGET });
    console.log(`年度报告正文：按数据起草第一、六部分（300 条已发布信息、3 个渠道，表三、表四由办理数据统计）并保存为新版本：中位数 ${full.medianMs.toFixed(1)} ms（目标 < ${TARGET} ms）；`
      + `仅起草与比对（纯计算）：${(pure.medianMs * 1000).toFixed(0)} µs`);
    return [pure, full];
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
