/**
 * gongkai user add|list|disable|enable|reset-password|grant|revoke: users and their roles from the
 * command line of the server, on the same database. This is how the FIRST administrator of an
 * installation is created (no user exists yet, so nobody can sign in to do it). Every change runs in
 * one transaction through the user service, is written to the security log and acts as the named
 * local operator (CLI_ACTOR). Passwords are read from standard input, never from the command line
 * (where they would show in the shell history and the process list).
 */
import { ROLE_KEYS, ROLES, type Role } from '../core/access/roles.js';
import { CLI_ACTOR, type CliContext, type Services } from '../cli/cli-context.js';
import { CliError, UsageError } from '../cli/cli-errors.js';
import { parseCommandArgs, requirePositional } from '../cli/parse-command-args.js';
import { resolveAgency } from '../cli/resolve-agency.js';
import { formatTable } from '../cli/text-table.js';
import { USER_USAGE } from '../cli/usage.js';
import type { Grant, User } from './user.service.js';

/** A role named on the command line: its key (security-admin) or its Chinese name (安全管理员). */
export function parseRole(value: string | undefined): Role {
  if (value === undefined || value.trim() === '') throw new UsageError('缺少选项 --role（角色）', USER_USAGE);
  const text = value.trim();
  const role = ROLE_KEYS.find((key) => key === text || ROLES[key].name === text);
  if (!role) {
    throw new UsageError(`未知角色“${text}”，应为：${ROLE_KEYS.map((key) => `${key}（${ROLES[key].name}）`).join('、')}`, USER_USAGE);
  }
  return role;
}

function requireOption(value: string | undefined, option: string, label: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`缺少选项 ${option}（${label}）`, USER_USAGE);
  return value;
}

/** The password on standard input: its first line, without the line break. */
async function passwordFromStdin(ctx: CliContext): Promise<string> {
  const text = await ctx.readStdin();
  const password = text.split(/\r?\n/)[0] ?? '';
  if (password === '') throw new CliError('标准输入中没有密码', '用法示例：printf "%s\\n" "$PASSWORD" | gongkai user add … --password-stdin');
  return password;
}

const grantText = (g: Grant) => `${g.roleName}（${g.agencyName}${g.subtree ? '及下级机关' : ''}）`;

function stateText(user: User, now: string): string {
  if (!user.active) return '已停用';
  if (user.lockedUntil && user.lockedUntil > now) return `锁定至 ${user.lockedUntil}`;
  return '启用';
}

function describeUser(user: User, agencyName: string): string {
  const grants = user.grants.length === 0 ? '无' : user.grants.map(grantText).join('、');
  return `${user.login}（${user.name}，${agencyName}${user.office ? `，${user.office}` : ''}），角色：${grants}`;
}

async function agencyNameOf(services: Services, id: number): Promise<string> {
  return (await services.agencies.get(id)).name;
}

/** Runs the common shape of a user command: parse, show help, run in one transaction. */
async function run<O extends Parameters<typeof parseCommandArgs>[1]>(
  args: string[], ctx: CliContext, options: O, positionals: number,
  work: (parsed: ReturnType<typeof parseCommandArgs<O>>) => Promise<number>,
): Promise<number> {
  const parsed = parseCommandArgs(args, options, USER_USAGE, positionals);
  if (parsed.values.help) {
    ctx.out(USER_USAGE);
    return 0;
  }
  return work(parsed);
}

/** gongkai user add. */
export function userAddCommand(args: string[], ctx: CliContext): Promise<number> {
  return run(args, ctx, {
    login: { type: 'string' }, name: { type: 'string' }, agency: { type: 'string', short: 'a' }, role: { type: 'string', multiple: true },
    subtree: { type: 'boolean' }, office: { type: 'string' }, phone: { type: 'string' },
    'password-stdin': { type: 'boolean' }, 'no-change-required': { type: 'boolean' },
  } as const, 0, async ({ values }) => {
    const login = requireOption(values.login, '--login', '登录名');
    const name = requireOption(values.name, '--name', '姓名');
    const agencyRef = requireOption(values.agency, '--agency', '所在机关');
    const roles = ((values.role ?? []) as string[]).map(parseRole);
    if (roles.length === 0) parseRole(undefined);
    if (values['no-change-required'] && !values['password-stdin']) {
      throw new UsageError('--no-change-required 只能与 --password-stdin 一起使用：系统生成的初始密码须在首次登录时修改', USER_USAGE);
    }
    const password = values['password-stdin'] ? await passwordFromStdin(ctx) : undefined;
    const { user, initialPassword, agencyName } = await ctx.transaction(async (services) => {
      const agency = await resolveAgency(services, agencyRef);
      const added = await services.users.add({
        login, name, agencyId: agency.id, office: values.office ?? null, phone: values.phone ?? null,
        ...(password !== undefined ? { password, mustChangePassword: !values['no-change-required'] } : {}),
      }, CLI_ACTOR);
      let user = added.user;
      for (const role of roles) user = await services.users.grant(user.id, { role, agencyId: agency.id, subtree: values.subtree === true }, CLI_ACTOR);
      return { user, initialPassword: added.initialPassword, agencyName: agency.name };
    });
    const lines = [`已添加用户 ${describeUser(user, agencyName)}`];
    if (initialPassword) {
      lines.push(`初始密码（仅显示这一次，请妥善转交；首次登录时须修改）：${initialPassword}`);
    } else if (user.mustChangePassword) {
      lines.push('首次登录时须修改密码。');
    }
    ctx.out(lines.join('\n'));
    return 0;
  });
}

