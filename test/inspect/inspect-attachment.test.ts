import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { inspectAttachment, type AttachmentInspection } from '../../src/inspect/inspect-attachment.js';
import type { Finding } from '../../src/inspect/finding.js';
import { cardNumber, idNumber, makeDocx, makeOfd, makePdf, makeXlsx, objectStream, p, pdfImage, pdfText, setDeclaredSize, table } from './fixtures.js';

function ok(result: AttachmentInspection): Extract<AttachmentInspection, { ok: true }> {
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result;
}
function refused(result: AttachmentInspection): Extract<AttachmentInspection, { ok: false }> {
  assert.equal(result.ok, false, 'expected a refusal');
  return result as Extract<AttachmentInspection, { ok: false }>;
}
const summary = (findings: Finding[]) => findings.map((f) => `${f.kind}@${f.place}`);

describe('attachment type from the bytes', () => {
  it('refuses an executable renamed .pdf, naming the file and what it really is', async () => {
    const exe = new Uint8Array(Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(200)]));
    const r = refused(await inspectAttachment(exe, '通知.pdf'));
    assert.equal(r.code, 'type-mismatch');
    assert.equal(r.message, '附件“通知.pdf”的内容不是 PDF 文件（实为可执行程序），不能上传');
  });
  it('refuses executables and scripts under their own names too', async () => {
    assert.equal(refused(await inspectAttachment(new Uint8Array(Buffer.from('MZ\x00\x00')), 'setup.exe')).code, 'executable');
    assert.equal(refused(await inspectAttachment(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1]), 'run')).code, 'executable');
    const script = refused(await inspectAttachment(new Uint8Array(Buffer.from('#!/bin/sh\nrm -rf /\n')), '名单.xlsx'));
    assert.equal(script.message, '附件“名单.xlsx”的内容不是 Excel 工作簿（实为脚本程序），不能上传');
  });
  it('refuses a PDF named .docx and a text file named .pdf', async () => {
    const pdf = makePdf([{ content: pdfText(72, 700, 'Hello') }]);
    assert.match(refused(await inspectAttachment(pdf, '通知.docx')).message, /^附件“通知.docx”的内容不是 Word 文档（实为PDF 文件）/);
    assert.match(refused(await inspectAttachment(new Uint8Array(Buffer.from('你好')), 'a.pdf')).message, /实为文本文件/);
  });
  it('refuses an oversize file before reading it', async () => {
    const big = new Uint8Array(51 * 2 ** 20);
    big.set(Buffer.from('%PDF-1.7'));
    const r = refused(await inspectAttachment(big, '年报.pdf'));
    assert.equal(r.code, 'too-large');
    assert.equal(r.message, '附件“年报.pdf”大小为 51 MB，超过上限 50 MB，不能上传');
    assert.equal(refused(await inspectAttachment(new Uint8Array(2000), 'x.pdf', { maxBytes: 1000 })).code, 'too-large');
  });
  it('refuses an empty file', async () => {
    assert.equal(refused(await inspectAttachment(new Uint8Array(), '空.pdf')).message, '附件“空.pdf”是空文件，不能上传');
  });
  it('accepts images by their magic numbers, with a note', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const r = ok(await inspectAttachment(png, '现场照片.png'));
    assert.equal(r.fileType, 'png');
    assert.equal(r.mediaType, 'image/png');
    assert.match(r.note ?? '', /图片中的文字无法自动检查/);
    assert.equal(ok(await inspectAttachment(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 'a.JPG')).fileType, 'jpeg');
    assert.equal(refused(await inspectAttachment(png, '现场照片.jpg')).code, 'type-mismatch');
  });
  it('accepts a WPS binary file named .wps with a note, refuses an old .doc', async () => {
    const ole = new Uint8Array(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    const r = ok(await inspectAttachment(ole, '通知.wps'));
    assert.equal(r.fileType, 'wps');
    assert.deepEqual(r.findings, []);
    assert.match(r.note ?? '', /无法自动检查/);
    assert.equal(ok(await inspectAttachment(ole, '表.et')).fileType, 'et');
    assert.equal(refused(await inspectAttachment(ole, '通知.doc')).code, 'type-not-allowed');
  });
  it('refuses an encrypted Office file (OLE2 with EncryptedPackage)', async () => {
    const ole = new Uint8Array(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(64), Buffer.from('EncryptedPackage', 'utf16le')]));
    const r = refused(await inspectAttachment(ole, '名单.xlsx'));
    assert.equal(r.code, 'encrypted');
    assert.match(r.message, /^附件“名单.xlsx”已加密/);
  });
  it('refuses a ZIP that is no Office document, and a corrupt one', async () => {
    const zip = new JSZip();
    zip.file('a.txt', 'x');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    assert.match(refused(await inspectAttachment(bytes, '材料.docx')).message, /实为ZIP 压缩包/);
    const cut = (await makeDocx(p('正文'))).subarray(0, 100);
    const r = refused(await inspectAttachment(cut, '通知.docx'));
    assert.equal(r.code, 'corrupt');
    assert.match(r.message, /^附件“通知.docx”已损坏/);
  });
});

