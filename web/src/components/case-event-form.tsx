/**
 * 登记办理事件: the event type, its date and the fields that type needs (补正期限, 被征求意见方, 延期天数/批准人/
 * 理由, 处理决定 …). The server checks the procedure; its 400/409 message is shown as it is worded, and a
 * 409 PERIOD_LOCKED (a published report's figures would change) asks a leader for a reason (the server
 * records the signed-in leader as approver); others are told a leader must do it.
 */
import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Select, Typography } from 'antd';
import type { ApplicationDetail, ApplicationEventBody, RecordableEventType } from '../api-types.js';
import { ApiError, api } from '../api.js';
import { CASE_EVENT_LABELS, DECISION_LABELS, RECORDABLE_EVENT_TYPES, todayInChina } from '../application-labels.js';
import { ErrorAlert } from './problem-list.js';
import { isPeriodLocked, lockedTitle, overrideOf, PeriodLockOverrideFields } from './period-lock-override.js';
import { useCan } from '../session.js';

interface Values {
  type: RecordableEventType;
  date: string;
  correctionDeadline?: string;
  lateReason?: string;
  party?: string;
  days?: number;
  approver?: string;
  reason?: string;
  replyBy?: string;
  receivedOn?: string;
  feeMethod?: 'by-application' | 'by-volume';
  pages?: number;
  count?: number;
  decision?: string;
  particulars?: string;
  overrideReason?: string;
}

const text = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

/** The request body of the filled form: only the fields of the chosen type, blanks left out. */
export function eventBody(v: Values, withOverride: boolean): ApplicationEventBody {
  const base = { type: v.type, date: v.date };
  const fields: Record<string, unknown> = {};
  switch (v.type) {
    case 'correction-requested': fields.correctionDeadline = v.correctionDeadline; break;
    case 'correction-received': fields.lateReason = text(v.lateReason); break;
    case 'consultation-started': case 'consultation-ended': fields.party = text(v.party); break;
    case 'extended': Object.assign(fields, { days: v.days, approver: text(v.approver), reason: text(v.reason) }); break;
    case 'later-date-set': Object.assign(fields, { replyBy: v.replyBy, reason: text(v.reason) }); break;
    case 'fee-notice-sent':
      fields.receivedOn = text(v.receivedOn);
      fields.fee = v.feeMethod === 'by-volume' ? { method: 'by-volume', pages: v.pages } : { method: 'by-application', count: v.count ?? 1 };
      break;
    case 'decided': Object.assign(fields, { decision: v.decision, particulars: text(v.particulars) }); break;
    default: break;
  }
  for (const k of Object.keys(fields)) if (fields[k] === undefined) delete fields[k];
  return { ...base, ...fields, ...overrideOf(withOverride, v.overrideReason) } as ApplicationEventBody;
}

/** The error as shown: a single problem that only repeats the message is left out. */
function shownError(e: unknown): unknown {
  if (e instanceof ApiError && e.problems.length === 1 && e.problems[0]!.message === e.message) {
    return new ApiError(e.status, e.code, e.message, []);
  }
  return e;
}

const DATE_RULE = { pattern: /^\d{4}-\d{2}-\d{2}$/, message: '请选择日期' };
const required = (message: string) => ({ required: true, message });

