/**
 * The history of an item: every act of the review chain (提交审核, 初审, 保密审查, 核审签发, 发布) with who, when, the
 * decision, the return reason and the reviewer's comment; and its versions (who saved each, when). The names of
 * steps and decisions are the server's.
 */
import { Table, Tag } from 'antd';
import { CHANNELS, isChannel, scrollWhenRows } from '../disclosure-labels.js';
import type { ItemDetail, ReviewStepView } from '../disclosure-types.js';
import { formatTime } from '../labels.js';

function detailOf(s: ReviewStepView): string {
  if (s.step === 'publish' && s.comment) {
    return `渠道：${s.comment.split(',').map((c) => (isChannel(c) ? CHANNELS[c] : c)).join('、')}`;
  }
  return [s.reason ? `退回理由：${s.reason}` : '', s.comment ? `意见：${s.comment}` : ''].filter(Boolean).join('；');
}

/** The history tables. */
export function ItemHistoryView({ item }: { item: Pick<ItemDetail, 'steps' | 'versions'> }) {
  return (
    <>
      <h3 className="gk-h3-plain">审核与发布记录</h3>
      <Table<ReviewStepView> rowKey="id" size="small" pagination={false} dataSource={[...item.steps].reverse()} scroll={scrollWhenRows(item.steps, 720)}
        locale={{ emptyText: <p className="gk-empty">尚未提交审核。</p> }}
        columns={[
          { title: '时间', key: 'at', width: 150, render: (_, s) => formatTime(s.at) },
          { title: '版本', dataIndex: 'version', key: 'version', width: 60 },
          { title: '环节', dataIndex: 'stepName', key: 'step', width: 140 },
          { title: '办理人', dataIndex: 'actor', key: 'actor', width: 100 },
          {
            title: '结果', key: 'decision', width: 80,
            render: (_, s) => (s.decision ? <Tag color={s.decision === 'pass' ? '#2e7031' : '#a8071a'}>{s.decisionName ?? s.decision}</Tag> : '—'),
          },
          { title: '理由和意见', key: 'detail', render: (_, s) => detailOf(s) || '—' },
        ]} />
      <h3 className="gk-h3-plain gk-gap">版本</h3>
      <Table rowKey="version" size="small" pagination={false} dataSource={[...item.versions].reverse()}
        columns={[
          { title: '版本', dataIndex: 'version', key: 'version', width: 60 },
          { title: '保存时间', key: 'at', render: (_, v) => formatTime(v.createdAt) },
          { title: '保存人', dataIndex: 'createdBy', key: 'by' },
          { title: '说明', key: 'note', render: (_, v) => (v.redactionOf ? `删除扫描发现的内容（依据第 ${v.redactionOf} 版）` : '') },
        ]} />
    </>
  );
}