describe('zip bombs', () => {
  it('refuses a DOCX declaring a huge part before inflating anything', async () => {
    const docx = setDeclaredSize(await makeDocx(p('正文')), 'word/document.xml', 3_000_000_000);
    const start = performance.now();
    const r = refused(await inspectAttachment(docx, '通知.docx'));
    assert.equal(r.code, 'zip-bomb');
    assert.match(r.message, /^附件“通知.docx”不能上传：压缩包解压后超过 200 MB/);
    assert.ok(performance.now() - start < 200);
  });
  it('refuses a DOCX whose part inflates past its declared size (a lying header), quickly', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
    zip.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' + ' '.repeat(30 * 2 ** 20) + '</w:body></w:document>');
    const bytes = setDeclaredSize(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), 'word/document.xml', 4096);
    assert.ok(bytes.length < 200_000);
    const start = performance.now();
    const r = refused(await inspectAttachment(bytes, '通知.docx'));
    assert.equal(r.code, 'zip-bomb');
    assert.match(r.message, /word\/document.xml.*超过声明的大小/);
    assert.ok(performance.now() - start < 500);
  });
  it('refuses an honest part with an absurd compression ratio, and too many parts', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', Buffer.alloc(20 * 2 ** 20, 0x20));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    assert.match(refused(await inspectAttachment(bytes, '通知.docx')).message, /压缩比异常/);
    const many = new JSZip();
    for (let i = 0; i < 50; i++) many.file(`p${i}.xml`, '<a/>');
    const r = refused(await inspectAttachment(await many.generateAsync({ type: 'uint8array' }), 'x.docx', { maxZipEntries: 20 }));
    assert.match(r.message, /含 50 个部件，超过上限 20 个/);
    assert.ok(deflateRawSync); // zlib is what inflates under the cap
  });
});

