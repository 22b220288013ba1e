/**
 * Dialogs of the users page: the user form (new / edit), granting a role in an agency, and the
 * generated initial password shown once with a copy button.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, Modal, Select, Space, TreeSelect, Typography } from 'antd';
import type { Agency, RoleInfo, UserInfo } from '../api-types.js';
import { api } from '../api.js';
import { ErrorAlert } from './problem-list.js';

interface AgencyNode {
  value: number;
  title: string;
  children: AgencyNode[];
}

/** The agencies as a tree for TreeSelect (an agency whose parent is unknown is at the top). */
export function agencyOptions(agencies: readonly Agency[]): AgencyNode[] {
  const ids = new Set(agencies.map((a) => a.id));
  const children = new Map<number | null, Agency[]>();
  for (const a of agencies) {
    const parent = a.parentId !== null && ids.has(a.parentId) ? a.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), a]);
  }
  const build = (parent: number | null, seen: Set<number>): AgencyNode[] =>
    (children.get(parent) ?? []).filter((a) => !seen.has(a.id))
      .map((a) => ({ value: a.id, title: a.name, children: build(a.id, new Set([...seen, a.id])) }));
  return build(null, new Set());
}

function AgencyTreeSelect(props: { agencies: readonly Agency[]; value?: number; onChange?: (v: number) => void; id?: string }) {
  const tree = useMemo(() => agencyOptions(props.agencies), [props.agencies]);
  return (
    <TreeSelect id={props.id} value={props.value} onChange={props.onChange} treeData={tree} treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }} placeholder="请选择机关" popupMatchSelectWidth={false} style={{ width: '100%' }} />
  );
}

interface UserValues {
  login: string;
  name: string;
  agencyId: number;
  office?: string;
  phone?: string;
}

/** New user (`user` null) or edit; calls back with the saved user and, for a new one, its initial password. */
export function UserFormDialog({ open, user, agencies, onClose, onSaved }: {
  open: boolean;
  user: UserInfo | null;
  agencies: readonly Agency[];
  onClose: () => void;
  onSaved: (user: UserInfo, initialPassword?: string) => void;
}) {
  const [form] = Form.useForm<UserValues>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (user) form.setFieldsValue({ login: user.login, name: user.name, agencyId: user.agencyId, office: user.office ?? '', phone: user.phone ?? '' });
  }, [open, user, form]);

  const submit = async (v: UserValues) => {
    setBusy(true);
    try {
      const office = v.office?.trim() || null;
      const phone = v.phone?.trim() || null;
      if (user) {
        onSaved(await api.updateUser(user.id, { name: v.name.trim(), agencyId: v.agencyId, office, phone }));
      } else {
        const created = await api.createUser({ login: v.login.trim(), name: v.name.trim(), agencyId: v.agencyId, office, phone });
        onSaved(created.user, created.initialPassword);
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={user ? `修改用户：${user.name}` : '新建用户'} okText={user ? '保存' : '新建'} cancelText="取消"
      onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden>
      {error !== null && <div className="gk-form-error"><ErrorAlert error={error} title={user ? '保存失败' : '新建失败'} /></div>}
      <Form form={form} name="user" layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item label="登录名" name="login" rules={[{ required: !user, whitespace: true, min: 2, max: 40, message: '登录名应为 2 至 40 个字符' }]}
          extra={user ? '登录名不可修改' : undefined}>
          <Input disabled={!!user} autoComplete="off" />
        </Form.Item>
        <Form.Item label="姓名" name="name" rules={[{ required: true, whitespace: true, max: 50, message: '请填写姓名' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="所在机关" name="agencyId" rules={[{ required: true, message: '请选择机关' }]}>
          <AgencyTreeSelect agencies={agencies} />
        </Form.Item>
        <Form.Item label="科室" name="office" rules={[{ max: 50, message: '科室不超过 50 个字符' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="联系电话" name="phone" rules={[{ max: 30, message: '联系电话不超过 30 个字符' }]} extra="用于接收办理期限等通知">
          <Input />
        </Form.Item>
        {!user && <p className="gk-note">系统将生成初始密码，只显示一次；用户首次登录时须修改。</p>}
      </Form>
    </Modal>
  );
}

interface GrantValues {
  role: string;
  agencyId: number;
  subtree: boolean;
}

/** 授予角色: role (with its description), agency, 含下级机关. */
export function GrantDialog({ user, roles, agencies, onClose, onGranted }: {
  user: UserInfo | null;
  roles: readonly RoleInfo[];
  agencies: readonly Agency[];
  onClose: () => void;
  onGranted: (user: UserInfo) => void;
}) {
  const [form] = Form.useForm<GrantValues>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const role = Form.useWatch('role', form);
  const chosen = roles.find((r) => r.key === role);

  useEffect(() => {
    if (!user) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue({ agencyId: user.agencyId, subtree: false });
  }, [user, form]);

  const submit = async (v: GrantValues) => {
    if (!user) return;
    setBusy(true);
    try {
      onGranted(await api.grantRole(user.id, { role: v.role, agencyId: v.agencyId, subtree: v.subtree }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={user !== null} title={user ? `授予角色：${user.name}（${user.login}）` : ''} okText="授予" cancelText="取消"
      onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden>
      {error !== null && <div className="gk-form-error"><ErrorAlert error={error} title="未能授予角色" /></div>}
      <Form form={form} name="grant" layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}
          extra={chosen ? `${chosen.description}。权限：${chosen.permissions.map((p) => p.name).join('、')}` : undefined}>
          <Select placeholder="请选择角色（可输入名称查找）" showSearch={{ optionFilterProp: 'label' }} listHeight={320} options={roles.map((r) => ({ value: r.key, label: r.name, description: r.description }))}
            optionRender={(o) => (
              <div className="gk-role-option">
                <div>{o.label}</div>
                <div className="gk-muted">{(o.data as { description: string }).description}</div>
              </div>
            )} />
        </Form.Item>
        {chosen?.administrator && (
          <Alert className="gk-form-error" type="info" showIcon title="管理员角色（三员分立）：系统管理员、安全管理员、审计管理员不得兼任其他角色。" />
        )}
        <Form.Item label="机关" name="agencyId" rules={[{ required: true, message: '请选择机关' }]}>
          <AgencyTreeSelect agencies={agencies} />
        </Form.Item>
        <Form.Item name="subtree" valuePropName="checked">
          <Checkbox>含下级机关</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Shows a generated initial password once, with a copy button. */
export function InitialPasswordDialog({ shown, onClose }: {
  shown: { user: UserInfo; password: string; reset: boolean } | null;
  onClose: () => void;
}) {
  const [copied, setCopied] = useState(false);
  useEffect(() => setCopied(false), [shown]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(shown?.password ?? '');
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Modal open={shown !== null} title={shown?.reset ? '密码已重置' : '用户已新建'} onCancel={onClose} closable={false} mask={{ closable: false }} destroyOnHidden
      footer={<Button type="primary" onClick={onClose}>我已记下，关闭</Button>}>
      {shown && (
        <div className="gk-initial-password">
          <p>{shown.user.name}（登录名 {shown.user.login}）的{shown.reset ? '新' : ''}初始密码：</p>
          <Space wrap>
            <Typography.Text code className="gk-password-text" aria-label="初始密码">{shown.password}</Typography.Text>
            <Button onClick={() => void copy()}>{copied ? '已复制' : '复制'}</Button>
          </Space>
          <Alert className="gk-gap" type="warning" showIcon
            title="初始密码只显示这一次，请通过安全的方式交给本人。用户首次登录时须修改此密码。" />
        </div>
      )}
    </Modal>
  );
}
