/**
 * Roles and the permissions each grants, as data. A role is held in an agency (optionally with its
 * subtree); a permission is always checked against the agency a request touches. Role keys and the
 * Chinese names follow the seed's procedure ("谁审查、谁负责，谁公开、谁负责") and 等保 2.0 三员分立
 * (GB/T 22239-2019 8.1.5: system, security and audit administrators kept apart).
 */
import type { Permission } from './permissions.js';

/** Every role key. */
export const ROLE_KEYS = [
  'drafter', 'office-head', 'secrecy-reviewer', 'leader', 'publisher', 'case-handler', 'supervisor',
  'system-admin', 'security-admin', 'audit-admin',
] as const;

/** A role key. */
export type Role = (typeof ROLE_KEYS)[number];

/** What a role is called, what it is for, and what it may do. */
export interface RoleDefinition {
  key: Role;
  name: string;
  description: string;
  /** One of the three administrator roles (三员), which hold no other role at the same time. */
  administrator: boolean;
  permissions: readonly Permission[];
}

const READ_BUSINESS: readonly Permission[] = ['agency.read', 'report.read'];

/** The roles, in the order the UI lists them. */
export const ROLES: Readonly<Record<Role, RoleDefinition>> = {
  drafter: {
    key: 'drafter', name: '经办人', description: '起草主动公开信息、年度报告等待审核的材料', administrator: false,
    permissions: [...READ_BUSINESS, 'report.edit', 'item.read', 'item.draft', 'catalogue.edit', 'proposal.read', 'proposal.handle'],
  },
  'office-head': {
    key: 'office-head', name: '科室负责人', description: '初审本科室起草的材料', administrator: false,
    permissions: [...READ_BUSINESS, 'report.edit', 'application.read', 'statistics.read', 'item.read', 'item.draft', 'item.first-review', 'proposal.read', 'proposal.handle'],
  },
  'secrecy-reviewer': {
    key: 'secrecy-reviewer', name: '保密审查员', description: '办公室保密审查；每月检查清理已发布信息', administrator: false,
    permissions: [...READ_BUSINESS, 'item.read', 'item.secrecy-review', 'checklist.review'],
  },
  leader: {
    key: 'leader', name: '领导', description: '核审签发；批准延期答复和已发布年度数据的变更', administrator: false,
    permissions: [...READ_BUSINESS, 'application.read', 'statistics.read', 'application.extend', 'period.override', 'item.read', 'item.sign-off', 'proposal.read'],
  },
  publisher: {
    key: 'publisher', name: '信息公开专职人员', description: '发布主动公开信息和年度报告，登记和办理政府信息公开申请', administrator: false,
    permissions: [
      ...READ_BUSINESS, 'report.edit', 'report.publish', 'report.import',
      'application.read', 'application.register', 'application.handle', 'application.personal', 'statistics.read',
      'item.read', 'item.publish', 'item.import', 'catalogue.edit', 'proposal.read',
    ],
  },
  'case-handler': {
    key: 'case-handler', name: '依申请公开承办人', description: '办理分配给本人的政府信息公开申请', administrator: false,
    permissions: [...READ_BUSINESS, 'application.read', 'application.handle', 'application.personal', 'statistics.read'],
  },
  supervisor: {
    key: 'supervisor', name: '上级监督', description: '查阅并核查所辖机关的年度报告和办理情况', administrator: false,
    permissions: [...READ_BUSINESS, 'application.read', 'statistics.read', 'item.read', 'audit.run', 'proposal.read'],
  },
  'system-admin': {
    key: 'system-admin', name: '系统管理员', description: '维护机关、工作日历和系统设置', administrator: true,
    permissions: ['agency.read', 'agency.manage', 'calendar.manage'],
  },
  'security-admin': {
    key: 'security-admin', name: '安全管理员', description: '管理用户和角色', administrator: true,
    permissions: ['agency.read', 'user.manage'],
  },
  'audit-admin': {
    key: 'audit-admin', name: '审计管理员', description: '查阅和导出安全审计日志', administrator: true,
    permissions: ['security-log.read'],
  },
};

/** Whether a string is a role key. */
export function isRole(value: string): value is Role {
  return (ROLE_KEYS as readonly string[]).includes(value);
}

/** The permissions a role grants. */
export function permissionsOf(role: Role): readonly Permission[] {
  return ROLES[role].permissions;
}

/**
 * Why a person may not hold `adding` beside `held` (等保 2.0 三员分立: each administrator role is kept
 * apart from the other two and from every business role), or null when it is allowed.
 */
export function separationConflict(held: readonly Role[], adding: Role): string | null {
  const others = held.filter((r) => r !== adding);
  if (others.length === 0) return null;
  if (ROLES[adding].administrator) {
    return `${ROLES[adding].name}不得同时担任其他角色（已担任：${others.map((r) => ROLES[r].name).join('、')}），三员分立`;
  }
  const admin = others.find((r) => ROLES[r].administrator);
  return admin ? `${ROLES[admin].name}不得同时担任业务角色“${ROLES[adding].name}”，三员分立` : null;
}
