/**
 * Request bodies as raw bytes: JSON is decoded by the same code that reads report files
 * (src/core/interchange/decode.ts), so invalid UTF-8 and malformed JSON get a Chinese message
 * with the byte offset or line and column. The report routes also skip schema validation of the
 * body: the interchange reader (fromInterchange) is the one authority on a report document and
 * reports every problem with its cell, where a schema validator would stop at the first and could
 * coerce or drop values.
 */
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import type { TSchema } from 'typebox';
import { decodeReportFile, MAX_REPORT_BYTES } from '../core/interchange/decode.js';

/** Largest request body accepted (equal to the largest report file). */
export const BODY_LIMIT = MAX_REPORT_BYTES;

/** Replaces Fastify's body parsers with one that reports bad bytes and syntax in Chinese with the place. */
export function installJsonParser(app: FastifyInstance): void {
  // The API speaks JSON only: any other body type is a 415 with a Chinese message.
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_request, body, done) => {
    const bytes = body as Buffer;
    // An empty body is no body (e.g. POST …/check sent with a JSON content type).
    if (bytes.length === 0 || (bytes.length < 64 && bytes.toString('latin1').trim() === '')) {
      done(null, undefined);
      return;
    }
    try {
      done(null, decodeReportFile(bytes, '请求体'));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}

/**
 * Validator compiler for routes whose body is a report document: params and query string are
 * validated (and converted) by TypeBox, the body is left to fromInterchange. The body schema
 * stays on the route for the OpenAPI description.
 */
export const documentBodyCompiler: FastifySchemaCompiler<TSchema> = (route) =>
  route.httpPart === 'body' ? () => true : TypeBoxValidatorCompiler(route);

/** Validator compiler for a route whose body may be left out: no body passes, a body is validated as usual. */
export const optionalBodyCompiler: FastifySchemaCompiler<TSchema> = (route) => {
  const validate = TypeBoxValidatorCompiler(route) as (value: unknown) => { value?: unknown; error?: Error };
  return route.httpPart === 'body' ? (value: unknown) => (value === undefined || value === null ? { value: undefined } : validate(value)) : validate;
};
