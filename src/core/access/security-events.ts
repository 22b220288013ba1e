/**
 * The kinds of record in the security audit log (等保 2.0 8.1.4.3: every user, important actions and
 * security events, with time, user, type and outcome), with their Chinese names.
 */
export const SECURITY_EVENT_TYPES = {
  'sign-in': '登录',
  'sign-in-failed': '登录失败',
  'locked-out': '账户锁定',
  'sign-out': '退出登录',
  'session-expired': '会话超时',
  'password-changed': '修改密码',
  'password-reset': '重置密码',
  'user-created': '新建用户',
  'user-updated': '修改用户',
  'user-disabled': '停用用户',
  'user-enabled': '启用用户',
  'role-granted': '授予角色',
  'role-revoked': '撤销角色',
  'personal-data-viewed': '查看个人信息',
  'period-lock-override': '变更已发布年度数据',
  'access-denied': '拒绝访问',
  'security-log-exported': '导出安全审计日志',
} as const;

/** A kind of security record. */
export type SecurityEventType = keyof typeof SECURITY_EVENT_TYPES;
