/**
 * 期限预警: per agency and office, how many open cases are overdue or due within 3 working days, and the
 * overdue cases themselves in red (due-soon ones in amber), each with its handler and a link to the case;
 * cases whose deadline waits for next year's holiday notice in a group of their own, with a banner
 * asking for that notice.
 */
import { Alert, Empty, Typography } from 'antd';
import type { AgencyWarnings, WarningGroup, WarningItem } from '../api-types.js';
import { formatDate } from '../labels.js';
import { routeHref } from '../router.js';
import { CalendarNoticeBanner, PendingDeadlinesBlock, pendingSummary } from './pending-deadlines.js';

/** The warnings of one agency, named. */

function CaseLine({ item, handler, overdue }: { item: WarningItem; handler: string; overdue: boolean }) {
  const days = Math.abs(item.workingDaysLeft);
  return (
    <li className={overdue ? 'gk-warn-overdue' : 'gk-warn-soon'}>
      <a href={routeHref({ name: 'application', id: item.id })}>{item.caseNo}</a>
      <span>承办人：{handler}</span>
      <span>答复期限：{formatDate(item.dueOn)}</span>
      <strong>{overdue ? `已逾期 ${days} 个工作日` : days === 0 ? '今日到期' : `还剩 ${days} 个工作日`}</strong>
    </li>
  );
}

function OfficeBlock({ office, overdue, dueSoon, groups }: { office: string; overdue: number; dueSoon: number; groups: WarningGroup[] }) {
  const mine = groups.filter((g) => g.office === office);
  return (
    <div className="gk-warn-office">
      <div className="gk-warn-office-head">
        <span className="gk-warn-office-name">{office}</span>
        <span className={overdue > 0 ? 'gk-warn-count gk-warn-count-overdue' : 'gk-warn-count'}>已逾期 {overdue} 件</span>
        <span className={dueSoon > 0 ? 'gk-warn-count gk-warn-count-soon' : 'gk-warn-count'}>即将到期 {dueSoon} 件</span>
      </div>
      <ul className="gk-warn-cases">
        {mine.flatMap((g) => g.overdue.map((item) => <CaseLine key={`o${item.id}`} item={item} handler={g.handler} overdue />))}
        {mine.flatMap((g) => g.dueSoon.map((item) => <CaseLine key={`s${item.id}`} item={item} handler={g.handler} overdue={false} />))}
      </ul>
    </div>
  );
}

/** The warnings panel above the case list. */
export function ApplicationWarningsPanel({ items, loading }: { items: AgencyWarnings[]; loading?: boolean }) {
  const shown = items.filter((a) => a.warnings.offices.length > 0 || a.warnings.pending !== null);
  const first = items[0]?.warnings;
  const pending = pendingSummary(items);
  return (
    <section className="gk-panel gk-warnings" aria-labelledby="gk-warnings-title">
      <Typography.Title level={2} className="gk-h2" id="gk-warnings-title">期限预警</Typography.Title>
      {first && (
        <p className="gk-note">
          截至 {formatDate(first.today)}：已超过答复期限的申请，以及在 {formatDate(first.dueSoonUntil)} 前（3 个工作日内）到期的申请。
        </p>
      )}
      {pending && <CalendarNoticeBanner year={pending.year} count={pending.count} />}
      {shown.length === 0 ? (
        loading ? null : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有已逾期或即将到期的申请。" />
      ) : shown.map((a) => (
        <div key={a.agencyId} className="gk-warn-agency">
          {items.length > 1 && <Typography.Title level={3} className="gk-h3">{a.agencyName}</Typography.Title>}
          {a.warnings.offices.some((o) => o.overdue > 0) && (
            <Alert type="error" showIcon className="gk-warn-alert"
              title={`共 ${a.warnings.offices.reduce((s, o) => s + o.overdue, 0)} 件申请已超过答复期限，请尽快办理。`} />
          )}
          {a.warnings.offices.map((o) => (
            <OfficeBlock key={o.office} office={o.office} overdue={o.overdue} dueSoon={o.dueSoon} groups={a.warnings.groups} />
          ))}
          {a.warnings.pending && <PendingDeadlinesBlock pending={a.warnings.pending} />}
        </div>
      ))}
    </section>
  );
}
