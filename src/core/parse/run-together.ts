/**
 * Run-together cells: crawled text often loses the separators between the cells of a row, so a row
 * of table 三 reads `21710000218` for 217|1|0|0|0|0|218. This module lists every way a row's digits
 * can be cut into its cells (no leading zeros except "0" itself) that satisfies the row's own
 * equations; run-together-table.ts then narrows rows jointly with the table's column equations.
 *
 * Nothing here guesses: callers get every candidate (up to a limit) and whether the list is complete.
 * Work is bounded by a node budget, so a long string never blows up.
 */

/**
 * A linear equation over the cells of one row: Σ coef·values[index] + constant = 0.
 * Row totals (总计 = Σ parts) and column equations whose other cells are already known take this form.
 */
export interface LinearEquation {
  terms: Array<{ index: number; coef: number }>;
  constant: number;
  /** The rule it comes from (e.g. `t3-row-total:received`), for diagnostics. */
  id?: string;
}

/** Options of {@link enumerateRow}. */
export interface SplitOptions {
  /** Linear equations every candidate satisfies; used to prune the search, not only to filter. */
  equations?: LinearEquation[];
  /** Any further test on a complete row (applied after the equations). */
  accept?: (values: number[]) => boolean;
  /** Stop after this many candidates (default 1000). */
  limit?: number;
  /** Stop after trying this many cell cuts (default 200 000), so the work is bounded. */
  budget?: number;
  /**
   * Longest cell in digits (default 12). No count in a report comes near 10¹²; the bound also keeps
   * every sum an exact JavaScript integer.
   */
  maxCellDigits?: number;
}

/** Candidates of a row and whether they are all of them. */
export interface SplitResult {
  /** Candidate rows, each `parts` values, in ascending lexicographic order of the values. */
  candidates: number[][];
  /** True when every split was examined; false when the limit or the budget cut the search short. */
  complete: boolean;
  /** Cell cuts tried (the budget used). */
  nodes: number;
}

const DEFAULT_LIMIT = 1000;
const DEFAULT_BUDGET = 200_000;
const DEFAULT_MAX_CELL_DIGITS = 12;

/**
 * Every split of a digit string into `parts` non-negative integers (no leading zeros except "0"
 * itself) that satisfies `constraint`, at most `limit` of them.
 *
 * Example: `splitRunTogether('21710000218', 7, (v) => v.slice(0, 6).reduce((a, b) => a + b) === v[6])`
 * returns `[[217, 1, 0, 0, 0, 0, 218]]`, the only split whose first six cells sum to the seventh.
 * A string that is not all ASCII digits, or `parts` < 1, gives no candidate. Use {@link enumerateRow}
 * to know whether the list is complete and to prune with linear equations.
 */
export function splitRunTogether(
  digits: string,
  parts: number,
  constraint?: (values: number[]) => boolean,
  limit = DEFAULT_LIMIT,
): number[][] {
  return enumerateRow([digits], parts, { accept: constraint, limit }).candidates;
}

/**
 * Every way of reading a row whose cells were read as some separate tokens and some glued tokens
 * (e.g. `["217", "10000", "218"]` for 7 cells): each token holds one or several whole cells, in
 * order, and no cell spans two tokens. Returns all candidate rows satisfying `constraint`.
 */
export function splitRow(
  tokens: string[],
  parts: number,
  constraint?: (values: number[]) => boolean,
  limit = DEFAULT_LIMIT,
): number[][] {
  return enumerateRow(tokens, parts, { accept: constraint, limit }).candidates;
}

/**
 * The equation "cell `total` = Σ cells `parts`" (a row's 总计) as a {@link LinearEquation}.
 */
export function sumEquation(total: number, parts: number[], id?: string): LinearEquation {
  return { terms: [{ index: total, coef: -1 }, ...parts.map((index) => ({ index, coef: 1 }))], constant: 0, id };
}

