/**
 * The page frame: title bar with the sections (年度报告, 依申请公开, 机关) and the routed screen.
 */
import { Layout } from 'antd';
import { useRoute, routeHref } from './router.js';
import { ReportListPage } from './pages/report-list-page.js';
import { ReportPage } from './pages/report-page.js';
import { AgencyPage } from './pages/agency-page.js';
import { ApplicationListPage } from './pages/application-list-page.js';
import { ApplicationPage } from './pages/application-page.js';
import { ActorField } from './components/actor-field.js';

/** The whole UI. */
export function AppShell() {
  const route = useRoute();
  const section = route.name === 'agencies' ? 'agencies'
    : route.name === 'applications' || route.name === 'application' ? 'applications'
    : 'reports';
  return (
    <Layout className="gk-layout">
      <Layout.Header className="gk-header">
        <a className="gk-brand" href={routeHref({ name: 'reports' })}>
          <span className="gk-brand-mark" aria-hidden="true">公开</span>
          <span>政府信息公开工作管理</span>
        </a>
        <nav className="gk-nav" aria-label="主导航">
          <a href={routeHref({ name: 'reports' })} aria-current={section === 'reports' ? 'page' : undefined}
            className={section === 'reports' ? 'active' : ''}>年度报告</a>
          <a href={routeHref({ name: 'applications' })} aria-current={section === 'applications' ? 'page' : undefined}
            className={section === 'applications' ? 'active' : ''}>依申请公开</a>
          <a href={routeHref({ name: 'agencies' })} aria-current={section === 'agencies' ? 'page' : undefined}
            className={section === 'agencies' ? 'active' : ''}>机关</a>
        </nav>
        <ActorField />
      </Layout.Header>
      <Layout.Content className="gk-content">
        {route.name === 'report' ? <ReportPage key={route.id} id={route.id} />
            : route.name === 'agencies' ? <AgencyPage />
            : route.name === 'applications' ? <ApplicationListPage />
            : route.name === 'application' ? <ApplicationPage key={route.id} id={route.id} />
            : <ReportListPage />}
      </Layout.Content>
      <Layout.Footer className="gk-footer">依据《中华人民共和国政府信息公开条例》第五十条编制 · 格式依国办公开办函〔2019〕60号、〔2021〕30号</Layout.Footer>
    </Layout>
  );
}
