/**
 * The password policy: 等保 2.0 身份鉴别 (GB/T 22239-2019 8.1.4.1 a) asks for complexity; the issue
 * sets at least 10 characters from at least three of four classes, and not the login itself.
 */

/** Minimum length of a password. */
export const MIN_PASSWORD_LENGTH = 10;

const CLASSES: readonly [RegExp, string][] = [
  [/[a-z]/, '小写字母'], [/[A-Z]/, '大写字母'], [/[0-9]/, '数字'], [/[^A-Za-z0-9]/, '符号'],
];

/** The problems of a new password, in Chinese; empty when it is acceptable. */
export function passwordProblems(password: string, login?: string): string[] {
  const problems: string[] = [];
  if ([...password].length < MIN_PASSWORD_LENGTH) problems.push(`密码至少应有 ${MIN_PASSWORD_LENGTH} 个字符`);
  const classes = CLASSES.filter(([re]) => re.test(password)).length;
  if (classes < 3) problems.push('密码应至少包含大写字母、小写字母、数字、符号中的三类');
  if (login && password.toLowerCase().includes(login.toLowerCase())) problems.push('密码不得包含登录名');
  if (password.length > 200) problems.push('密码不得超过 200 个字符');
  return problems;
}
