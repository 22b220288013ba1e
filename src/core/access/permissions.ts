/**
 * Permissions: what a request may need. Each has a Chinese name, used in the 403 message that names
 * what is missing and in the UI. Which role grants which is in roles.ts.
 */

/** Every permission key with its Chinese name. */
export const PERMISSIONS = {
  'agency.read': '查看机关',
  'agency.manage': '维护机关',
  'report.read': '查看年度报告（含草稿）',
  'report.edit': '编辑年度报告',
  'report.import': '导入年度报告',
  'report.publish': '发布年度报告',
  'application.read': '查看政府信息公开申请',
  'application.register': '登记政府信息公开申请',
  'application.handle': '办理政府信息公开申请',
  'application.personal': '查看申请人个人信息',
  'application.extend': '批准延期答复',
  'period.override': '批准变更已发布年度的统计数据',
  'statistics.read': '查看办理情况统计',
  'calendar.manage': '维护工作日历',
  'user.manage': '管理用户和角色',
  'security-log.read': '查阅安全审计日志',
  'item.read': '查看主动公开信息（含草稿和审核记录）',
  'item.draft': '起草和修改主动公开信息',
  'item.first-review': '初审主动公开信息',
  'item.secrecy-review': '保密审查主动公开信息',
  'item.sign-off': '核审签发主动公开信息',
  'item.publish': '发布和撤回主动公开信息',
  'item.import': '导入平台启用前已公开的信息',
  'catalogue.edit': '维护主动公开基本目录和政府信息公开指南',
  'checklist.review': '每月检查清理已发布信息',
  'audit.run': '核查年度报告',
  'proposal.read': '查看建议提案办理情况',
  'proposal.handle': '登记和办理建议提案',
} as const;

/** A permission key. */
export type Permission = keyof typeof PERMISSIONS;

/** Every permission key. */
export const PERMISSION_KEYS = Object.keys(PERMISSIONS) as Permission[];

/** The Chinese name of a permission. */
export function permissionName(permission: Permission): string {
  return PERMISSIONS[permission];
}
