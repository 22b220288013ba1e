/**
 * 建议提案办理: an agency's 人大代表建议 and 政协提案 — the deadline warnings (overdue, due within 10 working days, and
 * pending while a year's holidays are not entered), the list, registering one, and for the one selected: the answer
 * (a late one needs its reason), the member's feedback, and preparing the result for publication (a draft item that
 * then goes through the review chain). The year's figures for the annual report's section 六 below.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Agency } from '../api-types.js';
import { api } from '../api.js';
import { proposalApi, type Proposal, type ProposalWarnings, type ProposalYearCounts } from '../proposal-api.js';
import { routeHref } from '../router.js';
import { agenciesWhere, useCan, useSession } from '../session.js';
import { todayInChina } from '../application-labels.js';
import { ErrorAlert } from '../components/problem-list.js';

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');
/** Tag classes of the states (the project's tag colours, which meet the contrast ratio). */
const STATE_CLASSES: Record<string, string> = { handling: 'gk-tag-role', answered: 'gk-tag-ok', feedback: 'gk-tag-off' };

/** The deadline as shown: the day, or pending with the year to enter. */
export function dueLabel(p: Pick<Proposal, 'dueOn' | 'duePendingYear' | 'dueBase'>): string {
  return p.dueOn ?? `待定（三个月期满日 ${p.dueBase}，尚未录入 ${p.duePendingYear} 年节假日安排）`;
}

function WarningsPanel({ warnings }: { warnings: ProposalWarnings | null }) {
  if (!warnings) return null;
  const { overdue, dueSoon, pending } = warnings;
  if (overdue.length === 0 && dueSoon.length === 0 && !pending) return <Alert className="gk-gap" type="success" showIcon title="没有逾期、即将到期或期限待定的建议提案。" />;
  return (
    <div className="gk-gap">
      {overdue.length > 0 && <Alert type="error" showIcon title={`已逾期 ${overdue.length} 件`}
        description={<ul>{overdue.map((x) => <li key={x.id}>{x.regNo} {x.title}（{x.leadOffice}，期限 {x.dueOn}，已逾期 {-x.workingDaysLeft} 个工作日）</li>)}</ul>} />}
      {dueSoon.length > 0 && <Alert type="warning" showIcon title={`10 个工作日内到期 ${dueSoon.length} 件`}
        description={<ul>{dueSoon.map((x) => <li key={x.id}>{x.regNo} {x.title}（{x.leadOffice}，期限 {x.dueOn}，还有 {x.workingDaysLeft} 个工作日）</li>)}</ul>} />}
      {pending && <Alert type="info" showIcon title={pending.title}
        description={<ul>{pending.proposals.map((x) => <li key={x.id}>{x.regNo} {x.title}（三个月期满日 {x.dueBase}）</li>)}</ul>} />}
    </div>
  );
}

function RegisterDialog({ agencyId, open, onClose, onDone }: { agencyId: number; open: boolean; onClose: () => void; onDone: (p: Proposal) => void }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const p = await proposalApi.register(agencyId, {
        kind: v.kind, sourceNo: v.sourceNo, title: v.title, proposer: v.proposer, receivedOn: day(v.receivedOn),
        assignedOn: v.assignedOn ? day(v.assignedOn) : undefined, leadOffice: v.leadOffice,
        coOffices: (v.coOffices ?? []) as string[], dueOn: v.dueOn ? day(v.dueOn) : null,
      });
      form.resetFields();
      setError(null);
      onDone(p);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title="登记建议提案" open={open} onCancel={onClose} onOk={() => void submit()} okText="登记" cancelText="取消" confirmLoading={busy} destroyOnHidden>
      {error !== null && <ErrorAlert error={error} title="未能登记" onClose={() => setError(null)} />}
      <Form form={form} layout="vertical" initialValues={{ kind: 'cppcc' }}>
        <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
          <Radio.Group options={[{ value: 'npc', label: '人大代表建议' }, { value: 'cppcc', label: '政协提案' }]} />
        </Form.Item>
        <Form.Item name="sourceNo" label="编号" rules={[{ required: true, message: '请填写编号' }]}><Input placeholder="如：第 45 号" /></Form.Item>
        <Form.Item name="title" label="标题（案由）" rules={[{ required: true, message: '请填写标题' }]}><Input /></Form.Item>
        <Form.Item name="proposer" label="提出的代表或委员" rules={[{ required: true, message: '请填写提出人' }]}><Input /></Form.Item>
        <Space wrap>
          <Form.Item name="receivedOn" label="收到日期" rules={[{ required: true, message: '请选择收到日期' }]}><DatePicker /></Form.Item>
          <Form.Item name="assignedOn" label="交办日期（缺省同收到日期）"><DatePicker /></Form.Item>
          <Form.Item name="dueOn" label="另定的答复期限（缺省三个月）"><DatePicker /></Form.Item>
        </Space>
        <Form.Item name="leadOffice" label="主办科室" rules={[{ required: true, message: '请填写主办科室' }]}><Input /></Form.Item>
        <Form.Item name="coOffices" label="会办单位"><Select mode="tags" open={false} placeholder="输入后回车" aria-label="会办单位" /></Form.Item>
      </Form>
    </Modal>
  );
}

