/**
 * The report text drafted from the data: a button that drafts sections 一 and 六 (a new version, after a
 * confirmation since it replaces their text) and the list of the figures written, each found again in the
 * current text and compared with the data now — a figure that changed in the data, or that the officer
 * changed by hand, is flagged first.
 */
import { Alert, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ReportSummary } from '../api-types.js';
import { disclosureApi } from '../disclosure-api.js';
import type { TextFigure, TextFigures } from '../disclosure-types.js';
import { formatTime } from '../labels.js';

const STATUS_COLOR: Record<TextFigure['status'], string> = { ok: 'green', 'data-changed': 'orange', differs: 'red', 'not-found': 'default' };
const ORDER: Record<TextFigure['status'], number> = { differs: 0, 'data-changed': 1, 'not-found': 2, ok: 3 };

const written = (f: TextFigure) => (f.written === null ? '—' : `${f.written}${f.unit}`);
const current = (f: TextFigure) => (f.current === null ? '—' : `${f.current}${f.unit}`);

/** Drafting button and the figures of the text; `disabledReason` blocks drafting (unsaved edits, read-only). */
export function ReportTextFigures({ report, disabledReason, onDrafted, onError }: {
  report: ReportSummary;
  disabledReason?: string;
  onDrafted: () => Promise<void> | void;
  onError: (e: unknown) => void;
}) {
  const [view, setView] = useState<TextFigures | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = useCallback(() => {
    disclosureApi.textFigures(report.id).then(setView, () => setView(null));
  }, [report.id]);
  useEffect(() => { refresh(); }, [refresh, report.version]);

  const draft = async () => {
    setBusy(true);
    try {
      const result = await disclosureApi.draftText(report.id, report.version);
      setView(result.figures);
      await onDrafted();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  const flagged = view ? view.figures.filter((f) => f.status !== 'ok').length : 0;
  const rows = view ? [...view.figures].sort((a, b) => ORDER[a.status] - ORDER[b.status]) : [];
  return (
    <section className="gk-panel gk-gap" aria-labelledby="gk-text-figures-title">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} className="gk-h3" id="gk-text-figures-title">按数据起草的正文数字</Typography.Title>
        <Popconfirm title="按平台数据起草正文" description="将以平台数据重写第一部分“总体情况”和第六部分“其他需要报告的事项”，保存为新版本。继续吗？"
          okText="起草" cancelText="取消" onConfirm={() => void draft()} disabled={!!disabledReason}>
          <Button loading={busy} disabled={!!disabledReason} title={disabledReason}>按数据起草第一、六部分</Button>
        </Popconfirm>
      </Space>
      {!view?.drafted && <p className="gk-note">正文尚未按数据起草。起草后，正文中的每个数字都标注来源；数据变化或数字被改动时在此提示。</p>}
      {view?.drafted && (
        <>
          <p className="gk-note">
            {formatTime(view.drafted.at)} 由 {view.drafted.by} 按截至 {view.drafted.asOf} 的数据起草（第 {view.drafted.version} 版）；
            以下按截至 {view.asOf} 的数据比对。
          </p>
          {flagged > 0
            ? <Alert type="warning" showIcon className="gk-gap" title={`有 ${flagged} 个数字与数据不一致或已找不到，请核对正文。`} />
            : <Alert type="success" showIcon className="gk-gap" title="正文中的数字均与数据一致。" />}
          <Table rowKey={(f) => `${f.section}:${f.key}`} size="small" pagination={{ pageSize: 10, hideOnSinglePage: true }} dataSource={rows} scroll={{ x: 760 }}
            columns={[
              { title: '状态', key: 's', width: 170, render: (_, f) => <Tag color={STATUS_COLOR[f.status]}>{f.statusName}</Tag> },
              { title: '数字', key: 'l', render: (_, f) => `第${f.section}部分：${f.label}` },
              { title: '正文', key: 'w', width: 100, render: (_, f) => written(f) },
              { title: '数据', key: 'c', width: 100, render: (_, f) => current(f) },
              { title: '来源', dataIndex: 'source', key: 'src' },
            ]} />
        </>
      )}
    </section>
  );
}
