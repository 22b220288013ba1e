/**
 * 行政复议、行政诉讼 of a case (table 四): registering one (kind, whether a lawsuit follows a
 * reconsideration, the date, a result if already known) and recording its result later. A change that
 * would alter a published report's table 四 is refused with 409 PERIOD_LOCKED: a leader may approve it
 * with a reason (the server records the signed-in leader), anyone else is told a leader must do it.
 */
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import type { ApplicationDetail, Remedy } from '../api-types.js';
import { api } from '../api.js';
import { REMEDY_KIND_LABELS, REMEDY_RESULT_LABELS, todayInChina } from '../application-labels.js';
import type { RemedyRequest, RemedyResultRequest } from '../schema-types.js';
import { useCan } from '../session.js';
import { isPeriodLocked, lockedTitle, overrideOf, PeriodLockOverrideFields } from './period-lock-override.js';
import { ErrorAlert } from './problem-list.js';

type Kind = Remedy['kind'];
type Result = Remedy['result'];

/** The values of the remedy form. */
export interface RemedyValues {
  kind?: Kind;
  afterReconsideration?: boolean;
  filedOn?: string;
  result?: Result;
  decidedOn?: string;
  overrideReason?: string;
}

/** The values of the result form. */
export interface RemedyResultValues {
  result?: Result;
  decidedOn?: string;
  overrideReason?: string;
}

/** The body of POST …/remedies: “复议后起诉” only for a lawsuit, the decision date only with a result. */
export function remedyBody(v: RemedyValues, withOverride = false): RemedyRequest {
  const decided = v.result !== undefined && v.result !== 'pending';
  return {
    kind: v.kind!,
    ...(v.kind === 'lawsuit' ? { afterReconsideration: v.afterReconsideration === true } : {}),
    filedOn: v.filedOn!,
    ...(v.result ? { result: v.result } : {}),
    ...(decided && v.decidedOn ? { decidedOn: v.decidedOn } : {}),
    ...overrideOf(withOverride, v.overrideReason),
  };
}

/** The body of POST …/remedies/:remedyId/result: 尚未审结 has no decision date. */
export function remedyResultBody(v: RemedyResultValues, withOverride = false): RemedyResultRequest {
  return {
    result: v.result!,
    decidedOn: v.result === 'pending' ? null : v.decidedOn ?? null,
    ...overrideOf(withOverride, v.overrideReason),
  };
}

const DATE_RULE = { pattern: /^\d{4}-\d{2}-\d{2}$/, message: '请选择日期' };
const required = (message: string) => ({ required: true, message });
const RESULTS = (Object.keys(REMEDY_RESULT_LABELS) as Result[]).map((r) => ({ value: r, label: REMEDY_RESULT_LABELS[r] }));

/** A request under the period lock: remembers a PERIOD_LOCKED refusal so the next submit carries the override. */
function useLockedSubmit() {
  const mayOverride = useCan('period.override');
  const [locked, setLocked] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (send: (withOverride: boolean) => Promise<void>) => {
    setBusy(true);
    try {
      await send(locked && mayOverride);
      setError(null);
      setLocked(false);
    } catch (e) {
      setError(e);
      if (isPeriodLocked(e)) setLocked(true);
    } finally {
      setBusy(false);
    }
  };
  return { mayOverride, locked, error, setError, busy, run };
}

