/**
 * 主动公开时限预警 (条例 Art. 26: published within 20 working days of being made or changed): per office, how many
 * items are overdue or due within 3 working days, and the items themselves by person — overdue in red, due soon
 * in amber — each with a link. Shown on the item list and beside the application warnings.
 */
import { Alert, Typography } from 'antd';
import type { ItemWarningEntry, ItemWarnings } from '../disclosure-types.js';
import { formatDate } from '../labels.js';
import { routeHref } from '../router.js';

function Line({ item, person, overdue, showAgency }: { item: ItemWarningEntry; person: string; overdue: boolean; showAgency: boolean }) {
  const days = Math.abs(item.workingDaysLeft);
  return (
    <li className={overdue ? 'gk-warn-overdue' : 'gk-warn-soon'}>
      <a href={routeHref({ name: 'item', id: item.id })}>{item.title}</a>
      {showAgency && <span>{item.agencyName}</span>}
      <span>经办人：{person}</span>
      <span>公开期限：{formatDate(item.dueOn)}</span>
      <strong>{overdue ? `已逾期 ${days} 个工作日` : days === 0 ? '今日到期' : `还剩 ${days} 个工作日`}</strong>
    </li>
  );
}

/** The Art. 26 warnings panel; `compact` shows nothing when nothing is warned (beside the application warnings). */
export function ItemWarningsPanel({ warnings, compact }: { warnings: ItemWarnings | null; compact?: boolean }) {
  const offices = warnings?.offices.filter((o) => o.overdue + o.dueSoon > 0) ?? [];
  if (compact && offices.length === 0) return null;
  const overdue = offices.reduce((s, o) => s + o.overdue, 0);
  // Nothing warned: one line, not a panel (the list below is what the person came for).
  if (warnings && offices.length === 0) {
    return <p className="gk-note gk-warn-none">主动公开时限预警：截至 {formatDate(warnings.today)}，没有已逾期或 3 个工作日内到期的信息（《条例》第二十六条）。</p>;
  }
  const agencies = new Set(warnings?.groups.flatMap((g) => [...g.overdue, ...g.dueSoon].map((i) => i.agencyId)));
  return (
    <section className="gk-panel gk-warnings" aria-labelledby="gk-item-warnings-title">
      <Typography.Title level={2} className="gk-h2" id="gk-item-warnings-title">主动公开时限预警</Typography.Title>
      <p className="gk-note">
        依《条例》第二十六条，主动公开的政府信息应当自形成或者变更之日起 20 个工作日内予以公开。
        {warnings && <>截至 {formatDate(warnings.today)}，下列信息已逾期或将在 {formatDate(warnings.dueSoonUntil)} 前（3 个工作日内）到期。</>}
      </p>
      {overdue > 0 && <Alert type="error" showIcon className="gk-warn-alert" title={`共 ${overdue} 条信息已超过公开期限，请尽快办理。`} />}
      {offices.map((o) => {
          const groups = warnings!.groups.filter((g) => g.office === o.office);
          return (
            <div key={o.office} className="gk-warn-office">
              <div className="gk-warn-office-head">
                <span className="gk-warn-office-name">{o.office}</span>
                <span className={o.overdue > 0 ? 'gk-warn-count gk-warn-count-overdue' : 'gk-warn-count'}>已逾期 {o.overdue} 条</span>
                <span className={o.dueSoon > 0 ? 'gk-warn-count gk-warn-count-soon' : 'gk-warn-count'}>即将到期 {o.dueSoon} 条</span>
              </div>
              <ul className="gk-warn-cases">
                {groups.flatMap((g) => g.overdue.map((i) => <Line key={`o${i.id}`} item={i} person={g.person} overdue showAgency={agencies.size > 1} />))}
                {groups.flatMap((g) => g.dueSoon.map((i) => <Line key={`s${i.id}`} item={i} person={g.person} overdue={false} showAgency={agencies.size > 1} />))}
              </ul>
            </div>
          );
        })}
    </section>
  );
}
