/**
 * Recovering run-together rows of a table from the table's own sums (issue 3, item 4).
 *
 * Each glued row first gets the splits its own equations allow (表三 each row's 总计 = Σ 申请人;
 * 表四 each group's 总计). Column equations (表三 （七）总计 = Σ results; 一 + 二 = （七）+ 四) then
 * narrow rows jointly: an equation whose other cells are known fixes cells of the row directly; the
 * rest are applied by arc consistency and a bounded search. Nothing is guessed: a row with more than
 * one remaining reading is reported 'ambiguous' with its candidates. Equations the published figures
 * contradict are set aside (listed in `conflicts`), not allowed to force a reading.
 */
import { cellKey } from '../format/cell-key.js';
import type { FormatDefinition, TableId } from '../format/format-types.js';
import { tableOf } from '../format/registry.js';
import { enumerateRow, satisfies, type LinearEquation } from './run-together.js';
import { narrowJointly, type JointEquation, type JointRow } from './run-together-joint.js';

/** An equation Σ left = Σ right over cells addressed as [rowKey, column index]. */
export interface TableEquation {
  /** The rule it comes from (EquationRule.id), echoed in diagnostics. */
  id?: string;
  left: Array<[string, number]>;
  right: Array<[string, number]>;
}

/** A row of the table as read: `tokens` for a row whose cells ran together, null for a row read fine. */
export interface TableRowInput {
  key: string;
  /** Digit strings in reading order, each holding one or several whole cells; null = row read fine. */
  tokens: string[] | null;
  /** Values of a row read fine; null = blank cell (a blank is never 0: equations through it are unused). */
  values?: Array<number | null>;
}

export interface SolveTableInput {
  rows: TableRowInput[];
  /** Number of cells in each row. */
  columns: number;
  equations: TableEquation[];
}

export type RowRecoveryStatus = 'recovered' | 'ambiguous' | 'unreadable';

/** What became of a row that had tokens. */
export interface RowRecovery {
  /** The recovered values when exactly one reading remains; otherwise null. */
  values: number[] | null;
  /** Remaining readings (one when recovered, none when unreadable; at most `reportLimit`). */
  candidates: number[][];
  status: RowRecoveryStatus;
  /** False when a limit or budget cut the search short, or `candidates` was cut to `reportLimit`: other readings exist or may exist. */
  complete: boolean;
  /** Ids of the equations that constrained the readings. */
  by: string[];
}

export interface SolveTableResult {
  /** One entry per row that had tokens (rows read fine are not repeated). */
  rows: Record<string, RowRecovery>;
  /** Ids of equations the figures contradict; set aside, never used to force a reading. */
  conflicts: string[];
  /** True when a budget ran out somewhere (some answers are less narrow than they could be). */
  exhausted: boolean;
}

export interface SolveTableOptions {
  /** Most readings kept per row while solving (default 500); a row with more stays open. */
  candidateLimit?: number;
  /** Most candidates reported per ambiguous row (default 50). */
  reportLimit?: number;
  /** Cell cuts per row enumeration (default 100 000). */
  rowBudget?: number;
  /** Cell cuts for the whole table (default 1 000 000). */
  tableBudget?: number;
  /** Nodes of the joint search (default 50 000). */
  searchBudget?: number;
}

/** Row state while solving. */
interface RowState {
  key: string;
  tokens: string[];
  /** Readings still possible; the full list when `complete`. */
  domain: number[][];
  complete: boolean;
  /** Whether the row has been enumerated at least once. */
  enumerated: boolean;
  /** Local equations already applied, as `id=constant`. */
  applied: Set<string>;
  by: Set<string>;
  unreadable: boolean;
}

/** An equation as coefficients per cell. */
interface Linear {
  id: string;
  coef: Map<string, Map<number, number>>; // row → column → coefficient
}

function linearOf(eq: TableEquation, i: number): Linear {
  const coef = new Map<string, Map<number, number>>();
  const add = ([row, col]: [string, number], c: number) => {
    const cols = coef.get(row) ?? new Map<number, number>();
    cols.set(col, (cols.get(col) ?? 0) + c);
    coef.set(row, cols);
  };
  eq.left.forEach((t) => add(t, 1));
  eq.right.forEach((t) => add(t, -1));
  return { id: eq.id ?? `eq${i + 1}`, coef };
}

