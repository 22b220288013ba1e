/**
 * 互联网信息发布每月检查清理清单: pick a month, produce the list of everything published that month, decide 保留 or
 * 撤回 for each row (撤回 needs a reason and withdraws the item from that channel), sign off once every row is
 * decided, download as XLSX or DOCX.
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { Agency } from '../api-types.js';
import { api } from '../api.js';
import { checklistUrl, disclosureApi } from '../disclosure-api.js';
import { CHANNELS, isChannel, scrollWhenRows } from '../disclosure-labels.js';
import type { Checklist, ChecklistEntry, ChecklistSummary } from '../disclosure-types.js';
import { formatDate, formatTime } from '../labels.js';
import { routeHref } from '../router.js';
import { agenciesWhere, useSession } from '../session.js';
import { todayInChina } from '../application-labels.js';
import { ErrorAlert } from '../components/problem-list.js';

/** The month before today's (YYYY-MM): the list is usually made at the start of the next month. */
export function previousMonth(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** A channel's Chinese name (the core's), or the key as recorded. */
function channelName(channel: string): string {
  return isChannel(channel) ? CHANNELS[channel] : channel;
}

/** The 24 months up to `today`'s, newest first, as choices (2026年11月). */
export function monthChoices(today: string): Array<{ value: string; label: string }> {
  let [y, m] = today.split('-').map(Number) as [number, number];
  const out: Array<{ value: string; label: string }> = [];
  for (let i = 0; i < 24; i++) {
    out.push({ value: `${y}-${String(m).padStart(2, '0')}`, label: `${y}年${m}月` });
    if (--m === 0) { m = 12; y--; }
  }
  return out;
}

/** How many rows still wait for a decision. */
export function undecided(list: Checklist | null): number {
  return list?.entries.filter((e) => e.decision === null).length ?? 0;
}