describe('DOCX: personal data and hidden content', () => {
  it('finds an ID number and a bank card in a table cell, with the name beside them', async () => {
    const id = idNumber();
    const card = cardNumber();
    const docx = await makeDocx(p('关于发放补贴的公示') + table([['姓名', '身份证号', '银行卡号'], ['张三', id, card]]));
    const r = ok(await inspectAttachment(docx, '名单.docx'));
    assert.equal(r.fileType, 'docx');
    assert.deepEqual(summary(r.findings), [
      'name-near-number@附件“名单.docx”表格 1 第 2 行',
      'resident-id@附件“名单.docx”表格 1 第 2 行',
      'bank-card@附件“名单.docx”表格 1 第 2 行',
    ]);
    assert.equal(r.findings[1]!.excerpt, `37*************${id.slice(-3)}`);
    assert.match(r.text, /关于发放补贴的公示/);
  });
  it('reports comments, tracked changes, hidden text and document properties', async () => {
    const body = [
      p('第一段'),
      '<w:p><w:r><w:t>公开的文字</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>内部意见：暂缓</w:t></w:r></w:p>',
      '<w:p><w:ins w:id="1" w:author="李四"><w:r><w:t>新增内容</w:t></w:r></w:ins><w:del w:id="2" w:author="李四"><w:r><w:delText>删去的电话13812345678</w:delText></w:r></w:del></w:p>',
    ].join('');
    const docx = await makeDocx(body, {
      comments: [{ author: '王科长', text: '此段涉及敏感信息' }, { author: '赵六', text: '请核实' }],
      core: '<dc:creator>张三</dc:creator><cp:lastModifiedBy>李四</cp:lastModifiedBy><dc:title>通知</dc:title>',
      app: '<Company>威海市环翠区行政审批服务局</Company>',
      embedded: ['Microsoft_Excel_Worksheet1.xlsx'],
    });
    const r = ok(await inspectAttachment(docx, '通知.docx'));
    const s = summary(r.findings);
    assert.ok(s.includes('hidden-text@附件“通知.docx”第 2 段（隐藏文字）'), s.join('\n'));
    assert.ok(s.includes('tracked-change@附件“通知.docx”第 3 段修订（插入）'));
    assert.ok(s.includes('tracked-change@附件“通知.docx”第 3 段修订（删除）'));
    assert.ok(s.includes('mobile@附件“通知.docx”第 3 段修订（删除）'));
    assert.ok(s.includes('comment@附件“通知.docx”批注 1'));
    assert.ok(s.includes('comment@附件“通知.docx”批注 2'));
    assert.ok(s.includes('doc-property@附件“通知.docx”文档属性“作者”'));
    assert.ok(s.includes('doc-property@附件“通知.docx”文档属性“最后修改者”'));
    assert.ok(s.includes('doc-property@附件“通知.docx”文档属性“单位”'));
    assert.ok(s.includes('embedded-object@附件“通知.docx”嵌入对象“Microsoft_Excel_Worksheet1.xlsx”'));
    const deleted = r.findings.find((f) => f.place.endsWith('修订（删除）') && f.kind === 'tracked-change')!;
    assert.equal(deleted.excerpt, '删除：删去的电话138****5678（修订人 李*）');
    assert.equal(r.findings.find((f) => f.place.endsWith('批注 1'))!.excerpt, '王**：此段涉及敏感信息');
    assert.equal(r.findings.find((f) => f.place.endsWith('“作者”'))!.excerpt, '张*');
    assert.equal(r.findings.find((f) => f.place.endsWith('“单位”'))!.excerpt, '威海市环翠区行政审批服务局');
    assert.doesNotMatch(r.text, /内部意见|删去的/);
  });
});

describe('XLSX: hidden sheets, rows, columns, comments, properties', () => {
  it('finds them all, with places in Chinese', async () => {
    const id = idNumber();
    const xlsx = await makeXlsx((wb) => {
      wb.creator = '张三';
      wb.lastModifiedBy = '李四';
      wb.company = '某局';
      const list = wb.addWorksheet('名单');
      list.addRow(['姓名', '电话']);
      list.addRow(['王五', '13812345678']);
      list.addRow(['赵六', '13912345678']);
      list.getRow(3).hidden = true;
      list.getColumn(3).hidden = true;
      list.getCell('C1').value = '内部编号';
      list.getCell('B2').note = '本人不同意公开';
      const hidden = wb.addWorksheet('Sheet2', { state: 'hidden' });
      hidden.getCell('A5').value = '钱七';
      hidden.getCell('B5').value = id;
      const deep = wb.addWorksheet('底稿', { state: 'veryHidden' });
      deep.getCell('A1').value = '审核意见';
    });
    const r = ok(await inspectAttachment(xlsx, '名单.xlsx'));
    assert.equal(r.fileType, 'xlsx');
    const s = summary(r.findings);
    for (const expected of [
      'name-near-number@附件“名单.xlsx”工作表“名单”第 2 行',
      'mobile@附件“名单.xlsx”工作表“名单”第 2 行',
      'hidden-row@附件“名单.xlsx”工作表“名单”第 3 行（隐藏行）',
      'mobile@附件“名单.xlsx”工作表“名单”第 3 行（隐藏行）',
      'hidden-column@附件“名单.xlsx”工作表“名单”第 C 列（隐藏列）',
      'cell-comment@附件“名单.xlsx”工作表“名单”单元格 B2 批注',
      'resident-id@附件“名单.xlsx”工作表“Sheet2”（隐藏）第 5 行',
      'hidden-sheet@附件“名单.xlsx”工作表“Sheet2”（隐藏）',
      'very-hidden-sheet@附件“名单.xlsx”工作表“底稿”（深度隐藏）',
      'doc-property@附件“名单.xlsx”文档属性“作者”',
      'doc-property@附件“名单.xlsx”文档属性“最后修改者”',
    ]) assert.ok(s.includes(expected), `${expected}\n${s.join('\n')}`);
    assert.equal(r.findings.find((f) => f.kind === 'hidden-sheet')!.excerpt, `钱* 37*************${id.slice(-3)}`);
    assert.doesNotMatch(r.text, /钱七|审核意见/);
  });
});

