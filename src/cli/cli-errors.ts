/**
 * How the command line reports failures. Exit codes: 0 success, 1 the report has hard failures
 * (only `report check`), 2 anything the user must fix (usage, files, domain errors), 3 an internal error.
 */
import { DomainError, type ErrorPlace, type ProblemDetail } from '../core/errors.js';

/** Exit code: the checked report breaks a hard rule. */
export const EXIT_HARD_FAILURES = 1;
/** Exit code: wrong usage, unreadable input, a domain error. */
export const EXIT_ERROR = 2;
/** Exit code: a bug or an unexpected environment failure. */
export const EXIT_INTERNAL = 3;

/** Problems listed under a validation error; the rest are counted. */
const MAX_LISTED_PROBLEMS = 20;

/** Wrong command line: the message is followed by the usage text of the command. */
export class UsageError extends Error {
  constructor(message: string, readonly usage: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A failure the user can fix (missing file, bad option value) that is not a domain error. */
export class CliError extends Error {
  constructor(message: string, readonly hint?: string) {
    super(message);
    this.name = 'CliError';
  }
}

/** Describes where a problem is: the field, the cell's labels, the line. */
export function describePlace(place: ErrorPlace | undefined): string {
  if (!place) return '';
  const parts: string[] = [];
  if (place.field) parts.push(place.field);
  if (place.cell) parts.push(`表${place.cell.table}“${place.cell.row.join(' › ')}”行“${place.cell.column.join(' › ')}”列`);
  if (place.line !== undefined) parts.push(`第 ${place.line} 行`);
  return parts.join('，');
}

function problemLine(problem: ProblemDetail): string {
  const place = describePlace(problem.place);
  return `  · ${place ? `${place}：` : ''}${problem.message}`;
}

/** Lines written to stderr for an error, and the exit code. No stack trace unless debugging. */
export function describeError(error: unknown, debug: boolean): { lines: string[]; exitCode: number } {
  if (error instanceof UsageError) {
    return { lines: [`错误：${error.message}`, '', error.usage], exitCode: EXIT_ERROR };
  }
  if (error instanceof CliError) {
    return { lines: [`错误：${error.message}`, ...(error.hint ? [error.hint] : [])], exitCode: EXIT_ERROR };
  }
  if (error instanceof DomainError) {
    const lines = [`错误：${error.message}`];
    const problems = error.details.problems ?? [];
    for (const problem of problems.slice(0, MAX_LISTED_PROBLEMS)) lines.push(problemLine(problem));
    if (problems.length > MAX_LISTED_PROBLEMS) lines.push(`  ……另有 ${problems.length - MAX_LISTED_PROBLEMS} 处问题未列出`);
    if (debug && error.stack) lines.push(error.stack);
    return { lines, exitCode: EXIT_ERROR };
  }
  const message = error instanceof Error ? error.message : String(error);
  const lines = [`内部错误：${message.split('\n')[0]}`];
  if (debug && error instanceof Error && error.stack) lines.push(error.stack);
  return { lines, exitCode: EXIT_INTERNAL };
}
