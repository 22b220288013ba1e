/**
 * Publishing an approved item (信息公开专职人员): the dialog offers only the channels the secrecy review found fit
 * and the version is not yet on; after publishing the 索引号 is shown. Each current publication can be withdrawn
 * with a reason (it stays on record).
 */
import { useState } from 'react';
import { Alert, Button, Checkbox, Input, Modal, Result, Table } from 'antd';
import { ApiError } from '../api.js';
import { CHANNEL_KEYS, CHANNELS } from '../disclosure-labels.js';
import type { Channel, ItemDetail, ItemPublication } from '../disclosure-types.js';
import { formatDate, formatTime } from '../labels.js';

/** The channels a version may still be published to: found fit by its secrecy review, not already on. */
export function channelsToOffer(fit: Partial<Record<Channel, boolean>> | null, item: Pick<ItemDetail, 'publications' | 'version'>): Channel[] {
  if (!fit) return [];
  const on = new Set<string>(item.publications.filter((p) => p.version === item.version && p.withdrawnAt === null).map((p) => p.channel));
  return CHANNEL_KEYS.filter((c) => fit[c] === true && !on.has(c));
}

/** The publish dialog. */
export function PublishDialog({ open, item, fit, onClose, onPublish }: {
  open: boolean;
  item: ItemDetail;
  fit: Partial<Record<Channel, boolean>> | null;
  onClose: () => void;
  onPublish: (channels: Channel[]) => Promise<ItemDetail>;
}) {
  const offer = channelsToOffer(fit, item);
  const [chosen, setChosen] = useState<Channel[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<ItemDetail | null>(null);
  const close = () => { setChosen([]); setError(null); setDone(null); onClose(); };
  return (
    <Modal open={open} title="发布信息" onCancel={close} destroyOnHidden
      footer={done ? <Button type="primary" onClick={close}>完成</Button> : [
        <Button key="cancel" onClick={close}>取消</Button>,
        <Button key="ok" type="primary" disabled={chosen.length === 0} loading={busy} onClick={async () => {
          setBusy(true);
          try {
            setDone(await onPublish(chosen));
            setError(null);
          } catch (e) {
            setError(e instanceof ApiError || e instanceof Error ? e.message : '发布失败');
          } finally {
            setBusy(false);
          }
        }}>发布</Button>,
      ]}>
      {done ? (
        <Result status="success" title="已发布" subTitle={<>索引号：<strong className="gk-index-no">{done.indexNo}</strong></>} />
      ) : offer.length === 0 ? (
        <Alert type="info" showIcon title="没有可发布的渠道：保密审查认定适合的渠道均已发布，或保密审查未认定任何渠道适合发布。" />
      ) : (
        <>
          <p>“{item.title}”已通过初审、保密审查和核审签发。请选择发布渠道（仅列出保密审查认定适合发布的渠道）：</p>
          <Checkbox.Group className="gk-channel-choice" value={chosen} aria-label="发布渠道"
            options={offer.map((c) => ({ value: c, label: CHANNELS[c] }))} onChange={(v) => setChosen(v as Channel[])} />
          {item.indexNo ? <p className="gk-note gk-gap">索引号：{item.indexNo}（不变）</p> : <p className="gk-note gk-gap">首次发布时生成索引号。</p>}
        </>
      )}
      {error && <Alert className="gk-gap" type="error" showIcon title={error} />}
    </Modal>
  );
}

/** Where the version is published, with withdrawal. */
export function PublicationList({ item, mayWithdraw, onWithdraw }: {
  item: ItemDetail;
  mayWithdraw: boolean;
  onWithdraw: (publication: ItemPublication, reason: string) => Promise<void>;
}) {
  const [withdrawing, setWithdrawing] = useState<ItemPublication | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (item.publications.length === 0) return <p className="gk-muted">尚未在任何渠道发布。</p>;
  return (
    <>
      <Table<ItemPublication> rowKey="id" size="small" pagination={false} dataSource={item.publications} scroll={{ x: 640 }}
        columns={[
          { title: '渠道', dataIndex: 'channelName', key: 'channel' },
          { title: '版本', dataIndex: 'version', key: 'version', width: 60 },
          { title: '发布日期', key: 'on', width: 130, render: (_, p) => formatDate(p.publishedOn) },
          { title: '发布人', dataIndex: 'actor', key: 'actor', width: 90 },
          {
            title: '状态', key: 'state', width: 220,
            render: (_, p) => (p.withdrawnAt ? <span className="gk-muted">{p.withdrawnBy} 于 {formatTime(p.withdrawnAt)} 撤回：{p.withdrawalReason}</span>
              : mayWithdraw ? <button type="button" className="gk-link-button gk-danger-link" aria-label={`撤回（${p.channelName}）`}
                onClick={() => { setWithdrawing(p); setReason(''); setError(null); }}>撤回</button> : '已发布'),
          },
        ]} />
      <Modal open={withdrawing !== null} title={withdrawing ? `从${withdrawing.channelName}撤回` : ''} okText="撤回" cancelText="取消"
        okButtonProps={{ danger: true, disabled: reason.trim() === '', loading: busy }} onCancel={() => setWithdrawing(null)}
        onOk={async () => {
          if (!withdrawing) return;
          setBusy(true);
          try { await onWithdraw(withdrawing, reason.trim()); setWithdrawing(null); } catch (e) {
            setError(e instanceof Error ? e.message : '撤回失败');
          } finally { setBusy(false); }
        }}>
        <p>撤回后该渠道不再展示此信息，发布和撤回记录均保留。</p>
        <label className="gk-field-label" htmlFor="gk-withdraw-reason">撤回理由（必填）</label>
        <Input.TextArea id="gk-withdraw-reason" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        {error && <Alert className="gk-gap" type="error" showIcon title={error} />}
      </Modal>
    </>
  );
}
