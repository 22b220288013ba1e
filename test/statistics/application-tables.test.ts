/**
 * Tables 三 and 四 computed from a scripted year of cases, on every database: counts made by hand, every
 * hard rule of the report checks holding, the drill-down listing exactly the counted cases, the 2019
 * fold of （六）, and figures taken "as of" 31 December staying the same after later decisions.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Kysely } from 'kysely';
import { checkReport } from '../../src/core/checks/check-report.js';
import type { FormatId } from '../../src/core/format/format-types.js';
import { newReport } from '../../src/core/report/new-report.js';
import type { Database } from '../../src/db/schema.js';
import { applicationTables, cellCases, withApplicationTables, type ApplicationTables } from '../../src/statistics/statistics.service.js';
import { forEachDialect } from '../db-helpers.js';

const RESULT_ROWS = [
  'r1', 'r2', 'r3-1', 'r3-2', 'r3-3', 'r3-4', 'r3-5', 'r3-6', 'r3-7', 'r3-8', 'r4-1', 'r4-2', 'r4-3',
  'r5-1', 'r5-2', 'r5-3', 'r5-4', 'r5-5', 'r6-1', 'r6-2', 'r6-3',
];
const TYPES = ['natural', 'commercial', 'research', 'welfare', 'legal', 'other'];
const AT = '2027-01-01T00:00:00.000Z';

interface CaseSpec { no: string; type: string; received: string; decided?: string; row?: string }
interface RemedySpec { on: string; kind: 'reconsideration' | 'lawsuit'; after?: 1; filed: string; result: string; decided?: string }

/**
 * The scripted year `y`: carried in from y−1 (one closed in y, one still open at the end of y), one case
 * per result row received and closed in y, two open at the end of y (one decided in y+1), a case of y−1
 * closed in y−1 and one of y+1 (neither counts), and remedies of every kind.
 */
function script(y: number): { cases: CaseSpec[]; remedies: RemedySpec[] } {
  const cases: CaseSpec[] = [
    { no: `${y - 1}-0001`, type: 'natural', received: `${y - 1}-06-01`, decided: `${y - 1}-07-01`, row: 'r1' },
    { no: `${y - 1}-0002`, type: 'natural', received: `${y - 1}-12-20`, decided: `${y}-01-10`, row: 'r1' },
    { no: `${y - 1}-0003`, type: 'commercial', received: `${y - 1}-12-28`, decided: `${y + 1}-01-05`, row: 'r2' },
    ...RESULT_ROWS.map((row, i) => ({
      no: `${y}-${String(i + 1).padStart(4, '0')}`, type: TYPES[i % 6]!,
      received: `${y}-${String(1 + Math.floor(i / 2)).padStart(2, '0')}-05`,
      decided: `${y}-${String(1 + Math.floor(i / 2)).padStart(2, '0')}-25`, row,
    })),
    { no: `${y}-0101`, type: 'legal', received: `${y}-12-20` },
    { no: `${y}-0102`, type: 'research', received: `${y}-12-25`, decided: `${y + 1}-01-08`, row: 'r4-1' },
    { no: `${y + 1}-0001`, type: 'natural', received: `${y + 1}-01-03` },
  ];
  const remedies: RemedySpec[] = [
    { on: `${y}-0001`, kind: 'reconsideration', filed: `${y}-03-01`, result: 'upheld', decided: `${y}-04-01` },
    { on: `${y}-0002`, kind: 'reconsideration', filed: `${y}-05-01`, result: 'corrected', decided: `${y}-06-01` },
    { on: `${y}-0003`, kind: 'reconsideration', filed: `${y}-11-01`, result: 'upheld', decided: `${y + 1}-01-20` },
    { on: `${y}-0004`, kind: 'lawsuit', filed: `${y}-04-01`, result: 'other', decided: `${y}-09-01` },
    { on: `${y}-0005`, kind: 'lawsuit', filed: `${y}-10-01`, result: 'pending' },
    { on: `${y}-0001`, kind: 'lawsuit', after: 1, filed: `${y}-05-10`, result: 'upheld', decided: `${y}-08-01` },
    { on: `${y - 1}-0001`, kind: 'reconsideration', filed: `${y - 1}-11-01`, result: 'corrected', decided: `${y}-01-10` },
  ];
  return { cases, remedies };
}

const STATE: Record<string, string> = { r: 'decided', 'r6-1': 'abandoned', 'r6-2': 'abandoned', 'r6-3': 'withdrawn' };

