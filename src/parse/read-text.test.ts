import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fromInterchange } from '../core/interchange/from-interchange.js';
import { TRADITIONAL_TO_SIMPLIFIED } from '../core/parse/normalize-label.js';
import type { ParseResult } from '../core/parse/parse-types.js';
import { readReport } from '../core/parse/read-report.js';
import type { ReportDocument } from '../core/report/report-model.js';
import { renderText } from '../../test/parse/render-text.js';
import { readText } from './read-text.js';

const root = new URL('../../', import.meta.url);
const bytes = (path: string) => readFileSync(new URL(path, root));
const load = (path: string): ReportDocument => fromInterchange(JSON.parse(bytes(path).toString('utf8')));
const parse = (input: Uint8Array | string): ParseResult => readReport(readText(input));
const corpus = (name: string) => parse(bytes(`test/corpus/txt/${name}`));

/** The three reference reports; 2020 and 2021 with a local row in table 二. */
function references(): ReportDocument[] {
  const seed = load('src/demo/huancui-approval-bureau-2019.json');
  const r2020 = load('test/fixtures/full-2020.json');
  r2020.extraRows.push({ table: '二', block: 'art20-5', label: '行政确认', values: { 'prev-count': 3, change: -1, decisions: 12 } });
  const r2021 = load('test/fixtures/full-2021.json');
  r2021.extraRows.push({ table: '二', block: 'art20-1', label: '其他主动公开文件', values: { issued: 3, repealed: 0, 'in-force': 12 } });
  return [seed, r2020, r2021];
}

/** Applies a change to the table lines (TAB lines) of a Word text export only. */
const inCells = (text: string, change: (line: string) => string) =>
  text.split('\n').map((line) => (line.startsWith('\t') ? change(line) : line)).join('\n');

describe('readText: decoding and artefacts', () => {
  it('reads UTF-8 with a BOM, UTF-16 with a BOM, and GB18030 with a note', () => {
    const text = '\ufeff某局2019年政府信息公开工作年度报告\n一、总体情况\n';
    assert.equal((readText(Buffer.from(text, 'utf8')).blocks[0] as { text: string }).text, '某局2019年政府信息公开工作年度报告');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.slice(1), 'utf16le')]);
    assert.equal((readText(utf16).blocks[0] as { text: string }).text, '某局2019年政府信息公开工作年度报告');
    const gb = corpus('variant-gb18030-2021.txt');
    const utf8 = corpus('variant-spaced-2021.txt');
    assert.ok(gb.notes.some((n) => n.includes('GB18030')));
    assert.equal(gb.report!.agency.name, '某某县水利局');
    assert.deepEqual(gb.report!.cells, utf8.report!.cells);
  });

  it('removes Word bookmarks and gives every block its line', () => {
    const doc = readText('[bookmark: _GoBack]标题\n\n[bookmark: _Hlk30402422]正文。\n');
    assert.deepEqual(doc.blocks, [
      { kind: 'paragraph', text: '标题', where: { line: 1 } },
      { kind: 'paragraph', text: '正文。', where: { line: 3 } },
    ]);
  });
});