/** gongkai user list. */
export function userListCommand(args: string[], ctx: CliContext): Promise<number> {
  return run(args, ctx, {} as const, 0, async () => {
    const services = await ctx.services();
    const users = await services.users.list();
    if (users.length === 0) {
      ctx.out('尚无用户。可用“gongkai user add --login 登录名 --name 姓名 --agency 机关 --role security-admin --subtree”添加第一个安全管理员。');
      return 0;
    }
    const agencies = new Map((await services.agencies.list()).map((a) => [a.id, a.name]));
    const now = ctx.clock();
    ctx.out([
      formatTable(
        [{ header: '编号', align: 'right' }, { header: '登录名' }, { header: '姓名' }, { header: '所在机关' }, { header: '科室' },
          { header: '状态' }, { header: '须改密码' }, { header: '角色' }],
        users.map((u) => [
          String(u.id), u.login, u.name, agencies.get(u.agencyId) ?? String(u.agencyId), u.office ?? '', stateText(u, now),
          u.mustChangePassword ? '是' : '否', u.grants.length === 0 ? '无' : u.grants.map(grantText).join('、'),
        ]),
      ),
      `共 ${users.length} 个用户`,
    ].join('\n'));
    return 0;
  });
}

/** gongkai user disable L / enable L. */
function activeCommand(active: boolean) {
  return (args: string[], ctx: CliContext): Promise<number> => run(args, ctx, {} as const, 1, async ({ positionals }) => {
    const login = requirePositional(positionals, 0, 'LOGIN（登录名）', USER_USAGE);
    const user = await ctx.transaction(async (services) => services.users.setActive((await services.users.byLogin(login)).id, active, CLI_ACTOR));
    ctx.out(active ? `已启用用户 ${user.login}（${user.name}）。` : `已停用用户 ${user.login}（${user.name}），其会话已结束。`);
    return 0;
  });
}

export const userDisableCommand = activeCommand(false);
export const userEnableCommand = activeCommand(true);

/** gongkai user reset-password L [--password-stdin]. */
export function userResetPasswordCommand(args: string[], ctx: CliContext): Promise<number> {
  return run(args, ctx, { 'password-stdin': { type: 'boolean' } } as const, 1, async ({ values, positionals }) => {
    const login = requirePositional(positionals, 0, 'LOGIN（登录名）', USER_USAGE);
    const password = values['password-stdin'] ? await passwordFromStdin(ctx) : undefined;
    const { user, initialPassword } = await ctx.transaction(async (services) =>
      services.users.resetPassword((await services.users.byLogin(login)).id, CLI_ACTOR, password));
    const lines = [`已重置用户 ${user.login}（${user.name}）的密码，锁定已解除，其会话已结束；下次登录时须修改密码。`];
    if (initialPassword) lines.push(`新的初始密码（仅显示这一次）：${initialPassword}`);
    ctx.out(lines.join('\n'));
    return 0;
  });
}

/** gongkai user grant L --role ROLE --agency 机关 [--subtree]. */
export function userGrantCommand(args: string[], ctx: CliContext): Promise<number> {
  return run(args, ctx, { role: { type: 'string' }, agency: { type: 'string', short: 'a' }, subtree: { type: 'boolean' } } as const, 1,
    async ({ values, positionals }) => {
      const login = requirePositional(positionals, 0, 'LOGIN（登录名）', USER_USAGE);
      const role = parseRole(values.role as string | undefined);
      const agencyRef = requireOption(values.agency as string | undefined, '--agency', '机关');
      const { user, agencyName } = await ctx.transaction(async (services) => {
        const agency = await resolveAgency(services, agencyRef);
        const target = await services.users.byLogin(login);
        const user = await services.users.grant(target.id, { role, agencyId: agency.id, subtree: values.subtree === true }, CLI_ACTOR);
        return { user, agencyName: await agencyNameOf(services, user.agencyId) };
      });
      ctx.out(`已授予角色。${describeUser(user, agencyName)}`);
      return 0;
    });
}

/** gongkai user revoke L --role ROLE --agency 机关 (every such grant, with or without subtree). */
export function userRevokeCommand(args: string[], ctx: CliContext): Promise<number> {
  return run(args, ctx, { role: { type: 'string' }, agency: { type: 'string', short: 'a' } } as const, 1, async ({ values, positionals }) => {
    const login = requirePositional(positionals, 0, 'LOGIN（登录名）', USER_USAGE);
    const role = parseRole(values.role as string | undefined);
    const agencyRef = requireOption(values.agency as string | undefined, '--agency', '机关');
    const { user, agencyName } = await ctx.transaction(async (services) => {
      const agency = await resolveAgency(services, agencyRef);
      let user = await services.users.byLogin(login);
      const grants = user.grants.filter((g) => g.role === role && g.agencyId === agency.id);
      if (grants.length === 0) throw new CliError(`用户 ${user.login} 在“${agency.name}”没有“${ROLES[role].name}”角色`);
      for (const g of grants) user = await services.users.revoke(user.id, g.id, CLI_ACTOR);
      return { user, agencyName: await agencyNameOf(services, user.agencyId) };
    });
    ctx.out(`已撤销角色。${describeUser(user, agencyName)}`);
    return 0;
  });
}
