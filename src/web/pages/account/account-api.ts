// The accounts API (/api/v1/auth, /setup, /invitations), with the session cookie and its CSRF token.
import { ApiError } from '../../api/client.ts';
import { csrfHeader } from '../../api/session-csrf.ts';

export type Grant = { role: string; scope?: string };
export type SessionUser = { id: number; email: string; displayName: string; grants: Grant[]; totpEnabled: boolean };
export type SecondFactor = { enrolled: boolean; required: boolean; verified: boolean };
export type Session = { user: SessionUser; csrfToken: string; secondFactor: SecondFactor };
export type InvitationView = { email: string; displayName: string | null; grants: Grant[]; expiresAt: string; accountExists: boolean };

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method === 'POST') Object.assign(headers, csrfHeader());
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, {});
  }
  const text = await response.text();
  const json: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const error = (json as { error?: Record<string, unknown> } | undefined)?.error ?? {};
    throw new ApiError(response.status, error);
  }
  return json as T;
}

export async function getSession(): Promise<Session | undefined> {
  const body = await call<Session | { user: null }>('GET', '/auth/session');
  return body.user === null ? undefined : (body as Session);
}

export const signIn = (email: string, password: string, totp?: string) =>
  call<Session>('POST', '/auth/login', { email, password, ...(totp ? { totp } : {}) });
export const signOut = () => call<void>('POST', '/auth/logout');
export const signOutEverywhere = () => call<void>('POST', '/auth/logout-everywhere');
export const startTotp = () => call<{ secret: string; uri: string }>('POST', '/auth/totp/setup');
export const confirmTotp = (code: string) => call<{ recoveryCodes: string[] }>('POST', '/auth/totp/confirm', { code });

export const inspectSetup = (token: string) => call<{ expiresAt: string }>('POST', '/setup/inspect', { token });
export const completeSetup = (token: string, account: { email: string; displayName: string; password: string }) =>
  call<Session>('POST', '/setup', { token, ...account });

export const inspectInvitation = (token: string) => call<InvitationView>('POST', '/invitations/inspect', { token });
export const acceptInvitation = (token: string, input: { displayName?: string; password?: string }) =>
  call<Session | { added: true }>('POST', '/invitations/accept', { token, ...input });

export const requestPasswordReset = (email: string, language: string) =>
  call<void>('POST', '/auth/password-reset', { email, language });
export const completePasswordReset = (token: string, password: string) =>
  call<void>('POST', '/auth/password-reset/complete', { token, password });

// Role administration and API tokens (the secretariat everywhere, a city's administrators in their city, a state's
// focal points for its experts).
export type Person = SessionUser & { status: 'active' | 'deactivated' };
export type AdminScope = { kind: 'platform' } | { kind: 'city'; id: string } | { kind: 'country'; id: string };
export type ApiToken = {
  id: number;
  name: string;
  prefix: string;
  grants: Grant[];
  status: 'active' | 'expired' | 'revoked';
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
};

const peopleBase = (scope: AdminScope) =>
  scope.kind === 'platform'
    ? '/users'
    : scope.kind === 'city'
      ? `/cities/${encodeURIComponent(scope.id)}/people`
      : `/countries/${encodeURIComponent(scope.id)}/people`;

export const listPeople = (scope: AdminScope) => call<{ users: Person[] }>('GET', peopleBase(scope)).then((b) => b.users);

/** Gives or takes back a role; in a city or a country the scope is the page's own. */
export const changeGrant = (scope: AdminScope, userId: number, grant: Grant, change: 'grant' | 'revoke') =>
  call<Person>(
    'POST',
    `${peopleBase(scope)}/${userId}/grants${change === 'revoke' ? '/revoke' : ''}`,
    scope.kind === 'platform' ? grant : { role: grant.role },
  );

const tokensBase = (scope: AdminScope) => (scope.kind === 'city' ? `/cities/${encodeURIComponent(scope.id)}/tokens` : '/tokens');

export const listTokens = (scope: AdminScope) => call<{ tokens: ApiToken[] }>('GET', tokensBase(scope)).then((b) => b.tokens);
export const createToken = (scope: AdminScope, input: { name: string; grants: Grant[]; expiresInDays: number }) =>
  call<{ token: ApiToken; secret: string }>(
    'POST',
    tokensBase(scope),
    scope.kind === 'city' ? { name: input.name, roles: input.grants.map((g) => g.role), expiresInDays: input.expiresInDays } : input,
  );
export const revokeToken = (scope: AdminScope, id: number) => call<ApiToken>('POST', `${tokensBase(scope)}/${id}/revoke`);
