/**
 * Issue 11: reports whose text came from a crawl or a copy of a web page — line breaks and spaces
 * collapsed, cells run together or irregularly spaced, a crawler's header before the body. Round
 * trips of rendered reports of both formats through every collapsed form, hand-made variants of
 * each quirk the issue lists, reports made inconsistent on purpose, and bad input.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatCells, getFormat } from '../../src/core/format/registry.js';
import type { ParseResult } from '../../src/core/parse/parse-types.js';
import { readReport } from '../../src/core/parse/read-report.js';
import type { ReportDocument } from '../../src/core/report/report-model.js';
import { readHtml } from '../../src/parse/read-html.js';
import { readText } from '../../src/parse/read-text.js';
import { corpusFile, loadReport } from '../corpus/corpus-helpers.js';
import { collapseText, type CollapseMode } from './collapse-text.js';
import { renderText } from './render-text.js';

const parse = (text: string): ParseResult => readReport(readText(text));
const r2020 = loadReport('test/fixtures/full-2020.json');
const r2021 = loadReport('test/fixtures/full-2021.json');
const seed = loadReport('src/demo/huancui-approval-bureau-2019.json');
const tsv = (report: ReportDocument) => renderText(report, 'tsv');
const squash = (s: string) => s.replace(/\s+/g, '');

/** Every cell of the format read back exactly, each read or recovered from the sums. */
function assertCellsExact(result: ParseResult, report: ReportDocument, label: string): void {
  assert.equal(result.error, null, `${label}: error`);
  assert.equal(result.format, report.format, `${label}: format`);
  const readings = new Map(result.cells.map((c) => [c.key, c]));
  for (const cell of formatCells(getFormat(report.format))) {
    assert.deepEqual(result.report!.cells[cell.key] ?? null, report.cells[cell.key] ?? null, `${label}: ${cell.key} (${readings.get(cell.key)?.note ?? ''})`);
    assert.ok(['read', 'recovered', 'placeholder'].includes(readings.get(cell.key)!.status), `${label}: status of ${cell.key}`);
  }
}

/** Title, date, signature, headings and prose as the report has them (whitespace aside). */
function assertProse(result: ParseResult, report: ReportDocument, label: string): void {
  const read = result.report!;
  assert.equal(read.title, report.title, `${label}: title`);
  assert.equal(read.agency.name, report.agency.name, `${label}: agency`);
  assert.equal(read.year, report.year, `${label}: year`);
  assert.equal(read.issuedOn, report.issuedOn, `${label}: issuedOn`);
  assert.equal(read.signature, report.signature, `${label}: signature`);
  assert.deepEqual(read.sections.map((s) => squash(s.heading)), report.sections.map((s) => squash(s.heading)), `${label}: headings`);
  read.sections.forEach((s, i) => {
    const want = report.sections[i]!;
    assert.deepEqual(s.parts.map((p) => squash(p.heading)), want.parts.map((p) => squash(p.heading)), `${label}: parts of ${s.key}`);
    const text = (x: typeof s) => squash([...x.paragraphs, ...x.parts.flatMap((p) => p.paragraphs)].join(''));
    assert.equal(text(s), text(want), `${label}: prose of ${s.key}`);
  });
}

