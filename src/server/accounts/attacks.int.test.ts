import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, operatorHeaders } from '../../../test/support/app.ts';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.ts';
import type { Services } from '../services.ts';
import { browserOf, login, makeUser, platform, sessionFor, strongPassword } from './accounts.test-support.ts';

/** Attacks tried and refused (issue 4, "Tests that must exist"); CSRF, fixation, links and lockout: auth/links tests. */
describe.each(storeKinds())('attacks on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let services: Services;
  let admin: Record<string, string>;

  beforeAll(async () => {
    store = await openTestStore(kind);
    ({ app, services } = await buildTestApp(store, { security: { trustProxy: 1 } }));
    const { id } = await makeUser(services, 'admin@example.org', [platform('platform:secretariat')]);
    admin = (await sessionFor(services, id, true)).headers;
    await services.cities.create({ slug: 'nairobi', name: 'Nairobi', country: 'KEN', timezone: 'Africa/Nairobi' });
  });
  afterAll(async () => {
    await app.close();
    await store.dispose();
  });

  const injections = ["' OR '1'='1", "x'; drop table audit_log; --", '1 OR 1=1', "') union select * from users --", '%', '_', '\\'];

  it('treats SQL in every filter as data', async () => {
    for (const value of injections) {
      for (const param of ['actor', 'action', 'targetType', 'targetId']) {
        const res = await app.inject({ method: 'GET', url: `/api/v1/audit?${param}=${encodeURIComponent(value)}`, headers: admin });
        expect(res.statusCode, `${param}=${value}`).toBe(200);
        expect(res.json().entries).toEqual([]);
      }
      const scoped = await app.inject({ method: 'GET', url: `/api/v1/audit?scope=${encodeURIComponent(value)}`, headers: admin });
      expect(scoped.statusCode).toBe(400);
      const city = await app.inject({ method: 'GET', url: `/api/v1/cities/${encodeURIComponent(value)}` });
      expect([400, 404]).toContain(city.statusCode);
      const signIn = await login(app, { email: value, password: value.padEnd(12, 'x') });
      expect(signIn.statusCode).toBe(401);
    }
    // The family filter `x.*` escapes LIKE wildcards: `%.*` matches no action.
    expect((await app.inject({ method: 'GET', url: '/api/v1/audit?action=%25.*', headers: admin })).json().entries).toEqual([]);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(store.db);
    expect(rows[0]!.n).toBeGreaterThan(0);
    expect((await services.cities.list()).map((c) => c.slug)).toEqual(['nairobi']);
  });

  it('stores names as given and answers them as JSON data, never as markup', async () => {
    const name = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/cities',
      headers: admin,
      payload: { slug: 'xss', name, country: 'KEN', timezone: 'Africa/Nairobi' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const one = await app.inject({ method: 'GET', url: '/api/v1/cities/xss' });
    expect(one.headers['content-type']).toMatch(/^application\/json/);
    expect(one.headers['x-content-type-options']).toBe('nosniff');
    expect(one.json().name).toBe(name);
    const person = await services.accounts.users.create({ email: 'xss@example.org', displayName: name, password: strongPassword }, [], { kind: 'operator' });
    const users = await app.inject({ method: 'GET', url: '/api/v1/users', headers: admin });
    expect(users.json().users.find((u: { id: number }) => u.id === person.id).displayName).toBe(name);
  });

  it('refuses a cross-site form post riding on the session cookie', async () => {
    const b = browserOf(await login(app, { email: 'admin@example.org', password: strongPassword }));
    for (const [type, body] of [
      ['application/x-www-form-urlencoded', 'slug=evil&name=Evil&country=KEN&timezone=Africa%2FNairobi'],
      ['text/plain', '{"slug":"evil","name":"Evil","country":"KEN","timezone":"Africa/Nairobi"}'],
    ] as const) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/cities', headers: { cookie: b.cookie, 'content-type': type }, payload: body });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('auth.csrf');
    }
    const fromElsewhere = await app.inject({ method: 'POST', url: '/api/v1/cities', headers: { ...b.headers, origin: 'https://evil.example' }, payload: {} });
    expect(fromElsewhere.json().error.code).toBe('auth.bad_origin');
    expect((await services.cities.list()).some((c) => c.slug === 'evil')).toBe(false);
  });

  it('serves no file outside the web app for a path that climbs out', async () => {
    for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2f..%2fpackage.json', '/..%5c..%5cpackage.json', '/api/v1/cities/..%2f..%2fetc%2fpasswd']) {
      const res = await app.inject({ method: 'GET', url: path });
      expect(res.body, path).not.toMatch(/root:x:0:0|"name": "safer-cities-platform"/);
      expect([200, 400, 403, 404]).toContain(res.statusCode);
    }
  });

  it('keeps CORS closed and sends the security headers', async () => {
    const pre = await app.inject({
      method: 'OPTIONS',
      url: '/api/v1/auth/session',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    const res = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { origin: 'https://evil.example' } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("font-src 'self'");
    expect(/script-src [^;]*'unsafe-inline'/.test(csp)).toBe(false);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('adds HSTS and Secure __Host- cookies behind TLS', async () => {
    const tls = await buildTestApp(store, { security: { https: true, secureCookies: true, origin: 'https://safer.example.org' } });
    try {
      const res = await tls.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { origin: 'https://safer.example.org' }, payload: { email: 'admin@example.org', password: strongPassword } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      expect(String(res.headers['set-cookie'])).toMatch(/^__Host-safer_session=.*; Secure/i);
      const other = await tls.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { origin: 'http://safer.example.org' }, payload: {} });
      expect(other.json().error.code).toBe('auth.bad_origin');
    } finally {
      await tls.app.close();
    }
  });

  it('refuses a forged or revoked bearer token on a protected route', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/admin/jobs', headers: { authorization: 'Bearer nope' } })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/v1/admin/jobs', headers: { authorization: `${operatorHeaders.authorization}x` } })).statusCode).toBe(401);
  });
});
