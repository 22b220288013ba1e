/**
 * The ONE place where errors become HTTP responses. Domain errors keep their stable code and
 * Chinese message; Fastify's own errors (schema validation, body too large, bad JSON, unknown
 * media type) are translated to formal Chinese naming the field; anything else is a 500 whose
 * details are logged and never sent to the client.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AuthenticationError, ConflictError, DomainError, ForbiddenError, NotFoundError, RateLimitedError, TooLargeError, ValidationError,
  type ProblemDetail,
} from '../core/errors.js';
import { MAX_REPORT_BYTES } from '../core/interchange/decode.js';

/** The JSON body of every error response. */
export interface ErrorBody {
  code: string;
  message: string;
  problems?: ProblemDetail[];
}

/** An error translated for HTTP. */
export interface HttpError {
  statusCode: number;
  body: ErrorBody;
}

/** One schema-validation error as Ajv (and TypeBox, which mirrors Ajv) reports it. */
interface SchemaError {
  instancePath?: string;
  keyword: string;
  params?: Record<string, unknown>;
  message?: string;
}

const PART_NAMES: Record<string, string> = {
  body: '请求体', querystring: '查询参数', params: '路径参数', headers: '请求头',
};

const TYPE_NAMES: Record<string, string> = {
  integer: '整数', number: '数字', string: '文字', boolean: '布尔值（true 或 false）',
  object: '对象', array: '数组', null: 'null',
};

/** `/cells/3/value` → `cells[3].value` (how the interchange messages name fields too). */
function fieldName(instancePath: string, child?: string): string {
  const parts = instancePath.split('/').filter(Boolean).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (child !== undefined) parts.push(child);
  return parts.reduce((name, p) => (/^\d+$/.test(p) ? `${name}[${p}]` : name ? `${name}.${p}` : p), '');
}

function typeName(type: unknown): string {
  const list = Array.isArray(type) ? type : String(type).split(',');
  return list.map((t) => TYPE_NAMES[String(t)] ?? String(t)).join('或');
}

/** Translates the schema-validation errors of one request part into one Chinese sentence. */
export function translateSchemaErrors(errors: readonly SchemaError[], part: string): { message: string; field: string } {
  const where = PART_NAMES[part] ?? part;
  // A union (anyOf) of literals reports one `const` error per branch: gather them into one list.
  const first = errors.find((e) => e.keyword !== 'anyOf' && e.keyword !== 'const' && e.keyword !== 'enum') ?? errors[0];
  if (!first) return { message: `${where}无效`, field: '' };
  const path = first.instancePath ?? '';
  const allowed = errors
    .filter((e) => (e.instancePath ?? '') === path)
    .flatMap((e) => (e.keyword === 'const' ? [e.params?.allowedValue] : e.keyword === 'enum' ? (e.params?.allowedValues as unknown[]) ?? [] : []));
  const field = fieldName(path);
  const subject = field ? `${where}${part === 'body' ? '字段' : ''}“${field}”` : where;
  const p = first.params ?? {};
  if (allowed.length > 0 && (first.keyword === 'anyOf' || first.keyword === 'const' || first.keyword === 'enum' || first.keyword === 'type')) {
    return { field, message: `${subject}应为以下之一：${allowed.map((v) => String(v)).join('、')}` };
  }
  switch (first.keyword) {
    case 'required': {
      const missing = String(p.missingProperty ?? '');
      return { field: fieldName(path, missing), message: `${where}缺少必填字段“${fieldName(path, missing)}”` };
    }
    case 'additionalProperties': {
      const extra = String(p.additionalProperty ?? '');
      return { field: fieldName(path, extra), message: `${where}含有不允许的字段“${fieldName(path, extra)}”` };
    }
    case 'type':
      return { field, message: `${subject}应为${typeName(p.type)}` };
    case 'minimum':
    case 'exclusiveMinimum':
      return { field, message: `${subject}不得小于${first.keyword === 'exclusiveMinimum' ? '或等于' : ''} ${String(p.limit)}` };
    case 'maximum':
    case 'exclusiveMaximum':
      return { field, message: `${subject}不得大于${first.keyword === 'exclusiveMaximum' ? '或等于' : ''} ${String(p.limit)}` };
    case 'minLength':
      return { field, message: Number(p.limit) <= 1 ? `${subject}不能为空` : `${subject}至少应有 ${String(p.limit)} 个字符` };
    case 'maxLength':
      return { field, message: `${subject}不得超过 ${String(p.limit)} 个字符` };
    case 'pattern':
      return { field, message: `${subject}格式不正确（应符合 ${String(p.pattern)}）` };
    case 'format':
      return { field, message: `${subject}格式不正确（应为 ${String(p.format)}）` };
    case 'minItems':
      return { field, message: `${subject}至少应有 ${String(p.limit)} 项` };
    case 'maxItems':
      return { field, message: `${subject}不得超过 ${String(p.limit)} 项` };
    default:
      return { field, message: `${subject}无效` };
  }
}