describe('PDF', () => {
  it('refuses a PDF with JavaScript in an OpenAction, in a name tree, or hidden in an object stream', async () => {
    const open = makePdf([{ content: pdfText(72, 700, 'Hi') }], { catalogExtra: '/OpenAction << /S /JavaScript /JS (app.alert(1)) >>' });
    const r = refused(await inspectAttachment(open, '通知.pdf'));
    assert.equal(r.code, 'pdf-script');
    assert.match(r.message, /^附件“通知.pdf”含有JavaScript 脚本，可能在打开时自动运行，不能上传/);
    const escaped = makePdf([{ content: pdfText(72, 700, 'Hi') }], { catalogExtra: '/OpenAction << /S /J#61vaScript /J#53 (x) >>' });
    assert.equal(refused(await inspectAttachment(escaped, 'a.pdf')).code, 'pdf-script');
    const packed = makePdf([{ content: pdfText(72, 700, 'Hi') }], { extra: [objectStream(99, '<< /S /JavaScript /JS (app.alert(1)) >>')] });
    assert.equal(refused(await inspectAttachment(packed, 'b.pdf')).code, 'pdf-script');
    const launch = makePdf([{ content: pdfText(72, 700, 'Hi') }], { catalogExtra: '/OpenAction << /S /Launch /F (cmd.exe) >>' });
    assert.match(refused(await inspectAttachment(launch, 'c.pdf')).message, /启动外部程序/);
  });
  it('reads text, finds personal data by page, and text under an image or invisible', async () => {
    const id = idNumber();
    const pdf = makePdf([
      { content: pdfText(72, 700, 'Notice') },
      { content: [pdfText(72, 700, `Tel 13812345678`), pdfText(72, 500, `ID ${id}`), pdfImage(60, 480, 300, 40)].join('\n') },
      { content: [pdfImage(60, 380, 300, 40), pdfText(72, 400, 'Drawn over the image'), pdfText(72, 300, 'OCR layer', 3)].join('\n') },
    ]);
    const r = ok(await inspectAttachment(pdf, 'x.pdf'));
    assert.equal(r.fileType, 'pdf');
    assert.deepEqual(summary(r.findings), [
      'mobile@附件“x.pdf”第 2 页',
      'text-under-image@附件“x.pdf”第 2 页（图片下的文字）',
      'resident-id@附件“x.pdf”第 2 页（图片下的文字）',
      'invisible-text@附件“x.pdf”第 3 页（不可见文字）',
    ]);
    assert.equal(r.findings[1]!.excerpt, `ID 37*************${id.slice(-3)}`);
    assert.match(r.text, /Notice[\s\S]*Drawn over the image/);
    assert.doesNotMatch(r.text, /OCR layer/);
  });
  it('reports files attached to the PDF', async () => {
    // Objects 1–6 are the catalog, page tree, font, image, content and page; 7 and 8 the extras.
    const pdf = makePdf([{ content: pdfText(72, 700, 'Hi') }], {
      catalogExtra: '/Names << /EmbeddedFiles << /Names [(list.xlsx) 7 0 R] >> >>',
      extra: ['<< /Type /Filespec /F (list.xlsx) /UF (list.xlsx) /EF << /F 8 0 R >> >>', '<< /Type /EmbeddedFile /Length 2 >>\nstream\nPK\nendstream'],
    });
    const r = ok(await inspectAttachment(pdf, 'x.pdf'));
    assert.deepEqual(summary(r.findings), ['embedded-object@附件“x.pdf”嵌入文件“list.xlsx”']);
  });
  it('refuses a damaged PDF with a clear message', async () => {
    const r = refused(await inspectAttachment(new Uint8Array(Buffer.from('%PDF-1.7\nrubbish')), '坏.pdf'));
    assert.equal(r.code, 'corrupt');
    assert.match(r.message, /^附件“坏.pdf”已损坏/);
  });
});