/** Inserts the script for a new agency; returns the agency id and the case ids by case number. */
async function load(db: Kysely<Database>, name: string, y: number): Promise<{ agencyId: number; ids: Map<string, number> }> {
  const { id: agencyId } = await db.insertInto('agencies')
    .values({ name, parent_id: null, kind: 'department', created_at: AT, created_by: 'test', archived: 0 })
    .returning('id').executeTakeFirstOrThrow();
  const ids = new Map<string, number>();
  const { cases, remedies } = script(y);
  for (const c of cases) {
    const { id } = await db.insertInto('applications').values({
      agency_id: agencyId, case_no: c.no, query_code: `${name}-${c.no}`, channel: 'online', received_on: c.received,
      applicant_type: c.type, subject: '某项政府信息', form_wanted: '电子邮件', state: c.row ? STATE[c.row] ?? 'decided' : 'received',
      due_on: null, decision: null, result_row: c.row ?? null, decided_on: c.decided ?? null, closed_on: c.decided ?? null,
      fee_method: null, fee_amount: null, received_by: '公开办', office: null, handler: null, created_at: AT, updated_at: AT,
    }).returning('id').executeTakeFirstOrThrow();
    ids.set(c.no, Number(id));
  }
  for (const r of remedies) {
    await db.insertInto('remedies').values({
      application_id: ids.get(r.on)!, kind: r.kind, after_reconsideration: r.after ?? 0, filed_on: r.filed,
      result: r.result, decided_on: r.decided ?? null, created_at: AT,
    }).execute();
  }
  return { agencyId, ids };
}

/** Hand-made counts for the scripted year (2021-format rows); omitted cells are 0. */
function expected(format: FormatId): Record<string, number> {
  const e: Record<string, number> = {
    // 一: 21 one-per-row cases (types cycle) + 0101 legal + 0102 research.
    '三:received:natural': 4, '三:received:commercial': 4, '三:received:research': 5, '三:received:welfare': 3,
    '三:received:legal': 4, '三:received:other': 3, '三:received:total': 23,
    // 二: y−1-0002 (natural, closed in y) and y−1-0003 (commercial, still open at the end of y).
    '三:carried-in:natural': 1, '三:carried-in:commercial': 1, '三:carried-in:total': 2,
    // 四: y−1-0003, y-0101 (never decided) and y-0102 (decided on 8 January of y+1).
    '三:carried-out:commercial': 1, '三:carried-out:legal': 1, '三:carried-out:research': 1, '三:carried-out:total': 3,
    '三:r7:natural': 5, '三:r7:commercial': 4, '三:r7:research': 4, '三:r7:welfare': 3, '三:r7:legal': 3, '三:r7:other': 3, '三:r7:total': 22,
    // 行政复议: upheld, corrected, one decided only in y+1 (pending at the end of y); the one filed in y−1 does not count.
    '四:all:reconsideration.upheld': 1, '四:all:reconsideration.corrected': 1, '四:all:reconsideration.pending': 1, '四:all:reconsideration.total': 3,
    '四:all:direct.other': 1, '四:all:direct.pending': 1, '四:all:direct.total': 2,
    '四:all:after.upheld': 1, '四:all:after.total': 1,
  };
  RESULT_ROWS.forEach((row, i) => {
    const r = format === '2019' && row.startsWith('r6-') ? 'r6' : row;
    e[`三:${r}:${TYPES[i % 6]}`] = (e[`三:${r}:${TYPES[i % 6]}`] ?? 0) + 1;
    e[`三:${r}:total`] = (e[`三:${r}:total`] ?? 0) + 1;
  });
  e['三:r1:natural']! += 1; e['三:r1:total']! += 1; // y−1-0002
  return e;
}

/** Every table 三/四 cell of a computed result, compared with the hand counts (0 where none). */
function assertCells(cells: Record<string, number>, want: Record<string, number>): void {
  for (const [key, value] of Object.entries(cells)) assert.equal(value, want[key] ?? 0, key);
  for (const key of Object.keys(want)) assert.ok(key in cells, `missing cell ${key}`);
}

function reportOf(name: string, tables: ApplicationTables) {
  return withApplicationTables(newReport(name, tables.year, tables.format), tables);
}

