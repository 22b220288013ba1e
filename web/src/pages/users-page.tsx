/**
 * 用户与角色 (security admin): every user with agency, office, state, lock and roles; new user (the
 * generated initial password shown once), edit, disable/enable, reset password, grant and revoke roles.
 * The server's Chinese message is shown as it is (e.g. 三员分立 conflicts).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { App, Button, Input, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Agency, RoleInfo, UserInfo } from '../api-types.js';
import { api } from '../api.js';
import { formatTime } from '../labels.js';
import { ErrorAlert } from '../components/problem-list.js';
import { GrantDialog, InitialPasswordDialog, UserFormDialog } from '../components/user-dialogs.js';

/** Whether a lock is still in force (the server's time is ISO text). */
function lockedNow(lockedUntil: string | null, now = new Date().toISOString()): boolean {
  return lockedUntil !== null && lockedUntil > now;
}

/** The users and roles screen. */
export function UsersPage() {
  const { modal, message } = App.useApp();
  const [users, setUsers] = useState<UserInfo[]>([]);
  const [roles, setRoles] = useState<RoleInfo[]>([]);
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<{ title: string; error: unknown } | null>(null);
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<UserInfo | 'new' | null>(null);
  const [granting, setGranting] = useState<UserInfo | null>(null);
  const [password, setPassword] = useState<{ user: UserInfo; password: string; reset: boolean } | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const [u, r, a] = await Promise.all([api.users(), api.roles(), api.agencies()]);
      setUsers(u);
      setRoles(r);
      setAgencies(a);
      setError(null);
    } catch (e) {
      setError({ title: '用户列表加载失败', error: e });
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => { void load(); }, [load]);

  const agencyName = useMemo(() => new Map(agencies.map((a) => [a.id, a.name])), [agencies]);
  const replace = (user: UserInfo) => setUsers((list) => {
    const found = list.some((u) => u.id === user.id);
    return found ? list.map((u) => (u.id === user.id ? user : u)) : [...list, user];
  });

  const act = async (title: string, run: () => Promise<UserInfo>, done: string) => {
    try {
      replace(await run());
      setError(null);
      message.success(done);
    } catch (e) {
      setError({ title, error: e });
    }
  };

  const setActive = (user: UserInfo, active: boolean) => modal.confirm({
    title: active ? `启用用户“${user.name}”？` : `停用用户“${user.name}”？`,
    content: active ? '启用后该用户可以再次登录。' : '停用后该用户不能登录，其正在使用的会话立即结束。授权记录保留。',
    okText: active ? '启用' : '停用', cancelText: '取消', okButtonProps: { danger: !active },
    onOk: () => act(active ? '未能启用' : '未能停用', () => api.setUserActive(user.id, active), active ? `已启用“${user.name}”` : `已停用“${user.name}”`),
  });

  const resetPassword = (user: UserInfo) => modal.confirm({
    title: `重置“${user.name}”的密码？`,
    content: '系统将生成新的初始密码（只显示一次），并解除账户锁定；该用户下次登录时须修改密码。',
    okText: '重置', cancelText: '取消',
    onOk: async () => {
      try {
        const result = await api.resetPassword(user.id);
        replace(result.user);
        setError(null);
        if (result.initialPassword) setPassword({ user: result.user, password: result.initialPassword, reset: true });
      } catch (e) {
        setError({ title: '未能重置密码', error: e });
      }
    },
  });

  const revoke = (user: UserInfo, grant: UserInfo['grants'][number]) => modal.confirm({
    title: `撤销“${user.name}”的角色？`,
    content: `撤销 ${grant.roleName}（${grant.agencyName}${grant.subtree ? '，含下级机关' : ''}）。授权记录保留在安全审计日志中。`,
    okText: '撤销', cancelText: '取消', okButtonProps: { danger: true },
    onOk: () => act('未能撤销角色', () => api.revokeRole(user.id, grant.id), `已撤销“${grant.roleName}”`),
  });

  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    if (!q) return users;
    return users.filter((u) => [u.login, u.name, u.office ?? '', agencyName.get(u.agencyId) ?? ''].some((s) => s.toLowerCase().includes(q)));
  }, [users, search, agencyName]);

  const columns: TableColumnsType<UserInfo> = [
    { title: '登录名', dataIndex: 'login', key: 'login', width: 110, fixed: 'left' },
    { title: '姓名', dataIndex: 'name', key: 'name', width: 90 },
    { title: '机关', key: 'agency', width: 190, render: (_, u) => agencyName.get(u.agencyId) ?? `机关 ${u.agencyId}` },
    { title: '科室', dataIndex: 'office', key: 'office', width: 100, render: (o: string | null) => o || '—' },
    {
      title: '状态', key: 'state', width: 100,
      render: (_, u) => (
        <Space size={[0, 4]} wrap>
          {u.active ? <Tag className="gk-tag-ok">启用</Tag> : <Tag className="gk-tag-off">停用</Tag>}
          {u.mustChangePassword && <Tag className="gk-tag-warn">待改初始密码</Tag>}
        </Space>
      ),
    },
    {
      title: '锁定至', dataIndex: 'lockedUntil', key: 'lockedUntil', width: 130,
      render: (t: string | null) => (lockedNow(t) ? <span className="gk-overdue">{formatTime(t)}</span> : '—'),
    },
    {
      title: '角色', key: 'grants', width: 340,
      render: (_, u) => (u.grants.length === 0 ? <span className="gk-muted">未授予角色</span> : (
        <ul className="gk-grants">
          {u.grants.map((g) => (
            <li key={g.id}>
              <Tag className="gk-tag-role">{g.roleName}</Tag>
              <span className="gk-grant-agency">{g.agencyName}{g.subtree ? '（含下级）' : ''}</span>
              <button type="button" className="gk-link-button gk-grant-revoke" aria-label={`撤销（${u.name}的${g.roleName}，${g.agencyName}）`}
                onClick={() => revoke(u, g)}>撤销</button>
            </li>
          ))}
        </ul>
      )),
    },
    {
      title: '操作', key: 'actions', width: 120,
      render: (_, u) => (
        <div className="gk-row-actions">
          <button type="button" className="gk-link-button" onClick={() => setEditing(u)} aria-label={`修改（${u.name}）`}>修改</button>
          <button type="button" className="gk-link-button" onClick={() => setGranting(u)} aria-label={`授予角色（${u.name}）`}>授予角色</button>
          <button type="button" className="gk-link-button" onClick={() => resetPassword(u)} aria-label={`重置密码（${u.name}）`}>重置密码</button>
          <button type="button" className={u.active ? 'gk-link-button gk-danger-link' : 'gk-link-button'} onClick={() => setActive(u, !u.active)}
            aria-label={`${u.active ? '停用' : '启用'}（${u.name}）`}>{u.active ? '停用' : '启用'}</button>
        </div>
      ),
    },
  ];

  return (
    <div className="gk-page">
      <div className="gk-page-head">
        <Typography.Title level={1} className="gk-page-title">用户与角色</Typography.Title>
        <Button type="primary" onClick={() => setEditing('new')}>新建用户</Button>
      </div>
      {error !== null && <div className="gk-gap gk-form-error"><ErrorAlert error={error.error} title={error.title} onClose={() => setError(null)} /></div>}
      <div className="gk-panel">
        <Space wrap className="gk-filters">
          <Input.Search aria-label="查找用户" placeholder="按登录名、姓名、机关或科室查找" allowClear style={{ width: 300 }}
            value={search} onChange={(e) => setSearch(e.target.value)} />
        </Space>
        <Table<UserInfo>
          rowKey="id" size="middle" loading={loading} columns={columns} dataSource={shown} scroll={{ x: 1250 }}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 个用户` }}
          locale={{ emptyText: '暂无用户。' }}
        />
        <p className="gk-note gk-gap">三员分立：系统管理员、安全管理员、审计管理员不得兼任其他角色；不得为自己授权。角色的授予和撤销记入安全审计日志。</p>
      </div>
      <UserFormDialog open={editing !== null} user={editing === 'new' ? null : editing} agencies={agencies}
        onClose={() => setEditing(null)}
        onSaved={(user, initialPassword) => {
          const isNew = editing === 'new';
          setEditing(null);
          replace(user);
          if (isNew && initialPassword) setPassword({ user, password: initialPassword, reset: false });
          else message.success(`已保存“${user.name}”`);
        }} />
      <GrantDialog user={granting} roles={roles} agencies={agencies} onClose={() => setGranting(null)}
        onGranted={(user) => { setGranting(null); replace(user); message.success(`已为“${user.name}”授予角色`); }} />
      <InitialPasswordDialog shown={password} onClose={() => setPassword(null)} />
    </div>
  );
}