describe('OFD', () => {
  it('reads the text of each page, finds personal data by page and reports the author', async () => {
    const ofd = await makeOfd([[['关于公示的通知']], [['姓名', '身份证号'], ['张三', idNumber()]]], '李四');
    const r = ok(await inspectAttachment(ofd, '公示.ofd'));
    assert.equal(r.fileType, 'ofd');
    assert.deepEqual(summary(r.findings), [
      'doc-property@附件“公示.ofd”文档属性“作者”',
      'name-near-number@附件“公示.ofd”第 2 页',
      'resident-id@附件“公示.ofd”第 2 页',
    ]);
    assert.match(r.text, /关于公示的通知/);
  });
});

describe('more bad input', () => {
  it('refuses a PDF that needs a password', async () => {
    const pdf = makePdf([{ content: pdfText(72, 700, 'Secret') }], {
      extra: [`<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> >>`],
      trailerExtra: `/Encrypt 7 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]`,
    });
    const r = refused(await inspectAttachment(pdf, '密件.pdf'));
    assert.equal(r.code, 'encrypted');
    assert.equal(r.message, '附件“密件.pdf”已加密，需要密码才能打开，无法检查其内容，请取消密码后再上传');
  });
  it('does not take text switched back from hidden (w:vanish w:val="0") as hidden', async () => {
    const docx = await makeDocx('<w:p><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>可见</w:t></w:r></w:p>');
    const r = ok(await inspectAttachment(docx, 'a.docx'));
    assert.deepEqual(r.findings, []);
    assert.equal(r.text, '可见');
  });
  it('finds text hidden by a character or paragraph style (through basedOn), not by a style switched off', async () => {
    const styles = '<w:style w:styleId="Secret"><w:rPr><w:vanish/></w:rPr></w:style><w:style w:styleId="Inherits"><w:basedOn w:val="Secret"/></w:style>'
      + '<w:style w:styleId="Shown"><w:basedOn w:val="Secret"/><w:rPr><w:vanish w:val="false"/></w:rPr></w:style>';
    const body = '<w:p><w:r><w:rPr><w:rStyle w:val="Secret"/></w:rPr><w:t>样式隐藏</w:t></w:r></w:p>'
      + '<w:p><w:pPr><w:pStyle w:val="Inherits"/></w:pPr><w:r><w:t>段落样式隐藏</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>但这句可见</w:t></w:r></w:p>'
      + '<w:p><w:pPr><w:pStyle w:val="Shown"/></w:pPr><w:r><w:t>可见段落</w:t></w:r></w:p>';
    const r = ok(await inspectAttachment(await makeDocx(body, { styles }), 'a.docx'));
    assert.deepEqual(r.findings.map((f) => [f.place, f.excerpt]), [
      ['附件“a.docx”第 1 段（隐藏文字）', '样式隐藏'],
      ['附件“a.docx”第 2 段（隐藏文字）', '段落样式隐藏'],
    ]);
    assert.equal(r.text, '但这句可见\n可见段落');
  });
  it('refuses a Word document named .xlsx', async () => {
    const r = refused(await inspectAttachment(await makeDocx(p('正文')), '名单.xlsx'));
    assert.equal(r.message, '附件“名单.xlsx”的内容不是 Excel 工作簿（实为Word 文档（.docx）），不能上传');
  });
});
