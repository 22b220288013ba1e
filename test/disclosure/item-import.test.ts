import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Kysely } from 'kysely';
import { operator, type Actor } from '../../src/core/actor.js';
import { fixedClock } from '../../src/core/clock.js';
import type { Database } from '../../src/db/schema.js';
import { nextNumber } from '../../src/db/sequences.js';
import { exportItemsXlsx } from '../../src/disclosure/item-export-xlsx.js';
import { readItemFile } from '../../src/disclosure/item-import-read.js';
import { importItems, type ItemImportOptions } from '../../src/disclosure/item-import.service.js';
import { forEachDialect } from '../db-helpers.js';
import { AT, agencyWithCatalogue, counts, csvOf, gb18030, HEADERS, row, xlsxOf } from './item-import-helpers.js';

const clock = fixedClock(AT);
const actor: Actor = { id: null, name: '信息公开专职人员张三' } as Actor;

async function run(db: Kysely<Database>, bytes: Buffer, fileName: string, options: Omit<ItemImportOptions, 'fileName'>, who: Actor = actor) {
  const parsed = await readItemFile(bytes, fileName);
  return db.transaction().execute((trx) => importItems(trx, clock, parsed, { fileName, ...options }, who));
}

forEachDialect('item import', (ctx) => {
  test('a good file is stored as published before the platform, with 索引号, versions, portal publications and one event', async () => {
    const { agencyId, nodes, code: CODE } = await agencyWithCatalogue(ctx.db, '甲局');
    const file = await xlsxOf([
      row(1, { 成文日期: '2019/3/1', 发布日期: '2019年3月5日' }),
      row(2, { 索引号: '', 目录分类: ' 政策法规 / 规范性文件 ', 文件类型: '行政规范性文件', 制定日期: '2019-03-01', 正文: '<p onclick="x()">正文<script>alert(1)</script></p>' }),
      row(3, { 发布日期: '2020-01-02', 成文日期: '2019-12-30', 公开属性: '', 有效性: '', 正文: '第一段\n第二段 <不是标签' }),
    ]);
    const report = await run(ctx.db, file, '旧网站信息.xlsx', { agencyId });
    assert.equal(report.stored, true, report.message);
    assert.equal(report.imported, 3);
    assert.deepEqual(report.refused, []);
    assert.match(report.message, /已从“旧网站信息.xlsx”导入 3 条已发布的信息/);
    assert.ok(report.warnings.some((w) => w.row === 3 && w.column === '正文' && /已删除不安全的内容（事件属性（onclick）、脚本（<script>））/.test(w.message)), JSON.stringify(report.warnings));

    const items = await ctx.db.selectFrom('items').selectAll().where('agency_id', '=', agencyId).orderBy('id').execute();
    assert.deepEqual(items.map((i) => i.index_no), [`${CODE}/2019-00001`, `${CODE}/2019-00002`, `${CODE}/2020-00001`]);
    assert.deepEqual(items.map((i) => [i.state, i.origin, Number(i.version), Number(i.published_version)]), Array(3).fill(['published', 'imported', 1, 1]));
    assert.deepEqual(items.map((i) => [i.written_on, i.published_on]), [['2019-03-01', '2019-03-05'], ['2019-03-01', '2019-03-05'], ['2019-12-30', '2020-01-02']]);
    assert.equal(Number(items[1]!.category_id), nodes.normative);
    assert.equal(items[1]!.normative_kind, 'normative');
    assert.equal(items[1]!.made_on, '2019-03-01');
    assert.doesNotMatch(items[1]!.body_html, /script|onclick/);
    assert.equal(items[2]!.body_html, '<p>第一段</p><p>第二段 &lt;不是标签</p>');
    // Versions in the editor's shape (the portal reads every version alike); on the portal, so in the search index.
    const snapshot = JSON.parse((await ctx.db.selectFrom('item_versions').select('snapshot').where('item_id', '=', items[1]!.id).executeTakeFirstOrThrow()).snapshot);
    assert.equal(snapshot.categoryId, nodes.normative);
    assert.equal(snapshot.normativeKind, 'normative');
    assert.deepEqual(snapshot.attachments, []);
    const indexed = await ctx.db.selectFrom('search_documents').select(['doc_id', 'index_no', 'url']).where('doc_kind', '=', 'item').orderBy('doc_id').execute();
    assert.deepEqual(indexed.map((d) => d.url), items.map((i) => `/items/${i.id}`));
    assert.equal(items[2]!.disclosure, 'active');
    assert.equal(items[2]!.validity, 'valid');

    const versions = await ctx.db.selectFrom('item_versions').selectAll().where('item_id', 'in', items.map((i) => i.id)).execute();
    assert.equal(versions.length, 3);
    assert.equal(JSON.parse(versions[0]!.snapshot).title, items.find((i) => i.id === versions[0]!.item_id)!.title);
    const publications = await ctx.db.selectFrom('channel_publications').selectAll().where('agency_id', '=', agencyId).orderBy('subject_id').execute();
    assert.deepEqual(publications.map((p) => [p.subject_kind, p.channel, p.published_on, Number(p.subject_version), p.actor]),
      items.map((i) => ['item', 'portal', i.published_on, 1, actor.name]));
    const events = await ctx.db.selectFrom('disclosure_events').selectAll().where('agency_id', '=', agencyId).execute();
    assert.equal(events.length, 1);
    assert.deepEqual({ ...JSON.parse(events[0]!.data!), itemIds: undefined }, { fileName: '旧网站信息.xlsx', rows: 3, imported: 3, refusedRows: 0, warnings: 1, itemIds: undefined });
    assert.equal(events[0]!.actor, actor.name);
  });

  test('bad inputs: each refusal names the row and the column in Chinese, and nothing is stored', async () => {
    const { agencyId, code: CODE } = await agencyWithCatalogue(ctx.db, '乙局');
    await run(ctx.db, await xlsxOf([row(1, { 索引号: `${CODE}/2019-00001` })]), '先有的.xlsx', { agencyId });
    // A second live root named 机构职能: the path no longer names one category.
    await ctx.db.insertInto('catalogue_nodes').values({ agency_id: agencyId, parent_id: null, name: '机构职能', art20_item: null, position: 9, details: null, archived: 0, created_at: AT, updated_at: AT }).execute();
    const before = await counts(ctx.db);
    const file = await xlsxOf([
      row(1, { 目录分类: '不存在的分类' }),
      row(2, { 成文日期: '2019-02-30' }),
      row(3, { 索引号: `${CODE}/2019-00001` }),
      row(4, { 发布日期: '2019-02-01' }),
      row(5, { 发布日期: '2026-02-01' }),
      row(6, { 公开属性: '内部公开', 有效性: '作废' }),
      row(7, { 目录分类: '旧栏目' }),
      row(8, { 标题: '', 发布机构: '  ' }),
      row(9, { 索引号: 'X/1' }),
      row(10, { 索引号: 'X/1' }),
      row(11, { 文号: '威环审批发〔2019〕1号' }),
      row(12),
      row(13, { 文号: '威环审批发〔2019〕12号' }),
      row(14, { 目录分类: '机构职能' }),
    ]);
    const report = await run(ctx.db, file, '有问题的.xlsx', { agencyId });
    assert.equal(report.stored, false);
    assert.equal(report.imported, 0);
    const messages = report.refused.map((r) => r.message);
    const expect = [
      [2, '目录分类', /^第 2 行“目录分类”：本机关的主动公开目录中没有分类“不存在的分类”/],
      [3, '成文日期', /^第 3 行“成文日期”：2019-02-30 不是有效日期/],
      [4, '索引号', new RegExp(`^第 4 行“索引号”：${CODE}/2019-00001 已被已有的信息使用`)],
      [5, '发布日期', /^第 5 行“发布日期”：2019-02-01 早于成文日期 2019-03-01/],
      [6, '发布日期', /^第 6 行“发布日期”：2026-02-01 晚于今天（2026-01-15）/],
      [7, '公开属性', /^第 7 行“公开属性”：不认识“内部公开”/],
      [7, '有效性', /^第 7 行“有效性”：不认识“作废”/],
      [8, '目录分类', /^第 8 行“目录分类”：本机关的主动公开目录中没有分类“旧栏目”/],
      [9, '标题', /^第 9 行“标题”：不能为空/],
      [9, '发布机构', /^第 9 行“发布机构”：不能为空/],
      [11, '索引号', /^第 11 行“索引号”：X\/1 与第 10 行重复/],
      [15, '目录分类', /^第 15 行“目录分类”：本机关的主动公开目录中有 2 个分类的路径都是“机构职能”，无法确定归入哪一个/],
    ] as const;
    for (const [rowNo, column, pattern] of expect) {
      assert.ok(report.refused.some((r) => r.row === rowNo && r.column === column && pattern.test(r.message)), `${rowNo} ${column}: ${messages.join('\n')}`);
    }
    assert.equal(report.refused.length, expect.length, messages.join('\n'));
    assert.equal(report.refusedRows, 10);
    // Duplicate 文号 in one agency and year: warned, not refused (an existing item's and another row's).
    assert.deepEqual(report.warnings.map((w) => [w.row, w.column, w.message]), [
      [2, '文号', '第 2 行“文号”：威环审批发〔2019〕1号 与本机关 2019 年已有信息的文号相同，请核对。'],
      [12, '文号', '第 12 行“文号”：威环审批发〔2019〕1号 与第 2 行的文号相同（同一年度），请核对。'],
      [14, '文号', '第 14 行“文号”：威环审批发〔2019〕12号 与第 13 行的文号相同（同一年度），请核对。'],
    ]);
    assert.match(report.message, /有 10 行被拒绝.*未导入任何信息/);
    assert.deepEqual(await counts(ctx.db), before);
  });

  test('--skip-refused imports the good rows and reports the others; a dry run stores nothing', async () => {
    const { agencyId, code: CODE } = await agencyWithCatalogue(ctx.db, '丙局');
    const file = await xlsxOf([row(1), row(2, { 成文日期: '2019-13-01' }), row(3)]);
    const dry = await run(ctx.db, file, 'a.xlsx', { agencyId, skipRefused: true, dryRun: true });
    assert.deepEqual([dry.stored, dry.imported, dry.refusedRows], [false, 2, 1]);
    assert.match(dry.message, /试导入.*可导入 2 条.*未保存/);
    assert.equal((await counts(ctx.db, agencyId)).items, 0);
    const report = await run(ctx.db, file, 'a.xlsx', { agencyId, skipRefused: true });
    assert.deepEqual([report.stored, report.imported, report.refusedRows], [true, 2, 1]);
    assert.match(report.refused[0]!.message, /^第 3 行“成文日期”：2019-13-01 不是有效日期/);
    assert.deepEqual(report.indexNos, { first: `${CODE}/2019-00001`, last: `${CODE}/2019-00002` });
    assert.deepEqual(await counts(ctx.db, agencyId), { items: 2, versions: (await counts(ctx.db)).versions, publications: 2, events: 1 });
  });

  test('CSV in GB18030, UTF-8 with BOM and without; tolerant headers; a missing column refuses the file', async () => {
    const { agencyId } = await agencyWithCatalogue(ctx.db, '丁局');
    const headers = HEADERS.map((h) => (h === '标题' ? ' 标 题 ' : h === '发布日期' ? '*发布日期（必填）' : h));
    const text = csvOf([row(1, { 内容概述: '含逗号，和"引号"的,概述' }), row(2)], headers);
    const gb = await run(ctx.db, gb18030(text), 'gb.csv', { agencyId });
    assert.equal(gb.imported, 2, gb.message);
    const stored = await ctx.db.selectFrom('items').select(['title', 'summary']).where('agency_id', '=', agencyId).orderBy('id').execute();
    assert.equal(stored[0]!.title, '关于第 1 项工作的通知');
    assert.equal(stored[0]!.summary, '含逗号，和"引号"的,概述');
    const bom = await run(ctx.db, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvOf([row(3)]))]), 'bom.csv', { agencyId });
    assert.equal(bom.imported, 1, bom.message);
    const plain = await run(ctx.db, Buffer.from(csvOf([row(4)])), 'plain.csv', { agencyId });
    assert.equal(plain.imported, 1, plain.message);
    // A title row above the headers, as old sites' exports have: row numbers stay the sheet's.
    const titled = await run(ctx.db, await xlsxOf([[], HEADERS, row(5, { 成文日期: '2019-02-30' })], ['丁局政府信息公开目录（导出）']), 'titled.xlsx', { agencyId });
    assert.match(titled.refused[0]!.message, /^第 4 行“成文日期”：2019-02-30 不是有效日期/);
    const missing = await run(ctx.db, Buffer.from(csvOf([row(5).slice(1)], HEADERS.slice(1).map((h) => (h === '目录分类' ? '栏目' : h)))), 'x.csv', { agencyId, skipRefused: true });
    assert.equal(missing.stored, false);
    assert.deepEqual(missing.refused.map((r) => r.message), ['第 1 行（表头）缺少必需的列“目录分类”。']);
    assert.match(missing.warnings[0]!.message, /不认识的列“栏目”/);
  });

  test('explicit 索引号 move the sequence past them; an agency without 统一社会信用代码 is told how to set it', async () => {
    const { agencyId, code: CODE } = await agencyWithCatalogue(ctx.db, '戊局');
    const report = await run(ctx.db, await xlsxOf([row(1, { 索引号: `${CODE}/2019-00007` }), row(2), row(3, { 索引号: '旧网站编号-001' })]), 'a.xlsx', { agencyId });
    assert.equal(report.imported, 3, report.message);
    const nos = (await ctx.db.selectFrom('items').select('index_no').where('agency_id', '=', agencyId).orderBy('id').execute()).map((r) => r.index_no);
    assert.deepEqual(nos, [`${CODE}/2019-00007`, `${CODE}/2019-00008`, '旧网站编号-001']);
    // The platform's next number of that year comes after the imported ones.
    assert.equal(await ctx.db.transaction().execute((trx) => nextNumber(trx, `index-no:${agencyId}:2019`)), 9);

    const bare = await agencyWithCatalogue(ctx.db, '己局', null);
    await assert.rejects(run(ctx.db, await xlsxOf([row(1)]), 'b.xlsx', { agencyId: bare.agencyId }), /尚未设置统一社会信用代码.*gongkai item set-code --agency/);
    // With every 索引号 given, no code is needed.
    const given = await run(ctx.db, await xlsxOf([row(1, { 索引号: '己-2019-1' })]), 'c.xlsx', { agencyId: bare.agencyId });
    assert.equal(given.imported, 1, given.message);
  });

  test('round trip: an export re-imports into another agency with the same fields', async () => {
    const a = await agencyWithCatalogue(ctx.db, '庚局');
    const b = await agencyWithCatalogue(ctx.db, '辛局');
    await run(ctx.db, await xlsxOf([
      row(1, { 目录分类: '政策法规/规范性文件', 文件类型: '规章', 制定日期: '2019-03-01', 修订日期: '2019-05-01', 废止日期: '2019-12-01', 有效性: '废止', 正文: '<p>甲<strong>乙</strong></p><table><tr><td>1</td></tr></table>' }),
      row(2, { 目录分类: '机构职能', 文号: '', 主题词: '机构，职能、联系', 内容概述: '' }),
    ]), 'a.xlsx', { agencyId: a.agencyId });
    const exported = await exportItemsXlsx(ctx.db, a.agencyId, { withoutIndexNo: true });
    const report = await run(ctx.db, exported, '导出.xlsx', { agencyId: b.agencyId });
    assert.equal(report.imported, 2, report.message);
    assert.deepEqual(report.warnings, []);
    const fields = async (agencyId: number, nodes: Record<string, number>) => {
      const names = new Map(Object.entries(nodes).map(([k, v]) => [v, k]));
      return (await ctx.db.selectFrom('items').selectAll().where('agency_id', '=', agencyId).orderBy('id').execute()).map((i) => ({
        title: i.title, summary: i.summary, category: names.get(Number(i.category_id)), issuer: i.issuer, doc_no: i.doc_no, written_on: i.written_on,
        published_on: i.published_on, theme: i.theme, keywords: i.keywords, disclosure: i.disclosure, validity: i.validity,
        normative_kind: i.normative_kind, made_on: i.made_on, amended_on: i.amended_on, repealed_on: i.repealed_on, body_html: i.body_html,
      }));
    };
    assert.deepEqual(await fields(b.agencyId, b.nodes), await fields(a.agencyId, a.nodes));
    // With its 索引号, the export collides with the items it came from.
    const again = await run(ctx.db, await exportItemsXlsx(ctx.db, a.agencyId), '导出.xlsx', { agencyId: b.agencyId });
    assert.equal(again.refusedRows, 2);
    assert.match(again.refused[0]!.message, /已被已有的信息使用/);
  });

  test('concurrent imports into one agency never hand out the same 索引号', async () => {
    const { agencyId } = await agencyWithCatalogue(ctx.db, '壬局');
    const files = await Promise.all([0, 1, 2].map((k) => xlsxOf(Array.from({ length: 40 }, (_, i) => row(k * 100 + i, { 发布日期: i % 2 ? '2019-03-05' : '2020-03-05', 成文日期: '2019-03-01' })))));
    const reports = await Promise.all(files.map((file, k) => run(ctx.db, file, `f${k}.xlsx`, { agencyId })));
    assert.deepEqual(reports.map((r) => r.imported), [40, 40, 40]);
    const nos = (await ctx.db.selectFrom('items').select('index_no').where('agency_id', '=', agencyId).execute()).map((r) => r.index_no!);
    assert.equal(new Set(nos).size, 120);
    const seqs = (year: number) => nos.filter((n) => n.includes(`/${year}-`)).map((n) => Number(n.slice(-5))).sort((x, y) => x - y);
    assert.deepEqual(seqs(2019), Array.from({ length: 60 }, (_, i) => i + 1));
    assert.deepEqual(seqs(2020), Array.from({ length: 60 }, (_, i) => i + 1));
  });
});