describe('readText: table forms', () => {
  it('(a) Word export: one cell per TAB line, continuation lines, blank cells, rows split by empty lines', () => {
    const doc = readText('三、收到\n\t\n\t（三）不予\n公开\n\t1.属于国家秘密\n\t\u2002\n\t0\n\n\t行政许可\n\t12\n\n\n下一段。\n');
    assert.equal(doc.blocks.length, 3);
    const table = doc.blocks[1]!;
    assert.ok(table.kind === 'table');
    assert.deepEqual(table.table.rows.map((r) => r.map((c) => c.text)), [['', '（三）不予\n公开', '1.属于国家秘密', '\u2002', '0'], ['行政许可', '12']]);
    assert.deepEqual(table.table.rows[0]![3]!.where, { line: 6, table: 1, row: 1, column: 4 });
    assert.deepEqual(doc.blocks[2], { kind: 'paragraph', text: '下一段。', where: { line: 13 } });
    // A section heading right after the last cell ends the table.
    const next = readText('\t行政复议\n\t0\n五、存在的主要问题及改进情况\n');
    assert.deepEqual(next.blocks.map((b) => b.kind), ['table', 'paragraph']);
  });

  it('(b) tab-separated rows, merged positions as empty fields, quoted fields', () => {
    const doc = readText('第二十条第（一）项\t\t\t\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"行政规范性\n文件"\t2\t1\t5\n');
    const table = doc.blocks[0]!;
    assert.ok(table.kind === 'table');
    assert.equal(table.table.rows.length, 3);
    assert.deepEqual(table.table.rows[0]!.map((c) => c.text), ['第二十条第（一）项', '', '', '']);
    assert.deepEqual(table.table.rows[2]!.map((c) => c.text), ['行政规范性\n文件', '2', '1', '5']);
    assert.deepEqual(table.table.rows[2]![1]!.where, { line: 3, table: 1, row: 3, column: 2 });
  });

  it('(c) a label and its numbers on one line; (d) a label and its numbers on the next lines', () => {
    const doc = readText('规 章 ０ １ ２\n行政许可\n12\n-3\n40\n一、本年新收政府信息公开申请数量\n3 1 0 0 0 1 5\n行政处罚 ／\n办理情况 无\n四、政府信息公开行政复议、行政诉讼情况\n0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n');
    const texts = doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.table.rows.map((r) => r.map((c) => c.text))));
    assert.deepEqual(texts, [
      [['规 章', '０', '１', '２'], ['行政许可', '12', '-3', '40'], ['一、本年新收政府信息公开申请数量', '3', '1', '0', '0', '0', '1', '5'], ['行政处罚', '／']],
      '办理情况 无',
      '四、政府信息公开行政复议、行政诉讼情况',
      [['0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0']],
    ]);
  });
});

