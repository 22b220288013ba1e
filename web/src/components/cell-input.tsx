/**
 * One editable value cell. What the person types is kept as typed while editing (so “12.” or an
 * empty field do not jump), and handed up parsed: empty → blank (null), never 0.
 */
import { useEffect, useState } from 'react';
import { Input, Select, Space } from 'antd';
import { AMOUNT_UNITS, cellText, parseCellInput } from '../table-grid.js';

interface Props {
  value: number | null | string;
  unit: string | null;
  /** An amount cell: the unit is chosen beside the number. */
  amount: boolean;
  label: string;
  highlighted: boolean;
  onChange: (value: number | null | string) => void;
  onUnitChange: (unit: string | null) => void;
}

/** The input of a value cell; amount cells show their unit beside the number. */
export function CellInput({ value, unit, amount, label, highlighted, onChange, onUnitChange }: Props) {
  const [text, setText] = useState(() => cellText(value));
  useEffect(() => {
    // Follow a value changed elsewhere (reload), but not the echo of what is being typed.
    if (parseCellInput(text).value !== value) setText(cellText(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const { valid } = parseCellInput(text);
  const input = (
    <Input
      size="small"
      className={`gk-cell-input${highlighted ? ' gk-cell-input-highlight' : ''}`}
      aria-label={label}
      inputMode="decimal"
      status={valid ? undefined : 'error'}
      title={valid ? undefined : '应填写数字；空白表示未填报，不等于 0'}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseCellInput(e.target.value).value);
      }}
    />
  );
  if (!amount) return input;
  const units = unit && !AMOUNT_UNITS.includes(unit) ? [unit, ...AMOUNT_UNITS] : AMOUNT_UNITS;
  return (
    <Space.Compact className="gk-amount" block>
      {input}
      <Select size="small" aria-label={`${label}（单位）`} placeholder="单位" value={unit ?? undefined} allowClear
        style={{ width: 84, flex: 'none' }} onChange={(u?: string) => onUnitChange(u ?? null)}
        options={units.map((u) => ({ value: u, label: u }))} />
    </Space.Compact>
  );
}
