import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, operatorHeaders } from '../../../test/support/app.ts';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.ts';
import type { Services } from '../services.ts';
import { browserOf, login, makeUser, platform, sessionFor, strongPassword } from './accounts.test-support.ts';
import { totpCode } from './totp.ts';

describe.each(storeKinds())('sign-in and sessions on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let services: Services;

  beforeAll(async () => {
    store = await openTestStore(kind);
    ({ app, services } = await buildTestApp(store, { security: { trustProxy: 1 } }));
  });
  afterAll(async () => {
    await app.close();
    await store.dispose();
  });

  it('signs in with a password, sets an httpOnly SameSite=Lax cookie, and describes the session', async () => {
    await makeUser(services, 'analyst@example.org', []);
    const res = await login(app, { email: 'Analyst@Example.org ', password: strongPassword });
    expect(res.statusCode, res.body).toBe(200);
    const header = String(res.headers['set-cookie']);
    expect(header).toMatch(/safer_session=[\w-]{40,}/);
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Lax/i);
    expect(header).not.toMatch(/Secure/i);
    expect(res.headers['cache-control']).toBe('no-store');
    const browser = browserOf(res);
    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: browser.cookie } });
    expect(me.json()).toMatchObject({ user: { email: 'analyst@example.org', grants: [] }, csrfToken: browser.csrf });
    const nobody = await app.inject({ method: 'GET', url: '/api/v1/auth/session' });
    expect(nobody.json()).toEqual({ user: null });
  });

  it('answers a wrong password and an unknown address alike', async () => {
    const wrong = await login(app, { email: 'analyst@example.org', password: 'not the password at all' });
    const unknown = await login(app, { email: 'nobody@example.org', password: 'not the password at all' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('auth.invalid_credentials');
    expect(unknown.json().error.code).toBe('auth.invalid_credentials');
  });

  it('says which factor is missing, accepts a TOTP code once, and a recovery code once', async () => {
    const { secret } = await makeUser(services, 'admin@example.org', [platform('platform:secretariat')], { totp: true });
    const missing = await login(app, { email: 'admin@example.org', password: strongPassword });
    expect(missing.statusCode).toBe(401);
    expect(missing.json().error).toMatchObject({ code: 'auth.totp_required', messageId: 'error.auth.totp_required', details: { factor: 'totp' } });

    const code = totpCode(secret!);
    const ok = await login(app, { email: 'admin@example.org', password: strongPassword, totp: code });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().secondFactor).toEqual({ enrolled: true, required: true, verified: true });
    const replay = await login(app, { email: 'admin@example.org', password: strongPassword, totp: code });
    expect(replay.json().error.code).toBe('auth.totp_invalid');

    // Recovery codes: a new enrolment shows them once; each works once.
    const { id } = await makeUser(services, 'fp@example.org', [{ role: 'country:focal_point', scope: { kind: 'country', id: 'KEN' } }]);
    const { secret: s2 } = await services.accounts.users.startTotp(id);
    const codes = await services.accounts.users.confirmTotp(id, totpCode(s2));
    expect(codes).toHaveLength(10);
    expect(codes[0]).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
    const first = await login(app, { email: 'fp@example.org', password: strongPassword, totp: codes[0]!.toUpperCase() });
    expect(first.statusCode).toBe(200);
    const again = await login(app, { email: 'fp@example.org', password: strongPassword, totp: codes[0] });
    expect(again.json().error.code).toBe('auth.totp_invalid');
  });

  it('gives a new session id at every sign-in and ends the one the browser had (no session fixation)', async () => {
    const planted = await login(app, { email: 'analyst@example.org', password: strongPassword });
    const before = browserOf(planted);
    const res = await login(app, { email: 'analyst@example.org', password: strongPassword }, { cookie: before.cookie });
    const after = browserOf(res);
    expect(after.cookie).not.toBe(before.cookie);
    expect(after.csrf).not.toBe(before.csrf);
    const old = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: before.cookie } });
    expect(old.json()).toEqual({ user: null });
    // A failed sign-in leaves the session the browser has alone.
    await login(app, { email: 'analyst@example.org', password: 'a wrong password, once' }, { cookie: after.cookie });
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: after.cookie } })).json().user).not.toBeNull();
    // A cookie value the server never issued starts nothing either.
    const forged = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: 'safer_session=attacker-chosen-value-0123456789' } });
    expect(forged.json()).toEqual({ user: null });
  });

  it('refuses a state-changing request of a cookie session without its CSRF token (bearer needs none)', async () => {
    const { id } = await makeUser(services, 'sec2@example.org', [platform('platform:secretariat')]);
    const b = await sessionFor(services, id, true);
    const payload = { slug: 'csrf-city', name: 'X', country: 'KEN', timezone: 'Africa/Nairobi' };
    const noToken = await app.inject({ method: 'POST', url: '/api/v1/cities', headers: { cookie: b.cookie }, payload });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('auth.csrf');
    const wrong = await app.inject({ method: 'POST', url: '/api/v1/cities', headers: { cookie: b.cookie, 'x-csrf-token': 'x'.repeat(43) }, payload });
    expect(wrong.json().error.code).toBe('auth.csrf');
    const ok = await app.inject({ method: 'POST', url: '/api/v1/cities', headers: b.headers, payload });
    expect(ok.statusCode, ok.body).toBe(201);
    const bearer = await app.inject({ method: 'POST', url: '/api/v1/cities', headers: operatorHeaders, payload: { ...payload, slug: 'csrf-city-2' } });
    expect(bearer.statusCode).toBe(201);
  });

  it('refuses a write whose Origin is another site, the sign-in included', async () => {
    const evil = await login(app, { email: 'analyst@example.org', password: strongPassword }, { origin: 'https://evil.example' });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().error.code).toBe('auth.bad_origin');
    const crossSite = await login(app, { email: 'analyst@example.org', password: strongPassword }, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.json().error.code).toBe('auth.bad_origin');
    const same = await login(app, { email: 'analyst@example.org', password: strongPassword }, { origin: 'http://localhost:80', host: 'localhost:80' });
    expect(same.statusCode).toBe(200);
  });

  it('locks sign-in after 10 failures for one account within 15 minutes: 429 with Retry-After', async () => {
    await makeUser(services, 'target@example.org', []);
    for (let i = 0; i < 10; i++) {
      const res = await login(app, { email: 'target@example.org', password: `wrong password ${i}` }, { 'x-forwarded-for': `10.0.0.${i}` });
      expect(res.statusCode).toBe(401);
    }
    const locked = await login(app, { email: 'target@example.org', password: strongPassword });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('auth.throttled');
    const wait = Number(locked.headers['retry-after']);
    expect(wait).toBeGreaterThan(800);
    expect(wait).toBeLessThanOrEqual(900);
    // Another account from another address is not affected.
    expect((await login(app, { email: 'analyst@example.org', password: strongPassword }, { 'x-forwarded-for': '10.9.9.9' })).statusCode).toBe(200);
  });

  it('locks sign-in after 10 failures from one network address, whatever the accounts', async () => {
    const from = { 'x-forwarded-for': '203.0.113.77' };
    for (let i = 0; i < 10; i++) {
      expect((await login(app, { email: `guess${i}@example.org`, password: 'wrong password here' }, from)).statusCode).toBe(401);
    }
    const locked = await login(app, { email: 'analyst@example.org', password: strongPassword }, from);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('signs out one session, or every session of the account', async () => {
    const a = browserOf(await login(app, { email: 'analyst@example.org', password: strongPassword }));
    const b = browserOf(await login(app, { email: 'analyst@example.org', password: strongPassword }));
    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: a.headers });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/safer_session=;/);
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: a.cookie } })).json()).toEqual({ user: null });
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: b.cookie } })).json().user).not.toBeNull();
    const c = browserOf(await login(app, { email: 'analyst@example.org', password: strongPassword }));
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/logout-everywhere', headers: c.headers })).statusCode).toBe(204);
    for (const x of [b, c]) {
      expect((await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: x.cookie } })).json()).toEqual({ user: null });
    }
  });

  it('deactivation ends the sessions and refuses sign-in; the last administrator cannot be deactivated', async () => {
    const { id } = await makeUser(services, 'leaver@example.org', []);
    const b = browserOf(await login(app, { email: 'leaver@example.org', password: strongPassword }));
    const res = await app.inject({ method: 'POST', url: `/api/v1/users/${id}/deactivate`, headers: operatorHeaders });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('deactivated');
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: b.cookie } })).json()).toEqual({ user: null });
    const again = await login(app, { email: 'leaver@example.org', password: strongPassword });
    expect(again.json().error.code).toBe('auth.deactivated');
    const admins = (await services.accounts.users.list()).filter((u) => u.grants.some((g) => g.role === 'platform:secretariat'));
    for (const u of admins.slice(1)) await services.accounts.users.setActive(u.id, false, { kind: 'operator' });
    const last = await app.inject({ method: 'POST', url: `/api/v1/users/${admins[0]!.id}/deactivate`, headers: operatorHeaders });
    expect(last.json().error.code).toBe('account.last_administrator');
  });

  it('keeps a secretariat role inactive until the session passed a second factor', async () => {
    const { id } = await makeUser(services, 'new-admin@example.org', [platform('platform:secretariat')]);
    const b = browserOf(await login(app, { email: 'new-admin@example.org', password: strongPassword }));
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: b.cookie } })).json().secondFactor).toEqual({
      enrolled: false,
      required: true,
      verified: false,
    });
    const refused = await app.inject({ method: 'GET', url: '/api/v1/admin/jobs', headers: b.headers });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('auth.second_factor_required');
    const { secret } = (await app.inject({ method: 'POST', url: '/api/v1/auth/totp/setup', headers: b.headers })).json();
    const confirm = await app.inject({ method: 'POST', url: '/api/v1/auth/totp/confirm', headers: b.headers, payload: { code: totpCode(secret) } });
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(confirm.json().recoveryCodes).toHaveLength(10);
    expect((await app.inject({ method: 'GET', url: '/api/v1/admin/jobs', headers: b.headers })).statusCode).toBe(200);
    expect(id).toBeGreaterThan(0);
  });
});