describe('readText + readReport: the seed', () => {
  const seed = load('src/demo/huancui-approval-bureau-2019.json');
  const result = corpus('seed-huancui-2019.txt');

  it('gives exactly the figures and blanks of the published report', () => {
    assert.equal(result.error, null);
    assert.deepEqual(result.report!.cells, seed.cells);
    assert.equal(Object.values(result.report!.cells).filter((v) => v === null).length, Object.values(seed.cells).filter((v) => v === null).length);
    assert.deepEqual(result.report!.cells['二:procurement:amount'], { amount: 165.51, unit: '万元' });
    assert.equal(result.report!.cells['二:rules:made'], null);
    assert.equal(result.report!.cells['三:received:total'], 0);
  });

  it('reads year, format, agency, date of issue, signature and the six sections', () => {
    const r = result.report!;
    assert.deepEqual([r.year, r.format, r.agency.name, r.issuedOn, r.signature], [2019, '2019', '威海市环翠区行政审批服务局', '2020-01-18', '威海市环翠区行政审批服务局']);
    assert.equal(r.title, '威海市环翠区行政审批服务局2019年政府信息公开工作年度报告');
    assert.deepEqual(r.sections.map((s) => s.heading), ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况', '五、存在问题和改进措施', '六、其他需要报告的事项']);
    assert.ok(!result.notes.some((n) => n.startsWith('未找到')));
    assert.deepEqual(r, seed);
  });

  it('says where every cell was read and how well each table was read', () => {
    assert.equal(result.cells.length, 198);
    assert.ok(result.cells.every((c) => typeof c.where?.line === 'number'));
    const amount = result.cells.find((c) => c.key === '二:procurement:amount')!;
    assert.deepEqual([amount.raw, amount.status, amount.where!.line], ['165.51万元', 'read', 95]);
    const blank = result.cells.find((c) => c.key === '二:rules:published')!;
    assert.deepEqual([blank.raw, blank.status, blank.where!.line], ['\u2002', 'blank', 35]);
    assert.deepEqual(result.tables.map((t) => [t.table, t.found, t.confidence, t.cellsRead, t.cellsExpected]),
      [['二', true, 1, 22, 22], ['三', true, 1, 161, 161], ['四', true, 1, 15, 15]]);
    assert.equal(result.format, '2019');
    assert.ok(result.detection.confidence >= 0.9);
    assert.ok(result.narrative.some((f) => f.figureId === 'received' && f.value === 0));
    assert.equal(result.checks!.hardFailures, 0);
  });
});

describe('readText + readReport: render → parse round trips', () => {
  for (const form of ['word', 'tsv'] as const) {
    it(`is exact for the seed, 2020 and 2021 in the ${form} text form (local rows included)`, () => {
      for (const report of references()) {
        const result = parse(renderText(report, form));
        assert.deepEqual(result.report, report, `${report.year} ${form}`);
        assert.ok(result.tables.every((t) => t.confidence === 1));
      }
    });
  }
});

describe('readText + readReport: what real reports do', () => {
  const [, r2020, r2021] = references();
  const word2021 = renderText(r2021!, 'word');

  it('full-width digits and half-width brackets in the table', () => {
    const text = inCells(word2021, (l) => l.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace(/（/g, '(').replace(/）/g, ')'));
    assert.deepEqual(parse(text).report!.cells, r2021!.cells);
  });

  it('规范性文件 in a 2021 report and 行政规范性文件 in a 2020 report', () => {
    assert.deepEqual(parse(inCells(word2021, (l) => l.replace('行政规范性文件', '规范性文件'))).report!.cells, r2021!.cells);
    const text2020 = inCells(renderText(r2020!, 'word'), (l) => (l === '\t规范性文件' ? '\t行政规范性文件' : l));
    assert.ok(text2020.includes('\t行政规范性文件'));
    const result = parse(text2020);
    assert.equal(result.format, '2019');
    assert.deepEqual(result.report!.cells, r2020!.cells);
  });

  it('spaces and line breaks inside labels', () => {
    const text = inCells(word2021, (l) => l.replace('本年新收政府信息公开申请数量', '本年新收政府信息\n公开申请 数量').replace('结果维持', '结果\n维持').replace('行政许可', '行政 许可'));
    assert.deepEqual(parse(text).report!.cells, r2021!.cells);
  });

  it('traditional characters in labels and headings', () => {
    const toTraditional = new Map<string, string>();
    for (const [t, s] of Object.entries(TRADITIONAL_TO_SIMPLIFIED)) if (t !== s && !toTraditional.has(s)) toTraditional.set(s, t);
    const convert = (l: string) => [...l].map((ch) => toTraditional.get(ch) ?? ch).join('');
    const text = word2021.split('\n').map((l) => (l.startsWith('\t') || /^[一二三四五六]、/.test(l) ? convert(l) : l)).join('\n');
    assert.ok(text.includes('\t第二十條第（一）項'));
    const result = parse(text);
    assert.equal(result.format, '2021');
    assert.deepEqual(result.report!.cells, r2021!.cells);
    assert.deepEqual(result.report!.sections.map((s) => s.key), ['一', '二', '三', '四', '五', '六']);
    assert.equal(result.report!.sections[3]!.heading, '四、政府信息公開行政復議、行政訴訟情況');
  });

  it('numbered headings that differ from the canonical ones', () => {
    const text = word2021.replace('五、存在的主要问题及改进情况', '五、政府信息公开工作存在的主要问题及改进情况')
      .replace('三、收到和处理政府信息公开申请情况', '三、政府信息公开申请办理情况').replace('六、其他需要报告的事项', '六、其他事项');
    const result = parse(text);
    assert.deepEqual(result.report!.sections.map((s) => s.heading), ['一、总体情况', '二、主动公开政府信息情况', '三、政府信息公开申请办理情况',
      '四、政府信息公开行政复议、行政诉讼情况', '五、政府信息公开工作存在的主要问题及改进情况', '六、其他事项']);
    assert.deepEqual(result.report!.sections.map((s) => s.paragraphs), r2021!.sections.map((s) => s.paragraphs));
  });

  it('a table missing: the format is still detected, that table is not found', () => {
    const lines = word2021.split('\n');
    const start = lines.indexOf('四、政府信息公开行政复议、行政诉讼情况') + 1;
    const end = lines.findIndex((l, i) => i > start && l.startsWith('五、'));
    const result = parse([...lines.slice(0, start), ...lines.slice(end)].join('\n'));
    assert.equal(result.format, '2021');
    assert.deepEqual(result.tables.map((t) => [t.table, t.found]), [['二', true], ['三', true], ['四', false]]);
    assert.ok(result.cells.filter((c) => c.table === '四').every((c) => c.status === 'missing' && c.value === null));
  });

  it('spaced rows with full-width digits, “／” and “—” kept as written and reported', () => {
    const result = corpus('variant-spaced-2021.txt');
    assert.equal(result.format, '2021');
    const r = result.report!;
    assert.deepEqual([r.agency.name, r.year, r.issuedOn], ['某某县交通运输局', 2021, '2022-01-20']);
    assert.deepEqual([r.cells['二:normative:issued'], r.cells['二:normative:in-force'], r.cells['二:licensing:decisions']], [2, 15, 1234]);
    assert.deepEqual([r.cells['二:penalty:decisions'], r.cells['二:coercion:decisions']], [{ written: '／' }, { written: '—' }]);
    assert.deepEqual(['三:r6-1:total', '三:r7:total', '三:received:natural', '四:all:reconsideration.total'].map((k) => r.cells[k]), [0, 6, 3, 1]);
    const placeholders = result.cells.filter((c) => c.status === 'placeholder');
    assert.deepEqual(placeholders.map((c) => [c.key, c.raw, c.where!.line]), [['二:penalty:decisions', '／', 19], ['二:coercion:decisions', '—', 20]]);
    assert.ok(result.checks!.results.some((c) => c.status === 'fail' && c.cells.some((x) => x.key === '二:penalty:decisions')));
    assert.deepEqual(r.sections[4]!.paragraphs, ['（一）存在的主要问题：政策解读不够深入。', '（二）改进情况：加强解读。']);
    assert.ok(r.sections[1]!.paragraphs.length === 0 && r.sections[3]!.paragraphs.length === 0);
  });

  it('labels on their own lines in traditional characters, a local row, other headings, no table 四', () => {
    const result = corpus('variant-traditional-2019.txt');
    const r = result.report!;
    assert.equal(result.format, '2019');
    assert.deepEqual([r.agency.name, r.year, r.issuedOn], ['某某市某某區財政局', 2019, '2020-01-18']);
    assert.deepEqual(r.extraRows, [{ table: '二', block: 'art20-1', label: '其他主動公開文件', values: { made: 3, published: 3, total: 3 } }]);
    assert.deepEqual([r.cells['二:licensing:change'], r.cells['二:procurement:amount'], r.cells['三:r4-1:total'], r.cells['三:r7:total']],
      [-2, { amount: 186400, unit: '元' }, 1, 2]);
    assert.deepEqual(result.tables.map((t) => [t.table, t.found, t.confidence]), [['二', true, 1], ['三', true, 1], ['四', false, 0]]);
    assert.deepEqual(r.sections.map((s) => s.heading.slice(0, 2)), ['一、', '二、', '三、', '四、', '五、', '六、']);
    assert.deepEqual(r.sections[2]!.paragraphs, []);
  });

  it('run-together cells: recovered from the sums, or reported ambiguous with the candidates', () => {
    const result = corpus('variant-run-together-2020.txt');
    const cell = (key: string) => result.cells.find((c) => c.key === key)!;
    assert.deepEqual(['natural', 'commercial', 'total'].map((c) => [cell(`三:received:${c}`).status, cell(`三:received:${c}`).value]),
      [['recovered', 217], ['recovered', 1], ['recovered', 218]]);
    assert.equal(cell('三:received:natural').raw, '21710000218');
    assert.deepEqual([cell('三:r2:total').value, cell('四:all:reconsideration.total').value], [10, 1]);
    const licensing = cell('二:licensing:decisions');
    assert.equal(licensing.status, 'ambiguous');
    assert.equal(licensing.value, null);
    assert.ok(licensing.candidates!.some((c) => c.join('|') === '0|226|17302'));
    assert.ok(licensing.candidates!.length > 1);
    assert.equal(result.report!.cells['二:licensing:decisions'], null);
  });

  it('a text that is not a report, and a report in English, give a clear error', () => {
    for (const name of ['not-a-report.txt', 'english-report.txt']) {
      const result = corpus(name);
      assert.equal(result.report, null, name);
      assert.match(result.error!, /^未识别出政府信息公开工作年度报告：/);
    }
    assert.match(corpus('english-report.txt').error!, /没有中文内容/);
    assert.match(parse('').error!, /^未识别出政府信息公开工作年度报告/);
  });
});