forEachDialect('tables 三 and 四 from the cases', (ctx) => {
  let a2025: { agencyId: number; ids: Map<string, number> };
  let a2020: { agencyId: number; ids: Map<string, number> };
  before(async () => {
    a2025 = await load(ctx.db, '测试局甲', 2025);
    a2020 = await load(ctx.db, '测试局乙', 2020);
  });

  test('2025 (2021 format) matches the hand counts, every cell a number', async () => {
    const t = await applicationTables(ctx.db, { agencyId: a2025.agencyId, year: 2025 });
    assert.equal(t.format, '2021');
    assert.equal(t.asOf, '2025-12-31');
    assert.equal(Object.keys(t.cells).length, 25 * 7 + 15);
    assertCells(t.cells, expected('2021'));
  });

  test('2020 (2019 format) folds （六）1–3 into （六）', async () => {
    const t = await applicationTables(ctx.db, { agencyId: a2020.agencyId, year: 2020 });
    assert.equal(t.format, '2019');
    assert.equal(t.cells['三:r6:total'], 3);
    assert.ok(!('三:r6-1:total' in t.cells));
    assertCells(t.cells, expected('2019'));
  });

  test('every hard rule holds, also against the previous year computed the same way', async () => {
    for (const [agencyId, year] of [[a2025.agencyId, 2025], [a2020.agencyId, 2020]] as const) {
      const current = reportOf('测试局', await applicationTables(ctx.db, { agencyId, year }));
      const previous = reportOf('测试局', await applicationTables(ctx.db, { agencyId, year: year - 1, format: current.format }));
      // The other tables are left as they were (blank).
      assert.ok(Object.entries(current.cells).filter(([k]) => k.startsWith('二:')).every(([, v]) => v === null));
      const checks = checkReport(current, { previous });
      assert.equal(checks.hardFailures, 0, JSON.stringify(checks.results.filter((r) => r.status === 'fail' && r.severity === 'error')));
      // The rules of tables 三 and 四 were evaluated, not skipped, and the cross-year carry-over holds.
      const mine = checks.results.filter((r) => r.cells.some((c) => c.table === '三' || c.table === '四'));
      assert.ok(mine.filter((r) => r.status === 'pass').length >= 10);
      assert.deepEqual(mine.filter((r) => r.status === 'fail').map((r) => r.id), []);
    }
    // A mid-year "as of" is consistent too.
    const mid = await applicationTables(ctx.db, { agencyId: a2025.agencyId, year: 2025, asOf: '2025-06-30' });
    assert.equal(checkReport(reportOf('测试局', mid)).hardFailures, 0);
    assert.equal(mid.cells['三:received:total'], 12);
  });

  test('drill-down lists exactly the cases counted in each cell', async () => {
    const q = { agencyId: a2025.agencyId, year: 2025 };
    const nos = async (key: string) => (await cellCases(ctx.db, { ...q, cellKey: key })).map((c) => c.caseNo);
    assert.deepEqual(await nos('三:r1:natural'), ['2024-0002', '2025-0001']);
    assert.deepEqual(await nos('三:carried-in:total'), ['2024-0002', '2024-0003']);
    assert.deepEqual(await nos('三:carried-out:total'), ['2024-0003', '2025-0101', '2025-0102']);
    assert.deepEqual(await nos('三:r6-3:other'), []);
    assert.deepEqual(await nos('三:r6-3:research'), ['2025-0021']);
    assert.deepEqual(await nos('四:all:reconsideration.pending'), ['2025-0003']);
    assert.deepEqual(await nos('四:all:after.total'), ['2025-0001']);
    const first = await cellCases(ctx.db, { ...q, cellKey: '三:r1:natural' });
    assert.equal(first[0]!.applicationId, a2025.ids.get('2024-0002'));
    // Every cell: as many cases as its figure.
    const t = await applicationTables(ctx.db, q);
    for (const [key, value] of Object.entries(t.cells)) assert.equal((await cellCases(ctx.db, { ...q, cellKey: key })).length, value, key);
    // 2019 format: （六） drills into the three 2021 rows.
    assert.deepEqual((await cellCases(ctx.db, { agencyId: a2020.agencyId, year: 2020, cellKey: '三:r6:total' })).map((c) => c.caseNo),
      ['2020-0019', '2020-0020', '2020-0021']);
    await assert.rejects(cellCases(ctx.db, { ...q, cellKey: '二:rules:issued' }), { code: 'VALIDATION_FAILED' });
    await assert.rejects(cellCases(ctx.db, { ...q, cellKey: '三:r6:total' }), { code: 'VALIDATION_FAILED' });
  });

  test('figures as of 31 December stay the same after decisions made in the next year', async () => {
    const q = { agencyId: a2025.agencyId, year: 2025 };
    const before2026 = await applicationTables(ctx.db, q);
    // In 2026 the open case is decided and the pending lawsuit ends.
    const open = a2025.ids.get('2025-0101')!;
    await ctx.db.updateTable('applications').set({ state: 'decided', result_row: 'r1', decided_on: '2026-02-02', closed_on: '2026-02-02' })
      .where('id', '=', open).execute();
    await ctx.db.updateTable('remedies').set({ result: 'corrected', decided_on: '2026-03-01' })
      .where('filed_on', '=', '2025-10-01').execute();
    const after2026 = await applicationTables(ctx.db, q);
    assert.deepEqual(after2026.cells, before2026.cells);
    assert.equal(after2026.cells['三:carried-out:legal'], 1);
    assert.deepEqual((await cellCases(ctx.db, { ...q, cellKey: '三:carried-out:legal' })).map((c) => c.caseNo), ['2025-0101']);
    // 2026 sees it carried in and decided.
    const y2026 = await applicationTables(ctx.db, { agencyId: a2025.agencyId, year: 2026 });
    assert.equal(y2026.cells['三:carried-in:total'], 3);
    assert.equal(y2026.cells['三:r1:legal'], 1);
    assert.equal(checkReport(reportOf('测试局', y2026)).hardFailures, 0);
  });

  test('bad period is refused', async () => {
    await assert.rejects(applicationTables(ctx.db, { agencyId: a2025.agencyId, year: 2025, asOf: '2026-01-01' }), { code: 'VALIDATION_FAILED' });
    await assert.rejects(applicationTables(ctx.db, { agencyId: a2025.agencyId, year: 2025, asOf: '2025-02-30' }), { code: 'VALIDATION_FAILED' });
  });
});