describe('collapsed text: round trips of rendered reports', () => {
  const modes: CollapseMode[] = ['spaces', 'glued', 'partial'];
  for (const [name, report] of [['2020', r2020], ['2021', r2021]] as const) {
    for (const mode of modes) {
      it(`${name} format, ${mode}: every cell, the local rows and the prose (8 seeded variants, 1–8 lines)`, () => {
        for (let seed = 1; seed <= 8; seed++) {
          const label = `${name} ${mode} seed ${seed}`;
          const result = parse(collapseText(tsv(report), mode, { seed, lines: seed }));
          assertCellsExact(result, report, label);
          assert.deepEqual(result.report!.extraRows, report.extraRows, `${label}: extra rows`);
          assertProse(result, report, label);
          assert.ok(result.notes.some((n) => n.includes('换行和空格已被合并')), `${label}: collapsed noted`);
        }
      });
    }
  }

  it('glued cells are recovered from the sums, and the note says which sums decided', () => {
    const result = parse(collapseText(tsv(r2021), 'glued'));
    const cell = result.cells.find((c) => c.key === '三:received:natural')!;
    assert.equal(cell.status, 'recovered');
    assert.match(cell.note!, /按勾稽关系拆分（唯一解），依据：表三/);
  });

  it('a numbered label glued to the digits before it keeps its ordinal (…1200000122.没有现成…)', () => {
    const text = collapseText(tsv(r2020), 'glued');
    assert.match(text, /\d2\.没有现成信息需要另行制作/);
    assertCellsExact(parse(text), r2020, 'glued ordinal');
  });

  it('table 二 glued or irregularly spaced: each cell is right or reported with its candidates, never wrong', () => {
    for (const report of [r2020, r2021]) {
      for (let seed = 1; seed <= 4; seed++) {
        for (const mode of ['glued', 'partial'] as const) {
        const result = parse(collapseText(tsv(report), mode, { seed, glueTable2: true, lines: seed }));
        assert.equal(result.error, null);
        for (const c of result.cells.filter((x) => x.table === '二' && !x.key.startsWith('extra:'))) {
          if (['read', 'recovered', 'placeholder'].includes(c.status)) assert.deepEqual(c.value, report.cells[c.key] ?? null, c.key);
          else assert.ok(['ambiguous', 'unreadable', 'missing'].includes(c.status), c.key);
        }
        }
      }
    }
  });

  it('the same report as one long paragraph of an HTML or DOCX document', () => {
    const text = collapseText(tsv(r2021), 'glued').trim();
    for (const type of ['html', 'docx', 'pdf'] as const) {
      const result = readReport({ type, blocks: [{ kind: 'paragraph', text, where: {} }], notes: [] });
      assertCellsExact(result, r2021, type);
    }
  });

  it('a crawled web page: the report as a few long <p> (the HTML reader leaves no space between sentences)', async () => {
    for (const report of [r2020, r2021]) {
      const text = collapseText(tsv(report), 'glued', { lines: 3 });
      const html = `<html><head><meta charset="utf-8"></head><body><div>首页 &gt; 政府信息公开</div><div>${text.split('\n').map((l) => `<p>${l}</p>`).join('')}</div></body></html>`;
      const result = readReport(await readHtml(Buffer.from(html)));
      assertCellsExact(result, report, `html ${report.year}`);
      assert.deepEqual([result.report!.title, result.report!.issuedOn, result.report!.signature], [report.title, report.issuedOn, report.signature]);
      assert.deepEqual(result.report!.sections.map((s) => squash(s.heading)), report.sections.map((s) => squash(s.heading)));
    }
  });

  it('the seed (2019 format, many blank cells): numbers read, blanks never turned into numbers', () => {
    for (const [label, text] of [
      ['corpus', corpusFile('txt/seed-huancui-2019.txt').toString('utf8').replace(/\s+/g, ' ')],
      ['rendered', collapseText(tsv(seed), 'spaces')],
    ] as const) {
      const result = parse(text);
      assert.equal(result.error, null, label);
      assert.equal(result.format, '2019');
      assert.equal(result.report!.agency.name, '威海市环翠区行政审批服务局');
      assert.equal(result.report!.issuedOn, seed.issuedOn);
      for (const c of result.cells.filter((x) => !x.key.startsWith('extra:'))) {
        const want = seed.cells[c.key] ?? null;
        if (c.value !== null) assert.deepEqual(c.value, want, `${label}: ${c.key}`);
        if (want === null) assert.equal(c.value, null, `${label}: ${c.key} stays empty`);
      }
      // Every cell with a number in table 二 is read back.
      for (const key of ['二:normative:made', '二:licensing:change', '二:procurement:amount']) {
        assert.deepEqual(result.report!.cells[key], seed.cells[key], `${label}: ${key}`);
      }
    }
  });
});

