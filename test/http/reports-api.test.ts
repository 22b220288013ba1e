/**
 * The report API end to end on SQLite and PostgreSQL: import of the real seed report keeps every
 * figure and every blank; the create → update → check → publish flow with its status codes; a
 * published report cannot be changed.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { formatCells, getFormat } from '../../src/core/format/registry.js';
import type { InterchangeCell, InterchangeReport } from '../../src/core/interchange/interchange-types.js';
import { approveReport } from '../report-chain-helpers.js';
import { forEachDialect } from '../db-helpers.js';
import { json, seedBytes, seedDocument, sendJson, storedCounts, testApp, type TestApp } from './http-helpers.js';

const full2020 = (): InterchangeReport =>
  JSON.parse(readFileSync(new URL('../fixtures/full-2020.json', import.meta.url), 'utf8')) as InterchangeReport;

const cellId = (c: Pick<InterchangeCell, 'table' | 'row' | 'column'>) => `${c.table}|${c.row.join('/')}|${c.column.join('/')}`;
const findCell = (doc: InterchangeReport, table: string, row: string[], column: string[]) =>
  doc.cells.find((c) => cellId(c) === cellId({ table: table as InterchangeCell['table'], row, column }));

forEachDialect('report API', (ctx) => {
  let t: TestApp;
  before(async () => {
    t = await testApp(ctx);
  });
  after(async () => t.close());

  test('lists agencies, reads one, 404 for an unknown id', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/agencies' });
    assert.equal(list.statusCode, 200);
    const agencies = json<Array<{ id: number; name: string; parentId: number | null; kind: string }>>(list);
    assert.deepEqual(agencies.map((a) => [a.name, a.kind]), [['环翠区人民政府', 'government'], ['威海市环翠区行政审批服务局', 'department']]);
    assert.equal(agencies[1]!.parentId, agencies[0]!.id);
    const one = await t.app.inject({ method: 'GET', url: `/api/agencies/${t.bureauId}` });
    assert.equal(json(one).name, '威海市环翠区行政审批服务局');
    const missing = await t.app.inject({ method: 'GET', url: '/api/agencies/9999' });
    assert.equal(missing.statusCode, 404);
    assert.match(json(missing).message, /未找到机关：编号 9999/);
  });

  test('creates an agency (201), refuses a duplicate name (409) and a missing kind (400)', async () => {
    const created = await sendJson(t.app, 'POST', '/api/agencies', { name: '环翠区司法局', kind: 'department', parentId: t.governmentId });
    assert.equal(created.statusCode, 201);
    assert.equal(json(created).parentId, t.governmentId);
    const again = await sendJson(t.app, 'POST', '/api/agencies', { name: '环翠区司法局', kind: 'department', parentId: t.governmentId });
    assert.equal(again.statusCode, 409);
    assert.match(json(again).message, /环翠区司法局.*已存在/);
    const noKind = await sendJson(t.app, 'POST', '/api/agencies', { name: '环翠区财政局' });
    assert.equal(noKind.statusCode, 400);
    assert.equal(json(noKind).message, '请求体缺少必填字段“kind”');
  });

  test('imports the seed report (201) and GET returns every figure and every blank', async () => {
    const response = await sendJson(t.app, 'POST', '/api/reports/import', seedBytes());
    assert.equal(response.statusCode, 201, response.body);
    const created = json(response);
    assert.equal(created.status, 'draft');
    assert.equal(created.version, 1);
    assert.equal(created.agencyId, t.bureauId);
    assert.equal(created.issuedOn, '2020-01-18');

    const got = json(await t.app.inject({ method: 'GET', url: `/api/reports/${created.id}` }));
    const doc = got.document as InterchangeReport;
    assert.equal(doc.cells.length, formatCells(getFormat('2019')).length, 'every cell of the format is present');
    const seed = seedDocument();
    for (const cell of seed.cells) {
      const back = findCell(doc, cell.table, cell.row, cell.column);
      assert.ok(back, `cell ${cellId(cell)} is returned`);
      assert.equal(back.value, cell.value, `value of ${cellId(cell)}`);
      if (cell.unit !== undefined) assert.equal(back.unit, cell.unit);
    }
    // Figures of the real report, and blanks that stay blanks (null, never 0).
    assert.equal(findCell(doc, '二', ['第二十条第（五）项', '行政许可'], ['处理决定数量'])!.value, 17302);
    assert.deepEqual(
      { value: findCell(doc, '二', ['第二十条第（九）项', '政府集中采购'], ['采购总金额'])!.value, unit: findCell(doc, '二', ['第二十条第（九）项', '政府集中采购'], ['采购总金额'])!.unit },
      { value: 165.51, unit: '万元' },
    );
    assert.equal(findCell(doc, '二', ['第二十条第（一）项', '规章'], ['本年新制作数量'])!.value, null);
    assert.equal(findCell(doc, '三', ['一、本年新收政府信息公开申请数量'], ['总计'])!.value, 0);
    assert.equal(findCell(doc, '三', ['一、本年新收政府信息公开申请数量'], ['自然人'])!.value, null);
    assert.deepEqual(doc.sections.map((s) => s.heading), seed.sections.map((s) => s.heading));
    assert.deepEqual(doc.preamble, seed.preamble);

    const versions = json(await t.app.inject({ method: 'GET', url: `/api/reports/${created.id}/versions` }));
    assert.deepEqual(versions.map((v: { version: number; actor: string }) => [v.version, v.actor]), [[1, '办公室王科长']]);
  });

  test('create → update → check → publish, then the published report is immutable (409)', async () => {
    const created = await sendJson(t.app, 'POST', '/api/reports', { agencyId: t.bureauId, year: 2020 });
    assert.equal(created.statusCode, 201, created.body);
    const report = json(created);
    assert.equal(report.format, '2019', '2020 uses the 2019 trial format');
    assert.ok(report.document.cells.every((c: InterchangeCell) => c.value === null), 'a new report is all blanks');

    const again = await sendJson(t.app, 'POST', '/api/reports', { agencyId: t.bureauId, year: 2020 });
    assert.equal(again.statusCode, 409);

    const updated = await sendJson(t.app, 'PUT', `/api/reports/${report.id}`, { ...full2020(), baseVersion: 1 });
    assert.equal(updated.statusCode, 200, updated.body);
    assert.equal(json(updated).version, 2);
    assert.equal(findCell(json(updated).document, '三', ['一、本年新收政府信息公开申请数量'], ['自然人'])!.value, 15);

    const checked = await t.app.inject({ method: 'POST', url: `/api/reports/${report.id}/check` });
    assert.equal(checked.statusCode, 200, checked.body);
    const { report: afterCheck, checks } = json(checked);
    assert.equal(checks.ok, true, JSON.stringify(checks.results.filter((r: { status: string }) => r.status === 'fail')));
    assert.equal(checks.hardFailures, 0);
    assert.ok(checks.results.length > 10);
    assert.equal(afterCheck.status, 'checked');

    await approveReport(t.db.db, report.id);
    const published = await t.app.inject({ method: 'POST', url: `/api/reports/${report.id}/publish` });
    assert.equal(published.statusCode, 200, published.body);
    assert.equal(json(published).status, 'published');
    assert.equal(json(published).publishedAt !== null, true);

    const before = await storedCounts(t.db);
    const put = await sendJson(t.app, 'PUT', `/api/reports/${report.id}`, { ...full2020(), baseVersion: 2 });
    assert.equal(put.statusCode, 409);
    assert.match(json(put).message, /已发布/);
    const reimport = await sendJson(t.app, 'POST', '/api/reports/import', full2020());
    assert.equal(reimport.statusCode, 409);
    assert.deepEqual(await storedCounts(t.db), before, 'nothing stored after the refusals');

    const versions = json(await t.app.inject({ method: 'GET', url: `/api/reports/${report.id}/versions` }));
    assert.deepEqual(versions.map((v: { version: number }) => v.version).sort(), [1, 2]);
    const v1res = await t.app.inject({ method: 'GET', url: `/api/reports/${report.id}/versions/1` });
    const v1 = json(v1res);
    assert.equal(findCell(v1.document, '三', ['一、本年新收政府信息公开申请数量'], ['自然人'])!.value, null, 'version 1 is unchanged');
    const v9 = await t.app.inject({ method: 'GET', url: `/api/reports/${report.id}/versions/9` });
    assert.equal(v9.statusCode, 404);
    const events = json(await t.app.inject({ method: 'GET', url: `/api/reports/${report.id}/events` }));
    const types = events.map((e: { type: string }) => e.type);
    assert.ok(types.includes('published'), types.join(','));
    assert.ok(events.every((e: { actor: string }) => e.actor === '办公室王科长'));

    const filtered = json(await t.app.inject({ method: 'GET', url: `/api/reports?agencyId=${t.bureauId}&status=published` }));
    assert.deepEqual(filtered.map((r: { year: number }) => r.year), [2020]);
  });

  test('a report that breaks a hard rule is refused for review and publication (409) and it stays a draft', async () => {
    const doc = full2020();
    doc.year = 2021;
    doc.format = '2019';
    doc.title = '威海市环翠区行政审批服务局2021年政府信息公开工作年度报告';
    findCell(doc, '三', ['一、本年新收政府信息公开申请数量'], ['自然人'])!.value = 999;
    const imported = await sendJson(t.app, 'POST', `/api/reports/import?agencyId=${t.bureauId}`, doc);
    assert.equal(imported.statusCode, 201, imported.body);
    const id = json(imported).id;
    const checked = json(await t.app.inject({ method: 'POST', url: `/api/reports/${id}/check` }));
    assert.equal(checked.checks.ok, false);
    assert.ok(checked.checks.hardFailures > 0);
    const failing = checked.checks.results.find((r: { status: string; severity: string }) => r.status === 'fail' && r.severity === 'error');
    assert.ok(failing.cells.some((c: { value: unknown }) => c.value === 999), 'the evidence names the wrong cell');
    // It cannot even go to review: reviewers sign off only what could be published.
    const submit = await t.app.inject({ method: 'POST', url: `/api/reports/${id}/submit` });
    assert.equal(submit.statusCode, 409);
    assert.equal(json(submit).code, 'REPORT_HAS_ERRORS');
    assert.match(json(submit).message, /不能提交审核/);
    const publish = await t.app.inject({ method: 'POST', url: `/api/reports/${id}/publish` });
    assert.equal(publish.statusCode, 409);
    assert.equal(json(publish).code, 'REVIEW_INCOMPLETE');
    assert.match(json(publish).message, /[\u4e00-\u9fa5]/);
    assert.equal(json(await t.app.inject({ method: 'GET', url: `/api/reports/${id}` })).status, 'draft');
  });

  test('unknown report id → 404, non-numeric id → 400, unknown API path → 404 in JSON', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/reports/9999' });
    assert.equal(missing.statusCode, 404);
    assert.deepEqual(json(missing), { code: 'NOT_FOUND', message: '未找到年度报告：编号 9999' });
    const bad = await t.app.inject({ method: 'GET', url: '/api/reports/abc' });
    assert.equal(bad.statusCode, 400);
    assert.equal(json(bad).message, '路径参数“id”应为整数');
    const unknown = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    assert.equal(unknown.statusCode, 404);
    assert.equal(json(unknown).code, 'NOT_FOUND');
    const status = await t.app.inject({ method: 'GET', url: '/api/reports?status=done' });
    assert.equal(status.statusCode, 400);
    assert.equal(json(status).message, '查询参数“status”应为以下之一：draft、checked、published');
  });
});
