/**
 * The review chain of a catalogue or guide version (the same chain as items: 初审 → 保密审查 with the 保密审查表 →
 * 核审签发 → 发布): the step the signed-in person may take now, publishing once signed off, and the version's record
 * (steps and channels). The server decides; the UI offers only what the state and the person's permissions allow.
 */
import { useState } from 'react';
import { Alert, Button, Checkbox, Space, Table, Tag, Typography } from 'antd';
import { ApiError } from '../api.js';
import { CHANNEL_KEYS, CHANNELS, isChannel, REVIEW_STEPS } from '../disclosure-labels.js';
import type { CatalogueVersion, Channel, ReviewStep, VersionReviewBody } from '../disclosure-types.js';
import { formatDate, formatTime } from '../labels.js';
import { useCan } from '../session.js';
import { ItemStateTag } from './item-state-tag.js';
import { ReviewDecision } from './review-decision.js';
import { EMPTY_SECRECY_DRAFT, SecrecyReviewFormFields, formOf, formProblem, type SecrecyDraft } from './secrecy-review-form.js';

/** What both version kinds share. */
type Version = Pick<CatalogueVersion, 'version' | 'state' | 'stateName' | 'steps' | 'publications' | 'createdAt' | 'createdBy'>;

/** The reason and comment of a step; of a publication, its channels by name. */
function stepDetail(s: Version['steps'][number]): string {
  if (s.step === 'publish' && s.comment) return `渠道：${s.comment.split(',').map((c) => (isChannel(c) ? CHANNELS[c] : c)).join('、')}`;
  return [s.reason && `退回理由：${s.reason}`, s.comment && `意见：${s.comment}`].filter(Boolean).join('；');
}

/** The step waiting in a state, if any. */
function stepIn(state: string): ReviewStep | null {
  const found = (Object.entries(REVIEW_STEPS) as Array<[ReviewStep, (typeof REVIEW_STEPS)[ReviewStep]]>).find(([, d]) => d.state === state);
  return found ? found[0] : null;
}

/** The chain panel of one version. */
export function VersionReview({ what, version, onReview, onPublish }: {
  /** 目录 or 指南, for the headings. */
  what: string;
  version: Version;
  onReview: (body: VersionReviewBody) => Promise<void>;
  onPublish: (channels: Channel[]) => Promise<void>;
}) {
  const may = { 'first-review': useCan('item.first-review'), 'secrecy-review': useCan('item.secrecy-review'), 'sign-off': useCan('item.sign-off') };
  const mayPublish = useCan('item.publish');
  const [draft, setDraft] = useState<SecrecyDraft>(EMPTY_SECRECY_DRAFT);
  const [channels, setChannels] = useState<Channel[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const step = stepIn(version.state);
  const mine = step !== null && may[step] ? step : null;
  const run = async (call: () => Promise<void>) => {
    setBusy(true);
    try { await call(); setError(null); } catch (e) { setError(e instanceof ApiError || e instanceof Error ? e.message : '操作失败'); } finally { setBusy(false); }
  };
  const on = new Set(version.publications.filter((p) => p.withdrawnAt === null).map((p) => p.channel));
  return (
    <section className="gk-panel gk-gap" aria-labelledby="gk-version-title">
      <Typography.Title level={2} className="gk-h2" id="gk-version-title">{what}第 {version.version} 版 <ItemStateTag state={version.state} /></Typography.Title>
      <p className="gk-note">{version.createdBy} 于 {formatTime(version.createdAt)} 提交。</p>
      {error && <Alert className="gk-gap" type="error" showIcon title={error} closable onClose={() => setError(null)} />}
      {mine === 'secrecy-review' && <SecrecyReviewFormFields value={draft} onChange={setDraft} />}
      {mine && (
        <ReviewDecision stepName={REVIEW_STEPS[mine].name} busy={busy}
          blocked={mine === 'secrecy-review' && formProblem(draft) ? `${formProblem(draft)}。` : null}
          onPass={(comment) => void run(() => onReview({ step: mine, decision: 'pass', comment: comment || null, ...(mine === 'secrecy-review' ? { form: formOf(draft) } : {}) }))}
          onReturn={(reason, comment) => void run(() => onReview({ step: mine, decision: 'return', reason, comment: comment || null }))} />
      )}
      {mayPublish && (version.state === 'approved' || version.state === 'published') && (
        <div className="gk-gap">
          <span className="gk-field-label" id="gk-version-channels">发布渠道（须经保密审查认定适合）</span>
          <Checkbox.Group aria-labelledby="gk-version-channels" value={channels} onChange={(v) => setChannels(v as Channel[])}
            options={CHANNEL_KEYS.filter((c) => !on.has(c)).map((c) => ({ value: c, label: CHANNELS[c] }))} />
          <Space className="gk-gap"><Button type="primary" disabled={channels.length === 0} loading={busy}
            onClick={() => void run(async () => { await onPublish(channels); setChannels([]); })}>发布{what}</Button></Space>
        </div>
      )}
      <Table rowKey={(s) => `${s.step}${s.at}`} size="small" className="gk-gap" pagination={false} dataSource={version.steps}
        locale={{ emptyText: <p className="gk-empty">尚无审核记录。</p> }}
        columns={[
          { title: '时间', key: 'at', width: 150, render: (_, s) => formatTime(s.at) },
          { title: '环节', dataIndex: 'stepName', key: 'step' },
          { title: '办理人', dataIndex: 'actor', key: 'actor', width: 90 },
          { title: '结果', key: 'd', width: 80, render: (_, s) => (s.decisionName ? <Tag color={s.decision === 'pass' ? '#2e7031' : '#a8071a'}>{s.decisionName}</Tag> : '—') },
          { title: '理由和意见', key: 'r', render: (_, s) => stepDetail(s) || '—' },
        ]} />
      {version.publications.length > 0 && (
        <p className="gk-gap">已发布：{version.publications.map((p) => `${p.channelName}（${formatDate(p.publishedOn)}${p.withdrawnAt ? '，已撤回' : ''}）`).join('、')}</p>
      )}
    </section>
  );
}
