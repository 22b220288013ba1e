/**
 * The report page: header with title, status and actions (保存, 检查, 发布, 下载), and the tabs
 * 表格 (tables 二/三/四 as editable grids), 正文, 检查结果 and 版本与记录; the review chain before publishing
 * (条例 Art. 50, the same chain as proactive disclosure), 从数据填报 and the figures for the prose with their drill-down.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { App, Alert, Badge, Breadcrumb, Button, Dropdown, Popconfirm, Space, Spin, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { CheckReport, InterchangeReport, ReportDetail, TableId } from '../api-types.js';
import { api, ApiError, downloadUrl } from '../api.js';
import { withCellUnit, withCellValue } from '../document-edit.js';
import { FORMAT_LABELS, STATUS_COLORS, STATUS_LABELS, formatDate, formatTime } from '../labels.js';
import { routeHref } from '../router.js';
import { useCan } from '../session.js';
import { buildTableGrids } from '../table-grid.js';
import { CheckResultsView } from '../components/check-results-view.js';
import { HistoryView } from '../components/history-view.js';
import { NarrativeEditor } from '../components/narrative-editor.js';
import { ErrorAlert } from '../components/problem-list.js';
import { TableGridView } from '../components/table-grid-view.js';
import { FillFromCasesButton } from '../components/fill-from-cases.js';
import { CorrectButton, CorrectionNotes, correcting } from '../components/report-correction.js';
import { FillFromDataButton, NarrativeFigures, ReportReviewPanel } from '../components/report-review-panel.js';
import { ReportTextFigures } from '../components/report-text-figures.js';

type TabKey = 'tables' | 'text' | 'checks' | 'history';

const DOWNLOADS = [
  { key: 'docx', label: 'Word 文档（.docx）' },
  { key: 'pdf', label: 'PDF 文件（.pdf）' },
  { key: 'html', label: '网页（.html）' },
  { key: 'json', label: '交换文件（.json）' },
] as const;

/** Scrolls the first highlighted cell into view (after the table tab has rendered). */
function scrollToCell(address: string): void {
  const target = Array.from(document.querySelectorAll<HTMLElement>('[data-address]')).find((el) => el.dataset.address === address);
  target?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
}

