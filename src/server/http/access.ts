import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type AccessRule, decide, type Principal, type RequestScope, ruleProblems } from '../../core/accounts/access-rule.ts';
import { type Actor, actorOfPrincipal } from '../../core/audit/audit-entry.ts';
import { isUnLanguage } from '../../core/reference/un-languages.ts';
import { sameSecret } from '../accounts/secrets.ts';
import { csrfTokenFor, sessionCookieName } from '../accounts/session-token.ts';
import type { Services } from '../services.ts';
import { send } from './errors.ts';

/**
 * Every route declares what it needs in `config.access` (an `AccessRule`, src/core/accounts/access-rule.ts):
 * `'public'`, `'authenticated'`, `'operator'` or `{ role: [...], scope: 'city' }`. The check lives here and runs in
 * `onRequest`, before the body is parsed or validated, so an anonymous write is answered 401 and an unauthorised
 * one 403, never 400.
 *
 * Who asks:
 * - `Authorization: Bearer <operator token>`: the system operator (the CLI), who passes every rule and is audited
 *   as `system:operator`. Bearer requests need no CSRF token.
 * - `Authorization: Bearer sct_…`: a machine with an API token, acting by the token's grants (audited as
 *   `token:<id>`); an unknown, expired or revoked token is answered 401 on any route but a public one.
 * - the session cookie: a signed-in person. A state-changing request (not GET/HEAD/OPTIONS) acts as that person
 *   only with the session's CSRF token in `x-csrf-token` (`GET /api/v1/auth/session` returns it); without it, a
 *   route that needs someone answers 403 `auth.csrf`, and a public one sees an anonymous visitor.
 * - nobody: anonymous.
 *
 * A state-changing request whose `Origin` header names another origin is refused (403 `auth.bad_origin`).
 */
export type Access = AccessRule;

export type AccessSettings = {
  operatorToken: string;
  /** The platform's origin, e.g. `https://safer.example.org`; without it, the request's own scheme and Host. */
  origin?: string | undefined;
  /** Cookies with `Secure` (and the `__Host-` prefix): when the public URL is https. */
  secureCookies: boolean;
};

export type RouteAccess = { method: string; url: string; access: AccessRule };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    /** Who is asking, as the access check found out. */
    principal: Principal;
    /** The session behind the cookie, when the request is authenticated by one. */
    session: { id: string; token: string } | null;
  }
  interface FastifyInstance {
    accessSettings: AccessSettings;
  }
}

const tables = new WeakMap<FastifyInstance, RouteAccess[]>();
const anonymous: Principal = { kind: 'anonymous' };
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Every API route with its rule, in registration order (the authorisation matrix test walks it). */
export function accessTable(app: FastifyInstance): readonly RouteAccess[] {
  return tables.get(app) ?? [];
}

/** The audit actor of a request: `user:<id>`, `system:operator` or `anonymous`. */
export function actorOf(req: FastifyRequest): Actor {
  return actorOfPrincipal(req.principal);
}

