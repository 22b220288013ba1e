import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import JSZip from 'jszip';
import { feeByApplication } from '../core/applications/fees.js';
import { feeNoticeContent, replyLetterContent, type LetterContent } from '../core/applications/letter-content.js';
import { letterClosingLines, renderLetterDocx, renderLetterPdf } from './render-letter.js';

const reply = replyLetterContent({
  agencyName: '威海市环翠区行政审批服务局', caseNo: 'YSQ2025-0012', applicantName: '张三', receivedOn: '2025-09-26',
  subject: '2024年度某项目环境影响评价批复文件', decision: 'withheld-third-party', decidedOn: '2025-10-20',
  details: '该信息含有第三方企业的商业秘密，经书面征求第三方意见，第三方不同意公开', contact: '联系人：王五，联系电话：0631-5200000',
});
const BASIS = '《中华人民共和国政府信息公开条例》第十五条、第三十二条、第三十六条第（三）项';

const fee = feeNoticeContent({
  agencyName: '威海市环翠区行政审批服务局', caseNo: 'YSQ2025-0045', applicantName: '李四', receivedOn: '2025-09-26',
  fee: feeByApplication(0, 45), noticeDate: '2025-10-09', payByDate: '2025-11-06',
});

/** The text of word/document.xml's runs, joined (a paragraph's runs may split a phrase). */
async function docxText(content: LetterContent): Promise<{ xml: string; text: string }> {
  const buffer = await renderLetterDocx(content);
  assert.equal(buffer.subarray(0, 2).toString('latin1'), 'PK', 'a zip file');
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return { xml, text };
}

const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

/** The text of a PDF as pdftotext extracts it, white space removed (wrapped lines gain breaks). */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'gk-letter-'));
  try {
    writeFileSync(join(dir, 'l.pdf'), pdf);
    const out = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', join(dir, 'l.pdf'), '-'], { encoding: 'utf8' });
    assert.equal(out.status, 0, out.stderr);
    return out.stdout.replace(/\s+/g, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function pdfOf(t: TestContext, content: LetterContent): Promise<string | null> {
  const pdf = await renderLetterPdf(content);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  // A4 portrait: 595.28 × 841.89 pt.
  assert.match(pdf.toString('latin1'), /\/MediaBox \[0 0 595\.2\d+ 841\.8\d+\]/);
  if (!hasPdftotext) {
    t.skip('pdftotext (poppler-utils) 未安装，跳过文字提取检查');
    return null;
  }
  return pdfText(pdf);
}

describe('letters as Word documents', () => {
  it('holds the title, 文号, basis, remedies, signature and date of a reply', async () => {
    const { xml, text } = await docxText(reply);
    for (const s of ['政府信息不予公开告知书', '依申请公开〔2025〕12号', '张三：', BASIS, '60日内', '6个月内', '特此告知。',
      '威海市环翠区行政审批服务局', '2025年10月20日', '（联系人：王五，联系电话：0631-5200000）']) {
      assert.ok(text.includes(s), `应含“${s}”`);
    }
    // Title in its style (小标宋 二号), body in 仿宋 三号 through the shared styles; A4 page.
    assert.match(xml, /<w:pStyle w:val="GkTitle"\/>/);
    assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"/);
    assert.ok(text.indexOf('特此告知。') < text.indexOf('2025年10月20日'), 'closing formula before the date');
  });

  it('lists the fee bands and the total of a fee notice', async () => {
    const { text } = await docxText(fee);
    for (const s of ['政府信息公开信息处理费缴费通知书', '5500元', '第11—30件：20件×100元/件＝2000元', '第41—45件：5件×300元/件＝1500元', '20个工作日']) {
      assert.ok(text.includes(s), `应含“${s}”`);
    }
  });
});

describe('letters as PDF', () => {
  it('reads back the title, basis and remedies of a reply', async (t) => {
    const text = await pdfOf(t, reply);
    if (text === null) return;
    for (const s of ['政府信息不予公开告知书', '依申请公开〔2025〕12号', BASIS, '60日内', '6个月内', '威海市环翠区行政审批服务局', '2025年10月20日']) {
      assert.ok(text.includes(s), `应含“${s}”`);
    }
    assert.ok(!text.includes('\ufffd'), 'no replacement characters');
  });

  it('reads back the band lines and total of a fee notice', async (t) => {
    const text = await pdfOf(t, fee);
    if (text === null) return;
    for (const s of ['政府信息公开信息处理费缴费通知书', '应缴纳信息处理费5500元', '第1—10件：10件免费', '第31—40件：10件×200元/件＝2000元', '合计：5500元']) {
      assert.ok(text.includes(s), `应含“${s}”`);
    }
  });
});

describe('signature and date placement (GB/T 9704 §7.3.5.2)', () => {
  it('puts the date two characters right of the signature start, or moves the signature for a long date', () => {
    assert.deepEqual(letterClosingLines('威海市环翠区行政审批服务局', '2025年10月20日'),
      [{ text: '威海市环翠区行政审批服务局', rightChars: 2 }, { text: '2025年10月20日', rightChars: 6 }]);
    assert.deepEqual(letterClosingLines('某局', '2025年10月20日'),
      [{ text: '某局', rightChars: 9 }, { text: '2025年10月20日', rightChars: 2 }]);
  });
});
