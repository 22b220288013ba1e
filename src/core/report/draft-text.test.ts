import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { checkReport } from '../checks/check-report.js';
import { fromInterchange } from '../interchange/from-interchange.js';
import { cellFigures } from './cell-figures.js';
import { draftReportText, locateFigures, withDraftedText, type TextFigure } from './draft-text.js';
import type { ReportDocument } from './report-model.js';

const load = (year: number): ReportDocument =>
  fromInterchange(JSON.parse(readFileSync(new URL(`../../../test/fixtures/full-${year}.json`, import.meta.url), 'utf8')));

function figuresOf(doc: ReportDocument, extra: TextFigure[] = []): Map<string, TextFigure> {
  const figures = new Map<string, TextFigure>();
  for (const f of cellFigures(doc.format, doc.cells)) figures.set(f.key, { ...f, source: '表格', link: null });
  for (const f of extra) figures.set(f.key, f);
  return figures;
}

const fig = (key: string, label: string, value: number, unit: string, decimals?: number): TextFigure =>
  ({ key, label, value, unit, ...(decimals ? { decimals } : {}), source: '测试数据', link: null });

const EXTRA = [
  fig('publications.total', '主动公开政府信息（条）', 1582, '条'),
  fig('publications.channel.website', '其中通过政府网站公开（条）', 412, '条'),
  fig('publications.channel.wechat', '其中通过政务微信公开（条）', 146, '条'),
  fig('fees.cases', '收取信息处理费的申请（件）', 0, '件'),
  fig('fees.amount', '信息处理费（元）', 0, '元', 2),
  fig('proposals.deputies', '人大代表建议（件）', 0, '件'),
  fig('proposals.members', '政协提案（件）', 1, '件'),
  fig('proposals.published', '已公开办理结果（件）', 1, '件'),
  fig('hall.one-visit-share', '最多跑一次（%）', 98.3, '%', 1),
  fig('hall.matters', '事项（项）', 946, '项'),
  fig('hall.online', '可网办（项）', 803, '项'),
];

for (const year of [2020, 2021]) {
  test(`the drafted text of the ${year} fixture states the tables' figures and passes every narrative check`, () => {
    const doc = load(year);
    const drafted = draftReportText({ year, figures: figuresOf(doc, EXTRA) });
    const next = withDraftedText(doc, drafted);
    const one = next.sections.find((s) => s.key === '一')!;
    assert.deepEqual(one.parts.map((p) => p.heading).slice(0, 2), ['（一）主动公开情况', '（二）依申请公开情况']);
    const text = one.parts.flatMap((p) => p.paragraphs).join('');
    assert.match(text, new RegExp(`共收到政府信息公开申请${doc.cells['三:received:total']}件`));
    assert.match(text, /主动公开政府信息1582条，其中通过政府网站公开412条、通过政务微信公开146条/);
    assert.match(text, /“最多跑一次”事项占比98\.3%/);
    const six = next.sections.find((s) => s.key === '六')!.parts.flatMap((p) => p.paragraphs).join('');
    assert.match(six, /未收取信息处理费/);
    assert.match(six, /政协提案1件/);
    const narrative = checkReport(next).results.filter((r) => r.id.startsWith('narrative:'));
    assert.ok(narrative.length >= 4, 'the narrative checks read the drafted figures');
    assert.deepEqual(narrative.filter((r) => r.status === 'fail').map((r) => r.title), []);
    // Every mark is found again in the text it was drafted into, with its value.
    const located = locateFigures(next, drafted.marks, figuresOf(doc, EXTRA));
    assert.deepEqual(located.filter((l) => l.status !== 'ok').map((l) => `${l.key}:${l.status}`), []);
  });
}

test('a figure that changed in the data, a number the officer changed and a deleted sentence are told apart', () => {
  const doc = load(2021);
  const figures = figuresOf(doc, EXTRA);
  const drafted = draftReportText({ year: 2021, figures });
  let next = withDraftedText(doc, drafted);
  // The officer rewrites the publications figure and deletes the normative-documents sentence.
  next = {
    ...next,
    sections: next.sections.map((s) => (s.key !== '一' ? s : {
      ...s,
      parts: s.parts.map((p) => ({
        ...p,
        paragraphs: p.paragraphs.map((t) => t.replace('主动公开政府信息1582条', '主动公开政府信息 1600 条')
          .replace(/全年制发行政规范性文件[^。]*。/, '')),
      })),
    })),
  };
  const now = new Map(figures);
  now.set('applications.received', { ...figures.get('applications.received')!, value: 33 });
  const byKey = new Map(locateFigures(next, drafted.marks, now).map((l) => [l.key, l]));
  assert.equal(byKey.get('applications.received')!.status, 'data-changed');
  assert.equal(byKey.get('applications.received')!.written, 32);
  assert.equal(byKey.get('applications.received')!.current, 33);
  assert.equal(byKey.get('publications.total')!.status, 'differs');
  assert.equal(byKey.get('publications.total')!.written, 1600);
  assert.equal(byKey.get('normative.issued')!.status, 'not-found');
  assert.equal(byKey.get('applications.carried-out')!.status, 'ok');
});

test('sentences whose figures are unknown are left out, never written with a blank', () => {
  const doc = load(2021);
  const drafted = draftReportText({ year: 2021, figures: new Map() });
  assert.deepEqual(drafted.sections.map((s) => s.parts.length), [0, 0]);
  assert.deepEqual(drafted.marks, []);
  // Nothing drafted: the document keeps its own text.
  assert.deepEqual(withDraftedText(doc, drafted).sections, doc.sections);
});

test('fees charged are stated with their amount in yuan and two decimals', () => {
  const drafted = draftReportText({
    year: 2022,
    figures: new Map([fig('fees.cases', '件', 2, '件'), fig('fees.amount', '元', 150, '元', 2)].map((f) => [f.key, f])),
  });
  const six = drafted.sections[1]!.parts[0]!.paragraphs[0]!;
  assert.equal(six, '2022年，本机关依据《政府信息公开信息处理费管理办法》对2件申请收取信息处理费，共计150.00元。');
});

test('zeros are stated in words the narrative checks read as 0, and found again as 0', () => {
  const base = load(2021);
  const cells = { ...base.cells };
  for (const key of Object.keys(cells)) if (key.startsWith('三:') || key.startsWith('四:')) cells[key] = 0;
  const doc = { ...base, cells };
  const figures = figuresOf(doc);
  const drafted = draftReportText({ year: 2021, figures });
  const next = withDraftedText(doc, drafted);
  const text = next.sections.find((s) => s.key === '一')!.parts.flatMap((p) => p.paragraphs).join('');
  assert.match(text, /本机关未收到政府信息公开申请，无上年结转的政府信息公开申请。/);
  assert.match(text, /未发生因政府信息公开工作被申请行政复议、未被提起行政诉讼的情况。/);
  assert.doesNotMatch(text, /0件/);
  const narrative = checkReport(next).results.filter((r) => r.id.startsWith('narrative:'));
  assert.ok(narrative.some((r) => r.id === 'narrative:received' && r.status === 'pass'));
  assert.deepEqual(narrative.filter((r) => r.status === 'fail').map((r) => r.title), []);
  const located = locateFigures(next, drafted.marks, figures);
  assert.deepEqual(located.filter((l) => l.status !== 'ok').map((l) => l.key), []);
  const changed = new Map(figures);
  changed.set('applications.received', { ...figures.get('applications.received')!, value: 1 });
  assert.equal(locateFigures(next, drafted.marks, changed).find((l) => l.key === 'applications.received')!.status, 'data-changed');
});
