/**
 * 主动公开时限预警 (条例 Art. 26: published within 20 working days of being made or changed): per agency and office,
 * the items overdue (red) and due within 3 working days (amber), each with its drafter and a link. Shown on the
 * item list and beside the application warnings.
 */
import { Alert, Empty, Typography } from 'antd';
import type { ItemWarningLine, ItemWarnings } from '../disclosure-types.js';
import { formatDate } from '../labels.js';
import { routeHref } from '../router.js';

function Line({ item, overdue }: { item: ItemWarningLine; overdue: boolean }) {
  const days = Math.abs(item.workingDaysLeft);
  return (
    <li className={overdue ? 'gk-warn-overdue' : 'gk-warn-soon'}>
      <a href={routeHref({ name: 'item', id: item.id })}>{item.title}</a>
      <span>经办人：{item.drafterName}</span>
      <span>公开期限：{formatDate(item.dueOn)}</span>
      <strong>{overdue ? `已逾期 ${days} 个工作日` : days === 0 ? '今日到期' : `还剩 ${days} 个工作日`}</strong>
    </li>
  );
}

/** The Art. 26 warnings panel; `compact` leaves out the empty state (beside the application warnings). */
export function ItemWarningsPanel({ items, compact }: { items: ItemWarnings[]; compact?: boolean }) {
  const shown = items.filter((a) => a.offices.some((o) => o.overdue.length + o.dueSoon.length > 0));
  if (compact && shown.length === 0) return null;
  const overdue = shown.reduce((s, a) => s + a.offices.reduce((t, o) => t + o.overdue.length, 0), 0);
  return (
    <section className="gk-panel gk-warnings" aria-labelledby="gk-item-warnings-title">
      <Typography.Title level={2} className="gk-h2" id="gk-item-warnings-title">主动公开时限预警</Typography.Title>
      <p className="gk-note">依《条例》第二十六条，主动公开的政府信息应当自形成或者变更之日起 20 个工作日内予以公开。下列信息已逾期或将在 3 个工作日内到期。</p>
      {overdue > 0 && <Alert type="error" showIcon className="gk-warn-alert" title={`共 ${overdue} 条信息已超过公开期限，请尽快办理。`} />}
      {shown.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有已逾期或即将到期的信息。" />
        : shown.map((a) => (
          <div key={a.agencyId} className="gk-warn-agency">
            {items.length > 1 && <Typography.Title level={3} className="gk-h3">{a.agencyName}</Typography.Title>}
            {a.offices.filter((o) => o.overdue.length + o.dueSoon.length > 0).map((o) => (
              <div key={o.office} className="gk-warn-office">
                <div className="gk-warn-office-head">
                  <span className="gk-warn-office-name">{o.office}</span>
                  <span className={o.overdue.length > 0 ? 'gk-warn-count gk-warn-count-overdue' : 'gk-warn-count'}>已逾期 {o.overdue.length} 条</span>
                  <span className={o.dueSoon.length > 0 ? 'gk-warn-count gk-warn-count-soon' : 'gk-warn-count'}>即将到期 {o.dueSoon.length} 条</span>
                </div>
                <ul className="gk-warn-cases">
                  {o.overdue.map((i) => <Line key={`o${i.id}`} item={i} overdue />)}
                  {o.dueSoon.map((i) => <Line key={`s${i.id}`} item={i} overdue={false} />)}
                </ul>
              </div>
            ))}
          </div>
        ))}
    </section>
  );
}
