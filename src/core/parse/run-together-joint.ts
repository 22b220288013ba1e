/**
 * Narrowing the readings of several run-together rows jointly with equations that link them (a
 * column's （七）总计 = Σ result rows; 一 + 二 = （七）+ 四). First arc consistency (drop a reading
 * no choice of the other rows can complete), then an exhaustive search with a node budget over each
 * group of linked rows. Every step only removes readings that cannot satisfy the equations, so a
 * row left with one reading is proven, and a row left with several is reported as such.
 */

/** A row still open: its complete list of readings. */
export interface JointRow {
  key: string;
  domain: number[][];
}

/** constant + Σ over rows Σ coef·reading[col] = 0. */
export interface JointEquation {
  id: string;
  constant: number;
  terms: Array<{ row: string; cells: Array<{ col: number; coef: number }> }>;
}

export interface JointResult {
  /** Narrowed readings per row (same order as given). */
  domains: Map<string, number[][]>;
  /** Equations no choice of readings satisfies: set aside. */
  conflicts: string[];
  /** Equations that removed readings of each row. */
  used: Map<string, Set<string>>;
  /** True when a search or set bound was hit (results are sound but may be less narrow). */
  exhausted: boolean;
}

const MAX_SUMS = 20_000;

/** Contribution of a reading to an equation term. */
const contribution = (reading: number[], cells: Array<{ col: number; coef: number }>) =>
  cells.reduce((sum, { col, coef }) => sum + coef * reading[col]!, 0);

/**
 * Sums reachable by picking one value from each set, keeping only those that can still reach
 * `target` given the ranges of the sets not yet added. Null when the set grows past MAX_SUMS.
 */
function reachable(sets: number[][], target: number, restMin: number[], restMax: number[]): Array<Set<number>> | null {
  const out: Array<Set<number>> = [new Set([0])];
  for (let i = 0; i < sets.length; i++) {
    const next = new Set<number>();
    for (const p of out[i]!) {
      for (const v of sets[i]!) {
        const s = p + v;
        if (s + restMin[i + 1]! <= target && target <= s + restMax[i + 1]!) next.add(s);
      }
      if (next.size > MAX_SUMS) return null;
    }
    out.push(next);
  }
  return out;
}

/**
 * Narrows the rows' readings with the equations. Rows not named in any equation are returned unchanged.
 */
export function narrowJointly(rows: JointRow[], equations: JointEquation[], options: { searchBudget: number }): JointResult {
  const domains = new Map(rows.map((r) => [r.key, r.domain]));
  const used = new Map(rows.map((r) => [r.key, new Set<string>()]));
  const conflicts = new Set<string>();
  let exhausted = false;
  const live = equations.filter((e) => e.terms.every((t) => domains.has(t.row)));

  // Arc consistency.
  const queue = [...live];
  const queued = new Set(queue.map((e) => e.id));
  while (queue.length > 0) {
    const eq = queue.shift()!;
    queued.delete(eq.id);
    if (conflicts.has(eq.id)) continue;
    const values = eq.terms.map((t) => domains.get(t.row)!.map((r) => contribution(r, t.cells)));
    const sets = values.map((v) => [...new Set(v)]);
    const target = -eq.constant;
    const mins = sets.map((s) => Math.min(...s));
    const maxs = sets.map((s) => Math.max(...s));
    const k = sets.length;
    const sufMin = [0], sufMax = [0], preMin = [0], preMax = [0];
    for (let i = k - 1; i >= 0; i--) { sufMin.unshift(sufMin[0]! + mins[i]!); sufMax.unshift(sufMax[0]! + maxs[i]!); }
    for (let i = 0; i < k; i++) { preMin.push(preMin[i]! + mins[i]!); preMax.push(preMax[i]! + maxs[i]!); }
    const prefix = reachable(sets, target, sufMin, sufMax);
    // Suffix sums: the same over the reversed sets.
    const suffix = reachable([...sets].reverse(), target, [...preMin].reverse(), [...preMax].reverse());
    if (!prefix || !suffix) { exhausted = true; continue; }
    const narrowed: number[][][] = [];
    for (let i = 0; i < k; i++) {
      const before = prefix[i]!;
      const after = suffix[k - 1 - i]!;
      const ok = new Set(sets[i]!.filter((v) => [...before].some((p) => after.has(target - v - p))));
      narrowed.push(domains.get(eq.terms[i]!.row)!.filter((_, c) => ok.has(values[i]![c]!)));
    }
    if (narrowed.some((d) => d.length === 0)) { conflicts.add(eq.id); continue; }
    eq.terms.forEach((t, i) => {
      if (narrowed[i]!.length === domains.get(t.row)!.length) return;
      domains.set(t.row, narrowed[i]!);
      used.get(t.row)!.add(eq.id);
      for (const other of live) {
        if (other !== eq && !queued.has(other.id) && other.terms.some((x) => x.row === t.row)) {
          queue.push(other); queued.add(other.id);
        }
      }
    });
  }

  // Exhaustive search per group of linked rows.
  const active = live.filter((e) => !conflicts.has(e.id));
  for (const group of components(rows.map((r) => r.key), active)) {
    const eqs = active.filter((e) => group.has(e.terms[0]!.row));
    if (eqs.length === 0 || [...group].every((k) => domains.get(k)!.length === 1)) continue;
    const out = search([...group], eqs, domains, options.searchBudget);
    if (out === null) { exhausted = true; continue; }
    if (out.size === 0) continue; // figures contradict the group as a whole: keep the readings as they are
    for (const key of group) {
      const keep = out.get(key)!;
      const d = domains.get(key)!;
      if (keep.size < d.length) {
        domains.set(key, d.filter((_, i) => keep.has(i)));
        eqs.filter((e) => e.terms.some((t) => t.row === key)).forEach((e) => used.get(key)!.add(e.id));
      }
    }
  }
  return { domains, conflicts: [...conflicts], used, exhausted };
}

