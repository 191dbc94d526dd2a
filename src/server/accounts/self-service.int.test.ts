import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/support/app.ts';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.ts';
import type { Grant } from '../../core/accounts/role.ts';
import { linkToken, startLoopbackSmtp } from '../mail/loopback-smtp.test-support.ts';
import { Mailer } from '../mail/mailer.ts';
import type { Services } from '../services.ts';
import { browserOf, login, makeUser, platform, sessionFor, strongPassword } from './accounts.test-support.ts';
import { totpCode } from './totp.ts';

describe.each(storeKinds())('changing one’s password and second factor, and managing invitations, on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let services: Services;
  let smtp: Awaited<ReturnType<typeof startLoopbackSmtp>>;
  let alphaAdmin: Record<string, string>;
  let secretariat: Record<string, string>;

  beforeAll(async () => {
    store = await openTestStore(kind);
    smtp = await startLoopbackSmtp();
    const mailer = new Mailer({ smtpUrl: smtp.url, from: 'x@example.org' });
    ({ app, services } = await buildTestApp(store, { accounts: { publicUrl: 'http://localhost/', mailer }, security: { trustProxy: 1 } }));
    const alpha = await services.cities.create({ slug: 'alpha', name: 'Alpha', country: 'KEN', timezone: 'Africa/Nairobi' });
    await services.cities.create({ slug: 'beta', name: 'Beta', country: 'UGA', timezone: 'Africa/Kampala' });
    const admin: Grant = { role: 'city:administrator', scope: { kind: 'city', id: alpha.id, slug: 'alpha' } };
    alphaAdmin = (await sessionFor(services, (await makeUser(services, 'alpha@example.org', [admin])).id, false)).headers;
    secretariat = (await sessionFor(services, (await makeUser(services, 'sec@example.org', [platform('platform:secretariat')])).id, true)).headers;
  });
  afterAll(async () => {
    await app.close();
    await store.dispose();
    await smtp.close();
  });

  it('changes the password after checking the current one, ending the other sessions only', async () => {
    await makeUser(services, 'pat@example.org', []);
    const here = browserOf(await login(app, { email: 'pat@example.org', password: strongPassword }));
    const there = browserOf(await login(app, { email: 'pat@example.org', password: strongPassword }));
    const url = '/api/v1/auth/password';
    const newPassword = 'copper-meadow-violin-58';
    const wrong = await app.inject({ method: 'POST', url, headers: here.headers, payload: { currentPassword: 'not-it-at-all-123', newPassword } });
    expect([wrong.statusCode, wrong.json().error.code]).toEqual([403, 'auth.wrong_password']);
    const weak = await app.inject({ method: 'POST', url, headers: here.headers, payload: { currentPassword: strongPassword, newPassword: 'password1234' } });
    expect(weak.json().error.code).toBe('account.weak_password');
    const noCsrf = await app.inject({ method: 'POST', url, headers: { cookie: here.cookie }, payload: { currentPassword: strongPassword, newPassword } });
    expect(noCsrf.statusCode).toBe(403);

    const ok = await app.inject({ method: 'POST', url, headers: here.headers, payload: { currentPassword: strongPassword, newPassword } });
    expect(ok.statusCode, ok.body).toBe(204);
    const session = (h: Record<string, string>) => app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: h }).then((r) => r.json().user);
    expect(await session(here.headers)).not.toBeNull();
    expect(await session(there.headers)).toBeNull();
    expect((await login(app, { email: 'pat@example.org', password: strongPassword })).statusCode).toBe(401);
    expect((await login(app, { email: 'pat@example.org', password: newPassword })).statusCode).toBe(200);
    const { entries } = await services.audit.list({ action: 'user.password_change', limit: 10 });
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries)).not.toContain(newPassword);
  });

  it('replaces the second factor only with the current password, the old one working until the new one is confirmed', async () => {
    const { secret: oldSecret } = await makeUser(services, 'tess@example.org', [], { totp: true });
    // The codes below are of steps around t0: start early in a 30-second step, so that the server's clock stays in it.
    const left = 30_000 - (Date.now() % 30_000);
    if (left < 10_000) await new Promise((resolve) => setTimeout(resolve, left + 100));
    const t0 = Date.now();
    const b = browserOf(await login(app, { email: 'tess@example.org', password: strongPassword, totp: totpCode(oldSecret!, t0) }));
    const url = '/api/v1/auth/totp/reenrol';
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/totp/setup', headers: b.headers })).json().error.code).toBe('auth.totp_enabled');
    const wrong = await app.inject({ method: 'POST', url, headers: b.headers, payload: { password: 'not-it-at-all-123' } });
    expect(wrong.json().error.code).toBe('auth.wrong_password');
    const started = await app.inject({ method: 'POST', url, headers: b.headers, payload: { password: strongPassword } });
    expect(started.statusCode, started.body).toBe(200);
    const newSecret = (started.json() as { secret: string }).secret;
    expect(newSecret).not.toBe(oldSecret);
    // Until confirmed, the old factor still signs in.
    expect((await login(app, { email: 'tess@example.org', password: strongPassword, totp: totpCode(oldSecret!, t0 + 30_000) })).statusCode).toBe(200);
    const confirmed = await app.inject({ method: 'POST', url: '/api/v1/auth/totp/confirm', headers: b.headers, payload: { code: totpCode(newSecret, t0 - 30_000) } });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect((confirmed.json() as { recoveryCodes: string[] }).recoveryCodes).toHaveLength(10);
    // The step of t0 comes after the confirming code's: only the old secret being gone refuses it.
    expect((await login(app, { email: 'tess@example.org', password: strongPassword, totp: totpCode(oldSecret!, t0) })).statusCode).toBe(401);
    expect((await login(app, { email: 'tess@example.org', password: strongPassword, totp: totpCode(newSecret, t0 + 30_000) })).statusCode).toBe(200);
  });

  it("lists a city's invitations to its administrators and lets them revoke one, whose link then fails", async () => {
    const sent = await app.inject({ method: 'POST', url: '/api/v1/cities/alpha/invitations', headers: alphaAdmin, payload: { email: 'new@example.org', roles: ['city:viewer'] } });
    expect(sent.statusCode, sent.body).toBe(201);
    const id = (sent.json() as { id: number }).id;
    const other = await app.inject({
      method: 'POST',
      url: '/api/v1/invitations',
      headers: secretariat,
      payload: { email: 'b@example.org', grants: [{ role: 'city:viewer', scope: 'beta' }] },
    });
    const otherId = (other.json() as { id: number }).id;
    const token = linkToken(smtp.mails.filter((m) => m.to.includes('new@example.org')).at(-1)!, 'invitation');

    const list = await app.inject({ method: 'GET', url: '/api/v1/cities/alpha/invitations', headers: alphaAdmin });
    expect(list.statusCode).toBe(200);
    const items = (list.json() as { invitations: { id: number; status: string; grants: unknown[] }[] }).invitations;
    expect(items.map((i) => [i.id, i.status])).toEqual([[id, 'open']]);
    expect(list.body).not.toContain(token);
    expect((await app.inject({ method: 'POST', url: `/api/v1/cities/alpha/invitations/${otherId}/revoke`, headers: alphaAdmin })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/v1/cities/beta/invitations', headers: alphaAdmin })).statusCode).toBe(403);

    const revoked = await app.inject({ method: 'POST', url: `/api/v1/cities/alpha/invitations/${id}/revoke`, headers: alphaAdmin });
    expect(revoked.json()).toMatchObject({ id, status: 'revoked' });
    const inspect = await app.inject({ method: 'POST', url: '/api/v1/invitations/inspect', payload: { token } });
    expect([inspect.statusCode, inspect.json().error.code]).toEqual([404, 'link.invalid']);
    const all = await app.inject({ method: 'GET', url: '/api/v1/invitations', headers: secretariat });
    expect((all.json() as { invitations: { id: number }[] }).invitations.map((i) => i.id)).toEqual([otherId, id]);
    const { entries } = await services.audit.list({ action: 'invitation.revoke', limit: 10 });
    expect(entries.map((e) => e.target.id)).toEqual([String(id)]);
  });
});