export async function registerAccessControl(app: FastifyInstance, services: Services, settings: AccessSettings): Promise<void> {
  const table: RouteAccess[] = [];
  tables.set(app, table);
  app.decorate('accessSettings', settings);
  // Set for every request by the hook below (null is only the decorator's initial value).
  app.decorateRequest('principal', null as never);
  app.decorateRequest('session', null);
  await app.register(fastifyCookie);
  const cookieName = sessionCookieName(settings.secureCookies);

  app.addHook('onRoute', (route) => {
    const url = route.url ?? '';
    if (!url.startsWith('/api/') || url.startsWith('/api/v1/docs')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${url} does not declare config.access`);
    const params = [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    const problems = ruleProblems(access, params);
    if (problems.length > 0) throw new Error(`Route ${route.method} ${url}: access rule ${problems.join('; ')}`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') table.push({ method, url, access });
    }
  });

  app.addHook('onRequest', async (req, reply) => {
    req.principal = anonymous;
    const path = req.url.split('?')[0] ?? '';
    if (!path.startsWith('/api/')) return;
    const access: AccessRule = req.routeOptions.config?.access ?? 'public';
    const writes = !safeMethods.has(req.method);

    if (writes && !originAllowed(req, settings.origin)) {
      return send(reply, req, 'auth.bad_origin', 'This request comes from another origin.');
    }

    const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
    if (bearer !== undefined) {
      if (sameSecret(bearer, settings.operatorToken)) req.principal = { kind: 'operator' };
      else {
        const token = await services.accounts.apiTokens.authenticate(bearer);
        if (token) req.principal = { kind: 'token', tokenId: token.tokenId, grants: token.grants };
        else if (access !== 'public') return send(reply, req, 'unauthorized', 'The token given is not valid, has expired or was revoked.');
      }
    } else {
      const token = req.cookies[cookieName];
      const resolved = token ? await services.accounts.auth.resolve(token) : undefined;
      if (token && resolved) {
        const csrfOk = !writes || sameSecret(String(req.headers['x-csrf-token'] ?? ''), csrfTokenFor(token));
        if (csrfOk) {
          req.principal = resolved.principal;
          req.session = { id: resolved.sessionId, token };
        } else if (access !== 'public') {
          return send(reply, req, 'auth.csrf', 'Send the CSRF token of your session in the x-csrf-token header.');
        }
      }
    }

    const decision = decide(access, req.principal, await requestScope(services, access, req.params));
    if (decision.allowed) return;
    return refuse(reply, req, decision.reason);
  });
}

function refuse(reply: FastifyReply, req: FastifyRequest, reason: 'unauthenticated' | 'forbidden' | 'second_factor_required') {
  switch (reason) {
    case 'unauthenticated':
      return send(reply, req, 'unauthorized', 'Sign in, or send the operator token as a Bearer token.');
    case 'forbidden':
      return send(reply, req, 'forbidden', 'Your roles do not allow this.');
    case 'second_factor_required':
      return send(reply, req, 'auth.second_factor_required', 'This role needs a sign-in with a second factor.');
    default: {
      const unreachable: never = reason;
      throw new Error(`Unknown refusal ${String(unreachable)}`);
    }
  }
}

/** The scope a role rule names, taken from the path (a city's slug resolved to the city). */
async function requestScope(services: Services, access: AccessRule, params: unknown): Promise<RequestScope> {
  if (typeof access === 'string' || !access.scope) return undefined;
  const value = (params as Record<string, string | undefined>)[access.scope] ?? '';
  switch (access.scope) {
    case 'city': {
      const city = await services.cities.get(value).catch(() => undefined);
      return city ? { found: true, scope: { kind: 'city', id: city.id, slug: city.slug } } : { found: false, kind: 'city' };
    }
    case 'country':
      return { found: true, scope: { kind: 'country', id: value } };
    case 'review':
      return { found: true, scope: { kind: 'review', id: value } };
    case 'language':
      return isUnLanguage(value) ? { found: true, scope: { kind: 'language', id: value } } : { found: false, kind: 'language' };
    default: {
      const unreachable: never = access.scope;
      throw new Error(`Unknown scope ${String(unreachable)}`);
    }
  }
}

/**
 * A state-changing request may come from this origin or from no browser page at all (no Origin header); a browser
 * that says the request is cross-site (Sec-Fetch-Site) is believed too.
 */
function originAllowed(req: FastifyRequest, configured: string | undefined): boolean {
  if (req.headers['sec-fetch-site'] === 'cross-site') return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const expected = configured ?? `${req.protocol}://${req.headers.host ?? ''}`;
  return origin === expected;
}

/** Sets the session cookie: httpOnly, SameSite=Lax, Secure behind TLS, for the session's lifetime. */
export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date): void {
  const { secureCookies } = req.server.accessSettings;
  reply.setCookie(sessionCookieName(secureCookies), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies,
    expires: expiresAt,
  });
}

export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply): void {
  const { secureCookies } = req.server.accessSettings;
  reply.clearCookie(sessionCookieName(secureCookies), { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookies });
}

/** The session cookie's token as the browser sent it (the sign-in revokes it: no session fixation). */
export function sessionCookieOf(req: FastifyRequest): string | undefined {
  return req.cookies[sessionCookieName(req.server.accessSettings.secureCookies)];
}
