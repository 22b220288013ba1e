/**
 * The main menu as data: each entry names the permission it needs, so a person sees only what the
 * server would let them open (the server still answers 403 for anything else). A new section adds one
 * entry here and its route in router.ts / app-shell.tsx.
 */
import type { Permission } from './api-types.js';
import type { Route } from './router.js';

export interface NavItem {
  /** The route the menu entry opens. */
  route: Route;
  label: string;
  /** Needed to see the entry and open its routes; none: everyone signed in (e.g. reading the calendar). */
  permission?: Permission;
  /** The route names that belong to this section (highlighted, and guarded by `permission`). */
  sections: readonly Route['name'][];
  /** Not a start page while another section is open to the person (机关 is only looked up). */
  secondary?: boolean;
}

/** The main menu, in display order. */
export const NAV_ITEMS: readonly NavItem[] = [
  // The reviewers' start page: what waits for the steps the person may take (主动公开 review chain).
  { route: { name: 'inbox' }, label: '待我处理', permission: 'item.read', sections: ['inbox'] },
  { route: { name: 'items' }, label: '主动公开', permission: 'item.read', sections: ['items', 'item', 'item-new'] },
  { route: { name: 'catalogue' }, label: '公开目录', permission: 'item.read', sections: ['catalogue'], secondary: true },
  { route: { name: 'checklists' }, label: '检查清理', permission: 'checklist.review', sections: ['checklists'], secondary: true },
  { route: { name: 'matters' }, label: '办事指南', permission: 'item.read', sections: ['matters', 'matter', 'matter-new'], secondary: true },
  { route: { name: 'service-halls' }, label: '政务服务大厅', permission: 'item.read', sections: ['service-halls'], secondary: true },
  { route: { name: 'portal-readiness' }, label: '迎检自查', permission: 'item.read', sections: ['portal-readiness'], secondary: true },
  { route: { name: 'reports' }, label: '年度报告', permission: 'report.read', sections: ['reports', 'report'] },
  // 上级监督: reading and checking the published reports of the agencies supervised, many at a time.
  { route: { name: 'audits' }, label: '报告核查', permission: 'audit.run', sections: ['audits', 'audit-batch', 'audit-file', 'audit-compare'] },
  { route: { name: 'applications' }, label: '依申请公开', permission: 'application.read', sections: ['applications', 'application', 'application-new'] },
  { route: { name: 'proposals' }, label: '建议提案', permission: 'proposal.read', sections: ['proposals'], secondary: true },
  { route: { name: 'statistics' }, label: '办理情况统计', permission: 'statistics.read', sections: ['statistics'] },
  { route: { name: 'agencies' }, label: '机关', permission: 'agency.read', sections: ['agencies'], secondary: true },
  { route: { name: 'calendar' }, label: '工作日日历', sections: ['calendar'], secondary: true },
  { route: { name: 'users' }, label: '用户与角色', permission: 'user.manage', sections: ['users'] },
  { route: { name: 'security-log' }, label: '安全审计日志', permission: 'security-log.read', sections: ['security-log'] },
];

/** The menu entries a person may see. */
export function visibleNav(can: (permission: Permission) => boolean): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.permission || can(item.permission));
}

/** The menu entry a route belongs to, if any (the password page belongs to none). */
export function navItemOf(route: Route): NavItem | undefined {
  return NAV_ITEMS.find((item) => item.sections.includes(route.name));
}

/** Whether a person may open a route: its section's permission (routes outside the menu: everyone signed in). */
export function routeAllowed(route: Route, can: (permission: Permission) => boolean): boolean {
  const item = navItemOf(route);
  return !item?.permission || can(item.permission);
}

/** Where a person starts: the first section they may open, or null when they hold no role yet. */
export function landingRoute(can: (permission: Permission) => boolean): Route | null {
  // Sections open to everyone signed in (the calendar) are no start page: a person without a role has none.
  const visible = visibleNav(can).filter((item) => item.permission !== undefined);
  return (visible.find((item) => !item.secondary) ?? visible[0])?.route ?? null;
}
