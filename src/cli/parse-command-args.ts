/**
 * node:util parseArgs with the command line's own error messages: an unknown option, a missing
 * value or an extra argument becomes a UsageError carrying the command's help text.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cli-errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's arguments (strict); `--help` is always accepted. */
export function parseCommandArgs<O extends Options>(args: string[], options: O, usage: string, maxPositionals: number) {
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true }) as typeof parsed;
  } catch (e) {
    throw new UsageError(translate(e as Error & { code?: string }), usage);
  }
  if (!parsed.values.help && parsed.positionals.length > maxPositionals) {
    throw new UsageError(`多余的参数：${parsed.positionals.slice(maxPositionals).join(' ')}`, usage);
  }
  return parsed as {
    values: { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string } & { help?: boolean };
    positionals: string[];
  };
}

function translate(error: Error & { code?: string }): string {
  const option = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `未知选项 ${option}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `选项 ${option.split(' ')[0]} 的值有误（需要一个值，或该选项不接受值）`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多余的参数 ${option}`;
    default:
      return error.message;
  }
}

/** Reads a required positional argument or throws a usage error naming it. */
export function requirePositional(positionals: string[], index: number, name: string, usage: string): string {
  const value = positionals[index];
  if (value === undefined || value === '') throw new UsageError(`缺少参数 ${name}`, usage);
  return value;
}

/** Parses a year option (four digits). */
export function parseYear(value: string, usage: string): number {
  if (!/^\d{4}$/.test(value)) throw new UsageError(`年度应为四位数字，如 2019，实际为“${value}”`, usage);
  return Number(value);
}

/** Parses a positive integer option (a version number). */
export function parsePositiveInt(value: string, name: string, usage: string): number {
  if (!/^[1-9]\d{0,8}$/.test(value)) throw new UsageError(`${name} 应为正整数，实际为“${value}”`, usage);
  return Number(value);
}