/** Whether values satisfy an equation exactly. */
export function satisfies(values: readonly number[], eq: LinearEquation): boolean {
  let sum = eq.constant;
  for (const t of eq.terms) sum += t.coef * values[t.index]!;
  return sum === 0;
}

/** Equation data in dense form for the search: one coefficient per cell. */
interface DenseEquation {
  coef: number[];
  constant: number;
  /** Lowest cell index with a nonzero coefficient: the search assigns it last, so it is forced. */
  first: number;
  /** posBefore[j] / negBefore[j]: Σ of positive / negative coefficients of cells 0..j-1. */
  posBefore: number[];
  negBefore: number[];
  /** Sign shared by the coefficients of cells 0..j-1 (0 when mixed or all zero), and their least magnitude. */
  signBefore: number[];
  minMagBefore: number[];
}

function densify(eq: LinearEquation, parts: number): DenseEquation | null {
  const coef = new Array<number>(parts).fill(0);
  for (const t of eq.terms) {
    if (!Number.isInteger(t.index) || t.index < 0 || t.index >= parts) return null;
    coef[t.index]! += t.coef;
  }
  const posBefore = [0], negBefore = [0], signBefore = [0], minMagBefore = [Infinity];
  let sign = 0, mixed = false;
  for (let j = 0; j < parts; j++) {
    const c = coef[j]!;
    if (c !== 0) {
      const s = Math.sign(c);
      if (sign === 0 && !mixed) sign = s;
      else if (s !== sign) mixed = true;
    } else mixed = true; // a cell outside the equation can absorb digits: no lower bound applies
    posBefore.push(posBefore[j]! + Math.max(c, 0));
    negBefore.push(negBefore[j]! + Math.min(c, 0));
    signBefore.push(mixed ? 0 : sign);
    minMagBefore.push(c === 0 ? minMagBefore[j]! : Math.min(minMagBefore[j]!, Math.abs(c)));
  }
  const first = coef.findIndex((c) => c !== 0);
  return { coef, constant: eq.constant, first, posBefore, negBefore, signBefore, minMagBefore };
}

/**
 * Enumerates the candidate readings of a row given as tokens (each holding one or several whole
 * cells), pruning with linear equations. Cells are cut from the right, so a total printed after its
 * parts (表三 总计, 表四 each group's 总计) is known first and bounds the parts.
 */
