/**
 * One audited report: its particulars (agency, year, format, title, source and publication date), the findings
 * (errors first) with 确认问题 / 不是问题, the tables 二/三/四 one at a time with each cell coloured by how it was
 * read and the cells of the selected finding highlighted, the blank cells summarised per run of rows (never one
 * line per blank), and the reader's notes and the prose figures folded away. Kept compact on purpose.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { App, Breadcrumb, Spin, Tabs, Tag, Typography } from 'antd';
import { auditApi } from '../audit-api.js';
import { findingCells, findingCounts, tablesById } from '../audit-helpers.js';
import { fileSize } from '../disclosure-labels.js';
import { formatDate } from '../labels.js';
import { routeHref } from '../router.js';
import type { AuditDecisionKind, AuditFileDetail, AuditFinding, AuditLabels } from '../schema-types.js';
import { AuditFindings } from '../components/audit-findings.js';
import { AuditTableView } from '../components/audit-table-view.js';
import { ErrorAlert } from '../components/problem-list.js';

/** The legend of the cell colours, in the server's words. */
function Legend({ labels }: { labels: Record<string, string> }) {
  return (
    <ul className="gk-audit-legend" aria-label="单元格颜色说明">
      {Object.entries(labels).map(([state, label]) => <li key={state}><span className={`gk-audit-swatch gk-audit-${state}`} aria-hidden="true" />{label}</li>)}
    </ul>
  );
}

