/**
 * 答复期限: the current deadline (or why it is not running), the clock's warnings, and the arithmetic step by
 * step as the server explains it (`clock.explain`), with its holidays and make-up working days.
 */
import { Alert, Typography } from 'antd';
import type { ApplicationDetail } from '../api-types.js';
import { CLOSED_STATES, isDeadlinePending } from '../application-labels.js';
import { formatDate } from '../labels.js';

function deadlineText(c: ApplicationDetail): string {
  if (c.dueOn) return formatDate(c.dueOn);
  if (isDeadlinePending(c)) return '待定';
  const left = c.clock.remainingWorkingDays;
  return left === undefined ? '暂停计算' : `暂停计算（剩余 ${left} 个工作日）`;
}

/** The deadline panel of a case. */
export function CaseClockView({ detail }: { detail: ApplicationDetail }) {
  const { clock } = detail;
  const closed = CLOSED_STATES.has(detail.state);
  return (
    <section className="gk-panel" aria-labelledby="gk-clock-title">
      <Typography.Title level={2} className="gk-h2" id="gk-clock-title">答复期限</Typography.Title>
      <div className="gk-deadline">
        <span className={clock.overdue && !closed ? 'gk-deadline-date gk-overdue' : 'gk-deadline-date'}>{deadlineText(detail)}</span>
        <span className="gk-deadline-note">
          共 {clock.workingDays} 个工作日{clock.pausedWorkingDays > 0 ? `，暂停 ${clock.pausedWorkingDays} 个工作日` : ''}
          {clock.overdue && !closed ? '，已逾期' : ''}
          {closed && clock.onTime !== undefined ? (clock.onTime ? '，按期答复' : '，逾期答复') : ''}
        </span>
      </div>
      <dl className="gk-clock-dates">
        {!closed && detail.state === 'received' && clock.correctionNoticeDue && (
          <><dt>补正通知最迟发出日期</dt><dd>{formatDate(clock.correctionNoticeDue)}</dd></>
        )}
        {clock.correctionDue && <><dt>补正期限</dt><dd>{formatDate(clock.correctionDue)}</dd></>}
        {clock.consultationDue && <><dt>征求意见答复期限</dt><dd>{formatDate(clock.consultationDue)}</dd></>}
        {clock.feeDue && <><dt>缴费期限</dt><dd>{formatDate(clock.feeDue)}</dd></>}
        {clock.extension && <><dt>延期</dt><dd>{clock.extension.days} 个工作日（批准人：{clock.extension.approver}）</dd></>}
        {clock.laterDate && <><dt>延迟答复期限</dt><dd>{formatDate(clock.laterDate.replyBy)}</dd></>}
        {clock.closedOn && <><dt>办结日期</dt><dd>{formatDate(clock.closedOn)}</dd></>}
      </dl>
      {clock.warnings.length > 0 && (
        <Alert type="warning" showIcon className="gk-gap" title="办理提示"
          description={<ul className="gk-change">{clock.warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>} />
      )}
      <Typography.Title level={3} className="gk-h3 gk-gap">计算过程</Typography.Title>
      <ol className="gk-explain">
        {clock.explain.map((line, i) => <li key={i}>{line}</li>)}
      </ol>
    </section>
  );
}
