import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { forEachDialect } from '../../test/db-helpers.js';
import { ValidationError } from '../core/errors.js';
import { MAX_QUERY_CHARS } from '../core/search/query.js';
import type { Database } from '../db/schema.js';
import type { Kysely } from 'kysely';
import { indexDocument, rebuildIndex, removeDocument, type SearchDocumentInput } from './search-index.js';
import { searchDocuments } from './search-query.js';
import { allPublicDocuments, registerSearchSource, registeredSearchKinds } from './search-sources.js';

const AT = '2026-03-01T08:00:00.000Z';

async function agency(db: Kysely<Database>, name: string): Promise<number> {
  const row = await db.insertInto('agencies').values({ name, parent_id: null, kind: 'department', created_at: AT, created_by: 't', archived: 0 })
    .returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

function doc(over: Partial<SearchDocumentInput> & Pick<SearchDocumentInput, 'docId' | 'agencyId' | 'title'>): SearchDocumentInput {
  return { kind: 'item', publishedOn: '2021-05-01', url: `/items/${over.docId}`, bodyText: '', docType: '其他', validity: '现行有效', year: 2021, ...over };
}

/** A source as a feature would register it (module-level: the registry lives as long as the process). */
let guideAgency = 0;
async function* guide() {
  yield doc({ kind: 'guide', docId: `g${guideAgency}`, agencyId: guideAgency, title: '政府信息公开指南', bodyText: '本机关政府信息公开指南，说明申请方式。' });
}

forEachDialect('search index and query', (ctx) => {
  let a1 = 0;
  let a2 = 0;
  const index = (d: SearchDocumentInput) => ctx.db.transaction().execute((trx) => indexDocument(trx, d, AT));
  const search = (q: string, more: Record<string, unknown> = {}) => searchDocuments(ctx.db, { q, ...more });

  before(async () => {
    a1 = await agency(ctx.db, '威海市环翠区生态环境局');
    a2 = await agency(ctx.db, '威海市环翠区行政审批服务局');
    await ctx.db.transaction().execute((trx) => rebuildIndex(trx, [
      doc({ docId: '1', agencyId: a1, title: '关于印发《环翠区生态环境保护实施方案》的通知', docNo: '威环发〔2021〕12号', indexNo: '11371002MB2847/2021-00012',
        publishedOn: '2021-03-10', categoryId: 7, docType: '行政规范性文件',
        bodyText: '为深入贯彻落实生态环境保护工作要求，结合本区实际，制定本实施方案。各镇街道要高度重视，认真组织实施。' }),
      doc({ docId: '2', agencyId: a1, title: '环翠区2021年大气污染防治工作要点', publishedOn: '2021-06-01',
        bodyText: '加强大气污染防治，推进方案落实，明确实施责任。' }),
      doc({ docId: '3', agencyId: a2, title: '关于政务服务事项实施清单的公告', publishedOn: '2022-01-05', year: 2022, validity: '已废止',
        bodyText: '根据政务服务标准化要求，公布本局政务服务事项实施清单，并开展生态环境审批服务。' }),
      doc({ docId: '4', kind: 'report', agencyId: a2, title: '行政审批服务局2021年政府信息公开工作年度报告', publishedOn: '2022-01-20', year: 2021,
        bodyText: '本年度主动公开政府信息，依申请公开办理情况良好。' }),
    ], AT));
  });

  it('finds a Chinese word in titles and texts, highlighted, the title match first', async () => {
    const r = await search('生态环境');
    assert.deepEqual(r.hits.map((h) => h.docId), ['1', '3']);
    assert.equal(r.total, 2);
    assert.match(r.hits[0]!.title, /<mark>生态环境<\/mark>保护/);
    assert.match(r.hits[1]!.snippet, /开展<mark>生态环境<\/mark>审批服务/);
  });

  it('ANDs two words, and finds a word inside a longer one (search-mode cut)', async () => {
    assert.deepEqual((await search('大气 方案')).hits.map((h) => h.docId), ['2']);
    assert.deepEqual((await search('保护')).hits.map((h) => h.docId), ['1']);
    assert.deepEqual((await search('实施 清单')).hits.map((h) => h.docId), ['3']);
  });

  it('matches an exact phrase in quotes literally', async () => {
    // 实施 and 方案 both occur in 2, but not together.
    assert.deepEqual((await search('实施 方案')).hits.map((h) => h.docId).sort(), ['1', '2']);
    const phrase = await search('"实施方案"');
    assert.deepEqual(phrase.hits.map((h) => h.docId), ['1']);
    assert.deepEqual(phrase.phrases, ['实施方案']);
    assert.match(phrase.hits[0]!.title, /<mark>实施方案<\/mark>/);
    assert.deepEqual((await search('“组织实施”')).hits.map((h) => h.docId), ['1']);
  });

  it('filters by agency, category, year, document type, validity and kind', async () => {
    assert.deepEqual((await search('实施', { agencyIds: [a2] })).hits.map((h) => h.docId), ['3']);
    assert.deepEqual((await search('实施', { agencyIds: [a1, a2], sort: 'date' })).hits.map((h) => h.docId), ['3', '2', '1']);
    assert.deepEqual((await search('实施', { agencyIds: [] })).total, 0);
    assert.deepEqual((await search('实施', { categoryId: 7 })).hits.map((h) => h.docId), ['1']);
    assert.deepEqual((await search('实施', { year: 2022 })).hits.map((h) => h.docId), ['3']);
    assert.deepEqual((await search('实施', { docType: '行政规范性文件' })).hits.map((h) => h.docId), ['1']);
    assert.deepEqual((await search('实施', { validity: '已废止' })).hits.map((h) => h.docId), ['3']);
    assert.deepEqual((await search('公开', { kind: 'report' })).hits.map((h) => h.docId), ['4']);
    // Many agencies: the words drive the query instead of the agencies (the same answer).
    const many = [a1, ...Array.from({ length: 30 }, (_, i) => 100_000 + i)];
    assert.deepEqual((await search('实施', { agencyIds: many, sort: 'date' })).hits.map((h) => h.docId), ['2', '1']);
  });

  it('sorts by date, newest first, and pages with a total', async () => {
    const p1 = await search('实施', { sort: 'date', pageSize: 2 });
    assert.equal(p1.total, 3);
    assert.deepEqual(p1.hits.map((h) => h.docId), ['3', '2']);
    const p2 = await search('实施', { sort: 'date', pageSize: 2, page: 2 });
    assert.deepEqual(p2.hits.map((h) => h.docId), ['1']);
    const past = await search('实施', { page: 500 });
    assert.deepEqual([past.total, past.hits.length, past.capped], [3, 0, false]);
    // Too many matches: only the newest (here 2) are counted and ranked, and the answer says so.
    const capped = await search('实施', { maxMatches: 2 });
    assert.deepEqual([capped.total, capped.capped, capped.hits.length], [2, true, 2]);
    assert.ok(capped.hits.every((h) => h.docId === '3' || h.docId === '2'), 'the newest two');
  });

  it('finds a 文号 or 索引号 directly, however its brackets and spaces are typed', async () => {
    for (const q of ['威环发〔2021〕12号', '威环发[2021]12号', '威环发【2021】12号', ' 威环发 (2021) 12号', '威环发［２０２１］１２号', '11371002mb2847/2021-00012']) {
      const r = await search(q);
      assert.equal(r.exact?.docId, '1', q);
      assert.match(r.exact!.url, /\/items\/1/);
    }
    assert.equal((await search('威环发〔2021〕12号', { agencyIds: [a2] })).exact, null);
    assert.equal((await search('威环发〔2021〕13号')).exact, null);
    // The 文号's words are searchable too.
    assert.deepEqual((await search('威环发 2021')).hits.map((h) => h.docId), ['1']);
  });

  it('escapes HTML in titles and snippets; only <mark> is markup', async () => {
    await index(doc({ docId: 'x1', agencyId: a2, title: '<script>alert("培训")</script>通知', bodyText: '培训 <img src=x onerror=alert(1)> & 报名' }));
    const r = await search('培训');
    assert.equal(r.hits[0]!.title, '&lt;script&gt;alert(&quot;<mark>培训</mark>&quot;)&lt;/script&gt;通知');
    assert.equal(r.hits[0]!.snippet, '<mark>培训</mark> &lt;img src=x onerror=alert(1)&gt; &amp; 报名');
    await ctx.db.transaction().execute((trx) => removeDocument(trx, 'item', 'x1'));
  });

  it('answers every bad query without an error', async () => {
    const long = await search('环境'.repeat(5000));
    assert.equal(long.notes.length, 1);
    assert.match(long.notes[0]!, new RegExp(`前 ${MAX_QUERY_CHARS} 个字符`));
    for (const q of ['', '   ', '。，、！？……——“”《》', '"""', '***', '()', ':', "'", 'NEAR AND OR NOT', '!@#$%^&*()_+']) {
      const r = await search(q);
      assert.deepEqual([r.total, r.hits.length], [0, 0], q);
    }
    for (const q of ['"生态环境', '生态环境*', 'NEAR(生态环境 保护)', '生态环境:', "生态环境'", '(生态环境)', 'NOT 生态环境', '生态环境 AND 保护']) {
      const r = await search(q);
      assert.ok(r.hits.every((h) => h.docId === '1' || h.docId === '3'), q);
      assert.ok(r.total >= 1, q);
    }
    // SQL fragments are words too (every value is a bound parameter).
    for (const q of ["生态环境' OR 1=1 --", '生态环境"; drop table search_documents; --', "'); delete from search_documents; --"]) {
      assert.equal((await search(q)).total, 0, q);
    }
    // The agency as FTS5 sees it (scope_tokens) is not a word of any document.
    assert.equal((await search(`a${a1}`)).total, 0);
    // OR is a word like any other, not an operator: every word must occur.
    assert.equal((await search('生态环境 OR 大气')).total, 0);
    assert.equal((await search('生态环境')).total, 2, 'the table is still there');
  });

  it('refuses bad paging with a Chinese message naming the field', async () => {
    for (const [page, pageSize, field] of [[-1, 10, 'page'], [0, 10, 'page'], [1e12, 10, 'page'], [1.5, 10, 'page'], [Number.NaN, 10, 'page'], [1, 0, 'pageSize'], [1, 1000, 'pageSize']] as const) {
      await assert.rejects(search('实施', { page, pageSize }), (e: unknown) => e instanceof ValidationError && e.details.place?.field === field && /[页条]/.test(e.message));
    }
  });

  it('writes and removes in the caller transaction: a rolled-back publication is not indexed', async () => {
    const d = doc({ docId: 't1', agencyId: a1, title: '关于开展秸秆禁烧巡查的通知', bodyText: '秸秆禁烧' });
    await assert.rejects(ctx.db.transaction().execute(async (trx) => {
      await indexDocument(trx, d, AT);
      assert.equal((await searchDocuments(trx, { q: '秸秆' })).total, 1, 'visible inside the transaction');
      throw new Error('publication failed');
    }), /publication failed/);
    assert.equal((await search('秸秆')).total, 0);
    await assert.rejects(indexDocument(ctx.db, d, AT), /inside a transaction/);

    await index(d);
    assert.equal((await search('秸秆')).total, 1);
    // A new version replaces the row: the old words are gone from the full-text index too.
    await index({ ...d, title: '关于开展烟花爆竹禁放巡查的通知', bodyText: '烟花爆竹' });
    assert.equal((await search('秸秆')).total, 0);
    assert.equal((await search('烟花爆竹')).total, 1);
    // Moved to another agency: the agency filter follows (SQLite matches it inside the full-text index).
    await index({ ...d, agencyId: a2, title: '关于开展烟花爆竹禁放巡查的通知', bodyText: '烟花爆竹' });
    assert.equal((await search('烟花爆竹', { agencyIds: [a1] })).total, 0);
    assert.equal((await search('烟花爆竹', { agencyIds: [a2] })).total, 1);
    // Withdrawal rolled back keeps it; committed removes it.
    await assert.rejects(ctx.db.transaction().execute(async (trx) => {
      assert.equal(await removeDocument(trx, 'item', 't1'), true);
      throw new Error('withdrawal failed');
    }));
    assert.equal((await search('烟花爆竹')).total, 1);
    await ctx.db.transaction().execute((trx) => removeDocument(trx, 'item', 't1'));
    assert.equal((await search('烟花爆竹')).total, 0);
    assert.equal(await ctx.db.transaction().execute((trx) => removeDocument(trx, 'item', 't1')), false);
  });

  it('rebuilds from the registered sources in the caller transaction', async () => {
    guideAgency = a1;
    registerSearchSource('guide', guide);
    registerSearchSource('guide', guide);
    assert.throws(() => registerSearchSource('guide', () => []), /already registered/);
    assert.ok(registeredSearchKinds().includes('guide'));
    const count = await ctx.db.transaction().execute((trx) => rebuildIndex(trx, allPublicDocuments(trx), AT));
    assert.equal(count, 1);
    assert.deepEqual((await search('公开指南')).hits.map((h) => h.kind), ['guide']);
    assert.equal((await search('生态环境')).total, 0, 'the rebuild replaced the whole index');
  });
});
