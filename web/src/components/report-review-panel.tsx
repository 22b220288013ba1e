/**
 * The annual report as government information (条例 Art. 50): it goes through the same review chain as items
 * before it is published — 提交审核, 初审, 保密审查 with the 保密审查表, 核审签发 — and this panel shows where it stands,
 * the step the signed-in person may take, and every recorded act. Also 从数据填报 (tables 二/三/四 from the items,
 * the entered Art. 20 counts and the cases, as a new version listing each cell's source) and the figures for the
 * prose (items published, by channel) with the publications behind each.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Drawer, Modal, Space, Table, Tag, Typography } from 'antd';
import { ApiError } from '../api.js';
import type { ReportSummary } from '../api-types.js';
import { disclosureApi } from '../disclosure-api.js';
import { CHAIN_ACTS, REVIEW_DECISIONS, REVIEW_STEPS } from '../disclosure-labels.js';
import type { FillFromDataResult, NarrativeFigure, PublicationItems, ReportReview, ReviewStep } from '../disclosure-types.js';
import { formatDate, formatTime } from '../labels.js';
import { useCan } from '../session.js';
import { ItemStateTag } from './item-state-tag.js';
import { ReviewDecision } from './review-decision.js';
import { EMPTY_SECRECY_DRAFT, SecrecyReviewFormFields, formOf, formProblem, type SecrecyDraft } from './secrecy-review-form.js';

function stepIn(state: string): ReviewStep | null {
  const found = (Object.entries(REVIEW_STEPS) as Array<[ReviewStep, (typeof REVIEW_STEPS)[ReviewStep]]>).find(([, d]) => d.state === state);
  return found ? found[0] : null;
}

const actName = (step: string) => (step in CHAIN_ACTS ? CHAIN_ACTS[step as keyof typeof CHAIN_ACTS] : step);
const decisionName = (d: string | null) => (d === 'pass' || d === 'return' ? REVIEW_DECISIONS[d] : d);

/** The review chain of a report. */
export function ReportReviewPanel({ report, dirty, onChanged }: { report: ReportSummary; dirty: boolean; onChanged: () => Promise<void> | void }) {
  const { message } = App.useApp();
  const mayEdit = useCan('report.edit');
  const may = { 'first-review': useCan('item.first-review'), 'secrecy-review': useCan('item.secrecy-review'), 'sign-off': useCan('item.sign-off') };
  const [review, setReview] = useState<ReportReview | null>(null);
  const [draft, setDraft] = useState<SecrecyDraft>(EMPTY_SECRECY_DRAFT);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => disclosureApi.reportReview(report.id).then(setReview, setError), [report.id]);
  useEffect(() => { void load(); }, [load, report.reviewState, report.version]);

  const run = async (call: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await call();
      setError(null);
      message.success(done);
      await onChanged();
      await load();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const step = stepIn(report.reviewState);
  const mine = step !== null && may[step] ? step : null;
  const mayTakeBack = report.reviewState === 'approved' && report.status !== 'published' && may['sign-off'];
  const canSubmit = mayEdit && (report.reviewState === 'draft' || report.reviewState === 'returned') && report.status !== 'published';
  return (
    <section className="gk-panel gk-gap" aria-labelledby="gk-report-review-title">
      <div className="gk-panel-head">
        <Typography.Title level={2} className="gk-h2" id="gk-report-review-title">
          审核与发布 <ItemStateTag state={report.reviewState} />{report.reviewVersion !== null && <span className="gk-muted">（第 {report.reviewVersion} 版）</span>}
        </Typography.Title>
        {canSubmit && (
          <Button type="primary" disabled={dirty} loading={busy} onClick={() => void run(() => disclosureApi.submitReport(report.id), '报告已提交科室负责人初审')}>
            提交审核
          </Button>
        )}
      </div>
      <p className="gk-note">年度报告也是政府信息，须经科室负责人初审、办公室保密审查和领导核审签发后方可发布（《条例》第五十条）。{dirty ? '请先保存修改再提交审核。' : ''}</p>
      {error !== null && <Alert className="gk-gap" type="error" showIcon closable onClose={() => setError(null)}
        title={error instanceof ApiError || error instanceof Error ? error.message : '操作失败'} />}
      {mine === 'secrecy-review' && <SecrecyReviewFormFields value={draft} onChange={setDraft} />}
      {mine && (
        <ReviewDecision stepName={REVIEW_STEPS[mine].name} busy={busy}
          blocked={mine === 'secrecy-review' && formProblem(draft) ? `${formProblem(draft)}。` : null}
          onPass={(comment) => void run(() => disclosureApi.reviewReport(report.id, {
            step: mine, decision: 'pass', comment: comment || null, ...(mine === 'secrecy-review' ? { form: formOf(draft) } : {}),
          }), `${REVIEW_STEPS[mine].name}已通过`)}
          onReturn={(reason, comment) => void run(() => disclosureApi.reviewReport(report.id, { step: mine, decision: 'return', reason, comment: comment || null }), '已退回')} />
      )}
      {mayTakeBack && (
        <ReviewDecision stepName={REVIEW_STEPS['sign-off'].name} busy={busy} takeBack onPass={() => undefined}
          onReturn={(reason, comment) => void run(() => disclosureApi.reviewReport(report.id, { step: 'sign-off', decision: 'return', reason, comment: comment || null }), '已撤回签发')} />
      )}
      {review && review.steps.length > 0 && (
        <Table rowKey="id" size="small" className="gk-gap" pagination={false} dataSource={[...review.steps].reverse()}
          columns={[
            { title: '时间', key: 'at', width: 150, render: (_, s) => formatTime(s.at) },
            { title: '版本', dataIndex: 'version', key: 'v', width: 60 },
            { title: '环节', key: 'step', render: (_, s) => actName(s.step) },
            { title: '办理人', dataIndex: 'actor', key: 'actor', width: 90 },
            { title: '结果', key: 'd', width: 80, render: (_, s) => (s.decision ? <Tag color={s.decision === 'pass' ? '#2e7031' : '#a8071a'}>{decisionName(s.decision)}</Tag> : '—') },
            { title: '理由和意见', key: 'r', render: (_, s) => [s.reason && `退回理由：${s.reason}`, s.comment && `意见：${s.comment}`].filter(Boolean).join('；') || '—' },
          ]} />
      )}
    </section>
  );
}

