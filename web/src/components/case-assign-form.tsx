/**
 * 分配承办: the office (承办科室) and person (承办人) handling a case, for the warnings by office and by
 * person. Either may be changed alone; the server records the change as an event (old → new).
 */
import { useState } from 'react';
import { App, Button, Form, Input, Typography } from 'antd';
import type { ApplicationDetail } from '../api-types.js';
import { api } from '../api.js';
import type { AssignRequest } from '../schema-types.js';
import { ErrorAlert } from './problem-list.js';

interface Values { office?: string; handler?: string }

/** The assignment as sent: trimmed, blanks and unchanged fields left out. */
export function assignBody(v: Values, current: { office: string | null; handler: string | null }): AssignRequest {
  const body: AssignRequest = {};
  const office = v.office?.trim();
  const handler = v.handler?.trim();
  if (office && office !== current.office) body.office = office;
  if (handler && handler !== current.handler) body.handler = handler;
  return body;
}

/** The assignment form of an open case; `onAssigned` gets the case as the server returns it. */
export function CaseAssignForm({ detail, onAssigned }: { detail: ApplicationDetail; onAssigned: (d: ApplicationDetail) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: Values) => {
    const body = assignBody(values, detail);
    if (!body.office && !body.handler) {
      setError(new Error('承办科室和承办人均未改变。'));
      return;
    }
    setBusy(true);
    try {
      const updated = await api.assignApplication(detail.id, body);
      message.success('已分配承办科室、承办人');
      setError(null);
      onAssigned(updated);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="gk-panel" aria-labelledby="gk-assign-title">
      <Typography.Title level={2} className="gk-h2" id="gk-assign-title">分配承办</Typography.Title>
      <Form<Values> form={form} name="assign" layout="vertical" onFinish={(v) => void submit(v)} key={`${detail.office}|${detail.handler}`}
        initialValues={{ office: detail.office ?? '', handler: detail.handler ?? '' }}>
        <div className="gk-form-row">
          <Form.Item name="office" label="承办科室" className="gk-grow"><Input maxLength={100} placeholder="如：政策法规科" /></Form.Item>
          <Form.Item name="handler" label="承办人" className="gk-grow"><Input maxLength={100} /></Form.Item>
        </div>
        {error !== null && <div className="gk-form-error"><ErrorAlert error={error} title="未能分配" onClose={() => setError(null)} /></div>}
        <Button htmlType="submit" loading={busy}>分配</Button>
      </Form>
    </section>
  );
}
