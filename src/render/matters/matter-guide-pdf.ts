/**
 * The printable A4 办事指南 of a matter (for the hall's counters and the 印发办事指南 channel): the matter's name, its
 * QR code opening the guide page on the portal (keep it, scan it later), the guide's elements in a ruled table
 * (A7 item 29), the materials as a table (原件/复印件, 份数, 形式, 空白表格/样表), the procedure, time limits, fees,
 * place, hours, consultation and complaint channels, and the version and day it was published in the footer.
 */
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { Matter } from '../../core/matters/matter.js';
import { HANDLING_KINDS, MATERIAL_KINDS, MATTER_FLAG_KEYS, MATTER_FLAGS, MATTER_TYPES, SERVICE_LEVELS } from '../../core/matters/matter-lists.js';
import { formPdfTable, label, value } from '../disclosure/form-grid.js';
import { A4_WIDTH, cell, creationDate, pdfText, pt, renderPdf } from '../disclosure/pdf-kit.js';
import { qrPngDataUrl } from './matter-qr.js';

/** What the printed guide shows besides the matter. */
export interface PrintedGuide {
  matter: Matter;
  /** The agency that publishes it. */
  agencyName: string;
  /** The guide page's absolute address (what the QR code opens). */
  url: string;
  version: number;
  publishedOn: string;
  /** Theme names by key. */
  themeName: (key: string) => string;
}

const MEDIUM = { paper: '纸质', electronic: '电子', both: '纸质和电子' } as const;
const days = (d: number | null) => (d === null ? '无法定时限' : d === 0 ? '即办' : `${d} 个工作日`);
const BODY = 11;

/** Renders the A4 guide with its QR code, fonts embedded. */
export async function renderMatterGuidePdf(g: PrintedGuide): Promise<Buffer> {
  const m = g.matter;
  const t = pdfText();
  const width = A4_WIDTH - pt(40);
  const qr = await qrPngDataUrl(g.url, 6);
  const flags = MATTER_FLAG_KEYS.filter((k) => m.flags[k]).map((k) => MATTER_FLAGS[k]).join('、') || '无';
  const basics = formPdfTable(t, [
    [label('事项编码'), value(m.code), label('事项类型'), value(MATTER_TYPES[m.type])],
    [label('实施主体'), value(m.office), label('办件类型'), value(HANDLING_KINDS[m.handlingKind])],
    [label('法定办结时限'), value(days(m.statutoryDays)), label('承诺办结时限'), value(days(m.promisedDays))],
    [label('到现场次数'), value(`${m.visits} 次`), label('办理方式'), value(flags)],
    [label('设定依据'), value(m.legalBasis.join('\n'), 3)],
    [label('主题分类'), value(m.themes.map(g.themeName).join('、'), 3)],
    [label('服务层级'), value(m.levels.map((l) => SERVICE_LEVELS[l]).join('、'), 3)],
    [label('受理条件'), value(m.conditions, 3)],
    [label('收费'), value(m.fee.charged ? `${m.fee.standard}（依据：${m.fee.basis}）` : '不收费', 3)],
    [label('办理地点'), value(m.place, 3)],
    [label('办理时间'), value(m.hours, 3)],
    [label('咨询方式'), value(m.consultation, 3)],
    [label('监督投诉方式'), value(m.complaint, 3)],
    ...(m.onlineUrl ? [[label('网上办理'), value(m.onlineUrl, 3)]] : []),
  ], [16, 34, 16, 34], width, 10);
  const head = (text: string) => t.text(text, { fontSize: 13, bold: true, margin: [0, 10, 0, 4] }, 'sans');
  const materials: Content = m.materials.length === 0 ? t.text('无需提交材料。', { fontSize: BODY }) : {
    table: {
      widths: [20, '*', 60, 28, 50, 70],
      headerRows: 1,
      body: [
        ['序号', '材料名称', '提交要求', '份数', '形式', '表格下载'].map((h) => cell(t, h, { bold: true, fontSize: 10, alignment: 'center' })),
        ...m.materials.map((x, i): TableCell[] => [
          cell(t, String(i + 1), { fontSize: 10, alignment: 'center' }), cell(t, x.name, { fontSize: 10 }),
          cell(t, MATERIAL_KINDS[x.kind], { fontSize: 10, alignment: 'center' }), cell(t, String(x.copies), { fontSize: 10, alignment: 'center' }),
          cell(t, MEDIUM[x.medium], { fontSize: 10, alignment: 'center' }),
          cell(t, [x.blankForm ? '空白表格' : '', x.sample ? '示范样表' : ''].filter(Boolean).join('、') || '—', { fontSize: 10, alignment: 'center' }),
        ]),
      ],
    },
    layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6 },
  } as Content;
  return renderPdf(t, {
    pageMargins: [pt(20), pt(18), pt(20), pt(20)],
    info: { title: `${m.name}办事指南`, subject: m.code, author: g.agencyName, creator: 'Gongkai', producer: 'Gongkai (pdfmake)', creationDate: creationDate(g.publishedOn) },
    footer: (page: number, pages: number) => t.text(`${g.agencyName}　第 ${g.version} 版　${g.publishedOn} 发布　第 ${page} 页／共 ${pages} 页`, { fontSize: 9, alignment: 'center', margin: [0, 20, 0, 0] }),
    content: [
      {
        columns: [
          { width: '*', stack: [
            t.text(`${m.name}`, { fontSize: 18, bold: true, lineHeight: 1.2, margin: [0, 6, 0, 4] }, 'sans'),
            t.text('办事指南', { fontSize: 14, margin: [0, 0, 0, 4] }, 'sans'),
            t.text(`${g.agencyName}`, { fontSize: BODY }),
          ] },
          { width: 96, stack: [
            { image: qr, width: 90, alignment: 'center' },
            t.text('扫码查看、收藏、下载本指南', { fontSize: 8, alignment: 'center' }),
          ] },
        ],
        columnGap: 10,
        margin: [0, 0, 0, 10],
      } as Content,
      basics,
      head('申请材料'),
      materials,
      head('办理流程'),
      ...m.procedure.map((s, i) => t.text(`${i + 1}. ${s}`, { fontSize: BODY, lineHeight: 1.4, margin: [0, 0, 0, 2] })),
      ...(m.faq ? [head('常见问题'), t.text(m.faq, { fontSize: BODY, lineHeight: 1.4 })] : []),
    ],
  }, BODY);
}