const FASTIFY_CLIENT_ERRORS: Record<string, { statusCode: number; code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    statusCode: 413, code: 'PAYLOAD_TOO_LARGE',
    message: `请求体过大：不得超过 ${MAX_REPORT_BYTES / 1024 / 1024} MB`,
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { statusCode: 400, code: 'INVALID_JSON', message: '请求体不是有效的 JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { statusCode: 400, code: 'INVALID_JSON', message: '请求体不是有效的 JSON：内容为空' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的请求体类型，请以 application/json 提交',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { statusCode: 400, code: 'BAD_REQUEST', message: '请求体长度与 Content-Length 不符' },
};

function domainStatus(error: DomainError): number {
  if (error instanceof ValidationError) return 400;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ConflictError) return 409;
  if (error instanceof TooLargeError) return 413;
  if (error instanceof AuthenticationError) return 401;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof RateLimitedError) return 429;
  return 400;
}

/**
 * Maps any thrown value to a status code and a body. `log` receives the errors that are the
 * server's fault (500) so they are recorded without reaching the client.
 */
export function toHttpError(error: unknown, log: (error: unknown) => void): HttpError {
  if (error instanceof DomainError) {
    const problems = error.details.problems ?? (error.details.place ? [{ message: error.message, place: error.details.place }] : undefined);
    return { statusCode: domainStatus(error), body: { code: error.code, message: error.message, ...(problems ? { problems } : {}) } };
  }
  const fe = error as Partial<FastifyError> & { validation?: SchemaError[]; validationContext?: string };
  if (fe && typeof fe === 'object' && Array.isArray(fe.validation)) {
    const { message, field } = translateSchemaErrors(fe.validation, fe.validationContext ?? 'body');
    return { statusCode: 400, body: { code: 'VALIDATION_FAILED', message, problems: [field ? { message, place: { field } } : { message }] } };
  }
  const known = fe?.code ? FASTIFY_CLIENT_ERRORS[fe.code] : undefined;
  if (known) return { statusCode: known.statusCode, body: { code: known.code, message: known.message } };
  if (fe && typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    // Another client error raised by Fastify or a plugin: its status is right, its English text is not for users.
    return { statusCode: fe.statusCode, body: { code: 'BAD_REQUEST', message: `请求无效（${fe.code ?? fe.statusCode}）` } };
  }
  log(error);
  return { statusCode: 500, body: { code: 'INTERNAL', message: '服务器内部错误' } };
}

/** Options for the error handler: how a page (not an API call) shows an error, if at all. */
export interface ErrorHandlerOptions {
  /** Returns an HTML page for the error when the request is for a page, or null for JSON. */
  htmlPage?: (request: FastifyRequest, error: HttpError) => string | null;
}

/** Installs the error handler on the app (inherited by every route plugin). */
export function installErrorHandler(app: FastifyInstance, options: ErrorHandlerOptions = {}): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const http = toHttpError(error, (err) => request.log.error({ err }, '未处理的服务器错误'));
    const page = options.htmlPage?.(request, http) ?? null;
    reply.code(http.statusCode);
    if (page !== null) return reply.type('text/html; charset=utf-8').send(page);
    return reply.type('application/json; charset=utf-8').send(http.body);
  });
}
