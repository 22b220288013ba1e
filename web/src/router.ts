/**
 * A small hash router: the server serves the UI as static files at /admin/, so every screen
 * lives behind the hash (/admin/#/reports/3, /admin/#/applications/5) and a reload never asks the server for a path.
 */
import { useEffect, useState } from 'react';

export type Route =
  | { name: 'reports' }
  | { name: 'report'; id: number }
  | { name: 'agencies' }
  | { name: 'applications' }
  | { name: 'application-new' }
  | { name: 'application'; id: number }
  | { name: 'statistics' }
  | { name: 'portal-readiness' }
  | { name: 'calendar'; year?: number }
  | { name: 'users' }
  | { name: 'security-log' }
  | { name: 'password' }
  | { name: 'inbox' }
  | { name: 'items' }
  | { name: 'item-new' }
  | { name: 'item'; id: number }
  | { name: 'checklists' }
  | { name: 'catalogue' }
  | { name: 'audits' }
  | { name: 'audit-batch'; id: number }
  | { name: 'audit-file'; batchId: number; fileId: number }
  | { name: 'audit-compare'; agency?: string; year?: number }
  | { name: 'proposals' }
  | { name: 'matters' }
  | { name: 'matter-new'; agencyId: number }
  | { name: 'matter'; agencyId: number; id: number }
  | { name: 'service-halls' };

/** Reads a route from a location hash (#/reports/3); anything unknown is the report list. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const report = /^\/reports\/(\d+)\/?$/.exec(path);
  if (report) return { name: 'report', id: Number(report[1]) };
  if (/^\/agencies\/?$/.test(path)) return { name: 'agencies' };
  if (/^\/applications\/new\/?$/.test(path)) return { name: 'application-new' };
  if (/^\/statistics\/?$/.test(path)) return { name: 'statistics' };
  if (/^\/portal-readiness\/?$/.test(path)) return { name: 'portal-readiness' };
  const calendar = /^\/calendar(?:\/(\d{4}))?\/?$/.exec(path);
  if (calendar) return calendar[1] ? { name: 'calendar', year: Number(calendar[1]) } : { name: 'calendar' };
  const application = /^\/applications\/(\d+)\/?$/.exec(path);
  if (application) return { name: 'application', id: Number(application[1]) };
  if (/^\/applications\/?$/.test(path)) return { name: 'applications' };
  if (/^\/users\/?$/.test(path)) return { name: 'users' };
  if (/^\/security-log\/?$/.test(path)) return { name: 'security-log' };
  if (/^\/password\/?$/.test(path)) return { name: 'password' };
  if (/^\/inbox\/?$/.test(path)) return { name: 'inbox' };
  if (/^\/items\/new\/?$/.test(path)) return { name: 'item-new' };
  const item = /^\/items\/(\d+)\/?$/.exec(path);
  if (item) return { name: 'item', id: Number(item[1]) };
  if (/^\/items\/?$/.test(path)) return { name: 'items' };
  if (/^\/checklists\/?$/.test(path)) return { name: 'checklists' };
  if (/^\/catalogue\/?$/.test(path)) return { name: 'catalogue' };
  const audit = parseAuditRoute(path);
  if (audit) return audit;
  if (/^\/proposals\/?$/.test(path)) return { name: 'proposals' };
  const matterNew = /^\/matters\/(\d+)\/new\/?$/.exec(path);
  if (matterNew) return { name: 'matter-new', agencyId: Number(matterNew[1]) };
  const matter = /^\/matters\/(\d+)\/(\d+)\/?$/.exec(path);
  if (matter) return { name: 'matter', agencyId: Number(matter[1]), id: Number(matter[2]) };
  if (/^\/matters\/?$/.test(path)) return { name: 'matters' };
  if (/^\/service-halls\/?$/.test(path)) return { name: 'service-halls' };
  return { name: 'reports' };
}

/** The 报告核查 routes: batches, a batch, one file, the comparisons (an agency across years, a year across agencies). */
function parseAuditRoute(path: string): Route | null {
  if (/^\/audits\/?$/.test(path)) return { name: 'audits' };
  const compare = /^\/audits\/compare(?:\/(agency|year)\/([^/]+))?\/?$/.exec(path);
  if (compare) {
    if (compare[1] === 'year' && /^\d{4}$/.test(compare[2]!)) return { name: 'audit-compare', year: Number(compare[2]) };
    if (compare[1] === 'agency') {
      try {
        return { name: 'audit-compare', agency: decodeURIComponent(compare[2]!) };
      } catch {
        return { name: 'audit-compare' };
      }
    }
    return { name: 'audit-compare' };
  }
  const file = /^\/audits\/(\d+)\/files\/(\d+)\/?$/.exec(path);
  if (file) return { name: 'audit-file', batchId: Number(file[1]), fileId: Number(file[2]) };
  const batch = /^\/audits\/(\d+)\/?$/.exec(path);
  if (batch) return { name: 'audit-batch', id: Number(batch[1]) };
  return null;
}

/** The hash of a route. */
export function routeHref(route: Route): string {
  switch (route.name) {
    case 'report': return `#/reports/${route.id}`;
    case 'agencies': return '#/agencies';
    case 'applications': return '#/applications';
    case 'application': return `#/applications/${route.id}`;
    case 'application-new': return '#/applications/new';
    case 'statistics': return '#/statistics';
    case 'portal-readiness': return '#/portal-readiness';
    case 'calendar': return route.year ? `#/calendar/${route.year}` : '#/calendar';
    case 'users': return '#/users';
    case 'security-log': return '#/security-log';
    case 'password': return '#/password';
    case 'inbox': return '#/inbox';
    case 'items': return '#/items';
    case 'item-new': return '#/items/new';
    case 'item': return `#/items/${route.id}`;
    case 'checklists': return '#/checklists';
    case 'catalogue': return '#/catalogue';
    case 'audits': return '#/audits';
    case 'audit-batch': return `#/audits/${route.id}`;
    case 'audit-file': return `#/audits/${route.batchId}/files/${route.fileId}`;
    case 'audit-compare':
      return route.agency ? `#/audits/compare/agency/${encodeURIComponent(route.agency)}`
        : route.year ? `#/audits/compare/year/${route.year}` : '#/audits/compare';
    case 'proposals': return '#/proposals';
    case 'matters': return '#/matters';
    case 'matter-new': return `#/matters/${route.agencyId}/new`;
    case 'matter': return `#/matters/${route.agencyId}/${route.id}`;
    case 'service-halls': return '#/service-halls';
    default: return '#/';
  }
}

/** Goes to a route. */
export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

/** The current route, updated on every hash change. */
export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
