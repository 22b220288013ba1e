/**
 * `npm run bench`: per-operation medians for one annual report (check, interchange import/export,
 * HTML, DOCX, PDF; reading a published report back from text, HTML, DOCX and PDF), with the data
 * size and the machine, compared with the previous run (kept in data/bench-last.json, which is not
 * committed). Parsing is also given as reports per second on one core (one file at a time); the
 * session check as requests/s signed in against the same handler on a public route (bench/auth.ts); importing
 * 10,000 items from XLSX (bench/item-import.ts); the attachment scan of a 100-page DOCX and PDF (bench/inspect.ts);
 * one item through the review chain (bench/items.ts); 5,000 matters from XLSX and one A4 guide PDF with its QR code (bench/matters.ts); the public full-text search (bench/search.ts): index build
 * documents/s and search p50/p95 on a generated corpus; portal pages from the page cache beside a bare route (bench/portal.ts);
 * reading on worker threads (bench/parse-pool.ts): a bulk audit of 1,000 mixed files on the pool against one worker,
 * and the portal's p99 latency while a 50 MB upload is read.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { checkReport } from '../src/core/checks/check-report.js';
import { fromInterchange } from '../src/core/interchange/from-interchange.js';
import { toInterchange } from '../src/core/interchange/to-interchange.js';
import { renderDocx } from '../src/render/docx/render-docx.js';
import { renderHtml } from '../src/render/html/render-html.js';
import { renderPdf } from '../src/render/pdf/render-pdf.js';
import { parseReportFile } from '../src/parse/parse-file.js';
import { renderText } from '../test/parse/render-text.js';
import { applicationFigures } from './application-tables.js';
import { collapsedFigures } from './collapsed-parse.js';
import { authFigures, throughputLines, type SessionThroughput } from './auth.js';
import { inspectFigures } from './inspect.js';
import { itemFigures } from './items.js';
import { itemImportFigures } from './item-import.js';
import { matterFigures } from './matters.js';
import { formatMs, measure, type Figure } from './measure.js';
import { searchFigures } from './search.js';
import { portalFigures, portalLines } from './portal.js';
import { reportTextFigures } from './report-text.js';
import { parsePoolFigures } from './parse-pool.js';

const fixture = new URL('../test/fixtures/full-2021.json', import.meta.url);
const raw = JSON.parse(readFileSync(fixture, 'utf8'));
const report = fromInterchange(raw);
const previous = fromInterchange(JSON.parse(readFileSync(new URL('../test/fixtures/full-2020.json', import.meta.url), 'utf8')));
const filled = Object.values(report.cells).filter((v) => v !== null).length;

console.log(`机器：${os.cpus()[0]?.model ?? '未知 CPU'} × ${os.cpus().length}，${(os.totalmem() / 2 ** 30).toFixed(0)} GiB，Node ${process.version}，${os.platform()} ${os.release()}`);
console.log(`数据：1 份 ${report.year} 年度报告（${report.format} 格式），${Object.keys(report.cells).length} 个单元格（${filled} 个有值），${report.extraRows.length} 个自设行，含上一年度报告用于跨年度检查`);
console.log('');

// The report as agencies publish it: rendered once to each file type, then read back repeatedly.
const published = {
  txt: Buffer.from(renderText(report, 'word')),
  html: Buffer.from(renderHtml(report)),
  docx: await renderDocx(report),
  pdf: await renderPdf(report),
};
const parseCheck = await Promise.all(Object.entries(published).map(async ([type, bytes]) => {
  const result = await parseReportFile(bytes, `report.${type}`);
  return result.error ? `${type}：${result.error}` : null;
}));
if (parseCheck.some(Boolean)) console.log(`注意：读取失败 ${parseCheck.filter(Boolean).join('；')}`);

/** Parse targets in ms per report: ≥ 200 text or HTML reports per second, ≥ 20 DOCX or PDF. */
const PARSE_TARGET = { txt: 5, html: 5, docx: 50, pdf: 50 } as const;

const figures: Figure[] = [
  await measure('check (all rules, with previous year)', () => checkReport(report, { previous }), { runs: 500, warmup: 50, target: 1 }),
  await measure('interchange import (validate)', () => fromInterchange(raw), { runs: 500, warmup: 50 }),
  await measure('interchange export', () => toInterchange(report), { runs: 500, warmup: 50 }),
  await measure('render HTML', () => renderHtml(report), { runs: 200, warmup: 20, target: 10 }),
  await measure('render DOCX', () => renderDocx(report), { runs: 30, warmup: 3, target: 150 }),
  await measure('render PDF', () => renderPdf(report), { runs: 10, warmup: 2, target: 1500 }),
  await measure('parse TXT (Word text export)', () => parseReportFile(published.txt, 'report.txt'), { runs: 300, warmup: 30, target: PARSE_TARGET.txt }),
  await measure('parse HTML', () => parseReportFile(published.html, 'report.html'), { runs: 300, warmup: 30, target: PARSE_TARGET.html }),
  await measure('parse DOCX', () => parseReportFile(published.docx, 'report.docx'), { runs: 60, warmup: 6, target: PARSE_TARGET.docx }),
  await measure('parse PDF', () => parseReportFile(published.pdf, 'report.pdf'), { runs: 40, warmup: 4, target: PARSE_TARGET.pdf }),
  ...await collapsedFigures(),
];