/** The checklist screen. */
export function ChecklistPage() {
  const { message } = App.useApp();
  const session = useSession();
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [agencyId, setAgencyId] = useState<number | undefined>(undefined);
  const [month, setMonth] = useState(previousMonth(todayInChina()));
  const [list, setList] = useState<Checklist | null>(null);
  const [made, setMade] = useState<ChecklistSummary[]>([]);
  const [error, setError] = useState<{ title: string; error: unknown } | null>(null);
  const [busy, setBusy] = useState(false);
  const [withdrawing, setWithdrawing] = useState<ChecklistEntry | null>(null);
  const [reason, setReason] = useState('');

  useEffect(() => {
    void api.agencies().then((all) => {
      const mine = agenciesWhere('checklist.review', all);
      setAgencies(mine);
      setAgencyId(mine.find((a) => a.id === session?.user.agencyId)?.id ?? mine[0]?.id);
    }).catch((e: unknown) => setError({ title: '机关加载失败', error: e }));
  }, [session?.user.agencyId]);

  useEffect(() => {
    if (agencyId !== undefined) disclosureApi.checklists(agencyId).then(setMade, () => setMade([]));
  }, [agencyId, list?.id, list?.state]);

  const run = async (title: string, call: () => Promise<Checklist>, done?: string) => {
    setBusy(true);
    try {
      setList(await call());
      setError(null);
      if (done) message.success(done);
      return true;
    } catch (e) {
      setError({ title, error: e });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const signed = list?.state === 'signed';
  const decide = (e: ChecklistEntry, decision: 'keep' | 'withdraw', reason?: string) =>
    run(decision === 'keep' ? '未能记录' : '未能撤回', () => disclosureApi.decideChecklistEntry(list!.agencyId, list!.month, e.id, { decision, reason: reason ?? null }),
      decision === 'withdraw' ? '已撤回' : undefined);
  const columns = [
    { title: '标题', key: 'title', render: (_: unknown, e: ChecklistEntry) => <a href={routeHref({ name: 'item', id: e.itemId })}>{e.title}</a> },
    { title: '索引号', dataIndex: 'indexNo', key: 'indexNo', width: 210 },
    {
      title: '渠道', key: 'channel', width: 170,
      render: (_: unknown, e: ChecklistEntry) => <>{channelName(e.channel)}{e.withdrawnAt && <Tag className="gk-gap-left">已撤回</Tag>}</>,
    },
    { title: '发布人', dataIndex: 'publisher', key: 'publisher', width: 90 },
    { title: '发布日期', key: 'on', width: 130, render: (_: unknown, e: ChecklistEntry) => formatDate(e.publishedOn) },
    {
      title: '检查结果', key: 'decision', width: 260,
      render: (_: unknown, e: ChecklistEntry) => (
        e.decision ? (
          <span>
            <Tag color={e.decision === 'keep' ? '#2e7031' : '#a8071a'}>{e.decision === 'keep' ? '保留' : '撤回'}</Tag>
            {e.reason && <span className="gk-muted">{e.reason}</span>}
          </span>
        ) : signed ? '—' : (
          // A publication already withdrawn (from the item page) can only be recorded as withdrawn, with the reason.
          e.withdrawnAt ? (
            <Button size="small" danger aria-label={`记为撤回（${e.title}，${channelName(e.channel)}）`}
              onClick={() => { setWithdrawing(e); setReason(''); }}>记为撤回…</Button>
          ) : (
            <Space>
              <Button size="small" aria-label={`保留此条（${e.title}，${channelName(e.channel)}）`}
                onClick={() => void decide(e, 'keep')}>保留此条</Button>
              <Button size="small" danger aria-label={`撤回此条（${e.title}，${channelName(e.channel)}）`}
                onClick={() => { setWithdrawing(e); setReason(''); }}>撤回此条…</Button>
            </Space>
          )
        )
      ),
    },
  ];

  return (
    <div className="gk-page">
      <div className="gk-page-head">
        <Typography.Title level={1} className="gk-page-title">互联网信息发布每月检查清理清单</Typography.Title>
      </div>
      {error !== null && <div className="gk-gap gk-form-error"><ErrorAlert error={error.error} title={error.title} onClose={() => setError(null)} /></div>}
      <div className="gk-panel">
        <Space wrap className="gk-filters">
          {agencies.length > 1 && (
            <Select aria-label="机关" style={{ width: 260 }} value={agencyId} onChange={setAgencyId}
              options={agencies.map((a) => ({ value: a.id, label: a.name }))} />
          )}
          <label className="gk-inline-label" htmlFor="gk-checklist-month">月份</label>
          <Select id="gk-checklist-month" style={{ width: 150 }} value={month} onChange={setMonth} options={monthChoices(todayInChina())} />
          <Button type="primary" disabled={agencyId === undefined || !/^\d{4}-\d{2}$/.test(month)} loading={busy}
            onClick={() => void run('未能生成清单', () => disclosureApi.produceChecklist(agencyId!, month))}>生成清单</Button>
        </Space>
        {made.length > 0 && (
          <p className="gk-note">已生成的清单：{made.map((c) => (
            <button key={c.id} type="button" className="gk-chip" onClick={() => { setMonth(c.month); void run('清单加载失败', () => disclosureApi.checklist(c.agencyId, c.month)); }}>
              {c.month.replace('-', '年')}月（{c.state === 'signed' ? '已签字' : '待签字'}）
            </button>
          ))}</p>
        )}
        {list && (
          <>
            <div className="gk-checklist-head">
              <span>{list.month.replace('-', '年')}月，共 {list.entries.length} 条发布记录，待检查 {undecided(list)} 条。</span>
              {signed ? <Tag color="#2e7031">已由 {list.signedBy} 于 {formatTime(list.signedAt)} 签字确认</Tag> : (
                <Button disabled={undecided(list) > 0} loading={busy}
                  onClick={() => void run('未能签字确认', () => disclosureApi.signChecklist(list.agencyId, list.month), '清单已签字确认')}>签字确认</Button>
              )}
              <a href={checklistUrl(list.agencyId, list.month, 'xlsx')}>下载 Excel</a>
              <a href={checklistUrl(list.agencyId, list.month, 'docx')}>下载 Word</a>
            </div>
            <Table<ChecklistEntry> rowKey="id" size="middle" columns={columns} dataSource={list.entries} scroll={scrollWhenRows(list.entries, 1000)}
              pagination={{ pageSize: 50, hideOnSinglePage: true }} locale={{ emptyText: <p className="gk-empty">该月没有发布记录。</p> }} />
          </>
        )}
      </div>
      <Modal open={withdrawing !== null} title="撤回该信息" okText="撤回" cancelText="取消"
        okButtonProps={{ danger: true, disabled: reason.trim() === '', loading: busy }} onCancel={() => setWithdrawing(null)}
        onOk={async () => {
          if (!withdrawing || !list) return;
          if (await decide(withdrawing, 'withdraw', reason.trim())) setWithdrawing(null);
        }}>
        {withdrawing && (withdrawing.withdrawnAt
          ? <p>“{withdrawing.title}”已于 {formatTime(withdrawing.withdrawnAt)} 从{channelName(withdrawing.channel)}撤回，本清单记为撤回。</p>
          : <p>“{withdrawing.title}”将从{channelName(withdrawing.channel)}撤回，发布和撤回记录均保留。</p>)}
        <label className="gk-field-label" htmlFor="gk-checklist-reason">撤回理由（必填）</label>
        <Input.TextArea id="gk-checklist-reason" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        <Alert className="gk-gap" type="info" showIcon title="撤回后如需重新发布，须重新经过审核。" />
      </Modal>
    </div>
  );
}
