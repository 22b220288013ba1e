/**
 * Shows an API error as the server worded it: the message, then each problem with its place
 * (field, cell labels, line), so a person can find and fix every one.
 */
import { Alert } from 'antd';
import type { Problem, ProblemPlace } from '../api-types.js';
import { ApiError } from '../api.js';
import { cellAddress } from '../table-grid.js';

/** Where a problem is, in words: 表三 一、本年新收… / 总计; 字段 year; 第 3 行. */
export function placeText(place: ProblemPlace | undefined): string {
  if (!place) return '';
  const parts: string[] = [];
  if (place.cell) parts.push(`表${place.cell.table}：${place.cell.row.join(' / ') || '（数据行）'} × ${place.cell.column.join(' / ')}`);
  if (place.field) parts.push(`字段 ${place.field}`);
  if (place.line !== undefined) parts.push(`第 ${place.line} 行`);
  if (!place.cell && place.index !== undefined) parts.push(`第 ${place.index + 1} 项`);
  return parts.join('；');
}

/** The list of problems of a failed request; a problem in a cell can be shown in the table. */
export function ProblemList({ problems, onShowCell }: { problems: readonly Problem[]; onShowCell?: (address: string) => void }) {
  if (problems.length === 0) return null;
  return (
    <ol className="gk-problems">
      {problems.map((p, i) => {
        const place = placeText(p.place);
        return (
          <li key={i}>
            {p.message}
            {place && <span className="gk-problem-place">（{place}）</span>}
            {onShowCell && p.place?.cell && (
              <button type="button" className="gk-chip gk-chip-inline"
                onClick={() => onShowCell(cellAddress(p.place!.cell!.table, p.place!.cell!.row, p.place!.cell!.column))}>
                在表格中查看
              </button>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** An error alert for any thrown value; ApiError shows its problems too. */
export function ErrorAlert({ error, title, onClose, onShowCell }: {
  error: unknown; title?: string; onClose?: () => void; onShowCell?: (address: string) => void;
}) {
  const message = error instanceof Error ? error.message : String(error);
  const problems = error instanceof ApiError ? error.problems : [];
  return (
    <Alert
      type="error"
      showIcon
      closable={onClose ? { onClose } : false}
      title={title ?? message}
      description={(title || problems.length > 0) ? (
        <>
          {title && <div>{message}</div>}
          {problems.length > 0 && <div className="gk-problems-count">共 {problems.length} 处问题：</div>}
          <ProblemList problems={problems} onShowCell={onShowCell} />
        </>
      ) : undefined}
    />
  );
}
