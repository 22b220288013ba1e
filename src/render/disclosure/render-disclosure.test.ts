import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { readDocx } from '../../parse/read-docx.js';
import { readPdf } from '../../parse/read-pdf.js';
import type { SourceDocument } from '../../core/parse/source-types.js';
import { SAMPLE_ITEM, SAMPLE_SECRECY_SHEET, TINY_PNG, sampleChecklist } from './disclosure-fixtures.js';
import { bodyBlocks } from './html-blocks.js';
import { graphemes, ledText } from './led-text.js';
import { CHECKLIST_COLUMNS, renderChecklistDocx, renderChecklistXlsx } from './monthly-checklist.js';
import { renderNoticeBoardPdf } from './notice-board-pdf.js';
import { renderSecrecyReviewDocx, renderSecrecyReviewPdf } from './secrecy-review-form.js';
import { wechatExport } from './wechat-export.js';

/** Every paragraph and cell of a document, white space removed (a PDF line may break anywhere). */
function textOf(doc: SourceDocument): string {
  return doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.table.rows.flat().map((c) => c.text).join('|'))).join('\n').replace(/\s+/g, '');
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

function assertHas(text: string, parts: string[]) {
  for (const p of parts) assert.ok(text.includes(squeeze(p)), `missing “${p}”`);
}

describe('互联网信息发布保密审查表', () => {
  const labels = ['互联网信息发布保密审查表', '信息标题', '索引号', '发布机构', '起草科室', '起草人', '拟发布渠道', '科室负责人初审', '初审意见',
    '保密审查', '是否涉及国家秘密', '是否涉及工作秘密', '是否涉及个人信息', '是否涉及商业秘密', '是否适合在各拟发布渠道发布',
    '个人信息等扫描发现及处理情况', '审查结论', '审查人', '领导核审签发', '签发人', '签发日期'];
  const values = [SAMPLE_SECRECY_SHEET.title, '政务服务科', '经办人李明', '2026年3月3日', '政府网站（政府信息公开平台）、政务微信公众号、公开栏',
    '科室负责人张华', '内容属实，同意报送保密审查。', '政务微信公众号：是', '公开栏：否', '1.正文第3段居民身份证号码（3710**********1234）：已删除',
    '2.正文第5段固定电话号码（0631-52****0）：确认可公开，理由：单位办公电话，依法应当公开', '保密审查员赵敏', '2026年3月5日', '领导王强', '同意发布。', '2026年3月6日'];

  it('the Word form holds every label and value', async () => {
    const text = textOf(await readDocx(await renderSecrecyReviewDocx(SAMPLE_SECRECY_SHEET)));
    assertHas(text, [...labels, ...values]);
  });

  it('the PDF form holds every label and value on one page', async () => {
    const pdf = await renderSecrecyReviewPdf(SAMPLE_SECRECY_SHEET);
    assertHas(textOf(await readPdf(pdf)), [...labels, ...values]);
    assert.equal(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length, 1);
  });

  it('a form printed before the review leaves the answers blank, never “否”', async () => {
    const text = textOf(await readDocx(await renderSecrecyReviewDocx({ ...SAMPLE_SECRECY_SHEET, firstReview: null, secrecyReview: null, signOff: null, findings: [] })));
    assertHas(text, labels);
    assert.ok(!/\|[是否]($|\|)/.test(text) && !text.includes('未发现'));
  });
});

describe('互联网信息发布每月检查清理清单', () => {
  it('the workbook has the headings, one row per publication and the signature', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await renderChecklistXlsx(sampleChecklist(true)) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)));
    assert.equal(row(1)[0], '互联网信息发布每月检查清理清单');
    assert.match(row(2)[0]!, /威海市环翠区行政审批服务局.*2026年3月/);
    assert.deepEqual(row(3), [...CHECKLIST_COLUMNS]);
    assert.deepEqual(row(5), ['2', '11371002MB1234567X/2026-00013', '2026年第一季度行政许可事项办理情况', '政务微信公众号', '2026年3月20日',
      '信息公开专职人员孙丽', '撤回', '数据有误，更正后重新发布', '保密审查员赵敏', '2026年4月2日']);
    assert.equal(row(4)[6], '保留');
    assert.match(row(8)[0]!, /审核签字：保密审查员赵敏.*日期：2026年4月3日/);
  });

  it('the Word list holds every row, and blank signature lines before sign-off', async () => {
    const text = textOf(await readDocx(await renderChecklistDocx(sampleChecklist(false))));
    assertHas(text, [...CHECKLIST_COLUMNS, '检查月份：2026年3月', '关于调整窗口服务时间的公告', '公开栏', '撤回', '数据有误，更正后重新发布', '审核签字：＿']);
    assert.ok(!text.includes('审核签字：保密审查员'));
    const signed = textOf(await readDocx(await renderChecklistDocx(sampleChecklist(true))));
    assertHas(signed, ['审核签字：保密审查员赵敏', '日期：2026年4月3日']);
  });
});

