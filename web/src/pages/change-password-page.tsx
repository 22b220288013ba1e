/**
 * 修改密码: current password, new password twice, with the policy shown (and checked here with the
 * server's own rule, src/core/access/password-policy.ts, before the server checks it again). A person
 * whose initial password must be changed sees only this page (`forced`) until it is done.
 */
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Typography } from 'antd';
import { passwordProblems } from '../../../src/core/access/password-policy.js';
import { api, ApiError } from '../api.js';
import { landingRoute } from '../nav.js';
import { routeHref } from '../router.js';
import { can, takeRememberedRoute, useSession } from '../session.js';

/** The password policy as shown to the user. */
export const PASSWORD_POLICY = '至少 10 个字符，含大写字母、小写字母、数字、符号中的三类，且不得包含登录名。';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** The change-password screen. */
export function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const { message } = App.useApp();
  const session = useSession();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const login = session?.user.login;

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      const s = await api.changePassword(values.currentPassword, values.newPassword);
      form.resetFields();
      message.success('密码已修改');
      // Forced change: on to the page the person opened (or was on when the session ended); else the start page.
      const back = takeRememberedRoute() ?? (forced ? window.location.hash : null);
      const landing = landingRoute((p) => can(p, s));
      const useBack = back !== null && !['', '#', '#/', '#/password'].includes(back);
      window.location.hash = useBack ? back : landing ? routeHref(landing) : '#/';
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const body = (
    <div className={forced ? 'gk-signin-card gk-password-card' : 'gk-panel gk-password-card'}>
      <Typography.Title level={1} className={forced ? 'gk-signin-title' : 'gk-page-title'}>修改密码</Typography.Title>
      {forced && (
        <Alert className="gk-signin-alert" type="info" showIcon
          title={`${session?.user.name ?? ''}，您正在使用初始密码，须先修改密码才能使用系统。`} />
      )}
      {error !== null && (
        <Alert className="gk-signin-alert" type="error" showIcon role="alert"
          title={error instanceof ApiError ? error.message : '修改失败，请稍后再试。'}
          description={error instanceof ApiError && error.problems.length > 0
            ? <ul className="gk-problems">{error.problems.map((p, i) => <li key={i}>{p.message}</li>)}</ul> : undefined} />
      )}
      <p className="gk-note" id="gk-password-policy">密码要求：{PASSWORD_POLICY}</p>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)} disabled={busy}>
        <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请填写当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item label="新密码" name="newPassword" dependencies={['currentPassword']} rules={[
          { required: true, message: '请填写新密码' },
          {
            validator: async (_, value: string | undefined) => {
              if (!value) return;
              const problems = passwordProblems(value, login);
              if (problems.length) throw new Error(problems.join('；'));
            },
          },
          ({ getFieldValue }) => ({
            validator: async (_, value: string | undefined) => {
              if (value && value === getFieldValue('currentPassword')) throw new Error('新密码不能与当前密码相同');
            },
          }),
        ]}>
          <Input.Password autoComplete="new-password" aria-describedby="gk-password-policy" />
        </Form.Item>
        <Form.Item label="确认新密码" name="confirm" dependencies={['newPassword']} rules={[
          { required: true, message: '请再次填写新密码' },
          ({ getFieldValue }) => ({
            validator: async (_, value: string | undefined) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error('两次填写的新密码不一致');
            },
          }),
        ]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <div className="gk-form-buttons">
          <Button type="primary" htmlType="submit" loading={busy}>修改密码</Button>
          {forced && <Button onClick={() => void api.signOut()}>退出登录</Button>}
        </div>
      </Form>
    </div>
  );

  if (forced) return <div className="gk-signin"><main>{body}</main></div>;
  return <div className="gk-page">{body}</div>;
}
