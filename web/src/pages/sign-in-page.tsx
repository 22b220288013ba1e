/**
 * 登录: login name and password. The server's message is shown as it is: one generic message for a
 * wrong name or password (it never says which), and the lock-out message after too many failures.
 */
import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { api, ApiError } from '../api.js';

interface Values {
  login: string;
  password: string;
}

/** The sign-in screen; `notice` says why it is shown (登录已超时，请重新登录). */
export function SignInPage({ notice }: { notice?: string | null }) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await api.signIn(values.login.trim(), values.password);
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : '登录失败，请稍后再试。');
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="gk-signin">
      <main className="gk-signin-card">
        <div className="gk-signin-brand">
          <span className="gk-brand-mark" aria-hidden="true">公开</span>
          <span>政府信息公开工作管理</span>
        </div>
        <Typography.Title level={1} className="gk-signin-title">登录</Typography.Title>
        {notice && !error && <Alert className="gk-signin-alert" type="warning" showIcon title={notice} />}
        {error && <Alert className="gk-signin-alert" type="error" showIcon title={error} role="alert" />}
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)} disabled={busy}>
          <Form.Item label="登录名" name="login" rules={[{ required: true, whitespace: true, message: '请填写登录名' }]}>
            <Input autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请填写密码' }]}>
            <Input.Password autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>登录</Button>
        </Form>
        <p className="gk-signin-note">多次输错密码后账户将暂时锁定。忘记密码请联系本单位安全管理员重置。</p>
      </main>
    </div>
  );
}
