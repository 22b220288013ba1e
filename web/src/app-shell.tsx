/**
 * The page frame: the sign-in gate, then the title bar with the sections the signed-in person may
 * open (nav.ts), who is signed in (name, agency, roles), 修改密码 and 退出登录, and the routed screen.
 */
import { useEffect, type ReactNode } from 'react';
import { Button, Layout, Result, Spin } from 'antd';
import { landingRoute, navItemOf, routeAllowed, visibleNav } from './nav.js';
import { useRoute, routeHref, type Route } from './router.js';
import { api, ApiError } from './api.js';
import { SESSION_EXPIRED_MESSAGE, can, setSession, useSessionState, type Session } from './session.js';
import { ReportListPage } from './pages/report-list-page.js';
import { ReportPage } from './pages/report-page.js';
import { AgencyPage } from './pages/agency-page.js';
import { ApplicationListPage } from './pages/application-list-page.js';
import { ApplicationPage } from './pages/application-page.js';
import { ChangePasswordPage } from './pages/change-password-page.js';
import { SecurityLogPage } from './pages/security-log-page.js';
import { SignInPage } from './pages/sign-in-page.js';
import { UsersPage } from './pages/users-page.js';
import { ApplicationNewPage } from './pages/application-new-page.js';
import { CalendarPage } from './pages/calendar-page.js';
import { StatisticsPage } from './pages/statistics-page.js';
import { InboxPage } from './pages/inbox-page.js';
import { ItemListPage } from './pages/item-list-page.js';
import { ItemPage } from './pages/item-page.js';
import { ChecklistPage } from './pages/checklist-page.js';
import { CataloguePage } from './pages/catalogue-page.js';
import { PortalReadinessPage } from './pages/portal-readiness-page.js';
import { AuditListPage } from './pages/audit-list-page.js';
import { AuditBatchPage } from './pages/audit-batch-page.js';
import { AuditFilePage } from './pages/audit-file-page.js';
import { AuditComparePage } from './pages/audit-compare-page.js';
import { ProposalPage } from './pages/proposal-page.js';
import { MatterListPage } from './pages/matter-list-page.js';
import { MatterPage } from './pages/matter-page.js';
import { ServiceHallPage } from './pages/service-hall-page.js';
import { UpcomingYearNotice } from './components/pending-deadlines.js';
import { todayInChina } from './application-labels.js';

/** The screen of a route. */
function screenOf(route: Route): ReactNode {
  switch (route.name) {
    case 'report': return <ReportPage key={route.id} id={route.id} />;
    case 'agencies': return <AgencyPage />;
    case 'applications': return <ApplicationListPage />;
    case 'application': return <ApplicationPage key={route.id} id={route.id} />;
    case 'application-new': return <ApplicationNewPage />;
    case 'statistics': return <StatisticsPage />;
    case 'portal-readiness': return <PortalReadinessPage />;
    case 'calendar': return <CalendarPage key={route.year ?? 0} year={route.year} />;
    case 'users': return <UsersPage />;
    case 'security-log': return <SecurityLogPage />;
    case 'password': return <ChangePasswordPage />;
    case 'inbox': return <InboxPage />;
    case 'items': return <ItemListPage />;
    case 'item-new': return <ItemPage key="new" id={null} />;
    case 'item': return <ItemPage key={route.id} id={route.id} />;
    case 'checklists': return <ChecklistPage />;
    case 'catalogue': return <CataloguePage />;
    case 'audits': return <AuditListPage />;
    case 'audit-batch': return <AuditBatchPage key={route.id} id={route.id} />;
    case 'audit-file': return <AuditFilePage key={`${route.batchId}:${route.fileId}`} batchId={route.batchId} fileId={route.fileId} />;
    case 'audit-compare': return <AuditComparePage key={`${route.agency ?? ''}:${route.year ?? ''}`} agency={route.agency} year={route.year} />;
    case 'proposals': return <ProposalPage />;
    case 'matters': return <MatterListPage />;
    case 'matter-new': return <MatterPage key={`new-${route.agencyId}`} agencyId={route.agencyId} id={null} />;
    case 'matter': return <MatterPage key={route.id} agencyId={route.agencyId} id={route.id} />;
    case 'service-halls': return <ServiceHallPage />;
    default: return <ReportListPage />;
  }
}

/** Whether the location is the bare start address (/admin/ or /admin/#/). */
function atStart(): boolean {
  return window.location.hash === '' || window.location.hash === '#' || window.location.hash === '#/';
}

