/**
 * Deadlines pending at year end: a case received in December may have a deadline in a year whose holiday
 * notice is not entered yet; no deadline is stored until it is. The warnings list these cases as a group
 * of their own, and a banner asks the system administrator (calendar.manage) to enter the State Council
 * notice — or tells everyone else to ask the 系统管理员 — linking to the calendar.
 */
import { useEffect, useState } from 'react';
import { Alert, Button } from 'antd';
import { api } from '../api.js';
import type { AgencyWarnings } from '../api-types.js';
import { formatDate } from '../labels.js';
import { routeHref } from '../router.js';
import type { PendingDeadlines } from '../schema-types.js';
import { useCan } from '../session.js';

/** The pending groups of many agencies: the year to enter (the earliest named) and how many cases wait. */
export function pendingSummary(items: readonly AgencyWarnings[]): { year: number; count: number } | null {
  const groups = items.map((a) => a.warnings.pending).filter((p): p is PendingDeadlines => p !== null);
  if (groups.length === 0) return null;
  return { year: Math.min(...groups.map((g) => g.year)), count: groups.reduce((n, g) => n + g.count, 0) };
}

/** The banner asking for a year's notice; `count` cases wait for it (omitted: not known to this person). */
export function CalendarNoticeBanner({ year, count }: { year: number; count?: number }) {
  const mayManage = useCan('calendar.manage');
  const waiting = count !== undefined ? `${count} 件申请的答复期限因尚未录入 ${year} 年节假日安排而暂时无法计算。`
    : `尚未录入 ${year} 年节假日安排：期限延续到 ${year} 年的申请，其答复期限将暂时无法计算。`;
  return (
    <Alert type="warning" showIcon className="gk-gap gk-notice-banner" role="status"
      title={waiting}
      description={mayManage
        ? `请按国务院办公厅公布的《关于 ${year} 年部分节假日安排的通知》录入 ${year} 年的放假和调休上班日期；录入后系统将自动计算这些申请的答复期限。`
        : `请联系系统管理员按国务院办公厅公布的《关于 ${year} 年部分节假日安排的通知》录入；录入后系统将自动计算答复期限。`}
      action={(
        <Button size="small" type={mayManage ? 'primary' : 'default'} href={routeHref({ name: 'calendar', year })}>
          {mayManage ? `录入 ${year} 年节假日安排` : '查看工作日日历'}
        </Button>
      )} />
  );
}

/** The pending group of one agency's warnings. */
export function PendingDeadlinesBlock({ pending }: { pending: PendingDeadlines }) {
  return (
    <div className="gk-warn-office gk-warn-pending">
      <div className="gk-warn-office-head">
        <span className="gk-warn-office-name">{pending.title}</span>
        <span className="gk-warn-count gk-warn-count-pending">待定 {pending.count} 件</span>
      </div>
      <ul className="gk-warn-cases">
        {pending.cases.map((c) => (
          <li key={c.id} className="gk-warn-pending-case">
            <a href={routeHref({ name: 'application', id: c.id })}>{c.caseNo}</a>
            <span>{c.office} / {c.assigned ? `承办人：${c.handler}` : `登记人：${c.handler}`}</span>
            <span>收到申请：{formatDate(c.receivedOn)}</span>
            <strong>答复期限待定</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * For the system administrator, who does not see cases: from November on, while next year's notice is
 * not entered, the banner asking for it (on every screen, from GET /api/calendar/years).
 */
export function UpcomingYearNotice({ today }: { today: string }) {
  const mayManage = useCan('calendar.manage');
  const [missing, setMissing] = useState<number | null>(null);
  useEffect(() => {
    if (!mayManage || today.slice(5, 7) < '11') return;
    let live = true;
    const next = Number(today.slice(0, 4)) + 1;
    api.calendarYears().then((y) => { if (live) setMissing(!y.coveredYears || y.coveredYears.to < next ? next : null); }, () => {});
    return () => { live = false; };
  }, [mayManage, today]);
  return mayManage && missing !== null ? <div className="gk-page"><CalendarNoticeBanner year={missing} /></div> : null;
}