/** The fields a type of event needs. */
function TypeFields({ type, feeMethod }: { type: RecordableEventType | undefined; feeMethod: Values['feeMethod'] }) {
  switch (type) {
    case 'correction-requested':
      return <Form.Item name="correctionDeadline" label="补正期限" rules={[required('请填写补正期限'), DATE_RULE]}><Input type="date" /></Form.Item>;
    case 'correction-received':
      return <Form.Item name="lateReason" label="逾期补正的正当理由（逾期补正时填写）"><Input.TextArea rows={2} /></Form.Item>;
    case 'consultation-started':
      return <Form.Item name="party" label="被征求意见的第三方或机关" rules={[required('请填写被征求意见方')]}><Input /></Form.Item>;
    case 'consultation-ended':
      return <Form.Item name="party" label="被征求意见方（不填则结束最早的一项）"><Input /></Form.Item>;
    case 'extended':
      return (
        <>
          <Form.Item name="days" label="延长的工作日数" rules={[required('请填写延长的工作日数')]}>
            <InputNumber min={1} max={20} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <p className="gk-note">延期须经政府信息公开工作机构负责人同意：由具有“领导”角色的人员登录后登记，批准人记为该登录人员。</p>
          <Form.Item name="reason" label="延期理由" rules={[required('请填写延期理由')]}><Input.TextArea rows={2} /></Form.Item>
        </>
      );
    case 'later-date-set':
      return (
        <>
          <Form.Item name="replyBy" label="延迟答复期限" rules={[required('请填写延迟答复期限'), DATE_RULE]}><Input type="date" /></Form.Item>
          <Form.Item name="reason" label="延迟答复理由" rules={[required('请填写理由')]}><Input.TextArea rows={2} /></Form.Item>
        </>
      );
    case 'fee-notice-sent':
      return (
        <>
          <Form.Item name="receivedOn" label="收费通知送达日期（不填为发出当日）" rules={[{ ...DATE_RULE, required: false }]}><Input type="date" /></Form.Item>
          <Form.Item name="feeMethod" label="计收方式" rules={[required('请选择计收方式')]}>
            <Select options={[{ value: 'by-application', label: '按件计收' }, { value: 'by-volume', label: '按量计收' }]} />
          </Form.Item>
          {feeMethod === 'by-volume' ? (
            <Form.Item name="pages" label="页数" rules={[required('请填写页数')]}><InputNumber min={1} precision={0} style={{ width: 160 }} /></Form.Item>
          ) : feeMethod === 'by-application' ? (
            <Form.Item name="count" label="本申请计费件数（同一申请人本月此前申请件数由系统统计）">
              <InputNumber min={1} precision={0} style={{ width: 160 }} placeholder="1" />
            </Form.Item>
          ) : null}
        </>
      );
    case 'decided':
      return (
        <>
          <Form.Item name="decision" label="处理决定" rules={[required('请选择处理决定')]}>
            <Select showSearch={{ optionFilterProp: 'label' }} placeholder="请选择"
              options={Object.entries(DECISION_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="particulars" label="告知书载明事项（获取途径、负责公开的机关或不予公开的理由）">
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      );
    default:
      return null;
  }
}

/** The form recording an event on a case; `onRecorded` gets the case as the server returns it. */
export function CaseEventForm({ detail, onRecorded }: { detail: ApplicationDetail; onRecorded: (d: ApplicationDetail) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form);
  const feeMethod = Form.useWatch('feeMethod', form);
  const [error, setError] = useState<unknown>(null);
  const [locked, setLocked] = useState(false);
  const [busy, setBusy] = useState(false);
  const mayOverride = useCan('period.override');
  const mayHandle = useCan('application.handle');
  const mayExtend = useCan('application.extend');
  // Only the events this person may record: an extension needs a leader (application.extend).
  const types = RECORDABLE_EVENT_TYPES.filter((t) => (t === 'extended' ? mayExtend : mayHandle));

  const submit = async (values: Values) => {
    setBusy(true);
    try {
      const updated = await api.recordApplicationEvent(detail.id, eventBody(values, locked && mayOverride));
      message.success(`已登记“${CASE_EVENT_LABELS[values.type]}”`);
      setError(null);
      setLocked(false);
      form.resetFields();
      onRecorded(updated);
    } catch (e) {
      setError(e);
      if (isPeriodLocked(e)) setLocked(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="gk-panel" aria-labelledby="gk-event-form-title">
      <Typography.Title level={2} className="gk-h2" id="gk-event-form-title">登记办理事件</Typography.Title>
      <Form<Values> form={form} name="event" layout="vertical" onFinish={submit} initialValues={{ date: todayInChina() }}
        onValuesChange={(changed) => { if ('type' in changed) setError(null); }}>
        <div className="gk-form-row">
          <Form.Item name="type" label="事件类型" rules={[required('请选择事件类型')]} className="gk-grow">
            <Select placeholder="请选择" options={types.map((t) => ({ value: t, label: CASE_EVENT_LABELS[t] }))} />
          </Form.Item>
          <Form.Item name="date" label="事件日期" rules={[required('请填写事件日期'), DATE_RULE]}>
            <Input type="date" />
          </Form.Item>
        </div>
        <TypeFields type={type} feeMethod={feeMethod} />
        {locked && <PeriodLockOverrideFields allowed={mayOverride} />}
        {error !== null && (
          <div className="gk-form-error">
            <ErrorAlert error={shownError(error)} onClose={() => setError(null)}
              title={lockedTitle(error, mayOverride, '未能登记')} />
          </div>
        )}
        <Button type="primary" htmlType="submit" loading={busy}>登记</Button>
      </Form>
    </section>
  );
}
