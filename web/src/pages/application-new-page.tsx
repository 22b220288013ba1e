/**
 * 登记申请: an application received in person, by post, fax, e-mail or online, entered by the office.
 * The channel decides which date fixes the receipt (条例第三十一条: the core's rule and label are shown
 * beside the date); the applicant types are table 三's columns. The server checks everything and names
 * the field: its messages are shown at that field. After the case is created its page opens.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Breadcrumb, Button, Form, Input, Radio, Select, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { APPLICANT_TYPES } from '../../../src/core/applications/applicant-types.js';
import { IDENTITY_KIND_NAMES, type IdentityKind } from '../../../src/core/applications/identity.js';
import { receiptEvidenceOf } from '../../../src/core/applications/receipt-date.js';
import type { Agency, Channel } from '../api-types.js';
import { ApiError, api } from '../api.js';
import { CHANNEL_LABELS, todayInChina } from '../application-labels.js';
import { navigate, routeHref } from '../router.js';
import type { ReceiveRequest } from '../schema-types.js';
import { agenciesWhere, useCan, useSession } from '../session.js';
import { ErrorAlert } from '../components/problem-list.js';
import { isPeriodLocked, lockedTitle, overrideOf, PeriodLockOverrideFields } from '../components/period-lock-override.js';

/** The form's values. */
export interface RegistrationValues {
  agencyId?: number;
  channel?: Channel;
  evidenceDate?: string;
  applicantType?: string;
  applicant?: { name?: string; idType?: IdentityKind; idNumber?: string; phone?: string; address?: string; email?: string };
  subject?: string;
  formWanted?: string;
  office?: string;
  handler?: string;
  overrideReason?: string;
}

const text = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

/** The request body of the filled form: the channel's evidence date under its own field, blanks left out. */
export function receiveBody(v: RegistrationValues, withOverride = false): ReceiveRequest {
  const channel = v.channel!;
  const applicant: ReceiveRequest['applicant'] = { name: text(v.applicant?.name) ?? '', idNumber: text(v.applicant?.idNumber) ?? '' };
  if (v.applicant?.idType) applicant.idType = v.applicant.idType;
  for (const k of ['phone', 'address', 'email'] as const) {
    const value = text(v.applicant?.[k]);
    if (value) applicant[k] = value;
  }
  return {
    agencyId: v.agencyId!,
    channel,
    evidence: { [receiptEvidenceOf(channel).field]: v.evidenceDate },
    applicantType: v.applicantType!,
    applicant,
    subject: text(v.subject) ?? '',
    formWanted: text(v.formWanted) ?? '',
    ...(text(v.office) ? { office: text(v.office) } : {}),
    ...(text(v.handler) ? { handler: text(v.handler) } : {}),
    ...overrideOf(withOverride, v.overrideReason),
  };
}

const FORM_FIELDS = new Set(['agencyId', 'channel', 'applicantType', 'subject', 'formWanted', 'office', 'handler']);
const EVIDENCE_FIELDS = new Set(['evidence', 'handedInOn', 'signedForOn', 'confirmedOn', 'date']);

/**
 * The form field a server problem names (`applicant.idNumber` → ['applicant', 'idNumber'], the channel's
 * evidence date however named → ['evidenceDate']), or null when it is not one of the form's fields.
 */
export function formFieldOf(field: string | undefined): (string | number)[] | null {
  if (!field) return null;
  const path = field.split('.');
  if (EVIDENCE_FIELDS.has(path[0]!)) return ['evidenceDate'];
  if (path[0] === 'applicant' && path.length === 2) return ['applicant', path[1]!];
  if (path.length === 1 && FORM_FIELDS.has(path[0]!)) return [path[0]!];
  return null;
}

/**
 * Puts the server's problems at their fields; returns whether every problem found one (then no
 * separate alert is needed).
 */
export function showAtFields(form: FormInstance<RegistrationValues>, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const problems = error.problems.length > 0 ? error.problems : [{ message: error.message }];
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  let all = true;
  for (const p of problems) {
    const name = formFieldOf(p.place?.field);
    if (!name) { all = false; continue; }
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(p.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()] as Parameters<typeof form.setFields>[0]);
  return all && byField.size > 0;
}

const required = (message: string) => ({ required: true, message });

