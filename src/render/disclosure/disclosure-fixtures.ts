/**
 * Sample inputs of the disclosure renderers (a demo-bureau item, its review and a month's checklist), shared by
 * the tests and by anyone looking at the rendered pages.
 */
import type { ExportItem } from './disclosure-item.js';
import type { ChecklistSheet } from './monthly-checklist.js';
import type { SecrecyReviewSheet } from './secrecy-review-form.js';

/** A 1×1 PNG (the smallest valid image), standing in for a cover picture. */
export const TINY_PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));

/** An approved item of the demo bureau with a heading, paragraphs, a list, a table and two attachments. */
export const SAMPLE_ITEM: ExportItem = {
  title: '威海市环翠区行政审批服务局关于优化企业开办流程的通知',
  indexNo: '11371002MB1234567X/2026-00012',
  issuer: '威海市环翠区行政审批服务局',
  docNo: '威环审批发〔2026〕3号',
  writtenOn: '2026-03-02',
  publishedOn: '2026-03-10',
  summary: '为进一步优化营商环境，压缩企业开办时间，现就企业开办“一窗通办”有关事项通知如下，自2026年4月1日起施行。'.repeat(3),
  bodyHtml: '<h2>一、总体要求</h2><p>各科室：</p><p>为深入贯彻落实优化营商环境条例，进一步压缩企业开办时间，实现企业开办“一窗受理、一次办结”，现将有关事项通知如下。</p>'
    + '<h3>（一）办理时限</h3><p>企业开办全流程办理时间压缩至<strong>0.5个工作日</strong>以内。</p>'
    + '<ul><li>设立登记</li><li>公章刻制</li><li>申领发票</li></ul>'
    + '<table><tr><th>事项</th><th>原时限</th><th>压缩后</th></tr><tr><td>设立登记</td><td>3个工作日</td><td>0.5个工作日</td></tr><tr><td>公章刻制</td><td>1个工作日</td><td>即时办结</td></tr></table>'
    + '<p>联系电话：0631-5200000。</p>',
  attachments: [
    { hash: 'a'.repeat(64), fileName: '企业开办流程图.png', fileType: 'png', size: 68, content: TINY_PNG },
    { hash: 'b'.repeat(64), fileName: '企业开办申请表.docx', fileType: 'docx', size: 23_552 },
  ],
};

/** The 保密审查表 of the sample item, every step taken, one finding removed and one confirmed. */
export const SAMPLE_SECRECY_SHEET: SecrecyReviewSheet = {
  title: SAMPLE_ITEM.title,
  indexNo: null,
  issuer: SAMPLE_ITEM.issuer,
  office: '政务服务科',
  drafter: '经办人李明',
  draftedOn: '2026-03-03',
  channels: ['portal', 'wechat', 'notice-board'],
  firstReview: { by: '科室负责人张华', on: '2026-03-04', opinion: '内容属实，同意报送保密审查。' },
  secrecyReview: {
    by: '保密审查员赵敏', on: '2026-03-05', opinion: '',
    form: {
      stateSecret: false, workSecret: false, personalInfo: true, tradeSecret: false,
      channelsFit: { portal: true, wechat: true, 'notice-board': false },
      conclusion: '不涉及国家秘密和工作秘密，个人信息已删除，同意在政府网站和微信公众号发布。',
    },
  },
  findings: [
    { place: '正文第 3 段', kind: '居民身份证号码', excerpt: '3710**********1234', resolution: 'removed', reason: null },
    { place: '正文第 5 段', kind: '固定电话号码', excerpt: '0631-52****0', resolution: 'confirmed', reason: '单位办公电话，依法应当公开' },
  ],
  signOff: { by: '领导王强', on: '2026-03-06', opinion: '同意发布。' },
};

/** A month's checklist of the demo bureau: one kept, one withdrawn, one not yet checked; signed or not. */
export function sampleChecklist(signed: boolean): ChecklistSheet {
  return {
    agency: '威海市环翠区行政审批服务局',
    month: '2026-03',
    rows: [
      { indexNo: '11371002MB1234567X/2026-00012', title: SAMPLE_ITEM.title, channel: 'portal', publishedOn: '2026-03-10', publisher: '信息公开专职人员孙丽', decision: 'keep', reason: null, checker: '保密审查员赵敏', checkedOn: '2026-04-02' },
      { indexNo: '11371002MB1234567X/2026-00013', title: '2026年第一季度行政许可事项办理情况', channel: 'wechat', publishedOn: '2026-03-20', publisher: '信息公开专职人员孙丽', decision: 'withdraw', reason: '数据有误，更正后重新发布', checker: '保密审查员赵敏', checkedOn: '2026-04-02' },
      { indexNo: null, title: '关于调整窗口服务时间的公告', channel: 'notice-board', publishedOn: '2026-03-25', publisher: '信息公开专职人员孙丽', decision: signed ? 'keep' : null, reason: null, checker: signed ? '保密审查员赵敏' : null, checkedOn: signed ? '2026-04-02' : null },
    ],
    signedBy: signed ? '保密审查员赵敏' : null,
    signedOn: signed ? '2026-04-03' : null,
  };
}