/** Rows linked through equations, as groups. */
function components(keys: string[], equations: JointEquation[]): Array<Set<string>> {
  const parent = new Map(keys.map((k) => [k, k]));
  const find = (k: string): string => (parent.get(k) === k ? k : find(parent.get(k)!));
  for (const e of equations) {
    const [first, ...rest] = e.terms.map((t) => find(t.row));
    for (const r of rest) parent.set(r, first!);
  }
  const groups = new Map<string, Set<string>>();
  for (const k of keys) {
    const root = find(k);
    groups.set(root, (groups.get(root) ?? new Set()).add(k));
  }
  return [...groups.values()].filter((g) => equations.some((e) => g.has(e.terms[0]!.row)));
}

/**
 * Every joint choice of readings satisfying the equations: the indexes of each row's readings that
 * take part in some solution (empty map when none does); null when the budget ran out.
 */
function search(keys: string[], eqs: JointEquation[], domains: Map<string, number[][]>, budget: number): Map<string, Set<number>> | null {
  const order = [...keys].sort((a, b) => domains.get(a)!.length - domains.get(b)!.length);
  // contrib[r][e][c]: contribution of reading c of row order[r] to equation e.
  const contrib = order.map((key) => eqs.map((e) => {
    const cells = e.terms.filter((t) => t.row === key).flatMap((t) => t.cells);
    return domains.get(key)!.map((reading) => contribution(reading, cells));
  }));
  const rowMin = contrib.map((row) => row.map((v) => Math.min(...v)));
  const rowMax = contrib.map((row) => row.map((v) => Math.max(...v)));
  const partial = eqs.map((e) => e.constant);
  const restMin = eqs.map((_, e) => rowMin.reduce((s, row) => s + row[e]!, 0));
  const restMax = eqs.map((_, e) => rowMax.reduce((s, row) => s + row[e]!, 0));
  const chosen = new Array<number>(order.length).fill(0);
  const support = new Map(keys.map((k) => [k, new Set<number>()]));
  let nodes = 0;
  let solutions = 0;

  const dfs = (r: number): boolean => {
    if (r === order.length) {
      solutions++;
      order.forEach((key, i) => support.get(key)!.add(chosen[i]!));
      return true;
    }
    const row = contrib[r]!;
    eqs.forEach((_, e) => { restMin[e]! -= rowMin[r]![e]!; restMax[e]! -= rowMax[r]![e]!; });
    let ok = true;
    for (let c = 0; c < row[0]!.length && ok; c++) {
      if (++nodes > budget) { ok = false; break; }
      let fits = true;
      for (let e = 0; e < eqs.length; e++) {
        const p = partial[e]! + row[e]![c]!;
        if (p + restMin[e]! > 0 || p + restMax[e]! < 0) { fits = false; break; }
      }
      if (!fits) continue;
      chosen[r] = c;
      eqs.forEach((_, e) => { partial[e]! += row[e]![c]!; });
      ok = dfs(r + 1);
      eqs.forEach((_, e) => { partial[e]! -= row[e]![c]!; });
    }
    eqs.forEach((_, e) => { restMin[e]! += rowMin[r]![e]!; restMax[e]! += rowMax[r]![e]!; });
    return ok;
  };
  if (!dfs(0)) return null;
  return solutions === 0 ? new Map() : support;
}