/** The registration screen. */
export function ApplicationNewPage() {
  const { message } = App.useApp();
  const session = useSession();
  const mayOverride = useCan('period.override');
  const [form] = Form.useForm<RegistrationValues>();
  const channel = Form.useWatch('channel', form);
  const applicantType = Form.useWatch('applicantType', form);
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [locked, setLocked] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.agencies().then(setAgencies, setError);
  }, []);

  // The agencies in which the person may register (their grants, subtrees included; the server checks again).
  const allowed = useMemo(() => agenciesWhere('application.register', agencies, session), [agencies, session]);
  const options = useMemo(() => allowed.map((a) => ({ value: a.id, label: a.name })), [allowed]);
  useEffect(() => {
    if (form.getFieldValue('agencyId') !== undefined || allowed.length === 0) return;
    const own = allowed.find((a) => a.id === session?.user.agencyId);
    form.setFieldValue('agencyId', (own ?? allowed[0]!).id);
  }, [allowed, session, form]);

  const evidence = channel ? receiptEvidenceOf(channel) : null;
  const natural = APPLICANT_TYPES.find((t) => t.type === applicantType)?.natural;

  const submit = async (values: RegistrationValues) => {
    setBusy(true);
    try {
      const created = await api.receiveApplication(receiveBody(values, locked && mayOverride));
      message.success(`已登记申请 ${created.caseNo}`);
      navigate({ name: 'application', id: created.id });
    } catch (e) {
      if (isPeriodLocked(e)) setLocked(true);
      setError(showAtFields(form, e) ? null : e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="gk-page">
      <Breadcrumb items={[{ title: <a href={routeHref({ name: 'applications' })}>依申请公开</a> }, { title: '登记申请' }]} />
      <div className="gk-page-head gk-gap">
        <Typography.Title level={1} className="gk-page-title">登记申请</Typography.Title>
      </div>
      <p className="gk-note">登记当面、邮寄、传真、电子邮件等方式收到的政府信息公开申请。答复期限由系统按收到申请之日计算。</p>
      {agencies.length > 0 && allowed.length === 0 && (
        <Alert type="warning" showIcon className="gk-form-error" title="您没有在任何机关登记政府信息公开申请的权限。"
          description="登记申请须由信息公开专职人员进行；如需办理，请联系安全管理员授予相应角色。" />
      )}
      <Form<RegistrationValues> form={form} name="register" layout="vertical" className="gk-panel gk-register" onFinish={(v) => void submit(v)}
        initialValues={{ channel: 'in-person', evidenceDate: todayInChina(), applicantType: APPLICANT_TYPES[0]!.type }}
        scrollToFirstError>
        <fieldset className="gk-section">
          <legend>受理</legend>
          <Form.Item name="agencyId" label="受理机关" rules={[required('请选择受理机关')]}>
            <Select showSearch={{ optionFilterProp: 'label' }} placeholder="请选择" options={options} />
          </Form.Item>
          <div className="gk-form-row gk-wrap">
            <Form.Item name="channel" label="申请渠道" rules={[required('请选择申请渠道')]} className="gk-grow">
              <Select options={(Object.keys(CHANNEL_LABELS) as Channel[]).map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))} />
            </Form.Item>
            <Form.Item name="evidenceDate" label={evidence?.label ?? '收到申请依据日期'} rules={[required(`请填写${evidence?.label ?? '日期'}`)]}
              extra={evidence?.rule}>
              <Input type="date" />
            </Form.Item>
          </div>
        </fieldset>
        <fieldset className="gk-section">
          <legend>申请人</legend>
          <Form.Item name="applicantType" label="申请人类型" rules={[required('请选择申请人类型')]}>
            <Radio.Group optionType="button" options={APPLICANT_TYPES.map((t) => ({ value: t.type, label: t.type }))} />
          </Form.Item>
          <div className="gk-form-row gk-wrap">
            <Form.Item name={['applicant', 'name']} label={natural === false ? '名称' : '姓名'} rules={[required('请填写申请人姓名或名称')]} className="gk-grow">
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name={['applicant', 'idType']} label="身份证明类型">
              <Select allowClear style={{ minWidth: 180 }} placeholder={natural === false ? IDENTITY_KIND_NAMES.uscc : IDENTITY_KIND_NAMES['resident-id']}
                options={(Object.keys(IDENTITY_KIND_NAMES) as IdentityKind[])
                  .filter((k) => (natural === false ? k !== 'resident-id' : k !== 'uscc'))
                  .map((k) => ({ value: k, label: IDENTITY_KIND_NAMES[k] }))} />
            </Form.Item>
          </div>
          <Form.Item name={['applicant', 'idNumber']} label={natural === false ? '统一社会信用代码或证明文件号码' : '证件号码'}
            rules={[required('请填写身份证明号码')]}>
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
          <div className="gk-form-row gk-wrap">
            <Form.Item name={['applicant', 'phone']} label="联系电话" className="gk-grow"><Input maxLength={50} autoComplete="off" /></Form.Item>
            <Form.Item name={['applicant', 'email']} label="电子邮箱" className="gk-grow"><Input maxLength={200} autoComplete="off" /></Form.Item>
          </div>
          <Form.Item name={['applicant', 'address']} label="通信地址"><Input maxLength={200} autoComplete="off" /></Form.Item>
        </fieldset>
        <fieldset className="gk-section">
          <legend>申请内容</legend>
          <Form.Item name="subject" label="所需信息内容描述（名称、文号或者便于查询的其他特征性描述）" rules={[required('请填写所需信息内容描述')]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="formWanted" label="获取信息的方式、途径" rules={[required('请填写获取方式')]}>
            <Input maxLength={200} placeholder="如：纸质文本邮寄、电子邮件、当面领取" />
          </Form.Item>
          <div className="gk-form-row gk-wrap">
            <Form.Item name="office" label="承办科室（可稍后分配）" className="gk-grow"><Input maxLength={100} /></Form.Item>
            <Form.Item name="handler" label="承办人（可稍后分配）" className="gk-grow"><Input maxLength={100} /></Form.Item>
          </div>
        </fieldset>
        {locked && <PeriodLockOverrideFields allowed={mayOverride} />}
        {error !== null && (
          <div className="gk-form-error">
            <ErrorAlert error={error} title={lockedTitle(error, mayOverride, '未能登记')} onClose={() => setError(null)} />
          </div>
        )}
        <Button type="primary" htmlType="submit" loading={busy}>登记</Button>
      </Form>
    </div>
  );
}