describe('collapsed text: the quirks of crawled reports', () => {
  const spaced = collapseText(tsv(r2021), 'spaces');

  it('labels broken by stray spaces', () => {
    const text = spaced.replace('商业企业', '商业 企业').replace('三、本年度办理结果', '三、本年度办 理结果')
      .replace('4.保护第三方合法权益', '4.保护第三方 合法权益').replace('行政规范性文件', '行政规范性 文件');
    assertCellsExact(parse(text), r2021, 'stray spaces');
  });

  it('a row label quoted in the prose before the table does not start the table', () => {
    const text = collapseText(tsv(r2021), 'glued').replace('（本列数据', '本年新收政府信息公开申请数量为32件，上年结转政府信息公开申请数量为5件。 （本列数据');
    assertCellsExact(parse(text), r2021, 'quoted label');
  });

  it('a group label repeated on a later row', () => {
    const text = spaced.replace('2.其他法律行政法规禁止公开', '（三）不予公开 2.其他法律行政法规禁止公开')
      .replace('3.补正后申请内容仍不明确', '（四）无法提供 3.补正后申请内容仍不明确');
    const result = parse(text);
    assertCellsExact(result, r2021, 'repeated group');
    assert.ok(!result.notes.some((n) => n.includes('无法识别')), result.notes.join('\n'));
  });

  it('a row whose numbers are absent is missing, never shifted, and named in a finding', () => {
    const text = spaced.replace('2.没有现成信息需要另行制作 1 0 0 0 0 0 1', '2.没有现成信息需要另行制作');
    assert.notEqual(text, spaced);
    const result = parse(text);
    assert.equal(result.error, null);
    for (const c of result.cells.filter((x) => x.key.startsWith('三:r4-2:'))) assert.equal(c.status, 'missing', c.key);
    for (const key of ['三:r4-3:total', '三:r4-1:total', '三:r5-1:natural']) assert.deepEqual(result.report!.cells[key], r2021.cells[key], key);
    const notes = result.tables.find((t) => t.table === '三')!.notes.join('\n');
    assert.match(notes, /“三、本年度办理结果 （四）无法提供 2\.没有现成信息需要另行制作”一行在原文中没有数值/);
  });

  it('the same with cells run together: the next row’s numbers do not slide into the empty row', () => {
    const glued = collapseText(tsv(r2021), 'glued');
    const text = glued.replace(/(2\.没有现成信息需要另行制作)\d+(?=3\.补正后)/, '$1');
    assert.notEqual(text, glued);
    const result = parse(text);
    for (const c of result.cells.filter((x) => x.key.startsWith('三:r4-2:'))) assert.equal(c.status, 'missing', c.key);
    assert.deepEqual(result.report!.cells['三:r4-3:total'], r2021.cells['三:r4-3:total']);
  });

  it('a decimal fee in table 二 and a misspelt header and row label', () => {
    const report = structuredClone(r2021);
    report.cells['二:fees:fee-amount'] = 16220.85;
    const text = collapseText(tsv(report), 'spaces').replace('本年废止件数', '本年废纸件数').replace('本机关不掌握相关政府信息', '本机关不掌握相关政府信悉');
    const result = parse(text);
    assertCellsExact(result, report, 'typos');
    assert.ok(result.notes.some((n) => n.includes('“本年废纸件数”与规定的“本年废止件数”相差一字')), result.notes.join('\n'));
    assert.ok(result.notes.some((n) => n.includes('本机关不掌握相关政府信悉')), result.notes.join('\n'));
  });

  it('a 2021 report still using the 2019 table 二: tables 三 and 四 read, the format told from table 三', () => {
    const t2019 = collapseText(tsv(r2020), 'spaces');
    const table2of2019 = t2019.slice(t2019.indexOf('第二十条第（一）项'), t2019.indexOf('三、收到和处理'));
    const text = spaced.slice(0, spaced.indexOf('第二十条第（一）项')) + table2of2019 + spaced.slice(spaced.indexOf('三、收到和处理'));
    const result = parse(text);
    assert.equal(result.error, null);
    assert.equal(result.format, '2021');
    for (const c of formatCells(getFormat('2021')).filter((x) => x.table !== '二')) {
      assert.deepEqual(result.report!.cells[c.key] ?? null, r2021.cells[c.key] ?? null, c.key);
    }
    // Table 二: a column is taken only where the old header names it (处理决定数量), never by position.
    assert.equal(result.report!.cells['二:licensing:decisions'], r2020.cells['二:licensing:decisions']);
    assert.equal(result.report!.cells['二:rules:issued'], null);
    assert.ok(result.tables[0]!.notes.some((n) => n.includes('表头为“上一年项目数量、本年增/减、处理决定数量”')), result.tables[0]!.notes.join('\n'));
  });

  it('a crawler header on lines of its own: title, date and source kept, never the agency', () => {
    const header = '标题: 威海市环翠区行政审批服务局2021年政府信息公开工作年度报告\n发布时间: 2022-01-25 15:07\n文号:\n发布机构: 威海市环翠区行政审批服务局\n栏目: 政府信息公开年报\n原文链接: https://www.huancui.gov.cn/art/2022/1/25/art_1.html\n----------------------------------------\n';
    const result = parse(header + spaced);
    assertCellsExact(result, r2021, 'header lines');
    assert.equal(result.report!.agency.name, '威海市环翠区行政审批服务局');
    assert.equal(result.report!.title, r2021.title);
    assert.deepEqual(result.source, {
      title: '威海市环翠区行政审批服务局2021年政府信息公开工作年度报告', publishedAt: '2022-01-25 15:07',
      publisher: '威海市环翠区行政审批服务局', column: '政府信息公开年报', url: 'https://www.huancui.gov.cn/art/2022/1/25/art_1.html',
    });
  });

  it('a crawler header collapsed into the body, the body without its own title', () => {
    const body = spaced.slice(spaced.indexOf(' ') + 1);
    const text = `标题: ${r2021.title} 发布时间: 2022年1月25日 文号: 发布机构: 环翠区人民政府 栏目: 政府信息公开年报 原文链接: https://x.gov.cn/a.html ${body}`;
    const result = parse(text);
    assertCellsExact(result, r2021, 'header collapsed');
    assert.equal(result.report!.agency.name, '威海市环翠区行政审批服务局');
    assert.equal(result.report!.year, 2021);
    assert.equal(result.source?.url, 'https://x.gov.cn/a.html');
    assert.equal(result.source?.publishedAt, '2022-01-25');
    assert.ok(result.notes.some((n) => n.includes('按网页标题')));
  });
});

