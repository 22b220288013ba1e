/**
 * The facts of a case for the office handling it: agency, receipt, applicant (in full: this page is for the
 * handling office only), request, handler, decision and fee.
 */
import { Descriptions } from 'antd';
import type { ApplicationDetail } from '../api-types.js';
import { CHANNEL_LABELS, decisionLabel } from '../application-labels.js';
import { formatDate } from '../labels.js';

const CHANNELS: Readonly<Record<string, string>> = CHANNEL_LABELS;

/** The case facts as a description list. */
export function CaseSummary({ detail: c }: { detail: ApplicationDetail }) {
  const items = [
    { key: 'agency', label: '受理机关', children: c.agencyName },
    { key: 'received', label: '收到申请日期', children: `${formatDate(c.receivedOn)}（${CHANNELS[c.channel] ?? c.channel}）` },
    { key: 'applicant', label: '申请人', children: `${c.applicant.name}（${c.applicantTypeName}）` },
    { key: 'id', label: '证件号码', children: c.applicant.idNumber },
    { key: 'contact', label: '联系方式', children: [c.applicant.phone, c.applicant.email, c.applicant.address].filter(Boolean).join('；') || '—' },
    { key: 'subject', label: '申请内容', span: 2, children: c.subject },
    { key: 'form', label: '获取方式', children: c.formWanted },
    { key: 'handler', label: '承办科室/承办人', children: `${c.office ?? '未指定科室'} / ${c.handler ?? '未指定承办人'}` },
    { key: 'by', label: '登记人', children: c.receivedBy },
    { key: 'code', label: '查询码', children: c.queryCode },
    ...(c.decision ? [{ key: 'decision', label: '处理决定', children: `${decisionLabel(c.decision)}（${formatDate(c.decidedOn)}）` }] : []),
    ...(c.feeAmount !== null ? [{ key: 'fee', label: '信息处理费', children: `${c.feeAmount} 元` }] : []),
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }} items={items} className="gk-case-facts" />;
}