describe('channel exports', () => {
  it('WeChat: title, a digest of at most 120 characters, inline styles only, the first image as cover', () => {
    const w = wechatExport(SAMPLE_ITEM);
    assert.equal(w.title, SAMPLE_ITEM.title);
    assert.ok([...w.digest].length <= 120 && w.digest.endsWith('…'));
    assert.ok(!/<style|class=|<script|<a /i.test(w.bodyHtml));
    assert.match(w.bodyHtml, /<p style="[^"]+">为深入贯彻落实/);
    assert.match(w.bodyHtml, /<td style="[^"]+">0\.5个工作日<\/td>/);
    assert.match(w.bodyHtml, /企业开办申请表\.docx/);
    assert.deepEqual(w.coverImage, { fileName: '企业开办流程图.png', contentType: 'image/png', bytes: TINY_PNG });
    assert.equal(wechatExport({ ...SAMPLE_ITEM, attachments: [] }).coverImage, undefined);
    assert.equal(wechatExport({ ...SAMPLE_ITEM, summary: '短' }).digest, '短');
  });

  it('WeChat: text that looks like markup is escaped', () => {
    const w = wechatExport({ ...SAMPLE_ITEM, bodyHtml: '<p>&lt;script&gt;alert(1)&lt;/script&gt; a &amp; b</p>' });
    assert.match(w.bodyHtml, /&lt;script&gt;alert\(1\)&lt;\/script&gt; a &amp; b/);
  });

  it('LED: every screen fits the size, nothing is lost, characters are never split', () => {
    const item = { title: '通知：😀テスト', bodyHtml: '<p>一二三四五，六七八九十。</p><p>e\u0301 ABC</p><table><tr><td>甲</td><td>乙</td></tr></table>' };
    for (const size of [{ charsPerLine: 1, lines: 1 }, { charsPerLine: 4, lines: 2 }, { charsPerLine: 7, lines: 3 }, { charsPerLine: 64, lines: 4 }]) {
      const { screens } = ledText(item, size);
      for (const s of screens) {
        const lines = s.split('\n');
        assert.ok(lines.length <= size.lines);
        for (const l of lines) assert.ok(graphemes(l).length <= size.charsPerLine && l.length > 0, `${JSON.stringify(l)} > ${size.charsPerLine}`);
        assert.ok(!/[<>]/.test(s));
      }
      assert.equal(screens.join('').replace(/\n/g, ''), '通知：😀テスト一二三四五，六七八九十。e\u0301 ABC甲 乙');
    }
    assert.deepEqual(ledText(item, { charsPerLine: 4, lines: 2 }).screens[0], '通知：😀\nテスト');
    assert.throws(() => ledText(item, { charsPerLine: 0, lines: 2 }), /每行字数/);
    assert.throws(() => ledText(item, { charsPerLine: 4, lines: 2.5 }), /每屏行数/);
  });

  it('notice board: the PDF has the title, metadata, body blocks and attachments', async () => {
    const text = textOf(await readPdf(await renderNoticeBoardPdf(SAMPLE_ITEM)));
    assertHas(text, [SAMPLE_ITEM.title, '索引号', '11371002MB1234567X/2026-00012', '发布机构', '文号', '威环审批发〔2026〕3号', '成文日期', '2026年3月2日',
      '发布日期', '2026年3月10日', '一、总体要求', '为深入贯彻落实优化营商环境条例', '公章刻制', '0.5个工作日', '附件', '企业开办申请表.docx']);
  });

  it('the body reader keeps headings, paragraphs, list items and tables and drops scripts', () => {
    assert.deepEqual(bodyBlocks('<h1>标题</h1>文字<br>换行<div><p>段</p></div><ol><li>甲</li></ol><script>x</script><table><tr><td>a</td></tr></table>'), [
      { kind: 'heading', level: 1, text: '标题' }, { kind: 'paragraph', text: '文字' }, { kind: 'paragraph', text: '换行' },
      { kind: 'paragraph', text: '段' }, { kind: 'list-item', ordinal: '1.', text: '甲' }, { kind: 'table', rows: [['a']] },
    ]);
  });
});
