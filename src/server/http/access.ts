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

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
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
  app.addHook('onRequest', async (req, reply) => {
    const access = req.routeOptions.config?.access ?? 'public';
    if (access === 'public') return;
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match) return send(reply, req, 'unauthorized', 'Sign-in required: send the operator token as a Bearer token.');
    const given = Buffer.from(match[1]!.trim());
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return send(reply, req, 'unauthorized', 'The token given is not valid.');
    }
  });
}
