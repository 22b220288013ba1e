/**
 * Ready for inspection (issue 10, Deliver 5; 国办秘函〔2019〕19号): per agency, which catalogue columns of the portal
 * are empty, about to go stale (yellow) or stale (red) against their update cycle
 * (src/core/disclosure/update-cycles.ts), when the home page was last updated, and what would fail an inspection
 * today — by agency and by drafting office; a supervisor asks for a whole subtree.
 */
import type { Kysely } from 'kysely';
import {
  columnState, COLUMN_STATE_NAMES, daysBetween, inspectionFailures, updateCycleOf, type ColumnState,
} from '../core/disclosure/update-cycles.js';
import { agencyNames } from '../agencies/agency.repository.js';
import type { Database } from '../db/schema.js';
import { categoryOfficeRows, lastPortalUpdates, type CategoryOfficeRow } from './portal-readiness.repository.js';

/** One column (a leaf category: the columns readers see). */
export interface ReadinessColumn {
  nodeId: number;
  /** 上级 / 本级 names. */
  path: string;
  cycleDays: number | null;
  cycleBasis: string;
  lastPublishedOn: string | null;
  items: number;
  state: ColumnState;
  stateName: string;
  dueOn: string | null;
  daysLeft: number | null;
  /** Offices whose published items are in it. */
  offices: string[];
}

/** One office's columns. */
export interface ReadinessOffice {
  office: string;
  columns: number;
  dueSoon: number;
  stale: number;
}

/** One agency. */
export interface AgencyReadiness {
  agencyId: number;
  agencyName: string;
  homeLastUpdated: string | null;
  homeDaysAgo: number | null;
  counts: Record<'empty' | 'dueSoon' | 'stale' | 'ok', number>;
  /** Why it would fail an inspection today (empty: passes these rules). */
  failures: string[];
  columns: ReadinessColumn[];
  offices: ReadinessOffice[];
}

/** The report. */
export interface PortalReadiness {
  today: string;
  warnDays: number | null;
  agencies: AgencyReadiness[];
}

/** The report for some agencies on `today` (YYYY-MM-DD); `warnDays` overrides "20 % of the cycle". */
export async function portalReadiness(db: Kysely<Database>, agencyIds: readonly number[], today: string, warnDays?: number): Promise<PortalReadiness> {
  const [rows, homes, names] = await Promise.all([categoryOfficeRows(db, agencyIds), lastPortalUpdates(db, agencyIds), agencyNames(db, agencyIds)]);
  const byAgency = new Map<number, CategoryOfficeRow[]>();
  for (const r of rows) byAgency.set(r.agency_id, [...(byAgency.get(r.agency_id) ?? []), r]);
  const agencies = [...agencyIds].sort((a, b) => a - b).map((agencyId) => {
    const list = byAgency.get(agencyId) ?? [];
    const nodes = new Map<number, { row: CategoryOfficeRow; groups: CategoryOfficeRow[] }>();
    for (const r of list) {
      const node = nodes.get(r.node_id) ?? { row: r, groups: [] };
      if (r.items > 0) node.groups.push(r);
      nodes.set(r.node_id, node);
    }
    const parents = new Set([...nodes.values()].map((n) => n.row.parent_id).filter((p) => p !== null));
    const pathOf = (id: number): string => {
      const node = nodes.get(id);
      if (!node) return '';
      return node.row.parent_id !== null && nodes.has(node.row.parent_id) ? `${pathOf(node.row.parent_id)} / ${node.row.name}` : node.row.name;
    };
    // Tree order (depth first, by position): a column's key is its ancestors' positions and its own.
    const orderOf = (id: number): number[] => {
      const node = nodes.get(id);
      if (!node) return [];
      return [...(node.row.parent_id !== null ? orderOf(node.row.parent_id) : []), node.row.position, id];
    };
    const byTreeOrder = (a: number, b: number): number => {
      const [x, y] = [orderOf(a), orderOf(b)];
      for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
      return x.length - y.length;
    };
    const leaves = [...nodes.values()].filter((n) => !parents.has(n.row.node_id)).sort((a, b) => byTreeOrder(a.row.node_id, b.row.node_id));
    const columns: ReadinessColumn[] = leaves.map(({ row, groups }) => {
      const details = row.details ? JSON.parse(row.details) as Record<string, unknown> : {};
      const cycle = updateCycleOf(row.name, details.updateCycleDays);
      const last = groups.reduce<string | null>((m, g) => (g.last_published_on !== null && (m === null || g.last_published_on > m) ? g.last_published_on : m), null);
      const state = columnState(last, cycle, today, warnDays);
      return {
        nodeId: row.node_id, path: pathOf(row.node_id), cycleDays: cycle.days, cycleBasis: cycle.basis, lastPublishedOn: last,
        items: groups.reduce((n, g) => n + g.items, 0), ...state, stateName: COLUMN_STATE_NAMES[state.state],
        offices: [...new Set(groups.map((g) => g.office ?? '未填科室'))].sort(),
      };
    });
    const counts = { empty: 0, dueSoon: 0, stale: 0, ok: 0 };
    for (const c of columns) counts[c.state === 'due-soon' ? 'dueSoon' : c.state]++;
    const offices = new Map<string, ReadinessOffice>();
    for (const c of columns) {
      for (const office of c.offices) {
        const o = offices.get(office) ?? { office, columns: 0, dueSoon: 0, stale: 0 };
        o.columns++;
        if (c.state === 'due-soon') o.dueSoon++;
        if (c.state === 'stale') o.stale++;
        offices.set(office, o);
      }
    }
    const home = homes.get(agencyId) ?? null;
    return {
      agencyId, agencyName: names.get(agencyId) ?? '', homeLastUpdated: home, homeDaysAgo: home === null ? null : daysBetween(home, today),
      counts, failures: inspectionFailures(counts, home, today), columns, offices: [...offices.values()].sort((a, b) => b.stale - a.stale || b.dueSoon - a.dueSoon),
    };
  });
  return { today, warnDays: warnDays ?? null, agencies };
}
