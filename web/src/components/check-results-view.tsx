/**
 * 检查结果: failing hard rules first, then warnings, each with its expression, the values of both
 * sides and the cells involved; clicking a cell shows it highlighted in the table.
 */
import { useState } from 'react';
import { Alert, Button, Empty, Tag, Typography } from 'antd';
import type { CheckCell, CheckReport, CheckResult } from '../api-types.js';
import { cellsBySide, checkCellAddress, groupCheckResults } from '../check-groups.js';
import { checkValueText, sideText } from '../labels.js';

interface Props {
  checks: CheckReport | null;
  /** Shows the given cells (addresses) highlighted in the table tab. */
  onShowCells: (addresses: string[]) => void;
}

/** Label of a checked cell: 表三 一、本年新收政府信息公开申请数量 / 总计. */
function cellLabel(cell: CheckCell): string {
  const row = cell.row.length > 0 ? cell.row.join(' ') : '数据行';
  return `${cell.of === 'previous' ? '上年报告 ' : ''}表${cell.table} ${row} / ${cell.column.join(' ')}`;
}

function CellChip({ cell, onShowCells }: { cell: CheckCell; onShowCells: Props['onShowCells'] }) {
  const address = checkCellAddress(cell);
  const text = `${cellLabel(cell)}：${checkValueText(cell.value)}`;
  if (!address) return <span className="gk-chip gk-chip-previous">{text}</span>;
  return (
    <button type="button" className={`gk-chip${cell.value === null ? ' gk-chip-blank' : ''}`}
      title="在表格中查看" onClick={() => onShowCells([address])}>{text}</button>
  );
}

/** Cells shown before “展开” (a blank-cell warning can name 150 cells). */
const CHIP_LIMIT = 12;

function CellChips({ label, cells, onShowCells }: { label: string; cells: CheckCell[]; onShowCells: Props['onShowCells'] }) {
  const [all, setAll] = useState(false);
  if (cells.length === 0) return null;
  const shown = all ? cells : cells.slice(0, CHIP_LIMIT);
  return (
    <div>
      <span className="gk-side-label">{label}</span>
      {shown.map((c, i) => <CellChip key={i} cell={c} onShowCells={onShowCells} />)}
      {cells.length > CHIP_LIMIT && (
        <Button size="small" type="link" onClick={() => setAll(!all)}>
          {all ? '收起' : `展开其余 ${cells.length - CHIP_LIMIT} 个`}
        </Button>
      )}
    </div>
  );
}

function ResultCard({ result, onShowCells }: { result: CheckResult; onShowCells: Props['onShowCells'] }) {
  const sides = cellsBySide(result);
  const current = result.cells.map(checkCellAddress).filter((a): a is string => a !== null);
  const error = result.severity === 'error';
  return (
    <li className={`gk-result gk-result-${error ? 'error' : 'warning'}`}>
      <div className="gk-result-head">
        <Tag color={error ? '#c0282d' : '#9a5800'}>{error ? '错误' : '警告'}</Tag>
        <span className="gk-result-title">{result.title}</span>
        <span className="gk-result-rule">规则 {result.ruleId}</span>
      </div>
      {result.expression && <div className="gk-expression">{result.expression}</div>}
      {(result.left !== null || result.right !== null || result.cells.some((c) => c.side)) && (
        <div className="gk-sides">左边 = <b>{sideText(result.left)}</b>，右边 = <b>{sideText(result.right)}</b></div>
      )}
      {result.message && <div className="gk-result-message">{result.message}</div>}
      {result.cells.length > 0 && (
        <div className="gk-result-cells">
          <CellChips label="左边：" cells={sides.left} onShowCells={onShowCells} />
          <CellChips label="右边：" cells={sides.right} onShowCells={onShowCells} />
          <CellChips label={`涉及单元格（${sides.other.length}）：`} cells={sides.other} onShowCells={onShowCells} />
          {current.length > 1 && <Button size="small" type="link" onClick={() => onShowCells(current)}>在表格中查看全部 {current.length} 个单元格</Button>}
        </div>
      )}
    </li>
  );
}

/** The check results tab. */
export function CheckResultsView({ checks, onShowCells }: Props) {
  if (!checks) {
    return <Empty description="尚未检查。点击“检查”，按报告格式的勾稽关系和填报要求核对本报告。" />;
  }
  const groups = groupCheckResults(checks);
  return (
    <div className="gk-checks">
      {checks.ok
        ? <Alert type="success" showIcon title={`没有错误，可以发布。${groups.warnings.length > 0 ? `另有 ${groups.warnings.length} 项警告，请核实。` : ''}`} />
        : <Alert type="error" showIcon title={`发现 ${groups.errors.length} 项错误，须修正后方可发布。${groups.warnings.length > 0 ? `另有 ${groups.warnings.length} 项警告。` : ''}`} />}
      <p className="gk-check-summary">
        共 {checks.results.length} 项检查：通过 {groups.passed} 项，错误 {groups.errors.length} 项，警告 {groups.warnings.length} 项，未执行 {groups.skipped.length} 项。
      </p>
      {groups.errors.length > 0 && (
        <section aria-labelledby="gk-errors-title">
          <Typography.Title level={2} className="gk-h2" id="gk-errors-title">错误（{groups.errors.length}）</Typography.Title>
          <ol className="gk-results">{groups.errors.map((r) => <ResultCard key={r.id} result={r} onShowCells={onShowCells} />)}</ol>
        </section>
      )}
      {groups.warnings.length > 0 && (
        <section aria-labelledby="gk-warnings-title">
          <Typography.Title level={2} className="gk-h2" id="gk-warnings-title">警告（{groups.warnings.length}）</Typography.Title>
          <ol className="gk-results">{groups.warnings.map((r) => <ResultCard key={r.id} result={r} onShowCells={onShowCells} />)}</ol>
        </section>
      )}
      {groups.skipped.length > 0 && (
        <details className="gk-skipped">
          <summary>未执行的检查（{groups.skipped.length}）：所涉单元格未填写或缺少上年度报告，无法核对</summary>
          <ul>
            {groups.skipped.map((r) => <li key={r.id}>{r.title}{r.message ? `：${r.message}` : ''}</li>)}
          </ul>
        </details>
      )}
    </div>
  );
}