function ProposalDetail({ agencyId, proposal, onChanged }: { agencyId: number; proposal: Proposal; onChanged: (p: Proposal) => void }) {
  const { message } = App.useApp();
  const mayHandle = useCan('proposal.handle');
  const mayDraft = useCan('item.draft');
  const [answer] = Form.useForm();
  const [feedback] = Form.useForm();
  const [error, setError] = useState<{ title: string; error: unknown } | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (title: string, call: () => Promise<Proposal>, done: string) => {
    setBusy(true);
    try {
      onChanged(await call());
      setError(null);
      message.success(done);
    } catch (e) {
      setError({ title, error: e });
    } finally {
      setBusy(false);
    }
  };
  const p = proposal;
  return (
    <section className="gk-panel gk-gap" aria-labelledby="proposal-detail-heading">
      <Typography.Title level={2} id="proposal-detail-heading">{p.regNo} {p.title}</Typography.Title>
      {error && <ErrorAlert error={error.error} title={error.title} onClose={() => setError(null)} />}
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={[
        { key: 'k', label: '类别及编号', children: `${p.kindName} ${p.sourceNo}` },
        { key: 'p', label: '提出人', children: p.proposer },
        { key: 'r', label: '收到 / 交办', children: `${p.receivedOn} / ${p.assignedOn}` },
        { key: 'd', label: '答复期限', children: dueLabel(p) },
        { key: 'o', label: '主办 / 会办', children: `${p.leadOffice}${p.coOffices.length ? ` / ${p.coOffices.join('、')}` : ''}` },
        { key: 's', label: '状态', children: <Tag className={STATE_CLASSES[p.state]}>{p.stateName}</Tag> },
        ...(p.answeredOn ? [{ key: 'a', label: '答复日期', children: `${p.answeredOn}${p.lateReason ? `（逾期理由：${p.lateReason}）` : ''}` }] : []),
        ...(p.feedbackName ? [{ key: 'f', label: '代表委员意见', children: `${p.feedbackName}（${p.feedbackOn}）${p.feedbackNote ? `：${p.feedbackNote}` : ''}` }] : []),
        ...(p.resultItemId ? [{
          key: 'res', label: '办理结果公开',
          children: <span>{p.resultPublishedOn ? `已于 ${p.resultPublishedOn} 在门户网站公开` : '信息草稿待审核发布'}（<a href={routeHref({ name: 'item', id: p.resultItemId })}>查看信息</a>）</span>,
        }] : []),
      ]} />
      {p.replyText && <details><summary>答复函内容</summary><div style={{ whiteSpace: 'pre-wrap' }}>{p.replyText}</div></details>}
      {p.replyText && <p><a href={`/api/agencies/${agencyId}/proposals/${p.id}/reply.docx`} download>下载答复函（Word）</a></p>}
      {mayHandle && p.state === 'handling' && (
        <Form form={answer} layout="vertical" className="gk-gap" onFinish={(v) => void run('未能登记答复', () => proposalApi.answer(agencyId, p.id, {
          answeredOn: day(v.answeredOn), replyText: v.replyText, lateReason: v.lateReason || null,
        }), '已登记答复')}>
          <Typography.Title level={3}>登记答复</Typography.Title>
          <Form.Item name="answeredOn" label="答复日期" rules={[{ required: true, message: '请选择答复日期' }]}><DatePicker /></Form.Item>
          <Form.Item name="replyText" label="答复函内容" rules={[{ required: true, message: '请填写答复函内容' }]}><Input.TextArea rows={6} /></Form.Item>
          <Form.Item name="lateReason" label="逾期理由（答复晚于期限时必填）"><Input.TextArea rows={2} /></Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>登记答复</Button>
        </Form>
      )}
      {mayHandle && p.state === 'answered' && (
        <Form form={feedback} layout="vertical" className="gk-gap" onFinish={(v) => void run('未能登记反馈意见', () => proposalApi.feedback(agencyId, p.id, {
          feedback: v.feedback, feedbackOn: day(v.feedbackOn), note: v.note || null,
        }), '已登记反馈意见')}>
          <Typography.Title level={3}>登记代表委员反馈意见</Typography.Title>
          <Form.Item name="feedback" label="反馈意见" rules={[{ required: true, message: '请选择反馈意见' }]}>
            <Radio.Group options={[{ value: 'satisfied', label: '满意' }, { value: 'basically', label: '基本满意' }, { value: 'unsatisfied', label: '不满意' }]} />
          </Form.Item>
          <Form.Item name="feedbackOn" label="反馈日期" rules={[{ required: true, message: '请选择反馈日期' }]}><DatePicker /></Form.Item>
          <Form.Item name="note" label="说明"><Input.TextArea rows={2} /></Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>登记反馈</Button>
        </Form>
      )}
      {mayHandle && mayDraft && p.state !== 'handling' && p.resultItemId === null && (
        <div className="gk-gap">
          <Button loading={busy} onClick={() => void run('未能生成办理结果信息', () => proposalApi.prepareResult(agencyId, p.id), '已生成办理结果信息草稿，请提交审核后发布')}>
            公开办理结果（生成信息草稿）
          </Button>
        </div>
      )}
    </section>
  );
}

