/**
 * Bench section for collapsed text (issue 11): reading reports whose text came from a crawl — line
 * breaks and spaces collapsed, tables 三 and 四 run together or irregularly spaced — through the
 * text reader and the engine, one report at a time on this thread. The reports are generated from
 * the two full fixtures (both formats) with the test helper's seeded variants; the figure is the
 * median per report over all of them, given as reports/s with the other parse figures (goal ≥ 200/s).
 */
import { readFileSync } from 'node:fs';
import { fromInterchange } from '../src/core/interchange/from-interchange.js';
import { readReport } from '../src/core/parse/read-report.js';
import { readText } from '../src/parse/read-text.js';
import { collapseText, type CollapseMode } from '../test/parse/collapse-text.js';
import { renderText } from '../test/parse/render-text.js';
import { measure, type Figure } from './measure.js';

/** Target per report, ms (≥ 200 reports/s). */
const TARGET = 5;

/** The collapsed-text parse figure. */
export async function collapsedFigures(): Promise<Figure[]> {
  const texts: Buffer[] = [];
  for (const path of ['../test/fixtures/full-2020.json', '../test/fixtures/full-2021.json']) {
    const tsv = renderText(fromInterchange(JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'))), 'tsv');
    for (const mode of ['spaces', 'glued', 'partial'] as CollapseMode[]) {
      for (let seed = 1; seed <= 5; seed++) texts.push(Buffer.from(collapseText(tsv, mode, { seed, lines: seed })));
    }
  }
  const failed = texts.map((t) => readReport(readText(t)).error).filter(Boolean);
  if (failed.length) console.log(`注意：折叠文本读取失败 ${failed.length} 份：${failed[0]}`);
  let i = 0;
  const figure = await measure('parse collapsed text (crawled)', () => readReport(readText(texts[i++ % texts.length]!)), { runs: 300, warmup: 30, target: TARGET });
  console.log(`折叠文本（网页抓取）：${texts.length} 份生成的报告（两种格式，空格合并、数字连写、空格不规则），每份中位 ${figure.medianMs.toFixed(2)} ms，约 ${(1000 / figure.medianMs).toFixed(0)} 份/秒`);
  return [figure];
}

if (import.meta.url === `file://${process.argv[1]}`) await collapsedFigures();
