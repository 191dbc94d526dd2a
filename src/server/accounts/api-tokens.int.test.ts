import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, operatorHeaders } from '../../../test/support/app.ts';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.ts';
import type { Grant } from '../../core/accounts/role.ts';
import type { Services } from '../services.ts';
import { makeUser, platform, sessionFor } from './accounts.test-support.ts';

type Created = { token: { id: number; prefix: string; status: string; grants: unknown[] }; secret: string };

describe.each(storeKinds())('API tokens on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let services: Services;
  let admin: Record<string, string>;
  let alphaAdmin: Record<string, string>;
  let alphaAdminId: number;
  const secrets: string[] = [];

  beforeAll(async () => {
    store = await openTestStore(kind);
    ({ app, services } = await buildTestApp(store));
    const alpha = await services.cities.create({ slug: 'alpha', name: 'Alpha', country: 'KEN', timezone: 'Africa/Nairobi' });
    await services.cities.create({ slug: 'beta', name: 'Beta', country: 'UGA', timezone: 'Africa/Kampala' });
    const sec = await makeUser(services, 'sec@example.org', [platform('platform:secretariat')]);
    admin = (await sessionFor(services, sec.id, true)).headers;
    const cityAdmin: Grant = { role: 'city:administrator', scope: { kind: 'city', id: alpha.id, slug: 'alpha' } };
    alphaAdminId = (await makeUser(services, 'alpha-admin@example.org', [cityAdmin])).id;
    alphaAdmin = (await sessionFor(services, alphaAdminId, false)).headers;
  });
  afterAll(async () => {
    await app.close();
    await store.dispose();
  });

  const make = async (headers: Record<string, string>, url: string, payload: Record<string, unknown>) => {
    const res = await app.inject({ method: 'POST', url, headers, payload });
    if (res.statusCode === 201) secrets.push((res.json() as Created).secret);
    return res;
  };
  const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

  it('shows the secret once, keeps only its hash, and acts by its grants in their scope', async () => {
    const res = await make(admin, '/api/v1/tokens', { name: 'Nightly import', grants: [{ role: 'city:analyst', scope: 'alpha' }], expiresInDays: 30 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const { token, secret } = res.json() as Created;
    expect(secret).toMatch(/^sct_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ prefix: secret.slice(0, 12), status: 'active', grants: [{ role: 'city:analyst', scope: 'alpha' }] });

    expect((await app.inject({ method: 'GET', url: '/api/v1/cities/alpha/imports', headers: bearer(secret) })).statusCode).toBe(200);
    const elsewhere = await app.inject({ method: 'GET', url: '/api/v1/cities/beta/imports', headers: bearer(secret) });
    expect([elsewhere.statusCode, elsewhere.json().error.code]).toEqual([403, 'forbidden']);
    const payload = { slug: 'gamma', name: 'Gamma', country: 'KEN', timezone: 'Africa/Nairobi' };
    expect((await app.inject({ method: 'POST', url: '/api/v1/cities', headers: bearer(secret), payload })).statusCode).toBe(403);
    // A machine is no signed-in person, and gives no roles.
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/logout-everywhere', headers: bearer(secret) })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/v1/cities/alpha/tokens', headers: bearer(secret), payload: { name: 'x', roles: ['city:viewer'] } })).statusCode).toBe(403);

    const listed = await app.inject({ method: 'GET', url: '/api/v1/tokens', headers: admin });
    expect(listed.statusCode).toBe(200);
    expect(listed.body).not.toContain(secret);
    const after = (listed.json() as { tokens: { id: number; lastUsedAt: string | null }[] }).tokens.find((t) => t.id === token.id);
    expect(after?.lastUsedAt).not.toBeNull();
  });

  it('lets a city administrator make tokens for their city only, and nobody put on a token a role needing a second factor', async () => {
    const res = await make(alphaAdmin, '/api/v1/cities/alpha/tokens', { name: 'Open311 gateway', roles: ['city:open311_client'] });
    expect(res.statusCode, res.body).toBe(201);
    const { token, secret } = res.json() as Created;
    const found = await services.accounts.apiTokens.authenticate(secret);
    expect(found).toMatchObject({ tokenId: token.id, name: 'Open311 gateway', grants: [{ role: 'city:open311_client', scope: { kind: 'city', slug: 'alpha' } }] });
    // The Open311 client role alone reads no city data.
    expect((await app.inject({ method: 'GET', url: '/api/v1/cities/alpha/imports', headers: bearer(secret) })).statusCode).toBe(403);
    // Ninety days by default.
    const days = (new Date((res.json() as { token: { expiresAt: string } }).token.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(90);

    expect((await make(alphaAdmin, '/api/v1/cities/beta/tokens', { name: 'x', roles: ['city:viewer'] })).statusCode).toBe(403);
    expect((await make(alphaAdmin, '/api/v1/tokens', { name: 'x', grants: [{ role: 'city:viewer', scope: 'alpha' }] })).statusCode).toBe(403);
    const secretariat = await make(admin, '/api/v1/tokens', { name: 'x', grants: [{ role: 'platform:secretariat' }] });
    expect([secretariat.statusCode, secretariat.json().error.code]).toEqual([400, 'token.role_not_allowed']);
    const focal = await make(admin, '/api/v1/tokens', { name: 'x', grants: [{ role: 'country:focal_point', scope: 'KEN' }] });
    expect(focal.json().error.code).toBe('token.role_not_allowed');
    expect((await make(admin, '/api/v1/tokens', { name: 'x', grants: [{ role: 'city:viewer', scope: 'alpha' }], expiresInDays: 400 })).statusCode).toBe(400);

    const list = await app.inject({ method: 'GET', url: '/api/v1/cities/alpha/tokens', headers: alphaAdmin });
    expect((list.json() as { tokens: { id: number }[] }).tokens.map((t) => t.id)).toContain(token.id);
    const betaList = await app.inject({ method: 'GET', url: '/api/v1/cities/beta/tokens', headers: operatorHeaders });
    expect((betaList.json() as { tokens: unknown[] }).tokens).toEqual([]);
  });

  it('keeps the machine role off people', async () => {
    const res = await app.inject({ method: 'POST', url: `/api/v1/users/${alphaAdminId}/grants`, headers: admin, payload: { role: 'city:open311_client', scope: 'alpha' } });
    expect([res.statusCode, res.json().error.code]).toEqual([400, 'grant.token_only']);
    const invite = await app.inject({
      method: 'POST',
      url: '/api/v1/invitations',
      headers: admin,
      payload: { email: 'bot@example.org', grants: [{ role: 'city:open311_client', scope: 'alpha' }] },
    });
    expect(invite.json().error.code).toBe('grant.token_only');
  });

  it('refuses a revoked, an expired and an unknown token with 401', async () => {
    const a = (await make(alphaAdmin, '/api/v1/cities/alpha/tokens', { name: 'to revoke', roles: ['city:viewer'] })).json() as Created;
    const b = (await make(admin, '/api/v1/tokens', { name: 'to expire', grants: [{ role: 'city:viewer', scope: 'alpha' }], expiresInDays: 1 })).json() as Created;
    const url = '/api/v1/cities/alpha/tokens';
    // Another city's administrator cannot reach it through their city; this one can.
    expect((await app.inject({ method: 'POST', url: `/api/v1/cities/beta/tokens/${a.token.id}/revoke`, headers: operatorHeaders })).statusCode).toBe(404);
    const revoked = await app.inject({ method: 'POST', url: `${url}/${a.token.id}/revoke`, headers: alphaAdmin });
    expect(revoked.json()).toMatchObject({ status: 'revoked' });
    await sql`update api_tokens set created_at = now() - interval '2 days', expires_at = now() - interval '1 second' where id = ${b.token.id}`.execute(services.store.db);

    for (const secret of [a.secret, b.secret, `sct_${'A'.repeat(43)}`, 'not-a-token']) {
      const res = await app.inject({ method: 'GET', url: '/api/v1/cities/alpha/imports', headers: bearer(secret) });
      expect([res.statusCode, res.json().error.code]).toEqual([401, 'unauthorized']);
      expect(await services.accounts.apiTokens.authenticate(secret)).toBeNull();
    }
    const statuses = (await services.accounts.apiTokens.list({ city: 'alpha' })).map((t) => [t.id, t.status]);
    expect(statuses).toContainEqual([a.token.id, 'revoked']);
    expect(statuses).toContainEqual([b.token.id, 'expired']);
    // A public route ignores a bad token and answers as to anyone.
    expect((await app.inject({ method: 'GET', url: '/api/v1/cities', headers: bearer(a.secret) })).statusCode).toBe(200);
  });

  it('records making, use and revoking in the audit log, and no secret anywhere in the store', async () => {
    const { entries } = await services.audit.list({ action: 'token.*', limit: 500 });
    expect(entries.filter((e) => e.action === 'token.create').length).toBe(secrets.length);
    expect(entries.find((e) => e.action === 'token.revoke')).toMatchObject({ target: { type: 'api_token' }, fields: ['revokedAt'] });
    const rows = await sql<Record<string, unknown>>`select * from api_tokens`.execute(services.store.db);
    const log = await sql<Record<string, unknown>>`select * from audit_log`.execute(services.store.db);
    const stored = JSON.stringify([rows.rows, log.rows]);
    expect(secrets.length).toBe(4);
    for (const secret of secrets) {
      expect(stored).not.toContain(secret);
      expect(stored).not.toContain(secret.slice(12));
    }
  });
});