export function enumerateRow(tokens: readonly string[], parts: number, options: SplitOptions = {}): SplitResult {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const budget = options.budget ?? DEFAULT_BUDGET;
  const maxDigits = options.maxCellDigits ?? DEFAULT_MAX_CELL_DIGITS;
  const accept = options.accept;
  const text = tokens.join('');
  if (!(limit >= 1)) return { candidates: [], complete: false, nodes: 0 };
  if (!Number.isInteger(parts) || parts < 1 || tokens.length === 0 || tokens.length > parts
    || tokens.some((t) => !/^[0-9]+$/.test(t)) || text.length > parts * maxDigits || text.length < parts) {
    return { candidates: [], complete: true, nodes: 0 };
  }
  const equations: DenseEquation[] = [];
  for (const eq of options.equations ?? []) {
    const dense = densify(eq, parts);
    if (!dense) return { candidates: [], complete: true, nodes: 0 };
    if (dense.first === -1) {
      if (dense.constant !== 0) return { candidates: [], complete: true, nodes: 0 };
      continue;
    }
    equations.push(dense);
  }

  // tokenOf[p]: index of the token holding digit p; tokenStart[t]: where token t begins.
  const tokenOf: number[] = [];
  const tokenStart: number[] = [];
  tokens.forEach((t, i) => {
    tokenStart.push(tokenOf.length);
    for (let k = 0; k < t.length; k++) tokenOf.push(i);
  });
  // longestBefore[p]: the longest stretch of one token within digits 0..p-1 (a cell cannot be longer).
  const longestBefore = [0];
  for (let p = 1; p <= text.length; p++) {
    const run = p - tokenStart[tokenOf[p - 1]!]!;
    longestBefore.push(Math.max(longestBefore[p - 1]!, run));
  }

  const values = new Array<number>(parts).fill(0);
  const partial = equations.map((e) => e.constant);
  const found: number[][] = [];
  let nodes = 0;
  let stopped = false;

  /** Whether the equations can still hold once cells 0..j-1 take the remaining `rest` digits. */
  const feasible = (j: number, rest: number): boolean => {
    if (j === 0) return partial.every((p) => p === 0);
    const cellDigits = Math.min(maxDigits, rest - (j - 1), longestBefore[rest]!);
    const maxV = 10 ** cellDigits - 1;
    // Pigeonhole: some remaining cell has at least ⌈rest / j⌉ digits, hence a value of at least 10^(d-1).
    const longest = Math.ceil(rest / j);
    const minSum = longest >= 2 ? 10 ** (longest - 1) : 0;
    for (let e = 0; e < equations.length; e++) {
      const eq = equations[e]!;
      const p = partial[e]!;
      let lo = p + eq.negBefore[j]! * maxV;
      let hi = p + eq.posBefore[j]! * maxV;
      const sign = eq.signBefore[j]!;
      if (sign > 0) lo = Math.max(lo, p + eq.minMagBefore[j]! * minSum);
      else if (sign < 0) hi = Math.min(hi, p - eq.minMagBefore[j]! * minSum);
      if (lo > 0 || hi < 0) return false;
      if (sign !== 0) {
        // Every remaining cell is at most |p| / least coefficient, so it has few digits: the rest must fit.
        const each = Math.floor(Math.abs(p) / eq.minMagBefore[j]!);
        if (rest > j * String(each).length) return false;
      }
    }
    return true;
  };

  /** Assigns cell j, which ends just before digit `end`. */
  const assign = (j: number, end: number): void => {
    if (stopped) return;
    const tokenFloor = tokenStart[tokenOf[end - 1]!]!;
    // Remaining cells 0..j-1 need one digit each; the first cell must start the text.
    const lowest = j === 0 ? 0 : Math.max(tokenFloor, j, end - maxDigits);
    let highest = j === 0 ? 0 : end - 1;
    if (j === 0 && (tokenFloor > 0 || end > maxDigits)) return;
    // A cell alone in some equation is forced: only its own length can fit.
    let forced: number | null = null;
    for (let e = 0; e < equations.length; e++) {
      const eq = equations[e]!;
      if (eq.first !== j) continue;
      const v = -partial[e]! / eq.coef[j]!;
      if (!Number.isInteger(v) || v < 0) return;
      if (forced !== null && forced !== v) return;
      forced = v;
    }
    if (forced !== null) {
      const at = end - String(forced).length;
      if (at < lowest || at > highest) return;
      highest = at;
    }
    const stop = forced !== null ? highest : lowest;
    for (let start = highest; start >= stop; start--) {
      if (j > 0 && tokenOf[start - 1]! + 1 > j) continue; // cells 0..j-1 must cover tokens 0..tokenOf[start-1]
      if (++nodes > budget) { stopped = true; return; }
      const len = end - start;
      if (len > 1 && text.charCodeAt(start) === 48) continue; // no leading zero
      const v = Number(text.slice(start, end));
      if (forced !== null && v !== forced) continue;
      values[j] = v;
      for (let e = 0; e < equations.length; e++) partial[e]! += equations[e]!.coef[j]! * v;
      if (feasible(j, start)) {
        if (j === 0) {
          if (!accept || accept(values.slice())) {
            found.push(values.slice());
            if (found.length >= limit) stopped = true;
          }
        } else assign(j - 1, start);
      }
      for (let e = 0; e < equations.length; e++) partial[e]! -= equations[e]!.coef[j]! * v;
      if (stopped) return;
    }
  };

  assign(parts - 1, text.length);
  found.sort(compareRows);
  return { candidates: found, complete: !stopped, nodes: Math.min(nodes, budget) };
}

/** Orders rows lexicographically by their values. */
export function compareRows(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
