/**
 * Typed domain errors with stable codes. The HTTP layer maps them to status codes in one place
 * (src/http/error-handler.ts); the CLI prints their message without a stack trace.
 */

/** Where in the input a problem is: a field path, a cell, a line. */
export interface ErrorPlace {
  field?: string;
  cell?: { table: string; row: string[]; column: string[] };
  index?: number;
  line?: number;
}

/** Base class: a stable code, a Chinese message for the user, and details. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: { place?: ErrorPlace; problems?: ProblemDetail[] } = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** One problem in a list of problems (a file can have many). */
export interface ProblemDetail {
  message: string;
  place?: ErrorPlace;
}

/** Input that is malformed or breaks a rule of the format (HTTP 400). */
export class ValidationError extends DomainError {
  constructor(message: string, place?: ErrorPlace, problems?: ProblemDetail[]) {
    super('VALIDATION_FAILED', message, { place, problems });
  }
}

/** A thing that does not exist (HTTP 404). */
export class NotFoundError extends DomainError {
  constructor(message: string) {
    super('NOT_FOUND', message);
  }
}

/** A request that conflicts with the current state, e.g. editing a published report (HTTP 409). */
export class ConflictError extends DomainError {
  constructor(message: string, code = 'CONFLICT', problems?: ProblemDetail[]) {
    super(code, message, problems ? { problems } : {});
  }
}

/** Input too large to accept (HTTP 413). */
export class TooLargeError extends DomainError {
  constructor(message: string) {
    super('PAYLOAD_TOO_LARGE', message);
  }
}

/** No valid session, or a failed sign-in (HTTP 401). The message never says which part was wrong. */
export class AuthenticationError extends DomainError {
  constructor(message: string, code = 'UNAUTHENTICATED') {
    super(code, message);
  }
}

/** Signed in, but without the permission the request needs (HTTP 403); the message names it. */
export class ForbiddenError extends DomainError {
  constructor(message: string, code = 'FORBIDDEN') {
    super(code, message);
  }
}

/** A configuration value that cannot be used (src/config.ts), naming the environment variable. */
export class ConfigError extends DomainError {
  constructor(readonly variable: string, message: string) {
    super('CONFIG_INVALID', message, { place: { field: variable } });
  }
}

/** Too many requests from one place in a short time (HTTP 429). */
export class RateLimitedError extends DomainError {
  constructor(message: string) {
    super('RATE_LIMITED', message);
  }
}
