import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, operatorHeaders } from '../../../test/support/app.ts';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.ts';
import { linkToken, type ReceivedMail, startLoopbackSmtp } from '../mail/loopback-smtp.test-support.ts';
import { Mailer } from '../mail/mailer.ts';
import type { Services } from '../services.ts';
import { browserOf, login, makeUser, sessionFor, strongPassword } from './accounts.test-support.ts';
import { totpCode } from './totp.ts';

describe.each(storeKinds())('first run, invitations and password resets on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let services: Services;
  let smtp: Awaited<ReturnType<typeof startLoopbackSmtp>>;
  const site = { publicUrl: 'https://safer.example.org/' };

  beforeAll(async () => {
    store = await openTestStore(kind);
    smtp = await startLoopbackSmtp();
    const mailer = new Mailer({ smtpUrl: smtp.url, from: 'Safer Cities <no-reply@safer.example.org>' });
    ({ app, services } = await buildTestApp(store, { accounts: { ...site, mailer } }));
  });
  afterAll(async () => {
    await app.close();
    await store.dispose();
    await smtp.close();
  });

  const lastMailTo = (address: string): ReceivedMail => {
    const mail = smtp.mails.filter((m) => m.to.includes(address)).at(-1);
    if (!mail) throw new Error(`no mail to ${address}`);
    return mail;
  };
  let setupToken = '';

  it('prints a setup link only while the store has no account, and the link creates the first administrator', async () => {
    const link = await services.accounts.setup.issueLinkIfEmpty();
    expect(link?.url).toMatch(/^https:\/\/safer\.example\.org\/setup#token=[\w-]{43}$/);
    setupToken = new URL(link!.url).hash.replace('#token=', '');
    const inspect = await app.inject({ method: 'POST', url: '/api/v1/setup/inspect', payload: { token: setupToken } });
    expect(inspect.statusCode).toBe(200);

    const weak = await app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { token: setupToken, email: 'chief@example.org', displayName: 'Chief', password: 'password1234' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toMatchObject({ code: 'account.weak_password', details: { reason: 'common' } });

    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { token: setupToken, email: 'chief@example.org', displayName: 'Chief', password: strongPassword },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      user: { email: 'chief@example.org', grants: [{ role: 'platform:secretariat' }] },
      secondFactor: { enrolled: false, required: true, verified: false },
    });
    expect(await services.accounts.setup.issueLinkIfEmpty()).toBeUndefined();
  });

  it('refuses the setup link a second time', async () => {
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { token: setupToken, email: 'other@example.org', displayName: 'Other', password: strongPassword },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('setup.done');
  });

  it('mails an invitation whose link works once, then refuses it as used', async () => {
    await services.cities.create({ slug: 'kisumu', name: 'Kisumu', country: 'KEN', timezone: 'Africa/Nairobi' });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/cities/kisumu/invitations',
      headers: operatorHeaders,
      payload: { email: 'Analyst@Example.org', language: 'fr', roles: ['city:analyst'] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const mail = lastMailTo('analyst@example.org');
    expect(mail.subject).toBe('Votre invitation à la Plateforme Villes plus sûres');
    expect(mail.text).toContain('https://safer.example.org/invitation#token=');
    expect(mail.text).toMatch(/invit/i);
    const token = linkToken(mail, 'invitation');

    const view = await app.inject({ method: 'POST', url: '/api/v1/invitations/inspect', payload: { token } });
    expect(view.json()).toMatchObject({ email: 'analyst@example.org', grants: [{ role: 'city:analyst', scope: 'kisumu' }], accountExists: false });
    const expires = new Date(view.json().expiresAt).getTime();
    expect(expires - Date.now()).toBeGreaterThan(9.99 * 24 * 3600 * 1000);
    expect(expires - Date.now()).toBeLessThanOrEqual(10 * 24 * 3600 * 1000);

    const accept = await app.inject({ method: 'POST', url: '/api/v1/invitations/accept', payload: { token, displayName: 'Ana Lyst', password: strongPassword } });
    expect(accept.statusCode, accept.body).toBe(201);
    expect(accept.json().user.grants).toEqual([{ role: 'city:analyst', scope: 'kisumu' }]);
    const b = browserOf(accept);
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: b.cookie } })).json().user.displayName).toBe('Ana Lyst');

    const reused = await app.inject({ method: 'POST', url: '/api/v1/invitations/accept', payload: { token, displayName: 'Eve', password: strongPassword } });
    expect(reused.statusCode).toBe(410);
    expect(reused.json().error.code).toBe('link.used');
  });

  it('refuses an expired invitation and an unknown token', async () => {
    await app.inject({ method: 'POST', url: '/api/v1/invitations', headers: operatorHeaders, payload: { email: 'late@example.org', grants: [{ role: 'platform:observer' }] } });
    const token = linkToken(lastMailTo('late@example.org'), 'invitation');
    // Ten days and a second later:
    await store.db.updateTable('one_time_links').set({ expires_at: new Date(Date.now() - 1000) }).where('email', '=', 'late@example.org').execute();
    const late = await app.inject({ method: 'POST', url: '/api/v1/invitations/accept', payload: { token, displayName: 'Late', password: strongPassword } });
    expect(late.statusCode).toBe(410);
    expect(late.json().error.code).toBe('link.expired');
    const unknown = await app.inject({ method: 'POST', url: '/api/v1/invitations/accept', payload: { token: 'x'.repeat(43), password: strongPassword } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('link.invalid');
  });

  it('lets a focal point invite the experts of their state, and nothing else', async () => {
    const { id, secret } = await makeUser(services, 'fp@example.org', [{ role: 'country:focal_point', scope: { kind: 'country', id: 'KEN' } }], { totp: true });
    const b = browserOf(await login(app, { email: 'fp@example.org', password: strongPassword, totp: totpCode(secret!) }));
    const ok = await app.inject({ method: 'POST', url: '/api/v1/countries/KEN/invitations', headers: b.headers, payload: { email: 'expert@example.org', roles: ['country:expert'] } });
    expect(ok.statusCode, ok.body).toBe(201);
    const focal = await app.inject({ method: 'POST', url: '/api/v1/countries/KEN/invitations', headers: b.headers, payload: { email: 'x@example.org', roles: ['country:focal_point'] } });
    expect(focal.statusCode).toBe(403);
    expect(focal.json().error.code).toBe('grant.not_allowed');
    const other = await app.inject({ method: 'POST', url: '/api/v1/countries/UGA/invitations', headers: b.headers, payload: { email: 'x@example.org', roles: ['country:expert'] } });
    expect(other.statusCode).toBe(403);
    expect(id).toBeGreaterThan(0);
  });

  it('adds the invitation to an existing account only when its owner is signed in', async () => {
    await app.inject({ method: 'POST', url: '/api/v1/invitations', headers: operatorHeaders, payload: { email: 'analyst@example.org', grants: [{ role: 'platform:observer' }] } });
    const token = linkToken(lastMailTo('analyst@example.org'), 'invitation');
    const anonymous = await app.inject({ method: 'POST', url: '/api/v1/invitations/accept', payload: { token } });
    expect(anonymous.json().error.code).toBe('account.exists');
    const owner = await services.accounts.users.list().then((us) => us.find((u) => u.email === 'analyst@example.org')!);
    const b = await sessionFor(services, owner.id, false);
    const added = await app.inject({ method: 'POST', url: '/api/v1/invitations/accept', headers: b.headers, payload: { token } });
    expect(added.statusCode, added.body).toBe(200);
    expect((await services.accounts.users.get(owner.id)).grants.map((g) => g.role)).toContain('platform:observer');
  });

  it('resets a password by mail, once, and ends the sessions of the account', async () => {
    const before = browserOf(await login(app, { email: 'analyst@example.org', password: strongPassword }));
    const asked = await app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'analyst@example.org', language: 'es' } });
    expect(asked.statusCode).toBe(202);
    const nobody = await app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'nobody@example.org' } });
    expect(nobody.statusCode).toBe(202);
    expect(smtp.mails.some((m) => m.to.includes('nobody@example.org'))).toBe(false);
    const mail = lastMailTo('analyst@example.org');
    expect(mail.text).toMatch(/contraseña/);
    const token = linkToken(mail, 'password-reset');
    const newPassword = 'copper-meadow-sailing-77';
    const done = await app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/complete', payload: { token, password: newPassword } });
    expect(done.statusCode, done.body).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: before.cookie } })).json()).toEqual({ user: null });
    expect((await login(app, { email: 'analyst@example.org', password: strongPassword })).statusCode).toBe(401);
    expect((await login(app, { email: 'analyst@example.org', password: newPassword })).statusCode).toBe(200);
    const again = await app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/complete', payload: { token, password: 'another-long-passphrase-9' } });
    expect(again.json().error.code).toBe('link.used');
  });

  it('sends at most three reset mails per account in 15 minutes, and only the last link works', async () => {
    await makeUser(services, 'flooded@example.org', []);
    for (let i = 0; i < 5; i++) {
      expect((await app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'flooded@example.org' } })).statusCode).toBe(202);
    }
    const mails = smtp.mails.filter((m) => m.to.includes('flooded@example.org'));
    expect(mails).toHaveLength(3);
    const old = await app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/complete', payload: { token: linkToken(mails[0]!, 'password-reset'), password: 'amber-canyon-drifting-5' } });
    expect(old.json().error.code).toBe('link.invalid');
  });
});
