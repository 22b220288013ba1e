/**
 * Cell keys: `table:row:column` with the definition's stable row and column keys,
 * e.g. `三:r3-1:natural`. They never change once a format is published, so stored reports,
 * check ids and evidence stay valid.
 */
import type { TableId } from './format-types.js';

/** Builds the key of a cell. */
export function cellKey(table: TableId, row: string, column: string): string {
  return `${table}:${row}:${column}`;
}

/** Splits a cell key into its table, row and column keys. */
export function splitCellKey(key: string): { table: TableId; row: string; column: string } {
  const [table, row, column] = key.split(':');
  return { table: table as TableId, row: row!, column: column! };
}
