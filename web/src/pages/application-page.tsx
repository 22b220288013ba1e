/**
 * The page of one 依申请公开 case: state, deadline with its arithmetic, the facts, letters to download,
 * remedies, the forms recording the next event, the assignment and a reconsideration or lawsuit (shown
 * only to a person who may handle cases), and the history.
 */
import { useCallback, useEffect, useState } from 'react';
import { Breadcrumb, Spin, Tag, Typography } from 'antd';
import type { ApplicationDetail, ApplicationEvent } from '../api-types.js';
import { api } from '../api.js';
import { CLOSED_STATES, dueOnText, stateColor } from '../application-labels.js';
import { formatDate } from '../labels.js';
import { routeHref } from '../router.js';
import { CaseClockView } from '../components/case-clock-view.js';
import { CaseEventForm } from '../components/case-event-form.js';
import { CaseHistory } from '../components/case-history.js';
import { CaseLetters } from '../components/case-letters.js';
import { CaseRemedies } from '../components/case-remedies.js';
import { CaseSummary } from '../components/case-summary.js';
import { CaseAssignForm } from '../components/case-assign-form.js';
import { CaseRemedyForm } from '../components/case-remedy-form.js';
import { useCan } from '../session.js';
import { ErrorAlert } from '../components/problem-list.js';

/** The case page. */
export function ApplicationPage({ id }: { id: number }) {
  const [detail, setDetail] = useState<ApplicationDetail | null>(null);
  const [events, setEvents] = useState<ApplicationEvent[]>([]);
  const [error, setError] = useState<unknown>(null);
  const mayHandle = useCan('application.handle');
  const mayExtend = useCan('application.extend');
  const mayPersonal = useCan('application.personal');

  const loadEvents = useCallback(async () => setEvents(await api.applicationEvents(id)), [id]);
  const reload = useCallback(async () => {
    const [d, e] = await Promise.all([api.application(id), api.applicationEvents(id)]);
    setDetail(d);
    setEvents(e);
  }, [id]);

  useEffect(() => {
    let live = true;
    Promise.all([api.application(id), api.applicationEvents(id)])
      .then(([d, e]) => { if (live) { setDetail(d); setEvents(e); setError(null); } })
      .catch((e: unknown) => { if (live) setError(e); });
    return () => { live = false; };
  }, [id]);

  if (error !== null && !detail) return <div className="gk-page"><ErrorAlert error={error} title="申请加载失败" /></div>;
  if (!detail) return <div className="gk-page gk-loading"><Spin description="正在加载申请…" /></div>;

  const closed = CLOSED_STATES.has(detail.state);
  const onRecorded = (d: ApplicationDetail) => {
    setDetail(d);
    loadEvents().catch(setError);
  };

  return (
    <div className="gk-page">
      <Breadcrumb items={[{ title: <a href={routeHref({ name: 'applications' })}>依申请公开</a> }, { title: detail.caseNo }]} />
      <div className="gk-report-head">
        <div>
          <Typography.Title level={1} className="gk-page-title">
            申请 {detail.caseNo} <Tag color={stateColor(detail.state)} className="gk-title-tag">{detail.stateName}</Tag>
          </Typography.Title>
          <div className="gk-meta">
            {detail.agencyName} · 收到申请 {formatDate(detail.receivedOn)} · 答复期限 {dueOnText(detail, formatDate)}
          </div>
        </div>
        {mayPersonal && <div className="gk-actions"><CaseLetters detail={detail} /></div>}
      </div>
      {error !== null && <ErrorAlert error={error} title="办理记录加载失败" onClose={() => setError(null)} />}
      <div className="gk-columns">
        <div className="gk-grow gk-stack">
          <CaseClockView detail={detail} />
          <section className="gk-panel" aria-labelledby="gk-facts-title">
            <Typography.Title level={2} className="gk-h2" id="gk-facts-title">申请信息</Typography.Title>
            <CaseSummary detail={detail} />
          </section>
          <CaseRemedies remedies={detail.remedies} applicationId={mayHandle ? detail.id : undefined}
            onChanged={mayHandle ? () => { reload().catch(setError); } : undefined} />
          <CaseHistory events={events} />
        </div>
        <div className="gk-side gk-side-wide gk-stack">
          {closed ? (
            <section className="gk-panel">
              <Typography.Title level={2} className="gk-h2">登记办理事件</Typography.Title>
              <p className="gk-note">本申请已办结（{detail.stateName}），不能再登记办理事件。</p>
            </section>
          ) : mayHandle || mayExtend
            ? <CaseEventForm detail={detail} onRecorded={onRecorded} />
            : <section className="gk-panel"><p className="gk-note">您可以查阅本申请，登记办理事件须由承办人或信息公开专职人员进行。</p></section>}
          {mayHandle && !closed && <CaseAssignForm detail={detail} onAssigned={onRecorded} />}
          {mayHandle && <CaseRemedyForm detail={detail} onAdded={() => { reload().catch(setError); }} />}
        </div>
      </div>
    </div>
  );
}