/** 从数据填报: fills tables 二/三/四 as a new version and lists what was filled from where. */
export function FillFromDataButton({ report, disabledReason, onFilled, onError }: {
  report: ReportSummary;
  disabledReason?: string;
  onFilled: () => Promise<void> | void;
  onError: (e: unknown) => void;
}) {
  const [result, setResult] = useState<FillFromDataResult | null>(null);
  const [busy, setBusy] = useState(false);
  const FROM: Record<FillFromDataResult['filled'][number]['from'], string> = { items: '主动公开信息', entered: '录入的第二十条数值', cases: '依申请公开办理数据' };
  return (
    <>
      <Button loading={busy} disabled={!!disabledReason} title={disabledReason}
        onClick={async () => {
          setBusy(true);
          try {
            setResult(await disclosureApi.fillFromData(report.id, report.version));
            await onFilled();
          } catch (e) {
            onError(e);
          } finally {
            setBusy(false);
          }
        }}>从数据填报</Button>
      <Modal open={result !== null} title="已从数据填写表二、表三、表四" width={820} onCancel={() => setResult(null)}
        footer={<Button type="primary" onClick={() => setResult(null)}>完成</Button>}>
        {result && (
          <>
            <p>截止日期 {formatDate(result.asOf)}，保存为第 {result.report.version} 版，共填写 {result.filled.length} 个单元格。</p>
            <Table rowKey="cell" size="small" pagination={{ pageSize: 12, hideOnSinglePage: true }} dataSource={result.filled} scroll={{ x: 700 }}
              columns={[
                { title: '表', dataIndex: 'table', key: 't', width: 50 },
                { title: '单元格', key: 'c', render: (_, f) => `${f.row.join(' / ')} × ${f.column.join(' / ')}` },
                { title: '数值', dataIndex: 'value', key: 'v', width: 70 },
                { title: '来源', key: 's', render: (_, f) => `${FROM[f.from]}：${f.source}` },
              ]} />
          </>
        )}
      </Modal>
    </>
  );
}

/** The figures for the prose, each with the publications behind it. */
export function NarrativeFigures({ reportId }: { reportId: number }) {
  const [figures, setFigures] = useState<NarrativeFigure[] | null>(null);
  const [open, setOpen] = useState<{ figure: NarrativeFigure; items: PublicationItems | null; error: string | null } | null>(null);
  useEffect(() => { disclosureApi.narrativeFigures(reportId).then(setFigures, () => setFigures([])); }, [reportId]);
  if (!figures || figures.length === 0) return null;
  const show = (figure: NarrativeFigure) => {
    setOpen({ figure, items: null, error: null });
    disclosureApi.drillDown(figure.drillDown).then((items) => setOpen({ figure, items, error: null }),
      (e: unknown) => setOpen({ figure, items: null, error: e instanceof Error ? e.message : '查询失败' }));
  };
  return (
    <section className="gk-panel gk-gap gk-figures" aria-labelledby="gk-figures-title">
      <Typography.Title level={3} className="gk-h3" id="gk-figures-title">可供正文引用的数字（由发布记录统计）</Typography.Title>
      <Space wrap>
        {figures.map((f) => (
          <button key={f.label} type="button" className="gk-chip" onClick={() => show(f)} aria-label={`${f.label}：${f.value}，查看对应发布记录`}>
            {f.label}：<strong>{f.value}</strong>
          </button>
        ))}
      </Space>
      <Drawer open={open !== null} title={open ? `${open.figure.label}：${open.figure.value}` : ''} size={720} onClose={() => setOpen(null)}>
        {open?.error && <Alert type="error" showIcon title={open.error} />}
        {open?.items && (
          <>
            <p>共 {open.items.count} 次发布，{open.items.items} 条信息。</p>
            <Table rowKey="publicationId" size="small" pagination={{ pageSize: 20, hideOnSinglePage: true }} dataSource={open.items.publications} scroll={{ x: 640 }}
              columns={[
                { title: '标题', dataIndex: 'title', key: 't' },
                { title: '索引号', dataIndex: 'indexNo', key: 'i', width: 200 },
                { title: '渠道', dataIndex: 'channelName', key: 'c', width: 140 },
                { title: '发布日期', key: 'd', width: 120, render: (_, p) => formatDate(p.publishedOn) },
              ]} />
          </>
        )}
      </Drawer>
    </section>
  );
}
