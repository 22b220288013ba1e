/**
 * A statistical table as the national format prints it, with an input in each value cell (or
 * the value as printed when the report is read-only). Blank cells stay empty, never 0.
 */
import type { ReactNode } from 'react';
import type { GridCell, GridValueCell, TableGrid } from '../table-grid.js';
import { CellInput } from './cell-input.js';

interface Props {
  grid: TableGrid;
  readOnly: boolean;
  /** Addresses of cells to highlight (from a check result). */
  highlighted: ReadonlySet<string>;
  onChange: (index: number, value: number | null | string) => void;
  onUnitChange?: (index: number, unit: string | null) => void;
  caption?: string;
  /** Renders a read-only value cell's content instead of its text (a link to the cell's cases …). */
  renderValue?: (cell: GridValueCell, label: string) => ReactNode;
}

/** Renders one table grid. */
export function TableGridView({ grid, readOnly, highlighted, onChange, onUnitChange, caption, renderValue }: Props) {
  return (
    <div className="gk-grid-scroll">
      <table className={`gk-grid gk-grid-${grid.table === '二' ? 'two' : grid.table === '三' ? 'three' : 'four'}`}>
        {caption && <caption className="gk-grid-caption">{caption}</caption>}
        <tbody>
          {grid.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => <GridCellView key={c} cell={cell} readOnly={readOnly}
                highlighted={highlighted} onChange={onChange} onUnitChange={onUnitChange} renderValue={renderValue} />)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function GridCellView({ cell, readOnly, highlighted, onChange, onUnitChange, renderValue }: {
  cell: GridCell; readOnly: boolean; highlighted: ReadonlySet<string>;
  onChange: (index: number, value: number | null | string) => void;
  onUnitChange?: (index: number, unit: string | null) => void;
  renderValue?: Props['renderValue'];
}) {
  const span = { rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined, colSpan: cell.colSpan > 1 ? cell.colSpan : undefined };
  if (cell.kind !== 'value') {
    return (
      <th {...span} scope={cell.kind === 'label' ? 'row' : undefined}
        className={`gk-cell-${cell.kind}${cell.kind === 'label' && cell.rowSpan > 1 ? ' gk-label-group' : ''}`}>
        {cell.text}
      </th>
    );
  }
  const on = highlighted.has(cell.address);
  const label = `${cell.row.join(' ')} ${cell.column.join(' ')}`.trim();
  return (
    <td {...span} data-address={cell.address}
      className={`gk-value${cell.blank ? ' gk-blank' : ''}${cell.extra ? ' gk-extra' : ''}${on ? ' gk-highlight' : ''}`}>
      {readOnly && renderValue ? renderValue(cell, label)
        : readOnly
        ? <span className="gk-value-text" aria-label={cell.blank ? `${label}：空白` : undefined}>
            {cell.text}{cell.unit && !cell.blank ? cell.unit : ''}
          </span>
        : <CellInput value={cell.value} unit={cell.unit} amount={cell.amount} label={label} highlighted={on}
            onChange={(v) => onChange(cell.index, v)} onUnitChange={(u) => onUnitChange?.(cell.index, u)} />}
    </td>
  );
}
