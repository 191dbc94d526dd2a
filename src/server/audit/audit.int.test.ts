import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, operatorHeaders } from '../../../test/support/app.ts';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.ts';
import { browserOf, login, makeUser, platform, strongPassword } from '../accounts/accounts.test-support.ts';
import { totpCode } from '../accounts/totp.ts';
import { accessTable } from '../http/access.ts';
import { linkToken, startLoopbackSmtp } from '../mail/loopback-smtp.test-support.ts';
import { Mailer } from '../mail/mailer.ts';
import type { Services } from '../services.ts';

describe.each(storeKinds())('audit log on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let services: Services;
  let smtp: Awaited<ReturnType<typeof startLoopbackSmtp>>;
  let admin: { id: number; headers: Record<string, string> };
  const secrets: string[] = [strongPassword];

  beforeAll(async () => {
    store = await openTestStore(kind);
    smtp = await startLoopbackSmtp();
    ({ app, services } = await buildTestApp(store, {
      accounts: { publicUrl: 'http://localhost/', mailer: new Mailer({ smtpUrl: smtp.url, from: 'x@example.org' }) },
      security: { trustProxy: 1 },
    }));
    const { id, secret } = await makeUser(services, 'auditor@example.org', [platform('platform:secretariat')], { totp: true });
    secrets.push(secret!);
    const res = await login(app, { email: 'auditor@example.org', password: strongPassword, totp: totpCode(secret!) });
    const b = browserOf(res);
    secrets.push(b.cookie.split('=')[1]!, b.csrf);
    admin = { id, headers: b.headers };
  });
  afterAll(async () => {
    await app.close();
    await store.dispose();
    await smtp.close();
  });

  const entries = async (query = '') => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/audit${query}`, headers: admin.headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { entries: { id: number; actor: string; action: string; target: { type: string; id: string | null }; scope: { kind: string; id: string } | null; fields: string[] }[]; next: number | null };
  };

  it('records who created a city, with the fields written but not their values', async () => {
    const payload = { slug: 'lagos', name: 'Lagos', country: 'NGA', timezone: 'Africa/Lagos' };
    expect((await app.inject({ method: 'POST', url: '/api/v1/cities', headers: admin.headers, payload })).statusCode).toBe(201);
    expect((await app.inject({ method: 'POST', url: '/api/v1/cities', headers: operatorHeaders, payload: { ...payload, slug: 'abuja' } })).statusCode).toBe(201);
    await services.cities.create({ ...payload, slug: 'kano' });
    const { entries: list } = await entries('?action=city.create');
    expect(list.map((e) => [e.actor, e.target.id])).toEqual([
      ['system:operator', 'kano'],
      ['system:operator', 'abuja'],
      [`user:${admin.id}`, 'lagos'],
    ]);
    expect(list[2]).toMatchObject({ scope: { kind: 'city', id: 'lagos' }, fields: ['country', 'name', 'slug', 'timezone'] });
  });

  it('records job actions of the secretariat and the operator', async () => {
    const job = await app.inject({ method: 'POST', url: '/api/v1/admin/jobs', headers: admin.headers, payload: { kind: 'test.nothing' } });
    expect(job.statusCode).toBe(400);
    const backup = await services.jobs.repo.enqueue({ kind: 'store.backup', payload: {} });
    await app.inject({ method: 'POST', url: `/api/v1/admin/jobs/${backup.id}/cancel`, headers: admin.headers });
    const { entries: list } = await entries(`?targetType=job&targetId=${backup.id}`);
    expect(list).toMatchObject([{ actor: `user:${admin.id}`, action: 'job.cancel', fields: ['status'] }]);
  });

  it('records sign-ins, failures, invitations and grants, and filters by who, what, scope and time', async () => {
    await login(app, { email: 'auditor@example.org', password: 'a wrong password indeed' });
    const invite = await app.inject({
      method: 'POST',
      url: '/api/v1/cities/lagos/invitations',
      headers: admin.headers,
      payload: { email: 'Private.Person@example.org', displayName: 'Private Person', roles: ['city:analyst'] },
    });
    expect(invite.statusCode, invite.body).toBe(201);
    const token = linkToken(smtp.mails.at(-1)!, 'invitation');
    secrets.push(token);
    const accepted = await app.inject({ method: 'POST', url: '/api/v1/invitations/accept', payload: { token, password: 'plum-orchard-whistle-88' } });
    expect(accepted.statusCode, accepted.body).toBe(201);
    secrets.push('plum-orchard-whistle-88', accepted.cookies.find((c) => c.name === 'safer_session')!.value);

    const failed = await entries('?action=session.sign_in_failed');
    expect(failed.entries[0]).toMatchObject({ actor: 'anonymous', target: { type: 'user', id: String(admin.id) } });
    const grants = await entries('?action=grant.add&scope=city:lagos');
    expect(grants.entries[0]).toMatchObject({ actor: `user:${admin.id}`, fields: ['city:analyst'] });
    const family = await entries('?action=invitation.*');
    expect(family.entries.map((e) => e.action)).toEqual(['invitation.accept', 'invitation.create']);
    const mine = await entries(`?actor=user:${admin.id}&scope=city`);
    expect(mine.entries.length).toBeGreaterThanOrEqual(3);
    expect(mine.entries.every((e) => e.actor === `user:${admin.id}` && e.scope?.kind === 'city')).toBe(true);
    const future = await entries(`?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
    expect(future.entries).toEqual([]);
    const past = await entries(`?to=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}`);
    expect(past.entries).toEqual([]);
  });

  it('pages newest first with `before`', async () => {
    const first = await entries('?limit=2');
    expect(first.entries).toHaveLength(2);
    expect(first.next).toBe(first.entries[1]!.id);
    const second = await entries(`?limit=2&before=${first.next}`);
    expect(second.entries[0]!.id).toBeLessThan(first.entries[1]!.id);
  });

  it('holds no password, token, secret, e-mail address, name or network address', async () => {
    const { rows } = await sql<{ dump: string }>`select coalesce(json_agg(a)::text, '') as dump from audit_log a`.execute(store.db);
    const dump = rows[0]!.dump;
    expect(dump.length).toBeGreaterThan(100);
    for (const s of secrets) expect(dump).not.toContain(s);
    for (const personal of ['auditor@example.org', 'private.person@example.org', 'Private Person', '198.51.', '127.0.0.1']) {
      expect(dump).not.toContain(personal);
    }
  });

  it('cannot be edited: no route writes it, and the table refuses updates and deletes', async () => {
    expect(accessTable(app).filter((r) => r.url.startsWith('/api/v1/audit') && r.method !== 'GET')).toEqual([]);
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST'] as const) {
      const res = await app.inject({ method, url: '/api/v1/audit', headers: admin.headers, payload: {} });
      expect(res.statusCode).toBe(404);
    }
    await expect(sql`update audit_log set actor = 'someone else'`.execute(store.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(store.db)).rejects.toThrow(/append-only/);
    expect((await entries()).entries.length).toBeGreaterThan(5);
  });

  it('is read by the secretariat only', async () => {
    const { id } = await makeUser(services, 'board@example.org', [platform('platform:board')]);
    const b = browserOf(await login(app, { email: 'board@example.org', password: strongPassword }));
    expect((await app.inject({ method: 'GET', url: '/api/v1/audit', headers: b.headers })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/v1/audit', headers: operatorHeaders })).statusCode).toBe(200);
    expect(id).toBeGreaterThan(0);
  });
});
