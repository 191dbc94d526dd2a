import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { DomainError, type ErrorCode, httpStatusOf, messageIdOf } from '../../core/errors.ts';

export type ErrorBody = {
  error: { code: ErrorCode; messageId: string; message: string; requestId: string; details?: unknown };
};

/** The one handler that maps error codes to HTTP status and to a translatable message id (CONVENTIONS 6). */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof DomainError) return send(reply, req, err.code, err.message, err.details);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        in: err.validationContext ?? 'body',
        field: (v.instancePath || '').replace(/^\//, '').replaceAll('/', '.'),
        message: v.message ?? 'invalid',
      }));
      const list = details.map((d) => `${d.in} ${d.field || '(root)'}: ${d.message}`).join('; ');
      return send(reply, req, 'validation', `Invalid request: ${list}`, details);
    }
    if (err instanceof ZodError) {
      const details = err.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
      const list = details.map((d) => `${d.field || '(root)'}: ${d.message}`).join('; ');
      return send(reply, req, 'validation', `Invalid input: ${list}`, details);
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err }, 'response did not match its schema');
      return send(reply, req, 'internal', 'Internal error.');
    }
    const status = err.statusCode ?? 500;
    if (status === 413) return tooLarge(reply, req);
    if (status >= 500) {
      req.log.error({ err }, 'unhandled error');
      return send(reply, req, 'internal', 'Internal error.');
    }
    return send(reply, req, codeForStatus(status), err.message);
  });
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The largest file an upload route takes (its multipart limit), named in a 413 answer. */
    uploadLimitBytes?: number;
  }
}

/** 413, naming the limit: a route's upload limit, or the body limit of the others. */
function tooLarge(reply: FastifyReply, req: FastifyRequest) {
  const limit = req.routeOptions.config?.uploadLimitBytes ?? req.routeOptions.bodyLimit ?? req.server.initialConfig.bodyLimit ?? 0;
  const err = tooLargeError(limit);
  return send(reply, req, err.code, err.message, err.details);
}

/** The error of a request or a file over `limit` bytes, the limit named in its message and details. */
export function tooLargeError(limit: number): DomainError {
  const [size, unit] = limit >= 1024 ** 2 ? [limit / 1024 ** 2, 'MiB'] : limit >= 1024 ? [limit / 1024, 'KiB'] : [limit, 'bytes'];
  const shown = `${Number.isInteger(size) ? size : size.toFixed(1)} ${unit}${unit === 'bytes' ? '' : ` (${limit} bytes)`}`;
  return new DomainError('upload.too_large', `The request is larger than this server accepts: the limit is ${shown}.`, { limitBytes: limit });
}

export function send(reply: FastifyReply, req: FastifyRequest, code: ErrorCode, message: string, details?: unknown) {
  const body: ErrorBody = { error: { code, messageId: messageIdOf(code), message, requestId: String(req.id) } };
  if (details !== undefined) body.error.details = details;
  return reply.status(httpStatusOf(code)).type('application/json').send(JSON.stringify(body));
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    default:
      return 'validation';
  }
}