// Issue 4: tables 三+四 counted by the database from 100,000 cases, and deadline recomputation (SQLite; PostgreSQL when reachable).
console.log('');
figures.push(...await applicationFigures());
console.log('');

// Issue 9: importing 10,000 items of an old site from XLSX (≥ 1,000 items/s; SQLite, PostgreSQL when reachable).
figures.push(...await itemImportFigures());
console.log('');

// Issue 12: importing 5,000 matters from XLSX; one A4 办事指南 PDF with its QR code.
figures.push(...await matterFigures());
console.log('');

// Issue 8: the session check on every signed-in request, and argon2id per sign-in attempt.
const auth = await authFigures();
figures.push(...auth.figures);
console.log('');

// Issue 9: the scan before release — a 100-page DOCX and a 100-page PDF inspected (hidden parts, personal data).
figures.push(...await inspectFigures());
console.log('');

// Issue 9: one item published through the review chain (先审查、后公开).
figures.push(...await itemFigures());
console.log('');

// Issue 10: the public full-text search (size: GONGKAI_BENCH_SEARCH_DOCS, see bench/search.ts).
const search = await searchFigures();
figures.push(...search.figures);

// Issue 12: the report's text drafted from the data (sections 一 and 六).
figures.push(...await reportTextFigures());
console.log('');

// Issue 10: portal pages from the page cache, req/s beside a bare Fastify route.
const portal = await portalFigures();

// Issue 11: reading on worker threads — a bulk audit against one worker, the portal while a 50 MB upload is read.
console.log('');
const parsePool = await parsePoolFigures();
for (const line of parsePool.lines) console.log(line);
figures.push(...parsePool.figures);
console.log('');

const lastFile = new URL('../data/bench-last.json', import.meta.url);
const last: Record<string, number> = existsSync(lastFile) ? JSON.parse(readFileSync(lastFile, 'utf8')) : {};
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - s.length));
console.log(`${pad('operation', 40)}${pad('median', 12)}${pad('runs', 6)}${pad('target', 12)}${pad('status', 8)}previous`);
for (const f of figures) {
  const status = f.target === undefined ? '' : f.medianMs < f.target ? 'ok' : 'SLOW';
  const prev = last[f.name] === undefined ? '—' : `${formatMs(last[f.name]!)} (${f.medianMs <= last[f.name]! ? '' : '+'}${(((f.medianMs - last[f.name]!) / last[f.name]!) * 100).toFixed(0)}%)`;
  console.log(`${pad(f.name, 40)}${pad(formatMs(f.medianMs), 12)}${pad(String(f.runs), 6)}${pad(f.target === undefined ? '' : `< ${formatMs(f.target)}`, 12)}${pad(status, 8)}${prev}`);
}

// Throughput: one report at a time on one core (Node runs the parse on its one JavaScript thread).
console.log('');
console.log(`${pad('parse throughput (one core)', 40)}${pad('reports/s', 12)}${pad('', 6)}${pad('target', 12)}status`);
for (const f of figures.filter((x) => x.name.startsWith('parse '))) {
  const rate = 1000 / f.medianMs;
  const goal = 1000 / f.target!;
  console.log(`${pad(f.name, 40)}${pad(rate.toFixed(0), 12)}${pad('', 6)}${pad(`≥ ${goal.toFixed(0)}/s`, 12)}${rate >= goal ? 'ok' : 'SLOW'}`);
}

// The session check: requests/s signed in against the same handler on a public route (target ≥ 90 %).
console.log('');
const SESSION_KEYS = { signedIn: 'session check: req/s signed in', publicRoute: 'session check: req/s public', ratio: 'session check: ratio' } as const;
const previousThroughput = Object.fromEntries(Object.entries(SESSION_KEYS).filter(([, key]) => last[key] !== undefined).map(([k, key]) => [k, last[key]!])) as Partial<SessionThroughput>;
for (const line of throughputLines(auth.throughput, previousThroughput)) console.log(line);

// Index build: documents per second (more is better), per engine and corpus size.
console.log('');
console.log(`${pad('search index build', 56)}${pad('docs/s', 12)}previous`);
for (const [name, rate] of Object.entries(search.buildRates)) {
  const prev = last[name] === undefined ? '—' : `${last[name]!.toFixed(0)} (${rate >= last[name]! ? '+' : ''}${(((rate - last[name]!) / last[name]!) * 100).toFixed(0)}%)`;
  console.log(`${pad(name, 56)}${pad(rate.toFixed(0), 12)}${prev}`);
}
// The portal: cached pages against a bare route (goal ≥ 1/3).
console.log('');
for (const line of portalLines(portal, last)) console.log(line);

mkdirSync(new URL('../data/', import.meta.url), { recursive: true });
writeFileSync(lastFile, JSON.stringify({
  ...Object.fromEntries(figures.map((f) => [f.name, f.medianMs])),
  ...search.buildRates,
  ...Object.fromEntries(Object.entries(SESSION_KEYS).map(([k, key]) => [key, auth.throughput[k as keyof SessionThroughput]])),
  ...Object.fromEntries(portal.map((f) => [`portal: ${f.name}`, f.rps])),
}, null, 2));