/** The file screen. */
export function AuditFilePage({ batchId, fileId }: { batchId: number; fileId: number }) {
  const { message } = App.useApp();
  const [detail, setDetail] = useState<AuditFileDetail | null>(null);
  const [labels, setLabels] = useState<AuditLabels | null>(null);
  const [batchTitle, setBatchTitle] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [tab, setTab] = useState<string | undefined>();

  const load = useCallback(async () => {
    try {
      const d = await auditApi.file(batchId, fileId);
      setDetail(d);
      setTab((t) => t ?? d.tables[0]?.id);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [batchId, fileId]);
  useEffect(() => { void load(); }, [load]);
  useEffect(() => { auditApi.labels().then(setLabels, () => setLabels(null)); }, []);
  // The batch's title for the breadcrumb (asked with a filter that keeps the file list short: only unread files).
  useEffect(() => { auditApi.batch(batchId, { state: 'pending' }).then((p) => setBatchTitle(p.batch.title), () => setBatchTitle(null)); }, [batchId]);

  const selectedFinding = detail?.findings.find((f) => f.fingerprint === selected) ?? null;
  const selectedKeys = useMemo(() => (selectedFinding ? findingCells(selectedFinding).keys : new Set<string>()), [selectedFinding]);

  const select = (finding: AuditFinding | null) => {
    setSelected(finding?.fingerprint ?? null);
    const table = finding ? findingCells(finding).table : null;
    if (table && detail?.tables.some((t) => t.id === table)) {
      setTab(table);
      requestAnimationFrame(() => document.querySelector('.gk-audit-tables')?.scrollIntoView?.({ block: 'start', behavior: 'smooth' }));
    }
  };

  const decide = async (finding: AuditFinding, kind: AuditDecisionKind, note: string) => {
    const stored = await auditApi.decide(batchId, fileId, finding.fingerprint, { kind, note });
    setDetail((d) => {
      if (!d) return d;
      const findings = d.findings.map((f) => (f.fingerprint === stored.fingerprint ? stored : f));
      return { ...d, findings, undecided: findings.filter((f) => !f.decision).length };
    });
    message.success(`已记录：${stored.decision?.kindLabel ?? ''}`);
  };

  if (!detail) {
    return <div className="gk-page">{error !== null ? <ErrorAlert error={error} title="核查结果加载失败" /> : <div className="gk-loading"><Spin description="正在加载…" /></div>}</div>;
  }
  const counts = findingCounts(detail.findings);
  const severities = labels?.severities ?? {};
  const cellStates = labels?.cellStates ?? {};
  const heading = detail.title || detail.name;
  return (
    <div className="gk-page">
      <Breadcrumb items={[
        { title: <a href={routeHref({ name: 'audits' })}>报告核查</a> },
        { title: <a href={routeHref({ name: 'audit-batch', id: batchId })}>{batchTitle ?? '核查批次'}</a> },
        { title: detail.agencyName ? `${detail.agencyName}${detail.year ? ` ${detail.year} 年度` : ''}` : detail.name },
      ]} />
      <div className="gk-report-head">
        <div>
          <Typography.Title level={1} className="gk-page-title">{heading}</Typography.Title>
          <dl className="gk-audit-facts">
            <div><dt>机关</dt><dd>{detail.agencyName ?? '未识别'}</dd></div>
            <div><dt>年度</dt><dd>{detail.year ?? '未识别'}</dd></div>
            <div><dt>格式</dt><dd>{detail.formatLabel ?? '未识别'}</dd></div>
            <div><dt>发布日期</dt><dd>{formatDate(detail.publishedAt) || '未知'}</dd></div>
            <div><dt>来源</dt><dd>{detail.sourceUrl ? <a href={detail.sourceUrl} target="_blank" rel="noreferrer noopener">{detail.sourceUrl}</a> : '上传的文件'}</dd></div>
            <div><dt>文件</dt><dd>{detail.name}（{fileSize(detail.size)}）</dd></div>
          </dl>
        </div>
        <ul className="gk-audit-counts" aria-label="问题统计">
          {(['error', 'warning', 'missing', 'recovered'] as const).map((s) => (
            <li key={s} className={`gk-audit-count-${s}`}><strong>{counts[s]}</strong><span>{severities[s] ?? s}</span></li>
          ))}
          <li className="gk-audit-count-undecided"><strong>{counts.undecided}</strong><span>待确认</span></li>
        </ul>
      </div>
      {detail.error && <ErrorAlert error={new Error(detail.error)} title={detail.stateLabel} />}
      {error !== null && <div className="gk-form-error"><ErrorAlert error={error} title="操作未成功" onClose={() => setError(null)} /></div>}
      <section className="gk-panel" aria-labelledby="audit-findings">
        <Typography.Title level={2} className="gk-h2" id="audit-findings">发现的问题</Typography.Title>
        <AuditFindings findings={detail.findings} selected={selected} onSelect={select}
          decisionLabels={labels?.decisions ?? {}} onDecide={decide} />
      </section>
      {detail.blanks.length > 0 && (
        <section className="gk-panel gk-gap" aria-labelledby="audit-blanks">
          <Typography.Title level={2} className="gk-h2" id="audit-blanks">空白单元格</Typography.Title>
          <p className="gk-note">空白不是 0；确无此项的应填 0。以下按连续的行汇总。</p>
          <ul className="gk-plain-list gk-audit-blanks">{detail.blanks.map((b, i) => <li key={i}>{b.summary}</li>)}</ul>
        </section>
      )}
      {detail.tables.length > 0 && (
        <section className="gk-panel gk-gap gk-audit-tables" aria-labelledby="audit-tables">
          <div className="gk-panel-head">
            <Typography.Title level={2} className="gk-h2" id="audit-tables">统计表</Typography.Title>
            <Legend labels={cellStates} />
          </div>
          {selectedFinding && (
            <p className="gk-audit-selected-note" role="status">
              已标出“{selectedFinding.ruleTitle}”涉及的 {selectedFinding.cells.length} 个单元格。
              <button type="button" className="gk-link-button" onClick={() => setSelected(null)}>取消标出</button>
            </p>
          )}
          <Tabs activeKey={tab} onChange={setTab} items={tablesById(detail.tables).map(([id, blocks]) => ({
            key: id, label: `表${id}`,
            children: <div className="gk-audit-blocks">{blocks.map((t, i) => <AuditTableView key={i} table={t} selected={selectedKeys} stateLabels={cellStates} />)}</div>,
          }))} />
        </section>
      )}
      {(detail.narrative.length > 0 || detail.notes.length > 0) && (
        <section className="gk-panel gk-gap">
          {detail.narrative.length > 0 && (
            <details className="gk-skipped">
              <summary>正文数字与表格核对（{detail.narrative.length} 处，不一致 {detail.narrative.filter((n) => n.ok === false).length} 处）</summary>
              <ul className="gk-plain-list">
                {detail.narrative.map((n) => (
                  <li key={n.figureId} className={n.ok === false ? 'gk-overdue' : ''}>
                    {n.ok === false ? <Tag className="gk-tag-fail">不一致</Tag> : n.ok ? <Tag className="gk-tag-ok">一致</Tag> : <Tag className="gk-tag-off">无法比较</Tag>}
                    {n.title}：正文“{n.sentence}”所述 {n.stated}；{n.cells.map((c) => `${c.label} ${c.value ?? '空白'}`).join('，')}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {detail.notes.length > 0 && (
            <details className="gk-skipped">
              <summary>读取说明（{detail.notes.length} 条）</summary>
              <ul className="gk-plain-list">{detail.notes.map((n, i) => <li key={i}>{n}</li>)}</ul>
            </details>
          )}
        </section>
      )}
    </div>
  );
}