/** The page of one report. */
export function ReportPage({ id }: { id: number }) {
  const { message } = App.useApp();
  const mayEdit = useCan('report.edit');
  const mayPublish = useCan('report.publish');
  const [detail, setDetail] = useState<ReportDetail | null>(null);
  const [doc, setDoc] = useState<InterchangeReport | null>(null);
  const [docKey, setDocKey] = useState(0);
  const [dirty, setDirty] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<{ title: string; error: unknown } | null>(null);
  const [checks, setChecks] = useState<CheckReport | null>(null);
  const [tab, setTab] = useState<TabKey>('tables');
  const [highlighted, setHighlighted] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<'save' | 'check' | 'publish' | null>(null);

  const load = useCallback(async () => {
    try {
      const d = await api.report(id);
      setDetail(d);
      setDoc(d.document);
      setDocKey((k) => k + 1);
      setDirty(false);
      setLoadError(null);
    } catch (e) {
      setLoadError(e);
    }
  }, [id]);

  useEffect(() => { void load(); }, [load]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => { e.preventDefault(); };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  useEffect(() => {
    const first = [...highlighted][0];
    if (tab === 'tables' && first) requestAnimationFrame(() => scrollToCell(first));
  }, [highlighted, tab]);

  const grids = useMemo(() => (doc ? buildTableGrids(doc.cells) : []), [doc]);

  if (loadError !== null && !detail) {
    return <div className="gk-page"><ErrorAlert error={loadError} title="报告加载失败" /></div>;
  }
  if (!detail || !doc) return <div className="gk-page gk-loading"><Spin description="正在加载报告…" /></div>;

  const report = detail.report;
  // Published reports are read-only; so is every report for someone who may not edit.
  // Under review a report is locked (the server refuses a new version until a reviewer returns it).
  const underReview = report.reviewState !== 'draft' && report.reviewState !== 'returned';
  const readOnly = report.status === 'published' || !mayEdit || underReview;

  const edit = (next: InterchangeReport) => { setDoc(next); setDirty(true); };
  const editCell = (index: number, value: number | null | string) => {
    setDoc((d) => (d ? withCellValue(d, index, value) : d));
    setDirty(true);
  };
  const editUnit = (index: number, unit: string | null) => {
    setDoc((d) => (d ? withCellUnit(d, index, unit) : d));
    setDirty(true);
  };

  const save = async (): Promise<boolean> => {
    setBusy('save');
    try {
      await api.saveReport(id, doc, detail.report.version);
      await load();
      setActionError(null);
      message.success('已保存为新版本');
      return true;
    } catch (e) {
      // Someone saved a newer version meanwhile: nothing was overwritten; the answer lists what they changed.
      const stale = e instanceof ApiError && e.code === 'STALE_VERSION';
      setActionError({ title: stale ? '保存未成功：报告已被他人更新' : '保存失败', error: e });
      return false;
    } finally {
      setBusy(null);
    }
  };

  const check = async () => {
    if (dirty && !(await save())) return;
    setBusy('check');
    try {
      const result = await api.checkReport(id);
      setChecks(result.checks);
      setDetail((d) => (d ? { ...d, report: result.report ?? d.report } : d));
      setActionError(null);
      setTab('checks');
      if (result.checks.ok) message.success('检查完成：没有错误');
      else message.warning(`检查完成：发现 ${result.checks.hardFailures} 项错误`);
    } catch (e) {
      setActionError({ title: '检查失败', error: e });
    } finally {
      setBusy(null);
    }
  };

  const publish = async () => {
    setBusy('publish');
    try {
      await api.publishReport(id);
      await load();
      setActionError(null);
      message.success('报告已发布');
    } catch (e) {
      setActionError({ title: '未能发布', error: e });
    } finally {
      setBusy(null);
    }
  };

  const showCells = (addresses: string[]) => {
    setHighlighted(new Set(addresses));
    setTab('tables');
  };

  const heading = (table: TableId) => doc.sections.find((s) => s.key === table)?.heading ?? `表${table}`;
  const failing = checks ? checks.results.filter((r) => r.status === 'fail').length : 0;

  return (
    <div className="gk-page">
      <Breadcrumb items={[{ title: <a href={routeHref({ name: 'reports' })}>年度报告</a> }, { title: `${report.agencyName} ${report.year} 年度` }]} />
      <div className="gk-report-head">
        <div>
          <Typography.Title level={1} className="gk-page-title">{doc.title || `${report.agencyName}${report.year}年政府信息公开工作年度报告`}</Typography.Title>
          <Space wrap size={[12, 4]} className="gk-meta">
            <Tag color={STATUS_COLORS[report.status]}>{STATUS_LABELS[report.status]}</Tag>
            {correcting(report) && <Tag className="gk-tag-warn">更正中</Tag>}
            {report.correctedAt && <span>更正：{formatTime(report.correctedAt)}</span>}
            <span>{FORMAT_LABELS[report.format] ?? report.format}</span>
            <span>第 {report.version} 版</span>
            <span>成文日期：{formatDate(report.issuedOn) || '未填写'}</span>
            <span>更新：{formatTime(report.updatedAt)}</span>
            {report.publishedAt && <span>发布：{formatTime(report.publishedAt)}</span>}
            {dirty && <Tag color="gold">有未保存的修改</Tag>}
          </Space>
        </div>
        <Space wrap className="gk-actions">
          {!readOnly && <Button type={dirty ? 'primary' : 'default'} disabled={!dirty} loading={busy === 'save'} onClick={() => void save()}>保存</Button>}
          {!readOnly && <Button loading={busy === 'check'} onClick={() => void check()}>检查</Button>}
          {!readOnly && mayEdit && (
            <FillFromCasesButton reportId={id} year={report.year} document={doc} disabledReason={dirty ? '请先保存修改' : undefined}
              onFilled={(d) => { setDetail(d); setDoc(d.document); setDocKey((k) => k + 1); setDirty(false); setActionError(null); setTab('tables'); }}
              onError={(e) => setActionError({ title: '未能填写', error: e })} />
          )}
          {!readOnly && mayEdit && (
            <FillFromDataButton report={report} disabledReason={dirty ? '请先保存修改' : undefined}
              onFilled={async () => { await load(); setActionError(null); setTab('tables'); }}
              onError={(e) => setActionError({ title: '未能从数据填报', error: e })} />
          )}
          {report.status !== 'published' && mayPublish && (
            <Popconfirm title="发布报告" description="发布后报告不可再修改。确认发布？" okText="发布" cancelText="取消"
              onConfirm={() => publish()} disabled={dirty || report.reviewState !== 'approved'}>
              <Tooltip title={dirty ? '请先保存修改' : report.reviewState !== 'approved' ? '须经初审、保密审查和核审签发后方可发布' : undefined}>
                <Button danger disabled={dirty || report.reviewState !== 'approved'} loading={busy === 'publish'}>发布</Button>
              </Tooltip>
            </Popconfirm>
          )}
          {report.status === 'published' && mayEdit && <CorrectButton report={report} onStarted={() => void load()} />}
          <Dropdown menu={{ items: DOWNLOADS.map((d) => ({ key: d.key, label: <a href={downloadUrl(id, d.key)} download>{d.label}</a> })) }}>
            <Button>下载</Button>
          </Dropdown>
        </Space>
      </div>
      {readOnly && <Alert className="gk-gap" type="info" showIcon
        title={report.status === 'published' ? '本报告已发布，内容只读；如有错误，可点击“更正”。' : underReview ? `报告${report.reviewStateName}，审核期间内容只读；如需修改，请由审核人退回。` : '您没有编辑年度报告的权限，内容只读。'} />}
      <CorrectionNotes report={report} />
      <ReportReviewPanel report={report} dirty={dirty} onChanged={load} />
      {actionError && <div className="gk-gap"><ErrorAlert error={actionError.error} title={actionError.title}
        onClose={() => setActionError(null)} onShowCell={(address) => showCells([address])} /></div>}
      <div className="gk-panel">
        <Tabs activeKey={tab} onChange={(k) => setTab(k as TabKey)} items={[
          {
            key: 'tables', label: '表格',
            children: (
              <div className="gk-tables">
                <p className="gk-note">空白单元格表示未填报，与 0 不同；未发生的事项请填 0。{readOnly ? '' : '金额单元格须选择单位（万元或元）。'}</p>
                {highlighted.size > 0 && (
                  <Alert type="warning" showIcon className="gk-gap" title={`已标出检查结果涉及的 ${highlighted.size} 个单元格。`}
                    closable={{ onClose: () => setHighlighted(new Set()) }} />
                )}
                {grids.map((grid) => (
                  <section key={grid.table} className="gk-table-section" aria-label={heading(grid.table)}>
                    <Typography.Title level={2} className="gk-table-title">{heading(grid.table)}</Typography.Title>
                    <TableGridView grid={grid} readOnly={readOnly} highlighted={highlighted}
                      onChange={editCell} onUnitChange={editUnit} />
                  </section>
                ))}
              </div>
            ),
          },
          { key: 'text', label: '正文', children: <>
            <ReportTextFigures report={report} disabledReason={readOnly || !mayEdit ? '报告只读，不能起草' : dirty ? '请先保存修改' : undefined}
              onDrafted={async () => { await load(); setActionError(null); }} onError={(e) => setActionError({ title: '未能起草正文', error: e })} />
            <NarrativeFigures reportId={id} /><NarrativeEditor key={docKey} doc={doc} readOnly={readOnly} onChange={edit} /></> },
          {
            key: 'checks',
            label: <span>检查结果 {checks && <Badge count={failing} showZero color={checks.ok ? (failing ? 'orange' : 'green') : 'red'} />}</span>,
            children: <CheckResultsView checks={checks} onShowCells={showCells} />,
          },
          { key: 'history', label: '版本与记录', children: <HistoryView reportId={id} version={report.version} /> },
        ]} />
      </div>
    </div>
  );
}
