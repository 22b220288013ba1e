/**
 * The history of an item: its versions (who saved each, when) and every act of the review chain (提交审核, 初审,
 * 保密审查, 核审签发, 发布) with who, when, the decision, the return reason and the reviewer's comment.
 */
import { Table, Tag } from 'antd';
import { CHAIN_ACTS, CHANNELS, REVIEW_DECISIONS } from '../disclosure-labels.js';
import type { Channel, ItemHistory, ReviewStepView } from '../disclosure-types.js';
import { formatTime } from '../labels.js';

function detailOf(s: ReviewStepView): string {
  if (s.step === 'publish' && s.comment) {
    return `渠道：${s.comment.split(',').map((c) => CHANNELS[c as Channel] ?? c).join('、')}`;
  }
  return [s.reason ? `退回理由：${s.reason}` : '', s.comment ? `意见：${s.comment}` : ''].filter(Boolean).join('；');
}

/** The history tables. */
export function ItemHistoryView({ history }: { history: ItemHistory }) {
  return (
    <>
      <h3 className="gk-h3-plain">审核与发布记录</h3>
      <Table<ReviewStepView> rowKey="id" size="small" pagination={false} dataSource={[...history.steps].reverse()} scroll={{ x: 720 }}
        locale={{ emptyText: '尚未提交审核。' }}
        columns={[
          { title: '时间', key: 'at', width: 150, render: (_, s) => formatTime(s.at) },
          { title: '版本', dataIndex: 'version', key: 'version', width: 60 },
          { title: '环节', key: 'step', width: 140, render: (_, s) => CHAIN_ACTS[s.step] ?? s.step },
          { title: '办理人', dataIndex: 'actor', key: 'actor', width: 100 },
          {
            title: '结果', key: 'decision', width: 80,
            render: (_, s) => (s.decision ? <Tag color={s.decision === 'pass' ? '#2e7031' : '#a8071a'}>{REVIEW_DECISIONS[s.decision]}</Tag> : '—'),
          },
          { title: '理由和意见', key: 'detail', render: (_, s) => detailOf(s) || '—' },
        ]} />
      <h3 className="gk-h3-plain gk-gap">版本</h3>
      <Table rowKey="version" size="small" pagination={false} dataSource={[...history.versions].reverse()}
        columns={[
          { title: '版本', dataIndex: 'version', key: 'version', width: 60 },
          { title: '保存时间', key: 'at', render: (_, v) => formatTime(v.createdAt) },
          { title: '保存人', dataIndex: 'createdBy', key: 'by' },
        ]} />
    </>
  );
}
