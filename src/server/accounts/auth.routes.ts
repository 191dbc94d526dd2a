import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../core/errors.ts';
import { actorOf, clearSessionCookie, sessionCookieOf, setSessionCookie } from '../http/access.ts';
import { errorBodySchema, errorResponses } from '../http/schemas.ts';
import type { Services } from '../services.ts';
import { languageSchema, loginBodySchema, sessionSchema, tokenBodySchema, toSessionDto } from './account.schemas.ts';
import type { SignedIn } from './auth.service.ts';
import { csrfTokenFor } from './session-token.ts';

const tags = ['auth'];
const refusals = { ...errorResponses, 410: errorBodySchema, 429: errorBodySchema };

/** The person behind a cookie session (routes that only a person, not the operator, can use). */
export function userOf(req: FastifyRequest): { userId: number; sessionId: string | undefined } {
  if (req.principal.kind !== 'user') {
    throw new DomainError('auth.person_required', 'Only a signed-in person can do this; the operator has no account.');
  }
  return { userId: req.principal.userId, sessionId: req.session?.id };
}

/** Starts the browser's session: the cookie, and the session's description with its CSRF token. */
export function answerSignedIn(req: FastifyRequest, reply: FastifyReply, signedIn: SignedIn, status = 200) {
  setSessionCookie(req, reply, signedIn.session.token, signedIn.session.expiresAt);
  return reply
    .status(status)
    .header('cache-control', 'no-store')
    .send(toSessionDto({ ...signedIn, csrfToken: signedIn.session.csrfToken }));
}

/** Sign-in, the current session, sign-out, the second factor and password resets. */
export function authRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { auth, users, passwordResets } = services.accounts;

  r.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Sign in with e-mail, password and, when the account has one, a TOTP or recovery code.',
        description:
          'No CSRF token is needed; a request whose Origin names another site is refused. Answers 401 ' +
          '`auth.totp_required` when the password is right and the second factor is missing, and 429 with Retry-After ' +
          'after 10 failed sign-ins for the account or the address within 15 minutes. Sets the session cookie.',
        body: loginBodySchema,
        response: { 200: sessionSchema, ...refusals },
      },
    },
    async (req, reply) => {
      try {
        const signedIn = await auth.login(req.body, { address: req.ip, previousToken: sessionCookieOf(req) });
        return answerSignedIn(req, reply, signedIn);
      } catch (err) {
        if (err instanceof DomainError && err.code === 'auth.throttled') {
          reply.header('retry-after', String((err.details as { retryAfter: number }).retryAfter));
        }
        throw err;
      }
    },
  );

  r.get(
    '/api/v1/auth/session',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Who is signed in, and the CSRF token a script sends as x-csrf-token with state-changing requests.',
        response: { 200: z.union([sessionSchema, z.object({ user: z.null() })]) },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      if (!req.session || req.principal.kind !== 'user') return { user: null };
      const described = await auth.describe({ sessionId: req.session.id, principal: req.principal });
      if (!described) return { user: null };
      return toSessionDto({ ...described, csrfToken: csrfTokenFor(req.session.token) });
    },
  );

  r.post(
    '/api/v1/auth/logout',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Sign out of this session.', response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      if (req.session) await auth.logout(req.session.id, actorOf(req));
      clearSessionCookie(req, reply);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/v1/auth/logout-everywhere',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'End every session of your account.', response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      const { userId } = userOf(req);
      await auth.logoutEverywhere(userId, actorOf(req));
      clearSessionCookie(req, reply);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/v1/auth/totp/setup',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Start setting up TOTP: a new secret and its otpauth:// URI for an authenticator app.',
        response: { 200: z.object({ secret: z.string(), uri: z.string() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return users.startTotp(userOf(req).userId);
    },
  );

  r.post(
    '/api/v1/auth/totp/confirm',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Confirm TOTP with a first code; answers the recovery codes, shown this once.',
        body: z.object({ code: z.string().trim().min(1).max(16) }),
        response: { 200: z.object({ recoveryCodes: z.array(z.string()) }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { userId, sessionId } = userOf(req);
      const recoveryCodes = await users.confirmTotp(userId, req.body.code);
      // This session has just proved the second factor.
      if (sessionId) await auth.markSecondFactor(sessionId);
      reply.header('cache-control', 'no-store');
      return { recoveryCodes };
    },
  );

  r.post(
    '/api/v1/auth/totp/reenrol',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Replace the second factor (a new device): checks the current password, then answers a new pending secret.',
        description: 'The old secret and recovery codes keep working until `/auth/totp/confirm` confirms the new one with a code.',
        body: z.object({ password: z.string().min(1).max(1024) }),
        response: { 200: z.object({ secret: z.string(), uri: z.string() }), ...refusals },
      },
    },
    async (req, reply) => {
      const { userId } = userOf(req);
      await auth.reauthenticate(userId, req.body.password);
      reply.header('cache-control', 'no-store');
      return users.startTotp(userId, { replacing: true });
    },
  );

  r.post(
    '/api/v1/auth/password',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: "Change your password: checks the current one; your other sessions end, this one stays.",
        body: z.object({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().min(1).max(1024) }),
        response: { 204: z.null(), ...refusals },
      },
    },
    async (req, reply) => {
      const { userId, sessionId } = userOf(req);
      await auth.changePassword(userId, sessionId, req.body.currentPassword, req.body.newPassword);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/v1/auth/password-reset',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Mail a password-reset link (valid one hour, once) if the address has an account; answers 202 either way.',
        body: z.object({ email: z.string().trim().toLowerCase().max(254), language: languageSchema }),
        response: { 202: z.null(), ...refusals },
      },
    },
    async (req, reply) => {
      await passwordResets.request(req.body.email, req.body.language);
      return reply.status(202).send(null);
    },
  );

  r.post(
    '/api/v1/auth/password-reset/complete',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Set a new password with a reset link; every session of the account ends.',
        body: tokenBodySchema.extend({ password: z.string().min(1).max(1024) }),
        response: { 204: z.null(), ...refusals },
      },
    },
    async (req, reply) => {
      await passwordResets.complete(req.body.token, req.body.password);
      return reply.status(204).send(null);
    },
  );
}
