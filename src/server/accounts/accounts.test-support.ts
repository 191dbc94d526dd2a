import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Grant } from '../../core/accounts/role.ts';
import { operatorActor } from '../../core/audit/audit-entry.ts';
import type { Services } from '../services.ts';
import { totpCode } from './totp.ts';

/** Helpers for the accounts tests: people with roles, sessions, sign-in through the API. */
export const strongPassword = 'violet-harbour-lantern-42';

export type Browser = { cookie: string; csrf: string; headers: Record<string, string> };

/** The cookie and CSRF token of an answer that started a session. */
export function browserOf(res: LightMyRequestResponse): Browser {
  const setCookie = res.cookies.find((c) => c.name === 'safer_session');
  if (!setCookie) throw new Error(`no session cookie in ${res.statusCode} ${res.body}`);
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  const cookie = `safer_session=${setCookie.value}`;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

/** A person with the grants given (and TOTP set up when `totp`), made through the services. */
export async function makeUser(
  services: Services,
  email: string,
  grants: Grant[],
  opts: { totp?: boolean; password?: string } = {},
): Promise<{ id: number; secret: string | undefined }> {
  const user = await services.accounts.users.create(
    { email, displayName: email.split('@')[0]!, password: opts.password ?? strongPassword },
    grants,
    operatorActor,
  );
  if (!opts.totp) return { id: user.id, secret: undefined };
  const { secret } = await services.accounts.users.startTotp(user.id);
  // A code of the previous step, so that a sign-in in this step may use the current one.
  await services.accounts.users.confirmTotp(user.id, totpCode(secret, Date.now() - 30_000));
  return { id: user.id, secret };
}

/** A session for a person without going through the sign-in (fast; the matrix uses many). */
export async function sessionFor(services: Services, userId: number, secondFactor: boolean): Promise<Browser> {
  const s = await services.accounts.auth.startSession(userId, secondFactor);
  const cookie = `safer_session=${s.token}`;
  return { cookie, csrf: s.csrfToken, headers: { cookie, 'x-csrf-token': s.csrfToken } };
}

let nextAddress = 1;

/**
 * Signs in through the API. Each call comes from its own address (X-Forwarded-For, with the test app trusting one
 * proxy) unless the headers name one, so the per-address lockout only bites where a test wants it to.
 */
export function login(app: FastifyInstance, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const n = nextAddress++;
  const address = `198.51.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;
  return app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: body, headers: { 'x-forwarded-for': address, ...headers } });
}

export const platform = (role: 'platform:secretariat' | 'platform:board' | 'platform:observer'): Grant => ({ role, scope: { kind: 'platform' } });