/**
 * Recovers the glued rows of one table (one block) from its equations. Rows absent from `rows`,
 * and blank cells, make the equations through them unusable. Work is bounded by the budgets in
 * `options`; when they run out, rows stay 'ambiguous' with the readings found.
 *
 * Usage: `solveTable({ columns: 7, equations: equationsForTable(format, '三'), rows: [
 *   { key: 'received', tokens: ['186213232'] }, { key: 'carried-in', tokens: null, values: [2, 1, 1, 0, 1, 0, 5] }, …] })`
 * gives `rows.received = { status: 'recovered', values: [18, 6, 2, 1, 3, 2, 32], … }` when the
 * table's sums allow one reading only. Pass every row of the block, glued or not: rows read fine
 * supply the figures the column equations need.
 */
export function solveTable(input: SolveTableInput, options: SolveTableOptions = {}): SolveTableResult {
  const candidateLimit = options.candidateLimit ?? 500;
  const reportLimit = options.reportLimit ?? 50;
  const rowBudget = options.rowBudget ?? 100_000;
  let tableBudget = options.tableBudget ?? 1_000_000;
  let exhausted = false;

  const known = new Map<string, Array<number | null>>();
  const states = new Map<string, RowState>();
  for (const row of input.rows) {
    if (row.tokens) {
      states.set(row.key, { key: row.key, tokens: row.tokens, domain: [], complete: false, enumerated: false, applied: new Set(), by: new Set(), unreadable: false });
    } else {
      known.set(row.key, Array.from({ length: input.columns }, (_, c) => row.values?.[c] ?? null));
    }
  }
  // Equations through a blank, missing or out-of-range cell cannot constrain anything.
  const usable = (eq: Linear) => [...eq.coef].every(([row, cols]) =>
    [...cols.keys()].every((c) => Number.isInteger(c) && c >= 0 && c < input.columns)
    && (states.has(row) || (known.has(row) && [...cols.keys()].every((c) => known.get(row)![c] !== null))));
  const equations = input.equations.map(linearOf).filter(usable);
  const conflicts = new Set<string>();
  const resolved = (s: RowState) => s.complete && s.domain.length === 1 && !s.unreadable;
  const valueOf = (row: string, col: number): number | null => {
    const k = known.get(row);
    if (k) return k[col]!;
    const s = states.get(row)!;
    return resolved(s) ? s.domain[0]![col]! : null;
  };

  /** The equation restricted to row `key` when all its other cells are known; null otherwise. */
  const localize = (eq: Linear, key: string): LinearEquation | null => {
    const cols = eq.coef.get(key);
    if (!cols) return null;
    let constant = 0;
    for (const [row, rc] of eq.coef) {
      if (row === key) continue;
      for (const [col, c] of rc) {
        const v = valueOf(row, col);
        if (v === null) return null;
        constant += c * v;
      }
    }
    return { id: eq.id, constant, terms: [...cols].map(([index, coef]) => ({ index, coef })) };
  };

  const enumerate = (s: RowState, eqs: LinearEquation[]) => {
    const budget = Math.max(0, Math.min(rowBudget, tableBudget));
    const r = enumerateRow(s.tokens, input.columns, { equations: eqs, limit: candidateLimit + 1, budget });
    tableBudget -= r.nodes;
    const complete = r.complete && r.candidates.length <= candidateLimit;
    if (!complete) exhausted = true;
    return { candidates: r.candidates.slice(0, candidateLimit), complete };
  };
  const isOwn = (e: LinearEquation) => equations.find((q) => q.id === e.id)!.coef.size === 1;
  const tag = (e: LinearEquation) => `${e.id}=${e.constant}`;

  /**
   * Applies to a row every equation local to it (its own, and column equations whose other cells are
   * known). A row with a complete list of readings is filtered; otherwise it is enumerated again with
   * the equations as pruning. An equation that would leave no reading is set aside as a conflict.
   */
  const applyLocal = (s: RowState): void => {
    const locals = equations.filter((e) => !conflicts.has(e.id))
      .map((e) => localize(e, s.key)).filter((e): e is LinearEquation => e !== null);
    const fresh = locals.filter((e) => !s.applied.has(tag(e)));
    if (s.enumerated && fresh.length === 0) return;
    let pending = fresh;
    if (!s.enumerated || !s.complete) {
      const r = enumerate(s, locals);
      s.enumerated = true;
      if (!(r.complete && r.candidates.length === 0 && locals.some((e) => !isOwn(e)))) {
        s.domain = r.candidates;
        s.complete = r.complete;
        s.unreadable = r.complete && r.candidates.length === 0;
        locals.forEach((e) => { s.applied.add(tag(e)); s.by.add(e.id!); });
        return;
      }
      // Some column equation contradicts the row: start from its own equations, add the others one by one.
      const own = locals.filter(isOwn);
      const base = enumerate(s, own);
      s.domain = base.candidates;
      s.complete = base.complete;
      s.unreadable = base.complete && base.candidates.length === 0;
      own.forEach((e) => { s.applied.add(tag(e)); s.by.add(e.id!); });
      pending = locals.filter((e) => !isOwn(e));
      if (s.domain.length === 0) return;
    }
    for (const e of pending) {
      s.applied.add(tag(e));
      const next = s.domain.filter((values) => satisfies(values, e));
      if (next.length === 0 && s.complete) { conflicts.add(e.id!); continue; }
      if (next.length < s.domain.length) s.by.add(e.id!);
      s.domain = next;
    }
  };

  // Local and joint phases alternate: a row resolved jointly makes more equations local to others.
  for (let round = 0; round <= states.size + 1; round++) {
    for (let progress = true; progress;) {
      progress = false;
      for (const s of states.values()) {
        if (resolved(s) || s.unreadable) continue;
        applyLocal(s);
        if (resolved(s)) progress = true;
      }
    }
    const open = [...states.values()].filter((s) => !resolved(s) && !s.unreadable && s.complete && s.domain.length > 0);
    const joint = jointEquations(equations.filter((e) => !conflicts.has(e.id)), states, valueOf, resolved);
    if (open.length === 0 || joint.length === 0) break;
    const rows: JointRow[] = open.map((s) => ({ key: s.key, domain: s.domain }));
    const out = narrowJointly(rows, joint, { searchBudget: options.searchBudget ?? 50_000 });
    out.conflicts.forEach((id) => conflicts.add(id));
    if (out.exhausted) exhausted = true;
    let changed = false;
    for (const row of rows) {
      const s = states.get(row.key)!;
      const narrowed = out.domains.get(row.key)!;
      if (narrowed.length < s.domain.length) {
        s.domain = narrowed;
        out.used.get(row.key)!.forEach((id) => s.by.add(id));
        changed = true;
      }
    }
    if (!changed) break;
  }

  const rows: Record<string, RowRecovery> = {};
  for (const s of states.values()) {
    const status: RowRecoveryStatus = s.unreadable || s.domain.length === 0 ? 'unreadable' : resolved(s) ? 'recovered' : 'ambiguous';
    rows[s.key] = {
      values: status === 'recovered' ? s.domain[0]! : null,
      candidates: s.domain.slice(0, reportLimit),
      status,
      complete: s.complete && s.domain.length <= reportLimit,
      by: [...s.by].filter((id) => !conflicts.has(id)).sort(),
    };
  }
  return { rows, conflicts: [...conflicts].sort(), exhausted };
}

