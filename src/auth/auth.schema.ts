/**
 * TypeBox schemas of the sign-in, user and security-log API: validation, the response types the web
 * UI imports, and the OpenAPI documentation from one source.
 */
import { Type, type Static } from 'typebox';
import { PERMISSION_KEYS } from '../core/access/permissions.js';
import { ROLE_KEYS } from '../core/access/roles.js';

const literals = <T extends readonly string[]>(values: T, description: string) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], description });

export const RoleKeySchema = literals(ROLE_KEYS, '角色');
export const PermissionKeySchema = literals(PERMISSION_KEYS, '权限');

export const SignInBody = Type.Object({
  login: Type.String({ minLength: 1, maxLength: 100, description: '登录名' }),
  password: Type.String({ minLength: 1, maxLength: 200, description: '密码' }),
}, { additionalProperties: false });

export const ChangePasswordBody = Type.Object({
  currentPassword: Type.String({ minLength: 1, maxLength: 200, description: '当前密码' }),
  newPassword: Type.String({ minLength: 1, maxLength: 200, description: '新密码：至少 10 个字符，含大写字母、小写字母、数字、符号中的三类' }),
}, { additionalProperties: false });

export const GrantSchema = Type.Object({
  id: Type.Integer(),
  role: RoleKeySchema,
  roleName: Type.String({ description: '角色名称' }),
  agencyId: Type.Integer(),
  agencyName: Type.String(),
  subtree: Type.Boolean({ description: '是否含下级机关' }),
  grantedAt: Type.String(),
  grantedBy: Type.String(),
});

export const SessionSchema = Type.Object({
  user: Type.Object({
    id: Type.Integer(), login: Type.String(), name: Type.String(), agencyId: Type.Integer(), agencyName: Type.String(),
  }),
  grants: Type.Array(Type.Object({ role: RoleKeySchema, roleName: Type.String(), agencyId: Type.Integer(), agencyName: Type.String(), subtree: Type.Boolean() })),
  permissions: Type.Array(PermissionKeySchema, { description: '在任一机关拥有的权限' }),
  mustChangePassword: Type.Boolean({ description: '须先修改初始密码' }),
  csrfToken: Type.String({ description: '写操作须在请求头 x-csrf-token 中带上此令牌' }),
  idleMinutes: Type.Integer({ description: '无操作超时（分钟）' }),
});

export const UserSchema = Type.Object({
  id: Type.Integer(),
  login: Type.String(),
  name: Type.String(),
  agencyId: Type.Integer(),
  office: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  lockedUntil: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  grants: Type.Array(GrantSchema),
});

export const UserWithPasswordSchema = Type.Object({
  user: UserSchema,
  initialPassword: Type.Optional(Type.String({ description: '系统生成的初始密码，仅显示这一次；首次登录须修改' })),
});

export const NewUserBody = Type.Object({
  login: Type.String({ minLength: 2, maxLength: 40, description: '登录名' }),
  name: Type.String({ minLength: 1, maxLength: 50, description: '姓名' }),
  agencyId: Type.Integer({ minimum: 1, maximum: 2147483647, description: '所在机关' }),
  office: Type.Optional(Type.Union([Type.String({ maxLength: 50 }), Type.Null()], { description: '科室' })),
  phone: Type.Optional(Type.Union([Type.String({ maxLength: 30 }), Type.Null()], { description: '联系电话（接收通知）' })),
  password: Type.Optional(Type.String({ maxLength: 200, description: '初始密码；省略时由系统生成' })),
}, { additionalProperties: false });

export const UserChangesBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  agencyId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
  office: Type.Optional(Type.Union([Type.String({ maxLength: 50 }), Type.Null()])),
  phone: Type.Optional(Type.Union([Type.String({ maxLength: 30 }), Type.Null()])),
}, { additionalProperties: false });

export const GrantBody = Type.Object({
  role: Type.String({ minLength: 1, maxLength: 40, description: '角色' }),
  agencyId: Type.Integer({ minimum: 1, maximum: 2147483647, description: '机关' }),
  subtree: Type.Optional(Type.Boolean({ description: '含下级机关' })),
}, { additionalProperties: false });

export const UserIdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647, description: '用户编号' }) });
export const GrantParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  grantId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
});

export const RoleInfoSchema = Type.Object({
  key: RoleKeySchema, name: Type.String(), description: Type.String(), administrator: Type.Boolean(),
  permissions: Type.Array(Type.Object({ key: PermissionKeySchema, name: Type.String() })),
});

export const SecurityEventSchema = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  type: Type.String(),
  typeName: Type.String({ description: '事件类型名称' }),
  success: Type.Boolean(),
  actorId: Type.Union([Type.Integer(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  login: Type.Union([Type.String(), Type.Null()]),
  target: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
});

export const SecurityLogQuery = Type.Object({
  type: Type.Optional(Type.String({ maxLength: 40 })),
  login: Type.Optional(Type.String({ maxLength: 100 })),
  from: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}', description: '起始时间（含）' })),
  to: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}', description: '截止时间（不含）' })),
  beforeId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
});

export type SessionInfo = Static<typeof SessionSchema>;
export type UserInfo = Static<typeof UserSchema>;
export type RoleInfo = Static<typeof RoleInfoSchema>;
export type SecurityEventInfo = Static<typeof SecurityEventSchema>;