/** The form registering a reconsideration or lawsuit; `onAdded` reloads the case. */
export function CaseRemedyForm({ detail, onAdded }: { detail: ApplicationDetail; onAdded: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<RemedyValues>();
  const kind = Form.useWatch('kind', form);
  const result = Form.useWatch('result', form);
  const lock = useLockedSubmit();
  const hasReconsideration = detail.remedies.some((r) => r.kind === 'reconsideration');

  const submit = (values: RemedyValues) => lock.run(async (withOverride) => {
    const remedy = await api.addRemedy(detail.id, remedyBody(values, withOverride));
    message.success(`已登记${REMEDY_KIND_LABELS[remedy.kind as Kind] ?? ''}`);
    form.resetFields();
    onAdded();
  });

  return (
    <section className="gk-panel" aria-labelledby="gk-remedy-form-title">
      <Typography.Title level={2} className="gk-h2" id="gk-remedy-form-title">登记行政复议、行政诉讼</Typography.Title>
      <Form<RemedyValues> form={form} name="remedy" layout="vertical" onFinish={(v) => void submit(v)}
        initialValues={{ kind: 'reconsideration', afterReconsideration: false, filedOn: todayInChina(), result: 'pending' }}>
        <Form.Item name="kind" label="类型" rules={[required('请选择类型')]}>
          <Radio.Group optionType="button" options={(Object.keys(REMEDY_KIND_LABELS) as Kind[]).map((k) => ({ value: k, label: REMEDY_KIND_LABELS[k] }))} />
        </Form.Item>
        {kind === 'lawsuit' && (
          <Form.Item name="afterReconsideration" label="是否复议后起诉"
            extra={hasReconsideration ? undefined : '本申请尚未登记行政复议；复议后起诉须先登记该行政复议。'}>
            <Radio.Group options={[{ value: false, label: '否（未经复议直接起诉）' }, { value: true, label: '是（复议后起诉）' }]} />
          </Form.Item>
        )}
        <div className="gk-form-row gk-wrap">
          <Form.Item name="filedOn" label="收到日期（提起日期）" rules={[required('请填写收到日期'), DATE_RULE]}><Input type="date" /></Form.Item>
          <Form.Item name="result" label="结果" className="gk-grow"><Select options={RESULTS} /></Form.Item>
        </div>
        {result !== undefined && result !== 'pending' && (
          <Form.Item name="decidedOn" label="审结日期" rules={[required('请填写审结日期'), DATE_RULE]}><Input type="date" /></Form.Item>
        )}
        {lock.locked && <PeriodLockOverrideFields allowed={lock.mayOverride} />}
        {lock.error !== null && (
          <div className="gk-form-error">
            <ErrorAlert error={lock.error} title={lockedTitle(lock.error, lock.mayOverride, '未能登记')} onClose={() => lock.setError(null)} />
          </div>
        )}
        <Button htmlType="submit" loading={lock.busy}>登记</Button>
      </Form>
    </section>
  );
}

/** The dialog recording the result of one remedy; `onDecided` reloads the case. */
export function RemedyResultDialog({ applicationId, remedy, onClose, onDecided }: {
  applicationId: number; remedy: Remedy; onClose: () => void; onDecided: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<RemedyResultValues>();
  const result = Form.useWatch('result', form);
  const lock = useLockedSubmit();

  const submit = (values: RemedyResultValues) => lock.run(async (withOverride) => {
    await api.decideRemedy(applicationId, remedy.id, remedyResultBody(values, withOverride));
    message.success('已登记结果');
    onDecided();
  });

  const title = `登记${REMEDY_KIND_LABELS[remedy.kind] ?? ''}结果`;
  return (
    <Modal open title={title} onCancel={onClose} okText="登记" cancelText="取消" confirmLoading={lock.busy}
      onOk={() => form.submit()} destroyOnHidden>
      <Form<RemedyResultValues> form={form} name="remedy-result" layout="vertical" onFinish={(v) => void submit(v)}
        initialValues={{ result: remedy.result === 'pending' ? undefined : remedy.result, decidedOn: remedy.decidedOn ?? todayInChina() }}>
        <Form.Item name="result" label="结果" rules={[required('请选择结果')]}><Select options={RESULTS} placeholder="请选择" /></Form.Item>
        {result !== undefined && result !== 'pending' && (
          <Form.Item name="decidedOn" label="审结日期" rules={[required('请填写审结日期'), DATE_RULE]}><Input type="date" /></Form.Item>
        )}
        {lock.locked && <PeriodLockOverrideFields allowed={lock.mayOverride} />}
        {lock.error !== null && (
          <ErrorAlert error={lock.error} title={lockedTitle(lock.error, lock.mayOverride, '未能登记')} onClose={() => lock.setError(null)} />
        )}
      </Form>
    </Modal>
  );
}