/** Equations linking two or more open rows whose readings are all known (complete domains). */
function jointEquations(
  equations: Linear[],
  states: Map<string, RowState>,
  valueOf: (row: string, col: number) => number | null,
  resolved: (s: RowState) => boolean,
): JointEquation[] {
  const out: JointEquation[] = [];
  for (const eq of equations) {
    let constant = 0;
    const terms: JointEquation['terms'] = [];
    let ok = true;
    for (const [row, cols] of eq.coef) {
      const s = states.get(row);
      if (s && !resolved(s)) {
        if (!s.complete || s.unreadable) { ok = false; break; }
        terms.push({ row, cells: [...cols].map(([col, coef]) => ({ col, coef })) });
        continue;
      }
      for (const [col, c] of cols) constant += c * valueOf(row, col)!;
    }
    if (ok && terms.length >= 2) out.push({ id: eq.id, constant, terms });
  }
  return out;
}

/**
 * The equations of a format's table as [rowKey, column index] pairs, from its EquationRule list:
 * only hard rules (severity error, no tolerance) whose every term is a current-year cell of this
 * table. Column indexes count within the row's block. No per-format code: the rules say it all.
 */
export function equationsForTable(format: FormatDefinition, tableId: TableId): TableEquation[] {
  const table = tableOf(format, tableId);
  const place = new Map<string, [string, number]>();
  for (const block of table.blocks) {
    for (const row of block.rows) {
      block.columns.forEach((col, i) => place.set(cellKey(table.id, row.key, col.key), [row.key, i]));
    }
  }
  const out: TableEquation[] = [];
  for (const rule of format.rules) {
    if (rule.severity !== 'error' || (rule.tolerance ?? 0) !== 0) continue;
    const terms = [...rule.left.map((t) => ({ t, side: 1 })), ...rule.right.map((t) => ({ t, side: -1 }))];
    if (!terms.every(({ t }) => (t.of ?? 'current') === 'current' && place.has(t.cell))) continue;
    const eq: TableEquation = { id: rule.id, left: [], right: [] };
    for (const { t, side } of terms) {
      // A term with sign −1 changes side, so both sides stay sums.
      (side * (t.sign ?? 1) > 0 ? eq.left : eq.right).push(place.get(t.cell)!);
    }
    out.push(eq);
  }
  return out;
}