/** The 建议提案 screen. */
export function ProposalPage() {
  const session = useSession();
  const mayHandle = useCan('proposal.handle');
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [agencyId, setAgencyId] = useState<number | undefined>(undefined);
  const [list, setList] = useState<Proposal[]>([]);
  const [warnings, setWarnings] = useState<ProposalWarnings | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [registering, setRegistering] = useState(false);
  const [year, setYear] = useState(Number(todayInChina().slice(0, 4)) - 1);
  const [counts, setCounts] = useState<ProposalYearCounts | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    void api.agencies().then((all) => {
      const mine = agenciesWhere('proposal.read', all);
      setAgencies(mine);
      setAgencyId(mine.find((a) => a.id === session?.user.agencyId)?.id ?? mine[0]?.id);
    }).catch(setError);
  }, [session?.user.agencyId]);

  const load = useCallback(async () => {
    if (agencyId === undefined) return;
    try {
      const [l, w] = await Promise.all([proposalApi.list(agencyId), proposalApi.warnings(agencyId)]);
      setList(l);
      setWarnings(w);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [agencyId]);
  useEffect(() => { void load(); }, [load]);
  useEffect(() => {
    if (agencyId !== undefined) proposalApi.counts(agencyId, year).then(setCounts, () => setCounts(null));
  }, [agencyId, year, list]);

  const current = list.find((p) => p.id === selected) ?? null;
  return (
    <div className="gk-page">
      <Typography.Title level={1} className="gk-page-title">建议提案办理</Typography.Title>
      <Space wrap className="gk-gap">
        <Select aria-label="机关" style={{ minWidth: 260 }} value={agencyId} onChange={(v) => { setAgencyId(v); setSelected(null); }}
          options={agencies.map((a) => ({ value: a.id, label: a.name }))} />
        {mayHandle && agencyId !== undefined && <Button type="primary" onClick={() => setRegistering(true)}>登记建议提案</Button>}
      </Space>
      {error !== null && <ErrorAlert error={error} title="加载失败" onClose={() => setError(null)} />}
      <WarningsPanel warnings={warnings} />
      <div className="gk-panel gk-gap">
        <Table<Proposal> rowKey="id" size="small" dataSource={list} pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '暂无建议提案' }}
          onRow={(p) => ({ onClick: () => setSelected(p.id) })}
          columns={[
            { title: '登记号', dataIndex: 'regNo', render: (v: string, p) => <a href="#" onClick={(e) => { e.preventDefault(); setSelected(p.id); }}>{v}</a> },
            { title: '类别', dataIndex: 'kindName' },
            { title: '编号', dataIndex: 'sourceNo' },
            { title: '标题', dataIndex: 'title' },
            { title: '提出人', dataIndex: 'proposer' },
            { title: '主办科室', dataIndex: 'leadOffice' },
            { title: '答复期限', key: 'due', render: (_: unknown, p) => dueLabel(p) },
            { title: '状态', key: 'state', render: (_: unknown, p) => <Tag className={STATE_CLASSES[p.state]}>{p.stateName}</Tag> },
            { title: '结果公开', key: 'pub', render: (_: unknown, p) => p.resultPublishedOn ?? (p.resultItemId ? '待发布' : '—') },
          ]} />
      </div>
      {current && agencyId !== undefined && <ProposalDetail key={current.id} agencyId={agencyId} proposal={current}
        onChanged={(p) => { setList((all) => all.map((x) => (x.id === p.id ? p : x))); void load(); }} />}
      <section className="gk-panel gk-gap" aria-labelledby="proposal-counts-heading">
        <Typography.Title level={2} id="proposal-counts-heading">年度办理情况（年度报告第六部分）</Typography.Title>
        <Space>
          <label htmlFor="proposal-year">年度</label>
          <InputNumber id="proposal-year" min={2000} max={2200} value={year} onChange={(v) => v && setYear(v)} />
        </Space>
        {counts && <p className="gk-gap">{counts.text}</p>}
      </section>
      {agencyId !== undefined && <RegisterDialog agencyId={agencyId} open={registering} onClose={() => setRegistering(false)}
        onDone={(p) => { setRegistering(false); setSelected(p.id); void load(); }} />}
    </div>
  );
}
