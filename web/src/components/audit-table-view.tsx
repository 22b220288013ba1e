/**
 * A statistical table of an audited file as it was read: each value cell coloured by how it was read (read,
 * recovered — the tooltip says how —, missing, blank), and the cells of the selected finding highlighted.
 * The state is also said in words to screen readers (colour is never the only sign).
 */
import { Tooltip } from 'antd';
import { cellClass } from '../audit-helpers.js';
import type { AuditDetailCell, AuditDetailTable } from '../schema-types.js';

interface Props {
  table: AuditDetailTable;
  /** Keys of the cells of the selected finding. */
  selected: ReadonlySet<string>;
  /** The server's words for the cell states. */
  stateLabels: Record<string, string>;
}

/** Renders one table. */
export function AuditTableView({ table, selected, stateLabels }: Props) {
  return (
    <div className="gk-grid-scroll" tabIndex={0} role="region" aria-label={table.title}>
      <table className="gk-grid gk-audit-grid">
        <caption className="sr-only">{table.title}</caption>
        <thead>
          <tr>
            <th scope="col" className="gk-cell-corner">项目</th>
            {table.columns.map((c, i) => <th key={i} scope="col" className="gk-cell-header">{c}</th>)}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              <th scope="row" className="gk-cell-label">{row.label}</th>
              {row.cells.map((cell) => <CellView key={cell.key} cell={cell} selected={selected} stateLabels={stateLabels} />)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CellView({ cell, selected, stateLabels }: { cell: AuditDetailCell; selected: ReadonlySet<string>; stateLabels: Record<string, string> }) {
  const state = stateLabels[cell.state] ?? '';
  const text = cell.value ?? '';
  // Colour is not the only sign: the state is said in words to screen readers, a missing cell shows “？”.
  const inner = cell.state === 'read'
    ? <span>{text}</span>
    : <span className="gk-audit-value">{text}{!text && cell.state === 'missing' && <span aria-hidden="true">？</span>}<span className="sr-only">（{state}）</span></span>;
  return (
    <td className={cellClass(cell, selected)} data-key={cell.key}>
      {cell.how ? <Tooltip title={`${state}：${cell.how}`}><span tabIndex={0} className="gk-audit-how">{inner}</span></Tooltip> : inner}
    </td>
  );
}
