/**
 * What the request log may say: never an applicant's query code (/status?code=…), which works like a
 * password for the case. The serializer replaces such values before a line is written.
 */
import type { FastifyRequest } from 'fastify';

const SECRET_PARAMS = /([?&](?:code|queryCode|query_code|token|password)=)[^&#]*/gi;

/** The URL with secret query values replaced by ***. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_PARAMS, '$1***');
}

/** Fastify's request serializer with the URL redacted. */
export function requestLogSerializer(request: FastifyRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.headers.host,
    remoteAddress: request.ip,
  };
}