describe('collapsed text: pages as crawled', () => {
  it('page furniture (字号, 打印, 关闭) is not prose; the signature and date are still found', () => {
    const text = collapseText(tsv(r2021), 'glued').trim().replace('本报告根据', '字号：大 中 小 本报告根据');
    const result = parse(`${text} 【打印本页】 【关闭窗口】 扫一扫在手机打开当前页`);
    assertCellsExact(result, r2021, 'furniture');
    assertProse(result, r2021, 'furniture');
  });

  it('tables placed after the prose are found in the whole report', () => {
    let text = collapseText(tsv(r2021), 'glued');
    const cut = (from: string, to: string) => {
      const piece = text.slice(text.indexOf(from), text.indexOf(to));
      text = text.replace(piece, '');
      return piece;
    };
    const table2 = cut('第二十条第（一）项', '三、收到和处理');
    const table3 = cut('（本列数据', '四、政府信息公开行政复议');
    assertCellsExact(parse(`${text.trim()} 附表： ${table2}${table3}`), r2021, 'tables at the end');
  });

  it('headings and labels worded or numbered otherwise, full-width digits', () => {
    const text = collapseText(tsv(r2020), 'glued').replace('四、政府信息公开行政复议、行政诉讼情况', '四、行政复议和行政诉讼情况')
      .replace(/(\d)\.(属于|本机关|没有|补正|信访|重复|要求|无正当|其他法律|危及|保护)/g, '$1、$2')
      .replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
      .replace('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '（二）部分公开').replace('（七）总计', '总计');
    assertCellsExact(parse(text), r2020, 'worded otherwise');
  });
});

describe('collapsed text: reports made inconsistent on purpose', () => {
  it('a table that does not add up (spaced): read as written, the checks fire', () => {
    const text = collapseText(tsv(r2021), 'spaces').replace('（七）总计 17 6 3 1 3 2 32', '（七）总计 17 6 3 1 3 2 33');
    const result = parse(text);
    assert.equal(result.report!.cells['三:r7:total'], 33);
    assert.ok(result.checks!.hardFailures > 0);
    assert.ok(result.checks!.results.some((r) => r.status === 'fail' && r.title.includes('表三')), 'a table 三 rule fails');
  });

  it('a glued table that does not add up: nothing invented, the contradicted sums named', () => {
    const glued = collapseText(tsv(r2021), 'glued');
    const text = glued.replace(/(（七）总计)176313232/, '$1176313233');
    assert.notEqual(text, glued);
    const result = parse(text);
    assert.equal(result.error, null);
    for (const c of result.cells.filter((x) => x.table === '三')) {
      if (c.value !== null) assert.deepEqual(c.value, c.key === '三:r7:total' ? 33 : r2021.cells[c.key], c.key);
    }
    assert.ok(result.tables.find((t) => t.table === '三')!.notes.some((n) => /勾稽关系不符|无法按本表勾稽关系拆分/.test(n))
      || result.cells.some((c) => c.table === '三' && c.status !== 'recovered'));
  });

  it('a narrative figure that contradicts the table still fires on collapsed input', () => {
    const report = structuredClone(r2021);
    const text = collapseText(tsv(report), 'glued');
    const line = parse(renderText(report, 'word'));
    const collapsed = parse(text);
    assert.deepEqual(collapsed.narrative, line.narrative);
    assert.deepEqual(collapsed.checks!.results.map((r) => [r.id, r.status]), line.checks!.results.map((r) => [r.id, r.status]));
  });
});

describe('collapsed text: bad input inside a text', () => {
  it('two reports in one file: the first is read, the note says so', () => {
    const text = `${collapseText(tsv(r2021), 'glued').trim()} ${collapseText(tsv(r2020), 'glued')}`;
    const result = parse(text);
    assertCellsExact(result, r2021, 'first of two');
    assert.ok(result.notes.some((n) => n.includes('不止一份年度报告') && n.includes('2020年')), result.notes.join('\n'));
    const lines = parse(renderText(r2021, 'word') + renderText(r2020, 'word'));
    assertCellsExact(lines, r2021, 'first of two (lines)');
    assert.ok(lines.notes.some((n) => n.includes('不止一份年度报告')));
  });

  it('a report cut off in the middle of table 三: later cells missing and reported, nothing invented', () => {
    for (const mode of ['spaces', 'glued'] as const) {
      const full = collapseText(tsv(r2021), mode);
      const text = full.slice(0, full.indexOf('3.危及') + 20);
      const result = parse(text);
      assert.equal(result.error, null, mode);
      for (const c of result.cells) if (c.value !== null && !c.key.startsWith('extra:')) assert.deepEqual(c.value, r2021.cells[c.key] ?? null, `${mode}: ${c.key}`);
      for (const key of ['三:r5-1:total', '三:r7:total', '三:carried-out:total', '四:all:reconsideration.total']) {
        assert.equal(result.cells.find((c) => c.key === key)!.status, 'missing', `${mode}: ${key}`);
      }
      assert.ok(result.tables.find((t) => t.table === '三')!.notes.some((n) => n.includes('“四、结转下年度继续办理”一行在原文中未找到')));
    }
  });

  it('another kind of annual report is refused with what it looks like', () => {
    const cases: Array<[string, RegExp]> = [
      ['某某股份有限公司2022年年度报告 证券代码：600000 证券简称：某某股份 一、重要提示 本公司董事会保证年度报告内容真实。二、公司基本情况 营业收入 12,345 万元。'.repeat(3), /企业（上市公司）年度报告/],
      ['2023年某某市人民政府工作报告 各位代表：现在，我代表市人民政府，向大会报告工作。一、2022年工作回顾 二、2023年工作安排 三、加强政府自身建设', /政府工作报告/],
      ['某某局2022年度部门决算 第一部分 部门概况 一、主要职能 二、部门决算单位构成 第二部分 2022年度部门决算表 收入支出决算总表', /部门决算/],
      ['香港特別行政區政府 公開資料守則 2022年年報 一、引言 二、索取資料的要求 三、統計數字', /其他国家或地区/],
    ];
    for (const [text, message] of cases) {
      const result = parse(text);
      assert.match(result.error ?? '', message, text.slice(0, 20));
    }
  });

  it('a 50 MB line with no report in it is refused (bounded work, nothing quadratic)', () => {
    const unit = '本市今年经济运行总体平稳，各项工作有序推进。';
    const text = unit.repeat(Math.ceil(50_000_000 / unit.length));
    const result = parse(text);
    assert.match(result.error ?? '', /未找到统计表/);
  });

  it('a 50 MB line that mentions 政府信息公开 and repeats a heading is refused too, reading only a window', () => {
    for (const text of [
      `${'关于政府信息公开工作的说明。'.repeat(10)}${'本市今年经济运行总体平稳。'.repeat(3_800_000)}`,
      '政府信息公开 一、总体情况 '.repeat(3_500_000),
    ]) {
      const result = parse(text);
      assert.match(result.error ?? '', /未识别出政府信息公开工作年度报告：未找到/);
    }
  });
});
