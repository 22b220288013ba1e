/**
 * The security log's details in words: each event's `detail` object (English keys as stored) turned
 * into Chinese "名称：值" parts. Permission names and event type names come from the server's own
 * tables in src/core/access (pure data, one source); agency ids are named from GET /api/agencies.
 */
import { PERMISSIONS } from '../../src/core/access/permissions.js';
import { SECURITY_EVENT_TYPES } from '../../src/core/access/security-events.js';
import type { SecurityEventInfo } from './api-types.js';
import { formatTime } from './labels.js';

export { SECURITY_EVENT_TYPES };

/** Why a sign-in failed or a session ended. */
const REASONS: Record<string, string> = {
  'unknown-login': '登录名不存在',
  'wrong-password': '密码错误',
  locked: '账户已锁定',
  disabled: '账户已停用',
  idle: '长时间无操作',
  absolute: '超过会话最长时限',
  'sign-out': '退出登录',
};

/** Field names of user records and filters. */
const FIELDS: Record<string, string> = {
  name: '姓名', office: '科室', phone: '联系电话', login: '登录名', type: '事件类型', from: '起始', to: '截止',
  beforeId: '早于序号', limit: '条数', reports: '涉及报告', reason: '原因', approver: '批准人', caseNo: '登记号', via: '访问方式',
};

type Names = ReadonlyMap<number, string>;

function plain(value: unknown): string {
  if (value === null || value === undefined || value === '') return '空';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

function agency(value: unknown, agencies: Names): string {
  return typeof value === 'number' ? agencies.get(value) ?? `机关（编号 ${value}）` : plain(value);
}

function permission(value: unknown): string {
  const name = (v: unknown) => (typeof v === 'string' && v in PERMISSIONS ? PERMISSIONS[v as keyof typeof PERMISSIONS] : plain(v));
  return Array.isArray(value) ? value.map(name).join('、') : name(value);
}

/** A record of fields (a user's old or new values, an export's filter) in words. */
function fields(value: unknown, agencies: Names): string {
  if (typeof value !== 'object' || value === null) return plain(value);
  const parts = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => (k === 'agencyId' ? `机关：${agency(v, agencies)}` : k === 'type' && typeof v === 'string'
      ? `事件类型：${SECURITY_EVENT_TYPES[v as keyof typeof SECURITY_EVENT_TYPES] ?? v}`
      : `${FIELDS[k] ?? k}：${plain(v)}`));
  return parts.length ? parts.join('，') : '无';
}

/** The parts of an event's detail, in words (empty when there is none). */
export function detailParts(event: Pick<SecurityEventInfo, 'detail'>, agencies: Names = new Map()): string[] {
  const d = event.detail;
  if (!d) return [];
  const parts: string[] = [];
  for (const [key, value] of Object.entries(d)) {
    switch (key) {
      case 'reason': parts.push(`原因：${typeof value === 'string' ? REASONS[value] ?? value : plain(value)}`); break;
      case 'until': parts.push(`锁定至：${typeof value === 'string' ? formatTime(value) : plain(value)}`); break;
      case 'lockouts': parts.push(`第 ${plain(value)} 次锁定`); break;
      case 'role': if (!('roleName' in d)) parts.push(`角色：${plain(value)}`); break;
      case 'roleName': parts.push(`角色：${plain(value)}`); break;
      case 'agencyName': break;
      case 'agencyId': if (value !== null) parts.push(`机关：${typeof d.agencyName === 'string' ? d.agencyName : agency(value, agencies)}`); break;
      case 'subtree': parts.push(value ? '含下级机关' : '不含下级机关'); break;
      case 'grantId': parts.push(`授权编号：${plain(value)}`); break;
      case 'rows': parts.push(`导出 ${plain(value)} 条`); break;
      case 'filter': parts.push(`筛选条件：${fields(value, agencies)}`); break;
      case 'permission': parts.push(`所需权限：${permission(value)}`); break;
      case 'old': parts.push(`修改前：${fields(value, agencies)}`); break;
      case 'new': parts.push(`修改后：${fields(value, agencies)}`); break;
      default: parts.push(`${FIELDS[key] ?? key}：${plain(value)}`);
    }
  }
  return parts;
}

/** The object of an event in words: `user:12` → 用户（编号 12）; a refused request as method and path. */
export function targetText(target: string | null): string {
  if (!target) return '';
  const user = /^user:(\d+)$/.exec(target);
  if (user) return `用户（编号 ${user[1]}）`;
  const application = /^application:(\d+)$/.exec(target);
  if (application) return `政府信息公开申请（编号 ${application[1]}）`;
  const report = /^report:(\d+)$/.exec(target);
  if (report) return `年度报告（编号 ${report[1]}）`;
  return target;
}
