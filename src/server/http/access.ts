import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { send } from './errors.ts';

/**
 * Every route declares what it needs in `config.access`; the check lives here and runs in `onRequest`, before the
 * body is parsed or validated, so an unauthorised write is answered 401/403, never 400.
 *
 * - `public`: anyone.
 * - `operator`: the system operator, i.e. the bearer of the operator token the server keeps in its data
 *   directory (the CLI uses it). User accounts and scoped roles extend this list.
 */
export type Access = 'public' | 'operator';

const anonymous: Principal = { kind: 'anonymous' };

/** Who is asking, as the access check found out. */
export type Principal = { kind: 'anonymous' } | { kind: 'operator' };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal;
  }
}

export function registerAccessControl(app: FastifyInstance, operatorToken: string): void {
  const expected = Buffer.from(operatorToken);
  app.addHook('onRoute', (route) => {
    const url = route.url ?? '';
    if (url.startsWith('/api/') && !route.config?.access && !url.startsWith('/api/v1/docs')) {
      throw new Error(`Route ${route.method} ${url} does not declare config.access`);
    }
  });
  app.decorateRequest('principal', null as never);
  app.addHook('onRequest', async (req, reply) => {
    const access = req.routeOptions.config?.access ?? 'public';
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    const bearer = match ? Buffer.from(match[1]!.trim()) : undefined;
    const isOperator = bearer !== undefined && bearer.length === expected.length && timingSafeEqual(bearer, expected);
    req.principal = isOperator ? { kind: 'operator' } : anonymous;
    if (access === 'public') return;
    if (!match) return send(reply, req, 'unauthorized', 'Sign-in required: send the operator token as a Bearer token.');
    if (!isOperator) return send(reply, req, 'unauthorized', 'The token given is not valid.');
  });
}
