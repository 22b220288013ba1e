/**
 * Bad input through the HTTP API: each is refused with the right status and a Chinese message
 * naming the place, and nothing is stored (report, version and event counts unchanged).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { InterchangeReport } from '../../src/core/interchange/interchange-types.js';
import { forEachDialect } from '../db-helpers.js';
import { json, seedBytes, seedDocument, sendJson, storedCounts, testApp, type TestApp } from './http-helpers.js';

/** Index of the seed's table 三 cell 一、本年新收 … 总计 (a count). */
function receivedTotalIndex(doc: InterchangeReport): number {
  const i = doc.cells.findIndex((c) => c.table === '三' && c.row[0] === '一、本年新收政府信息公开申请数量' && c.column[0] === '总计');
  assert.ok(i >= 0);
  return i;
}

interface Case {
  name: string;
  body: () => unknown;
  status: number;
  message: RegExp;
  field?: string | RegExp;
  url?: string;
}

const CASES: Case[] = [
  {
    name: 'a negative count',
    body: () => { const d = seedDocument(); d.cells[receivedTotalIndex(d)]!.value = -1; return d; },
    status: 400, message: /表三“一、本年新收政府信息公开申请数量”行“总计”列应为非负整数，不能为负数 -1/, field: /^cells\[\d+\]\.value$/,
  },
  {
    name: 'a fractional count',
    body: () => { const d = seedDocument(); d.cells[receivedTotalIndex(d)]!.value = 1.5; return d; },
    status: 400, message: /表三“一、本年新收政府信息公开申请数量”行“总计”列应为非负整数，不能为小数 1\.5/, field: /^cells\[\d+\]\.value$/,
  },
  {
    name: 'text in a number cell',
    body: () => { const d = seedDocument(); d.cells[receivedTotalIndex(d)]!.value = '三件'; return d; },
    status: 400, message: /表三“一、本年新收政府信息公开申请数量”行“总计”列应为非负整数，实际为文字“三件”/,
  },
  {
    name: 'an unknown row label',
    body: () => { const d = seedDocument(); d.cells[receivedTotalIndex(d)]!.row = ['一、本年新收申请数'] ; return d; },
    status: 400, message: /表三没有行“一、本年新收申请数”/, field: /^cells\[\d+\]$/,
  },
  {
    name: 'an unknown column label',
    body: () => { const d = seedDocument(); d.cells[receivedTotalIndex(d)]!.column = ['法人或其他组织', '个体工商户']; return d; },
    status: 400, message: /表三行“一、本年新收政府信息公开申请数量”没有列“法人或其他组织 › 个体工商户”/,
  },
  {
    name: 'a year without a national format (2018)',
    body: () => { const d: Partial<InterchangeReport> = seedDocument(); delete d.format; d.year = 2018; return d; },
    status: 400, message: /2018 年度没有适用的政府信息公开工作年度报告国家格式/, field: 'year',
  },
  {
    name: 'duplicate cells',
    body: () => { const d = seedDocument(); d.cells.push({ ...d.cells[receivedTotalIndex(d)]! }); return d; },
    status: 400, message: /表三“一、本年新收政府信息公开申请数量”行“总计”列重复出现（cells\[\d+\] 与 cells\[\d+\]）/,
  },
  {
    name: 'an agency name not in the database',
    body: () => { const d = seedDocument(); d.agency.name = '威海市环翠区不存在局'; return d; },
    status: 404, message: /未找到机关：威海市环翠区不存在局/,
  },
  {
    name: 'an unknown agencyId (9999)',
    url: '/api/reports/import?agencyId=9999',
    body: () => seedBytes(),
    status: 404, message: /未找到机关：编号 9999/,
  },
  {
    name: 'a 20 MB body',
    body: () => Buffer.concat([Buffer.from('{"kind":"gongkai.annual-report","padding":"'), Buffer.alloc(20 * 1024 * 1024, 0x61), Buffer.from('"}')]),
    status: 413, message: /请求体过大：不得超过 10 MB/,
  },
  {
    name: 'invalid UTF-8 bytes',
    body: () => { const b = seedBytes(); const at = b.indexOf(Buffer.from('威海')); b[at] = 0xff; return b; },
    status: 400, message: /请求体不是有效的 UTF-8 文本（第 \d+ 个字节处编码错误）/,
  },
  {
    name: 'malformed JSON',
    body: () => '{\n  "kind": "gongkai.annual-report",\n  "year": 2019,,\n}',
    status: 400, message: /请求体不是有效的 JSON：第 3 行第 16 列语法错误/,
  },
  {
    name: 'truncated JSON',
    body: () => '{"kind": "gongkai.annual-report", "cells": [',
    status: 400, message: /请求体不是有效的 JSON：第 1 行第 45 列内容不完整（意外结束）/,
  },
  {
    name: 'a JSON that is not a report ({"foo":1})',
    body: () => ({ foo: 1 }),
    status: 400, message: /年度报告文件不是年度报告交换格式：应为包含 "kind": "gongkai.annual-report" 和 cells 数组的 JSON 对象/, field: 'kind',
  },
  {
    name: 'a JSON array',
    body: () => [seedDocument()],
    status: 400, message: /年度报告文件不是年度报告交换格式/,
  },
];