/** Name, agency and roles of the signed-in person, with 修改密码 and 退出登录. */
function UserBox({ session }: { session: Session }) {
  const roles = [...new Set(session.grants.map((g) => g.roleName))];
  return (
    <div className="gk-user" aria-label="当前用户">
      <div className="gk-user-who">
        <div><span className="gk-user-name">{session.user.name}</span> <span className="gk-user-agency">{session.user.agencyName}</span></div>
        <div className="gk-user-roles">{roles.length ? roles.join('、') : '未授予角色'}</div>
      </div>
      <div className="gk-user-actions">
        <a href={routeHref({ name: 'password' })}>修改密码</a>
        <button type="button" className="gk-link-button" onClick={() => void api.signOut()}>退出登录</button>
      </div>
    </div>
  );
}

/** The signed-in workspace: title bar, menu and the routed screen. */
function Workspace({ session }: { session: Session }) {
  const route = useRoute();
  const may = (permission: Parameters<typeof can>[0]) => can(permission, session);
  const nav = visibleNav(may);
  const landing = landingRoute(may);
  const allowed = routeAllowed(route, may);
  const section = navItemOf(route);
  const home = landing ?? { name: 'password' as const };

  useEffect(() => {
    // The start address opens the first section the person may use (the audit admin: the log).
    if (!allowed && landing && atStart()) window.location.replace(routeHref(landing));
  }, [allowed, landing]);

  return (
    <Layout className="gk-layout">
      <Layout.Header className="gk-header">
        <a className="gk-brand" href={routeHref(home)}>
          <span className="gk-brand-mark" aria-hidden="true">公开</span>
          <span>政府信息公开工作管理</span>
        </a>
        <nav className="gk-nav" aria-label="主导航">
          {nav.map((item) => {
            const active = section === item;
            return (
              <a key={item.label} href={routeHref(item.route)} aria-current={active ? 'page' : undefined}
                className={active ? 'active' : ''}>{item.label}</a>
            );
          })}
        </nav>
        <UserBox session={session} />
      </Layout.Header>
      <Layout.Content className="gk-content">
        {route.name !== 'calendar' && <UpcomingYearNotice today={todayInChina()} />}
        {allowed ? screenOf(route)
          : landing === null ? (
            <Result status="info" title="尚未授予角色" subTitle="您的账户尚未被授予任何角色，请联系安全管理员。" />
          ) : atStart() ? null : (
            <Result status="403" title="无权访问" subTitle="您的账户没有访问此页面的权限。如需使用，请联系安全管理员授予相应角色。"
              extra={<Button type="primary" href={routeHref(landing)}>返回首页</Button>} />
          )}
      </Layout.Content>
      <Layout.Footer className="gk-footer">依据《中华人民共和国政府信息公开条例》第五十条编制 · 格式依国办公开办函〔2019〕60号、〔2021〕30号</Layout.Footer>
    </Layout>
  );
}

/**
 * Sign-in first; a person whose initial password must be changed sees only that page; after a 401
 * the sign-in page covers the workspace, which stays mounted (hidden) with its unsaved state.
 */
function Gate() {
  const { status, session, notice } = useSessionState();
  useEffect(() => {
    if (status !== 'loading') return;
    api.session().catch((e: unknown) => {
      // Opening the UI without a session is no reason for a notice; an expired one is.
      setSession(null, e instanceof ApiError && e.code === 'SESSION_EXPIRED' ? SESSION_EXPIRED_MESSAGE
        : e instanceof ApiError && e.status === 401 ? null : e instanceof Error ? e.message : null);
    });
  }, [status]);
  // While the sign-in page covers the kept screens, their open dialogs and pop-ups (rendered into
  // <body>, outside the hidden workspace) are hidden too; they come back as they were afterwards.
  const covering = status === 'signed-out' && session !== null;
  useEffect(() => {
    document.body.classList.toggle('gk-covered', covering);
    return () => document.body.classList.remove('gk-covered');
  }, [covering]);
  if (status === 'loading') return <div className="gk-loading"><Spin description="正在加载…" /></div>;
  const mustChange = session?.mustChangePassword === true;
  return (
    <>
      {session && !mustChange && (
        <div hidden={status !== 'signed-in'} className="gk-workspace">
          <Workspace key={session.user.id} session={session} />
        </div>
      )}
      {session && mustChange && status === 'signed-in' && <ChangePasswordPage forced />}
      {status === 'signed-out' && <SignInPage notice={notice} />}
    </>
  );
}

/** The whole UI. */
export function AppShell() {
  return <Gate />;
}