forEachDialect('bad input is refused and nothing is stored', (ctx) => {
  let t: TestApp;
  let draftId: number;
  before(async () => {
    t = await testApp(ctx);
    // A draft 2020 report to try the same bad documents as updates (PUT).
    const created = await sendJson(t.app, 'POST', '/api/reports', { agencyId: t.bureauId, year: 2019 });
    assert.equal(created.statusCode, 201, created.body);
    draftId = json(created).id;
  });
  after(async () => t.close());

  for (const c of CASES) {
    test(`import: ${c.name} → ${c.status}`, async () => {
      const before = await storedCounts(t.db);
      const response = await sendJson(t.app, 'POST', c.url ?? '/api/reports/import', c.body());
      assert.equal(response.statusCode, c.status, response.body);
      const body = json(response);
      assert.match(body.message, c.message);
      if (c.field !== undefined) {
        const field = body.problems?.[0]?.place?.field;
        if (typeof c.field === 'string') assert.equal(field, c.field);
        else assert.match(field, c.field);
      }
      assert.deepEqual(await storedCounts(t.db), before, 'nothing stored');
    });
  }

  for (const c of CASES.filter((x) => x.status !== 404)) {
    test(`update: ${c.name} → ${c.status}, the report keeps its version`, async () => {
      const before = await storedCounts(t.db);
      const response = await sendJson(t.app, 'PUT', `/api/reports/${draftId}`, c.body());
      assert.equal(response.statusCode, c.status, response.body);
      assert.match(json(response).message, c.message);
      assert.deepEqual(await storedCounts(t.db), before, 'nothing stored');
      assert.equal(json(await t.app.inject({ method: 'GET', url: `/api/reports/${draftId}` })).version, 1);
    });
  }

  test('the problems list names every bad cell, not only the first', async () => {
    const d = seedDocument();
    const i = receivedTotalIndex(d);
    d.cells[i]!.value = -1;
    d.cells[i + 1]!.value = 2.5;
    const response = await sendJson(t.app, 'POST', '/api/reports/import', d);
    assert.equal(response.statusCode, 400);
    const body = json(response);
    assert.match(body.message, /（共 2 处问题）/);
    assert.deepEqual(body.problems.map((p: { place: { index: number } }) => p.place.index), [i, i + 1]);
  });

  test('a body that is not sent as JSON is refused (415) with a Chinese message', async () => {
    const before = await storedCounts(t.db);
    const response = await t.app.inject({ method: 'POST', url: '/api/reports/import', headers: { 'content-type': 'text/plain' }, payload: 'hello' });
    assert.equal(response.statusCode, 415);
    assert.equal(json(response).message, '不支持的请求体类型，请以 application/json 提交');
    assert.deepEqual(await storedCounts(t.db), before, 'nothing stored');
  });

  test('create: missing field, wrong type, year without format, unknown agency', async () => {
    const before = await storedCounts(t.db);
    const cases: Array<[unknown, number, string | RegExp]> = [
      [{ year: 2020 }, 400, '请求体缺少必填字段“agencyId”'],
      [{ agencyId: t.bureauId, year: '二〇二〇' }, 400, '请求体字段“year”应为整数'],
      [{ agencyId: t.bureauId, year: 2020, format: '2016' }, 400, '请求体字段“format”应为以下之一：2019、2021'],
      [{ agencyId: t.bureauId, year: 2018 }, 400, /2018 年度没有适用的政府信息公开工作年度报告国家格式/],
      [{ agencyId: 9999, year: 2020 }, 404, '未找到机关：编号 9999'],
      [[1, 2], 400, '请求体应为对象'],
    ];
    for (const [body, status, message] of cases) {
      const response = await sendJson(t.app, 'POST', '/api/reports', body);
      assert.equal(response.statusCode, status, `${JSON.stringify(body)}: ${response.body}`);
      if (typeof message === 'string') assert.equal(json(response).message, message);
      else assert.match(json(response).message, message);
    }
    assert.deepEqual(await storedCounts(t.db), before, 'nothing stored');
  });
});
